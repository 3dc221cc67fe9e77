package arrs_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// salaried works out one person given by salary, on the embedded 2025/26
// rules and on-cost tables.
func salaried(t *testing.T, year, role, wte, salary string, start des.Date) arrs.StaffResult {
	t.Helper()
	rs, err := rates.YearNamed(year)
	require.NoError(t, err)
	oc, err := rates.OnCosts()
	require.NoError(t, err)
	w, err := arrs.WTEOf(decimal.RequireFromString(wte))
	require.NoError(t, err)
	pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(30000),
		Weighted: des.WholeNumber(30000), Adjusted: des.WholeNumber(30000), CareHomeBeds: des.WholeNumber(0)}}}
	r, err := arrs.Calculate(rs, pcn, []arrs.Staff{{Name: "Tech", Role: role, WTE: w, Start: start,
		Salary: decimal.RequireFromString(salary)}}, arrs.Options{SalaryCost: arrs.OnCostRules(oc)})
	require.NoError(t, err)
	require.Len(t, r.Staff, 1)
	return r.Staff[0]
}

// Issue 19: on-costs on actual pay. A 0.5 WTE pharmacy technician on a
// £30,000 full-time salary in 2025/26 is paid £1,250.00 a month: employer NI
// 15% × (£1,250.00 − £417.00) = £124.95, pension 14.38% × £1,250.00 =
// £179.75, £1,554.70 a month, under the maximum's £43,352 × 0.5 ÷ 12 =
// £1,806.33; a year: £18,656.40. Worked out at 1 WTE and halved (as before)
// it was £38,064.00 ÷ 2 = £19,032.00, £375.60 too much.
func TestSalaryCostOnActualPayPartTime(t *testing.T) {
	s := salaried(t, "2025/26", "pharmacy_technician", "0.5", "30000", des.MustDate(2025, 4, 1))
	requireMoney(t, "18656.40", s.Claim.Decimal())
	requireMoney(t, "18656.40", s.Cost.Decimal())
	for m := 0; m < 12; m++ {
		requireMoney(t, "1554.70", s.Months[m].Decimal(), "month ", m)
		requireMoney(t, "1554.70", s.CostMonths[m].Decimal(), "month ", m)
	}
	require.Contains(t, s.Explain(), "2025-04 to 2026-03 each: pay £30,000.00 × 0.5 ÷ 12 = £1,250.00; cost £1,250.00 + "+
		"employer NI 15% × (£1,250.00 − £417.00 monthly threshold) = £124.95 + pension 14.38% × £1,250.00 = £179.75 = £1,554.70")
}

// A part-month starter: from 15 October 2025, 17 of October's 31 days at
// 0.5 WTE: pay £30,000 × 0.5 × 17/31 ÷ 12 = £685.4838… → £685.48; NI 15% ×
// (£685.48 − £417.00) = £40.272 → £40.27; pension 14.38% × £685.48 =
// £98.572024 → £98.57; October £824.32 (at 1 WTE scaled it was £869.75).
// November to March 5 × £1,554.70 = £7,773.50; the year £8,597.82.
func TestSalaryCostOnActualPayPartMonthStarter(t *testing.T) {
	s := salaried(t, "2025/26", "pharmacy_technician", "0.5", "30000", des.MustDate(2025, 10, 15))
	requireMoney(t, "0", s.Months[5].Decimal())
	requireMoney(t, "824.32", s.Months[6].Decimal())
	requireMoney(t, "1554.70", s.Months[7].Decimal())
	requireMoney(t, "8597.82", s.Claim.Decimal())
	require.Contains(t, s.Explain(), "2025-10: pay £30,000.00 × 0.5 × 17/31 days ÷ 12 = £685.48 (to the nearest penny); "+
		"cost £685.48 + employer NI 15% × (£685.48 − £417.00 monthly threshold) = £40.272 → £40.27")
}

// Pay below the monthly threshold pays no employer NI: 0.1 WTE of £30,000
// is £250.00 a month, under £417: pension 14.38% × £250 = £35.95, £285.95 a
// month, £3,431.40 a year (at 1 WTE scaled: £3,806.40).
func TestSalaryCostOnActualPayBelowThreshold(t *testing.T) {
	s := salaried(t, "2025/26", "pharmacy_technician", "0.1", "30000", des.MustDate(2025, 4, 1))
	requireMoney(t, "285.95", s.Months[0].Decimal())
	requireMoney(t, "3431.40", s.Claim.Decimal())
	require.Contains(t, s.Explain(), "employer NI 15% (pay not above the £417.00 monthly threshold) = £0.00")
}

// April's pay is dated the 15th, in the tax year that starts on 6 April:
// April 2025 at 1 WTE on £30,000 is £2,500.00 + 15% × (£2,500 − £417) =
// £312.45 + 14.38% × £2,500 = £359.50 = £3,171.95. With 2024/25's NI
// (13.8% above £758: £240.40) it would be £3,099.90. Issue 25: an April cost
// worked out with the previous tax year's rules was caught by no test.
func TestSalaryCostAprilIsTheNewTaxYear(t *testing.T) {
	s := salaried(t, "2025/26", "pharmacy_technician", "1", "30000", des.MustDate(2025, 4, 1))
	requireMoney(t, "3171.95", s.CostMonths[0].Decimal())
	requireMoney(t, "3171.95", s.CostMonths[11].Decimal())
	// 2024/25: April 2024 is 13.8% above £758: £2,500 + £240.40 + £359.50.
	s = salaried(t, "2024/25", "pharmacy_technician", "1", "30000", des.MustDate(2024, 4, 1))
	requireMoney(t, "3099.90", s.CostMonths[0].Decimal())
}

