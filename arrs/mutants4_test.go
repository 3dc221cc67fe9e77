package arrs_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Tests written against the mutants that lived in gremlins' run of arrs at
// 4c38092 (issue 25); each pins the rule the mutant broke, with figures
// worked by hand.

// A hire with no cost is assumed to cost the least that claims the maximum
// in every month, each month's maximum being the one its claim uses: a
// zone's figure that rounds to £0.00 is that zone's (it is not absent, so
// the national one does not stand in for it). The test rules' first contact
// physiotherapist given, from April, £70,000 nationally and £0.004 in outer
// London (0 pennies); from October £65,838 with no London figure (the
// national one applies). An outer-London hire from 1 July 2023 claims
// nothing from July to September (a maximum of £0.00) and £65,838 ÷ 12 =
// £5,486.50 a month from October, 6 × £5,486.50 = £32,919.00; the least
// cost claiming every month's maximum is £65,838.00 (£70,000 is the
// national figure, not the hire's).
func TestAffordAssumedCostTakesAZonesPennilessMaximum(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	c := rs.Contents()
	for i := range c.ARRS.Roles {
		if c.ARRS.Roles[i].ID == "first_contact_physiotherapist" {
			c.ARRS.Roles[i].Maxima[0].National = decimal.NewFromInt(70000)
			c.ARRS.Roles[i].Maxima[0].OuterLondon = decimal.RequireFromString("0.004")
		}
	}
	p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{})
	require.NoError(t, err)
	// The claim takes the zone's £0.00 too: an outer-London physiotherapist
	// from 1 July costing £60,000 claims nothing from July to September and
	// £60,000 ÷ 12 = £5,000.00 a month from October, £30,000.00.
	r, err := p.Calculate(fullPCN("P", 30000, 30000, 30000), []arrs.Staff{{Name: "F",
		Role: "first_contact_physiotherapist", WTE: wte("1"), Start: d(2023, 7, 1), AnnualCost: decimal.NewFromInt(60000),
		London: arrs.OuterLondon}})
	require.NoError(t, err)
	requireMoney(t, "0", r.Staff[0].Months[5])
	requireMoney(t, "5000", r.Staff[0].Months[6])
	requireMoney(t, "30000", r.Staff[0].Claim)
	a, err := p.Afford(fullPCN("P", 30000, 30000, 30000), nil, arrs.Hire{Role: "first_contact_physiotherapist",
		WTE: wte("1"), Start: d(2023, 7, 1), London: arrs.OuterLondon})
	require.NoError(t, err)
	requireMoney(t, "32919.00", a.Claim)
	require.Contains(t, a.Explain, "£65,838.00 a year per WTE counted")
}

// A registered list written with a decimal place ("60000.0", a whole number
// Validate accepts) counts as 60,000, not as its digits 600,000: under the
// test rules' pharmacist cap (one, or two above 100,000) a PCN of 60,000
// takes one pharmacist. Two pharmacists from 1 July 2023 costing £50,000
// each: the first claims £50,000 × 70% ÷ 12 = £2,916.666… → £2,916.67 a
// month, 9 × £2,916.67 = £26,250.03; the second nothing. The same on the
// explained path and the totals path.
func TestRegisteredWithADecimalPlaceCountsAsItsValue(t *testing.T) {
	p := plan(t)
	six := des.NumberOf(decimal.RequireFromString("60000.0"))
	pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "A", Registered: six, Weighted: six, Adjusted: six,
		CareHomeBeds: des.WholeNumber(0)}}}
	two := []arrs.Staff{
		staff("A", "clinical_pharmacist", "1", d(2023, 7, 1), des.Date{}, 50000),
		staff("B", "clinical_pharmacist", "1", d(2023, 7, 1), des.Date{}, 50000),
	}
	r, err := p.Calculate(pcn, two)
	require.NoError(t, err)
	requireMoney(t, "26250.03", find(t, r, "A").Claim)
	requireMoney(t, "0", find(t, r, "B").Claim)
	requireMoney(t, "26250.03", r.Claims)
	tot, err := p.CalculateTotals([]arrs.PCNInput{{PCN: pcn, Roster: two}})
	require.NoError(t, err)
	require.Equal(t, int64(2625003), tot[0].Claimed())
}

