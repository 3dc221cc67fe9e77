// Command statement prints each member practice's statement for a DES year:
// its share of the PCN's entitlements, its own Network Participation
// Payment, its share of retained costs, staff costs and ARRS claims, and its
// net position, month by month, as the scenario's [sharing] rules say; then
// the PCN's monthly cash flow.
//
//	go run ./examples/statement                                  # embedded example PCN
//	go run ./examples/statement -practice "Mill Lane Practice" -format csv
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/pcnfin/pcnfin/arrs/statement"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/shopspring/decimal"
)

func main() {
	fs := flag.NewFlagSet("statement", flag.ExitOnError)
	c := cli.Flags(fs, nil)
	practice := fs.String("practice", "", "only this practice's statement (default: every practice)")
	c.Parse(fs, os.Args[1:])
	cli.Print(func(w io.Writer) error { return run(w, c, *practice) })
}

func run(w io.Writer, c *cli.Common, only string) error {
	sc, published, opt, err := c.Load()
	if err != nil {
		return err
	}
	var sts []statement.Statement
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
	}
	return render.Report{
		Tables: func() []*render.Table { return tables(sc.Name, sts) },
		CSV:    func() ([]string, [][]string) { return csvRows(sts) },
		JSON:   sts,
	}.Write(w, c.Format)
}

// csvRows is long and tidy: one amount a row, for a pivot table.
func csvRows(sts []statement.Statement) ([]string, [][]string) {
	var rows [][]string
	for _, st := range sts {
		for _, p := range append(st.Practices, st.PCN) {
			for _, l := range p.Lines {
				for m, v := range l.Months {
					rows = append(rows, []string{st.Year.String(), st.CashFlow[m].Month, p.Name, string(l.Kind), l.ID,
						l.Basis, render.Plain(v)})
				}
			}
			for m, v := range p.Net {
				rows = append(rows, []string{st.Year.String(), st.CashFlow[m].Month, p.Name, "net", "net", "", render.Plain(v)})
			}
		}
	}
	return []string{"year", "month", "practice", "kind", "line", "basis", "amount"}, rows
}

func tables(name string, sts []statement.Statement) []*render.Table {
	var ts []*render.Table
	for _, st := range sts {
		for _, p := range append(st.Practices, st.PCN) {
			title := fmt.Sprintf("%s, %s: statement of %s (the year is the sum of its months)", name, st.Year, p.Name)
			if p.Name == st.PCN.Name {
				title = fmt.Sprintf("%s, %s: the PCN (the sum of the practices)", name, st.Year)
			}
			t := &render.Table{Title: title, Header: []string{"line", "kind", "shared on", "April", "year"},
				Right: []bool{false, false, false, true, true}}
			for _, l := range p.Lines {
				if !l.Total.IsZero() || !l.Months[0].IsZero() {
					t.Add(l.ID, string(l.Kind), l.Basis, render.GBP(l.Months[0]), render.GBP(l.Total))
				}
			}
			t.Add("net", "", "", render.GBP(p.Net[0]), render.GBP(p.NetTotal))
			ts = append(ts, t)
		}
		t := &render.Table{Title: fmt.Sprintf("%s, %s: monthly cash flow of the PCN", name, st.Year),
			Header: []string{"month", "entitlements", "ARRS claims", "staff cost", "retained", "net", "cumulative"},
			Right:  []bool{false, true, true, true, true, true, true}}
		for _, cm := range st.CashFlow {
			ent := decimal.Zero
			for _, f := range cm.Entitlements {
				ent = ent.Add(f.Amount)
			}
			t.Add(cm.Month, render.GBP(ent), render.GBP(cm.Claims), render.GBP(cm.StaffCost), render.GBP(cm.Retained),
				render.GBP(cm.Net), render.GBP(cm.Cumulative))
		}
		ts = append(ts, t)
	}
	return ts
}
