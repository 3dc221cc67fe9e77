package rates

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"hash/crc32"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/rulesetdiff"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite index.txt from the files it is generated from")

// index.txt is what the files say: regenerated, it is the same bytes.
func TestIndexUpToDate(t *testing.T) {
	want, err := buildIndex()
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile("index.txt", want, 0o644))
		return
	}
	if !bytes.Equal(want, indexText) {
		t.Fatal("rates/index.txt is stale: a file it is generated from (a year file, bands.toml, oncosts.toml) " +
			"or what package des reads of them has changed since. Regenerate it with `go generate ./rates` " +
			"(or `go test ./rates -run TestIndexUpToDate -update`) and commit it with the change. While a file " +
			"differs from its checksum in the index, Year parses every year, so no figure is wrong; a change " +
			"in des alone is caught here and by TestYearAloneIsAll.")
	}
	ix, err := readIndex(indexText)
	require.NoError(t, err)
	require.NotNil(t, ix)
}

// reset forgets everything loaded, as in a fresh process.
func reset() {
	namesOnce, years, byYear, namesErr = sync.Once{}, nil, nil, nil
	allOnce, allSets, allErr = sync.Once{}, nil, nil
	allDone.Store(false)
	indexOnce, theIx = sync.Once{}, nil
	bandsOnce, bands, bandsErr = sync.Once{}, nil, nil
	onCostsOnce, onCosts, onCostsErr = sync.Once{}, nil, nil
}

// parsedYears are the years whose file has been parsed.
func parsedYears() []des.Year {
	var out []des.Year
	for _, y := range years {
		if st := byYear[y]; st.raw != nil || st.rawErr != nil {
			out = append(out, y)
		}
	}
	return out
}

// Year alone, from a fresh start, parses that year's file and no other,
// and gives exactly what All gives for it: every figure, source text,
// confidence, label and decimal exponent.
func TestYearAloneIsAll(t *testing.T) {
	t.Cleanup(reset)
	reset()
	all := map[des.Year]*des.RuleSet{}
	for _, rs := range everyYear(All()) {
		all[rs.Year()] = rs
	}
	require.Len(t, all, len(Years()))
	for i, y := range Years() {
		reset()
		rs, err := Year(y)
		require.NoError(t, err)
		require.Equal(t, []des.Year{y}, parsedYears(), "Year(%s) parsed other years", y)
		require.False(t, allDone.Load())
		require.True(t, bands == nil && onCosts == nil, "Year(%s) parsed bands.toml or oncosts.toml", y)
		require.Empty(t, rulesetdiff.Diff(all[y], rs))
		// All afterwards keeps the rule set Year gave.
		require.Same(t, rs, everyYear(All())[i])
	}
}

// mustAll is All's rule set for y, from a fresh start.
func mustAll(t *testing.T, y des.Year) *des.RuleSet {
	t.Helper()
	reset()
	for _, rs := range everyYear(All()) {
		if rs.Year() == y {
			return rs
		}
	}
	t.Fatalf("no %s", y)
	return nil
}

// Years, Latest and Roles parse nothing.
func TestCatalogueWithoutParsing(t *testing.T) {
	t.Cleanup(reset)
	reset()
	ys := Years()
	require.NotEmpty(t, ys)
	require.Equal(t, ys[len(ys)-1], Latest())
	roles := Roles()
	require.Empty(t, parsedYears())
	reset()
	require.Equal(t, rolesOf(everyYear(All())), roles)
}

// An index that does not match the files is not used: every year is
// parsed, and the figures are the same.
func TestStaleIndexIsNotUsed(t *testing.T) {
	t.Cleanup(func() {
		indexText = bytes.Clone(embeddedIndex)
		reset()
	})
	reset()
	y := Latest()
	want := rulesetdiff.Dump(mustAll(t, y))
	stale := strings.Replace(string(embeddedIndex), "\nfile 2", "\nfile 2x", 1)
	require.True(t, stale != string(embeddedIndex), "no file line in the index")
	indexText = []byte(stale)
	reset()
	require.Nil(t, theIndex())
	rs, err := Year(y)
	require.NoError(t, err)
	require.Equal(t, Years(), parsedYears())
	require.Equal(t, want, rulesetdiff.Dump(rs))
	require.Equal(t, rolesOf(everyYear(All())), Roles())
}

var embeddedIndex = bytes.Clone(indexText)