// A batch may be worked out on more goroutines than four (a machine with
// more cores, or workers given): the PCNs are shared out in blocks either
// way. Five PCNs of one physiotherapist each, from 1 July 2023 costing
// £60,000 (below the test rules' £62,340 and £65,838 maxima): £60,000 ÷ 12
// = £5,000.00 a month, 9 × £5,000.00 = £45,000.00 each, on 8 workers.
func TestBatchOnMoreWorkersThanFour(t *testing.T) {
	p := plan(t)
	in := make([]arrs.PCNInput, 5)
	for i := range in {
		in[i] = arrs.PCNInput{PCN: fullPCN("P", 30000, 30000, 30000),
			Roster: []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 60000)}}
	}
	tot, err := p.CalculateTotalsN(in, 8)
	require.NoError(t, err)
	b := p.CalculateBatch(in, 8)
	for i := range in {
		require.Equal(t, int64(4500000), tot[i].Claimed(), "PCN %d", i)
		require.NoError(t, b.Err(i))
		require.Equal(t, int64(4500000), b.Staff(i)[0].Claim(), "PCN %d", i)
		require.Equal(t, int64(500000), b.Staff(i)[0].Months[11], "PCN %d", i)
	}
}

// A salaried person at a WTE of many parts (0.63 = 63/100) whose month's
// cost is above the maximum's share claims that share, on the fast form of
// the month's claim (a denominator of 100 takes it; 1/2 or 1 did not
// reach its products). The test rules' physiotherapist (100%) on £120,000
// at 0.63 WTE from 1 April 2023, on flatOnCost: pay £120,000 × 0.63 ÷ 12 =
// £6,300.00, cost £6,400.00 a month, £76,800.00 a year. Claims start in
// July: July to September £62,340 × 0.63 ÷ 12 = £39,274.20 ÷ 12 =
// £3,272.85 a month; October to March £65,838 × 0.63 ÷ 12 = £41,477.94 ÷
// 12 = £3,456.495 → £3,456.50 (half-up). The year 3 × £3,272.85 + 6 ×
// £3,456.50 = £9,818.55 + £20,739.00 = £30,557.55.
func TestSalariedClaimAtAWTEOfHundredths(t *testing.T) {
	s := salariedFCP(t, wte("0.63"), 120000, d(2023, 4, 1), noSources)
	requireMoney(t, "6400", s.CostMonths[0])
	requireMoney(t, "76800", s.Cost)
	requireMoney(t, "0", s.Months[2])
	requireMoney(t, "3272.85", s.Months[3])
	requireMoney(t, "3272.85", s.Months[5])
	requireMoney(t, "3456.50", s.Months[6])
	requireMoney(t, "3456.50", s.Months[11])
	requireMoney(t, "30557.55", s.Claim)
}

