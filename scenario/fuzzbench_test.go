package scenario_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
)

// BenchmarkScenarioPopulationsBody times one execution of
// FuzzScenarioPopulations' body on its first seed: how fast the fuzzer can
// search.
func BenchmarkScenarioPopulationsBody(b *testing.B) {
	all := mustAll(rates.All())
	for b.Loop() {
		sc, err := scenario.Load("f.toml", []byte(popSeed))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := scenario.Run(sc, []des.Year{2024, 2025}, all, scenario.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
