package workbook

import (
	"fmt"

	"github.com/pcnfin/pcnfin/national"
	"github.com/shopspring/decimal"
)

// ICBPCN is one PCN of a year of the ICB view, as ICB's sheets take it
// (national.PCN's Row is only valid during a Sink call: copy it).
type ICBPCN struct {
	Year string
	PCN  national.PCN
}

func pennies(p int64) decimal.Decimal { return decimal.New(p, -2) }

// ICB is the workbook of the ICB view (national.Run): a summary by ICB and
// for England with what is left unclaimed, every PCN with its claims
// month by month, and the PCNs ranked by what they leave unclaimed. notes
// go under the summary (who keeps what is unclaimed, the data's label).
func ICB(rep *national.Report, pcns []ICBPCN, notes []string) *Book {
	tag := ""
	if rep.Synthetic {
		tag = " [" + rep.Data + "]"
	}
	sum := &Sheet{Name: "Summary", Title: "ARRS sums, claims and money left unclaimed by ICB and for England" + tag,
		Columns: []Column{{"year", Text}, {"ICB", Text}, {"PCNs", Int}, {"people", Int}, {"ARRS sum", Money},
			{"claims", Money}, {"unclaimed", Money}, {"over", Money}, {"PCNs run out", Int}},
		Notes: notes}
	for _, y := range rep.Years {
		var bl Block
		for _, g := range y.ICBs {
			bl.Rows = append(bl.Rows, []any{y.Year.String(), g.Name, g.PCNs, g.People, pennies(g.Sum), pennies(g.Claims),
				pennies(g.Unclaimed), pennies(g.Over), g.RunOut})
		}
		e := y.England
		bl.Total = []any{y.Year.String(), "England", e.PCNs, e.People, Total{Want: pennies(e.Sum)},
			Total{Want: pennies(e.Claims)}, Total{Want: pennies(e.Unclaimed)}, Total{Want: pennies(e.Over)}, e.RunOut}
		sum.Blocks = append(sum.Blocks, bl)
	}
	cols := []Column{{"year", Text}, {"line", Int}, {"PCN code", Text}, {"PCN", Text}, {"ICB", Text}, {"people", Int},
		{"ARRS sum", Money}}
	first := len(cols)
	for _, m := range monthHeads {
		cols = append(cols, Column{m + " claims", Money})
	}
	last := len(cols) - 1
	cols = append(cols, Column{"claims", Money}, Column{"unclaimed", Money}, Column{"over", Money},
		Column{"runs out", Month}, Column{"rules", Text})
	ps := &Sheet{Name: "PCNs", Title: "Each PCN's ARRS claims month by month against its sum" + tag, Columns: cols}
	yi := 0
	for i := 0; i < len(pcns); {
		var bl Block
		j := i
		for ; j < len(pcns) && pcns[j].Year == pcns[i].Year; j++ {
			p := &pcns[j].PCN
			row := []any{pcns[j].Year, p.Row.Line, p.Row.Code, p.Row.Name, p.Row.ICB, p.People, pennies(p.Sum)}
			for _, m := range p.Months {
				row = append(row, pennies(m))
			}
			var runs any
			if p.RunsOut != "" {
				runs = p.RunsOut
			}
			row = append(row, SumAcross(first, last, pennies(p.Claims)), pennies(p.Unclaimed), pennies(p.Over), runs,
				rulesText(p.Rules))
			bl.Rows = append(bl.Rows, row)
		}
		for yi < len(rep.Years) && rep.Years[yi].Year.String() != pcns[i].Year {
			yi++
		}
		if yi < len(rep.Years) {
			e := rep.Years[yi].England
			total := []any{pcns[i].Year, nil, "England", nil, nil, e.People, Total{Want: pennies(e.Sum)}}
			for _, m := range e.Months {
				total = append(total, Total{Want: pennies(m)})
			}
			total = append(total, SumAcross(first, last, pennies(e.Claims)), Total{Want: pennies(e.Unclaimed)},
				Total{Want: pennies(e.Over)})
			bl.Total = total
		}
		ps.Blocks = append(ps.Blocks, bl)
		i = j
	}
	rk := &Sheet{Name: "Ranked by unclaimed", Title: "PCNs ranked by what they leave unclaimed" + tag,
		Columns: []Column{{"year", Text}, {"rank", Int}, {"line", Int}, {"PCN code", Text}, {"PCN", Text}, {"ICB", Text},
			{"ARRS sum", Money}, {"claims", Money}, {"unclaimed", Money}, {"runs out", Month}}}
	for _, y := range rep.Years {
		var bl Block
		for _, r := range y.Ranked {
			var runs any
			if r.RunsOut != "" {
				runs = r.RunsOut
			}
			bl.Rows = append(bl.Rows, []any{y.Year.String(), r.Rank, r.Line, r.Code, r.Name, r.ICB, pennies(r.Sum),
				pennies(r.Claims), pennies(r.Unclaimed), runs})
		}
		rk.Blocks = append(rk.Blocks, bl)
	}
	return &Book{Title: "ARRS claims and money left unclaimed" + tag, Sheets: []*Sheet{sum, ps, rk}}
}

func rulesText(rs []national.RuleCount) string {
	s := ""
	for i, r := range rs {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s ×%d", r.Reason, r.People)
	}
	return s
}
