package rates

import (
	"github.com/pcnfin/pcnfin/internal/money"
	"strings"

	"github.com/pcnfin/pcnfin/des"
)

// PaymentSummary is a payment's rate at the end of the year in one short
// cell, as docs/coverage.md's coverage table shows it: "£2.266 c + £0.733 c" (a
// rate and its confidence letter per part; "fixed £37,810.00", "(Aug–Mar)"
// for a period), or "gap", "removed", "–" (not paid that year).
func PaymentSummary(rs *des.RuleSet, id string) string {
	p, ok := rs.Payment(id)
	if !ok {
		for _, g := range rs.Gaps() {
			if g.Item == id {
				if g.Removed {
					return "removed"
				}
				return "gap"
			}
		}
		return "–"
	}
	var parts []string
	for _, pt := range p.Parts {
		v := pt.InForce(des.Date{})
		last := v[len(v)-1]
		s := money.FormatRate(last.Rate)
		if pt.Basis == des.Fixed {
			s = "fixed " + money.Pounds(last.Rate)
		}
		if pt.Stated == des.Period {
			s += " (" + pt.From.Month().String()[:3] + "–" + pt.To.Month().String()[:3] + ")"
		}
		parts = append(parts, s+" "+last.Source.Confidence.Letter())
	}
	return strings.Join(parts, " + ")
}

// RoleSummary is a role's national maxima in force in the year in one short
// cell: "£62,340 d, £65,838 (Oct) s" (a month after a figure is when it took
// effect; "from" a month when the role became claimable then), "gap" when no
// maximum is given, "–" when the role is not claimable that year.
func RoleSummary(rs *des.RuleSet, id string) string {
	r, ok := rs.ARRS().Role(id)
	if !ok {
		return "–"
	}
	ms := r.MaximaInForce(des.Date{})
	if len(ms) == 0 {
		return "gap"
	}
	var out []string
	for _, m := range ms {
		s := strings.TrimSuffix(money.Pounds(m.National), ".00")
		switch {
		case m.From == rs.Year().Start():
		case m.From == r.EligibleFrom:
			s += " (from " + m.From.Month().String()[:3] + ")"
		default:
			s += " (" + m.From.Month().String()[:3] + ")"
		}
		out = append(out, s+" "+m.Source.Confidence.Letter())
	}
	return strings.Join(out, ", ")
}
