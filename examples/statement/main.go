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

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/internal/workbook"
	"github.com/pcnfin/pcnfin/scenario"
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
	sc, published, opt, err := c.LoadFor(func(sc *scenario.Scenario) []des.Year {
		return cli.DefaultYears(c.Years, sc)
	})
	if err != nil {
		return err
	}
	var sts []statement.Statement
	var yrs []scenario.YearResult
	for _, y := range cli.DefaultYears(c.Years, sc) {
		yr, err := sc.Year(y, published, opt)
		if err != nil {
			return err
		}
		st, err := statement.Build(yr, sc.Sharing)
		if err != nil {
			return err
		}
		if only != "" {
			p, ok := st.Practice(only)
			if !ok {
				return fmt.Errorf("-practice %q: not a practice of %s", only, sc.Name)
			}
			st.Practices = []statement.Practice{p}
		}
		sts = append(sts, st)
		yrs = append(yrs, yr)
	}
	rep := report.Statements(sc.Name, sts)
	rep.Workbook = workbook.Statements(sc.Name, sts, yrs, only == "").Write
	return rep.Write(w, c.Format)
}
