package report

import (
	"fmt"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/scenario"
)

// Forecast is a multi-year forecast: per year its entitlements (with the
// arithmetic), ARRS (per person, per pot, with the reasons explained) and
// gaps; the years side by side; a long CSV; the forecast's JSON. tag ends
// each year's title.
func Forecast(f scenario.Forecast, tag string) render.Report {
	return render.Report{
		Tables: func() []*render.Table { return forecastTables(f, tag) },
		CSV:    func() ([]string, [][]string) { return forecastCSV(f) },
		JSON:   f,
	}
}

func forecastTables(f scenario.Forecast, tag string) []*render.Table {
	var ts []*render.Table
	for _, y := range f.Years {
		title := fmt.Sprintf("%s: network entitlements, %s (%s)%s", f.Scenario, y.Year, y.RuleSet, tag)
		if y.Projected {
			title += fmt.Sprintf(" [PROJECTION from %s: assumptions, not published figures]", y.ProjectedFrom)
		}
		t := &render.Table{Title: title, Header: []string{"payment", "amount", "how"}, Right: []bool{false, true, false}}
		for _, a := range y.Entitlements.Payments {
			t.Add(a.ID, a.Total.String(), a.Arithmetic())
		}
		t.Add("total", y.Entitlements.Total.String(), "")
		if y.IIF != nil {
			t.Notes = append(t.Notes, "not in the total: "+y.IIF.Explain())
		}
		ts = append(ts, t)

		a := y.ARRS
		at := &render.Table{Title: fmt.Sprintf("%s: ARRS, %s", f.Scenario, y.Year),
			Header: []string{"staff", "role", "WTE", "months", "cost", "claim", "note"},
			Right:  []bool{false, false, true, true, true, true, false}}
		for _, s := range a.Staff {
			var codes []string
			for _, why := range s.Reasons {
				codes = append(codes, why.Reason.String())
			}
			at.Add(s.Name, s.Role, s.WTE.Decimal().String(), fmt.Sprint(s.MonthsClaimed), render.GBP(s.Cost.Decimal()), render.GBP(s.Claim.Decimal()),
				strings.Join(codes, ", "))
		}
		at.Add("total", "", "", "", render.GBP(a.Cost.Decimal()), render.GBP(a.Claims.Decimal()), "")
		for _, p := range a.Pots {
			n := fmt.Sprintf("ARRS sum (%s): %s; claims %s; headroom %s", p.ID, render.GBP(p.Sum.Decimal()), render.GBP(p.Claims.Decimal()),
				render.GBP(p.Headroom.Decimal()))
			if p.Headroom.IsNegative() {
				n += fmt.Sprintf(" — OVER-COMMITTED, the sum runs out in %s", p.RunsOut)
			}
			at.Notes = append(at.Notes, n)
		}
		if n := unsourcedClaimsNote(a); n != "" {
			at.Notes = append(at.Notes, n)
		}
		if n := unsourcedNote(y); n != "" {
			at.Notes = append(at.Notes, n)
		}
		at.Notes = append(at.Notes, reasonLegend(a)...)
		ts = append(ts, at)
		if len(y.Gaps) > 0 {
			gt := &render.Table{Title: fmt.Sprintf("%s: gaps in the sources, and what pcnfin does about each", y.Year),
				Header: []string{"item", "what is missing"}}
			for _, g := range y.Gaps {
				gt.Add(g.Item, g.What)
			}
			ts = append(ts, gt)
		}
	}
	if len(f.Years) > 1 {
		s := &render.Table{Title: f.Scenario + ": years side by side",
			Header: []string{"year", "entitlements", "change", "ARRS sum", "ARRS claims", "change", "headroom", "basis"},
			Right:  []bool{false, true, true, true, true, true, true, false}}
		for i, y := range f.Years {
			ch, cc := "", ""
			if i > 0 {
				p := f.Years[i-1]
				ch = render.GBP(y.Entitlements.Total.Decimal().Sub(p.Entitlements.Total.Decimal()))
				cc = render.GBP(y.ARRS.Claims.Decimal().Sub(p.ARRS.Claims.Decimal()))
			}
			basis := "published"
			if y.Projected {
				basis = "PROJECTION from " + y.ProjectedFrom.String()
			}
			s.Add(y.Year.String(), y.Entitlements.Total.String(), ch, render.GBP(y.ARRS.Sum.Decimal()), render.GBP(y.ARRS.Claims.Decimal()),
				cc, render.GBP(y.ARRS.Headroom.Decimal()), basis)
		}
		ts = append(ts, s)
	}
	return ts
}

func forecastCSV(f scenario.Forecast) ([]string, [][]string) {
	var rows [][]string
	for _, y := range f.Years {
		basis := "published"
		if y.Projected {
			basis = "projection from " + y.ProjectedFrom.String()
		}
		add := func(cells ...string) { rows = append(rows, append([]string{y.Year.String(), basis}, cells...)) }
		for _, a := range y.Entitlements.Payments {
			add("entitlement", a.ID, a.Name, a.Total.Plain(), a.Explain())
		}
		add("entitlement", "total", "Entitlements total", y.Entitlements.Total.Plain(), "")
		for _, p := range y.ARRS.Pots {
			add("arrs_sum", p.ID, "ARRS sum ("+string(p.Name)+")", render.Plain(p.Sum.Decimal()), p.Explain())
			add("arrs_headroom", p.ID, "Headroom ("+string(p.Name)+")", render.Plain(p.Headroom.Decimal()), p.RunsOut)
		}
		for _, s := range y.ARRS.Staff {
			add("arrs_claim", s.Role, s.Name, render.Plain(s.Claim.Decimal()), s.Explain())
		}
		add("arrs_claim", "total", "ARRS claims total", render.Plain(y.ARRS.Claims.Decimal()), "")
	}
	return []string{"year", "basis", "section", "id", "name", "amount", "explain"}, rows
}

// reasonLegend explains, once each, the reason codes in the note column
// (the JSON and claims outputs give each person's full reasons).
func reasonLegend(r arrs.Result) []string {
	seen := map[arrs.Reason]bool{}
	var out []string
	for _, s := range r.Staff {
		for _, why := range s.Reasons {
			if !seen[why.Reason] {
				seen[why.Reason] = true
				out = append(out, why.Reason.String()+": "+why.Reason.Explain())
			}
		}
	}
	return out
}

// unsourcedNote counts the year's figures that no source gives, for every
// output that shows the year's results.
func unsourcedNote(y scenario.YearResult) string {
	d, c := y.Rules.UnsourcedFigures()
	if d+c == 0 {
		return ""
	}
	return fmt.Sprintf("%s rule set: %d figures derived and %d carried, no source giving them (each says how in its "+
		"explanation; -sourced-only refuses them)", y.Year, d, c)
}
