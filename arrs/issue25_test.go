package arrs_test

// Issue 25: tests written from the rule and a hand-worked figure for bugs
// and mutants no test caught (the as-at day, the tax year of April's pay,
// "more than 100,000", the fast path's part months, a cost equal to the
// maximum, the maximum of a person claiming one month).

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// fullPCN is a one-practice PCN with all four figures (the fast path needs
// them all).
func fullPCN(name string, registered, weighted, adjusted int64) des.PCN {
	return des.PCN{Name: name, Practices: []des.Practice{{Name: "A", Registered: des.WholeNumber(registered),
		Weighted: des.WholeNumber(weighted), Adjusted: des.WholeNumber(adjusted), CareHomeBeds: des.WholeNumber(0)}}}
}

// A maximum announced on the as-at day is in force that day (des.Options.AsAt:
// "values announced on or before that date"). The 2023/24 clinical pharmacist
// maximum rose from £59,312 to £62,340 from 1 July 2023, announced on 2 June
// 2023 (The Pharmacist, 'No new funding for ARRS pay increases').
//
// By hand, one full-time pharmacist from 1 April 2023 costing £90,000 (above
// both maxima), 100% reimbursed, claims from April:
//   - as at 2 June 2023: April-June £59,312 ÷ 12 = £4,942.666… → £4,942.67,
//     3 × £4,942.67 = £14,828.01; July-March £62,340 ÷ 12 = £5,195.00,
//     9 × £5,195.00 = £46,755.00; the year £61,583.01;
//   - as at 1 June 2023: £4,942.67 × 12 = £59,312.04.
//   - as at 30 March 2023, the day the £59,312 was announced: £59,312.04 too
//     (an as-at day that excluded its own announcements would leave no maximum).
func TestMaximumAnnouncedOnTheAsAtDayIsInForce(t *testing.T) {
	rs, err := rates.YearNamed("2023/24")
	require.NoError(t, err)
	cp := arrs.Staff{Name: "CP", Role: "clinical_pharmacist", WTE: wte("1"), Start: d(2023, 4, 1), AnnualCost: decimal.NewFromInt(90000)}
	for _, c := range []struct {
		asAt          des.Date
		year, april   string
		july, maximum string
	}{
		{d(2023, 6, 2), "61583.01", "4942.67", "5195.00", "62340"},
		{d(2023, 6, 1), "59312.04", "4942.67", "4942.67", "59312"},
		{d(2023, 3, 30), "59312.04", "4942.67", "4942.67", "59312"},
	} {
		r, err := arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{cp}, arrs.Options{AsAt: c.asAt})
		require.NoError(t, err)
		s := r.Staff[0]
		requireMoney(t, c.year, s.Claim, "as at ", c.asAt)
		requireMoney(t, c.april, s.Months[0], "April as at ", c.asAt)
		requireMoney(t, c.july, s.Months[3], "July as at ", c.asAt)
		requireMoney(t, c.maximum, s.Maximum, "March's maximum as at ", c.asAt)
	}
}

