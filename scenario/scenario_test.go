package scenario_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

const goodScenario = `name = "Riverside PCN"
years = ["2024/25"]
[[practices]]
name = "Riverside Surgery"
ods = "A12345"
registered = 12000
weighted = 13250.5
adjusted = 12500
care_home_beds = 40
[[staff]]
name = "Pharmacist A"
role = "clinical_pharmacist"
wte = 1.0
start = 2024-04-01
end = 2025-03-31
annual_cost = 60000
london = "outer"
[[staff]]
name = "Tech"
role = "pharmacy_technician"
hours = 30
start = 2024-06-01
annual_cost = "39800.50"
[[staff]]
name = "GP"
role = "general_practitioner"
sessions = 4
start = 2024-10-01
annual_cost = 98000
`

func TestLoadScenario(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(goodScenario))
	require.NoError(t, err)
	require.Equal(t, "Riverside PCN", sc.Name)
	require.Equal(t, "2024/25", sc.Years[0].String())
	require.Equal(t, "13250.5", sc.Practices[0].Weighted.Decimal().String())
	require.Equal(t, "0.8", sc.Staff[1].WTE.String()) // 30 ÷ 37.5
	require.Equal(t, "4/9", sc.Staff[2].WTE.String()) // 4 sessions ÷ 9
	require.Equal(t, "39800.5", sc.Staff[1].AnnualCost.String())
	require.Equal(t, arrs.OuterLondon, sc.Staff[0].London)
	require.NoError(t, sc.CheckRoles(rates.Roles()))
}

func TestLoadScenarioErrors(t *testing.T) {
	cases := []struct {
		name, from, to string
		sentinel       error
		field          string
		line           int
	}{
		{"unknown key", `ods = "A12345"`, `odd = "A12345"`, des.ErrUnknownKey, "practices.odd", 5},
		{"negative wte", `wte = 1.0`, `wte = -1.0`, des.ErrInvalid, "staff[0].wte", 13},
		{"end before start", `end = 2025-03-31`, `end = 2024-03-31`, des.ErrInvalid, "staff[0].end", 15},
		{"negative population", `registered = 12000`, `registered = -12000`, des.ErrInvalid, "practices[0].registered", 6},
		{"float that loses digits", `weighted = 13250.5`, `weighted = 13250.1234567`, des.ErrBadNumber, "weighted", 7},
		{"money with fractions of a penny", `annual_cost = 60000`, `annual_cost = 60000.001`, des.ErrInvalid, "staff[0].annual_cost", 16},
		{"bad date", `start = 2024-06-01`, `start = 2024-06-31`, des.ErrSyntax, "", 0},
		{"two WTE forms", `hours = 30`, "hours = 30\nwte = 0.8", des.ErrMissing, "staff[1].wte", 0},
		{"bad london", `london = "outer"`, `london = "zone 1"`, des.ErrInvalid, "staff[0].london", 17},
		{"bad year", `years = ["2024/25"]`, `years = ["2024/26"]`, des.ErrBadYear, "years", 2},
		{"wrong type", `name = "Riverside PCN"`, `name = 12`, des.ErrInvalid, "name", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(goodScenario, c.from, c.to, 1)
			require.NotEqual(t, goodScenario, text)
			_, err := scenario.Load("s.toml", []byte(text))
			require.Error(t, err)
			require.ErrorIs(t, err, c.sentinel, err.Error())
			require.Contains(t, err.Error(), "s.toml")
			if c.field != "" {
				require.Contains(t, err.Error(), c.field)
			}
			if c.line > 0 {
				var fe *des.FieldError
				require.True(t, errors.As(err, &fe))
				require.Equal(t, c.line, fe.Line, err.Error())
			}
		})
	}
	// A role outside the catalogue is refused when the file is loaded, on its line.
	_, err := scenario.Load("s.toml", []byte(strings.Replace(goodScenario, `role = "pharmacy_technician"`, `role = "pharmacy_technican"`, 1)))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), `s.toml:20: staff[1].role: "Tech": unknown role "pharmacy_technican"`)
	require.Contains(t, err.Error(), `did you mean "pharmacy_technician"?`)
}

