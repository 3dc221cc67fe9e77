package workbook

import (
	"fmt"

	"github.com/pcnfin/pcnfin/scenario"
	"github.com/pcnfin/pcnfin/statement"
	"github.com/shopspring/decimal"
)

// Statements is the workbook of the practice statements: a summary (each
// practice's year by kind of line, the PCN their total), each statement
// month by month, the PCN's monthly cash flow and the sources of the rates
// behind the year (ys, the years the statements were built from; nil
// leaves the sources out). name is the PCN's. whole says the statements
// hold every practice, so that the PCN's line is their total; when only
// some are shown (-practice), the PCN's line is given as a line of its own.
func Statements(name string, sts []statement.Statement, ys []scenario.YearResult, whole bool) *Book {
	b := &Book{Title: name + ": practice statements", Sheets: []*Sheet{statementSummary(name, sts, whole),
		statementSheet(name, sts), cashFlowSheet(name, sts)}}
	if len(ys) > 0 {
		b.Sheets = append(b.Sheets, sourcesSheet(name, "", ys, true))
	}
	return b
}

// kinds are the statement's kinds of line, in the summary's order.
var kinds = []statement.Kind{statement.Income, statement.OwnPay, statement.Claims, statement.Retained, statement.Staff}

// byKind adds up a practice's lines of each kind for the year.
func byKind(p statement.Practice) map[statement.Kind]decimal.Decimal {
	out := map[statement.Kind]decimal.Decimal{}
	for _, l := range p.Lines {
		out[l.Kind] = out[l.Kind].Add(l.Total)
	}
	return out
}

func statementSummary(name string, sts []statement.Statement, whole bool) *Sheet {
	cols := []Column{{"year", Text}, {"practice", Text}}
	for _, k := range kinds {
		cols = append(cols, Column{kindHead(k), Money})
	}
	cols = append(cols, Column{"net", Money})
	sh := &Sheet{Name: "Summary", Title: name + ": practice statements, the year by kind of line (money in " +
		"positive, out negative)", Columns: cols}
	for _, st := range sts {
		var bl Block
		for _, p := range st.Practices {
			k := byKind(p)
			row := []any{st.Year.String(), p.Name}
			for _, kind := range kinds {
				row = append(row, k[kind])
			}
			bl.Rows = append(bl.Rows, append(row, p.NetTotal))
		}
		k := byKind(st.PCN)
		if !whole {
			row := []any{st.Year.String(), st.PCN.Name + " (the whole PCN, every practice)"}
			for _, kind := range kinds {
				row = append(row, k[kind])
			}
			bl.Rows = append(bl.Rows, append(row, st.PCN.NetTotal))
			sh.Blocks = append(sh.Blocks, bl)
			continue
		}
		total := []any{st.Year.String(), st.PCN.Name + " (total)"}
		for _, kind := range kinds {
			total = append(total, Total{Want: k[kind]})
		}
		if len(bl.Rows) > 0 {
			bl.Total = append(total, Total{Want: st.PCN.NetTotal})
		}
		sh.Blocks = append(sh.Blocks, bl)
	}
	sh.Notes = []string{legend}
	if !whole {
		sh.Notes = append(sh.Notes, "Only some practices are shown (-practice): the PCN's line is the whole PCN's, "+
			"not their total.")
	}
	return sh
}

func kindHead(k statement.Kind) string {
	switch k {
	case statement.Income:
		return "income (shares of entitlements)"
	case statement.OwnPay:
		return "own payments"
	case statement.Claims:
		return "ARRS claims"
	case statement.Retained:
		return "retained by the PCN"
	case statement.Staff:
		return "staff cost"
	}
	return string(k)
}

// statementSheet is every practice's statement and the PCN's, month by
// month: each line's year is the SUM of its months, the net each month the
// SUM of the lines.
func statementSheet(name string, sts []statement.Statement) *Sheet {
	cols := []Column{{"year", Text}, {"practice", Text}, {"line", Text}, {"kind", Text}, {"shared on", Text}}
	first := len(cols)
	for _, m := range monthHeads {
		cols = append(cols, Column{m, Money})
	}
	last := len(cols) - 1
	cols = append(cols, Column{"year total", Money})
	sh := &Sheet{Name: "Statements", Title: name + ": statements month by month (the year is the sum of its months; " +
		"the PCN is the sum of the practices)", Columns: cols}
	for _, st := range sts {
		for _, p := range append(append([]statement.Practice{}, st.Practices...), st.PCN) {
			if len(p.Net) != 12 {
				sh.Notes = append(sh.Notes, fmt.Sprintf("%s, %s: the months are not April to March", st.Year, p.Name))
				continue
			}
			var bl Block
			for _, l := range p.Lines {
				if len(l.Months) != 12 || allZero(l.Months) {
					continue
				}
				row := []any{st.Year.String(), p.Name, l.ID, string(l.Kind), l.Basis}
				for _, m := range l.Months {
					row = append(row, m)
				}
				bl.Rows = append(bl.Rows, append(row, Total{Want: l.Total, Across: &[2]int{first, last}}))
			}
			total := []any{st.Year.String(), p.Name, "net", "", ""}
			for _, m := range p.Net {
				total = append(total, Total{Want: m})
			}
			if len(bl.Rows) > 0 {
				bl.Total = append(total, SumAcross(first, last, p.NetTotal))
			}
			sh.Blocks = append(sh.Blocks, bl)
		}
	}
	return sh
}

func allZero(ds []decimal.Decimal) bool {
	for _, d := range ds {
		if !d.IsZero() {
			return false
		}
	}
	return true
}

// cashFlowSheet is the PCN's cash month by month, with the year's totals.
func cashFlowSheet(name string, sts []statement.Statement) *Sheet {
	sh := &Sheet{Name: "Cash flow", Title: name + ": monthly cash flow of the PCN (net = entitlements + ARRS claims − " +
		"staff cost − retained)", Columns: []Column{{"year", Text}, {"month", Month}, {"entitlements", Money},
		{"ARRS claims", Money}, {"staff cost", Money}, {"retained", Money}, {"net", Money}, {"cumulative", Money}}}
	for _, st := range sts {
		var bl Block
		var ent, claims, staff, retained decimal.Decimal
		for _, cm := range st.CashFlow {
			e := decimal.Zero
			for _, f := range cm.Entitlements {
				e = e.Add(f.Amount)
			}
			ent, claims, staff = ent.Add(e), claims.Add(cm.Claims), staff.Add(cm.StaffCost)
			retained = retained.Add(cm.Retained)
			bl.Rows = append(bl.Rows, []any{st.Year.String(), cm.Month, e, cm.Claims, cm.StaffCost, cm.Retained, cm.Net,
				cm.Cumulative})
		}
		if len(bl.Rows) > 0 {
			// The year's net is the PCN's statement net: the cash flow and the
			// statements must agree, or the workbook is not written.
			bl.Total = []any{st.Year.String(), "total", Total{Want: ent}, Total{Want: claims}, Total{Want: staff},
				Total{Want: retained}, Total{Want: st.PCN.NetTotal}}
		}
		sh.Blocks = append(sh.Blocks, bl)
	}
	return sh
}
