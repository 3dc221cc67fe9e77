package des_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"testing"

	"github.com/pcnfin/pcnfin/des"
)

// BenchmarkEntitle: one PCN of two practices, every payment of a year.
func BenchmarkEntitle(b *testing.B) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	if err != nil {
		b.Fatal(err)
	}
	pcn := testPCN()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := des.Entitle(rs, pcn, des.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