func TestForecastAcrossAllYearsAndAProjection(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(strings.Replace(goodScenario, "start = 2024-04-01", "start = 2019-04-01", 1)+`
[assumptions]
pay_uplift_pct = 3
arrs_growth_pct = 2.5
entitlement_growth_pct = 2
list_growth_pct = 1
base_year = "2019/20"
`))
	require.NoError(t, err)
	var years []des.Year
	for y := des.Year(2019); y <= 2027; y++ {
		years = append(years, y)
	}
	f, err := scenario.Run(sc, years, mustAll(rates.All()), scenario.Options{})
	require.NoError(t, err)
	require.Len(t, f.Years, 9)
	for _, y := range f.Years[:8] {
		require.False(t, y.Projected, y.Year.String())
	}
	last := f.Years[8]
	require.True(t, last.Projected)
	require.Equal(t, des.Year(2026), last.ProjectedFrom)
	require.Contains(t, last.RuleSet, "PROJECTED")
	for _, p := range last.Entitlements.Payments {
		for _, pa := range p.Parts {
			for _, r := range pa.Rates {
				require.Contains(t, r.Source.Document, "PROJECTION")
				// Uncertain, or still carried where 2026/27 carried it.
				require.Contains(t, []des.Confidence{des.Uncertain, des.Carried}, r.Source.Confidence)
			}
		}
	}
	// 2027/28 enhanced access: the 2026/27 £8.903 grown 2% (£9.08106).
	ea, ok := last.Entitlements.Payment("enhanced_access")
	require.True(t, ok)
	require.Equal(t, "9.08106", ea.Parts[0].Rates[0].Rate.String())
	// The pharmacist started in 2019 and carries into every year.
	for _, y := range f.Years {
		require.Equal(t, "Pharmacist A", y.ARRS.Staff[0].Name)
	}
	// Without assumptions, a year past the last published one is refused.
	plain, _ := scenario.Load("s.toml", []byte(goodScenario))
	_, err = scenario.Run(plain, []des.Year{2027}, mustAll(rates.All()), scenario.Options{})
	require.ErrorIs(t, err, des.ErrUnknownYear)
	require.Contains(t, err.Error(), "[assumptions]")
}

func FuzzLoadScenario(f *testing.F) {
	f.Add([]byte(goodScenario))
	if b, err := os.ReadFile("../examples/forecast/default.toml"); err == nil {
		f.Add(b)
	}
	rs, _ := rates.YearNamed("2024/25")
	plan, _ := arrs.Compile(rs, arrs.Options{})
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := scenario.Load("fuzz.toml", data)
		if err != nil {
			var fe *des.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a *FieldError: %v", err)
			}
			return
		}
		// A scenario that loads either computes, obeying the invariants, or
		// says why not (a missing population figure).
		r, err := plan.Calculate(sc.PCN(2024), sc.Staff)
		if err != nil {
			return
		}
		sum := decimal.Zero
		for _, s := range r.Staff {
			sum = sum.Add(s.Claim.Decimal())
		}
		if !sum.Equal(r.Claims.Decimal()) {
			t.Fatalf("staff claims add to %s, the total is %s", sum, r.Claims)
		}
	})
}

func TestIIFEstimateInForecast(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(goodScenario+`
[[iif]]
indicator = "CAN-04"
points = 20
list_size_adjustment = 1.1
[[iif]]
indicator = "HI-03"
points = 30
prevalence_adjustment = 0.95
`))
	require.NoError(t, err)
	f, err := scenario.Run(sc, []des.Year{2024, 2025}, mustAll(rates.All()), scenario.Options{})
	require.NoError(t, err)
	est := f.Years[0].IIF
	require.NotNil(t, est)
	// 20 × £198 × 1.1 = £4,356; 30 × £198 × 0.95 = £5,643.
	requireMoney(t, "9999", est.Total)
	require.Contains(t, est.Explain(), "ESTIMATE")
	require.Nil(t, f.Years[1].IIF) // no sourced 2025/26 point value
	_, err = scenario.Load("s.toml", []byte(goodScenario+"\n[[iif]]\nindicator = \"X\"\npoints = -3\n"))
	require.ErrorContains(t, err, "iif[0].points")
}

