package scenario

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// looseName keeps a name's letters a–z (lower-cased) and digits 0–9 and
// drops the rest, spaces and punctuation; the characters either side of each
// range ('`' and '{', '/' and ':') are dropped, the ends kept
// (scenario.go 143: its bounds and negations).
func TestLooseNameKeepsLettersAndDigitsOnly(t *testing.T) {
	require.Equal(t, "az09", looseName("a z 0 9"))
	require.Equal(t, "az09", looseName("`A{Z}/0:9;"))
	require.Equal(t, "stmarys2", looseName("St. Mary's (2)"))
	require.Equal(t, "", looseName("— ~_@é"))
}
