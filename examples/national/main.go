// Command national works out the network entitlements and ARRS sums of many
// PCNs from a PCN list file, with totals per ICB and for England (every PCN
// in the file), for one or more DES years.
//
//	go run ./examples/national                          # embedded SYNTHETIC sample of 40 made-up PCNs
//	go run ./examples/national -csv pcns.csv -year 2024/25,2025/26 -format csv
//	go run ./examples/national -csv pcns.csv -skip-bad  # report bad rows on stderr, compute the rest
//
// The file has a header row naming the columns pcn_code, pcn_name, icb,
// registered, weighted, adjusted and care_home_beds, in any order (other
// columns are ignored); an empty cell is a figure not given. See
// des.ReadPCNCSV.
//
// Flags: the common -year, -rates, -format, -sourced-only (see -h), -scenario
// (only its [assumptions], to project a year), and -csv FILE, -skip-bad,
// -workers N (default: every CPU), -max-rows N (default 20,000; 0: no limit).
//
// The list is read 4,096 rows at a time and each chunk is worked out and
// written before the next is read; only the running ICB and England totals
// are kept, so a list of any length runs in bounded memory. CSV and Markdown
// stream; the text table holds one year's rows (its column widths need them
// all) and JSON holds the whole report (one JSON value).
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
)

// sampleCSV is a made-up list of 40 PCNs in 5 made-up ICBs, with realistic
// list sizes (20,000 to 120,000). It is not NHS data.
//
//go:embed sample.csv
var sampleCSV []byte

// sampleLabel is how every output names the embedded sample.
const sampleLabel = "SYNTHETIC SAMPLE: made-up PCNs and ICBs, not NHS data"

type options struct {
	csvFile     string // "" for the embedded sample
	years       []des.Year
	format      string
	skipBad     bool
	ratesFile   string
	scenario    string // only its [assumptions] are used, to project years
	sourcedOnly bool
	workers     int
	maxRows     int // 0: no limit
}

// chunkRows is how many rows are read, worked out and written at a time.
const chunkRows = 4096

func main() {
	fs := flag.NewFlagSet("national", flag.ExitOnError)
	c := cli.Flags(fs, map[string]string{"scenario": "only its [assumptions] are used, to project a -year past " +
		"the last published one (the PCNs come from -csv)"})
	var o options
	fs.StringVar(&o.csvFile, "csv", "", "PCN list CSV file (default: the embedded synthetic sample)")
	fs.BoolVar(&o.skipBad, "skip-bad", false,
		"report bad rows (and PCNs missing a figure a payment needs) on stderr and compute the rest")
	fs.IntVar(&o.workers, "workers", 0, "PCNs worked out at once (default: one per CPU)")
	fs.IntVar(&o.maxRows, "max-rows", des.DefaultMaxCSVRows,
		"most PCN rows the list may have (0: no limit); a longer list is an error, not cut short")
	c.Parse(fs, os.Args[1:])
	o.years, o.format, o.ratesFile, o.scenario, o.sourcedOnly = c.Years, c.Format, c.Rates, c.Scenario, c.SourcedOnly
	if o.workers < 0 {
		cli.BadFlag(fs, fmt.Errorf("-workers %d: want 1 or more (0 for one per CPU)", o.workers))
	}
	if o.maxRows < 0 {
		cli.BadFlag(fs, fmt.Errorf("-max-rows %d: want 1 or more (0 for no limit)", o.maxRows))
	}
	// The report streams to stdout, so it is not held back until complete
	// (as the other programs' reports are): an error after the first chunk
	// leaves the rows before it on stdout, without totals, and exit status 1.
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	err := run(out, os.Stderr, o)
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		cli.Fail(err)
	}
}

// limits are the reader's row and byte limits for -max-rows n: the file may
// be 16 MiB or 1 KiB a row allowed, whichever is more; 0 lifts both.
func limits(n int) (rows int, bytes int64) {
	if n <= 0 {
		return -1, -1
	}
	return n, max(des.DefaultMaxCSVBytes, int64(n)<<10)
}

// run writes the report to w and, with -skip-bad, the rows left out to diag.
func run(w, diag io.Writer, o options) error {
	c := cli.Common{Scenario: o.scenario, Rates: o.ratesFile, SourcedOnly: o.sourcedOnly}
	sc, published, opt, err := c.Load()
	if err != nil {
		return err
	}
	years := slices.Clone(o.years)
	if len(years) == 0 {
		years = cli.DefaultYears(nil, nil)
	}
	slices.Sort(years)
	years = slices.Compact(years)
	if err := rates.CheckUsed(sc.OwnRules, years); err != nil {
		return err
	}
	source, name := sampleLabel, "(embedded sample.csv)"
	if o.csvFile != "" {
		source, name = o.csvFile, o.csvFile
	}
	var rss []*des.RuleSet
	for _, y := range years {
		rs, err := sc.RuleSet(y, published, opt)
		if err != nil {
			return err
		}
		rss = append(rss, rs)
	}
	r := &runner{o: o, name: name, diag: diag, out: newWriter(w, o.format),
		rep: des.Rollups{Data: source, Synthetic: o.csvFile == ""}}
	for i, rs := range rss {
		if err := r.year(rs, i == 0); err != nil {
			return err
		}
	}
	return r.out.finish(&r.rep, r.pcnJSON)
}

