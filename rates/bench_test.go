package rates

import "testing"

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
