// Command coverage prints what the rate tables hold: each payment's rate by
// year with its confidence (or "gap", "removed", "–"), and each ARRS role's
// maximum by year. docs/coverage.md's tables are its Markdown output:
//
//	go run ./examples/coverage                # Markdown, every published year
//	go run ./examples/coverage -format csv -year 2024/25,2025/26
package main

import (
	"flag"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/rates"
)

func main() {
	fs := flag.NewFlagSet("coverage", flag.ExitOnError)
	c := cli.Flags(fs, map[string]string{"scenario": "only its [assumptions] are used, to project a -year past the " +
		"last published one"})
	fs.Lookup("year").Usage = "DES years to show as columns (default: every published year, as docs/coverage.md shows; " +
		"a year past the last published one is projected with -scenario's [assumptions])"
	fs.Lookup("format").DefValue = "markdown"
	c.Format = "markdown"
	c.Parse(fs, os.Args[1:])
	cli.Print(func(w io.Writer) error { return run(w, c) })
}

func run(w io.Writer, c *cli.Common) error {
	c.AssumptionsOnly = true
	wb, err := c.Open()
	if err != nil {
		return err
	}
	years := c.Years
	if len(years) == 0 {
		years = rates.Years() // this program's default: every published year
	}
	sets, err := wb.RuleSets(years...)
	if err != nil {
		return err
	}
	return report.Coverage(sets).Write(w, c.Format)
}
