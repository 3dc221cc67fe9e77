package scenario_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

// written_agreement on a staff line reaches the roster (and is false when
// not given).
func TestWrittenAgreementKey(t *testing.T) {
	sc, err := scenario.Load("mhp.toml", []byte(`name = "MHP PCN"
[[practices]]
name = "P"
registered = 10000
weighted = 10000
adjusted = 10000

[[staff]]
name = "First"
role = "mental_health_practitioner"
band = "5"
wte = 1
start = 2026-04-01
annual_cost = 30000

[[staff]]
name = "Second"
role = "mental_health_practitioner"
band = "5"
wte = 1
start = 2026-05-01
annual_cost = 30000
written_agreement = true
`))
	require.NoError(t, err)
	require.Len(t, sc.Staff, 2)
	require.False(t, sc.Staff[0].WrittenAgreement)
	require.True(t, sc.Staff[1].WrittenAgreement)
}
