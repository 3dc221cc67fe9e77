// Package rates holds the official rule sets of the Network Contract DES,
// one TOML file per DES year (2019-20.toml … 2026-27.toml), embedded in the
// binary. Every figure in them names its source document, paragraph or
// table, URL and confidence. Figures no source gives are listed as gaps at
// the end of each file; the rule sets this package returns fill the ARRS
// role maxima among them by the band model (bands.toml, derive.Complete) and
// carry the payments a file marks carry from the year before, each such
// figure labelled derived or carried. AsStated returns a year as its file
// states it; RuleSet.SourcedOnly drops the derived and carried figures.
// See README.md in this directory for the file format, which is also how a
// user writes a rule set of their own (a local variation, next year's
// figures) to load with rulefile.ReadFile.
//
// Loading is lazy, a year at a time. Years, Latest and Roles parse nothing
// (the years come from the file names). Year(y) parses y's file alone and
// completes it with index.txt: what completion needs from the other files
// (every year's sourced maxima, what y carries from the year before, the
// band rules and on-cost rates), generated from them by go generate and
// checked against their checksums at run time. All and Err parse and
// complete every year. Each file is parsed and validated once, on first
// use, and the rule sets are shared: they are immutable and safe for
// concurrent use.
package rates

import (
	"embed"
	"fmt"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pcnfin/pcnfin/des"
)

//go:embed [0-9]*.toml
var files embed.FS

// The loading state: what is known of the catalogue, filled as it is asked
// for. Each part is computed once; every value in it is immutable.
var (
	namesOnce sync.Once
	years     []des.Year              // from the file names, oldest first
	byYear    map[des.Year]*yearState // one per file
	namesErr  error                   // a file not named for its year

	allOnce sync.Once
	allSets map[des.Year]*des.RuleSet // every year completed together (All)
	allErr  error
	allDone atomic.Bool // allOnce has run
)

// yearState is one embedded year: its file, the rule set as stated, and the
// completed rule set, each made once, on first use.
type yearState struct {
	file     string
	rawOnce  sync.Once
	raw      *des.RuleSet
	rawErr   error
	doneOnce sync.Once
	done     *des.RuleSet
	doneErr  error
}

// catalogue lists the embedded years from the file names (2024-25.toml is
// 2024/25; the loader checks that the file says so), without parsing.
func catalogue() {
	names, err := fs.Glob(files, "[0-9]*.toml")
	if err != nil {
		namesErr = err
		return
	}
	byYear = map[des.Year]*yearState{}
	var errs des.Errors
	for _, n := range names {
		y, err := des.ParseYear(strings.TrimSuffix(n, ".toml"))
		if err != nil || n != y.FileName()+".toml" {
			errs = append(errs, fmt.Errorf("rates/%s: want a file named for its DES year, like 2024-25.toml", n))
			continue
		}
		byYear[y] = &yearState{file: n}
		years = append(years, y)
	}
	slices.Sort(years)
	if len(errs) > 0 {
		namesErr = errs
	}
}

// state is the loading state of an embedded year.
func state(y des.Year) (*yearState, error) {
	namesOnce.Do(catalogue)
	if st, ok := byYear[y]; ok {
		return st, nil
	}
	if namesErr != nil {
		return nil, namesErr
	}
	return nil, fmt.Errorf("%w: %s (embedded years: %v)", des.ErrUnknownYear, y, years)
}

// asStated is the embedded rule set for y as its file states it, parsed
// and validated once.
func asStated(y des.Year) (*des.RuleSet, error) {
	st, err := state(y)
	if err != nil {
		return nil, err
	}
	st.rawOnce.Do(func() {
		data, err := files.ReadFile(st.file)
		if err != nil {
			st.rawErr = err
			return
		}
		st.raw, st.rawErr = rulefile.Read("rates/"+st.file, data)
	})
	return st.raw, st.rawErr
}

// parsed returns every embedded rule set as its file states it, oldest
// first, one goroutine per file (the TOML decoder is most of the cost).
func parsed() ([]*des.RuleSet, error) {
	namesOnce.Do(catalogue)
	out := make([]*des.RuleSet, len(years))
	errs := make([]error, len(years))
	var wg sync.WaitGroup
	for i, y := range years {
		wg.Go(func() { out[i], errs[i] = asStated(y) })
	}
	wg.Wait()
	var all des.Errors
	if namesErr != nil {
		all = append(all, namesErr)
	}
	for _, e := range errs {
		if e != nil {
			all = append(all, e)
		}
	}
	if len(all) > 0 {
		return nil, all
	}
	return out, nil
}

