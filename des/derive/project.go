package derive

import (
	"fmt"
	"github.com/pcnfin/pcnfin/des"
	"slices"
	"time"

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
func Project(base *des.RuleSet, y des.Year, p Projection) (*des.RuleSet, error) {
	if base == nil {
		return nil, fmt.Errorf("%w: no base rule set", des.ErrMissing)
	}
	return ProjectFrom([]*des.RuleSet{base}, y, p)
}

// ProjectFrom is Project from the latest of several published rule sets
// before y, the base. Where the base leaves a figure out for want of a
// source (a payment listed as a gap, a role with no maximum), the figure is
// carried from the latest earlier year that gives it, grown from that year,
// and its source says so. A payment the base marks as removed from the DES
// is not brought back.
func ProjectFrom(published []*des.RuleSet, y des.Year, p Projection) (*des.RuleSet, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	prior := publishedBefore(published, y)
	if len(prior) == 0 {
		return nil, fmt.Errorf("%w: no published year before %s to project from", des.ErrInvalid, y)
	}
	pj := projector{base: prior[0], prior: prior, y: y, p: p, carried: map[string]des.Year{}}
	base := pj.base
	out := &des.Contents{Year: y, Title: fmt.Sprintf("PROJECTED %s (from %s)", y, base.Title()), File: base.File(),
		ProjectedFrom: base.Year()}
	out.Payments = pj.payments()
	a := base.ARRS()
	a.ClaimsFrom = y.Start()
	for i, r := range a.Roles {
		a.Roles[i] = pj.role(r)
	}
	out.ARRS = a
	out.Gaps = pj.gaps()
	return des.NewRuleSet(*out), nil
}

// check refuses a growth of -100% or less, or more than 1000%, a year.
func (p Projection) check() error {
	for _, g := range []struct {
		name string
		pct  decimal.Decimal
	}{{"EntitlementGrowth", p.EntitlementGrowth}, {"ARRSGrowth", p.ARRSGrowth}, {"PayUplift", p.PayUplift}} {
		if g.pct.LessThanOrEqual(decimal.NewFromInt(-100)) || g.pct.GreaterThan(decimal.NewFromInt(1000)) {
			return &des.FieldError{Field: g.name, Err: des.ErrInvalid,
				Msg: fmt.Sprintf("%s%% a year: want more than -100%% (a fall of 100%% or more leaves nothing, or less "+
					"than nothing) and at most 1000%%", g.pct)}
		}
	}
	return nil
}

// publishedBefore is the rule sets published before y, latest first.
func publishedBefore(published []*des.RuleSet, y des.Year) []*des.RuleSet {
	var prior []*des.RuleSet
	for _, rs := range published {
		if rs != nil && rs.Year() < y {
			prior = append(prior, rs)
		}
	}
	slices.SortFunc(prior, func(a, b *des.RuleSet) int { return int(b.Year() - a.Year()) })
	return prior
}

// projector projects the base (prior[0]) to year y; carried records each
// figure taken from an earlier year than the base, and that year.
type projector struct {
	base    *des.RuleSet
	prior   []*des.RuleSet // published before y, latest first
	y       des.Year
	p       Projection
	carried map[string]des.Year // item → the year it is carried from, when not the base
}

// payments projects the base's payments, then each payment the base lists
// as a gap (not removed) from the latest earlier year that gives it.
func (pj *projector) payments() []des.Payment {
	var out []des.Payment
	for _, pay := range pj.base.Payments() {
		out = append(out, projectPayment(pay, pj.base.Year(), pj.y, pj.p))
	}
	for _, g := range pj.base.Gaps() {
		if g.Removed || hasPayment(pj.base, g.Item) {
			continue
		}
		for _, rs := range pj.prior[1:] {
			if pay, ok := rs.Payment(g.Item); ok {
				out = append(out, projectPayment(pay, rs.Year(), pj.y, pj.p))
				pj.carried[g.Item] = rs.Year()
				break
			}
		}
	}
	return out
}

// role projects an ARRS role: eligible from the start of y, its last
// maximum (the base's, or the latest earlier year's) grown by the pay
// uplift, and its caps moved on to y.
func (pj *projector) role(r des.Role) des.Role {
	y := pj.y
	r.EligibleFrom = y.Start()
	from := pj.base.Year()
	ms := r.MaximaInForce(des.Date{})
	if len(ms) == 0 {
		for _, rs := range pj.prior[1:] {
			if old, ok := rs.ARRS().Role(r.ID); ok && len(old.Maxima) > 0 {
				ms, from = old.MaximaInForce(des.Date{}), rs.Year()
				pj.carried["arrs role "+r.ID] = rs.Year()
				break
			}
		}
	}
	if len(ms) > 0 {
		last := ms[len(ms)-1]
		f := GrowthFactor(pj.p.PayUplift, int(y-from))
		grow := func(d decimal.Decimal) decimal.Decimal {
			if d.IsZero() {
				return d
			}
			return d.Mul(f).Round(2)
		}
		r.Maxima = []des.Maximum{{From: y.Start(), National: grow(last.National), OuterLondon: grow(last.OuterLondon),
			InnerLondon: grow(last.InnerLondon), ClaimCap: last.ClaimCap,
			Source: projected(from, y, r.ID+" maximum", pj.p.PayUplift, last.Source)}}
	}
	n := int(y - pj.base.Year())
	for k := range r.Caps {
		r.Caps[k].From, r.Caps[k].To = shiftYears(r.Caps[k].From, n), shiftYears(r.Caps[k].To, n)
		if r.Caps[k].From.Before(y.Start()) {
			r.Caps[k].From = y.Start()
		}
	}
	return r
}

// gaps are the base's gaps, each saying it is carried from the base (or
// which year's figure the projection carries instead), and a gap for each
// role maximum carried from an earlier year, in item order.
func (pj *projector) gaps() []des.Gap {
	var out []des.Gap
	base := pj.base
	for _, g := range base.Gaps() {
		what := fmt.Sprintf("(carried from %s, the base of this projection) %s", base.Year(), g.What)
		if from, ok := pj.carried[g.Item]; ok {
			what = fmt.Sprintf("(in %s; this projection carries the %s figure forward instead) %s", base.Year(), from, g.What)
		}
		out = append(out, des.Gap{Item: g.Item, What: what, Removed: g.Removed})
	}
	for item, from := range pj.carried {
		if len(item) > 10 && item[:10] == "arrs role " {
			out = append(out, des.Gap{Item: item[10:], What: fmt.Sprintf(
				"no %s maximum is published for %s; this projection grows the %s one", item[10:], base.Year(), from)})
		}
	}
	slices.SortStableFunc(out, func(a, b des.Gap) int {
		if a.Item < b.Item {
			return -1
		}
		if a.Item > b.Item {
			return 1
		}
		return 0
	})
	return out
}

func hasPayment(rs *des.RuleSet, id string) bool {
	_, ok := rs.Payment(id)
	return ok
}

// projectPayment carries a payment of year from into year y, each part's
// rate in force at the end of from grown once a year.
func projectPayment(pay des.Payment, from, y des.Year, p Projection) des.Payment {
	q := clonePayment(pay)
	pct := p.EntitlementGrowth
	if q.Kind == des.KindARRSSum {
		pct = p.ARRSGrowth
	}
	n := int(y - from)
	f := GrowthFactor(pct, n)
	for i, pt := range q.Parts {
		vals := pt.InForce(des.Date{})
		last := vals[len(vals)-1]
		pt.From, pt.To = shiftYears(pt.From, n), shiftYears(pt.To, n)
		pt.Values = []des.Value{{Rate: last.Rate.Mul(f).Round(6), From: pt.From,
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
func projected(from, y des.Year, what string, pct decimal.Decimal, src des.Source) des.Source {
	c := des.Uncertain
	if !src.Confidence.Sourced() && src.Confidence != "" {
		c = src.Confidence
	}
	return des.Source{
		Document: fmt.Sprintf("PROJECTION, not a published figure: %s %s carried to %s at %s%% a year (from: %s)",
			from, what, y, pct.String(), src.Document),
		URL:        src.URL,
		Confidence: c,
	}
}

// shiftYears moves a date n years on (29 February becomes 28 February).
func shiftYears(d des.Date, n int) des.Date {
	if d.IsZero() {
		return d
	}
	nd, err := des.NewDate(d.Year()+n, d.Month(), d.Day())
	if err != nil { // 29 February in a year without one: the month's last day
		if nd, err = des.NewDate(d.Year()+n, d.Month(), time.Date(d.Year()+n, d.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()); err != nil {
			return d // a year outside the dates' range: nothing to shift to
		}
	}
	return nd
}
