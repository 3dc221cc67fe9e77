package arrs_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// vastMaximum is 595,056,260,442,243,601 pennies: × 31 days it is
// 18,446,744,073,709,551,631 = 2^64 + 15, which wraps to 15 in 64 bits.
const vastMaximum = "5950562604422436.01"

// A maximum no cost reaches never binds, however large: the claim is the
// cost. The test rules' physiotherapist maximum from April given as
// £5,950,562,604,422,436.01 (£65,838 from October as before); one person at
// 1 WTE from 1 July 2023 costing £50,000 claims £50,000 ÷ 12 = £4,166.666…
// → £4,166.67 every month from July to March, 9 × £4,166.67 = £37,500.03,
// on the explained path and the totals path alike. (Before the fix the fast
// path formed maximum × WTE × days in 64 bits, which wrapped to 15 pennies
// in July and August, the months of 31 days, and claimed £0.00 in each:
// £29,166.69 in the year.)
func TestAVastMaximumDoesNotWrap(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	c := rs.Contents()
	for i := range c.ARRS.Roles {
		if c.ARRS.Roles[i].ID == "first_contact_physiotherapist" {
			c.ARRS.Roles[i].Maxima[0].National = decimal.RequireFromString(vastMaximum)
		}
	}
	p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{})
	require.NoError(t, err)
	roster := []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 50000)}
	r, err := p.Calculate(fullPCN("P", 40000, 50000, 50000), roster)
	require.NoError(t, err)
	for m := 3; m < 12; m++ {
		requireMoney(t, "4166.67", r.Staff[0].Months[m].Decimal(), "month ", m)
	}
	requireMoney(t, "37500.03", r.Staff[0].Claim.Decimal())
	tot, err := p.CalculateTotals([]arrs.PCNInput{{PCN: fullPCN("P", 40000, 50000, 50000), Roster: roster}})
	require.NoError(t, err)
	require.Equal(t, int64(3750003), tot[0].Claimed())
}

// A vast maximum stated as a claim, not sourced, does not bind: the test
// rules' clinical pharmacist (70%, £37,810 as a claim) given a maximum of
// £184,467,440,737,095.60 (× 10,000 basis points it is 2^64 + 8,384 pennies,
// which wraps in 64 bits) marked "derived". One pharmacist at 1 WTE from
// 1 July 2023 costing £50,000 claims £50,000 × 70% ÷ 12 = £2,916.666… →
// £2,916.67 a month, 9 × £2,916.67 = £26,250.03, none of it resting on the
// derived maximum (before the fix the wrapped product made it bind, and all
// £26,250.03 was said to rest on it).
func TestAVastClaimMaximumDoesNotBind(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	c := rs.Contents()
	for i := range c.ARRS.Roles {
		if c.ARRS.Roles[i].ID == "clinical_pharmacist" {
			mx := &c.ARRS.Roles[i].Maxima[0]
			mx.National = decimal.RequireFromString("184467440737095.60")
			mx.Source.Confidence = des.Derived
		}
	}
	p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{})
	require.NoError(t, err)
	r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{staff("C", "clinical_pharmacist", "1", d(2023, 7, 1), des.Date{}, 50000)})
	require.NoError(t, err)
	requireMoney(t, "26250.03", r.Staff[0].Claim.Decimal())
	requireMoney(t, "0", r.Staff[0].ClaimOnDerived.Decimal())
}

// The same for a person costed on actual pay: a 0.5 WTE pharmacy technician
// on a £30,000 salary in 2025/26 costs £1,554.70 a month (actualpay_test.go:
// pay £1,250.00, NI £124.95, pension £179.75); with every maximum of the
// role given as vastMaximum the claim is the cost, 12 × £1,554.70 =
// £18,656.40 (before the fix 0.5 × the maximum × 31 days wrapped in 64 bits
// and the months of 31 days claimed almost nothing).
func TestAVastMaximumDoesNotWrapOnActualPay(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	oc, err := rates.OnCosts()
	require.NoError(t, err)
	c := rs.Contents()
	for i := range c.ARRS.Roles {
		if c.ARRS.Roles[i].ID == "pharmacy_technician" {
			for k := range c.ARRS.Roles[i].Maxima {
				mx := &c.ARRS.Roles[i].Maxima[k]
				mx.National, mx.OuterLondon, mx.InnerLondon = decimal.RequireFromString(vastMaximum), decimal.Zero, decimal.Zero
			}
		}
	}
	r, err := arrs.Calculate(des.NewRuleSet(c), fullPCN("P", 30000, 30000, 30000), []arrs.Staff{{Name: "Tech",
		Role: "pharmacy_technician", WTE: wte("0.5"), Start: d(2025, 4, 1), Salary: decimal.NewFromInt(30000)}},
		arrs.Options{SalaryCost: arrs.OnCostRules(oc)})
	require.NoError(t, err)
	for m := 0; m < 12; m++ {
		requireMoney(t, "1554.70", r.Staff[0].Months[m].Decimal(), "month ", m)
	}
	requireMoney(t, "18656.40", r.Staff[0].Claim.Decimal())
}

