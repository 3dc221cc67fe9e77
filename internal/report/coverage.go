package report

import (
	"fmt"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/rates"
)

// paymentIDs are listed in this order; any other payment ID follows.
var paymentIDs = []string{"core_pcn_funding", "clinical_director", "leadership_management", "network_participation",
	"extended_hours_access", "enhanced_access", "care_home_premium", "pcn_support", "capacity_access_support",
	"capacity_access_improvement", "arrs", "arrs_gp"}

// Coverage is what the rule sets hold, a column a year: each payment's rate
// with its confidence (or "gap", "removed", "–"), the count of roles, and
// each ARRS role's maximum. docs/coverage.md's tables are its Markdown.
func Coverage(sets []*des.RuleSet) render.Report {
	header := func(first string) []string {
		h := []string{first}
		for _, rs := range sets {
			h = append(h, rs.Year().String())
		}
		return h
	}
	pay := &render.Table{Header: header("payment"),
		Notes: []string{"ARRS role maxima (national, £ per WTE a year, on-costs included; a month after a figure is " +
			"when it took effect):"}}
	for _, id := range paymentIDs {
		row := []string{"`" + id + "`"}
		for _, rs := range sets {
			row = append(row, rates.PaymentSummary(rs, id))
		}
		pay.Add(row...)
	}
	counts := []string{"roles (with a maximum / claimable)"}
	for _, rs := range sets {
		n, m := 0, 0
		for _, r := range rs.ARRS().Roles {
			n++
			if len(r.Maxima) > 0 {
				m++
			}
		}
		counts = append(counts, fmt.Sprintf("%d / %d", m, n))
	}
	pay.Add(counts...)
	roles := &render.Table{Header: header("role")}
	for _, id := range rates.Roles() {
		row := []string{"`" + id + "`"}
		for _, rs := range sets {
			row = append(row, rates.RoleSummary(rs, id))
		}
		roles.Add(row...)
	}
	return render.Report{
		Tables: func() []*render.Table { return []*render.Table{pay, roles} },
		CSV: func() ([]string, [][]string) {
			rows := append([][]string{}, pay.Rows...)
			for _, r := range roles.Rows {
				rows = append(rows, r)
			}
			return append([]string{"item"}, pay.Header[1:]...), rows
		},
		JSON: []*render.Table{pay, roles},
	}
}
