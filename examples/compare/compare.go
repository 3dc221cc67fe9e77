package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/arrs/scenario"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/shopspring/decimal"
)

// What a change is called.
const (
	changeAdded     = "added"
	changeRemoved   = "removed"
	changeRates     = "rates changed"
	changeSame      = "same rates"
	changeMaximum   = "maximum changed"
	changeUnchanged = "unchanged"
	changeGapFrom   = "not in %s (see its gap note)"
	changeGapTo     = "not in %s (see its gap note)"
)

// money is an amount that may be absent (a payment one year does not have).
type money struct {
	d  decimal.Decimal
	ok bool
}

func some(d decimal.Decimal) money { return money{d, true} }

func (m money) gbp() string {
	if !m.ok {
		return "—"
	}
	return cli.GBP(m.d)
}

func (m money) plain() string {
	if !m.ok {
		return ""
	}
	return cli.Plain(m.d)
}

// diff is to − from, counting an absent amount as zero; absent if both are.
func diff(from, to money) money {
	if !from.ok && !to.ok {
		return money{}
	}
	return some(to.d.Sub(from.d))
}

// item is one compared line: a payment, an ARRS figure, a person or a role.
type item struct {
	ID, Name string
	Change   string
	From, To money
	// FromText and ToText describe rates or maxima; Detail says what changed.
	FromText, ToText string
	Detail           string
	// FromCodes and ToCodes are a person's reason codes ("no_maximum").
	FromCodes, ToCodes []string
}

type side struct {
	Year      des.Year
	RuleSet   string
	Projected bool
	From      des.Year // projected from
	Gaps      []des.Gap
}

type comparison struct {
	Scenario string
	Embedded bool
	From, To side
	Payments []item
	Total    item
	ARRS     []item
	Staff    []item
	Roles    []item
}

func sideOf(y scenario.YearResult) side {
	return side{Year: y.Year, RuleSet: y.RuleSet, Projected: y.Projected, From: y.ProjectedFrom, Gaps: y.Gaps}
}

func (s side) label() string {
	if s.Projected {
		return fmt.Sprintf("%s [PROJECTION from %s]", s.Year, s.From)
	}
	return s.Year.String()
}

// gapNote returns what a year's gap list says about an item ("" if nothing).
func gapNote(gaps []des.Gap, id string) string {
	var out []string
	for _, g := range gaps {
		if g.Item == id {
			out = append(out, g.What)
		}
	}
	return strings.Join(out, " ")
}

