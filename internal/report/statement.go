package report

import (
	"fmt"

	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/statement"
	"github.com/shopspring/decimal"
)

// Statements is each practice's statement, the PCN's line and its monthly
// cash flow, year by year; the CSV is long and tidy (one amount a row).
// name is the PCN's.
func Statements(name string, sts []statement.Statement) render.Report {
	return render.Report{
		Tables: func() []*render.Table { return statementTables(name, sts) },
		CSV:    func() ([]string, [][]string) { return statementCSV(sts) },
		JSON:   sts,
	}
}

// statementCSV is long and tidy: one amount a row, for a pivot table.
func statementCSV(sts []statement.Statement) ([]string, [][]string) {
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

func statementTables(name string, sts []statement.Statement) []*render.Table {
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
