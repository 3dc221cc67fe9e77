package rates

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/des/derive"
	"hash/crc32"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

//go:generate go test -run ^TestIndexUpToDate$ -update .

// indexText is what completing one year needs from the other files,
// generated from them (see index and buildIndex): Year parses one year's
// file and this, not eight files and the band and on-cost tables.
//
//go:embed index.txt
var indexText []byte

// index is index.txt: for every embedded year, the evidence the band
// model reads of it (derive.Evidence: its sourced maxima and the dates a
// band's figure may change) and what it carries from the year before
// (derive.Carry); the band rules (bands.toml) and the on-cost rates at the
// dates the model costs the embedded years' maxima at (the end of each
// year, from oncosts.toml); the role IDs claimable in any year (Roles);
// and the size and CRC-32 of each file it was generated from. It holds
// nothing the files do not: it is the files, digested. If any file no
// longer matches, the whole index is unused (every year is then parsed, as
// All does), so a stale index can make loading slower, never a figure
// wrong; TestIndexUpToDate fails and says how to regenerate it.
//
// The format is a line a fact, for a quick read and a readable diff:
//
//	file 2019-20.toml 13875 3244657426    (name, bytes, CRC-32)
//	roles advanced_practitioner care_coordinator …
//	bands {…}                             (derive.BandRules as JSON)
//	on_costs 2020-03-31 0.1438 0.138 8632 (date, pension, NI rate, threshold)
//	year 2019/20                          (then, for that year:)
//	carry {…}                             (derive.Carry as JSON)
//	evidence 2019/20 … end                (derive.Evidence as text, lines to "end")
type index struct {
	files   []indexFile
	roles   []string
	bands   *derive.BandRules
	onCosts []onCostsOn
	years   []des.Year
	carries []derive.Carry
	evs     []derive.Evidence
}

type indexFile struct {
	name  string
	bytes int
	crc32 uint32
}

// onCostsOn is derive.OnCostRates on one date.
type onCostsOn struct {
	on                           des.Date
	pension, niRate, niThreshold decimal.Decimal
}

const indexHead = "# Generated from the files below by `go generate ./rates` " +
	"(go test ./rates -run TestIndexUpToDate -update): do not edit.\n" +
	"# What completing one year needs from the other files: see index in index.go.\n"

var (
	indexOnce sync.Once
	theIx     *index
)

// theIndex is the embedded index, or nil when it is missing, unreadable or
// does not match the files it was made from byte for byte (size, CRC-32).
func theIndex() *index {
	indexOnce.Do(func() { theIx, _ = readIndex(indexText) })
	return theIx
}

// readIndex reads an index and checks it against the embedded files.
func readIndex(data []byte) (*index, error) {
	ix, err := parseIndex(data)
	if err != nil {
		return nil, err
	}
	namesOnce.Do(catalogue)
	if namesErr != nil {
		return nil, namesErr
	}
	if !slices.Equal(ix.years, years) || len(ix.files) != len(years)+2 || ix.bands == nil {
		return nil, fmt.Errorf("index.txt: not the embedded years and files")
	}
	buf := make([]byte, 16<<10)
	for _, f := range ix.files {
		n, sum, err := checksum(f.name, buf)
		if err != nil || n != f.bytes || sum != f.crc32 {
			return nil, fmt.Errorf("index.txt: %s has changed since the index was generated", f.name)
		}
	}
	return ix, nil
}

// parseIndex reads the lines of index.txt.
func parseIndex(data []byte) (*index, error) {
	ix := &index{}
	for n, pos := 1, 0; pos < len(data); n++ {
		end := bytes.IndexByte(data[pos:], '\n')
		if end < 0 {
			end = len(data) - pos
		}
		k, val, _ := bytes.Cut(data[pos:pos+end], []byte(" "))
		key := string(k)
		next := pos + end + 1
		var err error
		if key == "evidence" && len(ix.years) > 0 {
			var block []byte
			if block, err = ix.evidence(data[pos:]); err == nil {
				n += bytes.Count(block, []byte("\n")) - 1
				next = pos + len(block)
			}
		} else {
			err = ix.line(key, val)
		}
		if err != nil {
			return nil, fmt.Errorf("index.txt:%d: %s: %w", n, key, err)
		}
		pos = next
	}
	for i, y := range ix.years {
		if ix.evs[i].Year() != y {
			return nil, fmt.Errorf("index.txt: year %s: %w: no evidence", y, des.ErrMissing)
		}
	}
	return ix, nil
}

