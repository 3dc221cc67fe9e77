// Command coverage prints, as Markdown, what the embedded rate tables hold:
// each payment's rate by year with its confidence (or "gap", "removed",
// "–"), and each ARRS role's maximum by year. The README's tables are its
// output:
//
//	go run ./examples/coverage
package main

import (
	"fmt"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/rates"
)

// paymentIDs are listed in this order; any other payment ID follows.
var paymentIDs = []string{"core_pcn_funding", "clinical_director", "leadership_management", "network_participation",
	"extended_hours_access", "enhanced_access", "care_home_premium", "pcn_support", "capacity_access_support",
	"capacity_access_improvement", "arrs", "arrs_gp"}

func main() {
	if err := rates.Err(); err != nil {
		cli.Fail(err)
	}
	all := rates.All()
	var b strings.Builder
	header := func(first string) {
		b.WriteString("| " + first + " |")
		for _, rs := range all {
			b.WriteString(" " + rs.Year().String() + " |")
		}
		b.WriteString("\n|---|" + strings.Repeat("---|", len(all)) + "\n")
	}
	header("payment")
	for _, id := range paymentIDs {
		b.WriteString("| `" + id + "` |")
		for _, rs := range all {
			b.WriteString(" " + paymentCell(rs, id) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("| roles (with a maximum / claimable) |")
	for _, rs := range all {
		n, m := 0, 0
		for _, r := range rs.ARRS().Roles {
			n++
			if len(r.Maxima) > 0 {
				m++
			}
		}
		fmt.Fprintf(&b, " %d / %d |", m, n)
	}
	b.WriteString("\n\nARRS role maxima (national, £ per WTE a year, on-costs included; a month after a figure is when it took effect):\n\n")
	header("role")
	for _, id := range rates.Roles() {
		b.WriteString("| `" + id + "` |")
		for _, rs := range all {
			b.WriteString(" " + roleCell(rs, id) + " |")
		}
		b.WriteString("\n")
	}
	fmt.Print(b.String())
}

func paymentCell(rs *des.RuleSet, id string) string {
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
		s := des.FormatRate(last.Rate)
		if pt.Basis == des.Fixed {
			s = "fixed " + des.Pounds(last.Rate)
		}
		if pt.Stated == des.Period {
			s += " (" + pt.From.Month().String()[:3] + "–" + pt.To.Month().String()[:3] + ")"
		}
		parts = append(parts, s+" "+last.Source.Confidence.Letter())
	}
	return strings.Join(parts, " + ")
}

func roleCell(rs *des.RuleSet, id string) string {
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
		s := strings.TrimSuffix(des.Pounds(m.National), ".00")
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