// An employer cost is not negative, whether given on the roster line
// (Validate) or worked out from a salary by Options.SalaryCost: a SalaryCost
// giving −£100.00 for a month's pay is refused, naming the salary, on the
// explained path and the totals path. (Before, the physiotherapist on
// £30,000 from April claimed −£100.00 a month from July, −£900.00 in the
// year, which raised the PCN's headroom.)
func TestNegativeSalaryCostIsRefused(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	neg := func(p arrs.Pay) (arrs.PayCost, error) {
		return arrs.PayCost{Cost: decimal.NewFromInt(-100), Arithmetic: "pay " + p.Amount.StringFixed(2) + " − £100.00"}, nil
	}
	roster := []arrs.Staff{{Name: "F", Role: "first_contact_physiotherapist", WTE: wte("1"), Start: d(2023, 4, 1),
		Salary: decimal.NewFromInt(30000)}}
	p, err := arrs.Compile(rs, arrs.Options{SalaryCost: neg})
	require.NoError(t, err)
	_, err = p.Calculate(fullPCN("P", 30000, 30000, 30000), roster)
	require.ErrorIs(t, err, des.ErrInvalid)
	var fe *des.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "staff[0] (F).salary", fe.Field)
	require.Contains(t, err.Error(), "the employer cost of 2023-04's pay of £2,500.00 is -100")
	_, err = p.CalculateTotals([]arrs.PCNInput{{PCN: fullPCN("P", 30000, 30000, 30000), Roster: roster}})
	require.ErrorIs(t, err, des.ErrInvalid)

	// Nor is it a wrapped figure: a cost of 2^64 + 100 pennies
	// (£184,467,440,737,095,517.16) is refused as too large. (Before, its
	// pennies wrapped to 100 and the month claimed £1.00.)
	vast := func(p arrs.Pay) (arrs.PayCost, error) {
		return arrs.PayCost{Cost: decimal.RequireFromString("184467440737095517.16"), Arithmetic: "vast"}, nil
	}
	p, err = arrs.Compile(rs, arrs.Options{SalaryCost: vast})
	require.NoError(t, err)
	_, err = p.Calculate(fullPCN("P", 30000, 30000, 30000), roster)
	require.ErrorIs(t, err, arrs.ErrOverflow)
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "staff[0] (F).salary", fe.Field)
	_, err = p.CalculateTotals([]arrs.PCNInput{{PCN: fullPCN("P", 30000, 30000, 30000), Roster: roster}})
	require.ErrorIs(t, err, arrs.ErrOverflow)
}

// A salaried month cut by a cap in WTE rounds its claim half-up, on the
// exact path that a cut WTE takes. The test rules' mental health
// practitioners (50%, £60,000, a cap of 1 WTE): A at 0.75 WTE (an annual
// cost of £40,000) and B at 0.5 WTE on £24,000.48, both from 1 July 2023,
// on flatOnCost. B's pay £24,000.48 × 0.5 ÷ 12 = £1,000.02, cost
// £1,100.02 a month; 0.25 of her 0.5 WTE fits under the cap: £1,100.02 ×
// 0.25/0.5 = £550.01 (under the maximum's £60,000 × 0.25 ÷ 12 = £1,250.00)
// × 50% = £275.005 → £275.01 (half-up), 9 × £275.01 = £2,475.09 in the year.
func TestSalariedClaimCutByACapRoundsHalfUp(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	r, err := arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{
		staff("A", "mental_health_practitioner", "0.75", d(2023, 7, 1), des.Date{}, 40000),
		{Name: "B", Role: "mental_health_practitioner", WTE: wte("0.5"), Start: d(2023, 7, 1),
			Salary: decimal.RequireFromString("24000.48")},
	}, arrs.Options{SalaryCost: flatOnCost(noSources)})
	require.NoError(t, err)
	b := find(t, r, "B")
	requireMoney(t, "1100.02", b.CostMonths[3])
	requireMoney(t, "275.01", b.Months[3])
	requireMoney(t, "275.01", b.Months[11])
	requireMoney(t, "2475.09", b.Claim)
}