func compare(name string, a, b scenario.YearResult, rsA, rsB *des.RuleSet) comparison {
	c := comparison{Scenario: name, From: sideOf(a), To: sideOf(b)}

	// Payments, in the order of the earlier year, then those new in the later.
	pay := func(e des.Entitlements) []des.Amount { return append(slices.Clone(e.Payments), e.ARRSSums...) }
	pa, pb := pay(a.Entitlements), pay(b.Entitlements)
	var ids []string
	for _, p := range append(slices.Clone(pa), pb...) {
		if !slices.Contains(ids, p.ID) {
			ids = append(ids, p.ID)
		}
	}
	find := func(ps []des.Amount, id string) (des.Amount, bool) {
		i := slices.IndexFunc(ps, func(p des.Amount) bool { return p.ID == id })
		if i < 0 {
			return des.Amount{}, false
		}
		return ps[i], true
	}
	for _, id := range ids {
		x, okA := find(pa, id)
		y, okB := find(pb, id)
		it := item{ID: id}
		if okA {
			it.Name, it.From, it.FromText = x.Name, some(x.Amount), rates(x)
		}
		if okB {
			it.Name, it.To, it.ToText = y.Name, some(y.Amount), rates(y)
		}
		if x.Kind == des.KindARRSSum || y.Kind == des.KindARRSSum {
			it.Name += " [ARRS sum: a maximum to claim, not paid]"
		}
		switch {
		case okA && okB:
			it.Change, it.Detail = changeSame, "unchanged: "+it.ToText
			if it.FromText != it.ToText {
				it.Change, it.Detail = changeRates, partChanges(x, y)
			}
		case okB:
			it.Change, it.Detail = changeAdded, it.ToText
			if g := gapNote(c.From.Gaps, id); g != "" {
				it.Change = fmt.Sprintf(changeGapFrom, a.Year)
				it.Detail += fmt.Sprintf(" (%s gap note: %s)", a.Year, g)
			}
		default:
			it.Change, it.Detail = changeRemoved, "was "+it.FromText
			if g := gapNote(c.To.Gaps, id); g != "" {
				it.Change = fmt.Sprintf(changeGapTo, b.Year)
				it.Detail += fmt.Sprintf(" (%s gap note: %s)", b.Year, g)
			}
		}
		c.Payments = append(c.Payments, it)
	}
	c.Total = item{ID: "total", Name: "Entitlements total (ARRS sums excluded)", From: some(a.Entitlements.Total), To: some(b.Entitlements.Total)}

	// The ARRS position.
	ra, rb := a.ARRS, b.ARRS
	pots := func(r arrs.Result) []string {
		var out []string
		for _, p := range r.Pots {
			out = append(out, p.ID)
		}
		return out
	}
	var potIDs []string
	for _, id := range append(pots(ra), pots(rb)...) {
		if !slices.Contains(potIDs, id) {
			potIDs = append(potIDs, id)
		}
	}
	potOf := func(r arrs.Result, id string) (arrs.Pot, bool) {
		i := slices.IndexFunc(r.Pots, func(p arrs.Pot) bool { return p.ID == id })
		if i < 0 {
			return arrs.Pot{}, false
		}
		return r.Pots[i], true
	}
	if len(potIDs) > 1 {
		for _, id := range potIDs {
			x, okA := potOf(ra, id)
			y, okB := potOf(rb, id)
			for _, f := range []struct {
				what string
				get  func(arrs.Pot) decimal.Decimal
			}{{"sum", func(p arrs.Pot) decimal.Decimal { return p.Sum }}, {"claims", func(p arrs.Pot) decimal.Decimal { return p.Claims }}, {"headroom", func(p arrs.Pot) decimal.Decimal { return p.Headroom }}} {
				it := item{ID: id + "." + f.what, Name: fmt.Sprintf("%s pot %s", id, f.what)}
				if okA {
					it.From = some(f.get(x))
				}
				if okB {
					it.To = some(f.get(y))
				}
				c.ARRS = append(c.ARRS, it)
			}
		}
	}
	over := func(r arrs.Result) string {
		if r.RunsOut != "" {
			return "over-committed from " + r.RunsOut
		}
		return ""
	}
	c.ARRS = append(c.ARRS,
		item{ID: "sum", Name: "ARRS sum (every pot)", From: some(ra.Sum), To: some(rb.Sum)},
		item{ID: "claims", Name: "ARRS claims of the roster", From: some(ra.Claims), To: some(rb.Claims)},
		item{ID: "headroom", Name: "Headroom (sum − claims)", From: some(ra.Headroom), To: some(rb.Headroom), FromText: over(ra), ToText: over(rb)},
		item{ID: "cost", Name: "Employer cost of the roster", From: some(ra.Cost), To: some(rb.Cost)},
	)

	// Each person's claim.
	var names []string
	for _, s := range append(slices.Clone(ra.Staff), rb.Staff...) {
		if !slices.Contains(names, s.Name) {
			names = append(names, s.Name)
		}
	}
	staffOf := func(r arrs.Result, n string) (arrs.StaffResult, bool) {
		i := slices.IndexFunc(r.Staff, func(s arrs.StaffResult) bool { return s.Name == n })
		if i < 0 {
			return arrs.StaffResult{}, false
		}
		return r.Staff[i], true
	}
	for _, n := range names {
		x, okA := staffOf(ra, n)
		y, okB := staffOf(rb, n)
		it := item{ID: n}
		if okA {
			it.Name, it.From, it.FromText, it.FromCodes = x.Role, some(x.Claim), strings.Join(x.Reasons, "; "), reasonCodes(x.Reasons)
		}
		if okB {
			it.Name, it.To, it.ToText, it.ToCodes = y.Role, some(y.Claim), strings.Join(y.Reasons, "; "), reasonCodes(y.Reasons)
		}
		c.Staff = append(c.Staff, it)
	}

	// ARRS roles.
	rolesA, rolesB := rsA.ARRS().Roles, rsB.ARRS().Roles
	var roleIDs []string
	for _, r := range append(slices.Clone(rolesA), rolesB...) {
		if !slices.Contains(roleIDs, r.ID) {
			roleIDs = append(roleIDs, r.ID)
		}
	}
	roleOf := func(rs []des.Role, id string) (des.Role, bool) {
		i := slices.IndexFunc(rs, func(r des.Role) bool { return r.ID == id })
		if i < 0 {
			return des.Role{}, false
		}
		return rs[i], true
	}
	for _, id := range roleIDs {
		x, okA := roleOf(rolesA, id)
		y, okB := roleOf(rolesB, id)
		it := item{ID: id}
		if okA {
			it.Name, it.FromText, it.From = x.Name, maxima(x), lastMax(x)
		}
		if okB {
			it.Name, it.ToText, it.To = y.Name, maxima(y), lastMax(y)
		}
		var notes []string
		switch {
		case okA && okB:
			switch {
			case it.FromText == it.ToText:
				it.Change = changeUnchanged
			case it.From.ok && !it.To.ok:
				it.Change = fmt.Sprintf("no maximum in %s", b.Year)
			case !it.From.ok && it.To.ok:
				it.Change = fmt.Sprintf("maximum given in %s", b.Year)
			default:
				it.Change = changeMaximum
			}
			if !x.Reimbursement.Equal(y.Reimbursement) {
				notes = append(notes, fmt.Sprintf("reimbursed %s → %s", pct(x.Reimbursement), pct(y.Reimbursement)))
				if it.Change == changeUnchanged {
					it.Change = "reimbursement changed"
				}
			}
			if y.EligibleFrom != b.Year.Start() {
				notes = append(notes, "eligible from "+y.EligibleFrom.String())
			}
		case okB:
			it.Change = changeAdded
			if y.EligibleFrom != b.Year.Start() {
				notes = append(notes, "eligible from "+y.EligibleFrom.String())
			}
			if !y.Reimbursement.Equal(decimal.NewFromInt(1)) {
				notes = append(notes, "reimbursed "+pct(y.Reimbursement))
			}
		default:
			it.Change = changeRemoved
		}
		it.Detail = strings.Join(notes, "; ")
		c.Roles = append(c.Roles, it)
	}
	return c
}