// April's pay is paid on the 15th, in the tax year that starts on 6 April
// (des/oncost: NI rates are those of the payment date), so April 2025 pay
// takes 2025/26 employer NI: 15% above £417 a month (rates/oncosts.toml,
// from 2025-04-06), not 2024/25's 13.8% above £758.
//
// By hand, a first contact physiotherapist on a £40,003 salary, 1 WTE from
// 1 April 2025: pay £40,003 ÷ 12 = £3,333.5833… → £3,333.58; NI 15% ×
// (£3,333.58 − £417) = £437.487 → £437.49; pension 14.38% × £3,333.58 =
// £479.368804 → £479.37; cost £4,250.44 a month (with 2024/25's NI it would
// be 13.8% × £2,575.58 = £355.43004 → £355.43, cost £4,168.38; with the
// on-costs truncated £437.48 and £479.36, cost £4,250.42). Below the FCP
// maximum, so the claim is the cost: 12 × £4,250.44 = £51,005.28.
//
// Starting on 10 April instead: April's pay is £40,003 × 21/30 ÷ 12 =
// £2,333.5083… → £2,333.51; NI 15% × £1,916.51 = £287.4765 → £287.48;
// pension 14.38% × £2,333.51 = £335.558738 → £335.56; cost £2,956.55; the
// year £2,956.55 + 11 × £4,250.44 = £49,711.39.
func TestSalaryCostOfAprilIsInTheNewTaxYear(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	o, err := rates.OnCosts()
	require.NoError(t, err)
	opt := arrs.Options{SalaryCost: arrs.OnCostRules(o)}
	s := arrs.Staff{Name: "FCP", Role: "first_contact_physiotherapist", WTE: wte("1"), Start: d(2025, 4, 1),
		Salary: decimal.NewFromInt(40003)}
	r, err := arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{s}, opt)
	require.NoError(t, err)
	requireMoney(t, "4250.44", r.Staff[0].CostMonths[0], "April's cost")
	requireMoney(t, "4250.44", r.Staff[0].Months[0], "April's claim")
	requireMoney(t, "4250.44", r.Staff[0].CostMonths[11], "March's cost")
	requireMoney(t, "51005.28", r.Staff[0].Claim)
	requireMoney(t, "51005.28", r.Staff[0].Cost)

	s.Start = d(2025, 4, 10)
	r, err = arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{s}, opt)
	require.NoError(t, err)
	requireMoney(t, "2956.55", r.Staff[0].CostMonths[0], "April's cost, 21 days")
	requireMoney(t, "2956.55", r.Staff[0].Months[0])
	requireMoney(t, "4250.44", r.Staff[0].Months[1])
	requireMoney(t, "49711.39", r.Staff[0].Claim)

	// The same person through the fast path (CalculateTotals): the same pennies.
	p, err := arrs.Compile(rs, opt)
	require.NoError(t, err)
	tot, err := p.CalculateTotals([]arrs.PCNInput{{PCN: fullPCN("P", 30000, 30000, 30000), Roster: []arrs.Staff{s}}})
	require.NoError(t, err)
	require.Equal(t, int64(4971139), tot[0].Claimed())
	require.Equal(t, int64(4971139), tot[0].Cost)
}

// 2019/20: two clinical pharmacist WTE for a PCN of "more than 100,000"
// patients (Pharmaceutical Journal), one otherwise; exactly 100,000 is not
// more. Through the fast path (CalculateTotals), which adds up the
// registered list itself. Each pharmacist costs £60,000 (70% = £42,000,
// above the £37,810 claim cap): 9 × £3,150.83 = £28,357.47 from July.
func TestMoreThan100000ThroughTheFastPath(t *testing.T) {
	rs, err := rates.YearNamed("2019/20")
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	jul := d(2019, 7, 1)
	two := []arrs.Staff{
		staff("A", "clinical_pharmacist", "1", jul, des.Date{}, 60000),
		staff("B", "clinical_pharmacist", "1", jul, des.Date{}, 60000),
	}
	// 100,000 as two practices of 60,000 and 40,000.
	at := des.PCN{Name: "At", Practices: []des.Practice{
		{Name: "X", Registered: des.WholeNumber(60000), Weighted: des.WholeNumber(60000), Adjusted: des.WholeNumber(60000), CareHomeBeds: des.WholeNumber(0)},
		{Name: "Y", Registered: des.WholeNumber(40000), Weighted: des.WholeNumber(40000), Adjusted: des.WholeNumber(40000), CareHomeBeds: des.WholeNumber(0)},
	}}
	above := fullPCN("Above", 100001, 100001, 100001)
	tot, err := p.CalculateTotals([]arrs.PCNInput{{PCN: at, Roster: two}, {PCN: above, Roster: two}})
	require.NoError(t, err)
	require.Equal(t, int64(2835747), tot[0].Claimed(), "exactly 100,000: one pharmacist WTE")
	require.Equal(t, int64(5671494), tot[1].Claimed(), "100,001: two")
}

