package national_test

import (
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/pcnfin/pcnfin/des"
)

var benchData = map[int][2][]byte{}
var benchMu sync.Mutex

func benchList(n int) ([]byte, []byte) {
	benchMu.Lock()
	defer benchMu.Unlock()
	d, ok := benchData[n]
	if !ok {
		p, s := genList(n, 40, 2025)
		d = [2][]byte{p, s}
		benchData[n] = d
	}
	return d[0], d[1]
}

func benchICB(b *testing.B, n int) {
	pcns, staff := benchList(n)
	b.SetBytes(int64(len(pcns) + len(staff)))
	b.ReportAllocs()
	b.ResetTimer()
	var people int
	for i := 0; i < b.N; i++ {
		rep, _ := runOn(b, pcns, staff, []des.Year{2025}, discard{})
		people = rep.People
	}
	b.ReportMetric(float64(people), "people")
}

// BenchmarkICBYear: issue 23's benchmark. 1,250 PCNs with about 40 staff
// each (50,000 rows): the PCN list and the staff file read, every PCN's
// claims worked out month by month against its sums, rolled up by ICB and
// for England, for 2025/26 (compare arrs's BenchmarkNationalYear: the same
// size, worked out only, from inputs already in memory).
func BenchmarkICBYear(b *testing.B) { benchICB(b, 1250) }

// BenchmarkICBYear10x is BenchmarkICBYear with ten times the rows.
func BenchmarkICBYear10x(b *testing.B) { benchICB(b, 12500) }

// TestWriteGenerated writes a generated list and roster for measuring the
// program: ICB_SYNTHETIC=1250 ICB_SYNTHETIC_OUT=/tmp/icb go test -run
// TestWriteGenerated ./national writes /tmp/icb-pcns.csv and
// /tmp/icb-staff.csv (about 40 people a PCN).
func TestWriteGenerated(t *testing.T) {
	out := os.Getenv("ICB_SYNTHETIC_OUT")
	n, _ := strconv.Atoi(os.Getenv("ICB_SYNTHETIC"))
	if out == "" || n <= 0 {
		t.Skip("set ICB_SYNTHETIC=N and ICB_SYNTHETIC_OUT=PREFIX to write a generated list and roster")
	}
	p, s := genList(n, 40, 2025)
	if err := os.WriteFile(out+"-pcns.csv", p, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out+"-staff.csv", s, 0o644); err != nil {
		t.Fatal(err)
	}
}
