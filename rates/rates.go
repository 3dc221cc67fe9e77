// Package rates holds the official rule sets of the Network Contract DES,
// one TOML file per DES year (2019-20.toml … 2026-27.toml), embedded in the
// binary. Every figure in them names its source document, paragraph or
// table, URL and confidence. Figures no source gives are listed as gaps at
// the end of each file; the rule sets this package returns fill the ARRS
// role maxima among them by the band model (bands.toml, des.Complete) and
// carry the payments a file marks carry from the year before, each such
// figure labelled derived or carried. AsStated returns a year as its file
// states it; RuleSet.SourcedOnly drops the derived and carried figures. See README.md in this directory for the
// file format, which is also how a user writes a rule set of their own (a
// local variation, next year's figures) to load with des.LoadRuleSetFile.
//
// The files are parsed and validated once, on first use, and the rule sets
// are shared: they are immutable and safe for concurrent use.
package rates

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"github.com/pcnfin/pcnfin/des"
)

//go:embed [0-9]*.toml
var files embed.FS

var (
	once  sync.Once
	sets  map[des.Year]*des.RuleSet
	years []des.Year
	err   error
)

func load() {
	var raw map[des.Year]*des.RuleSet
	raw, years, err = parseAll()
	if err != nil {
		sets = raw
		return
	}
	rawSets = raw
	list := make([]*des.RuleSet, 0, len(years))
	for _, y := range years {
		list = append(list, raw[y])
	}
	done, e := complete(list)
	if e != nil {
		sets, err = raw, e
		return
	}
	sets = map[des.Year]*des.RuleSet{}
	for _, rs := range done {
		sets[rs.Year()] = rs
	}
}

// rawSets are the embedded rule sets as their files state them, before
// the band model and carrying fill them.
var rawSets map[des.Year]*des.RuleSet

// parsed returns the embedded rule sets as their files state them, oldest
// first.
func parsed() ([]*des.RuleSet, error) {
	once.Do(load)
	if err != nil {
		return nil, err
	}
	out := make([]*des.RuleSet, 0, len(years))
	for _, y := range years {
		out = append(out, rawSets[y])
	}
	return out, nil
}

// AsStated returns the embedded rule set for a year as its file states it:
// only sourced figures, before the band model derives maxima and carried
// payments are filled (the input to des.Complete).
func AsStated(y des.Year) (*des.RuleSet, error) {
	once.Do(load)
	if err != nil {
		return nil, err
	}
	if rs, ok := rawSets[y]; ok {
		return rs, nil
	}
	return nil, fmt.Errorf("%w: %s (embedded years: %v)", des.ErrUnknownYear, y, years)
}

// parseAll parses and validates every embedded year, one goroutine per
// file (the TOML decoder is most of the cost).
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
			parsed[i], errs[i] = des.LoadRuleSet("rates/"+n, raws[i])
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

// Err reports a problem with the embedded tables (nil in a correct build;
// the package's tests guarantee it).
func Err() error {
	once.Do(load)
	return err
}

// Years lists the DES years with an embedded rule set, oldest first.
func Years() []des.Year {
	once.Do(load)
	return slices.Clone(years)
}

// Latest is the most recent DES year with an embedded rule set.
func Latest() des.Year {
	once.Do(load)
	if len(years) == 0 {
		return 0
	}
	return years[len(years)-1]
}

// Year returns the embedded rule set for a DES year. The error wraps
// des.ErrUnknownYear when there is none.
func Year(y des.Year) (*des.RuleSet, error) {
	once.Do(load)
	if rs, ok := sets[y]; ok {
		return rs, nil
	}
	if err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("%w: %s (embedded years: %v)", des.ErrUnknownYear, y, years)
}

// Parse is Year for a year written as text ("2024/25", "2024-25", "2024").
func Parse(s string) (*des.RuleSet, error) {
	y, e := des.ParseYear(s)
	if e != nil {
		return nil, e
	}
	return Year(y)
}

// File returns the raw TOML of an embedded year, to copy as the start of a
// local variation.
func File(y des.Year) ([]byte, error) {
	return files.ReadFile(y.FileName() + ".toml")
}

// All returns every embedded rule set, oldest first.
func All() []*des.RuleSet {
	once.Do(load)
	out := make([]*des.RuleSet, 0, len(years))
	for _, y := range years {
		out = append(out, sets[y])
	}
	return out
}

// Roles lists every role ID claimable in any embedded year.
func Roles() []string {
	seen := map[string]bool{}
	var out []string
	for _, rs := range All() {
		for _, r := range rs.ARRS().Roles {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r.ID)
			}
		}
	}
	sort.Strings(out)
	return out
}
