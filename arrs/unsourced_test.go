package arrs_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Issue 19: the -sourced-only warning must count everything the flag
// changes. A 1 WTE pharmacy technician costing £44,000 a year in 2025/26
// claims £3,666.67 a month (£44,000 ÷ 12, half-up), £44,000.04 a year,
// under the rule set's uplifted (derived) maximum, which therefore does not
// bind: ClaimsOnDerived is £0.00 and the warning used to say nothing. With
// -sourced-only the maximum is the sourced £43,352 (The Pharmacist, 27
// March 2025): £3,612.67 a month, £43,352.04; the flag takes £648.00 off.
func TestClaimsUnsourcedIsWhatSourcedOnlyRemoves(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(30000),
		Weighted: des.WholeNumber(30000), Adjusted: des.WholeNumber(30000), CareHomeBeds: des.WholeNumber(0)}}}
	one, _ := arrs.WTEOf(decimal.NewFromInt(1))
	roster := []arrs.Staff{{Name: "T", Role: "pharmacy_technician", WTE: one, Start: des.MustDate(2025, 4, 1),
		AnnualCost: decimal.NewFromInt(44000)}}
	r, err := arrs.Calculate(rs, pcn, roster, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "44000.04", r.Claims.Decimal())
	requireMoney(t, "0", r.ClaimsOnDerived.Decimal())
	requireMoney(t, "648.00", r.ClaimsUnsourced.Decimal())
	so, err := arrs.Calculate(rs.SourcedOnly(), pcn, roster, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "43352.04", so.Claims.Decimal())
	requireMoney(t, "0", so.ClaimsUnsourced.Decimal()) // already sourced-only: nothing left to remove
	requireMoney(t, r.Claims.Decimal().Sub(so.Claims.Decimal()).String(), r.ClaimsUnsourced.Decimal())
}

// Every year, one person in every role: the figure the warning gives is
// exactly what the flag takes off the claims (it may be less than
// ClaimsOnDerived: a month limited by a derived maximum still claims under
// the sourced maximum before it).
func TestClaimsUnsourcedEveryYear(t *testing.T) {
	for _, y := range []string{"2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25", "2025/26", "2026/27"} {
		rs, err := rates.YearNamed(y)
		require.NoError(t, err)
		pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(60000),
			Weighted: des.WholeNumber(60000), Adjusted: des.WholeNumber(60000), CareHomeBeds: des.WholeNumber(0)}}}
		var roster []arrs.Staff
		for i, role := range rs.ARRS().Roles {
			w, _ := arrs.WTEOf(decimal.NewFromInt(1))
			roster = append(roster, arrs.Staff{Name: role.ID, Role: role.ID, WTE: w,
				Start: des.MustDate(int(rs.Year()), 4, 1), AnnualCost: decimal.NewFromInt(int64(40000 + 5000*i))})
		}
		r, err := arrs.Calculate(rs, pcn, roster, arrs.Options{})
		require.NoError(t, err, y)
		so, err := arrs.Calculate(rs.SourcedOnly(), pcn, roster, arrs.Options{})
		require.NoError(t, err, y)
		requireMoney(t, r.Claims.Decimal().Sub(so.Claims.Decimal()).String(), r.ClaimsUnsourced.Decimal(), y)
	}
}
