package arrs_test

// Issue 25: the month-by-month cost of a salaried person (actual pay) and
// its explanation, tested from hand-worked figures, with a made-up on-cost
// rule (a flat £100.00 a month on top of the pay) so that each month's cost
// is the pay plus £100.00 and the text is easy to check.

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// flatOnCost is a SalaryCostFunc: cost = pay + £100.00, its sum written
// "pay £X + £100.00 on-costs = £Y", and its source named by sources (which
// may return "").
func flatOnCost(sources func(paid des.Date) string) arrs.SalaryCostFunc {
	return func(p arrs.Pay) (arrs.PayCost, error) {
		c := p.Amount.Add(decimal.NewFromInt(100))
		return arrs.PayCost{Cost: c, Arithmetic: "pay " + money.Pounds(p.Amount) + " + £100.00 on-costs = " + money.Pounds(c),
			Sources: sources(p.Paid)}, nil
	}
}

// salariedFCP works out one first contact physiotherapist (testRules,
// 2023/24: 100% reimbursed, maximum £62,340 a year, claims from 1 July 2023)
// on a salary of salary pounds a year per WTE, from start, on flatOnCost.
func salariedFCP(t *testing.T, w arrs.WTE, salary int64, start des.Date, sources func(des.Date) string) arrs.StaffResult {
	t.Helper()
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	r, err := arrs.Calculate(rs, pcn(30000, 30000), []arrs.Staff{{Name: "F", Role: "first_contact_physiotherapist", WTE: w,
		Start: start, Salary: decimal.NewFromInt(salary)}}, arrs.Options{SalaryCost: flatOnCost(sources)})
	require.NoError(t, err)
	require.Len(t, r.Staff, 1)
	return r.Staff[0]
}

func noSources(des.Date) string { return "" }

// A WTE given as hours of a very long week has a numerator and denominator
// near 2^63, so the month's pay salary × num × days ÷ (12 × den × dim) needs
// products beyond 64 bits, which must go to the big-integer arithmetic
// whole (they were formed in 64 bits there and wrapped round).
//
// By hand, 90,000,000,000,000,000 hours of a 9,000,000,000,000,000.01-hour
// week is WTE 9,000,000,000,000,000,000/900,000,000,000,000,001 (coprime:
// 9×10^18 = 10 × (9×10^17 + 1) − 10, and 9×10^17 + 1 is odd and ends in 1),
// = 10 − 10/(9×10^17 + 1). On £30,000 a full month's pay is £30,000 × WTE
// ÷ 12 = £25,000 − £25,000/(9×10^17 + 1) = £25,000 − 2.8×10^-14 → £25,000.00
// (to the nearest penny: not a whole number of pennies); from 13 April, 18 of
// April's 30 days: £15,000 − a little less → £15,000.00. Costs £15,100.00 and
// £25,100.00. The maximum, £62,340 × WTE ÷ 12 ≈ £51,950 a month, is above the
// cost, so July to March (claims start 1 July) claim 9 × £25,100.00 =
// £225,900.00. Before the fix: April £41,692.20, June, September and
// November £33,964.07, February £4,662.77; claimed £223,190.91.
//
// 0.01 hours of a 512,409,557,603,043.11-hour week is WTE
// 1/51,240,955,760,304,311, where 12 × den × 30 = 2^64 + 344 (so a 64-bit
// product wraps to 344). The pay, £30,000 × WTE ÷ 12 ≈ 4.9×10^-12 pennies,
// is £0.00 each month; the cost £100.00; the claim min(£100.00, £62,340 ×
// WTE × days ÷ (12 × dim) ≈ 10^-11 pennies) = £0.00. Before the fix the
// 30-day months (June, September, November) had pay £30,000 × 30 ÷ 344 =
// £2,616.279… → £2,616.28, and September and November claimed £2,716.28
// each: £5,432.56 for 1/51,240,955,760,304,311 WTE.
func TestSalaryPayBeyond64BitsIsExact(t *testing.T) {
	w, err := arrs.WTEHours(decimal.RequireFromString("90000000000000000"), decimal.RequireFromString("9000000000000000.01"))
	require.NoError(t, err)
	s := salariedFCP(t, w, 30000, d(2023, 4, 13), noSources)
	requireMoney(t, "15100.00", s.CostMonths[0], "April")
	for m := 1; m < 12; m++ {
		requireMoney(t, "25100.00", s.CostMonths[m], "month ", m)
	}
	requireMoney(t, "225900.00", s.Claim)
	require.Contains(t, s.Explain(), "2023-05 to 2024-03 each: pay £30,000.00 × 9000000000000000000/900000000000000001 ÷ 12 = "+
		"£25,000.00 (to the nearest penny); cost £25,000.00 + £100.00 on-costs = £25,100.00")

	w, err = arrs.WTEHours(decimal.RequireFromString("0.01"), decimal.RequireFromString("512409557603043.11"))
	require.NoError(t, err)
	s = salariedFCP(t, w, 30000, d(2023, 4, 1), noSources)
	for m := 0; m < 12; m++ {
		requireMoney(t, "100.00", s.CostMonths[m], "month ", m)
		requireMoney(t, "0.00", s.Months[m], "month ", m)
	}
	requireMoney(t, "0.00", s.Claim)
}

