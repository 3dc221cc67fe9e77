package scenario_test

// Issue 25: the [sharing] rules (scenario/sharing.go's doc) that decide who
// bears which money, each checked where a mutant lived.

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func TestSharingRulesAsDocumented(t *testing.T) {
	load := func(extra string) (*scenario.Scenario, error) {
		return scenario.Load("s.toml", []byte(goodScenario+extra))
	}
	// The last [[staff]] (the GP) shares only its claim equally; its cost
	// follows the default basis.
	sc, err := load("claim_basis = \"equal\"\n")
	require.NoError(t, err)
	require.Equal(t, scenario.StaffShare{ClaimBasis: scenario.ShareEqual}, sc.Sharing.Staff["GP"])
	sc, err = load("cost_basis = \"weighted\"\n")
	require.NoError(t, err)
	require.Equal(t, scenario.StaffShare{CostBasis: scenario.ShareWeighted}, sc.Sharing.Staff["GP"])

	// care_home_beds is a basis for a payment only, not the default.
	_, err = load("[sharing]\nbasis = \"care_home_beds\"\n")
	require.ErrorIs(t, err, des.ErrInvalid)
	sc, err = load("[sharing]\nbasis = \"registered\"\n  [[sharing.payment]]\n  id = \"care_home_premium\"\n  basis = \"care_home_beds\"\n")
	require.NoError(t, err)
	require.Equal(t, scenario.ShareCareHomeBeds, sc.Sharing.Payments["care_home_premium"])

	// A payment shared on fixed percentages needs them.
	_, err = load("[sharing]\nbasis = \"registered\"\n  [[sharing.payment]]\n  id = \"enhanced_access\"\n  basis = \"fixed\"\n")
	require.Error(t, err)
	require.Contains(t, err.Error(), "sharing.basis")

	// Retained amounts: a name, and pounds and pence (two places at most).
	sc, err = load("[sharing]\n  [[sharing.retained]]\n  name = \"Clinical director\"\n  annual = 100.07\n")
	require.NoError(t, err)
	require.True(t, decimal.RequireFromString("100.07").Equal(sc.Sharing.Retained[0].Annual))
	_, err = load("[sharing]\n  [[sharing.retained]]\n  name = \"Clinical director\"\n  annual = 100.071\n")
	require.ErrorIs(t, err, des.ErrInvalid)
	_, err = load("[sharing]\n  [[sharing.retained]]\n  name = \"  \"\n  annual = 100\n")
	require.ErrorIs(t, err, des.ErrMissing)
}

// List growth starts after the base year: in the base year itself a
// practice's figures are as given, to the last place (weighted 13,250.125,
// not rounded to 13,250.13); a year on, 2% more, rounded to two places:
// 13,250.125 × 1.02 = 13,515.1275 → 13,515.13; registered 12,000 × 1.02 =
// 12,240.
func TestListGrowthFromTheYearAfterTheBase(t *testing.T) {
	sc, err := scenario.Load("g.toml", []byte(`name = "G"
[[practices]]
name = "A"
registered = 12000
weighted = 13250.125
adjusted = 12500
care_home_beds = 0
[assumptions]
list_growth_pct = 2
`))
	require.NoError(t, err)
	base := sc.BaseYear()
	require.Equal(t, "13250.125", sc.PCN(base).Practices[0].Weighted.Decimal().String())
	next := sc.PCN(base + 1).Practices[0]
	require.Equal(t, "13515.13", next.Weighted.Decimal().StringFixed(2))
	require.Equal(t, "12240", next.Registered.Decimal().String())
}