// 2020/21: no more than one pharmacy technician, "or two in those PCNs with a
// population of over 100,000 patients" (Chemist+Druggist, quoting the
// contract), a cap in heads. Two technicians costing £24,000 (below the
// £35,389 maximum, 100% reimbursed) from April 2020 claim £2,000.00 a month
// each when allowed: £24,000.00 for one, £48,000.00 for two.
func TestPharmacyTechnicianCapOver100000(t *testing.T) {
	rs, err := rates.YearNamed("2020/21")
	require.NoError(t, err)
	two := []arrs.Staff{
		staff("A", "pharmacy_technician", "1", d(2020, 4, 1), des.Date{}, 24000),
		staff("B", "pharmacy_technician", "1", d(2020, 4, 1), des.Date{}, 24000),
	}
	r, err := arrs.Calculate(rs, fullPCN("At", 100000, 100000, 100000), two, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "24000", find(t, r, "A").Claim)
	requireMoney(t, "0", find(t, r, "B").Claim)
	requireReason(t, find(t, r, "B"), arrs.ReasonCap)
	r, err = arrs.Calculate(rs, fullPCN("Above", 100001, 100001, 100001), two, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "48000", r.Claims)
}

// A rule set with rates that change mid-month, for the fast path's part
// months (CalculateTotals), which the shipped years never exercise.
const midMonthRules = `
year = "2023/24"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1"
    source = "test"
    url = "https://example.org/sum"
    confidence = "confirmed"

[[payment]]
id = "access"
name = "Access"
  [[payment.part]]
  basis = "adjusted"
  stated = "annual"
    [[payment.part.value]]
    rate = "12"
    from = 2023-04-01
    source = "test"
    url = "https://example.org/a1"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "24"
    from = 2023-10-16
    source = "test"
    url = "https://example.org/a2"
    confidence = "confirmed"

[[payment]]
id = "late"
name = "Late start"
  [[payment.part]]
  basis = "registered"
  stated = "annual"
  from = 2023-06-10
  to = 2024-03-31
    [[payment.part.value]]
    rate = "3.65"
    source = "test"
    url = "https://example.org/l"
    confidence = "confirmed"

[arrs]
claims_from = 2023-04-01

  [[arrs.role]]
  id = "first_contact_physiotherapist"
  name = "First contact physiotherapist"
  source = "test"
  url = "https://example.org/fcp"
  confidence = "confirmed"
    [[arrs.role.max]]
    amount = "60000"
    source = "test"
    url = "https://example.org/fcpmax"
    confidence = "confirmed"
`

