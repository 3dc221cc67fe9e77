package statement_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/pcnfin/pcnfin/statement"
	"github.com/stretchr/testify/require"
)

// Issue 24: a sharing basis every practice has at 0 is refused naming the
// scenario file and the line of the basis, not only the field.
func TestZeroWeightsNameTheFile(t *testing.T) {
	sc, err := scenario.Load("zero.toml", []byte(`name = "Z PCN"
years = ["2025/26"]

[[practices]]
name = "P1"
registered = 12000
weighted = 0
adjusted = 12500
care_home_beds = 0

[[practices]]
name = "P2"
registered = 9000
weighted = 0
adjusted = 9100
care_home_beds = 0

[sharing]
basis = "weighted"
`))
	require.NoError(t, err)
	wb, err := scenario.New(sc, scenario.Options{})
	require.NoError(t, err)
	_, err = statement.Of(wb)
	require.ErrorIs(t, err, des.ErrInvalid)
	require.EqualError(t, err, "zero.toml:19: income core_pcn_funding: sharing.basis: shared by weighted, "+
		"but every practice's weighted is 0 in 2025/26: nothing to share by; share by another basis "+
		"(sharing.basis, a [[sharing.payment]] basis, or a person's cost_basis or claim_basis)")
}
