package des

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Projection says how to derive a rule set for a year no one has published
// yet from the years that were. Percentages are a year (3.5 = 3.5%).
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
	return ProjectFrom([]*RuleSet{base}, y, p)
}

// ProjectFrom is Project from the latest of several published rule sets
// before y, the base. Where the base leaves a figure out for want of a
// source (a payment listed as a gap, a role with no maximum), the figure is
// carried from the latest earlier year that gives it, grown from that year,
// and its source says so. A payment the base marks as removed from the DES
// is not brought back.
func ProjectFrom(published []*RuleSet, y Year, p Projection) (*RuleSet, error) {
	for _, g := range []struct {
		name string
		pct  decimal.Decimal
	}{{"EntitlementGrowth", p.EntitlementGrowth}, {"ARRSGrowth", p.ARRSGrowth}, {"PayUplift", p.PayUplift}} {
		if g.pct.LessThanOrEqual(decimal.NewFromInt(-100)) || g.pct.GreaterThan(decimal.NewFromInt(1000)) {
			return nil, &FieldError{Field: g.name, Err: ErrInvalid,
				Msg: fmt.Sprintf("%s%% a year: want more than -100%% (a fall of 100%% or more leaves nothing, or less "+
					"than nothing) and at most 1000%%", g.pct)}
		}
	}
	var prior []*RuleSet // published before y, latest first
	for _, rs := range published {
		if rs != nil && rs.year < y {
			prior = append(prior, rs)
		}
	}
	if len(prior) == 0 {
		return nil, fmt.Errorf("%w: no published year before %s to project from", ErrInvalid, y)
	}
	slices.SortFunc(prior, func(a, b *RuleSet) int { return int(b.year - a.year) })
	base := prior[0]

	out := &RuleSet{year: y, title: fmt.Sprintf("PROJECTED %s (from %s)", y, base.title), file: base.file,
		projectedFrom: base.year}
	carried := map[string]Year{} // item → the year it is carried from, when not the base
	for _, pay := range base.payments {
		out.payments = append(out.payments, projectPayment(pay, base.year, y, p))
	}
	for _, g := range base.gaps {
		if g.Removed || hasPayment(base, g.Item) {
			continue
		}
		for _, rs := range prior[1:] {
			if pay, ok := rs.Payment(g.Item); ok {
				out.payments = append(out.payments, projectPayment(pay, rs.year, y, p))
				carried[g.Item] = rs.year
				break
			}
		}
	}
	a := base.arrs.clone()
	a.ClaimsFrom = y.Start()
	for i, r := range a.Roles {
		r.EligibleFrom = y.Start()
		from := base.year
		ms := r.MaximaInForce(Date{})
		if len(ms) == 0 {
			for _, rs := range prior[1:] {
				if old, ok := rs.arrs.Role(r.ID); ok && len(old.Maxima) > 0 {
					ms, from = old.MaximaInForce(Date{}), rs.year
					carried["arrs role "+r.ID] = rs.year
					break
				}
			}
		}
		if len(ms) > 0 {
			last := ms[len(ms)-1]
			f := GrowthFactor(p.PayUplift, int(y-from))
			grow := func(d decimal.Decimal) decimal.Decimal {
				if d.IsZero() {
					return d
				}
				return d.Mul(f).Round(2)
			}
			r.Maxima = []Maximum{{From: y.Start(), National: grow(last.National), OuterLondon: grow(last.OuterLondon),
				InnerLondon: grow(last.InnerLondon), ClaimCap: last.ClaimCap,
				Source: projected(from, y, r.ID+" maximum", p.PayUplift, last.Source)}}
		}
		n := int(y - base.year)
		for k := range r.Caps {
			r.Caps[k].From, r.Caps[k].To = shiftYears(r.Caps[k].From, n), shiftYears(r.Caps[k].To, n)
			if r.Caps[k].From.Before(y.Start()) {
				r.Caps[k].From = y.Start()
			}
		}
		a.Roles[i] = r
	}
	out.arrs = a
	for _, g := range base.gaps {
		what := fmt.Sprintf("(carried from %s, the base of this projection) %s", base.year, g.What)
		if from, ok := carried[g.Item]; ok {
			what = fmt.Sprintf("(in %s; this projection carries the %s figure forward instead) %s", base.year, from, g.What)
		}
		out.gaps = append(out.gaps, Gap{Item: g.Item, What: what, Removed: g.Removed})
	}
	for item, from := range carried {
		if len(item) > 10 && item[:10] == "arrs role " {
			out.gaps = append(out.gaps, Gap{Item: item[10:], What: fmt.Sprintf(
				"no %s maximum is published for %s; this projection grows the %s one", item[10:], base.year, from)})
		}
	}
	slices.SortStableFunc(out.gaps, func(a, b Gap) int {
		if a.Item < b.Item {
			return -1
		}
		if a.Item > b.Item {
			return 1
		}
		return 0
	})
	return out, nil
}

func hasPayment(rs *RuleSet, id string) bool {
	_, ok := rs.Payment(id)
	return ok
}

// projectPayment carries a payment of year from into year y, each part's
// rate in force at the end of from grown once a year.
func projectPayment(pay Payment, from, y Year, p Projection) Payment {
	q := pay.clone()
	pct := p.EntitlementGrowth
	if q.Kind == KindARRSSum {
		pct = p.ARRSGrowth
	}
	n := int(y - from)
	f := GrowthFactor(pct, n)
	for i, pt := range q.Parts {
		vals := pt.InForce(Date{})
		last := vals[len(vals)-1]
		pt.From, pt.To = shiftYears(pt.From, n), shiftYears(pt.To, n)
		pt.Values = []Value{{Rate: last.Rate.Mul(f).Round(6), From: pt.From,
			Source: projected(from, y, pay.ID+" rate", pct, last.Source)}}
		q.Parts[i] = pt
	}
	return q
}

// GrowthFactor is (1 + pct/100) to the power years: what a figure is
// multiplied by when it grows pct percent a year for that many years. It is
// the one growth formula of pcnfin (projections, list growth, pay uplift).
func GrowthFactor(pct decimal.Decimal, years int) decimal.Decimal {
	return decimal.NewFromInt(1).Add(pct.Div(decimal.NewFromInt(100))).Pow(decimal.NewFromInt(int64(years)))
}

// projected labels a projected figure: uncertain, or still derived or
// carried when the figure it grows was (so SourcedOnly refuses it).
func projected(from, y Year, what string, pct decimal.Decimal, src Source) Source {
	c := Uncertain
	if !src.Confidence.Sourced() && src.Confidence != "" {
		c = src.Confidence
	}
	return Source{
		Document: fmt.Sprintf("PROJECTION, not a published figure: %s %s carried to %s at %s%% a year (from: %s)",
			from, what, y, pct.String(), src.Document),
		URL:        src.URL,
		Confidence: c,
	}
}

// shiftYears moves a date n years on (29 February becomes 28 February).
func shiftYears(d Date, n int) Date {
	if d.IsZero() {
		return d
	}
	nd, err := NewDate(d.Year()+n, d.Month(), d.Day())
	if err != nil {
		nd = Date{int32(d.Year() + n), uint8(d.Month()), uint8(DaysIn(d.Year()+n, d.Month()))}
	}
	return nd
}

// Projected reports whether the rule set is a projection rather than a
// published one, and the published year it was projected from.
func (r *RuleSet) Projected() (Year, bool) {
	if r == nil {
		return 0, false
	}
	return r.projectedFrom, r.projectedFrom != 0
}
