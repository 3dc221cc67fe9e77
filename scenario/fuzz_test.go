package scenario_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
)

const popSeed = `name = "Two-practice PCN"
years = ["2024/25", "2025/26"]
[[practices]]
name = "P1"
registered = 12000
weighted = 13000
adjusted = 12500
care_home_beds = 10
[[practices]]
name = "P2"
registered = 9000
weighted = 9500.5
adjusted = 9100
care_home_beds = 0
[[population]]
year = "2025/26"
  [[population.practices]]
  name = "P1"
  registered = 12100
  weighted = 13100
  adjusted = 12600
  care_home_beds = 10
  [[population.practices]]
  name = "P2"
  registered = 9050
  weighted = 9600
  adjusted = 9150
  care_home_beds = 0
[[staff]]
name = "A"
role = "clinical_pharmacist"
wte = 1
start = 2024-04-01
annual_cost = 60000
`

// FuzzScenarioPopulations: any scenario text, especially with
// [[population]] blocks, is refused with an error or worked out; never a
// panic, and an accepted scenario's populations name exactly the
// practices of [[practices]]. CI runs the seed corpus only.
//
// Before fuzzing, each worker runs every seed once: the first run in a
// process fills the package-wide caches (rates' on-cost rules and the
// like), and coverage that only a process's first run shows would send
// the fuzzer minimising inputs whose new coverage it cannot reproduce.
// TestMain bounds minimisation (internal/fuzzmain); BenchmarkScenario
// PopulationsBody times one execution.
func FuzzScenarioPopulations(f *testing.F) {
	seeds := []string{
		popSeed,
		popSeed + "[[population]]\nyear = \"2023/24\"\n  [[population.practices]]\n  name = \"P 2\"\n  registered = 1\n",
	}
	bad, _ := filepath.Glob("../testdata/bad/scenarios/population-*.toml")
	for _, p := range bad {
		if b, err := os.ReadFile(p); err == nil {
			seeds = append(seeds, string(b))
		}
	}
	all := mustAll(rates.All())
	for _, s := range seeds {
		f.Add(s)
		checkPopulations(f, all, s) // the warm-up
	}
	f.Fuzz(func(t *testing.T, text string) { checkPopulations(t, all, text) })
}

// checkPopulations is FuzzScenarioPopulations' check of one input.
func checkPopulations(t testing.TB, all []*des.RuleSet, text string) {
	t.Helper()
	sc, err := scenario.Load("f.toml", []byte(text))
	if err != nil {
		return
	}
	var base []string
	for _, p := range sc.Practices {
		base = append(base, p.Name)
	}
	slices.Sort(base)
	for y, ps := range sc.Populations {
		var names []string
		for _, p := range ps {
			names = append(names, p.Name)
		}
		slices.Sort(names)
		if !slices.Equal(base, names) {
			t.Fatalf("%s population %v accepted against practices %v", y, names, base)
		}
	}
	years := sc.Years
	if len(years) == 0 {
		years = []des.Year{2025}
	}
	if len(years) > 3 {
		years = years[:3]
	}
	_, _ = scenario.Run(sc, years, all, scenario.Options{})
}
