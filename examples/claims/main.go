// Command claims prints a PCN's monthly ARRS claims schedule for a DES
// year: what each person claims each month, the PCN's total and cumulative
// claims against its ARRS sum, and the month the sum runs out if it does.
//
//	go run ./examples/claims                                   # embedded example PCN
//	go run ./examples/claims -scenario my.toml -year 2025/26 -format csv
//	go run ./examples/claims -format xlsx -o claims.xlsx          # an Excel workbook
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/internal/workbook"
	"github.com/pcnfin/pcnfin/scenario"
)

func main() {
	fs := flag.NewFlagSet("claims", flag.ExitOnError)
	c := cli.Flags(fs, nil).WithWorkbook(fs)
	tidy := fs.Bool("tidy", false, "with -format csv: one row per person per month (year, month, person, role, claim, "+
		"cost), for a pivot table, instead of a column per person")
	c.Parse(fs, os.Args[1:])
	if len(c.Years) > 1 {
		cli.BadFlag(fs, fmt.Errorf("-year %s: give one year", c.Years.String()))
	}
	c.Print(func(w io.Writer) error { return run(w, c, *tidy) })
}

func run(w io.Writer, c *cli.Common, tidy bool) error {
	year := func(sc *scenario.Scenario) des.Year { return cli.DefaultYears(c.Years, sc)[0] }
	sc, published, opt, err := c.LoadFor(func(sc *scenario.Scenario) []des.Year { return []des.Year{year(sc)} })
	if err != nil {
		return err
	}
	y := year(sc)
	yr, err := sc.Year(y, published, opt)
	if err != nil {
		return err
	}
	rep := report.Claims(yr, sc.Name+": ARRS claims schedule", c.Embedded(), tidy)
	rep.Workbook = workbook.Claims(yr, sc.Name+": ARRS claims schedule", c.Embedded()).Write
	return rep.Write(w, c.Format)
}
