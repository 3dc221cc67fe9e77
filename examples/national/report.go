package main

import (
	"fmt"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
)

func regString(r des.RolledPCN) string {
	if v, ok := r.Registered(); ok {
		return des.Thousands(v.String())
	}
	return ""
}

func regPlain(r des.RolledPCN) string {
	if v, ok := r.Registered(); ok {
		return v.String()
	}
	return ""
}

// notes are said under every year's PCN table.
func notes(rep des.Rollups, y des.Rollup) []string {
	var n []string
	if rep.Synthetic {
		n = append(n, "Data: "+sampleLabel+". Give -csv FILE for your own list.")
	}
	n = append(n, "Entitlements: the year's payments to the PCN and its practices; ARRS sum: the most the PCN may claim under ARRS (every pot), not a payment.")
	if len(y.Unpaid) > 0 {
		n = append(n, fmt.Sprintf("%s leaves out figures no source gives (not invented, so not in these amounts): %s.",
			y.Year, strings.Join(y.Unpaid, ", ")))
	}
	if rep.BadRows > 0 {
		n = append(n, fmt.Sprintf("%s skipped (listed on stderr); the totals leave them out.", plural(rep.BadRows, "bad row")))
	}
	if len(y.LeftOut) > 0 {
		n = append(n, fmt.Sprintf("%s left out of %s for want of a figure a payment needs (listed on stderr); the totals leave them out.", plural(len(y.LeftOut), "PCN"), y.Year))
	}
	return n
}

func tables(rep des.Rollups) []*render.Table {
	var ts []*render.Table
	tag := ""
	if rep.Synthetic {
		tag = " [" + sampleLabel + "]"
	}
	for _, y := range rep.Years {
		t := &render.Table{
			Title:  fmt.Sprintf("PCN entitlements and ARRS sums, %s (%s)%s", y.Year, y.RuleSet, tag),
			Header: []string{"line", "PCN code", "PCN", "ICB", "registered", "entitlements", "ARRS sum"},
			Right:  []bool{true, false, false, false, true, true, true},
			Notes:  notes(rep, y),
		}
		for _, r := range y.PCNs {
			t.Add(fmt.Sprint(r.Row.Line), r.Row.Code, r.Row.Name, r.Row.ICB, regString(r), render.GBP(r.Entitlements.Total), render.GBP(r.ARRSSum()))
		}
		ts = append(ts, t)

		it := &render.Table{
			Title:  fmt.Sprintf("Totals by ICB and for England, %s%s", y.Year, tag),
			Header: []string{"ICB", "PCNs", "registered", "entitlements", "ARRS sum"},
			Right:  []bool{false, true, true, true, true},
			Notes:  []string{"England is the sum of every PCN worked out from the file."},
		}
		for _, g := range append(y.ICBs, y.England) {
			it.Add(g.Name, fmt.Sprint(g.PCNs), des.Thousands(g.Registered.String()), render.GBP(g.Entitlements), render.GBP(g.ARRSSum))
		}
		ts = append(ts, it)

		pt := &render.Table{
			Title:  fmt.Sprintf("England by payment, %s%s", y.Year, tag),
			Header: []string{"payment", "name", "amount"},
			Right:  []bool{false, false, true},
		}
		for _, p := range y.ByPayment {
			name := p.Name
			if p.Kind == des.KindARRSSum {
				name += " [a maximum to claim, not paid]"
			}
			pt.Add(p.ID, name, render.GBP(p.Amount))
		}
		pt.Add("total", "entitlements (ARRS sums excluded)", render.GBP(y.England.Entitlements))
		ts = append(ts, pt)
	}
	if len(rep.Years) > 1 {
		s := &render.Table{
			Title:  "England by year" + tag,
			Header: []string{"year", "PCNs", "entitlements", "change", "ARRS sum", "change"},
			Right:  []bool{false, true, true, true, true, true},
		}
		for i, y := range rep.Years {
			ce, ca := "", ""
			if i > 0 {
				p := rep.Years[i-1].England
				ce, ca = render.GBP(y.England.Entitlements.Sub(p.Entitlements)), render.GBP(y.England.ARRSSum.Sub(p.ARRSSum))
			}
			s.Add(y.Year.String(), fmt.Sprint(y.England.PCNs), render.GBP(y.England.Entitlements), ce, render.GBP(y.England.ARRSSum), ca)
		}
		ts = append(ts, s)
	}
	return ts
}

func csvRows(rep des.Rollups) ([]string, [][]string) {
	var rows [][]string
	for _, y := range rep.Years {
		for _, r := range y.PCNs {
			rows = append(rows, []string{y.Year.String(), "pcn", r.Row.Code, r.Row.Name, r.Row.ICB, "1", regPlain(r),
				render.Plain(r.Entitlements.Total), render.Plain(r.ARRSSum()), rep.Data})
		}
		for _, g := range y.ICBs {
			rows = append(rows, []string{y.Year.String(), "icb", "", g.Name, g.Name, fmt.Sprint(g.PCNs), g.Registered.String(),
				render.Plain(g.Entitlements), render.Plain(g.ARRSSum), rep.Data})
		}
		e := y.England
		rows = append(rows, []string{y.Year.String(), "england", "", e.Name, "", fmt.Sprint(e.PCNs), e.Registered.String(),
			render.Plain(e.Entitlements), render.Plain(e.ARRSSum), rep.Data})
	}
	return []string{"year", "level", "pcn_code", "name", "icb", "pcns", "registered", "entitlements", "arrs_sum", "data"}, rows
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
