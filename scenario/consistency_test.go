package scenario_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

// A scenario with pay uplift, list growth and projection assumptions,
// worked out for published and projected years.
const growingScenario = `name = "Growing PCN"
[[practices]]
name = "Riverside Surgery"
registered = 12000
weighted = 13250.5
adjusted = 12500
care_home_beds = 40
[[staff]]
name = "Pharmacist"
role = "clinical_pharmacist"
wte = 1.0
start = 2023-04-01
annual_cost = 60000
[[staff]]
name = "Technician"
role = "pharmacy_technician"
hours = 30
start = 2024-06-01
annual_cost = "39800.50"
[assumptions]
pay_uplift_pct = 5
list_growth_pct = 2
arrs_growth_pct = 3
entitlement_growth_pct = 2
`

func claims(r arrs.Result) map[string]string {
	out := map[string]string{}
	for _, s := range r.Staff {
		out[s.Name] = s.Claim.Plain() + " of cost " + s.Cost.Plain()
	}
	return out
}

// Every program's library path gives the same claim per person in a year:
// the forecast (Run over many years, or one), the claims schedule and the
// headroom calculator (Year, then Plan.Afford on its PCN and roster), and
// the year-on-year comparison (Run over two years).
func TestSameClaimInEveryProgramPath(t *testing.T) {
	for _, base := range []string{"", "base_year = \"2024/25\"\n"} {
		sc, err := scenario.Load("growing.toml", []byte(growingScenario+base))
		require.NoError(t, err)
		salary, err := oncostFunc()
		require.NoError(t, err)
		opt := scenario.Options{SalaryCost: salary}
		years := []des.Year{2023, 2024, 2025, 2026, 2027, 2029}
		all, err := scenario.Run(sc, years, mustAll(rates.All()), opt)
		require.NoError(t, err)
		for i, y := range years {
			want := claims(all.Years[i].ARRS)
			require.NotEmpty(t, want)
			if y == 2025 {
				// Independent of every path (issue 25): the pharmacist's £60,000 (base
				// 2025/26) or £60,000 × 1.05 = £63,000 (base 2024/25) is under the
				// 2025/26 maximum, so the claim is the cost: £5,000.00 or £5,250.00 a
				// month, twelve months.
				pharm := "60000.00 of cost 60000.00"
				if base != "" {
					pharm = "63000.00 of cost 63000.00"
				}
				require.Equal(t, pharm, want["Pharmacist"], "base %q", base)
			}
			// forecast, one year alone
			one, err := scenario.Run(sc, []des.Year{y}, mustAll(rates.All()), opt)
			require.NoError(t, err)
			require.Equal(t, want, claims(one.Years[0].ARRS), "forecast of %s alone", y)
			// claims: Scenario.Year
			yr, err := sc.Year(y, mustAll(rates.All()), opt)
			require.NoError(t, err)
			require.Equal(t, want, claims(yr.ARRS), "claims schedule %s", y)
			// compare: two years, this one and another
			other := des.Year(2019)
			two, err := scenario.Run(sc, []des.Year{other, y}, mustAll(rates.All()), opt)
			require.NoError(t, err)
			require.Equal(t, want, claims(two.Years[len(two.Years)-1].ARRS), "comparison %s", y)
			// headroom: Afford on the year's PCN and roster
			plan, err := arrs.Compile(yr.Rules, arrs.Options{SalaryCost: salary})
			require.NoError(t, err)
			w, _ := arrs.WTEOf(des.WholeNumber(1).Decimal())
			a, err := plan.Afford(yr.PCN, sc.Roster(y), arrs.Hire{Role: "clinical_pharmacist", WTE: w,
				Start: des.MustDate(int(y), 10, 1)})
			require.NoError(t, err)
			var pot arrs.Pot
			for _, p := range yr.ARRS.Pots {
				if p.Name == a.Pot {
					pot = p
				}
			}
			require.True(t, pot.Headroom == a.HeadroomBefore, "headroom %s: %s vs %s", y, pot.Headroom, a.HeadroomBefore)
		}
	}
}

// The case: £60,000 with a 5% pay uplift from 2024/25 is £63,000 in
// 2025/26 whichever way it is asked for.
func TestPayUpliftFromBaseYear(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(growingScenario+"base_year = \"2024/25\"\n"))
	require.NoError(t, err)
	require.Equal(t, "63000.00", sc.Roster(2025)[0].AnnualCost.StringFixed(2))
	require.Equal(t, "60000.00", sc.Roster(2024)[0].AnnualCost.StringFixed(2))
	require.Equal(t, "12240", sc.PCN(2025).Practices[0].Registered.String())
	// Without base_year, growth counts from DefaultBaseYear, whatever is asked.
	sc, err = scenario.Load("s.toml", []byte(growingScenario))
	require.NoError(t, err)
	require.Equal(t, scenario.DefaultBaseYear, sc.BaseYear())
	require.Equal(t, "60000.00", sc.Roster(scenario.DefaultBaseYear)[0].AnnualCost.StringFixed(2))
}

// A year's result does not depend on which other years were asked for.
func TestYearIndependentOfOtherYears(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(growingScenario))
	require.NoError(t, err)
	target := des.Year(2030)
	var want map[string]string
	for _, asked := range [][]des.Year{{2030}, {2025, 2030}, {2028, 2030}, {2019, 2024, 2030, 2031}} {
		f, err := scenario.Run(sc, asked, mustAll(rates.All()), scenario.Options{})
		require.NoError(t, err)
		for _, yr := range f.Years {
			if yr.Year != target {
				continue
			}
			got := claims(yr.ARRS)
			got["entitlements"] = yr.Entitlements.Total.Plain()
			if want == nil {
				want = got
			}
			require.Equal(t, want, got, "2030/31 asked with %v", asked)
		}
	}
}

// SourcedOnly leaves the rule set's derived and carried figures out.
func TestSourcedOnlyOption(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(growingScenario))
	require.NoError(t, err)
	rs, err := sc.RuleSet(2025, mustAll(rates.All()), scenario.Options{SourcedOnly: true})
	require.NoError(t, err)
	for _, r := range rs.ARRS().Roles {
		for _, m := range r.Maxima {
			require.True(t, m.Source.Confidence.Sourced(), r.ID)
		}
	}
}

func oncostFunc() (arrs.SalaryCostFunc, error) {
	o, err := rates.OnCosts()
	if err != nil {
		return nil, err
	}
	return arrs.OnCostRules(o), nil
}