// runner works the list out one year at a time, reading it once a year.
type runner struct {
	o       options
	name    string
	diag    io.Writer
	out     writer
	rep     des.Rollups
	pcnJSON [][]json.RawMessage // per year, for -format json
}

// open opens the list afresh.
func (r *runner) open() (io.ReadCloser, error) {
	if r.o.csvFile == "" {
		return io.NopCloser(bytes.NewReader(sampleCSV)), nil
	}
	return os.Open(r.o.csvFile)
}

// year reads the list in chunks, works each chunk out under rs and writes
// its rows, keeping only the running totals. The first year reports the
// bad rows (every year meets the same ones).
func (r *runner) year(rs *des.RuleSet, first bool) error {
	plan, err := arrs.Compile(rs, arrs.Options{})
	if err != nil {
		return err
	}
	f, err := r.open()
	if err != nil {
		return err
	}
	defer f.Close()
	maxRows, maxBytes := limits(r.o.maxRows)
	pr, err := des.NewPCNCSVReader(r.name, f, des.CSVOptions{SkipBad: r.o.skipBad, MaxRows: maxRows, MaxBytes: maxBytes})
	if err != nil {
		return err
	}
	acc := arrs.NewRollUpStream(plan)
	// The fast path where only totals are printed; the explained path where
	// each PCN's payments are (JSON), or where Totals do not split by payment.
	fast := acc.TotalsExact() && r.o.format != "json"
	var pcnJSON []json.RawMessage
	buf := make([]des.PCNRow, 0, chunkRows)
	in := make([]arrs.PCNInput, 0, chunkRows)
	started, good := false, 0
	for {
		rows, bad, rerr := pr.Next(buf, chunkRows)
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return rerr
		}
		if first {
			for _, e := range bad {
				fmt.Fprintf(r.diag, "skipped bad row: %v\n", e)
			}
			r.rep.BadRows += len(bad)
		}
		in = in[:0]
		for i := range rows {
			in = append(in, arrs.PCNInput{PCN: rows[i].PCN})
		}
		var tots []arrs.Totals
		var each []arrs.PCNResult
		var terr error
		if fast && len(in) > 0 {
			tots, terr = plan.CalculateTotalsN(in, r.o.workers)
		}
		if !fast || terr != nil {
			each = plan.CalculateEach(in, r.o.workers) // names the failing rows
		}
		var lines []pcnLine
		for i := range rows {
			row := &rows[i]
			if each == nil {
				acc.Add(row, &tots[i])
				var sum int64
				for _, x := range tots[i].Sums {
					sum += x
				}
				lines = append(lines, pcnLine{row, decimal.New(tots[i].Entitlements, -2), decimal.New(sum, -2)})
				continue
			}
			res := &each[i]
			if res.Err != nil {
				e := des.RowError(r.name, *row, rs.Year(), res.Err)
				if !r.o.skipBad {
					return e
				}
				fmt.Fprintf(r.diag, "left out of %s: %v\n", rs.Year(), e)
				acc.LeaveOut(e)
				continue
			}
			acc.AddEntitlements(row, &res.Entitlements)
			rp := des.RolledPCN{Row: *row, Entitlements: res.Entitlements}
			if r.o.format == "json" {
				b, err := json.Marshal(rp)
				if err != nil {
					return err
				}
				pcnJSON = append(pcnJSON, b)
			}
			lines = append(lines, pcnLine{row, res.Entitlements.Total, rp.ARRSSum()})
		}
		good += len(rows)
		if !started && (len(lines) > 0 || rerr != nil) {
			if good == 0 && first {
				return &des.FieldError{File: r.name, Msg: "no PCN rows to work out", Err: des.ErrMissing}
			}
			if err := r.out.begin(&r.rep, rs); err != nil {
				return err
			}
			started = true
		}
		if err := r.out.pcns(rs.Year(), lines, r.rep.Data); err != nil {
			return err
		}
		if rerr != nil {
			break
		}
	}
	y := acc.Rollup()
	r.rep.Years = append(r.rep.Years, y)
	r.pcnJSON = append(r.pcnJSON, pcnJSON)
	return r.out.end(&r.rep, &y)
}

