package workbook

import (
	"fmt"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
)

// legend explains the shading and the figures column, on every summary.
const legend = "Shaded figures rest on something no source gives: \"derived\" (worked out by a stated rule from " +
	"sourced figures), \"carried\" (carried unchanged from an earlier year) or \"projection\" (the scenario's " +
	"assumptions, not published figures); each row's figures column says which, and the Sources sheet gives " +
	"every rate's source and confidence. Totals are SUM formulas; their values are pcnfin's own, to the penny."

// Forecast is the workbook of a forecast: a summary, the entitlements, the
// ARRS sums, ARRS by month and by person, the gaps and the sources. tag
// ends the titles (" [embedded example scenario]").
func Forecast(f scenario.Forecast, tag string) *Book {
	ys := f.Years
	sum := yearsSummary(f.Scenario+": forecast"+tag, ys)
	sum.Notes = append(sum.Notes, f.Notes...)
	b := &Book{Title: f.Scenario + ": forecast", Sheets: []*Sheet{sum,
		entitlementsSheet(f.Scenario, tag, ys), arrsSumsSheet(f.Scenario, tag, ys), arrsMonthsSheet(f.Scenario, tag, ys),
		arrsPeopleSheet(f.Scenario, tag, ys)}}
	if g := gapsSheet(f.Scenario, tag, ys); g != nil {
		b.Sheets = append(b.Sheets, g)
	}
	b.Sheets = append(b.Sheets, sourcesSheet(f.Scenario, tag, ys, true))
	return b
}

// Claims is the workbook of the ARRS claims schedules of one or more
// years: a summary, ARRS by month and by person, the rules the roster
// breaks, the ARRS sums, the gaps and the sources of the role maxima.
// title heads the summary.
func Claims(ys []scenario.YearResult, title, tag string) *Book {
	name := title
	if len(ys) > 0 {
		name = ys[0].ARRS.PCN
	}
	b := &Book{Title: title, Sheets: []*Sheet{yearsSummary(title+tag, ys), arrsMonthsSheet(name, tag, ys),
		arrsPeopleSheet(name, tag, ys)}}
	if br := brokenSheet(name, tag, ys); br != nil {
		b.Sheets = append(b.Sheets, br)
	}
	b.Sheets = append(b.Sheets, arrsSumsSheet(name, tag, ys))
	if g := gapsSheet(name, tag, ys); g != nil {
		b.Sheets = append(b.Sheets, g)
	}
	b.Sheets = append(b.Sheets, sourcesSheet(name, tag, ys, false))
	return b
}

func basis(y scenario.YearResult) string {
	if y.Projected {
		return "PROJECTION from " + y.ProjectedFrom.String()
	}
	return "published"
}

