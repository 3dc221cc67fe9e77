// Command forecast prints a PCN's network entitlements and ARRS position
// for one or more DES years: what the PCN is entitled to, what its roster
// can claim, and how much of its ARRS sum is left.
//
//	go run ./examples/forecast                      # embedded example PCN, latest year
//	go run ./examples/forecast -scenario my.toml -year 2024/25,2025/26 -format csv
//
// Flags: -scenario FILE, -year Y (repeatable or a comma list; default: the
// scenario's years, else the latest published), -format
// table|csv|json|markdown, -rates FILE (a rule set of your own for its
// year), -asat DATE (figures as announced by then), -svg FILE (a chart of a
// multi-year forecast).
package main

import (
	"flag"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/chart"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/internal/workbook"
)

func main() {
	fs := flag.NewFlagSet("forecast", flag.ExitOnError)
	c := cli.Flags(fs, nil).WithWorkbook(fs)
	asAtS := fs.String("asat", "", "use figures as announced on this date (YYYY-MM-DD)")
	svg := fs.String("svg", "", "write an SVG chart of the forecast to this file")
	c.Parse(fs, os.Args[1:])
	var asAt des.Date
	if *asAtS != "" {
		d, err := des.ParseDate(*asAtS)
		if err != nil {
			cli.BadFlag(fs, err)
		}
		asAt = d
	}
	c.Print(func(w io.Writer) error { return run(w, c, *svg, asAt) })
}

func run(w io.Writer, c *cli.Common, svgFile string, asAt des.Date) error {
	c.AsAt = asAt
	wb, err := c.Open()
	if err != nil {
		return err
	}
	f, err := wb.Forecast(c.Years...)
	if err != nil {
		return err
	}
	if svgFile != "" {
		// atomically, and never over the -scenario or -rates file (issue 24)
		if err := report.WriteFileAtomic(svgFile, []byte(chart.Years(f)), c.Scenario, c.Rates); err != nil {
			return err
		}
	}
	rep := report.Forecast(f, c.Embedded())
	rep.Workbook = workbook.Forecast(f, c.Embedded()).Write
	return rep.Write(w, c.Format)
}
