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
// arrs.National reads the list 4,096 rows at a time and each chunk is worked
// out and written (report.NewNational) before the next is read; only the
// running ICB and England totals are kept, so a list of any length runs in
// bounded memory. CSV and Markdown stream; the text table holds one year's
// rows (its column widths need them all) and JSON keeps its PCNs in a
// temporary file until the totals that close it are known.
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
)

// sampleCSV is a made-up list of 40 PCNs in 5 made-up ICBs, with realistic
// list sizes (20,000 to 120,000). It is not NHS data.
//
//go:embed sample.csv
var sampleCSV []byte

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
	// A long list in the text table (which holds a year's rows for its
	// column widths) stays near 100 MiB: a soft limit for the garbage
	// collector, unless GOMEMLIMIT sets another.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(100 << 20)
	}
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

// run writes the report to w and, with -skip-bad, the rows left out to diag.
func run(w, diag io.Writer, o options) error {
	c := cli.Common{Scenario: o.scenario, Rates: o.ratesFile, SourcedOnly: o.sourcedOnly, AssumptionsOnly: true}
	wb, err := c.Open()
	if err != nil {
		return err
	}
	rss, err := wb.RuleSets(o.years...)
	if err != nil {
		return err
	}
	rep := des.Rollups{Data: o.csvFile, Synthetic: o.csvFile == ""}
	no := arrs.NationalOptions{File: o.csvFile, Open: func() (io.ReadCloser, error) { return os.Open(o.csvFile) },
		MaxRows: o.maxRows, Workers: o.workers, SkipBad: o.skipBad,
		BadRow:  func(e error) { fmt.Fprintf(diag, "skipped bad row: %v\n", e) },
		LeftOut: func(y des.Year, e error) { fmt.Fprintf(diag, "left out of %s: %v\n", y, e) }}
	if rep.Synthetic {
		rep.Data, no.File = "SYNTHETIC SAMPLE: made-up PCNs and ICBs, not NHS data", "(embedded sample.csv)"
		no.Open = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(sampleCSV)), nil }
	}
	out := report.NewNational(w, o.format)
	defer out.Close()
	no.Explain = out.Explain()
	if err := arrs.National(&rep, rss, no, out); err != nil {
		// rows may be out already: end them with a line saying so (issue 24)
		if ferr := out.Fail(err); ferr != nil {
			fmt.Fprintf(diag, "writing the incomplete-report line: %v\n", ferr)
		}
		return err
	}
	return out.Finish(&rep)
}