// yearsSummary is a row a year: entitlements, the ARRS sum, claims,
// headroom, what rests on derived maxima, the roster's cost.
func yearsSummary(title string, ys []scenario.YearResult) *Sheet {
	sh := &Sheet{Name: "Summary", Title: title, Columns: []Column{{"year", Text}, {"basis", Text}, {"rule set", Text},
		{"entitlements", Money}, {"ARRS sum", Money}, {"ARRS claims", Money}, {"headroom", Money},
		{"claims on derived or carried maxima", Money}, {"employer cost of the roster", Money}, {"figures", Text}}}
	var bl Block
	for _, y := range ys {
		fig := Figures(y.Projected)
		var cs []des.Confidence
		for _, a := range y.Entitlements.Payments {
			for _, pa := range a.Parts {
				for _, r := range pa.Rates {
					cs = append(cs, r.Source.Confidence)
				}
			}
		}
		entFig := Figures(y.Projected, cs...)
		claimsFig := fig
		if y.ARRS.ClaimsOnDerived.IsPositive() {
			claimsFig = strings.Join(append(nonEmpty(fig), "derived or carried maxima"), ", ")
		}
		var why []string
		if entFig != "" {
			why = append(why, "entitlements: "+entFig)
		}
		if claimsFig != "" {
			why = append(why, "claims: "+claimsFig)
		}
		figs := strings.Join(why, "; ")
		bl.Rows = append(bl.Rows, []any{y.Year.String(), basis(y), y.RuleSet, mark(y.Entitlements.Total, entFig),
			mark(y.ARRS.Sum, fig), mark(y.ARRS.Claims, claimsFig), mark(y.ARRS.Headroom, claimsFig),
			y.ARRS.ClaimsOnDerived, y.ARRS.Cost, figs})
	}
	sh.Blocks = []Block{bl}
	sh.Notes = append(sh.Notes, legend)
	for _, y := range ys {
		for _, p := range y.ARRS.Pots {
			if p.Headroom.IsNegative() {
				sh.Notes = append(sh.Notes, fmt.Sprintf("%s: %s is OVER-COMMITTED: the sum runs out in %s", y.Year, p.ID,
					p.RunsOut))
			}
		}
		if d, c := unsourced(y); d+c > 0 {
			sh.Notes = append(sh.Notes, fmt.Sprintf("%s rule set: %d figures derived and %d carried, no source "+
				"giving them (the Sources sheet lists those behind these results; -sourced-only refuses them)",
				y.Year, d, c))
		}
		if y.IIF != nil {
			sh.Notes = append(sh.Notes, fmt.Sprintf("%s, not in the entitlements: %s", y.Year, y.IIF.Explain()))
		}
		for _, n := range y.Notes {
			sh.Notes = append(sh.Notes, y.Year.String()+": "+n)
		}
	}
	return sh
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func unsourced(y scenario.YearResult) (derived, carried int) {
	if y.Rules == nil {
		return 0, 0
	}
	return y.Rules.UnsourcedFigures()
}

// paymentFigures is what a payment's rates rest on.
func paymentFigures(a des.Amount, projected bool) string {
	var cs []des.Confidence
	for _, pa := range a.Parts {
		for _, r := range pa.Rates {
			cs = append(cs, r.Source.Confidence)
		}
	}
	return Figures(projected, cs...)
}

// entitlementsSheet is each year's payments with the arithmetic, and their total.
func entitlementsSheet(name, tag string, ys []scenario.YearResult) *Sheet {
	sh := &Sheet{Name: "Entitlements", Title: name + ": network entitlements" + tag,
		Columns: []Column{{"year", Text}, {"payment", Text}, {"name", Text}, {"paid to", Text}, {"amount", Money},
			{"figures", Text}, {"how", Text}}}
	for _, y := range ys {
		var bl Block
		for _, a := range y.Entitlements.Payments {
			fig := paymentFigures(a, y.Projected)
			bl.Rows = append(bl.Rows, []any{y.Year.String(), a.ID, a.Name, string(a.PaidTo), mark(a.Total, fig), fig,
				a.Arithmetic()})
		}
		if len(bl.Rows) > 0 {
			bl.Total = []any{y.Year.String(), "total", "", "", Total{Want: y.Entitlements.Total.Decimal()}}
		}
		sh.Blocks = append(sh.Blocks, bl)
	}
	return sh
}

// arrsSumsSheet is each year's ARRS pots: sum, claims, headroom.
func arrsSumsSheet(name, tag string, ys []scenario.YearResult) *Sheet {
	sh := &Sheet{Name: "ARRS sums", Title: name + ": ARRS sums, claims and headroom" + tag,
		Columns: []Column{{"year", Text}, {"pot", Text}, {"payment", Text}, {"sum", Money}, {"claims", Money},
			{"headroom", Money}, {"runs out", Text}, {"figures", Text}, {"how", Text}}}
	for _, y := range ys {
		var bl Block
		for _, p := range y.ARRS.Pots {
			how, fig := "", Figures(y.Projected)
			if a, ok := y.Entitlements.ARRSSum(p.Name); ok {
				how, fig = a.Arithmetic(), paymentFigures(a, y.Projected)
			}
			bl.Rows = append(bl.Rows, []any{y.Year.String(), string(p.Name), p.ID, mark(p.Sum, fig), p.Claims,
				p.Headroom, p.RunsOut, fig, how})
		}
		if len(bl.Rows) > 0 {
			bl.Total = []any{y.Year.String(), "total", "", Total{Want: y.ARRS.Sum.Decimal()}, Total{Want: y.ARRS.Claims.Decimal()},
				Total{Want: y.ARRS.Headroom.Decimal()}}
		}
		sh.Blocks = append(sh.Blocks, bl)
	}
	return sh
}

// arrsMonthsSheet is each year's claims month by month, cumulative, and
// what is left of the sum.
func arrsMonthsSheet(name, tag string, ys []scenario.YearResult) *Sheet {
	sh := &Sheet{Name: "ARRS by month", Title: name + ": ARRS claims by month" + tag,
		Columns: []Column{{"year", Text}, {"month", Month}, {"claims", Money}, {"cost", Money}, {"cumulative", Money},
			{"sum left", Money}}}
	for _, y := range ys {
		var bl Block
		r := y.ARRS
		for _, m := range r.Months {
			bl.Rows = append(bl.Rows, []any{y.Year.String(), m.Month, m.Claim, m.Cost, m.Cumulative, r.Sum.Decimal().Sub(m.Cumulative.Decimal())})
		}
		if len(bl.Rows) > 0 {
			bl.Total = []any{y.Year.String(), "total", Total{Want: r.Claims.Decimal()}, Total{Want: r.Cost.Decimal()}}
		}
		sh.Blocks = append(sh.Blocks, bl)
	}
	return sh
}

// monthHeads are the DES year's months, April first.
var monthHeads = [12]string{"Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"}

// arrsPeopleSheet is each person's claim month by month and for the year,
// with totals down each month and across each person.
func arrsPeopleSheet(name, tag string, ys []scenario.YearResult) *Sheet {
	cols := []Column{{"year", Text}, {"staff", Text}, {"role", Text}, {"WTE", Number}, {"months claimed", Int},
		{"maximum per WTE", Money}}
	first := len(cols)
	for _, m := range monthHeads {
		cols = append(cols, Column{m + " claim", Money})
	}
	last := len(cols) - 1
	cols = append(cols, Column{"year claim", Money}, Column{"of which on derived or carried maxima", Money},
		Column{"employer cost", Money}, Column{"figures", Text}, Column{"why less", Text})
	sh := &Sheet{Name: "ARRS by person", Title: name + ": ARRS claims by person and month" + tag, Columns: cols}
	for _, y := range ys {
		var bl Block
		r := y.ARRS
		if !twelve(r) {
			sh.Notes = append(sh.Notes, fmt.Sprintf("%s: the months are not April to March; see ARRS by month", y.Year))
			continue
		}
		for _, s := range r.Staff {
			fig := staffFigures(s, y.Projected)
			row := []any{y.Year.String(), s.Name, s.Role, s.WTE.Decimal(), s.MonthsClaimed, s.Maximum}
			for _, m := range s.Months {
				row = append(row, m)
			}
			row = append(row, mark(s.Claim, fig), s.ClaimOnDerived, s.Cost, fig, arrs.JoinReasons(s.Reasons))
			bl.Rows = append(bl.Rows, row)
		}
		if len(bl.Rows) > 0 {
			total := []any{y.Year.String(), "total", "", nil, nil, nil}
			for _, m := range r.Months {
				total = append(total, Total{Want: m.Claim.Decimal()})
			}
			total = append(total, SumAcross(first, last, r.Claims.Decimal()), Total{Want: r.ClaimsOnDerived.Decimal()}, Total{Want: r.Cost.Decimal()})
			bl.Total = total
		}
		sh.Blocks = append(sh.Blocks, bl)
	}
	return sh
}

// twelve reports whether the result has April to March, one month each.
func twelve(r arrs.Result) bool {
	if len(r.Months) != 12 {
		return false
	}
	for _, s := range r.Staff {
		if len(s.Months) != 12 {
			return false
		}
	}
	return true
}

func staffFigures(s arrs.StaffResult, projected bool) string {
	var out []string
	if projected {
		out = append(out, "projection")
	}
	if s.ClaimOnDerived.IsPositive() {
		out = append(out, "derived or carried maximum")
	}
	return strings.Join(out, ", ")
}

// brokenSheet is the rules the roster breaks, or nil when it breaks none.
func brokenSheet(name, tag string, ys []scenario.YearResult) *Sheet {
	sh := &Sheet{Name: "Rules broken", Title: name + ": rules the roster breaks (claims are zero for these months)" + tag,
		Columns: []Column{{"year", Text}, {"staff", Text}, {"role", Text}, {"rule", Text}, {"from", Month}, {"to", Month},
			{"detail", Text}}}
	var bl Block
	for _, y := range ys {
		for _, b := range y.ARRS.BrokenRules() {
			bl.Rows = append(bl.Rows, []any{y.Year.String(), b.Staff, b.Role, b.Rule.String(), b.From, b.To, b.Detail})
		}
	}
	if len(bl.Rows) == 0 {
		return nil
	}
	sh.Blocks = []Block{bl}
	return sh
}

// gapsSheet is what each year's rule set leaves out, or nil when nothing.
func gapsSheet(name, tag string, ys []scenario.YearResult) *Sheet {
	sh := &Sheet{Name: "Gaps", Title: name + ": gaps in the sources, and what pcnfin does about each" + tag,
		Columns: []Column{{"year", Text}, {"item", Text}, {"what is missing", Text}}}
	var bl Block
	for _, y := range ys {
		for _, g := range y.Gaps {
			bl.Rows = append(bl.Rows, []any{y.Year.String(), g.Item, g.What})
		}
	}
	if len(bl.Rows) == 0 {
		return nil
	}
	sh.Blocks = []Block{bl}
	return sh
}

// sourcesSheet is every rate behind the year's entitlements (with
// payments) and every maximum of a role on the roster: its figure, dates,
// confidence, document and link.
func sourcesSheet(name, tag string, ys []scenario.YearResult, payments bool) *Sheet {
	sh := &Sheet{Name: "Sources", Title: name + ": where each figure comes from" + tag,
		Columns: []Column{{"year", Text}, {"used by", Text}, {"part", Text}, {"figure", Rate}, {"from", Date},
			{"to", Date}, {"announced", Date}, {"confidence", Text}, {"figures", Text}, {"document", Text},
			{"link", Text}, {"note", Text}}}
	for _, y := range ys {
		var bl Block
		src := func(used, part string, figure decimal.Decimal, from, to, announced des.Date, s des.Source) {
			fig := Figures(y.Projected, s.Confidence)
			bl.Rows = append(bl.Rows, []any{y.Year.String(), used, part, mark(figure, fig), from, to, announced,
				string(s.Confidence), fig, s.Document, Link{Text: s.URL, URL: s.URL}, s.Note})
		}
		if payments {
			for _, a := range append(append([]des.Amount{}, y.Entitlements.Payments...), y.Entitlements.ARRSSums...) {
				seen := map[string]bool{}
				for _, pa := range a.Parts {
					for _, r := range pa.Rates {
						key := fmt.Sprint(pa.Label, r.Rate, r.From, r.To, r.Source)
						if seen[key] {
							continue // one line a rate, not one a practice
						}
						seen[key] = true
						src(a.ID, pa.Label, r.Rate, r.From, r.To, r.Announced, r.Source)
					}
				}
			}
		}
		if y.Rules != nil {
			done := map[string]bool{}
			roles := y.Rules.ARRS().Roles
			for _, s := range y.ARRS.Staff {
				if done[s.Role] {
					continue
				}
				done[s.Role] = true
				for _, role := range roles {
					if role.ID != s.Role {
						continue
					}
					for _, m := range role.Maxima {
						src(role.ID, "maximum per WTE (national)", m.National, m.From, des.Date{}, m.Announced, m.Source)
						if m.OuterLondon.IsPositive() {
							src(role.ID, "maximum per WTE (outer London)", m.OuterLondon, m.From, des.Date{}, m.Announced,
								m.SourceFor(1))
						}
						if m.InnerLondon.IsPositive() {
							src(role.ID, "maximum per WTE (inner London)", m.InnerLondon, m.From, des.Date{}, m.Announced,
								m.SourceFor(2))
						}
					}
				}
			}
		}
		sh.Blocks = append(sh.Blocks, bl)
	}
	return sh
}
