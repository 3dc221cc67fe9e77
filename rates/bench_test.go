package rates_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcnfin/pcnfin/des"
)

// BenchmarkLoadAllRuleSets parses and validates every embedded year.
func BenchmarkLoadAllRuleSets(b *testing.B) {
	names, _ := fs.Glob(os.DirFS("."), "20*.toml")
	files := make([][]byte, len(names))
	for i, n := range names {
		files[i], _ = os.ReadFile(filepath.Clean(n))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, data := range files {
			if _, err := des.LoadRuleSet(names[k], data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