// rates describes a payment's rates part by part: "registered £1.50 a year".
func rates(a des.Amount) string {
	var ps []string
	for _, pa := range a.Parts {
		ps = append(ps, partRates(pa))
	}
	return strings.Join(ps, " + ")
}

func partRates(pa des.PartAmount) string {
	var b strings.Builder
	if pa.Practice != "" {
		b.WriteString(pa.Practice + ": ")
	}
	switch {
	case pa.Label != "":
		b.WriteString(pa.Label + " ")
	case pa.Basis == des.Fixed:
		b.WriteString("fixed ")
	default:
		b.WriteString(pa.Basis.Noun() + " ")
	}
	for i, r := range pa.Rates {
		if i > 0 {
			b.WriteString(", then ")
		}
		b.WriteString(des.FormatRate(r.Rate))
		if i > 0 {
			b.WriteString(" from " + r.From.String())
		}
	}
	if pa.Stated == des.Period {
		fmt.Fprintf(&b, " for %s to %s", pa.Period[0], pa.Period[1])
	} else {
		b.WriteString(" a year")
		if y := des.YearOf(pa.Period[0]); pa.Period[0] != y.Start() || pa.Period[1] != y.End() {
			fmt.Fprintf(&b, " for %s to %s", pa.Period[0], pa.Period[1])
		}
	}
	if !pa.Factor.Equal(decimal.NewFromInt(1)) {
		b.WriteString(" × " + pa.Factor.String())
	}
	return b.String()
}

// partChanges says part by part how the rates moved: "registered £1.50 a
// year → £2.00 a year". Parts are matched by position when both years have
// the same bases, else the whole lists are shown.
func partChanges(a, b des.Amount) string {
	same := len(a.Parts) == len(b.Parts)
	for i := 0; same && i < len(a.Parts); i++ {
		same = a.Parts[i].Basis == b.Parts[i].Basis && a.Parts[i].Practice == b.Parts[i].Practice
	}
	if !same {
		return rates(a) + " → " + rates(b)
	}
	var out []string
	for i := range a.Parts {
		x, y := partRates(a.Parts[i]), partRates(b.Parts[i])
		if x == y {
			out = append(out, "unchanged: "+x)
			continue
		}
		out = append(out, x+" → "+y)
	}
	return strings.Join(out, "; ")
}