// A salaried month's claim rests on a derived maximum only when the month's
// cost is above the maximum's share, not when it equals it (as for an
// annual cost, TestCostEqualToADerivedMaximumDoesNotRestOnIt). The test
// rules' physiotherapist with its £62,340 from April marked derived (the
// £65,838 from October stays confirmed), on flatOnCost, 1 WTE from 1 July
// 2023: on £61,140 the pay is £5,095.00 and the cost £5,195.00 a month,
// exactly £62,340 ÷ 12: July to March claim 9 × £5,195.00 = £46,755.00,
// none of it on the derived figure; on £61,140.12 the pay is £5,095.01, the
// cost £5,195.01, and July to September claim the maximum's £5,195.00,
// 3 × £5,195.00 = £15,585.00 resting on it (October on, under the
// confirmed £5,486.50, claims the cost: 6 × £5,195.01 = £31,170.06; the
// year £46,755.06).
func TestSalariedCostEqualToADerivedMaximumDoesNotRestOnIt(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	c := rs.Contents()
	for i := range c.ARRS.Roles {
		if c.ARRS.Roles[i].ID == "first_contact_physiotherapist" {
			c.ARRS.Roles[i].Maxima[0].Source.Confidence = des.Derived
		}
	}
	p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{SalaryCost: flatOnCost(noSources)})
	require.NoError(t, err)
	for _, tc := range []struct{ salary, claim, onDerived string }{
		{"61140", "46755", "0"},
		{"61140.12", "46755.06", "15585"},
	} {
		r, err := p.Calculate(fullPCN("P", 30000, 30000, 30000), []arrs.Staff{{Name: "F",
			Role: "first_contact_physiotherapist", WTE: wte("1"), Start: d(2023, 7, 1),
			Salary: decimal.RequireFromString(tc.salary)}})
		require.NoError(t, err)
		requireMoney(t, tc.claim, r.Claims, tc.salary)
		requireMoney(t, tc.onDerived, r.ClaimsOnDerived, tc.salary)
		requireMoney(t, tc.onDerived, r.Staff[0].ClaimOnDerived, tc.salary)
	}
}

// A London person of a role with no maximum in force claims nothing, for
// want of a maximum, whatever the zone: the test rules' paramedic has none.
// Outer- and inner-London paramedics from 1 July 2023 costing £40,000
// claim £0.00, with the reason no_maximum.
func TestLondonWithNoMaximumInForce(t *testing.T) {
	p := plan(t)
	for _, z := range []arrs.London{arrs.OuterLondon, arrs.InnerLondon} {
		s := staff("P", "paramedic", "1", d(2023, 7, 1), des.Date{}, 40000)
		s.London = z
		r, err := p.Calculate(fullPCN("P", 30000, 30000, 30000), []arrs.Staff{s})
		require.NoError(t, err)
		requireMoney(t, "0", r.Claims, z)
		requireReason(t, r.Staff[0], arrs.ReasonNoMaximum)
	}
}

// Whether a London person's claim rests on a derived figure is the zone
// figure's own source, where the zone has one (the national figure's only
// where it stands in). The test rules' physiotherapist with an outer-London
// £69,000 from April marked derived (its national £62,340 confirmed; from
// October £65,838, confirmed, with no London figure).
//   - An outer-London physiotherapist from 1 July 2023 costing £80,000:
//     July to September £69,000 ÷ 12 = £5,750.00 a month on the derived
//     figure, 3 × £5,750.00 = £17,250.00; October to March £65,838 ÷ 12 =
//     £5,486.50, 6 × £5,486.50 = £32,919.00; claims £50,169.00, £17,250.00
//     on derived. Without the derived figure (SourcedOnly) July to September
//     take the national £62,340 ÷ 12 = £5,195.00: £15,585.00 + £32,919.00 =
//     £48,504.00, so £1,665.00 of the claims is unsourced.
//   - With an outer-London figure of £0.004 (0 pennies) marked derived and a
//     national £70,000: one costing £60,000 claims nothing July to September
//     and £5,000.00 a month from October, £30,000.00; without the derived
//     figure July to September claim £60,000 ÷ 12 = £5,000.00 under the
//     national £70,000, £45,000.00 in all: the claims are £15,000.00 less
//     than the sourced-only ones (ClaimsUnsourced −£15,000.00).
func TestLondonFigureDerivedByItsOwnSource(t *testing.T) {
	for _, tc := range []struct {
		outer, national         string
		cost                    int64
		claims, onDerived, less string
	}{
		{"69000", "62340", 80000, "50169", "17250", "1665"},
		{"0.004", "70000", 60000, "30000", "0", "-15000"},
	} {
		rs, err := rulefile.Read("test.toml", []byte(testRules))
		require.NoError(t, err)
		c := rs.Contents()
		for i := range c.ARRS.Roles {
			if c.ARRS.Roles[i].ID == "first_contact_physiotherapist" {
				mx := &c.ARRS.Roles[i].Maxima[0]
				mx.National, mx.OuterLondon = decimal.RequireFromString(tc.national), decimal.RequireFromString(tc.outer)
				src := mx.Source
				src.Confidence = des.Derived
				mx.OuterSource = &src
			}
		}
		p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{})
		require.NoError(t, err)
		s := staff("F", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, tc.cost)
		s.London = arrs.OuterLondon
		r, err := p.Calculate(fullPCN("P", 30000, 30000, 30000), []arrs.Staff{s})
		require.NoError(t, err)
		requireMoney(t, tc.claims, r.Claims, tc.outer)
		requireMoney(t, tc.onDerived, r.ClaimsOnDerived, tc.outer)
		requireMoney(t, tc.less, r.ClaimsUnsourced, tc.outer)
	}
}

