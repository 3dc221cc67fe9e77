package report

import (
	"fmt"
	"strings"

	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/scenario"
)

// Compare is two years compared for one PCN: payments (old → new rates),
// the ARRS figures, each person's claim and the roles' maxima; a CSV of
// every change; the comparison's JSON.
func Compare(c scenario.Comparison, tag string) render.Report {
	return render.Report{
		Tables: func() []*render.Table { return compareTables(c, tag) },
		CSV:    func() ([]string, [][]string) { return compareCSV(c) },
		JSON:   c,
	}
}

func label(y scenario.YearResult) string {
	if y.Projected {
		return fmt.Sprintf("%s [PROJECTION from %s]", y.Year, y.ProjectedFrom)
	}
	return y.Year.String()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// tables renders the comparison for text and Markdown.
func compareTables(c scenario.Comparison, tag string) []*render.Table {
	fy, ty := label(c.From), label(c.To)
	pt := &render.Table{
		Title:  fmt.Sprintf("%s: network entitlements, %s → %s%s", c.Scenario, fy, ty, tag),
		Header: []string{"payment", "change", fy, ty, "difference", "rates (old → new)"},
		Right:  []bool{false, false, true, true, true, false},
		Notes:  []string{fmt.Sprintf("%s: %s", c.From.Year, c.From.RuleSet), fmt.Sprintf("%s: %s", c.To.Year, c.To.RuleSet)},
	}
	for _, it := range c.Payments {
		pt.Add(it.ID, it.Status, it.From.Pounds(), it.To.Pounds(), it.Difference.Pounds(), it.Detail)
	}
	pt.Add("total", "", c.Total.From.Pounds(), c.Total.To.Pounds(), c.Total.Difference.Pounds(), "ARRS sums excluded")
	for _, s := range []scenario.YearResult{c.From, c.To} {
		if ids := s.Rules.Unpaid(); len(ids) > 0 {
			pt.Notes = append(pt.Notes, fmt.Sprintf("%s leaves out figures no source gives (not invented): %s.",
				s.Year, strings.Join(ids, ", ")))
		}
		if s.Projected {
			pt.Notes = append(pt.Notes, fmt.Sprintf("%s is a PROJECTION from %s with the scenario's assumptions, "+
				"not published figures.", s.Year, s.ProjectedFrom))
		}
	}
	at := &render.Table{
		Title:  fmt.Sprintf("%s: ARRS, %s → %s", c.Scenario, fy, ty),
		Header: []string{"", fy, ty, "difference", "note"},
		Right:  []bool{false, true, true, true, false},
	}
	for _, it := range c.ARRS {
		note := ""
		if it.FromText != "" || it.ToText != "" {
			note = fmt.Sprintf("%s: %s; %s: %s", c.From.Year, orDash(it.FromText), c.To.Year, orDash(it.ToText))
		}
		at.Add(it.Name, it.From.Pounds(), it.To.Pounds(), it.Difference.Pounds(), note)
	}
	st := &render.Table{
		Title:  fmt.Sprintf("%s: ARRS claims by person, %s → %s", c.Scenario, fy, ty),
		Header: []string{"staff", "role", fy, ty, "difference", "why less (reason codes; see the claims example)"},
		Right:  []bool{false, false, true, true, true, false},
	}
	for _, it := range c.Staff {
		why := ""
		if it.FromText != "" || it.ToText != "" {
			why = fmt.Sprintf("%s: %s; %s: %s", c.From.Year, orDash(strings.Join(it.FromCodes, ", ")),
				c.To.Year, orDash(strings.Join(it.ToCodes, ", ")))
		}
		st.Add(it.ID, it.Name, it.From.Pounds(), it.To.Pounds(), it.Difference.Pounds(), why)
	}
	rt := &render.Table{
		Title:  fmt.Sprintf("ARRS roles, %s → %s: maximum reimbursable amount per WTE a year (national)", fy, ty),
		Header: []string{"role", "change", fy, ty, "difference", "note"},
		Right:  []bool{false, false, true, true, true, false},
		Notes:  []string{"The difference compares the maxima in force at the end of each year, where both are given."},
	}
	for _, it := range c.Roles {
		d := ""
		if it.Difference.OK {
			d = it.Difference.Pounds()
		}
		rt.Add(it.ID, it.Status, orDash(it.FromText), orDash(it.ToText), d, it.Detail)
	}
	return []*render.Table{pt, at, st, rt}
}

func compareCSV(c scenario.Comparison) ([]string, [][]string) {
	var rows [][]string
	add := func(section string, it scenario.Change) {
		rows = append(rows, []string{section, it.ID, it.Name, it.Status, it.From.Plain(), it.To.Plain(),
			it.Difference.Plain(), it.FromText, it.ToText, it.Detail})
	}
	for _, it := range c.Payments {
		add("payment", it)
	}
	add("payment", c.Total)
	for _, it := range c.ARRS {
		add("arrs", it)
	}
	for _, it := range c.Staff {
		add("staff", it)
	}
	for _, it := range c.Roles {
		add("role", it)
	}
	from, to := c.From.Year.String(), c.To.Year.String()
	return []string{"section", "id", "name", "change", from, to, "difference",
		from + " detail", to + " detail", "note"}, rows
}
