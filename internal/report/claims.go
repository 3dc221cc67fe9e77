package report

import (
	"fmt"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/scenario"
)

// Claims is each year's monthly ARRS claims schedule: per month,
// cumulative, against the ARRS sum; per person; the rules the roster
// breaks. Its CSV is a column per person, or with tidy one row per person
// per month; several years are joined as perYear says (the JSON an array
// of arrs.Result). title (e.g. "Riverside PCN: ARRS claims schedule") and
// tag head each year's first table.
func Claims(yrs []scenario.YearResult, title, tag string, tidy bool) render.Report {
	var ys []des.Year
	var reps []render.Report
	for _, yr := range yrs {
		ys = append(ys, yr.Year)
		reps = append(reps, claimsYear(yr, title, tag, tidy, len(yrs) > 1))
	}
	return perYear(ys, reps)
}

// claimsYear is one year's claims; several says other years are printed
// with it, so its per-person table names the year.
func claimsYear(yr scenario.YearResult, title, tag string, tidy, several bool) render.Report {
	r := yr.ARRS
	return render.Report{
		Tables: func() []*render.Table { return claimsTables(yr, title, tag, several) },
		CSV: func() ([]string, [][]string) {
			if tidy {
				return claimsTidy(yr)
			}
			header := []string{"month"}
			for _, s := range r.Staff {
				header = append(header, s.Name+" ("+s.Role+")")
			}
			header = append(header, "total", "cumulative")
			var rows [][]string
			for m, row := range r.Months {
				cells := []string{row.Month}
				for _, s := range r.Staff {
					cells = append(cells, render.Plain(s.Months[m].Decimal()))
				}
				rows = append(rows, append(cells, render.Plain(row.Claim.Decimal()), render.Plain(row.Cumulative.Decimal())))
			}
			total := []string{"total"}
			for _, s := range r.Staff {
				total = append(total, render.Plain(s.Claim.Decimal()))
			}
			return header, append(rows, append(total, render.Plain(r.Claims.Decimal()), ""))
		},
		JSON: r,
	}
}

func claimsTables(yr scenario.YearResult, title, tag string, several bool) []*render.Table {
	r := yr.ARRS
	t := &render.Table{Title: fmt.Sprintf("%s, %s (%s)%s", title, yr.Year, yr.RuleSet, tag),
		Header: []string{"month", "claims", "cost", "cumulative", "sum left"}, Right: []bool{false, true, true, true, true}}
	for _, row := range r.Months {
		t.Add(row.Month, render.GBP(row.Claim.Decimal()), render.GBP(row.Cost.Decimal()), render.GBP(row.Cumulative.Decimal()),
			render.GBP(r.Sum.Decimal().Sub(row.Cumulative.Decimal())))
	}
	t.Add("total", render.GBP(r.Claims.Decimal()), render.GBP(r.Cost.Decimal()), "", render.GBP(r.Headroom.Decimal()))
	for _, p := range r.Pots {
		n := fmt.Sprintf("%s (%s pot): sum %s, claims %s, headroom %s", p.ID, p.Name, render.GBP(p.Sum.Decimal()), render.GBP(p.Claims.Decimal()),
			render.GBP(p.Headroom.Decimal()))
		if p.RunsOut != "" {
			n += " — OVER-COMMITTED: the sum runs out in " + p.RunsOut
		}
		t.Notes = append(t.Notes, n)
	}
	if n := unsourcedClaimsNote(r); n != "" {
		t.Notes = append(t.Notes, n)
	}
	if n := unsourcedNote(yr); n != "" {
		t.Notes = append(t.Notes, n)
	}
	byPerson := "By person"
	if several {
		byPerson += ", " + yr.Year.String()
	}
	people := &render.Table{Title: byPerson, Header: []string{"staff", "role", "WTE", "months", "claim", "why less"},
		Right: []bool{false, false, true, true, true, false}}
	for _, s := range r.Staff {
		people.Add(s.Name, s.Role, s.WTE.Decimal().String(), fmt.Sprint(s.MonthsClaimed), render.GBP(s.Claim.Decimal()),
			arrs.JoinReasons(s.Reasons))
	}
	tables := []*render.Table{t, people}
	if broken := r.BrokenRules(); len(broken) > 0 {
		breaches := &render.Table{Title: "Rules the roster breaks (claims are zero for these months)",
			Header: []string{"staff", "role", "rule", "months", "detail"}}
		for _, b := range broken {
			breaches.Add(b.Staff, b.Role, b.Rule.String(), b.From+" to "+b.To, b.Detail)
		}
		tables = append(tables, breaches)
	}
	return tables
}

// tidyRows is the claims CSV in long form: one row per person per month.
func claimsTidy(yr scenario.YearResult) ([]string, [][]string) {
	var rows [][]string
	for _, s := range yr.ARRS.Staff {
		for m, row := range yr.ARRS.Months {
			rows = append(rows, []string{yr.Year.String(), row.Month, s.Name, s.Role, render.Plain(s.Months[m].Decimal()),
				render.Plain(s.CostMonths[m].Decimal())})
		}
	}
	return []string{"year", "month", "person", "role", "claim", "cost"}, rows
}

// unsourcedClaimsNote says how much of the claims needs a figure no source
// gives: exactly what -sourced-only takes off them (Result.ClaimsUnsourced),
// including claims under a derived maximum that does not bind and roles
// whose only maximum is derived.
func unsourcedClaimsNote(r arrs.Result) string {
	if !r.ClaimsUnsourced.IsPositive() {
		return ""
	}
	return fmt.Sprintf("%s of the claims rests on maxima no source gives (derived by the band model, or carried): "+
		"-sourced-only leaves them out, claims %s → %s", render.GBP(r.ClaimsUnsourced.Decimal()), render.GBP(r.Claims.Decimal()),
		render.GBP(r.Claims.Decimal().Sub(r.ClaimsUnsourced.Decimal())))
}