// A salary above the maximum: the claim is the maximum's share, the cost
// the actual pay's. 0.5 WTE on £60,000 in 2025/26: pay £2,500.00, cost
// £3,171.95 a month (as in April above); the claim each month is the
// maximum × 0.5 ÷ 12, rounded half-up (with the sourced £43,352: £1,806.33;
// the rule set may carry a later, uplifted figure, so the maximum is read
// from the result), and the year's cost 12 × £3,171.95 = £38,063.40.
func TestSalaryCostOnActualPayAboveTheMaximum(t *testing.T) {
	s := salaried(t, "2025/26", "pharmacy_technician", "0.5", "60000", des.MustDate(2025, 4, 1))
	requireMoney(t, "3171.95", s.CostMonths[0].Decimal())
	share := s.Maximum.Decimal().Mul(decimal.RequireFromString("0.5")).Div(decimal.NewFromInt(12)).Round(2)
	require.True(t, share.LessThan(decimal.RequireFromString("3171.95")))
	requireMoney(t, share.String(), s.Months[11].Decimal())
	requireMoney(t, "38063.40", s.Cost.Decimal())
}

// A person costed on actual pay and cut by a cap in WTE claims the share of
// her own month's cost that fits: 2021/22 mental health practitioners are
// capped at 1 WTE a PCN (under 100,000 patients), reimbursed 50%. A first
// MHP of 0.75 WTE from April leaves 0.25 WTE for a second of 0.5 WTE on
// £40,000: pay £40,000 × 0.5 ÷ 12 = £1,666.666… → £1,666.67; NI 13.8% ×
// (£1,666.67 − £737.00) = £128.29446 → £128.29; pension 14.38% × £1,666.67
// = £239.667146 → £239.67; £2,034.63 a month. 0.25 of her 0.5 WTE fits:
// £2,034.63 × 0.25/0.5 = £1,017.315 (under the maximum × 0.25 ÷ 12), × 50%
// = £508.6575 → £508.66 a month.
func TestSalaryCostOnActualPayCutByWTECap(t *testing.T) {
	rs, err := rates.YearNamed("2021/22")
	require.NoError(t, err)
	oc, err := rates.OnCosts()
	require.NoError(t, err)
	w75, _ := arrs.WTEOf(decimal.RequireFromString("0.75"))
	w5, _ := arrs.WTEOf(decimal.RequireFromString("0.5"))
	pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(30000),
		Weighted: des.WholeNumber(30000), Adjusted: des.WholeNumber(30000), CareHomeBeds: des.WholeNumber(0)}}}
	r, err := arrs.Calculate(rs, pcn, []arrs.Staff{
		{Name: "A", Role: "mental_health_practitioner", WTE: w75, Start: des.MustDate(2021, 4, 1),
			AnnualCost: decimal.NewFromInt(50000)},
		{Name: "B", Role: "mental_health_practitioner", WTE: w5, Start: des.MustDate(2021, 5, 1),
			Salary: decimal.NewFromInt(40000)},
	}, arrs.Options{SalaryCost: arrs.OnCostRules(oc)})
	require.NoError(t, err)
	b := r.Staff[1]
	require.Equal(t, "B", b.Name)
	requireMoney(t, "2034.63", b.CostMonths[1].Decimal())
	require.True(t, b.Maximum.Decimal().Mul(decimal.RequireFromString("0.25")).Div(decimal.NewFromInt(12)).
		GreaterThan(decimal.RequireFromString("1017.315")), "maximum %s", b.Maximum)
	requireMoney(t, "508.66", b.Months[1].Decimal())
	requireMoney(t, "508.66", b.Months[11].Decimal())
}

// Issue 19: go doc arrs.StaffResult documents cost_months, which the JSON
// lacked. Every JSON name the type's fields declare is in the JSON it
// writes, and cost_months reads back (the part-month starter above:
// October £824.32, September £0.00).
func TestStaffResultJSONHasEveryDocumentedField(t *testing.T) {
	s := salaried(t, "2025/26", "pharmacy_technician", "0.5", "30000", des.MustDate(2025, 10, 15))
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var keys map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &keys))
	rt := reflect.TypeOf(arrs.StaffResult{})
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || tag == "" || tag == "-" {
			continue
		}
		if tag == "reasons" && len(s.Reasons) == 0 {
			continue // omitempty
		}
		require.Contains(t, keys, tag, "StaffResult.%s is documented as %q", f.Name, tag)
	}
	var back arrs.StaffResult
	require.NoError(t, json.Unmarshal(b, &back))
	require.Len(t, back.CostMonths, 12)
	requireMoney(t, "0", back.CostMonths[5].Decimal())
	requireMoney(t, "824.32", back.CostMonths[6].Decimal())
	requireMoney(t, "1554.70", back.CostMonths[11].Decimal())
}
