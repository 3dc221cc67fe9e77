package report

import (
	"fmt"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/scenario"
)

// Afford is "what more can we afford?": a hire's claim, the headroom before
// and after, and the largest WTE the headroom funds, for the PCN called name
// in each year answered; several years are joined as perYear says (the
// JSON an array of arrs.Affordability). tag ends each title.
func Afford(answers []scenario.HireAnswer, name, tag string) render.Report {
	var ys []des.Year
	var reps []render.Report
	for _, h := range answers {
		ys = append(ys, h.Year.Year)
		reps = append(reps, affordYear(h.Answer, name, h.Year, tag))
	}
	return perYear(ys, reps)
}

func affordYear(a arrs.Affordability, name string, yr scenario.YearResult, tag string) render.Report {
	rows := [][]string{
		{"role", a.Role, a.Role},
		{"start", a.Start.String(), a.Start.String()},
		{"WTE asked", a.WTE.String(), a.WTE.String()},
		{"ARRS pot", string(a.Pot), string(a.Pot)},
		{"headroom before", render.Plain(a.HeadroomBefore.Decimal()), render.GBP(a.HeadroomBefore.Decimal())},
		{"claim of the hire to 31 March", render.Plain(a.Claim.Decimal()), render.GBP(a.Claim.Decimal())},
		{"claim per 1 WTE", render.Plain(a.ClaimPerWTE.Decimal()), render.GBP(a.ClaimPerWTE.Decimal())},
		{"headroom after", render.Plain(a.HeadroomAfter.Decimal()), render.GBP(a.HeadroomAfter.Decimal())},
		{"largest WTE the headroom funds", maxWTE(a), maxWTE(a)},
	}
	table := func() []*render.Table {
		t := &render.Table{Title: fmt.Sprintf("%s: what more can we afford? %s (%s)%s", name, yr.Year, yr.RuleSet, tag),
			Header: []string{"", "value"}, Right: []bool{false, true}}
		for _, r := range rows {
			t.Add(r[0], r[2])
		}
		t.Notes = append(t.Notes, a.Explain)
		for _, r := range a.Reasons {
			t.Notes = append(t.Notes, "note: "+r.String())
		}
		if a.HeadroomAfter.IsNegative() {
			t.Notes = append(t.Notes, "the hire would OVER-COMMIT the ARRS sum by "+render.GBP(a.HeadroomAfter.Decimal().Neg()))
		}
		return []*render.Table{t}
	}
	csvRows := func() ([]string, [][]string) {
		var out [][]string
		for _, r := range rows {
			out = append(out, []string{r[0], r[1]})
		}
		return []string{"item", "value"}, out
	}
	return render.Report{Tables: table, CSV: csvRows, JSON: a}
}

// maxWTE is the largest fundable WTE, or "unknown" when the hire can claim
// nothing under the rules as sourced.
func maxWTE(a arrs.Affordability) string {
	if !a.MaxWTEKnown {
		return "unknown"
	}
	return a.MaxWTE.StringFixed(2)
}