// A person on actual pay cut by a cap in WTE to a WTE of the same
// denominator claims the share of her cost that fits (the fast path takes
// only a person claimed at her own WTE). As in
// TestSalaryCostOnActualPayCutByWTECap (2021/22 MHPs capped at 1 WTE,
// reimbursed 50%), a first MHP of 0.75 WTE from April leaves 0.25 WTE for a
// second of 0.75 WTE on £40,000 from May: pay £40,000 × 0.75 ÷ 12 =
// £2,500.00; NI 13.8% × (£2,500.00 − £737.00) = £243.294 → £243.29; pension
// 14.38% × £2,500.00 = £359.50; £3,102.79 a month. 0.25 of her 0.75 WTE
// fits: £3,102.79 ÷ 3 = £1,034.263… (under the maximum × 0.25 ÷ 12), × 50%
// = £517.131… → £517.13 a month.
// Lived mutant calculate.go:1042:10 at 14aa45b (cNum == pNum → !=: 1/4 of
// 3/4 went the fast path as if she were claimed at her own 0.75 WTE).
func TestSalaryCostCutByWTECapToTheSameDenominator(t *testing.T) {
	rs, err := rates.YearNamed("2021/22")
	require.NoError(t, err)
	oc, err := rates.OnCosts()
	require.NoError(t, err)
	r, err := arrs.Calculate(rs, fullPCN("P", 30000, 30000, 30000), []arrs.Staff{
		{Name: "A", Role: "mental_health_practitioner", WTE: wte("0.75"), Start: d(2021, 4, 1),
			AnnualCost: decimal.NewFromInt(50000)},
		{Name: "B", Role: "mental_health_practitioner", WTE: wte("0.75"), Start: d(2021, 5, 1),
			Salary: decimal.NewFromInt(40000)},
	}, arrs.Options{SalaryCost: arrs.OnCostRules(oc)})
	require.NoError(t, err)
	b := find(t, r, "B")
	requireMoney(t, "3102.79", b.CostMonths[1].Decimal())
	require.True(t, b.Maximum.Decimal().Mul(decimal.RequireFromString("0.25")).Div(decimal.NewFromInt(12)).
		GreaterThan(decimal.RequireFromString("1034.27")), "maximum %s", b.Maximum)
	requireMoney(t, "517.13", b.Months[1].Decimal())
	requireMoney(t, "517.13", b.Months[11].Decimal())
}

// The fast path's bounds on the WTE's numerator and denominator, each on its
// own (lived mutants calculate.go:1009:9 and 1009:27 at 14aa45b, < → >=:
// past either bound the fast path's products wrap in 64 bits). Under the
// test rules' physiotherapist, from 1 July 2023, costing £50,000, with WTEs
// in hours of a full week (WTEHours, two places each):
//   - 1,677,721.49 hours of a 167,772.15-hour week = 167,772,149/16,777,215
//     WTE = 9.99999994039… (numerator above 2^24, denominator below), with
//     the April maximum given as £35,468,119.36 (3,546,811,936 pennies: × the
//     numerator × 31 days it is 2^64 + 4,939,132,768). The maximum does not
//     bind: £50,000 × 9.99999994039… ÷ 12 = £41,666.6664… → £41,666.67 each
//     month (from October £65,838 × 9.99999994… ÷ 12 = £54,864.9996… is
//     above it too), 9 × £41,666.67 = £375,000.03;
//   - 167,772.13 hours of a 100,000,000,000-hour week = 16,777,213/10^13 WTE
//     (numerator below 2^24, denominator above): £50,000 × 0.0000016777213
//     ÷ 12 = £0.0069905… → £0.01 each month, 9 × £0.01 = £0.09.
func TestFastPathBoundsOnTheWTE(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	c := rs.Contents()
	for i := range c.ARRS.Roles {
		if c.ARRS.Roles[i].ID == "first_contact_physiotherapist" {
			c.ARRS.Roles[i].Maxima[0].National = decimal.RequireFromString("35468119.36")
		}
	}
	p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{})
	require.NoError(t, err)
	for _, k := range []struct{ hours, week, wte, month, year string }{
		{"1677721.49", "167772.15", "167772149/16777215", "41666.67", "375000.03"},
		{"167772.13", "100000000000", "16777213/10000000000000", "0.01", "0.09"},
	} {
		w, err := arrs.WTEHours(decimal.RequireFromString(k.hours), decimal.RequireFromString(k.week))
		require.NoError(t, err)
		require.Equal(t, k.wte, w.String())
		s := staff("F", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 50000)
		s.WTE = w
		r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{s})
		require.NoError(t, err)
		for m := 3; m < 12; m++ {
			requireMoney(t, k.month, r.Staff[0].Months[m].Decimal(), k.wte, " WTE, month ", m)
		}
		requireMoney(t, k.year, r.Staff[0].Claim.Decimal(), k.wte, " WTE")
	}
}
