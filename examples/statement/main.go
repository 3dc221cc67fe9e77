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
)

func main() {
	fs := flag.NewFlagSet("statement", flag.ExitOnError)
	c := cli.Flags(fs, nil)
	practice := fs.String("practice", "", "only this practice's statement (default: every practice)")
	fs.Parse(os.Args[1:])
	cli.CheckArgs(fs, c.Format)
	var out cli.Output
	if err := run(&out, c, *practice); err != nil {
		cli.Fail(err)
	}
	out.Flush(os.Stdout)
}

func run(w io.Writer, c *cli.Common, only string) error {
	sc, published, err := cli.Inputs(c.Scenario, c.Rates)
	if err != nil {
		return err
	}
	opt, err := c.Options()
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
	switch c.Format {
	case "json":
		return cli.WriteJSON(w, sts)
	case "csv": // long and tidy: one amount a row, for a pivot table
		var rows [][]string
		for _, st := range sts {
			months := months(st)
			for _, p := range append(st.Practices, st.PCN) {
				for _, l := range p.Lines {
					for m, v := range l.Months {
						rows = append(rows, []string{st.Year.String(), months[m], p.Name, string(l.Kind), l.ID, l.Basis, cli.Plain(v)})
					}
				}
				for m, v := range p.Net {
					rows = append(rows, []string{st.Year.String(), months[m], p.Name, "net", "net", "", cli.Plain(v)})
				}
			}
		}
		return cli.WriteCSV(w, []string{"year", "month", "practice", "kind", "line", "basis", "amount"}, rows)
	}
	for _, st := range sts {
		for _, p := range append(st.Practices, st.PCN) {
			title := fmt.Sprintf("%s, %s: statement of %s (the year is the sum of its months)", sc.Name, st.Year, p.Name)
			if p.Name == st.PCN.Name {
				title = fmt.Sprintf("%s, %s: the PCN (the sum of the practices)", sc.Name, st.Year)
			}
			t := &cli.Table{Title: title, Header: []string{"line", "kind", "shared on", "April", "year"}, Right: []bool{false, false, false, true, true}}
			for _, l := range p.Lines {
				if l.Total.IsZero() && l.Months[0].IsZero() {
					continue
				}
				t.Add(l.ID, string(l.Kind), l.Basis, cli.GBP(l.Months[0]), cli.GBP(l.Total))
			}
			t.Add("net", "", "", cli.GBP(p.Net[0]), cli.GBP(p.NetTotal))
			if err := t.WriteText(w); err != nil {
				return err
			}
			fmt.Fprintln(w)
		}
		t := &cli.Table{Title: fmt.Sprintf("%s, %s: monthly cash flow of the PCN", sc.Name, st.Year),
			Header: []string{"month", "entitlements", "ARRS claims", "staff cost", "retained", "net", "cumulative"},
			Right:  []bool{false, true, true, true, true, true, true}}
		for _, cm := range st.CashFlow {
			ent := cm.Claims.Sub(cm.Claims)
			for _, f := range cm.Entitlements {
				ent = ent.Add(f.Amount)
			}
			t.Add(cm.Month, cli.GBP(ent), cli.GBP(cm.Claims), cli.GBP(cm.StaffCost), cli.GBP(cm.Retained), cli.GBP(cm.Net), cli.GBP(cm.Cumulative))
		}
		if err := t.WriteText(w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}

func months(st statement.Statement) []string {
	out := make([]string, len(st.CashFlow))
	for i, cm := range st.CashFlow {
		out[i] = cm.Month
	}
	return out
}