// maxima describes a role's maxima in force in its year.
func maxima(r des.Role) string {
	ms := r.MaximaInForce(des.Date{})
	if len(ms) == 0 {
		return "not given (no source)"
	}
	var out []string
	for i, m := range ms {
		s := des.Pounds(m.National)
		if m.ClaimCap {
			s += " (claim cap)"
		}
		if i > 0 || m.From != r.EligibleFrom {
			s += " from " + m.From.String()
		}
		out = append(out, s)
	}
	return strings.Join(out, ", then ")
}

// lastMax is the national maximum in force at the end of the year.
func lastMax(r des.Role) money {
	ms := r.MaximaInForce(des.Date{})
	if len(ms) == 0 {
		return money{}
	}
	return some(ms[len(ms)-1].National)
}

func pct(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

// tables renders the comparison for text and Markdown.
func (c comparison) tables() []*cli.Table {
	fy, ty := c.From.label(), c.To.label()
	tag := ""
	if c.Embedded {
		tag = " [embedded example scenario]"
	}
	var ts []*cli.Table
	pt := &cli.Table{
		Title:  fmt.Sprintf("%s: network entitlements, %s → %s%s", c.Scenario, fy, ty, tag),
		Header: []string{"payment", "change", fy, ty, "difference", "rates (old → new)"},
		Right:  []bool{false, false, true, true, true, false},
		Notes: []string{
			fmt.Sprintf("%s: %s", c.From.Year, c.From.RuleSet),
			fmt.Sprintf("%s: %s", c.To.Year, c.To.RuleSet),
		},
	}
	for _, it := range c.Payments {
		pt.Add(it.ID, it.Change, it.From.gbp(), it.To.gbp(), diff(it.From, it.To).gbp(), it.Detail)
	}
	pt.Add("total", "", c.Total.From.gbp(), c.Total.To.gbp(), diff(c.Total.From, c.Total.To).gbp(), "ARRS sums excluded")
	for _, s := range []side{c.From, c.To} {
		if len(s.Gaps) > 0 {
			var ids []string
			for _, g := range s.Gaps {
				ids = append(ids, g.Item)
			}
			pt.Notes = append(pt.Notes, fmt.Sprintf("%s leaves out figures no source gives (not invented): %s.", s.Year, strings.Join(ids, ", ")))
		}
		if s.Projected {
			pt.Notes = append(pt.Notes, fmt.Sprintf("%s is a PROJECTION from %s with the scenario's assumptions, not published figures.", s.Year, s.From))
		}
	}
	ts = append(ts, pt)

	at := &cli.Table{
		Title:  fmt.Sprintf("%s: ARRS, %s → %s", c.Scenario, fy, ty),
		Header: []string{"", fy, ty, "difference", "note"},
		Right:  []bool{false, true, true, true, false},
	}
	for _, it := range c.ARRS {
		note := ""
		if it.FromText != "" || it.ToText != "" {
			note = fmt.Sprintf("%s: %s; %s: %s", c.From.Year, orDash(it.FromText), c.To.Year, orDash(it.ToText))
		}
		at.Add(it.Name, it.From.gbp(), it.To.gbp(), diff(it.From, it.To).gbp(), note)
	}
	ts = append(ts, at)

	st := &cli.Table{
		Title:  fmt.Sprintf("%s: ARRS claims by person, %s → %s", c.Scenario, fy, ty),
		Header: []string{"staff", "role", fy, ty, "difference", "why less (reason codes; see the claims example)"},
		Right:  []bool{false, false, true, true, true, false},
	}
	for _, it := range c.Staff {
		why := ""
		if it.FromText != "" || it.ToText != "" {
			why = fmt.Sprintf("%s: %s; %s: %s", c.From.Year, orDash(strings.Join(it.FromCodes, ", ")), c.To.Year, orDash(strings.Join(it.ToCodes, ", ")))
		}
		st.Add(it.ID, it.Name, it.From.gbp(), it.To.gbp(), diff(it.From, it.To).gbp(), why)
	}
	ts = append(ts, st)

	rt := &cli.Table{
		Title:  fmt.Sprintf("ARRS roles, %s → %s: maximum reimbursable amount per WTE a year (national)", fy, ty),
		Header: []string{"role", "change", fy, ty, "difference", "note"},
		Right:  []bool{false, false, true, true, true, false},
		Notes:  []string{"The difference compares the maxima in force at the end of each year, where both are given."},
	}
	for _, it := range c.Roles {
		from, to := it.FromText, it.ToText
		if from == "" {
			from = "—"
		}
		if to == "" {
			to = "—"
		}
		d := ""
		if it.From.ok && it.To.ok {
			d = diff(it.From, it.To).gbp()
		}
		rt.Add(it.ID, it.Change, from, to, d, it.Detail)
	}
	ts = append(ts, rt)
	return ts
}

// reasonCodes keeps the codes of "code: explanation" reasons, for a table
// cell (CSV and JSON keep the whole text).
func reasonCodes(reasons []string) []string {
	var codes []string
	for _, r := range reasons {
		code, _, _ := strings.Cut(r, ":")
		if code = strings.TrimSpace(code); code != "" && !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	return codes
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (c comparison) writeCSV(w io.Writer) error {
	var rows [][]string
	add := func(section string, it item) {
		d := diff(it.From, it.To)
		if section == "role" && !(it.From.ok && it.To.ok) {
			d = money{}
		}
		rows = append(rows, []string{section, it.ID, it.Name, it.Change, it.From.plain(), it.To.plain(), d.plain(), it.FromText, it.ToText, it.Detail})
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
	return cli.WriteCSV(w, []string{"section", "id", "name", "change", c.From.Year.String(), c.To.Year.String(), "difference", c.From.Year.String() + " detail", c.To.Year.String() + " detail", "note"}, rows)
}

// The JSON output: amounts are decimal strings with two places, "" where a
// year has none.
type jsonComparison struct {
	Scenario string     `json:"scenario"`
	From     jsonSide   `json:"from"`
	To       jsonSide   `json:"to"`
	Payments []jsonItem `json:"payments"`
	Total    jsonItem   `json:"entitlements_total"`
	ARRS     []jsonItem `json:"arrs"`
	Staff    []jsonItem `json:"staff"`
	Roles    []jsonItem `json:"roles"`
}

type jsonSide struct {
	Year          string    `json:"year"`
	RuleSet       string    `json:"rule_set"`
	Projected     bool      `json:"projected,omitempty"`
	ProjectedFrom string    `json:"projected_from,omitempty"`
	Gaps          []des.Gap `json:"gaps,omitempty"`
}

type jsonItem struct {
	ID         string `json:"id"`
	Name       string `json:"name,omitempty"`
	Change     string `json:"change,omitempty"`
	From       string `json:"from"`
	To         string `json:"to"`
	Difference string `json:"difference"`
	FromDetail string `json:"from_detail,omitempty"`
	ToDetail   string `json:"to_detail,omitempty"`
	Note       string `json:"note,omitempty"`
}

func (c comparison) json() jsonComparison {
	s := func(x side) jsonSide {
		j := jsonSide{Year: x.Year.String(), RuleSet: x.RuleSet, Projected: x.Projected, Gaps: x.Gaps}
		if x.Projected {
			j.ProjectedFrom = x.From.String()
		}
		return j
	}
	conv := func(section string, it item) jsonItem {
		d := diff(it.From, it.To)
		if section == "role" && !(it.From.ok && it.To.ok) {
			d = money{}
		}
		return jsonItem{it.ID, it.Name, it.Change, it.From.plain(), it.To.plain(), d.plain(), it.FromText, it.ToText, it.Detail}
	}
	out := jsonComparison{Scenario: c.Scenario, From: s(c.From), To: s(c.To), Total: conv("payment", c.Total)}
	for _, it := range c.Payments {
		out.Payments = append(out.Payments, conv("payment", it))
	}
	for _, it := range c.ARRS {
		out.ARRS = append(out.ARRS, conv("arrs", it))
	}
	for _, it := range c.Staff {
		out.Staff = append(out.Staff, conv("staff", it))
	}
	for _, it := range c.Roles {
		out.Roles = append(out.Roles, conv("role", it))
	}
	return out
}