// pcnLine is what the text, Markdown and CSV outputs print of a PCN.
type pcnLine struct {
	row           *des.PCNRow
	ent, arrsSums decimal.Decimal
}

// writer prints the report as it is worked out: begin (a year's PCN
// table starts), pcns (a chunk of its rows), end (its totals), finish.
type writer interface {
	begin(rep *des.Rollups, rs *des.RuleSet) error
	pcns(y des.Year, lines []pcnLine, data string) error
	end(rep *des.Rollups, y *des.Rollup) error
	finish(rep *des.Rollups, pcnJSON [][]json.RawMessage) error
}

func newWriter(w io.Writer, format string) writer {
	switch format {
	case "csv":
		return &csvWriter{cw: csv.NewWriter(w)}
	case "json":
		return &jsonWriter{w: w}
	case "markdown":
		return &tableWriter{w: w, markdown: true}
	}
	return &tableWriter{w: w}
}

// csvWriter streams: each PCN row as it comes, then the year's ICB and
// England rows.
type csvWriter struct {
	cw     *csv.Writer
	header bool
}

func (c *csvWriter) write(cells ...string) error {
	for i := range cells {
		cells[i] = render.CSVCell(cells[i])
	}
	return c.cw.Write(cells)
}

func (c *csvWriter) begin(*des.Rollups, *des.RuleSet) error {
	if c.header {
		return nil
	}
	c.header = true
	return c.write(csvHeader...)
}

func (c *csvWriter) pcns(y des.Year, lines []pcnLine, data string) error {
	for _, l := range lines {
		if err := c.write(pcnCSV(y, l, data)...); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *csvWriter) end(rep *des.Rollups, y *des.Rollup) error {
	for _, row := range totalsCSV(rep, y) {
		if err := c.write(row...); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *csvWriter) finish(*des.Rollups, [][]json.RawMessage) error { return nil }

// tableWriter prints text or Markdown. Markdown streams the PCN rows; the
// text table holds one year's rows, as its column widths need them all.
type tableWriter struct {
	w        io.Writer
	markdown bool
	t        *render.Table
}

func (t *tableWriter) begin(rep *des.Rollups, rs *des.RuleSet) error {
	t.t = pcnTable(rep, rs)
	if !t.markdown {
		return nil
	}
	var b bytes.Buffer
	if err := (&render.Table{Title: t.t.Title, Header: t.t.Header, Right: t.t.Right}).WriteMarkdown(&b); err != nil {
		return err
	}
	_, err := t.w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n"))) // the blank line that ends a table
	return err
}

func (t *tableWriter) pcns(_ des.Year, lines []pcnLine, _ string) error {
	for _, l := range lines {
		cells := pcnCells(l)
		if !t.markdown {
			t.t.Add(cells...)
			continue
		}
		for i, c := range cells {
			cells[i] = strings.ReplaceAll(render.Clean(c), "|", "\\|")
		}
		if _, err := io.WriteString(t.w, "| "+strings.Join(cells, " | ")+" |\n"); err != nil {
			return err
		}
	}
	return nil
}

func (t *tableWriter) end(rep *des.Rollups, y *des.Rollup) error {
	notes := notes(*rep, *y)
	if t.markdown {
		var b strings.Builder
		for _, n := range notes {
			b.WriteString("\n" + render.Clean(n) + "\n")
		}
		b.WriteString("\n")
		if _, err := io.WriteString(t.w, b.String()); err != nil {
			return err
		}
	} else {
		t.t.Notes = notes
		if err := t.t.WriteText(t.w); err != nil {
			return err
		}
	}
	t.t = nil
	return render.WriteTables(t.w, t.format(), totalsTables(*rep, *y)...)
}

func (t *tableWriter) format() string {
	if t.markdown {
		return "markdown"
	}
	return "table"
}

func (t *tableWriter) finish(rep *des.Rollups, _ [][]json.RawMessage) error {
	if s := byYearTable(*rep); s != nil {
		return render.WriteTables(t.w, t.format(), s)
	}
	return nil
}

// jsonWriter holds the whole report: it is one JSON value, des.Rollups.
type jsonWriter struct{ w io.Writer }

func (*jsonWriter) begin(*des.Rollups, *des.RuleSet) error { return nil }
func (*jsonWriter) pcns(des.Year, []pcnLine, string) error { return nil }
func (*jsonWriter) end(*des.Rollups, *des.Rollup) error    { return nil }
func (j *jsonWriter) finish(rep *des.Rollups, pcns [][]json.RawMessage) error {
	return render.WriteJSON(j.w, rollupsJSON(rep, pcns))
}