// The explanation of a salaried person's cost, as a user reads it: each
// month's pay written out (a part month's days, "(to the nearest penny)" only
// when the pay is not a whole number of pennies), equal months once as
// "from to to each", groups separated by "; ", and the on-cost rules' sources
// named once each at the end, or not at all when the rules give none.
//
// By hand, £37,000 a year, 1 WTE, from 13 April 2023: April, 18 of 30 days:
// £37,000 × 18/30 ÷ 12 = £666,000/360 = £1,850.00 exactly; cost £1,950.00.
// May to March: £37,000 ÷ 12 = £3,083.333… → £3,083.33 (to the nearest
// penny); cost £3,183.33, the same text each month (paid before October under
// "rule A", from October under "rule B"). Claims start 1 July: 9 ×
// £3,183.33 = £28,649.97 (under the £62,340 ÷ 12 = £5,195.00 maximum).
func TestSalaryCostExplanationGroupsAndSources(t *testing.T) {
	const head = "employer cost of actual pay (salary £37,000.00 a year per WTE), month by month with employer NI per " +
		"monthly pay period, each month paid on the 15th: "
	const months = "2023-04: pay £37,000.00 × 1 × 18/30 days ÷ 12 = £1,850.00; cost £1,850.00 + £100.00 on-costs = £1,950.00; " +
		"2023-05 to 2024-03 each: pay £37,000.00 × 1 ÷ 12 = £3,083.33 (to the nearest penny); " +
		"cost £3,083.33 + £100.00 on-costs = £3,183.33"
	october := d(2023, 10, 1)
	s := salariedFCP(t, wte("1"), 37000, d(2023, 4, 13), func(paid des.Date) string {
		if paid.Before(october) {
			return "rule A"
		}
		return "rule B"
	})
	requireMoney(t, "28649.97", s.Claim)
	require.Contains(t, s.Explain(), ": "+head+months+" (sources: rule A | rule B); maximum ")

	// No sources: no "(sources: …)".
	s = salariedFCP(t, wte("1"), 37000, d(2023, 4, 13), noSources)
	require.Contains(t, s.Explain(), ": "+head+months+"; maximum ")

	// Sources for some months only: those named.
	s = salariedFCP(t, wte("1"), 37000, d(2023, 4, 13), func(paid des.Date) string {
		if paid.Before(october) {
			return ""
		}
		return "rule B"
	})
	require.Contains(t, s.Explain(), ": "+head+months+" (sources: rule B); maximum ")
}

// A WTE is at most 10 (MaxWTE): num > 10 × den is refused, and 10 × den is
// not formed in 64 bits when it would not fit there (it wrapped round to a
// negative number, so a tiny WTE was refused as "more than 10").
//
// By hand: 0.01 hours of a 10,000,000,000,000,000-hour week is WTE
// 1/10^18, far below 10 (it was refused: 10 × 10^18 wrapped to 10^19 −
// 2^64 < 0). 0.01 hours of a 15,372,286,728,091,293.02-hour week is WTE
// 1/1,537,228,672,809,129,302 (12 × den = 2^64 + 8): on £30,000 its pay,
// £30,000 × WTE ÷ 12 ≈ 1.6×10^-13 pennies, is £0.00 a month, its cost the
// flat £100.00 and its claim min(£100.00 × 1, £62,340 × WTE × days ÷ (12 ×
// dim) ≈ 3.4×10^-13 pennies) = £0.00. 92,233,720,368,547,758.01 hours of
// a 9,223,372,036,854,775.80-hour week is WTE 9,223,372,036,854,775,801 /
// 922,337,203,685,477,580 (coprime: the numerator is 10 × the denominator
// + 1), 10 + 1/922,337,203,685,477,580: more than 10, refused; its
// 10 × den = 9,223,372,036,854,775,800 just fits in 64 bits. 375 hours of a
// 37.5-hour week is 10 WTE exactly: allowed.
func TestWTEBoundOnHugeDenominators(t *testing.T) {
	w, err := arrs.WTEHours(decimal.RequireFromString("0.01"), decimal.RequireFromString("10000000000000000"))
	require.NoError(t, err)
	require.Equal(t, "1/1000000000000000000", w.String())

	w, err = arrs.WTEHours(decimal.RequireFromString("0.01"), decimal.RequireFromString("15372286728091293.02"))
	require.NoError(t, err)
	require.Equal(t, "1/1537228672809129302", w.String())
	s := salariedFCP(t, w, 30000, d(2023, 4, 1), noSources)
	for m := 0; m < 12; m++ {
		requireMoney(t, "100.00", s.CostMonths[m], "month ", m)
		requireMoney(t, "0.00", s.Months[m], "month ", m)
	}

	_, err = arrs.WTEHours(decimal.RequireFromString("92233720368547758.01"), decimal.RequireFromString("9223372036854775.80"))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.ErrorContains(t, err, "more than 10 WTE")
	_, err = arrs.WTESessions(decimal.RequireFromString("92233720368547758.01"), decimal.RequireFromString("9223372036854775.80"))
	require.ErrorContains(t, err, "more than 10 WTE")

	w, err = arrs.WTEHours(decimal.RequireFromString("375"), decimal.RequireFromString("37.5"))
	require.NoError(t, err)
	require.Equal(t, "10", w.String())
	s = salariedFCP(t, w, 30000, d(2023, 4, 1), noSources)
	requireMoney(t, "25100.00", s.CostMonths[0], "£30,000 × 10 ÷ 12 = £25,000.00, + £100.00")
}
