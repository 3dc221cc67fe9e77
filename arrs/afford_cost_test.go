package arrs_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func affordDefault(t *testing.T, year string, h arrs.Hire) arrs.Affordability {
	t.Helper()
	rs, err := rates.YearNamed(year)
	require.NoError(t, err)
	plan, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(30000),
		Weighted: des.WholeNumber(30000), Adjusted: des.WholeNumber(30000), CareHomeBeds: des.WholeNumber(0)}}}
	one, err := arrs.WTEOf(decimal.NewFromInt(1))
	require.NoError(t, err)
	h.WTE = one
	a, err := plan.Afford(pcn, nil, h)
	require.NoError(t, err)
	return a
}

// Issue 11: with no cost given, the explanation says the claim is the
// maximum, so it must be. In 2019/20 a pharmacist's £37,810 is the most that
// may be claimed after 70%: the assumed cost is £37,810 ÷ 0.7 = £54,014.29
// (the least penny whose 70% reaches it), and from October the claim is six
// months of £37,810 ÷ 12 = £3,150.83, £18,904.98 (not 70% of that).
func TestAffordDefaultCostClaimsTheMaximum(t *testing.T) {
	a := affordDefault(t, "2019/20", arrs.Hire{Role: "clinical_pharmacist", Start: des.MustDate(2019, 10, 1)})
	require.True(t, a.Claim == des.MustMoney("18904.98"), "claim %s", a.Claim)
	require.Contains(t, a.Explain, "£54,014.29 a year per WTE counted (assumed to cost at least the maximum, "+
		"so the claim is the maximum)")
}

// Issue 11: a PCN with no London setting is costed at the national maximum
// (£65,838 for a pharmacist from October 2024), not the inner-London one
// (£76,313); an inner-London hire at the inner-London one.
func TestAffordDefaultCostIsTheHiresZone(t *testing.T) {
	h := arrs.Hire{Role: "clinical_pharmacist", Start: des.MustDate(2024, 10, 1)}
	a := affordDefault(t, "2024/25", h)
	require.Contains(t, a.Explain, "£65,838.00 a year per WTE counted")
	require.NotContains(t, a.Explain, "76,313")
	// Six months of £65,838 ÷ 12 = £5,486.50.
	require.True(t, a.Claim == des.MustMoney("32919.00"), "claim %s", a.Claim)
	h.London = arrs.InnerLondon
	require.Contains(t, affordDefault(t, "2024/25", h).Explain, "£76,313.00 a year per WTE counted")
}

// Issue 20: a hire is checked by the library as a roster line is, not only
// by the headroom program: a cost with more than two decimal places, a
// negative cost, an unknown London zone and no WTE are each an error naming
// the field.
func TestAffordChecksTheHire(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	plan, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(30000),
		Weighted: des.WholeNumber(30000), Adjusted: des.WholeNumber(30000), CareHomeBeds: des.WholeNumber(0)}}}
	one, err := arrs.WTEOf(decimal.NewFromInt(1))
	require.NoError(t, err)
	ok := arrs.Hire{Role: "paramedic", WTE: one, Start: des.MustDate(2025, 4, 1)}
	_, err = plan.Afford(pcn, nil, ok)
	require.NoError(t, err)
	for _, tc := range []struct {
		field string
		hire  func(h *arrs.Hire)
	}{
		{"annual_cost", func(h *arrs.Hire) { h.AnnualCost = decimal.RequireFromString("64000.555") }},
		{"annual_cost", func(h *arrs.Hire) { h.AnnualCost = decimal.RequireFromString("-1") }},
		{"london", func(h *arrs.Hire) { h.London = "north" }},
		{"wte", func(h *arrs.Hire) { h.WTE = arrs.WTE{} }},
	} {
		h := ok
		tc.hire(&h)
		_, err := plan.Afford(pcn, nil, h)
		require.ErrorIs(t, err, des.ErrInvalid, tc.field)
		var fe *des.FieldError
		require.ErrorAs(t, err, &fe, tc.field)
		require.Equal(t, tc.field, fe.Field)
	}
}

// An afford answer's claim reproduces by hand from its monthly claims (issue
// 22: £152,900 a year shows £152,900.04 with no word why). A 2026/27 GP at
// 1 WTE from April: £152,900 ÷ 12 = £12,741.666… → £12,741.67 each month,
// 12 × £12,741.67 = £152,900.04. A care coordinator from 15 October 2025
// (national maximum £37,477 after the backdated 2025/26 uplift): October is
// 17 of 31 days, £37,477 × 17 ÷ (12 × 31) = £637,109 ÷ 372 = £1,712.658… → £1,712.66; each
// later month £37,477 ÷ 12 = £3,123.083… → £3,123.08; the claim
// £1,712.66 + 5 × £3,123.08 = £17,328.06.
func TestAffordExplainsTheMonthlyRounding(t *testing.T) {
	a := affordDefault(t, "2026/27", arrs.Hire{Role: "general_practitioner", Start: des.MustDate(2026, 4, 1)})
	require.Equal(t, "152900.04", a.Claim.Plain())
	require.Contains(t, a.Explain, "claim £152,900.04 (the sum of its monthly claims, each worked out on the "+
		"month's days employed and rounded half-up to the penny: 12 × £12,741.67)")

	b := affordDefault(t, "2025/26", arrs.Hire{Role: "care_coordinator", Start: des.MustDate(2025, 10, 15)})
	require.Equal(t, "17328.06", b.Claim.Plain())
	require.Contains(t, b.Explain, "claim £17,328.06 (the sum of its monthly claims, each worked out on the "+
		"month's days employed and rounded half-up to the penny: 1 × £1,712.66 + 5 × £3,123.08)")
}