// By hand, a PCN of 10,000 registered, weighted and adjusted:
//   - access: April-September 10,000 × £12 ÷ 12 = £10,000.00 a month
//     (£60,000.00); October 15 days at £12 and 16 at £24: 10,000 × (12 × 15 +
//     24 × 16) ÷ (31 × 12) = 10,000 × 564 ÷ 372 = £15,161.2903… → £15,161.29;
//     November-March 10,000 × £24 ÷ 12 = £20,000.00 (£100,000.00); the year
//     £175,161.29;
//   - late start from 10 June: June 21 of 30 days, 10,000 × £3.65 × 21 ÷
//     (30 × 12) = £2,129.1666… → £2,129.17; July-March 10,000 × £3.65 ÷ 12 =
//     £3,041.666… → £3,041.67, 9 × = £27,375.03; the year £29,504.20;
//   - entitlements £204,665.49; the ARRS sum 10,000 × £1 = £10,000.00.
func TestFastPathPartMonths(t *testing.T) {
	rs, err := rulefile.Read("midmonth.toml", []byte(midMonthRules))
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	in := []arrs.PCNInput{{PCN: fullPCN("M", 10000, 10000, 10000),
		Roster: []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", d(2023, 4, 1), des.Date{}, 36000)}}}
	tot, err := p.CalculateTotals(in)
	require.NoError(t, err)
	require.Equal(t, []string{"access", "late"}, p.PaymentIDs())
	require.Equal(t, int64(17516129), tot[0].Payments[0], "access")
	require.Equal(t, int64(2950420), tot[0].Payments[1], "late start")
	require.Equal(t, int64(20466549), tot[0].Entitlements)
	require.Equal(t, []int64{1000000}, tot[0].Sums)
	require.Equal(t, []int64{3600000}, tot[0].Claims, "12 × £3,000.00")

	// The explained path, month by month.
	e, err := des.Entitle(rs, in[0].PCN, des.Options{})
	require.NoError(t, err)
	a, _ := e.Payment("access")
	requireMoney(t, "10000", a.Months[5])
	requireMoney(t, "15161.29", a.Months[6])
	requireMoney(t, "20000", a.Months[7])
	l, _ := e.Payment("late")
	requireMoney(t, "0", l.Months[1])
	requireMoney(t, "2129.17", l.Months[2])
	requireMoney(t, "3041.67", l.Months[3])
	requireMoney(t, "204665.49", e.Total)
}

// ClaimsOnDerived counts a claim limited by a derived maximum, not one whose
// cost merely equals it: the 2026/27 paramedic's maximum is derived
// (£69,515, the band model); a paramedic costing exactly £69,515 claims
// £69,515 ÷ 12 = £5,792.9166… → £5,792.92 a month, £69,515.04, on the cost,
// so nothing rests on the derived figure; a penny more a year and the
// maximum binds: the same £69,515.04 all resting on it.
func TestCostEqualToADerivedMaximumDoesNotRestOnIt(t *testing.T) {
	rs, err := rates.YearNamed("2026/27")
	require.NoError(t, err)
	at := arrs.Staff{Name: "At", Role: "paramedic", WTE: wte("1"), Start: d(2026, 4, 1), AnnualCost: decimal.NewFromInt(69515)}
	r, err := arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{at}, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "69515.04", r.Claims)
	requireMoney(t, "0", r.ClaimsOnDerived)
	requireMoney(t, "0", r.Staff[0].ClaimOnDerived)
	over := at
	over.Name, over.AnnualCost = "Over", decimal.RequireFromString("69515.01")
	r, err = arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{over}, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "69515.04", r.Claims)
	requireMoney(t, "69515.04", r.ClaimsOnDerived)
	// and through the fast path
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	tot, err := p.CalculateTotals([]arrs.PCNInput{{PCN: fullPCN("P", 30000, 30000, 30000), Roster: []arrs.Staff{at}},
		{PCN: fullPCN("P", 30000, 30000, 30000), Roster: []arrs.Staff{over}}})
	require.NoError(t, err)
	require.Equal(t, int64(0), tot[0].ClaimsOnDerived)
	require.Equal(t, int64(6951504), tot[1].ClaimsOnDerived)
}

