package arrs_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A hire whose claim at some WTE equals the headroom exactly fits at that
// WTE (a lived mutant at afford.go:167 stepped down a further 0.01). The
// main sum is £2 × 22,500 weighted = £45,000 with nothing claimed; a
// physiotherapist costing £60,000 claims 9 × £5,000 = £45,000 a WTE from
// July (as TestPotClaimsEqualToTheSumDoNotRunOut works out), so the
// headroom funds exactly 1.00 WTE, and £22,500 of headroom exactly 0.50
// (9 × £2,500).
func TestMaxWTEWhenTheClaimEqualsTheHeadroom(t *testing.T) {
	p := plan(t)
	h := arrs.Hire{Role: "first_contact_physiotherapist", WTE: wte("1"), Start: d(2023, 4, 1), AnnualCost: decimal.NewFromInt(60000)}
	a, err := p.Afford(pcn(40000, 22500), nil, h)
	require.NoError(t, err)
	requireMoney(t, "45000", a.HeadroomBefore.Decimal())
	requireMoney(t, "45000", a.ClaimPerWTE.Decimal())
	require.True(t, a.MaxWTEKnown)
	require.Equal(t, "1", a.MaxWTE.String())

	// Half the headroom: someone already claims £22,500 (a physio at 0.5 WTE).
	roster := []arrs.Staff{staff("F", "first_contact_physiotherapist", "0.5", d(2023, 4, 1), d(2024, 3, 31), 60000)}
	a, err = p.Afford(pcn(40000, 22500), roster, h)
	require.NoError(t, err)
	requireMoney(t, "22500", a.HeadroomBefore.Decimal())
	require.Equal(t, "0.5", a.MaxWTE.String())
}
