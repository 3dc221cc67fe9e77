// Command statement prints each member practice's statement for a DES year:
// its share of the PCN's entitlements, its own Network Participation
// Payment, its share of retained costs, staff costs and ARRS claims, and its
// net position, month by month, as the scenario's [sharing] rules say; then
// the PCN's monthly cash flow.
//
//	go run ./examples/statement                                  # embedded example PCN
//	go run ./examples/statement -practice "Mill Lane Practice" -format csv
//	go run ./examples/statement -format xlsx -o statements.xlsx       # an Excel workbook
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/internal/workbook"
	"github.com/pcnfin/pcnfin/statement"
)

func main() {
	fs := flag.NewFlagSet("statement", flag.ExitOnError)
	c := cli.Flags(fs, nil).WithWorkbook(fs)
	practice := fs.String("practice", "", "only this practice's statement (default: every practice)")
	c.Parse(fs, os.Args[1:])
	c.Print(func(w io.Writer) error { return run(w, c, *practice) })
}

func run(w io.Writer, c *cli.Common, only string) error {
	wb, err := c.Open()
	if err != nil {
		return err
	}
	sts, err := statement.Of(wb, c.Years...)
	if err != nil {
		return err
	}
	name := wb.Scenario().Name
	for i, st := range sts {
		if only != "" {
			p, ok := st.Practice(only)
			if !ok {
				return fmt.Errorf("-practice %q: not a practice of %s", only, name)
			}
			sts[i].Practices = []statement.Practice{p}
		}
	}
	rep := report.Statements(name, sts)
	rep.Workbook = func(w io.Writer) error {
		f, err := wb.Forecast(c.Years...) // the years' rates, for the workbook's sources
		if err != nil {
			return err
		}
		return workbook.Statements(name, sts, f.Years, only == "").Write(w)
	}
	return rep.Write(w, c.Format)
}
