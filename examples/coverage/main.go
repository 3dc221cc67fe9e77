// Command coverage prints what the rate tables hold: each payment's rate by
// year with its confidence (or "gap", "removed", "–"), and each ARRS role's
// maximum by year. The README's tables are its Markdown output:
//
//	go run ./examples/coverage                # Markdown, every published year
//	go run ./examples/coverage -format csv -year 2024/25,2025/26
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/rates"
)

// paymentIDs are listed in this order; any other payment ID follows.
var paymentIDs = []string{"core_pcn_funding", "clinical_director", "leadership_management", "network_participation",
	"extended_hours_access", "enhanced_access", "care_home_premium", "pcn_support", "capacity_access_support",
	"capacity_access_improvement", "arrs", "arrs_gp"}

func main() {
	fs := flag.NewFlagSet("coverage", flag.ExitOnError)
	c := cli.Flags(fs, map[string]string{"scenario": "only its [assumptions] are used, to project a -year past the " +
		"last published one"})
	fs.Lookup("year").Usage = "DES years to show as columns (default: every published year, as the README shows; " +
		"a year past the last published one is projected with -scenario's [assumptions])"
	fs.Lookup("format").DefValue = "markdown"
	c.Format = "markdown"
	c.Parse(fs, os.Args[1:])
	cli.Print(func(w io.Writer) error { return run(w, c) })
}

func run(w io.Writer, c *cli.Common) error {
	sc, published, opt, err := c.Load()
	if err != nil {
		return err
	}
	years := c.Years
	if len(years) == 0 {
		years = rates.Years()
	}
	var sets []*des.RuleSet
	for _, y := range years {
		rs, err := sc.RuleSet(y, published, opt)
		if err != nil {
			return err
		}
		sets = append(sets, rs)
	}
	header := func(first string) []string {
		h := []string{first}
		for _, rs := range sets {
			h = append(h, rs.Year().String())
		}
		return h
	}
	pay := &render.Table{Header: header("payment"),
		Notes: []string{"ARRS role maxima (national, £ per WTE a year, on-costs included; a month after a figure is " +
			"when it took effect):"}}
	for _, id := range paymentIDs {
		row := []string{"`" + id + "`"}
		for _, rs := range sets {
			row = append(row, rates.PaymentSummary(rs, id))
		}
		pay.Add(row...)
	}
	counts := []string{"roles (with a maximum / claimable)"}
	for _, rs := range sets {
		n, m := 0, 0
		for _, r := range rs.ARRS().Roles {
			n++
			if len(r.Maxima) > 0 {
				m++
			}
		}
		counts = append(counts, fmt.Sprintf("%d / %d", m, n))
	}
	pay.Add(counts...)
	roles := &render.Table{Header: header("role")}
	for _, id := range rates.Roles() {
		row := []string{"`" + id + "`"}
		for _, rs := range sets {
			row = append(row, rates.RoleSummary(rs, id))
		}
		roles.Add(row...)
	}
	return render.Report{
		Tables: func() []*render.Table { return []*render.Table{pay, roles} },
		CSV: func() ([]string, [][]string) {
			rows := append([][]string{}, pay.Rows...)
			for _, r := range roles.Rows {
				rows = append(rows, r)
			}
			return append([]string{"item"}, pay.Header[1:]...), rows
		},
		JSON: []*render.Table{pay, roles},
	}.Write(w, c.Format)
}