// loadAll parses every year and completes them together (derive.Complete).
func loadAll() {
	defer allDone.Store(true)
	raw, err := parsed()
	if err != nil {
		allErr = err
		return
	}
	done, err := complete(raw)
	if err != nil {
		allErr = err
		return
	}
	allSets = map[des.Year]*des.RuleSet{}
	for _, rs := range done {
		allSets[rs.Year()] = rs
	}
}

// completeYear completes one embedded year: from the year's own file and
// the index (index.txt) when the index is up to date with the files, so
// that no other year, nor bands.toml or oncosts.toml, is parsed; from
// every year (as All) otherwise, or when All has run already.
func completeYear(y des.Year) (*des.RuleSet, error) {
	if allDone.Load() {
		return fromAll(y)
	}
	var wg sync.WaitGroup
	wg.Go(func() { theIndex() }) // read while the year's file is parsed
	raw, err := asStated(y)
	wg.Wait()
	ix := theIndex()
	if ix == nil {
		return fromAll(y)
	}
	if err != nil {
		return nil, err
	}
	return derive.CompleteYear(raw, ix.carry(y), ix.evs, ix.bands, ix.rates)
}

// fromAll is y's rule set as All completes it.
func fromAll(y des.Year) (*des.RuleSet, error) {
	allOnce.Do(loadAll)
	if rs, ok := allSets[y]; ok {
		return rs, nil
	}
	return nil, allErr
}

// AsStated returns the embedded rule set for a year as its file states it:
// only sourced figures, before the band model derives maxima and carried
// payments are filled (the input to derive.Complete).
func AsStated(y des.Year) (*des.RuleSet, error) { return asStated(y) }

// Years lists the DES years with an embedded rule set, oldest first. It
// reads the file names only: nothing is parsed.
func Years() []des.Year {
	namesOnce.Do(catalogue)
	return slices.Clone(years)
}

// Latest is the most recent DES year with an embedded rule set (from the
// file names, as Years).
func Latest() des.Year {
	namesOnce.Do(catalogue)
	if len(years) == 0 {
		return 0
	}
	return years[len(years)-1]
}

// Year returns the embedded rule set for a DES year, completed (derived
// maxima, carried payments). The first call for a year parses that year's
// file alone and completes it with the index of what completion needs from
// the other years (index.txt); it is then cached. The error wraps
// des.ErrUnknownYear when there is none.
func Year(y des.Year) (*des.RuleSet, error) {
	st, err := state(y)
	if err != nil {
		return nil, err
	}
	st.doneOnce.Do(func() { st.done, st.doneErr = completeYear(y) })
	return st.done, st.doneErr
}

// YearNamed is Year for a year written as text ("2024/25", "2024-25",
// "2024"): the embedded rule set, completed.
func YearNamed(s string) (*des.RuleSet, error) {
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

// All returns every embedded rule set, completed, oldest first. The first
// call parses every year and completes them together; a year Year has
// completed already is returned as Year returned it (the same figures).
// The error is a problem with the embedded tables (nil in a correct build;
// the package's tests guarantee it); the years that did load come with it.
func All() ([]*des.RuleSet, error) {
	allOnce.Do(loadAll)
	out := make([]*des.RuleSet, 0, len(years))
	for _, y := range years {
		st := byYear[y]
		st.doneOnce.Do(func() {
			if st.done = allSets[y]; st.done == nil {
				st.doneErr = allErr
			}
		})
		if st.done != nil {
			out = append(out, st.done)
		}
	}
	return out, allErr
}

// Roles lists every role ID claimable in any embedded year (from the
// index, without parsing, when it is up to date).
func Roles() []string {
	if ix := theIndex(); ix != nil {
		return slices.Clone(ix.roles)
	}
	sets, _ := All() // a broken build still lists the roles of the years that load
	return rolesOf(sets)
}

// rolesOf is every role ID claimable in any of the rule sets, sorted.
func rolesOf(sets []*des.RuleSet) []string {
	seen := map[string]bool{}
	var out []string
	for _, rs := range sets {
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
