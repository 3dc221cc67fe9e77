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
// national.ReadPCNs.
//
// Flags: the common -year, -rates, -format, -sourced-only (see -h), -scenario
// (only its [assumptions], to project a year and raise staff costs), and
// -csv FILE, -skip-bad, -workers N (default: every CPU), -max-rows N
// (default 20,000; 0: no limit), -o FILE (any format, written atomically;
// needed for -format xlsx).
//
// The ICB view: -staff FILE (one person a row: pcn_code and the scenario's
// [[staff]] keys as columns; see national.NewStaffReader) or -staff-sample
// (an embedded SYNTHETIC roster for the embedded synthetic list) works out
// every PCN's ARRS claims month by month against its sum, what is left
// unclaimed, the month a PCN runs out and the rules its roster breaks, with
// ICB and England totals and the PCNs ranked by what they leave unclaimed
// (-top N, default 10); -max-staff-rows N (default 200,000; 0: no limit).
//
//	go run ./examples/national -staff-sample
//	go run ./examples/national -csv pcns.csv -staff staff.csv -format xlsx -o icb.xlsx
//
// national.RollUp reads the list 4,096 rows at a time and each chunk is worked
// out and written (report.NewNational) before the next is read; only the
// running ICB and England totals are kept, so a list of any length runs in
// bounded memory. CSV and Markdown stream; the text table holds one year's
// rows (its column widths need them all) and JSON keeps its PCNs in a
// temporary file until the totals that close it are known.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/national/sample"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/national"
)

// sampleCSV is a made-up list of 40 PCNs in 5 made-up ICBs and sampleStaff
// a made-up roster for them (package sample). Neither is NHS data.
var sampleCSV, sampleStaff = sample.List, sample.Staff

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
	// The ICB view (-staff, -staff-sample): every PCN's claims against its sum.
	staffFile    string
	staffSample  bool
	maxStaffRows int // 0: no limit
	top          int
	out          string // -o FILE
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
	fs.IntVar(&o.maxRows, "max-rows", national.DefaultMaxPCNRows,
		"most PCN rows the list may have (0: no limit); a longer list is an error, not cut short")
	fs.StringVar(&o.staffFile, "staff", "", "staff CSV file, one person a row (pcn_code and the scenario's [[staff]] "+
		"keys as columns): every PCN's ARRS claims against its sum, and the money left unclaimed, by ICB and for England")
	fs.BoolVar(&o.staffSample, "staff-sample", false, "the ICB view on the embedded SYNTHETIC sample roster "+
		"(with the embedded synthetic PCN list)")
	fs.IntVar(&o.maxStaffRows, "max-staff-rows", national.DefaultMaxStaffRows,
		"most rows the staff file may have (0: no limit); a longer file is an error, not cut short")
	fs.IntVar(&o.top, "top", national.DefaultTop, "how many PCNs to rank by what they leave unclaimed (-staff)")
	c.WithWorkbook(fs)
	c.Parse(fs, os.Args[1:])
	o.out = c.Out
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
	if o.maxStaffRows < 0 {
		cli.BadFlag(fs, fmt.Errorf("-max-staff-rows %d: want 1 or more (0 for no limit)", o.maxStaffRows))
	}
	if o.top < 1 {
		cli.BadFlag(fs, fmt.Errorf("-top %d: want 1 or more", o.top))
	}
	if o.staffSample && (o.staffFile != "" || o.csvFile != "") {
		cli.BadFlag(fs, fmt.Errorf("-staff-sample is the embedded synthetic roster of the embedded synthetic PCN list: "+
			"give -staff FILE (and -csv FILE) for your own"))
	}
	if o.format == render.XLSX && o.staffFile == "" && !o.staffSample {
		cli.BadFlag(fs, fmt.Errorf("-format xlsx is the ICB view's workbook: give -staff FILE (or -staff-sample)"))
	}
	// The report streams to stdout, so it is not held back until complete
	// (as the other programs' reports are): an error after the first chunk
	// leaves the rows before it on stdout, without totals, and exit status 1.
	if o.out != "" || o.format == render.XLSX {
		// -o FILE: the output is held and written atomically once complete
		// (never over an input file).
		var buf bytes.Buffer
		if err := run(&buf, os.Stderr, o); err != nil {
			cli.Fail(err)
		}
		if err := report.WriteFileAtomic(o.out, buf.Bytes(), o.csvFile, o.staffFile, o.scenario, o.ratesFile); err != nil {
			cli.Fail(err)
		}
		return
	}
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
	if o.staffFile != "" || o.staffSample {
		return runICB(w, diag, o, wb.Scenario().Assumptions, rss)
	}
	rep := national.Rollups{Data: o.csvFile, Synthetic: o.csvFile == ""}
	no := national.Options{File: o.csvFile, Open: func() (io.ReadCloser, error) { return os.Open(o.csvFile) },
		MaxRows: o.maxRows, Workers: o.workers, SkipBad: o.skipBad,
		BadRow:  func(e error) { fmt.Fprintf(diag, "skipped bad row: %v\n", e) },
		LeftOut: func(y des.Year, e error) { fmt.Fprintf(diag, "left out of %s: %v\n", y, e) }}
	if rep.Synthetic {
		rep.Data, no.File = national.SyntheticList, "(embedded sample.csv)"
		no.Open = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(sampleCSV)), nil }
	}
	out := report.NewNational(w, o.format)
	defer out.Close()
	no.Explain = out.Explain()
	if err := national.RollUp(&rep, rss, no, out); err != nil {
		// rows may be out already: end them with a line saying so (issue 24)
		if ferr := out.Fail(err); ferr != nil {
			fmt.Fprintf(diag, "writing the incomplete-report line: %v\n", ferr)
		}
		return err
	}
	return out.Finish(&rep)
}