// A headcount cap that is not a whole number is compared as a decimal: the
// test rules' pharmacist cap given as 2.5 (3.5 above 100,000) admits two
// pharmacists (a third would make 3 > 2.5), and three in a PCN of 100,001.
// Pharmacists from 1 July 2023 costing £50,000 each claim £50,000 × 70% ÷
// 12 = £2,916.666… → £2,916.67 a month, 9 × £2,916.67 = £26,250.03 each:
// £52,500.06 for two, £78,750.09 for three.
func TestFractionalHeadcountCap(t *testing.T) {
	old := "limit = \"1\"\n    large_limit = \"2\""
	require.Contains(t, testRules, old)
	rs, err := rulefile.Read("test.toml", []byte(strings.Replace(testRules, old,
		"limit = \"2.5\"\n    large_limit = \"3.5\"", 1)))
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	var four []arrs.Staff
	for _, n := range []string{"A", "B", "C", "D"} {
		four = append(four, staff(n, "clinical_pharmacist", "1", d(2023, 7, 1), des.Date{}, 50000))
	}
	for _, tc := range []struct {
		registered int64
		claims     string
	}{{30000, "52500.06"}, {100001, "78750.09"}} {
		r, err := p.Calculate(fullPCN("P", tc.registered, 30000, 30000), four)
		require.NoError(t, err)
		requireMoney(t, tc.claims, r.Claims, tc.registered)
	}
}

// A plan's roles are its rule set's ARRS roles in the order given (the test
// rules: pharmacist, physiotherapist, mental health practitioner,
// paramedic, GP), and Afford's error for another role lists them; a nil
// plan has none.
func TestPlanRoles(t *testing.T) {
	p := plan(t)
	want := []string{"clinical_pharmacist", "first_contact_physiotherapist", "mental_health_practitioner", "paramedic",
		"general_practitioner"}
	require.Equal(t, want, p.Roles())
	_, err := p.Afford(fullPCN("P", 30000, 30000, 30000), nil, arrs.Hire{Role: "pharmacy_technician", WTE: wte("1"),
		Start: d(2023, 7, 1)})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "(roles: [clinical_pharmacist first_contact_physiotherapist "+
		"mental_health_practitioner paramedic general_practitioner])")
	var none *arrs.Plan
	require.Nil(t, none.Roles())
}

// A maximum with London figures only (no national one) gives a person
// outside London no maximum, and the explanation names its national figure
// plainly (the "no … London figure sourced" note is for London zones). The
// test rules' physiotherapist with its April maximum outer London £69,000
// only: one outside London from 1 July 2023 costing £60,000 claims nothing
// July to September (no_maximum) and £60,000 ÷ 12 = £5,000.00 a month from
// October under the national £65,838, £30,000.00.
func TestLondonOnlyMaximumOutsideLondon(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	c := rs.Contents()
	for i := range c.ARRS.Roles {
		if c.ARRS.Roles[i].ID == "first_contact_physiotherapist" {
			c.ARRS.Roles[i].Maxima[0].National = decimal.Zero
		}
	}
	p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{})
	require.NoError(t, err)
	r, err := p.Calculate(fullPCN("P", 30000, 30000, 30000), []arrs.Staff{
		staff("F", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 60000)})
	require.NoError(t, err)
	s := r.Staff[0]
	requireMoney(t, "30000", s.Claim)
	requireReason(t, s, arrs.ReasonNoMaximum)
	require.Contains(t, s.Explain(), "maximum £0.00 a year national from 2023-04-01 [test <https://example.org/fcp1> confirmed], "+
		"£65,838.00 a year national from 2023-10-01")
	require.NotContains(t, s.Explain(), "no national")
}

