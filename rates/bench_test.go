package rates

import (
	"fmt"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"io/fs"
	"sort"
	"sync"
	"testing"

	"github.com/pcnfin/pcnfin/des"
)

// BenchmarkLoadAllRuleSets parses and validates every embedded year (one
// goroutine per file), as All does on first use before completing them.
func BenchmarkLoadAllRuleSets(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := parseAll(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadYear is what a program pays for one completed year from a
// fresh start (nothing cached, not even the band and on-cost tables):
// Year(Latest()), the year programs work on by default. That is the year's
// file parsed while index.txt is read and checked, then the year completed
// by the band model.
func BenchmarkLoadYear(b *testing.B) {
	b.Cleanup(reset)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		reset()
		if _, err := Year(Latest()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadYearEach is BenchmarkLoadYear for each embedded year.
func BenchmarkLoadYearEach(b *testing.B) {
	b.Cleanup(reset)
	for _, y := range Years() {
		b.Run(y.FileName(), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				reset()
				if _, err := Year(y); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseYear parses and validates one year's file alone (the
// latest), without completing it.
func BenchmarkParseYear(b *testing.B) {
	names, raws, err := rawFiles()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := rulefile.Read("rates/"+names[len(names)-1], raws[len(raws)-1]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndComplete is what All pays on first use: every year
// parsed, then all completed together by the band model.
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

// BenchmarkReadIndex reads index.txt and checks it against the files.
func BenchmarkReadIndex(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := readIndex(indexText); err != nil {
			b.Fatal(err)
		}
	}
}

// parseAll parses and validates every embedded year afresh, one goroutine
// per file, with nothing cached but the files' bytes (BenchmarkLoadAllRuleSets,
// and buildIndex).
func parseAll() (map[des.Year]*des.RuleSet, []des.Year, error) {
	names, raws, e := rawFiles()
	if e != nil {
		return nil, nil, e
	}
	parsed := make([]*des.RuleSet, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parsed[i], errs[i] = rulefile.Read("rates/"+n, raws[i])
		}()
	}
	wg.Wait()
	out := map[des.Year]*des.RuleSet{}
	var ys []des.Year
	var all des.Errors
	for i, rs := range parsed {
		if errs[i] != nil {
			all = append(all, errs[i])
			continue
		}
		if _, dup := out[rs.Year()]; dup {
			all = append(all, fmt.Errorf("rates/%s: a second rule set for %s", names[i], rs.Year()))
			continue
		}
		out[rs.Year()] = rs
		ys = append(ys, rs.Year())
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	if len(all) > 0 {
		return out, ys, all
	}
	return out, ys, nil
}

var (
	rawOnce  sync.Once
	rawNames []string
	rawData  [][]byte
	rawErr   error
)

// rawFiles reads the embedded year files once (embed.FS copies on read).
func rawFiles() ([]string, [][]byte, error) {
	rawOnce.Do(func() {
		rawNames, rawErr = fs.Glob(files, "[0-9]*.toml")
		for _, n := range rawNames {
			b, err := files.ReadFile(n)
			if err != nil {
				rawErr = err
				return
			}
			rawData = append(rawData, b)
		}
	})
	return rawNames, rawData, rawErr
}
