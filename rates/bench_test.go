package rates

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
)

// BenchmarkLoadAllRuleSets parses and validates every embedded year, as the
// package does on first use.
func BenchmarkLoadAllRuleSets(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := parseAll(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadYear parses and validates one year's file alone.
func BenchmarkLoadYear(b *testing.B) {
	names, raws, err := rawFiles()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := des.LoadRuleSet("rates/"+names[len(names)-1], raws[len(raws)-1]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndComplete is what a program pays on first use: every year
// parsed, then completed by the band model (which derives a year's maxima
// from the sourced figures of the other years, so one year needs them all).
func BenchmarkLoadAndComplete(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		raw, ys, err := parseAll()
		if err != nil {
			b.Fatal(err)
		}
		list := make([]*des.RuleSet, 0, len(ys))
		for _, y := range ys {
			list = append(list, raw[y])
		}
		if _, err := complete(list); err != nil {
			b.Fatal(err)
		}
	}
}