// A reason beyond the known ones (cap_partial is the last, 6) has no code
// and no text, and does not panic: Reason(7) is "reason(7)" and explains as
// ""; the last known one is itself.
func TestUnknownReason(t *testing.T) {
	require.Equal(t, "cap_partial", arrs.ReasonCapPartial.String())
	require.Equal(t, "only part of the WTE fits under the cap", arrs.ReasonCapPartial.Explain())
	require.Equal(t, "reason(7)", arrs.Reason(7).String())
	require.Equal(t, "", arrs.Reason(7).Explain())
}

// The £1,000,000 bound on a year's cost holds however the amount is
// written: 2E6 (£2,000,000 as 2 × 10^6) and 18,446,744,073,709,551,621 and
// 184,467,440,737,095,516.21 (coefficients of 2^64 + 5, twenty digits) are
// refused; 1E6 (£1,000,000 exactly) and 999,999.99 are not.
func TestCostBoundWrittenOtherwise(t *testing.T) {
	for in, ok := range map[string]bool{"2E6": false, "1E6": true, "18446744073709551621": false,
		"184467440737095516.21": false, "999999.99": true} {
		s := staff("C", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 0)
		s.AnnualCost = decimal.RequireFromString(in)
		err := s.Validate()
		if ok {
			require.NoError(t, err, in)
			continue
		}
		require.ErrorIs(t, err, des.ErrInvalid, in)
		require.ErrorContains(t, err, "is more than £1000000 a year", in)
	}
}

// A GP's WTE from sessions takes a full week of up to two places (8.75
// sessions), not three: 4.5 of 8.75 sessions is 4.5/8.75 = 18/35 WTE.
func TestWTESessionsOfAFullWeekWithTwoPlaces(t *testing.T) {
	w, err := arrs.WTESessions(decimal.RequireFromString("4.5"), decimal.RequireFromString("8.75"))
	require.NoError(t, err)
	require.Equal(t, "18/35", w.String())
	_, err = arrs.WTESessions(decimal.RequireFromString("4.5"), decimal.RequireFromString("8.755"))
	require.ErrorIs(t, err, des.ErrInvalid)
}

// A WTE read from JSON as an empty string is not a number, and the error
// quotes what was inside the quotes: WTE "" is not a number.
func TestWTEFromAnEmptyJSONString(t *testing.T) {
	var w arrs.WTE
	err := json.Unmarshal([]byte(`""`), &w)
	require.ErrorIs(t, err, des.ErrInvalid)
	require.EqualError(t, err, `invalid value: WTE "" is not a number`)
}

// Two ARRS sums of one pot are one pot in the totals: the test rules with a
// second sum for the main pot, £1 a weighted patient, beside the £2 one. A
// PCN of 30,000 weighted has a main pot of £2 × 30,000 + £1 × 30,000 =
// £90,000.00, and the plan lists the pots main and gp once each.
func TestTwoSumsOfOnePot(t *testing.T) {
	extra := `
[[payment]]
id = "arrs_extra"
name = "ARRS sum, a second part"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1"
    source = "test"
    url = "https://example.org/extra"
    confidence = "confirmed"
`
	i := strings.Index(testRules, "[arrs]")
	require.Positive(t, i)
	rs, err := rulefile.Read("test.toml", []byte(testRules[:i]+extra+"\n"+testRules[i:]))
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	require.Equal(t, []des.PotID{"main", "gp"}, p.Pots())
	tot, err := p.CalculateTotals([]arrs.PCNInput{{PCN: fullPCN("P", 30000, 30000, 30000)}})
	require.NoError(t, err)
	require.Len(t, tot[0].Sums, 2)
	require.Equal(t, int64(9000000), tot[0].Sums[0])
}

