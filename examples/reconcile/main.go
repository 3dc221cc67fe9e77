// Command reconcile answers "did we get paid right?": it reads what a PCN
// and its practices were paid (a CSV paid file) and sets it against what the
// scenario's year is due, month by month and payment by payment (person by
// person for ARRS claims): due, paid, difference, and why. A payment counts
// towards the month it pays for, so a backdated revision paid late shows as
// arrears, not an overpayment. Then the cash: when the money usually
// arrives (each rule cited), the PCN's lowest balance and what an ARRS lag
// of 0 to 3 months does to it; and the year end: claims outstanding, ARRS
// left unclaimed, arrears still due.
//
//	go run ./examples/reconcile                                   # embedded example PCN and paid file
//	go run ./examples/reconcile -scenario my.toml -paid paid.csv -format csv
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/report"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/reconcile/example"
	"github.com/pcnfin/pcnfin/reconcile"
	"github.com/shopspring/decimal"
)

// The embedded example (package example): a two-practice PCN in 2025/26 and
// what it was paid, with an underpayment, a missing month, a double payment,
// a backdated arrear and an overpayment in it.
var (
	exampleScenario = example.Scenario
	examplePaid     = example.Paid
)

type options struct {
	paid      string
	arrsLag   int
	tolerance int64
	asOf      string
	opening   string
	all       bool
}

func main() {
	fs := flag.NewFlagSet("reconcile", flag.ExitOnError)
	c := cli.Flags(fs, map[string]string{"year": "only one year: reconcile checks a year at a time"})
	var o options
	fs.StringVar(&o.paid, "paid", "", "the paid file (CSV; docs/reconcile.md lists its columns); default: the "+
		"embedded example's, which only goes with the embedded scenario")
	fs.IntVar(&o.arrsLag, "arrs-lag", reconcile.DefaultARRSLag, "months from a salary paid to its ARRS "+
		"reimbursement arriving (an assumption: no source states it)")
	fs.Int64Var(&o.tolerance, "tolerance", 0, "a difference of this many whole pennies either way still counts as paid right")
	fs.StringVar(&o.asOf, "as-of", "", "the last month the paid file covers, YYYY-MM (default: its latest month paid)")
	fs.StringVar(&o.opening, "opening", "0", "the PCN's bank balance on 1 April, in pounds, for the cash low point")
	fs.BoolVar(&o.all, "all", false, "list every line in the text and Markdown output, not only those with a difference")
	c.Parse(fs, os.Args[1:])
	if o.arrsLag < 0 || o.arrsLag > 12 {
		cli.BadFlag(fs, fmt.Errorf("-arrs-lag %d: want 0 to 12 months", o.arrsLag))
	}
	if o.tolerance < 0 {
		cli.BadFlag(fs, fmt.Errorf("-tolerance %d: want 0 or more pennies", o.tolerance))
	}
	cli.Print(func(w io.Writer) error { return run(w, c, o) })
}

func run(w io.Writer, c *cli.Common, o options) error {
	if c.Scenario != "" && o.paid == "" {
		return errors.New("-paid: give the paid file for your scenario (the embedded paid file is the example PCN's)")
	}
	opening, err := decimal.NewFromString(o.opening)
	if err != nil || opening.Exponent() < -2 {
		return fmt.Errorf("-opening %q: want pounds, like 25000 or -1200.50", o.opening)
	}
	d, err := due(c)
	if err != nil {
		return err
	}
	t := reconcile.DefaultTiming(o.arrsLag)
	var paid reconcile.Paid
	if o.paid == "" {
		paid, err = reconcile.ReadPaid("(embedded example-paid.csv)", bytes.NewReader(examplePaid), d, t)
	} else {
		f, ferr := os.Open(o.paid)
		if ferr != nil {
			return ferr
		}
		defer f.Close()
		paid, err = reconcile.ReadPaid(o.paid, f, d, t)
	}
	if err != nil {
		return err
	}
	opt := reconcile.Options{Tolerance: o.tolerance, Timing: t}
	if o.asOf != "" {
		if opt.AsOf, err = reconcile.ParseMonth(o.asOf); err != nil {
			return fmt.Errorf("-as-of: %w", err)
		}
	}
	res := reconcile.Reconcile(d, paid, opt)
	r := report.Reconciliation{Reconciliation: res, Cash: reconcile.CashFlow(d, &paid, t, opening),
		YearEnd: reconcile.YearEndOf(d, res), Embedded: c.Scenario == "", All: o.all}
	return r.Render().Write(w, c.Format)
}
