package des

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Projection says how to derive a rule set for a year no one has published
// yet from the last one that was. Percentages are a year (3.5 = 3.5%).
type Projection struct {
	// EntitlementGrowth raises the rates of payments.
	EntitlementGrowth decimal.Decimal
	// ARRSGrowth raises the ARRS sums.
	ARRSGrowth decimal.Decimal
	// PayUplift raises the ARRS role maxima.
	PayUplift decimal.Decimal
}

// Project derives the rule set for year y from a published one: every
// payment and role carries forward with the figures in force at the end of
// the base year, grown by the projection's percentages once for each year
// after the base. Every projected figure is marked: its source says it is
// a projection and from what, its confidence is uncertain, and the rule
// set's Projected reports true. A zero Projection carries the last figures
// forward unchanged.
func Project(base *RuleSet, y Year, p Projection) (*RuleSet, error) {
	if base == nil {
		return nil, fmt.Errorf("%w: no base rule set", ErrMissing)
	}
	n := int(y - base.year)
	if n <= 0 {
		return nil, fmt.Errorf("%w: can only project forward from %s, not to %s", ErrInvalid, base.year, y)
	}
	shift := func(d Date) Date {
		if d.IsZero() {
			return d
		}
		nd, err := NewDate(d.Year()+n, d.Month(), d.Day())
		if err != nil { // 29 February
			nd = Date{int32(d.Year() + n), uint8(d.Month()), uint8(DaysIn(d.Year()+n, d.Month()))}
		}
		return nd
	}
	factor := func(pct decimal.Decimal) decimal.Decimal {
		return decimal.NewFromInt(1).Add(pct.Div(decimal.NewFromInt(100))).Pow(decimal.NewFromInt(int64(n)))
	}
	note := func(what string, pct decimal.Decimal, src Source) Source {
		return Source{
			Document:   fmt.Sprintf("PROJECTION, not a published figure: %s %s carried to %s at %s%% a year (from: %s)", base.year, what, y, pct.String(), src.Document),
			URL:        src.URL,
			Confidence: Uncertain,
		}
	}
	out := &RuleSet{year: y, title: fmt.Sprintf("PROJECTED %s (from %s)", y, base.title), file: base.file, projectedFrom: base.year}
	for _, g := range base.gaps {
		out.gaps = append(out.gaps, Gap{Item: g.Item, What: fmt.Sprintf("(carried from %s, the base of this projection) %s", base.year, g.What)})
	}
	for _, pay := range base.payments {
		q := pay.clone()
		pct := p.EntitlementGrowth
		if q.Kind == KindARRSSum {
			pct = p.ARRSGrowth
		}
		f := factor(pct)
		for i, pt := range q.Parts {
			vals := pt.InForce(Date{})
			last := vals[len(vals)-1]
			pt.From, pt.To = shift(pt.From), shift(pt.To)
			v := Value{Rate: last.Rate.Mul(f).Round(6), From: pt.From, Source: note(pay.ID+" rate", pct, last.Source)}
			pt.Values = []Value{v}
			q.Parts[i] = pt
		}
		out.payments = append(out.payments, q)
	}
	a := base.arrs.clone()
	a.ClaimsFrom = y.Start()
	f := factor(p.PayUplift)
	for i, r := range a.Roles {
		r.EligibleFrom = y.Start()
		if ms := r.MaximaInForce(Date{}); len(ms) > 0 {
			last := ms[len(ms)-1]
			grow := func(d decimal.Decimal) decimal.Decimal {
				if d.IsZero() {
					return d
				}
				return d.Mul(f).Round(2)
			}
			r.Maxima = []Maximum{{From: y.Start(), National: grow(last.National), OuterLondon: grow(last.OuterLondon), InnerLondon: grow(last.InnerLondon), ClaimCap: last.ClaimCap,
				Source: note(r.ID+" maximum", p.PayUplift, last.Source)}}
		}
		for k := range r.Caps {
			r.Caps[k].From, r.Caps[k].To = shift(r.Caps[k].From), shift(r.Caps[k].To)
			if r.Caps[k].From.Before(y.Start()) {
				r.Caps[k].From = y.Start()
			}
		}
		a.Roles[i] = r
	}
	out.arrs = a
	return out, nil
}

// Projected reports whether the rule set is a projection rather than a
// published one, and the published year it was projected from.
func (r *RuleSet) Projected() (Year, bool) { return r.projectedFrom, r.projectedFrom != 0 }
