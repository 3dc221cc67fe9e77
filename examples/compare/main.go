// Command compare shows what changed for one PCN between two DES years:
// payments added and removed, rates changed (old → new, part by part), each
// payment's amount and the difference, the ARRS sum, claims and headroom,
// each person's claim, and ARRS roles added, removed and with new maxima.
// The comparison is scenario.Compare; this program prints it.
//
//	go run ./examples/compare        # embedded example PCN, the current DES year and the year before
//	go run ./examples/compare -scenario my.toml -year 2019/20,2025/26 -format markdown
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/report"
)

func main() {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	c := cli.Flags(fs, nil)
	fs.Var(&c.Years, "years", "the same as -year (its older name)")
	c.Parse(fs, os.Args[1:])
	if len(c.Years) > 2 || (len(c.Years) == 2 && c.Years[0] == c.Years[1]) {
		cli.BadFlag(fs, fmt.Errorf("-year %s: want one year (compared with the year before) or two, FROM,TO",
			c.Years.String()))
	}
	cli.Print(func(w io.Writer) error { return run(w, c) })
}

// run compares two years: -year FROM,TO, or one year and the year before it
// (the default: the current DES year and the year before).
func run(w io.Writer, c *cli.Common) error {
	wb, err := c.Open()
	if err != nil {
		return err
	}
	years := wb.Years(c.Years...)
	if len(years) == 1 {
		years = []des.Year{years[0] - 1, years[0]}
	}
	if len(years) != 2 || years[0] == years[1] {
		return fmt.Errorf("%w: want two different years to compare, got %v", des.ErrInvalid, years)
	}
	cmp, err := wb.Compare(years[0], years[1])
	if err != nil {
		return err
	}
	return report.Compare(cmp, c.Embedded()).Write(w, c.Format)
}
