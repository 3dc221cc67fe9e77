package oncost_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/stretchr/testify/require"
)

// An unknown key written where no line of the file spells its path (inside
// an inline table) is reported at the line of its table, never by indexing
// past the lines found (a lived mutant at oncost.go:187, issue 25).
func TestUnknownKeyInAnInlineTable(t *testing.T) {
	_, err := oncost.Load("oncosts.toml", []byte("\n\nemployer_ni = [{from = 2025-04-06, colour = \"red\"}]\n"))
	require.ErrorIs(t, err, des.ErrUnknownKey)
	var fe *des.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "oncosts.toml", fe.File)
	require.Equal(t, 3, fe.Line, "%v", err)
}