// A roster line of no WTE is refused however the zero is written: 0/1 (a
// WTE read from "0", which a result's WTE may be) as well as the zero WTE.
func TestRosterLineOfZeroWTE(t *testing.T) {
	var w arrs.WTE
	require.NoError(t, w.UnmarshalText([]byte("0")))
	s := staff("Z", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 50000)
	s.WTE = w
	err := s.Validate()
	require.ErrorIs(t, err, des.ErrInvalid)
	require.ErrorContains(t, err, "WTE must be more than 0")
}

// A PCN the fast totals leave to the explained path (here one without an
// adjusted list or care-home beds, which the test rules do not need) has
// every payment, sum and pot claim in its totals. The test rules with a
// payment of £1.50 a registered patient: a PCN of 30,000 registered and
// weighted is paid £45,000.00; its main sum is £2 × 30,000 = £60,000.00; a
// physiotherapist from 1 July 2023 costing £60,000 claims 9 × £5,000.00 =
// £45,000.00 from it.
func TestTotalsOfAPCNLeftToTheExplainedPath(t *testing.T) {
	core := `
[[payment]]
id = "core"
name = "Core PCN funding"
paid_to = "pcn"
  [[payment.part]]
  basis = "registered"
  stated = "annual"
    [[payment.part.value]]
    rate = "1.50"
    source = "test"
    url = "https://example.org/core"
    confidence = "confirmed"
`
	i := strings.Index(testRules, "[arrs]")
	require.Positive(t, i)
	rs, err := rulefile.Read("test.toml", []byte(testRules[:i]+core+"\n"+testRules[i:]))
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	require.Equal(t, []string{"core"}, p.PaymentIDs())
	require.Equal(t, []des.PotID{"main", "gp"}, p.Pots())
	tot, err := p.CalculateTotals([]arrs.PCNInput{{PCN: pcn(30000, 30000),
		Roster: []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 60000)}}})
	require.NoError(t, err)
	require.Equal(t, []int64{4500000}, tot[0].Payments)
	require.Equal(t, int64(4500000), tot[0].Entitlements)
	require.Equal(t, int64(6000000), tot[0].Sums[0])
	require.Equal(t, int64(4500000), tot[0].Claims[0])
	require.Equal(t, int64(0), tot[0].Claims[1])
}

// ARRS sums of one pot that together pass the int64 pennies are an
// overflow, never a wrapped figure: the test rules with two more sums for
// the main pot, each of the three made £400,000,000 a weighted patient (a
// rule set of one's own), for a PCN of 100,000,000 weighted: each sum is
// £4 × 10^16, 4 × 10^18 pennies, which fits; the pot's 1.2 × 10^19 pennies
// do not (2^63 ≈ 9.22 × 10^18).
func TestSumsOfOnePotPastInt64(t *testing.T) {
	var extra string
	for _, id := range []string{"arrs_extra", "arrs_extra2"} {
		extra += `
[[payment]]
id = "` + id + `"
name = "ARRS sum, another part"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1"
    source = "test"
    url = "https://example.org/extra"
    confidence = "confirmed"
`
	}
	i := strings.Index(testRules, "[arrs]")
	require.Positive(t, i)
	rs, err := rulefile.Read("test.toml", []byte(testRules[:i]+extra+"\n"+testRules[i:]))
	require.NoError(t, err)
	c := rs.Contents()
	for k := range c.Payments {
		if id := c.Payments[k].ID; id == "arrs" || strings.HasPrefix(id, "arrs_extra") {
			c.Payments[k].Parts[0].Values[0].Rate = decimal.NewFromInt(400_000_000)
		}
	}
	p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{})
	require.NoError(t, err)
	_, err = p.CalculateTotals([]arrs.PCNInput{{PCN: fullPCN("P", 30000, 100_000_000, 30000)}})
	require.ErrorIs(t, err, arrs.ErrOverflow)
}
