package main

import (
	"encoding/json"
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
	n = append(n, "Entitlements: the year's payments to the PCN and its practices; "+
		"ARRS sum: the most the PCN may claim under ARRS (every pot), not a payment.")
	if len(y.Unpaid) > 0 {
		n = append(n, fmt.Sprintf("%s leaves out figures no source gives (not invented, so not in these amounts): %s.",
			y.Year, strings.Join(y.Unpaid, ", ")))
	}
	if rep.BadRows > 0 {
		n = append(n, fmt.Sprintf("%s skipped (listed on stderr); the totals leave them out.",
			plural(rep.BadRows, "bad row")))
	}
	if len(y.LeftOut) > 0 {
		n = append(n, fmt.Sprintf("%s left out of %s for want of a figure a payment needs (listed on stderr); "+
			"the totals leave them out.", plural(len(y.LeftOut), "PCN"), y.Year))
	}
	return n
}

func tag(rep des.Rollups) string {
	if rep.Synthetic {
		return " [" + sampleLabel + "]"
	}
	return ""
}

// pcnTable is a year's PCN table, with no rows yet.
func pcnTable(rep *des.Rollups, rs *des.RuleSet) *render.Table {
	return &render.Table{
		Title:  fmt.Sprintf("PCN entitlements and ARRS sums, %s (%s)%s", rs.Year(), rs.Title(), tag(*rep)),
		Header: []string{"line", "PCN code", "PCN", "ICB", "registered", "entitlements", "ARRS sum"},
		Right:  []bool{true, false, false, false, true, true, true},
	}
}

func pcnCells(l pcnLine) []string {
	r := des.RolledPCN{Row: *l.row}
	return []string{fmt.Sprint(l.row.Line), l.row.Code, l.row.Name, l.row.ICB, regString(r), render.GBP(l.ent),
		render.GBP(l.arrsSums)}
}

// totalsTables are a year's ICB and England totals and its payments.
func totalsTables(rep des.Rollups, y des.Rollup) []*render.Table {
	tag := tag(rep)
	it := &render.Table{
		Title:  fmt.Sprintf("Totals by ICB and for England, %s%s", y.Year, tag),
		Header: []string{"ICB", "PCNs", "registered", "entitlements", "ARRS sum"},
		Right:  []bool{false, true, true, true, true},
		Notes:  []string{"England is the sum of every PCN worked out from the file."},
	}
	for _, g := range append(y.ICBs, y.England) {
		it.Add(g.Name, fmt.Sprint(g.PCNs), des.Thousands(g.Registered.String()), render.GBP(g.Entitlements),
			render.GBP(g.ARRSSum))
	}
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
	return []*render.Table{it, pt}
}

// byYearTable is England year by year, or nil for one year.
func byYearTable(rep des.Rollups) *render.Table {
	if len(rep.Years) < 2 {
		return nil
	}
	s := &render.Table{
		Title:  "England by year" + tag(rep),
		Header: []string{"year", "PCNs", "entitlements", "change", "ARRS sum", "change"},
		Right:  []bool{false, true, true, true, true, true},
	}
	for i, y := range rep.Years {
		ce, ca := "", ""
		if i > 0 {
			p := rep.Years[i-1].England
			ce, ca = render.GBP(y.England.Entitlements.Sub(p.Entitlements)), render.GBP(y.England.ARRSSum.Sub(p.ARRSSum))
		}
		s.Add(y.Year.String(), fmt.Sprint(y.England.PCNs), render.GBP(y.England.Entitlements), ce,
			render.GBP(y.England.ARRSSum), ca)
	}
	return s
}

var csvHeader = []string{"year", "level", "pcn_code", "name", "icb", "pcns", "registered", "entitlements", "arrs_sum",
	"data"}

func pcnCSV(y des.Year, l pcnLine, data string) []string {
	r := des.RolledPCN{Row: *l.row}
	return []string{y.String(), "pcn", l.row.Code, l.row.Name, l.row.ICB, "1", regPlain(r),
		render.Plain(l.ent), render.Plain(l.arrsSums), data}
}

func totalsCSV(rep *des.Rollups, y *des.Rollup) [][]string {
	var rows [][]string
	for _, g := range y.ICBs {
		rows = append(rows, []string{y.Year.String(), "icb", "", g.Name, g.Name, fmt.Sprint(g.PCNs), g.Registered.String(),
			render.Plain(g.Entitlements), render.Plain(g.ARRSSum), rep.Data})
	}
	e := y.England
	return append(rows, []string{y.Year.String(), "england", "", e.Name, "", fmt.Sprint(e.PCNs), e.Registered.String(),
		render.Plain(e.Entitlements), render.Plain(e.ARRSSum), rep.Data})
}

// rollupsJSON is des.Rollups as its MarshalJSON writes it, with each PCN
// already written (des.RolledPCN's JSON), so the PCNs' entitlements are not
// held.
func rollupsJSON(rep *des.Rollups, pcns [][]json.RawMessage) any {
	type year struct {
		Year      des.Year           `json:"year"`
		RuleSet   string             `json:"rule_set"`
		PCNs      []json.RawMessage  `json:"pcns"`
		ICBs      []des.GroupTotal   `json:"icbs"`
		England   des.GroupTotal     `json:"england"`
		ByPayment []des.PaymentTotal `json:"by_payment"`
		LeftOut   []string           `json:"left_out,omitempty"`
		Gaps      []des.Gap          `json:"gaps,omitempty"`
	}
	out := struct {
		Data      string `json:"data"`
		Synthetic bool   `json:"synthetic"`
		BadRows   int    `json:"bad_rows_skipped,omitempty"`
		Years     []year `json:"years"`
	}{Data: rep.Data, Synthetic: rep.Synthetic, BadRows: rep.BadRows}
	for i, r := range rep.Years {
		out.Years = append(out.Years, year{r.Year, r.RuleSet, pcns[i], r.ICBs, r.England, r.ByPayment, r.LeftOut, r.Gaps})
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
