package scenario

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

// A nil or zero rule set has no IIF estimate, and says so.
func TestEstimateIIFWithoutARuleSet(t *testing.T) {
	_, err := estimateIIF(nil, nil)
	require.ErrorIs(t, err, des.ErrMissing)
	var rs des.RuleSet
	_, err = estimateIIF(&rs, nil)
	require.ErrorIs(t, err, des.ErrMissing)
}
