package rulefile_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

// A part whose first value starts after the part would load and then fail
// every entitlement (no rate in force in April); the loader refuses it,
// naming the field.
func TestLoadRefusesAFirstValueAfterItsPart(t *testing.T) {
	late := `
year = "2022/23"
[[payment]]
id = "core_pcn_funding"
name = "Core"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "1.50"
    from = 2022-05-01
    source = "test"
    url = "https://example.org/core"
    confidence = "confirmed"
`
	_, err := rulefile.Read("late.toml", []byte(late))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.ErrorContains(t, err, "payment[0].part[0].value[0].from")
	require.ErrorContains(t, err, "after its part")
}
