package rates_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func requireMoney(t *testing.T, want string, amount any, msg ...any) {
	t.Helper()
	var got decimal.Decimal
	switch v := amount.(type) {
	case decimal.Decimal:
		got = v
	case des.Money:
		got = v.Decimal()
	default:
		t.Fatalf("requireMoney of a %T", amount)
	}
	if !decimal.RequireFromString(want).Equal(got) {
		t.Fatalf("want £%s, got £%s %v", want, got.StringFixed(2), msg)
	}
}

// within asserts got is within tol (a fraction) of a figure a source
// quotes rounded.
func within(t *testing.T, quoted string, tol string, got decimal.Decimal) {
	t.Helper()
	q := decimal.RequireFromString(quoted)
	if got.Sub(q).Abs().GreaterThan(q.Mul(decimal.RequireFromString(tol))) {
		t.Fatalf("got £%s, more than %s away from the quoted £%s", got.StringFixed(2), tol, quoted)
	}
}

// uniform is a one-practice PCN with the same figure for every population.
func uniform(n int64) des.PCN {
	return des.PCN{Name: "test", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(n), Weighted: des.WholeNumber(n), Adjusted: des.WholeNumber(n), CareHomeBeds: des.WholeNumber(50)}}}
}

func entitle(t *testing.T, year string, pcn des.PCN) des.Entitlements {
	t.Helper()
	rs, err := rates.YearNamed(year)
	require.NoError(t, err)
	e, err := des.Entitle(rs, pcn, des.Options{})
	require.NoError(t, err)
	return e
}

// Worked examples and figures quoted by the sources.
func TestSourcedARRSSums(t *testing.T) {
	cases := []struct {
		year, pcnSize string
		n             int64
		exact         string // our figure
		quoted, tol   string // the source's rounded figure, and how close it must be
		source        string
	}{
		{"2020/21", "50k", 50000, "356550", "356600", "0.001", "Ockham: a 50,000-patient PCN gets about £356,600 (£7.131 per weighted patient)"},
		{"2022/23", "50k", 50000, "835000", "834800", "0.001", "GPonline: a 50,000-patient PCN gets £834,800 (MiP: £16.70 per weighted patient)"},
		{"2022/23", "30k", 30000, "501000", "500900", "0.001", "GPonline: a 30,000-patient PCN gets £500,900"},
		{"2023/24", "50k", 50000, "1133550", "1133550", "0", "£22.671 × 50,000"},
		{"2024/25", "50k", 50000, "1144700", "1144700", "0", "£22.894 × 50,000"},
		{"2025/26", "30k", 30000, "798930", "798930", "0", "NHS England 2025/26 ready reckoner (MiP): 30,000 weighted patients, £798,930 of ARRS"},
		{"2025/26", "150k", 150000, "3994650", "4000000", "0.002", "the same reckoner: 'almost £4m' for 150,000"},
	}
	for _, c := range cases {
		t.Run(c.year+" "+c.pcnSize, func(t *testing.T) {
			e := entitle(t, c.year, uniform(c.n))
			a, ok := e.ARRSSum("main")
			require.True(t, ok)
			requireMoney(t, c.exact, a.Total, c.source)
			within(t, c.quoted, c.tol, a.Total.Decimal())
		})
	}
}