// StaffResult.Maximum is the maximum of the last month claimed: a person
// claiming only in April has April's; a person with no claim has none. In
// the test rules the physio's maximum is £62,340 from April (£65,838 from
// October); claims start in July, so a physio employed April to June
// claims nothing and one employed in July only has July's £62,340.
func TestStaffMaximumOfOneMonthAndOfNone(t *testing.T) {
	p := plan(t)
	r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{
		staff("Early", "first_contact_physiotherapist", "1", d(2023, 4, 1), d(2023, 6, 30), 50000),
		staff("July", "first_contact_physiotherapist", "1", d(2023, 7, 1), d(2023, 7, 31), 50000),
		staff("Year", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 50000),
	})
	require.NoError(t, err)
	requireMoney(t, "0", find(t, r, "Early").Maximum)
	requireMoney(t, "0", find(t, r, "Early").Claim)
	requireMoney(t, "62340", find(t, r, "July").Maximum)
	requireMoney(t, "4166.67", find(t, r, "July").Claim) // £50,000 ÷ 12
	requireMoney(t, "65838", find(t, r, "Year").Maximum)

	// A person whose only month claimed is April (the year's first month).
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	r, err = arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{
		{Name: "Apr", Role: "first_contact_physiotherapist", WTE: wte("1"), Start: d(2025, 4, 1), End: d(2025, 4, 30), AnnualCost: decimal.NewFromInt(50000)},
	}, arrs.Options{})
	require.NoError(t, err)
	require.True(t, r.Staff[0].Maximum.IsPositive(), "April's maximum, not zero")
	requireMoney(t, "4166.67", r.Staff[0].Claim)
}

// A band given for a role paid at one maximum (not at a range of bands, as
// mental health practitioners are) is the person's own, for reference: the
// claim is the role's, as without it (a lived mutant at calculate.go:312
// looked the band up among the role's per-band maxima and refused it).
func TestBandOfARoleWithOneMaximumIsForReference(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	s := arrs.Staff{Name: "Para", Role: "paramedic", WTE: wte("1"), Start: d(2025, 4, 1), AnnualCost: decimal.NewFromInt(40000)}
	plain, err := arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{s}, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "39999.96", plain.Staff[0].Claim, "12 × (£40,000 ÷ 12 = £3,333.33), under the paramedic's maximum")
	s.Band = "6"
	banded, err := arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{s}, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "39999.96", banded.Staff[0].Claim)
	require.Equal(t, plain.Staff[0].Months, banded.Staff[0].Months)
}

// A maximum stated as a claim (2019/20's clinical pharmacist: 70% of the
// cost, "capped at £37,810") binds when the reimbursed share is above it, not
// when the cost is; the claim rests on a figure no source gives (it counts
// in ClaimOnDerived) only when a derived maximum binds. The 2019/20 rule set
// with its pharmacist maximum set to £35,000 and marked derived (built in
// code: a rule file cannot say "derived"), one pharmacist from 1 July 2019
// (claims start then), nine months:
//   - cost £50,000: 70% = £35,000, equal to the maximum, so it does not
//     bind: claims 9 × (£35,000 ÷ 12 = £2,916.67) = £26,250.03, none on the
//     derived figure;
//   - cost £60,000: 70% = £42,000 > £35,000: it binds, and the same
//     £26,250.03 is all claimed on the derived figure.
func TestClaimCapMaximumBindsOnTheShare(t *testing.T) {
	rs, err := rates.YearNamed("2019/20")
	require.NoError(t, err)
	c := rs.Contents()
	found := false
	for i := range c.ARRS.Roles {
		r := &c.ARRS.Roles[i]
		if r.ID != "clinical_pharmacist" {
			continue
		}
		for k := range r.Maxima {
			require.True(t, r.Maxima[k].ClaimCap, "2019/20's pharmacist maximum is stated as a claim")
			r.Maxima[k].National = decimal.NewFromInt(35000)
			r.Maxima[k].Source.Confidence = des.Derived
			found = true
		}
	}
	require.True(t, found)
	derived := des.NewRuleSet(c)
	for cost, onDerived := range map[int64]string{50000: "0", 60000: "26250.03"} {
		s := arrs.Staff{Name: "CP", Role: "clinical_pharmacist", WTE: wte("1"), Start: d(2019, 7, 1),
			AnnualCost: decimal.NewFromInt(cost)}
		r, err := arrs.Calculate(derived, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{s}, arrs.Options{})
		require.NoError(t, err)
		requireMoney(t, "26250.03", r.Staff[0].Claim, "cost £%d", cost)
		requireMoney(t, onDerived, r.Staff[0].ClaimOnDerived, "cost £%d", cost)
	}
}