// A staff member given by salary: the employer cost comes from the on-cost
// tables. A band 7 physiotherapist on £52,000 costs £65,397.80 in 2024/25
// (13.8% employer NI above £9,100 and 14.38% pension), under the £65,838
// maximum from October, so the claim is the full cost for October–March.
func TestSalaryToEmployerCost(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(`name = "Salary PCN"
[[practices]]
name = "A"
registered = 40000
weighted = 40000
adjusted = 40000
care_home_beds = 0
[[staff]]
name = "Physio"
role = "first_contact_physiotherapist"
wte = 1
start = 2024-10-01
salary = 52000
band = "7"
`))
	require.NoError(t, err)
	o, err := rates.OnCosts()
	require.NoError(t, err)
	rs, _ := rates.YearNamed("2024/25")
	r, err := arrs.Calculate(rs, sc.PCN(2024), sc.Staff, arrs.Options{SalaryCost: arrs.OnCostRules(o)})
	require.NoError(t, err)
	s := r.Staff[0]
	// On actual pay, month by month (issue 19), not the annual £65,397.80 ÷ 12:
	// pay £52,000 ÷ 12 = £4,333.333… → £4,333.33; NI 13.8% × (£4,333.33 −
	// £758.00 monthly threshold) = £493.39554 → £493.40; pension 14.38% ×
	// £4,333.33 = £623.132854 → £623.13; £5,449.86 a month, under the FCP
	// maximum's £65,838 ÷ 12 = £5,486.50; 6 months = £32,699.16 (was
	// £32,698.92 = 6 × £65,397.80 ÷ 12, month by month).
	requireMoney(t, "32699.16", s.Claim.Decimal())
	requireMoney(t, "32699.16", s.Cost.Decimal())
	require.Contains(t, s.Explain(), "2024-10 to 2025-03 each: pay £52,000.00 × 1 ÷ 12 = £4,333.33 (to the nearest penny); "+
		"cost £4,333.33 + employer NI 13.8% × (£4,333.33 − £758.00 monthly threshold) = £493.39554 → £493.40 "+
		"(NI: ½p or less disregarded) + pension 14.38% × £4,333.33 = £623.132854 → £623.13 = £5,449.86")
	// Without on-cost rules a salary cannot become a cost: a clear error.
	_, err = arrs.Calculate(rs, sc.PCN(2024), sc.Staff, arrs.Options{})
	require.ErrorIs(t, err, des.ErrMissing)
	require.ErrorContains(t, err, "staff[0] (Physio).salary")
}

// carry_forward projects with the last published figures unchanged, and
// list growth grows the populations of later years.
func TestCarryForwardAndListGrowth(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(goodScenario+`
[assumptions]
carry_forward = true
list_growth_pct = 10
base_year = "2026/27"
`))
	require.NoError(t, err)
	f, err := scenario.Run(sc, []des.Year{2026, 2027}, mustAll(rates.All()), scenario.Options{})
	require.NoError(t, err)
	y26, y27 := f.Years[0], f.Years[1]
	require.False(t, y26.Projected)
	require.True(t, y27.Projected)
	ea26, _ := y26.Entitlements.Payment("enhanced_access")
	ea27, _ := y27.Entitlements.Payment("enhanced_access")
	require.True(t, ea26.Parts[0].Rates[0].Rate.Equal(ea27.Parts[0].Rates[0].Rate), "carried forward unchanged")
	// 12,500 adjusted grown 10% = 13,750
	require.Equal(t, "13750", ea27.Parts[0].BasisValue.String())
	var texts []string
	for _, g := range y27.Gaps {
		texts = append(texts, g.What)
	}
	require.Contains(t, strings.Join(texts, "\n"), "carried from 2026/27")
	// 2026/27 carries the care home premium from 2025/26, labelled; the
	// projection carries 2026/27's forward, marked as both; CASP, removed in
	// 2026/27, stays out.
	chp, ok := y27.Entitlements.Payment("care_home_premium")
	require.True(t, ok)
	require.Contains(t, chp.Parts[0].Rates[0].Source.Document, "PROJECTION, not a published figure: 2026/27")
	require.Contains(t, chp.Parts[0].Rates[0].Source.Document, "carried from 2025/26")
	_, ok = y27.Entitlements.Payment("capacity_access_support")
	require.False(t, ok)
	// Role maxima too: the technician's 2026/27 £46,447 (derived by the band
	// model; carried unchanged, and still labelled derived).
	tech := find(t, y27.ARRS, "Tech")
	require.True(t, tech.Claim.IsPositive())
	require.Contains(t, tech.Explain(), "£46,447.00 a year national from 2027-04-01 [PROJECTION, not a published figure: 2026/27")
	require.Contains(t, tech.Explain(), "> derived]")
}

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

func find(t *testing.T, r arrs.Result, name string) arrs.StaffResult {
	t.Helper()
	for _, s := range r.Staff {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no staff %q", name)
	return arrs.StaffResult{}
}
