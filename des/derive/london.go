package derive

// London maxima and re-based bands.
//
// London. From 2021/22 the ARRS maxima have inner and outer London figures
// (one London figure for GPs). Where no source gives a role's London figure
// at a date, it is, in order:
//
//  1. Band equality: the sourced London figure of another role on the same
//     band in force at the date, when the same pay awards and the same High
//     Cost Area Supplement (HCAS) row stand behind both.
//  2. The HCAS rule (Agenda for Change, NHS terms and conditions Annex 9):
//     back the salary S out of the maximum's national figure through the
//     on-cost rules of its year (S = (maximum + NI rate × threshold) ÷ (1 +
//     pension rate + NI rate)), add clamp(percent × S, minimum, maximum) of
//     the zone (inner 20%, outer 15%, each with a minimum and maximum a pay
//     year, rates/bands.toml [[hcas]]), re-cost the sum under the same rules
//     (HCAS is pensionable, so it carries pension and NI), and round
//     half-up to the pound. Between [[hcas]] rows the minimum and maximum
//     move with the pay awards (each rounded half-up to the pound).
//
// No HCAS row in force (before April 2021) means no London weighting: the
// zone has no figure of its own and the national one applies.
//
// Re-based bands. A band with [[basis]] rows (the salaried GP) is not
// moved by awards from a sourced maximum: its maximum is a stated salary
// (a point of the salaried GP range, re-stated each year) plus on-costs,
// its London figure the salary plus the London weighting plus on-costs,
// each rounded half-up to the pound. Between rows the salary moves with the
// pay group's awards (the backdated 4% of 2025/26).

import (
	"fmt"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/money"
	"strings"

	"github.com/shopspring/decimal"
)

// rowKnown is the date a row from from, announced ann, is known.
func rowKnown(from, ann des.Date) des.Date {
	if ann.IsZero() || ann.Before(from) {
		return from
	}
	return ann
}

// rowIn reports whether a row from from, announced ann, is in force at t as
// known on k.
func rowIn(from, ann, t, k des.Date) bool {
	return includes(PayAward{From: from, Announced: ann}, t, k)
}

// awardFactor is the product of the awards of pay group pay that a figure
// at t (as known on k) includes and one from `from` (known on known) does
// not, divided by those the other way round, with the steps' texts.
func (m *bandModel) awardFactor(pay string, from, known, t, k des.Date) (decimal.Decimal, []string) {
	f := decimal.NewFromInt(1)
	var steps []string
	for _, w := range m.steps {
		if w.award.Pay != pay {
			continue
		}
		in, want := includes(w.award, from, known), includes(w.award, t, k)
		switch {
		case want && !in:
			f = f.Mul(w.factor)
			steps = append(steps, w.add)
		case in && !want:
			f = f.DivRound(w.factor, 16)
			steps = append(steps, w.take)
		}
	}
	return f, steps
}

// hcasAt is the HCAS of zone z in force at t as known on k for pay group
// pay: the last row in force, its minimum and maximum moved by the awards
// since it, with a text saying where they come from. ok is false when no
// row is in force (no London weighting).
func (m *bandModel) hcasAt(pay string, z int, t, k des.Date) (hz HCASZone, idx int, text string, ok bool) {
	idx = -1
	for i, h := range m.bands.hcas {
		if h.Pay == pay && rowIn(h.From, h.Announced, t, k) {
			idx = i
		}
	}
	if idx < 0 {
		return HCASZone{}, -1, "", false
	}
	h := m.bands.hcas[idx]
	hz = h.Zone(z)
	f, steps := m.awardFactor(pay, h.From, rowKnown(h.From, h.Announced), t, k)
	text = fmt.Sprintf("the %s HCAS, %s", h.PayYear, h.Source.Confidence)
	if len(steps) > 0 {
		hz.Min, hz.Max = hz.Min.Mul(f).Round(0), hz.Max.Mul(f).Round(0)
		text = fmt.Sprintf("the %s HCAS (%s) %s to %s %s, each rounded half-up to the pound", h.PayYear,
			h.Source.Confidence, money.Pounds(h.Zone(z).Min), money.Pounds(h.Zone(z).Max), strings.Join(steps, ", "))
	}
	return hz, idx, text, true
}

// salaryOf backs the salary out of a maximum through on-cost rules c:
// M = S(1+p) + n(S-T) above the threshold, M = S(1+p) below it.
func salaryOf(max decimal.Decimal, c *onCosts) decimal.Decimal {
	one := decimal.NewFromInt(1)
	sal := max.Add(c.niRate.Mul(c.niThreshold)).DivRound(one.Add(c.pension).Add(c.niRate), 12)
	if sal.LessThanOrEqual(c.niThreshold) {
		sal = max.DivRound(one.Add(c.pension), 12)
	}
	return sal
}