// A user's own rule set is completed with the index exactly as among all
// the embedded years (in place of its year's), parsing only the year
// before.
func TestCompleteWithIndexIsCompleteAmongAll(t *testing.T) {
	t.Cleanup(reset)
	for _, y := range Years() {
		data, err := File(y)
		require.NoError(t, err)
		user, err := rulefile.Read(y.FileName()+".toml", data)
		require.NoError(t, err)
		reset()
		want, err := completeAmongAll(user)
		require.NoError(t, err)
		reset()
		got, err := Complete(user)
		require.NoError(t, err)
		require.Empty(t, rulesetdiff.Diff(want, got))
		if y > Years()[0] {
			require.Equal(t, []des.Year{y - 1}, parsedYears())
		} else {
			require.Empty(t, parsedYears())
		}
	}
}

// Years asked for at once, by many goroutines, with All among them, are
// each completed once and the same for everyone (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	t.Cleanup(reset)
	for round := range 4 {
		reset()
		ys := Years()
		got := make([][]*des.RuleSet, 8)
		var wg sync.WaitGroup
		for g := range got {
			wg.Go(func() {
				if (g+round)%4 == 0 {
					got[g] = everyYear(All())
					return
				}
				for i := range ys {
					rs, err := Year(ys[(i+g)%len(ys)])
					if err != nil {
						t.Error(err)
						return
					}
					got[g] = append(got[g], rs)
				}
				slices.SortFunc(got[g], func(a, b *des.RuleSet) int { return int(a.Year() - b.Year()) })
			})
		}
		wg.Wait()
		for g := range got {
			require.Len(t, got[g], len(ys))
			for i := range ys {
				require.Same(t, got[0][i], got[g][i])
			}
		}
	}
}

// buildIndex generates index.txt from the files: every year parsed and
// completed together, as All does.
func buildIndex() ([]byte, error) {
	names, data, err := rawFiles()
	if err != nil {
		return nil, err
	}
	raw, ys, err := parseAll()
	if err != nil {
		return nil, err
	}
	b, rates, err := modelInputs()
	if err != nil {
		return nil, err
	}
	list := make([]*des.RuleSet, 0, len(ys))
	for _, y := range ys {
		list = append(list, raw[y])
	}
	done, err := derive.Complete(list, b, rates)
	if err != nil {
		return nil, err
	}
	ix := &index{roles: rolesOf(done), bands: b}
	for i, n := range names {
		ix.files = append(ix.files, indexFile{n, len(data[i]), crc32.ChecksumIEEE(data[i])})
	}
	ix.files = append(ix.files, indexFile{"bands.toml", len(bandsTOML), crc32.ChecksumIEEE(bandsTOML)},
		indexFile{"oncosts.toml", len(onCostsTOML), crc32.ChecksumIEEE(onCostsTOML)})
	for i, rs := range list {
		var prev *des.RuleSet
		if i > 0 {
			prev = done[i-1]
		}
		ix.years = append(ix.years, rs.Year())
		ix.carries = append(ix.carries, derive.CarryOf(rs, prev))
		ix.evs = append(ix.evs, derive.EvidenceOf(rs))
		// The model costs a maximum at the on-cost rates of the end of its
		// DES year.
		on := rs.Year().End()
		p, n, t, err := rates(on)
		if err != nil {
			return nil, fmt.Errorf("on-cost rates on %s: %w", on, err)
		}
		ix.onCosts = append(ix.onCosts, onCostsOn{on, p, n, t})
	}
	return writeIndex(ix)
}

// ForYears gives the rule sets of the years asked for, parsing only those;
// every year when one must be projected; and a rule set of one's own in
// place of its year's, always among them.
func TestForYears(t *testing.T) {
	t.Cleanup(reset)
	ys := Years()
	last := ys[len(ys)-1]
	reset()
	sets, err := ForYears([]des.Year{last, last - 2, last}, nil)
	require.NoError(t, err)
	require.Equal(t, []des.Year{last - 2, last}, yearsOf(sets))
	require.Equal(t, []des.Year{last - 2, last}, parsedYears())

	reset()
	sets, err = ForYears([]des.Year{last + 1}, nil)
	require.NoError(t, err)
	require.Equal(t, ys, yearsOf(sets))
	reset()
	sets, err = ForYears(nil, nil)
	require.NoError(t, err)
	require.Equal(t, ys, yearsOf(sets))

	data, err := File(last)
	require.NoError(t, err)
	own, err := rulefile.Read(last.FileName()+".toml", data)
	require.NoError(t, err)
	own, err = Complete(own)
	require.NoError(t, err)
	reset()
	sets, err = ForYears([]des.Year{last - 1}, own)
	require.NoError(t, err)
	require.Equal(t, []des.Year{last - 1, last}, yearsOf(sets))
	require.Same(t, own, sets[1])
	sets, err = ForYears([]des.Year{last}, own)
	require.NoError(t, err)
	require.Equal(t, []*des.RuleSet{own}, sets)
}

func yearsOf(sets []*des.RuleSet) []des.Year {
	var out []des.Year
	for _, rs := range sets {
		out = append(out, rs.Year())
	}
	return out
}
