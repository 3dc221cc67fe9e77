// Command headroom answers "what more can we afford?": for a role, a WTE
// and a start date, how much of the PCN's remaining ARRS sum the hire would
// use, and the largest WTE of that role the remaining sum could fund.
//
//	go run ./examples/headroom                                  # embedded example PCN: 1 WTE paramedic from October
//	go run ./examples/headroom -scenario my.toml -role paramedic -wte 1 -start 2025-10-01
//	go run ./examples/headroom -role clinical_pharmacist -wte 0.5 -start 2025-07-01 -cost 64000 -london outer
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/scenario"
)

func main() {
	fs := flag.NewFlagSet("headroom", flag.ExitOnError)
	c := cli.Flags(fs, nil)
	role := fs.String("role", "clinical_pharmacist", "the role to hire, e.g. paramedic")
	wteS := fs.String("wte", "1", "whole-time equivalent of the hire")
	startS := fs.String("start", "", "start date, YYYY-MM-DD, in the -year (default: 1 October of the year)")
	costS := fs.String("cost", "", "employer cost of 1 WTE a year (default: at least the maximum, so the claim "+
		"is the maximum)")
	london := fs.String("london", "", "London zone: inner or outer")
	c.Parse(fs, os.Args[1:])
	if len(c.Years) > 1 {
		cli.BadFlag(fs, fmt.Errorf("-year %s: give one year", c.Years.String()))
	}
	w, err := des.ParseDecimal(*wteS)
	if err != nil {
		cli.BadFlag(fs, fmt.Errorf("-wte: %w", err))
	}
	wte, err := arrs.WTEOf(w)
	if err != nil {
		cli.BadFlag(fs, fmt.Errorf("-wte: %w", err))
	}
	h := arrs.Hire{Role: *role, WTE: wte, London: arrs.London(*london)}
	if *london != "" && *london != "inner" && *london != "outer" {
		cli.BadFlag(fs, fmt.Errorf("-london %q: want inner or outer", *london))
	}
	if *startS != "" {
		if h.Start, err = des.ParseDate(*startS); err != nil {
			cli.BadFlag(fs, fmt.Errorf("-start: %w", err))
		}
	}
	if *costS != "" {
		c, err := des.ParseDecimal(*costS)
		if err != nil || c.IsNegative() || des.Places(c) > 2 {
			cli.BadFlag(fs, fmt.Errorf("-cost %q: want pounds and pence, e.g. 64000 or 64000.50", *costS))
		}
		h.AnnualCost = c
	}
	cli.Print(func(w io.Writer) error { return run(w, c, h) })
}

func run(w io.Writer, c *cli.Common, h arrs.Hire) error {
	asked := c.Years
	if len(asked) == 0 && !h.Start.IsZero() {
		asked = cli.Years{des.YearOf(h.Start)}
	}
	year := func(sc *scenario.Scenario) des.Year { return cli.DefaultYears(asked, sc)[0] }
	sc, published, opt, err := c.LoadFor(func(sc *scenario.Scenario) []des.Year { return []des.Year{year(sc)} })
	if err != nil {
		return err
	}
	y := year(sc)
	if h.Start.IsZero() {
		h.Start = des.MustDate(int(y), 10, 1)
	}
	yr, err := sc.Year(y, published, opt)
	if err != nil {
		return err
	}
	plan, err := arrs.Compile(yr.Rules, arrs.Options{SalaryCost: opt.SalaryCost})
	if err != nil {
		return err
	}
	a, err := plan.Afford(yr.PCN, sc.Roster(y), h)
	if err != nil {
		return err
	}
	return report.Afford(a, sc.Name, yr, c.Embedded()).Write(w, c.Format)
}
