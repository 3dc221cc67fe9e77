// Command claims prints a PCN's monthly ARRS claims schedule for each DES
// year asked: what each person claims each month, the PCN's total and
// cumulative claims against its ARRS sum, and the month the sum runs out if
// it does. Several years print one after another (CSV: a year column first;
// JSON: an array, one arrs.Result a year).
//
//	go run ./examples/claims                                   # embedded example PCN
//	go run ./examples/claims -scenario my.toml -year 2025/26 -format csv
//	go run ./examples/claims -year 2024/25,2025/26 -format csv -tidy
//	go run ./examples/claims -format xlsx -o claims.xlsx          # an Excel workbook
package main

import (
	"flag"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/internal/workbook"
)

func main() {
	fs := flag.NewFlagSet("claims", flag.ExitOnError)
	c := cli.Flags(fs, nil).WithWorkbook(fs)
	tidy := fs.Bool("tidy", false, "with -format csv: one row per person per month (year, month, person, role, claim, "+
		"cost), for a pivot table, instead of a column per person")
	c.Parse(fs, os.Args[1:])
	c.Print(func(w io.Writer) error { return run(w, c, *tidy) })
}

func run(w io.Writer, c *cli.Common, tidy bool) error {
	wb, err := c.Open()
	if err != nil {
		return err
	}
	f, err := wb.Forecast(c.Years...)
	if err != nil {
		return err
	}
	title := wb.Scenario().Name + ": ARRS claims schedule"
	rep := report.Claims(f.Years, title, c.Embedded(), tidy)
	rep.Workbook = workbook.Claims(f.Years, title, c.Embedded()).Write
	return rep.Write(w, c.Format)
}