// line reads one line of index.txt other than an evidence block: its
// first word key and the rest val. A line out of place is des.ErrSyntax.
func (ix *index) line(key string, val []byte) error {
	var f []string
	if key != "bands" && key != "carry" && key != "evidence" {
		f = strings.Fields(string(val)) // not the JSON: one value
	}
	switch {
	case key == "" || key == "#":
	case key == "file" && len(f) == 3:
		return ix.file(f)
	case key == "roles":
		ix.roles = f
	case key == "bands":
		return json.Unmarshal(val, &ix.bands)
	case key == "on_costs" && len(f) == 4:
		return ix.onCost(f)
	case key == "year" && len(f) == 1:
		return ix.year(f[0])
	case key == "carry" && len(ix.years) > 0:
		return json.Unmarshal(val, &ix.carries[len(ix.carries)-1])
	default:
		return des.ErrSyntax
	}
	return nil
}

// file reads a file line: name, bytes and CRC-32.
func (ix *index) file(f []string) error {
	size, err1 := strconv.Atoi(f[1])
	sum, err2 := strconv.ParseUint(f[2], 10, 32)
	if err := cmp.Or(err1, err2); err != nil {
		return err
	}
	ix.files = append(ix.files, indexFile{f[0], size, uint32(sum)})
	return nil
}

// onCost reads an on_costs line: from when, the pension rate, the NI rate
// and the NI threshold.
func (ix *index) onCost(f []string) error {
	var c onCostsOn
	var err error
	c.on, err = des.ParseDate(f[0])
	for i, d := range []*decimal.Decimal{&c.pension, &c.niRate, &c.niThreshold} {
		if err == nil {
			*d, err = derive.ParseExact(f[1+i])
		}
	}
	if err != nil {
		return err
	}
	ix.onCosts = append(ix.onCosts, c)
	return nil
}

// year reads a year line, which the carry and evidence after it are for.
func (ix *index) year(s string) error {
	y, err := des.ParseYear(s)
	if err != nil {
		return err
	}
	ix.years = append(ix.years, y)
	ix.carries = append(ix.carries, derive.Carry{})
	ix.evs = append(ix.evs, derive.Evidence{})
	return nil
}

// evidence reads the evidence block at the start of data, which runs to
// its "end" line, for the last year read, and returns the block.
func (ix *index) evidence(data []byte) ([]byte, error) {
	stop := bytes.Index(data, []byte("\nend\n"))
	if stop < 0 {
		return nil, des.ErrSyntax
	}
	block := data[:stop+len("\nend\n")]
	var e derive.Evidence
	if err := e.UnmarshalText(block); err != nil {
		return nil, err
	}
	if y := ix.years[len(ix.years)-1]; e.Year() != y {
		return nil, fmt.Errorf("evidence for %s under year %s", e.Year(), y)
	}
	ix.evs[len(ix.evs)-1] = e
	return block, nil
}

// writeIndex writes an index as parseIndex reads it.
func writeIndex(ix *index) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(indexHead)
	for _, f := range ix.files {
		fmt.Fprintf(&b, "file %s %d %d\n", f.name, f.bytes, f.crc32)
	}
	fmt.Fprintf(&b, "roles %s\n", strings.Join(ix.roles, " "))
	bands, err := json.Marshal(ix.bands)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&b, "bands %s\n", bands)
	for _, c := range ix.onCosts {
		fmt.Fprintf(&b, "on_costs %s %s %s %s\n", c.on, derive.FormatExact(c.pension), derive.FormatExact(c.niRate),
			derive.FormatExact(c.niThreshold))
	}
	for i, y := range ix.years {
		carry, err := json.Marshal(ix.carries[i])
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "year %s\ncarry %s\n", y, carry)
		ev, err := ix.evs[i].MarshalText()
		if err != nil {
			return nil, err
		}
		b.Write(ev)
	}
	return b.Bytes(), nil
}

// checksum is the size and CRC-32 of an embedded file, read through buf
// (the files are not kept).
func checksum(name string, buf []byte) (int, uint32, error) {
	switch name {
	case "bands.toml":
		return len(bandsTOML), crc32.ChecksumIEEE(bandsTOML), nil
	case "oncosts.toml":
		return len(onCostsTOML), crc32.ChecksumIEEE(onCostsTOML), nil
	}
	f, err := files.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	var n int
	var sum uint32
	for {
		k, err := f.Read(buf)
		n += k
		sum = crc32.Update(sum, crc32.IEEETable, buf[:k])
		if err == io.EOF {
			return n, sum, nil
		}
		if err != nil {
			return 0, 0, err
		}
	}
}

// carry is what year y carries from the year before.
func (ix *index) carry(y des.Year) derive.Carry {
	if i := slices.Index(ix.years, y); i >= 0 {
		return ix.carries[i]
	}
	return derive.Carry{}
}

// rates are the on-cost rates the band model works through: the index's,
// and on a date it has none for (a user's own year), oncosts.toml's.
func (ix *index) rates(on des.Date) (pension, niRate, niThreshold decimal.Decimal, err error) {
	for _, c := range ix.onCosts {
		if c.on == on {
			return c.pension, c.niRate, c.niThreshold, nil
		}
	}
	oc, err := OnCosts()
	if err != nil {
		return decimal.Zero, decimal.Zero, decimal.Zero, err
	}
	return oc.RatesOn(on)
}