func TestSourcedEntitlements(t *testing.T) {
	// 2019/20: the clinical director payment is £0.51430 per patient for
	// 1 July 2019 to 31 March 2020 (DHSC answer 257552), spread over 9 months.
	e := entitle(t, "2019/20", uniform(40000))
	cd, ok := e.Payment("clinical_director")
	require.True(t, ok)
	requireMoney(t, "0", cd.Months[2])       // June: none
	requireMoney(t, "2285.78", cd.Months[3]) // 20,572 ÷ 9
	requireMoney(t, "20572.02", cd.Total)    // nine rounded months
	core, _ := e.Payment("core_pcn_funding") // £1.50 for the whole year
	requireMoney(t, "60000", core.Total)     // 40,000 × £1.50
	arrsSum, _ := e.ARRSSum("main")          // one pharmacist + one link worker, 9/12
	requireMoney(t, "53942.25", arrsSum.Total)
	big := entitle(t, "2019/20", uniform(100001))
	arrsBig, _ := big.ARRSSum("main") // two of each above 100,000
	requireMoney(t, "107884.50", arrsBig.Total)

	// 2023/24: core £1.50 + CD £0.72963 + L&M £0.684 = £2.91363 a head,
	// Pulse's "£2.913 combined".
	e = entitle(t, "2023/24", uniform(10000))
	sum := decimal.Zero
	for _, id := range []string{"core_pcn_funding", "clinical_director", "leadership_management"} {
		a, ok := e.Payment(id)
		require.True(t, ok, id)
		sum = sum.Add(a.Total.Decimal())
	}
	within(t, "29130", "0.001", sum)

	// 2024/25: enhanced access and care home premium as revised on 26 Sep
	// 2024, backdated; as known in June 2024, the original rates.
	e = entitle(t, "2024/25", uniform(10000))
	ea, _ := e.Payment("enhanced_access")
	requireMoney(t, "79749.96", ea.Total) // 12 × £6,645.83: months are rounded, the year is their sum
	chp, _ := e.Payment("care_home_premium")
	requireMoney(t, "6360", chp.Total) // 50 beds × £127.20
	rs, _ := rates.YearNamed("2024/25")
	june, err := des.Entitle(rs, uniform(10000), des.Options{AsAt: des.MustDate(2024, 6, 1)})
	require.NoError(t, err)
	ea0, _ := june.Payment("enhanced_access")
	requireMoney(t, "76740", ea0.Total)
	gp, ok := e.ARRSSum("gp") // £1.303 for October–March
	require.True(t, ok)
	requireMoney(t, "13030", gp.Total)

	// 2020/21: care home premium £60 a bed for August–March (BMA), PCN
	// support £0.27 per weighted patient for April–September.
	e = entitle(t, "2020/21", uniform(10000))
	chp, _ = e.Payment("care_home_premium")
	requireMoney(t, "3000", chp.Total)
	requireMoney(t, "375", chp.Months[4]) // August: £60 ÷ 8 × 50 beds
	sup, _ := e.Payment("pcn_support")
	requireMoney(t, "2700", sup.Total)
}

func staff(role string, start des.Date, cost string) arrs.Staff {
	w, _ := arrs.WTEOf(decimal.NewFromInt(1))
	return arrs.Staff{Name: role, Role: role, WTE: w, Start: start, AnnualCost: decimal.RequireFromString(cost)}
}

func claim(t *testing.T, year string, s arrs.Staff) arrs.StaffResult {
	t.Helper()
	rs, err := rates.YearNamed(year)
	require.NoError(t, err)
	r, err := arrs.Calculate(rs, uniform(40000), []arrs.Staff{s}, arrs.Options{})
	require.NoError(t, err)
	return r.Staff[0]
}

func TestSourcedClaims(t *testing.T) {
	// A band 7 physiotherapist on £52,000 costs £65,397.80 in 2024/25
	// (oncosts.md); against the £65,838 maximum from 1 October 2024 it
	// claims its full cost: 6 × £5,449.82.
	s := claim(t, "2024/25", staff("first_contact_physiotherapist", des.MustDate(2024, 10, 1), "65397.80"))
	requireMoney(t, "32698.92", s.Claim.Decimal(), s.Explain())
	// 2019/20: a clinical pharmacist at 70%, claims from 1 July 2019.
	s = claim(t, "2019/20", staff("clinical_pharmacist", des.MustDate(2019, 4, 1), "50000"))
	requireMoney(t, "26250.03", s.Claim.Decimal(), s.Explain()) // 9 × 70% × £50,000 ÷ 12
	require.True(t, s.Reimbursement.Equal(decimal.RequireFromString("0.70")))
	s = claim(t, "2019/20", staff("clinical_pharmacist", des.MustDate(2019, 4, 1), "60000"))
	requireMoney(t, "28357.47", s.Claim.Decimal(), s.Explain()) // capped at £37,810 a year: 9 × £3,150.83
	// A GP from October 2024 (not before).
	s = claim(t, "2024/25", staff("general_practitioner", des.MustDate(2024, 4, 1), "100000"))
	requireMoney(t, "46231.02", s.Claim.Decimal(), s.Explain()) // 6 × £92,462 ÷ 12
	require.Equal(t, 6, s.MonthsClaimed)
	// Nursing associates from 1 October 2020.
	s = claim(t, "2020/21", staff("nursing_associate", des.MustDate(2020, 4, 1), "40000"))
	require.Equal(t, 6, s.MonthsClaimed)
	requireMoney(t, "14567.52", s.Claim.Decimal(), s.Explain()) // 6 × £29,135 ÷ 12 = 6 × £2,427.92
}
