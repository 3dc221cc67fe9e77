// Command headroom answers "what more can we afford?": for a role, a WTE
// and a start date, how much of the PCN's remaining ARRS sum the hire would
// use, and the largest WTE of that role the remaining sum could fund, in
// each DES year asked. Several years print one after another (CSV: a year
// column first; JSON: an array, one arrs.Affordability a year).
//
//	go run ./examples/headroom                                  # embedded example PCN: 1 WTE clinical pharmacist from 1 April
//	go run ./examples/headroom -scenario my.toml -role paramedic -wte 1 -start 2025-10-01
//	go run ./examples/headroom -role clinical_pharmacist -wte 0.5 -start 2025-07-01 -cost 64000 -london outer
package main

import (
	"flag"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/strict"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
)

func main() {
	fs := flag.NewFlagSet("headroom", flag.ExitOnError)
	c := cli.Flags(fs, nil)
	role := fs.String("role", "clinical_pharmacist", "the role to hire, e.g. paramedic")
	wteS := fs.String("wte", "1", "whole-time equivalent of the hire")
	startS := fs.String("start", "", "start date, YYYY-MM-DD (default: 1 April of each -year, the year's cost of "+
		"the post; in a -year after the start's, in post all year)")
	costS := fs.String("cost", "", "employer cost of 1 WTE a year, pounds and pence (annual_cost in errors; "+
		"default: at least the maximum, so the claim is the maximum)")
	london := fs.String("london", "", "London zone: inner or outer")
	c.Parse(fs, os.Args[1:])
	w, err := strict.ParseDecimal(*wteS)
	if err != nil {
		cli.BadFlag(fs, fmt.Errorf("-wte: %w", err))
	}
	wte, err := arrs.WTEOf(w)
	if err != nil {
		cli.BadFlag(fs, fmt.Errorf("-wte: %w", err))
	}
	h := arrs.Hire{Role: *role, WTE: wte, London: arrs.London(*london)}
	if *startS != "" {
		if h.Start, err = des.ParseDate(*startS); err != nil {
			cli.BadFlag(fs, fmt.Errorf("-start: %w", err))
		}
	}
	if *costS != "" {
		if h.AnnualCost, err = strict.ParseDecimal(*costS); err != nil {
			cli.BadFlag(fs, fmt.Errorf("-cost %q: want pounds and pence, e.g. 64000 or 64000.50", *costS))
		}
	}
	cli.Print(func(w io.Writer) error { return run(w, c, h) })
}

// run answers for the hire in each year asked (none: the year of -start,
// else the default years); the library checks the hire (scenario.Workbook.Afford).
func run(w io.Writer, c *cli.Common, h arrs.Hire) error {
	wb, err := c.Open()
	if err != nil {
		return err
	}
	answers, err := wb.Afford(h, c.Years...)
	if err != nil {
		return err
	}
	return report.Afford(answers, wb.Scenario().Name, c.Embedded()).Write(w, c.Format)
}
