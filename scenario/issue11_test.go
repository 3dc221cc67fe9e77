package scenario_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"strconv"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

// A rule set of the user's own for a year not worked out is refused, not
// silently left unused while the embedded rules are shown.
func TestOwnRulesForAYearNotComputedIsRefused(t *testing.T) {
	b, err := rates.File(2024)
	require.NoError(t, err)
	own, err := rulefile.Read("mine-2024-25.toml", b)
	require.NoError(t, err)
	published := append(mustAll(rates.All()), own)
	sc, err := scenario.Load("s.toml", []byte(goodScenario))
	require.NoError(t, err)
	sc.OwnRules = own

	_, err = scenario.Run(sc, []des.Year{2025}, published, scenario.Options{})
	require.ErrorIs(t, err, des.ErrUnknownYear)
	require.EqualError(t, err, "mine-2024-25.toml: year: this rule set is for 2024/25, a year not being worked out (2025/26): it would be silently unused; ask for 2024/25, or leave the file out")
	_, err = sc.Year(2025, published, scenario.Options{})
	require.ErrorIs(t, err, des.ErrUnknownYear)
	// Not among the rule sets given: refused too.
	_, err = scenario.Run(sc, []des.Year{2024}, mustAll(rates.All()), scenario.Options{})
	require.ErrorIs(t, err, des.ErrInvalid)

	f, err := scenario.Run(sc, []des.Year{2024, 2025}, published, scenario.Options{})
	require.NoError(t, err)
	require.Same(t, own, f.Years[0].Rules, "the user's rule set is the one used for its year")
	_, err = sc.Year(2024, published, scenario.Options{})
	require.NoError(t, err)

	// RuleSets: each year once, in order, with the same check.
	_, err = sc.RuleSets([]des.Year{2025}, published, scenario.Options{})
	require.ErrorIs(t, err, des.ErrUnknownYear)
	rss, err := sc.RuleSets([]des.Year{2025, 2024, 2025}, published, scenario.Options{})
	require.NoError(t, err)
	require.Len(t, rss, 2)
	require.Same(t, own, rss[0])
	require.Equal(t, des.Year(2025), rss[1].Year())

	// The same check for programs that do not go through a scenario.
	require.ErrorIs(t, rates.CheckUsed(own, []des.Year{2025}), des.ErrUnknownYear)
	require.NoError(t, rates.CheckUsed(own, []des.Year{2024, 2025}))
	require.NoError(t, rates.CheckUsed(nil, []des.Year{2025}))
}

// A [[population]] for a year not computed and [[iif]] in a year with no
// point value each give a note, naming the file and line.
func TestNotesForWhatIsNotUsed(t *testing.T) {
	text := goodScenario + `
[[population]]
year = "2023/24"
  [[population.practices]]
  name = "Riverside Surgery"
  registered = 11800
  weighted = 13000
  adjusted = 12300
  care_home_beds = 40

[[iif]]
indicator = "CAN-04"
points = 20
`
	sc, err := scenario.Load("s.toml", []byte(text))
	require.NoError(t, err)
	f, err := scenario.Run(sc, []des.Year{2025}, mustAll(rates.All()), scenario.Options{}) // 2025/26 has no IIF point value
	require.NoError(t, err)
	popLine := 1 + strings.Count(text[:strings.Index(text, "[[population]]")], "\n")
	iifLine := 1 + strings.Count(text[:strings.Index(text, "[[iif]]")], "\n")
	require.Equal(t, []string{
		"s.toml:" + strconv.Itoa(popLine) + ": the [[population]] for 2023/24 is not used: it is not among the years computed (2025/26)",
		"2025/26: s.toml:" + strconv.Itoa(iifLine) + ": [[iif]] not used: no source gives an IIF point value for 2025/26, so no estimate is made",
	}, f.Notes)
	require.Len(t, f.Years[0].Notes, 1)
	require.Nil(t, f.Years[0].IIF)

	// 2024/25 has a point value and its own population: no notes.
	sc2, err := scenario.Load("s.toml", []byte(strings.Replace(text, `year = "2023/24"`, `year = "2024/25"`, 1)))
	require.NoError(t, err)
	f, err = scenario.Run(sc2, []des.Year{2024}, mustAll(rates.All()), scenario.Options{})
	require.NoError(t, err)
	require.Empty(t, f.Notes)
	require.NotNil(t, f.Years[0].IIF)
}

// A forecast into a projected year with staff given by salary does not
// abort for want of a future employer NI rule: the last on-cost rules are
// carried forward, and the explanation says PROJECTION.
func TestProjectedYearWithSalaryCarriesOnCosts(t *testing.T) {
	text := `name = "Projected PCN"
[[practices]]
name = "P1"
registered = 12000
weighted = 13000
adjusted = 12500
care_home_beds = 10
[[staff]]
name = "Pharmacist A"
role = "clinical_pharmacist"
wte = 1
start = 2025-04-01
salary = 48000
[assumptions]
pay_uplift_pct = 3
arrs_growth_pct = 2
entitlement_growth_pct = 2
`
	sc, err := scenario.Load("p.toml", []byte(text))
	require.NoError(t, err)
	o, err := rates.OnCosts()
	require.NoError(t, err)
	f, err := scenario.Run(sc, []des.Year{2026, 2027, 2028}, mustAll(rates.All()), scenario.Options{SalaryCost: arrs.OnCostRules(o)})
	require.NoError(t, err)
	require.NotContains(t, f.Years[0].ARRS.Staff[0].Explain(), "on-cost rules carried forward")
	for _, yr := range f.Years[1:] {
		require.True(t, yr.Projected)
		require.True(t, yr.ARRS.Claims.IsPositive())
		require.Contains(t, yr.ARRS.Staff[0].Explain(), "PROJECTION: on-cost rules carried forward")
	}
}
