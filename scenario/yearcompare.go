package scenario

import (
	"fmt"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/money"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// What a Change is called (Change.Status).
const (
	StatusAdded     = "added"
	StatusRemoved   = "removed"
	StatusRates     = "rates changed"
	StatusSame      = "same rates"
	StatusMaximum   = "maximum changed"
	StatusUnchanged = "unchanged"
)

// MaybeMoney is an amount one year of a comparison may not have (a payment
// the other year lacks). Its JSON is the amount with two places, or "".
type MaybeMoney struct {
	Value decimal.Decimal
	OK    bool
}

// someMoney is a MaybeMoney that is there.
func someMoney(d decimal.Decimal) MaybeMoney { return MaybeMoney{d, true} }

// Pounds is "£1,234.56", or "—" when absent.
func (m MaybeMoney) Pounds() string {
	if !m.OK {
		return "—"
	}
	return money.Pounds(m.Value)
}

// Plain is "1234.56", or "" when absent.
func (m MaybeMoney) Plain() string {
	if !m.OK {
		return ""
	}
	return m.Value.StringFixed(2)
}

// MarshalText writes Plain.
func (m MaybeMoney) MarshalText() ([]byte, error) { return []byte(m.Plain()), nil }

// diffMoney is to − from, counting an absent amount as zero; absent if both are.
func diffMoney(from, to MaybeMoney) MaybeMoney {
	if !from.OK && !to.OK {
		return MaybeMoney{}
	}
	return someMoney(to.Value.Sub(from.Value))
}

// Change is one compared line of two years: a payment, an ARRS figure, a
// person's claim or an ARRS role.
type Change struct {
	ID     string     `json:"id"`
	Name   string     `json:"name,omitempty"`
	Status string     `json:"change,omitempty"`
	From   MaybeMoney `json:"from"`
	To     MaybeMoney `json:"to"`
	// Difference is To − From; for a role, only where both years give a maximum.
	Difference MaybeMoney `json:"difference"`
	// FromText and ToText describe rates, maxima or a person's reasons.
	FromText string `json:"from_detail,omitempty"`
	ToText   string `json:"to_detail,omitempty"`
	// Detail says what changed.
	Detail string `json:"note,omitempty"`
	// FromCodes and ToCodes are a person's reason codes ("no_maximum").
	FromCodes []string `json:"-"`
	ToCodes   []string `json:"-"`
}

// yearComparison is what changed for one PCN between two DES years: its
// payments (and ARRS sums), the entitlements total and the ARRS roles.
type yearComparison struct {
	From, To des.Year
	Payments []Change
	Total    Change
	Roles    []Change
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

// union lists the IDs of as, then those of bs not in as.
func union[T any](as, bs []T, id func(T) string) []string {
	var ids []string
	for _, x := range append(slices.Clone(as), bs...) {
		if !slices.Contains(ids, id(x)) {
			ids = append(ids, id(x))
		}
	}
	return ids
}

// lookup finds the element of xs with the given ID.
func lookup[T any](xs []T, id string, idOf func(T) string) (T, bool) {
	i := slices.IndexFunc(xs, func(x T) bool { return idOf(x) == id })
	if i < 0 {
		var zero T
		return zero, false
	}
	return xs[i], true
}

// compareYears compares a PCN's entitlements a and b (under rule sets rsA
// and rsB): payments in the order of the earlier year, then those new in the
// later, with their rates part by part; and the ARRS roles with their maxima.
func compareYears(a, b des.Entitlements, rsA, rsB *des.RuleSet) yearComparison {
	c := yearComparison{From: a.Year, To: b.Year}
	pay := func(e des.Entitlements) []des.Amount { return append(slices.Clone(e.Payments), e.ARRSSums...) }
	pa, pb := pay(a), pay(b)
	amountID := func(x des.Amount) string { return x.ID }
	for _, id := range union(pa, pb, amountID) {
		x, okA := lookup(pa, id, amountID)
		y, okB := lookup(pb, id, amountID)
		it := Change{ID: id}
		if okA {
			it.Name, it.From, it.FromText = x.Name, someMoney(x.Total.Decimal()), describeRates(x)
		}
		if okB {
			it.Name, it.To, it.ToText = y.Name, someMoney(y.Total.Decimal()), describeRates(y)
		}
		if x.Kind == des.KindARRSSum || y.Kind == des.KindARRSSum {
			it.Name += " [ARRS sum: a maximum to claim, not paid]"
		}
		switch {
		case okA && okB:
			it.Status, it.Detail = StatusSame, "unchanged: "+it.ToText
			if it.FromText != it.ToText {
				it.Status, it.Detail = StatusRates, partChanges(x, y)
			}
		case okB:
			it.Status, it.Detail = StatusAdded, it.ToText
			if g := gapNote(rsA.Gaps(), id); g != "" {
				it.Status = fmt.Sprintf("not in %s (see its gap note)", a.Year)
				it.Detail += fmt.Sprintf(" (%s gap note: %s)", a.Year, g)
			}
		default:
			it.Status, it.Detail = StatusRemoved, "was "+it.FromText
			if g := gapNote(rsB.Gaps(), id); g != "" {
				it.Status = fmt.Sprintf("not in %s (see its gap note)", b.Year)
				it.Detail += fmt.Sprintf(" (%s gap note: %s)", b.Year, g)
			}
		}
		it.Difference = diffMoney(it.From, it.To)
		c.Payments = append(c.Payments, it)
	}
	c.Total = Change{ID: "total", Name: "Entitlements total (ARRS sums excluded)",
		From: someMoney(a.Total.Decimal()), To: someMoney(b.Total.Decimal()), Difference: someMoney(b.Total.Decimal().Sub(a.Total.Decimal()))}
	c.Roles = compareRoles(rsA.ARRS().Roles, rsB.ARRS().Roles, b.Year)
	return c
}

// compareRoles compares the ARRS roles of two years (to is the later year).
func compareRoles(rolesA, rolesB []des.Role, to des.Year) []Change {
	var out []Change
	roleID := func(r des.Role) string { return r.ID }
	one := decimal.NewFromInt(1)
	for _, id := range union(rolesA, rolesB, roleID) {
		x, okA := lookup(rolesA, id, roleID)
		y, okB := lookup(rolesB, id, roleID)
		it := Change{ID: id}
		if okA {
			it.Name, it.FromText, it.From = x.Name, describeMaxima(x), maximumAtEnd(x)
		}
		if okB {
			it.Name, it.ToText, it.To = y.Name, describeMaxima(y), maximumAtEnd(y)
		}
		var notes []string
		switch {
		case okA && okB:
			switch {
			case it.FromText == it.ToText:
				it.Status = StatusUnchanged
			case it.From.OK && !it.To.OK:
				it.Status = fmt.Sprintf("no maximum in %s", to)
			case !it.From.OK && it.To.OK:
				it.Status = fmt.Sprintf("maximum given in %s", to)
			default:
				it.Status = StatusMaximum
			}
			if !x.Reimbursement.Equal(y.Reimbursement) || !x.SubsequentReimbursement.Equal(y.SubsequentReimbursement) {
				notes = append(notes, fmt.Sprintf("reimbursed %s → %s", shares(x), shares(y)))
				if it.Status == StatusUnchanged {
					it.Status = "reimbursement changed"
				}
			}
			if y.EligibleFrom != to.Start() {
				notes = append(notes, "eligible from "+y.EligibleFrom.String())
			}
		case okB:
			it.Status = StatusAdded
			if y.EligibleFrom != to.Start() {
				notes = append(notes, "eligible from "+y.EligibleFrom.String())
			}
			if !y.Reimbursement.Equal(one) || y.SubsequentReimbursement.IsPositive() {
				notes = append(notes, "reimbursed "+shares(y))
			}
		default:
			it.Status = StatusRemoved
		}
		if it.From.OK && it.To.OK {
			it.Difference = diffMoney(it.From, it.To)
		}
		it.Detail = strings.Join(notes, "; ")
		out = append(out, it)
	}
	return out
}

// describeRates describes a payment's rates part by part: "registered £1.50 a year".
func describeRates(a des.Amount) string {
	var ps []string
	for _, pa := range a.Parts {
		ps = append(ps, describePart(pa))
	}
	return strings.Join(ps, " + ")
}

func describePart(pa des.PartAmount) string {
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
		b.WriteString(money.FormatRate(r.Rate))
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
		return describeRates(a) + " → " + describeRates(b)
	}
	var out []string
	for i := range a.Parts {
		x, y := describePart(a.Parts[i]), describePart(b.Parts[i])
		if x == y {
			out = append(out, "unchanged: "+x)
			continue
		}
		out = append(out, x+" → "+y)
	}
	return strings.Join(out, "; ")
}

// describeMaxima describes a role's maxima in force in its year.
func describeMaxima(r des.Role) string {
	ms := r.MaximaInForce(des.Date{})
	if len(ms) == 0 {
		return "not given (no source)"
	}
	var out []string
	for i, m := range ms {
		s := money.Pounds(m.National)
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

// maximumAtEnd is the national maximum in force at the end of the role's year.
func maximumAtEnd(r des.Role) MaybeMoney {
	ms := r.MaximaInForce(des.Date{})
	if len(ms) == 0 {
		return MaybeMoney{}
	}
	return someMoney(ms[len(ms)-1].National)
}

func percent(d decimal.Decimal) string { return d.Shift(2).String() + "%" }

// shares names a role's reimbursement: "50%", or "50% (first at a band),
// 100% (further, with a written agreement)" for a role with a subsequent
// share.
func shares(r des.Role) string {
	if !r.SubsequentReimbursement.IsPositive() {
		return percent(r.Reimbursement)
	}
	return percent(r.Reimbursement) + " (first at a band), " + percent(r.SubsequentReimbursement) +
		" (further, with a written agreement)"
}
