package arrs_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Tests written to kill mutants that survived the suite (see the README's
// mutation testing section): each pins a rule the mutant broke.

// Claims exactly equal to the sum do not run it out: the main sum is £2 ×
// 22,500 weighted = £45,000 and a physio costing £60,000 claims 9 × £5,000
// from July.
func TestPotClaimsEqualToTheSumDoNotRunOut(t *testing.T) {
	p := plan(t)
	r, err := p.Calculate(pcn(40000, 22500), []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", d(2023, 4, 1), des.Date{}, 60000)})
	require.NoError(t, err)
	main, _ := r.Pot("main")
	requireMoney(t, "45000", main.Sum.Decimal())
	requireMoney(t, "45000", main.Claims.Decimal())
	requireMoney(t, "0", main.Headroom.Decimal())
	require.Empty(t, main.RunsOut)
	require.Empty(t, r.RunsOut)
	// a penny a month more runs it out in March
	r, err = p.Calculate(pcn(40000, 22500), []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", d(2023, 4, 1), des.Date{}, 60001)})
	require.NoError(t, err)
	require.Equal(t, "2024-03", r.RunsOut) // 9 × £5,000.08 = £45,000.72 > £45,000
}

// The result runs out in the earliest month any pot does, whichever pot
// comes first: main (£20,000) runs out in January 2024, the GP pot
// (£10,000) in November 2023.
func TestResultRunsOutInTheEarliestPotMonth(t *testing.T) {
	p := plan(t)
	r, err := p.Calculate(pcn(10000, 10000), []arrs.Staff{
		staff("F", "first_contact_physiotherapist", "1", d(2023, 4, 1), des.Date{}, 36000),
		staff("G", "general_practitioner", "1", d(2023, 4, 1), des.Date{}, 120000),
	})
	require.NoError(t, err)
	require.Equal(t, "2023-11", r.RunsOut)
	// Only main runs out: the GP pot's silence does not clear it.
	r, err = p.Calculate(pcn(10000, 10000), []arrs.Staff{
		staff("F", "first_contact_physiotherapist", "1", d(2023, 4, 1), des.Date{}, 36000),
	})
	require.NoError(t, err)
	require.Equal(t, "2024-01", r.RunsOut)
	// Only the GP pot runs out.
	r, err = p.Calculate(pcn(10000, 10000), []arrs.Staff{
		staff("G", "general_practitioner", "1", d(2023, 4, 1), des.Date{}, 120000),
	})
	require.NoError(t, err)
	require.Equal(t, "2023-11", r.RunsOut)
}

// Cost is the employer cost of the months employed, not the claim: a physio
// costing £80,000 all year claims £48,504 (capped, from July) and costs
// 12 × £6,666.67 = £80,000.04 (each month rounded).
func TestCostIsNotTheClaim(t *testing.T) {
	p := plan(t)
	r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", d(2023, 4, 1), des.Date{}, 80000)})
	require.NoError(t, err)
	requireMoney(t, "48504", r.Staff[0].Claim.Decimal())
	requireMoney(t, "80000.04", r.Staff[0].Cost.Decimal())
	requireMoney(t, "80000.04", r.Cost.Decimal())
}

// Maximum is the maximum of the last month claimed, zero when nothing is.
func TestStaffMaximumIsTheLastMonthClaimed(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	rs = rs.SourcedOnly() // the published figures; the paramedic has none
	s := arrs.Staff{Name: "A", Role: "clinical_pharmacist", WTE: wte("1"), Start: d(2025, 4, 1), End: d(2025, 4, 30), AnnualCost: decimal.NewFromInt(90000), London: arrs.InnerLondon}
	n := arrs.Staff{Name: "N", Role: "paramedic", WTE: wte("1"), Start: d(2025, 4, 1), AnnualCost: decimal.NewFromInt(50000)}
	x := arrs.Staff{Name: "X", Role: "astronaut", WTE: wte("1"), Start: d(2025, 4, 1), AnnualCost: decimal.NewFromInt(50000)}
	_, err = arrs.Calculate(rs, pcn(40000, 50000), []arrs.Staff{s, n, x}, arrs.Options{})
	require.ErrorIs(t, err, des.ErrInvalid, "a role outside the catalogue is an error, not a zero")
	require.Contains(t, err.Error(), `staff[2] (X).role: unknown role "astronaut"`)
	r, err := arrs.Calculate(rs, pcn(40000, 50000), []arrs.Staff{s, n}, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "77545", find(t, r, "A").Maximum.Decimal()) // April only, inner London
	requireMoney(t, "6462.08", find(t, r, "A").Claim.Decimal()) // 77,545 ÷ 12 = 6,462.0833…
	requireMoney(t, "0", find(t, r, "N").Maximum.Decimal())     // no sourced 2025/26 maximum
}

func TestExplainNotEmployedInTheYear(t *testing.T) {
	p := plan(t)
	r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{staff("L", "first_contact_physiotherapist", "1", d(2024, 5, 1), des.Date{}, 50000)})
	require.NoError(t, err)
	require.Contains(t, r.Staff[0].Explain(), "not employed in 2023/24")
	require.Empty(t, r.Breaches)
}

// Breaches are runs of months with one rule: a GP (eligible from October)
// in a year whose claims start in July.
func TestBreachesAreRunsOfMonths(t *testing.T) {
	p := plan(t)
	r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{staff("G", "general_practitioner", "1", d(2023, 4, 1), des.Date{}, 120000)})
	require.NoError(t, err)
	require.Len(t, r.Breaches, 2, "%+v", r.Breaches)
	require.Equal(t, arrs.ReasonBeforeClaims, r.Breaches[0].Rule)
	require.Equal(t, "2023-04", r.Breaches[0].From)
	require.Equal(t, "2023-06", r.Breaches[0].To)
	require.Equal(t, arrs.ReasonBeforeEligible, r.Breaches[1].Rule)
	require.Equal(t, "2023-07", r.Breaches[1].From)
	require.Equal(t, "2023-09", r.Breaches[1].To)
}

// With a headcount cap of one, of two starting on the same day the first by
// name keeps the place, whatever the roster order.
func TestCapPlaceGoesByStartThenName(t *testing.T) {
	p := plan(t)
	for _, roster := range [][]arrs.Staff{
		{staff("B", "clinical_pharmacist", "1", d(2023, 7, 1), des.Date{}, 50000), staff("A", "clinical_pharmacist", "1", d(2023, 7, 1), des.Date{}, 50000)},
		{staff("A", "clinical_pharmacist", "1", d(2023, 7, 1), des.Date{}, 50000), staff("B", "clinical_pharmacist", "1", d(2023, 7, 1), des.Date{}, 50000)},
	} {
		r, err := p.Calculate(pcn(40000, 50000), roster)
		require.NoError(t, err)
		requireMoney(t, "26250.03", find(t, r, "A").Claim.Decimal()) // 9 × 2,916.67
		requireMoney(t, "0", find(t, r, "B").Claim.Decimal())
		require.Equal(t, "A", r.Staff[0].Name)
	}
}

// A rule set without caps does not need the registered list.
func TestNoCapsNoRegisteredListNeeded(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	pc := des.PCN{Name: "W", Practices: []des.Practice{{Name: "P", Weighted: des.WholeNumber(30000)}}}
	r, err := arrs.Calculate(rs, pc, []arrs.Staff{{Name: "A", Role: "clinical_pharmacist", WTE: wte("1"), Start: d(2025, 4, 1), AnnualCost: decimal.RequireFromString("62000.22")}}, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "62000.28", r.Claims.Decimal())
	requireMoney(t, "798930", r.Sum.Decimal()) // £26.631 × 30,000
}

// The roster bounds are where the README says: up to 10 WTE on a line, at
// most four places (two for hours), an annual cost of up to £1,000,000.
func TestRosterBounds(t *testing.T) {
	dec := decimal.RequireFromString
	for in, ok := range map[string]bool{"10": true, "10.0001": false, "9.9999": true, "0.0001": true, "0.00001": false, "0": false, "-1": false} {
		_, err := arrs.WTEOf(dec(in))
		require.Equal(t, ok, err == nil, "WTE %s: %v", in, err)
	}
	week := dec("37.5")
	for in, ok := range map[string]bool{"375": true, "375.01": false, "0.01": true, "0.001": false, "0": false} {
		_, err := arrs.WTEHours(dec(in), week)
		require.Equal(t, ok, err == nil, "hours %s: %v", in, err)
	}
	_, err := arrs.WTEHours(dec("7.5"), dec("37.505"))
	require.Error(t, err)
	p := plan(t)
	for in, ok := range map[string]bool{"1000000": true, "1000000.00": true, "1000000.01": false, "999999.99": true, "1000001": false, "1500000": false, "10000000": false, "0.01": true} {
		s := staff("C", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 0)
		s.AnnualCost = dec(in)
		_, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{s})
		require.Equal(t, ok, err == nil, "cost %s: %v", in, err)
	}
	var zero arrs.WTE
	s := staff("Z", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 50000)
	s.WTE = zero
	_, err = p.Calculate(pcn(40000, 50000), []arrs.Staff{s})
	require.ErrorIs(t, err, des.ErrInvalid)
	s.WTE = wte("10").Mul(1)
	_, err = p.Calculate(pcn(40000, 50000), []arrs.Staff{s})
	require.NoError(t, err)
	s.WTE = wte("5").Mul(3) // 15 WTE on one line
	_, err = p.Calculate(pcn(40000, 50000), []arrs.Staff{s})
	require.ErrorIs(t, err, des.ErrInvalid)
}