// costed is salary s plus on-costs c, rounded half-up to the pound, with
// the sum written out so that it can be done by hand.
func costed(s decimal.Decimal, c *onCosts) (decimal.Decimal, string) {
	above := s.Sub(c.niThreshold)
	if above.IsNegative() {
		above = decimal.Zero
	}
	pen, ni := s.Mul(c.pension), above.Mul(c.niRate)
	total := s.Add(pen).Add(ni)
	amt := total.Round(0)
	return amt, fmt.Sprintf("%s + %s pension %s + %s NI on %s above %s %s = %s, rounded half-up to the pound = %s",
		money.Pounds(s.Round(2)), c.pensionPct, money.Pounds(pen.Round(2)), c.niPct, money.Pounds(above.Round(2)), c.threshold,
		money.Pounds(ni.Round(2)), money.Pounds(total.Round(2)), money.Pounds(amt))
}

// london is band b's figure for London zone z (1 outer, 2 inner) from t as
// known on k, where nat is the national figure it goes with: band equality
// with a sourced London figure, else the HCAS rule (see above).
func (m *bandModel) london(b Band, z int, t, k des.Date, prefer string, nat decimal.Decimal) derivedValue {
	hz, idx, htext, ok := m.hcasAt(b.Pay, z, t, k)
	if !ok || !nat.IsPositive() {
		return derivedValue{}
	}
	if !m.roles[bandRole{b.ID, prefer}] {
		prefer = ""
	}
	if a := m.inForce(b, z, t, prefer); a != nil && m.awardsBetween(b.Pay, a, t, k) == 0 {
		if _, ai, _, _ := m.hcasAt(b.Pay, z, a.from, a.known); ai == idx {
			return derivedValue{amt: a.amt[z], conf: des.Derived, sourced: true, url: a.src[z].URL,
				doc: fmt.Sprintf("derived by band equality: band %s's %s figure is %s's sourced %s (from %s; %s)",
					b.ID, zoneNames[z], a.role, money.Pounds(a.amt[z]), a.from, a.src[z].Document)}
		}
	}
	c := m.costsOn(costDate(t))
	if !c.ok {
		return derivedValue{}
	}
	h := m.bands.hcas[idx]
	sal := salaryOf(nat, c)
	sup := hz.Supplement(sal)
	pctOf := sal.Mul(hz.Percent).Shift(-2)
	held := "within"
	switch {
	case pctOf.LessThan(hz.Min):
		held = "below the minimum, so raised to it:"
	case pctOf.GreaterThan(hz.Max):
		held = "above the maximum, so held to it:"
	}
	amt, ctext := costed(sal.Add(sup), c)
	doc := fmt.Sprintf("derived by the High Cost Area Supplement (NHS terms and conditions, Annex 9; "+
		"rates/bands.toml): band %s's national %s is a salary of %s "+
		"((%s + %s × %s) ÷ (1 + %s + %s)); %s HCAS %s%% of it is %s, %s %s to %s (%s) = %s; "+
		"salary + HCAS = %s",
		b.ID, money.Pounds(nat), money.Pounds(sal.Round(2)), money.Pounds(nat), c.niPct, c.threshold, c.pensionPct, c.niPct,
		zoneNames[z], hz.Percent, money.Pounds(pctOf.Round(2)), held, money.Pounds(hz.Min), money.Pounds(hz.Max), htext,
		money.Pounds(sup.Round(2)), ctext)
	return derivedValue{amt: amt, conf: des.Derived, doc: doc, url: h.Source.URL}
}

// hasBasis reports whether band id is re-based on [[basis]] rows.
func (m *bandModel) hasBasis(id string) bool {
	for _, s := range m.bands.basis {
		if s.Band == id {
			return true
		}
	}
	return false
}

// rebased is a re-based band's figure for zone z from t as known on k.
func (m *bandModel) rebased(b Band, z int, t, k des.Date) derivedValue {
	idx := -1
	for i, s := range m.bands.basis {
		if s.Band == b.ID && rowIn(s.From, s.Announced, t, k) {
			idx = i
		}
	}
	if idx < 0 {
		return derivedValue{}
	}
	c := m.costsOn(costDate(t))
	if !c.ok {
		return derivedValue{}
	}
	row := m.bands.basis[idx]
	f, steps := m.awardFactor(b.Pay, row.From, rowKnown(row.From, row.Announced), t, k)
	sal := row.Salary.Mul(f)
	var doc strings.Builder
	fmt.Fprintf(&doc, "derived by re-basing: band %s's maximum is %s, %s (%s; %s)", b.ID, row.Point,
		money.Pounds(row.Salary), row.Source.Document, row.Source.Confidence)
	if len(steps) > 0 {
		sal = sal.Round(2)
		fmt.Fprintf(&doc, ", %s = %s (to the penny)", strings.Join(steps, ", "), money.Pounds(sal))
	}
	if z > 0 {
		sal = sal.Add(row.LondonWeighting)
		fmt.Fprintf(&doc, ", + London weighting %s (one London figure for both zones) = %s", money.Pounds(row.LondonWeighting),
			money.Pounds(sal))
	}
	amt, ctext := costed(sal, c)
	doc.WriteString(", plus on-costs: " + ctext)
	return derivedValue{amt: amt, conf: des.Derived, doc: doc.String(), url: row.Source.URL}
}
