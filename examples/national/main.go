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
// -workers N (default: every CPU).
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/rates"
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
}

func main() {
	fs := flag.NewFlagSet("national", flag.ExitOnError)
	c := cli.Flags(fs, map[string]string{"scenario": "only its [assumptions] are used, to project a -year past " +
		"the last published one (the PCNs come from -csv)"})
	var o options
	fs.StringVar(&o.csvFile, "csv", "", "PCN list CSV file (default: the embedded synthetic sample)")
	fs.BoolVar(&o.skipBad, "skip-bad", false, "report bad rows (and PCNs missing a figure a payment needs) on stderr and compute the rest")
	fs.IntVar(&o.workers, "workers", 0, "PCNs worked out at once (default: one per CPU)")
	c.Parse(fs, os.Args[1:])
	o.years, o.format, o.ratesFile, o.scenario, o.sourcedOnly = c.Years, c.Format, c.Rates, c.Scenario, c.SourcedOnly
	if o.workers < 0 {
		cli.BadFlag(fs, fmt.Errorf("-workers %d: want 1 or more (0 for one per CPU)", o.workers))
	}
	var diag bytes.Buffer
	cli.Print(func(w io.Writer) error {
		defer func() { os.Stderr.Write(diag.Bytes()) }() // before the error or the report
		return run(w, &diag, o)
	})
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
	copt := des.CSVOptions{SkipBad: o.skipBad}
	rows, bad, err := des.ReadPCNCSVRows(name, bytes.NewReader(sampleCSV), copt)
	if o.csvFile != "" {
		source, name = o.csvFile, o.csvFile
		rows, bad, err = des.ReadPCNCSVFile(o.csvFile, copt)
	}
	if err != nil {
		return err
	}
	for _, e := range bad {
		fmt.Fprintf(diag, "skipped bad row: %v\n", e)
	}
	rep := des.Rollups{Data: source, Synthetic: o.csvFile == "", BadRows: len(bad)}
	for _, y := range years {
		rs, err := sc.RuleSet(y, published, opt)
		if err != nil {
			return err
		}
		yr, leftOut, err := arrs.RollUpRows(rs, name, rows, o.workers, o.skipBad)
		if err != nil {
			return err
		}
		for _, e := range leftOut {
			fmt.Fprintf(diag, "left out of %s: %v\n", rs.Year(), e)
		}
		rep.Years = append(rep.Years, yr)
	}
	return render.Report{
		Tables: func() []*render.Table { return tables(rep) },
		CSV:    func() ([]string, [][]string) { return csvRows(rep) },
		JSON:   rep,
	}.Write(w, o.format)
}
