package derive

// Completing rule sets: every claimable role gets a maximum in every month it
// is claimable, and a payment the current year's sources do not give is
// carried, visibly, from the year before.
//
// The rules, in the order they are tried for a role's maximum at a date t
// (one zone at a time: national, outer London, inner London):
//
//  1. Sourced. A figure the role's own rule set gives, in force at t, always
//     wins. It stays in force until the role's next figure or until a pay
//     award moves the maxima, whichever comes first.
//  2. The pay-award model (within the pay group's model span). NHS England
//     sets one maximum per band: the band's weighted average salary plus
//     employer on-costs. Take the sourced figure of a role on the same band
//     nearest to t (one in force at t first, the role's own first), back out
//     its salary through the on-cost rules of its date
//     (salary = (maximum + NI rate × threshold) ÷ (1 + pension rate + NI
//     rate)), apply the pay awards between the two dates, re-cost the salary
//     under the on-cost rules of t, and round half-up to the whole pound.
//     With no award between and the same on-costs this is band equality:
//     the figure of another role on the band.
//  3. Moved with a neighbour (before the model span, where awards did not
//     move all bands alike). The band's figure at the previous date it had
//     one, moved by the change over the same dates of the nearest band (by
//     pay) that has sourced figures at both; failing that, figures of any
//     kind at both. Weaker than the model, and said so.
//  4. Carried (after the model span): the last figure, unchanged.
//
// Every figure from rules 2 to 4 is labelled derived (or carried) with the
// rule, the anchor and each step in its Source.Document. A pay award
// announced after the date it took effect (the 2025/26 uplift, announced in
// August 2025 and backdated to April) gives revisions announced on that
// date, so a calculation as known before it still uses the published
// figures.
//
// A payment or part a rule set marks `carry` (no source found for the year)
// is carried from the year before with the values in force at its end,
// labelled carried.

import (
	"fmt"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/money"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// OnCostRates gives the employer on-cost rates in force on a date: the
// pension rate, the employer NI rate (fractions) and the NI annual secondary
// threshold in £. The band model works through it.
type OnCostRates func(on des.Date) (pension, niRate, niThreshold decimal.Decimal, err error)

// Complete returns copies of the rule sets, oldest first, with the maxima no
// source gives derived by the band model and the payments marked `carry`
// carried from the year before (see the rules above). Every role's band must
// be one of bands' (a role with no band keeps only the figures its rule set
// states). The rule sets given are not changed.
func Complete(sets []*des.RuleSet, bands *BandRules, rates OnCostRates) ([]*des.RuleSet, error) {
	if bands == nil || rates == nil {
		return nil, fmt.Errorf("%w: Complete needs band rules and on-cost rates", des.ErrMissing)
	}
	var out []*des.Contents
	for _, rs := range sets {
		if rs == nil {
			return nil, fmt.Errorf("%w: a nil rule set", des.ErrMissing)
		}
		out = append(out, fillable(rs))
	}
	slices.SortFunc(out, func(a, b *des.Contents) int { return int(a.Year - b.Year) })
	var errs des.Errors
	for i, rs := range out {
		var prev *des.Contents
		if i > 0 && out[i-1].Year == rs.Year-1 {
			prev = out[i-1]
		}
		errs = append(errs, carryPayments(rs, prev)...)
	}
	m := newBandModel(evidenceOfAll(out), bands, rates)
	for _, rs := range out {
		errs = append(errs, m.completeRoles(rs)...)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	done := make([]*des.RuleSet, len(out))
	for i, c := range out {
		done[i] = des.NewRuleSet(*c)
	}
	return done, nil
}

// completeRoles fills the maxima of rs's roles (a copy of the caller's
// own) by the band model.
func (m *bandModel) completeRoles(rs *des.Contents) []error {
	var errs []error
	bands := m.bands
	for i := range rs.ARRS.Roles {
		r := &rs.ARRS.Roles[i]
		if r.Band == "" {
			continue // no band: only the figures the rule set states
		}
		if _, ok := bands.Band(r.Band); !ok {
			errs = append(errs, &des.FieldError{File: rs.File, Field: "arrs.role." + r.ID + ".band",
				Msg: fmt.Sprintf("band %q is not one of the bands in the band rules", r.Band), Err: des.ErrInvalid})
			continue
		}
		band, _ := bands.Band(r.Band)
		ms, err := m.roleMaxima(rs, r, band)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, b := range band.Of {
			member, _ := bands.Band(b)
			bms, err := m.roleMaxima(rs, r, member)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if r.BandMaxima == nil {
				r.BandMaxima = map[string][]des.Maximum{}
			}
			r.BandMaxima[b] = bms
		}
		r.Maxima = ms
	}
	return errs
}

// carryPayments fills the payments and parts a rule set marks carry from
// the year before.
func carryPayments(rs, prev *des.Contents) []error {
	var errs []error
	miss := func(what string) {
		errs = append(errs, &des.FieldError{File: rs.File, Field: what, Err: des.ErrMissing,
			Msg: fmt.Sprintf("marked carry, but there is no rule set for %s to carry it from", rs.Year-1)})
	}
	for i := range rs.Payments {
		p := &rs.Payments[i]
		for j := range p.Parts {
			pt := &p.Parts[j]
			if !pt.Carry {
				continue
			}
			if prev == nil {
				miss("payment." + p.ID)
				continue
			}
			old, ok := payment(prev, p.ID)
			var src *des.Part
			for k := range old.Parts {
				if ok && old.Parts[k].Basis == pt.Basis && old.Parts[k].Label == pt.Label {
					src = &old.Parts[k]
				}
			}
			if src == nil {
				errs = append(errs, &des.FieldError{File: rs.File, Field: "payment." + p.ID, Err: des.ErrMissing,
					Msg: fmt.Sprintf("marked carry, but %s has no %s part %q to carry", prev.Year, pt.Basis, pt.Label)})
				continue
			}
			pt.Values = carriedValues(*src, prev.Year, rs.Year, pt.From)
		}
	}
	for _, g := range rs.Gaps {
		if !g.Carry {
			continue
		}
		if prev == nil {
			miss("gap." + g.Item)
			continue
		}
		old, ok := payment(prev, g.Item)
		if !ok {
			errs = append(errs, &des.FieldError{File: rs.File, Field: "gap." + g.Item, Err: des.ErrMissing,
				Msg: fmt.Sprintf("marked carry, but %s has no payment %q to carry", prev.Year, g.Item)})
			continue
		}
		if _, dup := payment(rs, g.Item); dup {
			continue
		}
		for k := range old.Parts {
			pt := &old.Parts[k]
			if pt.Stated == des.Period {
				errs = append(errs, &des.FieldError{File: rs.File, Field: "gap." + g.Item, Err: des.ErrInvalid,
					Msg: "cannot carry an amount stated for part of a year"})
				continue
			}
			pt.Values = carriedValues(*pt, prev.Year, rs.Year, rs.Year.Start())
			pt.From, pt.To = rs.Year.Start(), rs.Year.End()
		}
		rs.Payments = append(rs.Payments, old)
	}
	return errs
}

// carriedValues is the value of a part in force at the end of year from,
// restated from a date of year to, labelled carried.
func carriedValues(pt des.Part, from, to des.Year, start des.Date) []des.Value {
	vs := pt.InForce(des.Date{})
	if len(vs) == 0 {
		return nil
	}
	last := vs[len(vs)-1]
	src := last.Source
	src.Document = fmt.Sprintf("carried from %s: no %s source found (%s: %s)", from, to, from, last.Source.Document)
	src.Confidence = des.Carried
	return []des.Value{{Rate: last.Rate, From: start, Source: src}}
}

// zones of a maximum: national, outer London, inner London.
const nZones = 3

var zoneNames = [nZones]string{"national", "outer London", "inner London"}

// anchor is a sourced maximum of a role, the evidence for its band.
type anchor struct {
	band  string
	role  string
	year  des.Year
	from  des.Date
	until des.Date // last day the figure is the role's latest
	known des.Date // announced, or from when not stated
	amt   [nZones]decimal.Decimal
	src   [nZones]des.Source
}

type bandModel struct {
	bands    *BandRules
	rates    OnCostRates
	anchors  []*anchor
	dates    []des.Date // every date a band's figure may change, sorted
	memo     map[memoKey]derivedValue
	costs    map[des.Date]*onCosts
	steps    []awardStep // bands.awards, as the model applies them
	models   map[modelKey]modelMemo
	salaries map[salaryKey]anchorSalary
	roles    map[bandRole]bool  // the roles with an anchor, by band
	exclude  func(*anchor) bool // leave-one-out
}

// bandRole is a role with an anchor on a band.
type bandRole struct{ band, role string }

type memoKey struct {
	band   string
	prefer string
	zone   int
	t, k   des.Date
	noMove bool
}

// derivedValue is a figure the model gives, with how.
type derivedValue struct {
	amt     decimal.Decimal
	conf    des.Confidence
	doc     string
	url     string
	sourced bool // band equality with a sourced figure in force (for the fallback's reference)
}

// newBandModel is the band model over the evidence of a catalogue's rule
// sets (its anchors in the order given: the order breaks ties).
func newBandModel(evs []Evidence, bands *BandRules, rates OnCostRates) *bandModel {
	m := &bandModel{bands: bands, rates: rates, memo: map[memoKey]derivedValue{}, costs: map[des.Date]*onCosts{},
		models: map[modelKey]modelMemo{}, salaries: map[salaryKey]anchorSalary{}, roles: map[bandRole]bool{}}
	one := decimal.NewFromInt(1)
	for _, w := range bands.awards {
		m.steps = append(m.steps, awardStep{award: w, factor: one.Add(w.Percent.Shift(-2)),
			add:  fmt.Sprintf("+%s%% (award from %s)", w.Percent, w.From),
			take: fmt.Sprintf("less the %s%% award from %s", w.Percent, w.From)})
	}
	seen := map[des.Date]bool{}
	addDate := func(d des.Date) {
		if !seen[d] {
			seen[d] = true
			m.dates = append(m.dates, d)
		}
	}
	for _, e := range evs {
		for _, d := range e.dates {
			addDate(d)
		}
		for i := range e.anchors {
			a := &e.anchors[i]
			m.anchors = append(m.anchors, a)
			m.roles[bandRole{a.band, a.role}] = true
		}
	}
	for _, w := range bands.awards {
		addDate(w.From)
	}
	for _, h := range bands.hcas {
		addDate(h.From)
	}
	for _, s := range bands.basis {
		addDate(s.From)
	}
	slices.SortFunc(m.dates, func(a, b des.Date) int { return a.Compare(b) })
	return m
}

// costDate is the date whose on-cost rules cost a maximum in force from d:
// the last day of its DES year. NHS England costs a year's maxima at the
// year's standing employer rates: a maximum from 1 April is costed at the
// tax year that starts on 6 April, and the October 2022 figures at 13.8%,
// the rate once the Health and Social Care Levy months (6 April to 5
// November 2022) were reversed (the model reproduces the sourced October
// 2022 figures only so).
func costDate(d des.Date) des.Date { return des.YearOf(d).End() }

// includes reports whether a figure in force from d, as known on k,
// includes award w.
func includes(w PayAward, d, k des.Date) bool {
	if !w.Backdated() {
		return !w.From.After(d)
	}
	known := w.Announced
	if known.IsZero() || known.Before(w.From) {
		known = w.From
	}
	return !w.From.After(d) && !known.After(k)
}

// awardMoves reports whether a pay award of group pay moves the maxima
// after from and on or before t (as known on k).
func (m *bandModel) awardMoves(pay string, from, t, k des.Date) bool {
	for _, w := range m.bands.awards {
		if w.Pay == pay && w.From.After(from) && !w.From.After(t) && includes(w, t, k) {
			return true
		}
	}
	return false
}

// topBand is the band whose figures a band stands for: itself, or the
// highest of a range.
func (m *bandModel) topBand(b Band) Band {
	if len(b.Of) == 0 {
		return b
	}
	top, _ := m.bands.Band(b.Of[len(b.Of)-1])
	return top
}

// roleMaxima builds the role's maxima: its own sourced figures where they
// are in force, derived ones elsewhere, and the revisions of backdated
// awards.
func (m *bandModel) roleMaxima(rs *des.Contents, r *des.Role, band Band) ([]des.Maximum, error) {
	pay := band.Pay
	own := r.MaximaInForce(des.Date{})
	var points []des.Date
	for _, d := range m.dates {
		if !d.Before(r.EligibleFrom) && !d.After(rs.Year.End()) {
			points = append(points, d)
		}
	}
	if !slices.Contains(points, r.EligibleFrom) {
		points = append([]des.Date{r.EligibleFrom}, points...)
	}
	var out []des.Maximum
	for _, t := range points {
		mx, ok := m.entry(rs, r, band, own, t, t, des.Date{})
		if !ok {
			continue
		}
		if n := len(out); n > 0 && sameMaximum(out[n-1], mx) {
			continue
		}
		out = append(out, mx)
	}
	// Backdated awards: a revision of every figure in force on or after the
	// award's date, announced when the award was.
	var revised []des.Maximum
	for _, mx := range out {
		revised = append(revised, mx)
		for _, w := range m.bands.awards {
			if w.Pay != pay || !w.Backdated() || w.From.After(mx.From) || !w.Announced.After(mx.From) {
				continue
			}
			if !mx.Announced.IsZero() && !mx.Announced.Before(w.Announced) {
				continue
			}
			rv, ok := m.entry(rs, r, band, own, mx.From, w.Announced, w.Announced)
			if ok && !sameAmounts(rv, mx) {
				revised = append(revised, rv)
			}
		}
	}
	// Own figures superseded by a sourced revision are kept before it, for
	// calculations as known at an earlier date.
	for _, o := range r.Maxima {
		if !slices.ContainsFunc(own, func(x des.Maximum) bool { return x.From == o.From && x.Announced == o.Announced }) {
			i := slices.IndexFunc(revised, func(x des.Maximum) bool { return x.From == o.From })
			if i >= 0 {
				revised = slices.Insert(revised, i, o)
			}
		}
	}
	return revised, nil
}

func sameAmounts(a, b des.Maximum) bool {
	return a.National.Equal(b.National) && a.OuterLondon.Equal(b.OuterLondon) && a.InnerLondon.Equal(b.InnerLondon)
}

func sameMaximum(a, b des.Maximum) bool {
	return sameAmounts(a, b) && a.ClaimCap == b.ClaimCap && a.Source == b.Source && a.SourceFor(1) == b.SourceFor(1) &&
		a.SourceFor(2) == b.SourceFor(2)
}

// entry is the role's maximum from t as known on k, zone by zone.
func (m *bandModel) entry(rs *des.Contents, r *des.Role, band Band, own []des.Maximum, t, k, announced des.Date) (des.Maximum, bool) {
	mx := des.Maximum{From: t, Announced: announced}
	var o *des.Maximum
	for i := range own {
		if !own[i].From.After(t) {
			o = &own[i]
		}
	}
	if o != nil && (m.awardMoves(band.Pay, o.From, t, k) ||
		(!o.Announced.IsZero() && k.After(t) && o.Announced.Before(k) && m.backdatedBetween(band.Pay, o, k))) {
		o = nil // a pay award has moved the maxima since the role's own figure
	}
	any := false
	for z := 0; z < nZones; z++ {
		if o != nil {
			if v := o.Zone(z); v.IsPositive() || (z == 0 && o.ClaimCap) {
				mx.SetZone(z, v, o.SourceFor(z))
				if z == 0 {
					mx.ClaimCap = o.ClaimCap
				}
				if announced.IsZero() {
					mx.Announced = o.Announced // a figure of the role's own, as published
				}
				any = true
				continue
			}
			if o.ClaimCap {
				continue // a figure stated as a claim has no band equivalent
			}
		}
		tb := m.topBand(band)
		var dv derivedValue
		var ok bool
		if z > 0 && !m.hasBasis(tb.ID) {
			// London: a sourced London figure of the band in force, else the
			// band's salary (backed out of this maximum's national figure)
			// plus the High Cost Area Supplement.
			dv = m.london(tb, z, t, k, r.ID, mx.National)
			ok = dv.amt.IsPositive()
		} else {
			dv, ok = m.value(tb, z, t, k, r.ID)
		}
		if !ok {
			continue
		}
		doc := dv.doc
		if len(band.Of) > 0 {
			doc = fmt.Sprintf("%s are paid at bands %s; the maximum is band %s's, the highest: %s", r.ID,
				strings.Join(band.Of, ", "), m.topBand(band).ID, doc)
		}
		mx.SetZone(z, dv.amt, des.Source{Document: doc, URL: dv.url, Confidence: dv.conf})
		any = true
	}
	if !any || (mx.National.IsZero() && !mx.ClaimCap) {
		return des.Maximum{}, false
	}
	return mx, true
}

// backdatedBetween reports whether a backdated award covering o's date was
// announced after o and on or before k.
func (m *bandModel) backdatedBetween(pay string, o *des.Maximum, k des.Date) bool {
	for _, w := range m.bands.awards {
		if w.Pay == pay && w.Backdated() && !w.From.After(o.From) && w.Announced.After(o.Announced) && !w.Announced.After(k) {
			return true
		}
	}
	return false
}

// value is band b's figure for zone z from t, as known on k. prefer names a
// role whose own figure is preferred as the anchor.
func (m *bandModel) value(b Band, z int, t, k des.Date, prefer string) (derivedValue, bool) {
	return m.valueRule(b, z, t, k, prefer, false)
}

// valueRule is value; with noMove it leaves out the moved-with-a-neighbour
// rule (a neighbour's figure at the same date is never itself moved, so the
// rule cannot go round in a circle).
func (m *bandModel) valueRule(b Band, z int, t, k des.Date, prefer string, noMove bool) (derivedValue, bool) {
	if !m.roles[bandRole{b.ID, prefer}] {
		prefer = "" // no anchor of the band is the role's: nothing to prefer
	}
	key := memoKey{b.ID, prefer, z, t, k, noMove}
	if v, ok := m.memo[key]; ok {
		return v, v.amt.IsPositive()
	}
	v := m.compute(b, z, t, k, prefer, noMove)
	m.memo[key] = v
	return v, v.amt.IsPositive()
}

func (m *bandModel) compute(b Band, z int, t, k des.Date, prefer string, noMove bool) derivedValue {
	if m.hasBasis(b.ID) {
		return m.rebased(b, z, t, k)
	}
	g, _ := m.bands.payGroup(b.Pay)
	inSpan := func(d des.Date) bool { return !d.Before(g.ModelFrom) && !d.After(g.ModelTo) }
	if inSpan(t) {
		if a := m.nearest(b, z, t, k, prefer, inSpan); a != nil {
			return m.model(b, z, a, t, k)
		}
		return derivedValue{}
	}
	if t.After(g.ModelTo) {
		return m.carry(b, z, t, k, g)
	}
	// Before the model span: band equality with a sourced figure in force,
	// else moved with a neighbour.
	if a := m.inForce(b, z, t, prefer); a != nil {
		return derivedValue{amt: a.amt[z], conf: des.Derived, sourced: true, url: a.src[z].URL,
			doc: fmt.Sprintf("derived by band equality: band %s's figure is %s's sourced %s (from %s; %s)",
				b.ID, a.role, money.Pounds(a.amt[z]), a.from, a.src[z].Document)}
	}
	if noMove {
		return derivedValue{}
	}
	return m.moved(b, z, t, k)
}

// nearest is the anchor of band b for zone z to derive t from: one in force
// at t (the preferred role's first), else the nearest in time within the
// model span (the earlier on a tie).
func (m *bandModel) nearest(b Band, z int, t, k des.Date, prefer string, inSpan func(des.Date) bool) *anchor {
	if a := m.inForce(b, z, t, prefer); a != nil && inSpan(a.from) && !m.awardMoves(b.Pay, a.from, t, k) {
		return a
	}
	var best *anchor
	bestDist := 0
	for _, a := range m.anchors {
		if a.band != b.ID || !a.amt[z].IsPositive() || !inSpan(a.from) || (m.exclude != nil && m.exclude(a)) {
			continue
		}
		// Fewest pay awards between first, then nearest in time.
		d := a.from.Days(t)
		if d < 0 {
			d = -d
		}
		d += 100000 * m.awardsBetween(b.Pay, a, t, k)
		better := best == nil || d < bestDist || (d == bestDist && a.from.Before(best.from)) ||
			(d == bestDist && a.from == best.from && a.role == prefer && best.role != prefer)
		if better {
			best, bestDist = a, d
		}
	}
	return best
}

// awardsBetween counts the pay awards the model must apply or take off to
// move anchor a to t (as known on k).
func (m *bandModel) awardsBetween(pay string, a *anchor, t, k des.Date) int {
	n := 0
	for _, w := range m.bands.awards {
		if w.Pay == pay && includes(w, a.from, a.known) != includes(w, t, k) {
			n++
		}
	}
	return n
}

// inForce is a sourced figure of band b for zone z in force at t.
func (m *bandModel) inForce(b Band, z int, t des.Date, prefer string) *anchor {
	var got *anchor
	for _, a := range m.anchors {
		if a.band != b.ID || !a.amt[z].IsPositive() || a.from.After(t) || a.until.Before(t) ||
			(m.exclude != nil && m.exclude(a)) {
			continue
		}
		if got == nil || a.from.After(got.from) || (a.from == got.from && a.role == prefer) {
			got = a
		}
	}
	return got
}

// onCosts are the on-cost rates the model costs a date's maxima at, with
// the texts its explanations print of them.
type onCosts struct {
	pension, niRate, niThreshold decimal.Decimal
	pensionPct, niPct, threshold string // "14.38%", "13.8%", "£9,100.00"
	ok                           bool
}

// costsOn are the on-cost rates on d, looked up once a model (the lookup
// is pure, and a catalogue has a few cost dates).
func (m *bandModel) costsOn(d des.Date) *onCosts {
	if c, ok := m.costs[d]; ok {
		return c
	}
	p, n, t, err := m.rates(d)
	c := &onCosts{pension: p, niRate: n, niThreshold: t, ok: err == nil}
	if c.ok {
		c.pensionPct, c.niPct, c.threshold = pct(p), pct(n), money.Pounds(t)
	}
	m.costs[d] = c
	return c
}

// awardStep is a pay award as the model applies it: its factor (1 +
// percent/100) and the texts of the step, computed once a model.
type awardStep struct {
	award     PayAward
	factor    decimal.Decimal
	add, take string
}

// modelKey is what a figure of the model depends on: the anchor and zone,
// the cost date of the target date, and which awards the anchor's figure
// and the target's include (bit i: the band's pay group's awards[i]).
type modelKey struct {
	a        *anchor
	z        int
	cost     des.Date
	in, want uint64
}

// model moves anchor a to t through the pay awards and on-cost rules
// (moveAnchor), once for each figure it can give.
func (m *bandModel) model(b Band, z int, a *anchor, t, k des.Date) derivedValue {
	key := modelKey{a: a, z: z, cost: costDate(t)}
	memo := len(m.steps) <= 64 // else the masks cannot say which awards: no memo
	for i, w := range m.steps {
		if !memo || w.award.Pay != b.Pay {
			continue
		}
		if includes(w.award, a.from, a.known) {
			key.in |= 1 << i
		}
		if includes(w.award, t, k) {
			key.want |= 1 << i
		}
	}
	if v, ok := m.models[key]; memo && ok && v.band == b.ID {
		return v.v
	}
	v := m.moveAnchor(b, z, a, t, k)
	if memo {
		m.models[key] = modelMemo{band: b.ID, v: v}
	}
	return v
}

// modelMemo is a memoised figure of the model, with the band it was worked
// out for (the explanation names it).
type modelMemo struct {
	band string
	v    derivedValue
}

// anchorSalary is the salary backed out of an anchor's figure for a zone
// through the on-cost rules of its date, with the texts explanations print.
type anchorSalary struct {
	v      decimal.Decimal
	text   string // the salary to the penny, "£41,359.12"
	anchor string // the anchor's figure, "£59,000.00"
}

type salaryKey struct {
	a *anchor
	z int
}

// salary is anchor a's salary for zone z, worked out once a model.
func (m *bandModel) salary(a *anchor, z int, ca *onCosts) anchorSalary {
	key := salaryKey{a, z}
	if s, ok := m.salaries[key]; ok {
		return s
	}
	pa, na, ta := ca.pension, ca.niRate, ca.niThreshold
	one := decimal.NewFromInt(1)
	// Salary from the anchor: M = S(1+p) + n(S-T) above the threshold.
	sal := a.amt[z].Add(na.Mul(ta)).DivRound(one.Add(pa).Add(na), 12)
	if sal.LessThanOrEqual(ta) {
		sal = a.amt[z].DivRound(one.Add(pa), 12)
	}
	s := anchorSalary{v: sal, text: money.Pounds(sal.Round(2)), anchor: money.Pounds(a.amt[z])}
	m.salaries[key] = s
	return s
}

// moveAnchor is model's figure: the anchor's salary, moved through the
// awards between and re-costed at t's on-cost rules.
func (m *bandModel) moveAnchor(b Band, z int, a *anchor, t, k des.Date) derivedValue {
	ca := m.costsOn(costDate(a.from))
	if !ca.ok {
		return derivedValue{}
	}
	ct := m.costsOn(costDate(t))
	if !ct.ok {
		return derivedValue{}
	}
	pa, na, ta := ca.pension, ca.niRate, ca.niThreshold
	pt, nt, tt := ct.pension, ct.niRate, ct.niThreshold
	one := decimal.NewFromInt(1)
	sal := m.salary(a, z, ca)
	var steps []string
	factor := one
	for _, w := range m.steps {
		if w.award.Pay != b.Pay {
			continue
		}
		in, want := includes(w.award, a.from, a.known), includes(w.award, t, k)
		switch {
		case want && !in:
			factor = factor.Mul(w.factor)
			steps = append(steps, w.add)
		case in && !want:
			factor = factor.DivRound(w.factor, 16)
			steps = append(steps, w.take)
		}
	}
	s := sal.v.Mul(factor)
	above := s.Sub(tt)
	if above.IsNegative() {
		above = decimal.Zero
	}
	amt := s.Mul(one.Add(pt)).Add(above.Mul(nt)).Round(0)
	if len(steps) == 0 && pa.Equal(pt) && na.Equal(nt) && ta.Equal(tt) {
		doc := "derived by band equality: band " + b.ID + "'s figure is " + a.role + "'s sourced " + sal.anchor +
			" (from " + a.from.String() + "; " + a.src[z].Document + ")"
		return derivedValue{amt: amt, conf: des.Derived, doc: doc, url: a.src[z].URL}
	}
	var doc strings.Builder
	doc.WriteString("derived by the band model: band ")
	doc.WriteString(b.ID)
	if z > 0 {
		doc.WriteString(" " + zoneNames[z])
	}
	doc.WriteString(", from " + a.role + "'s sourced ")
	if z > 0 {
		doc.WriteString(zoneNames[z] + " ")
	}
	doc.WriteString(sal.anchor)
	doc.WriteString(" (from " + a.from.String() + "; " + a.src[z].Document + "): salary " + sal.text +
		" at " + ca.pensionPct + " pension and " + ca.niPct + " NI above " + ca.threshold)
	if len(steps) > 0 {
		doc.WriteString("; " + strings.Join(steps, ", "))
	}
	doc.WriteString("; re-costed at " + ct.pensionPct + " pension and " + ct.niPct + " NI above " + ct.threshold +
		" = " + money.Pounds(amt))
	return derivedValue{amt: amt, conf: des.Derived, doc: doc.String(), url: a.src[z].URL}
}

// moved is the fallback before the model span: the band's previous figure
// moved by a neighbouring band's change over the same dates.
func (m *bandModel) moved(b Band, z int, t, k des.Date) derivedValue {
	i, _ := slices.BinarySearchFunc(m.dates, t, func(a, b des.Date) int { return a.Compare(b) })
	for i--; i >= 0; i-- {
		p := m.dates[i]
		prev, ok := m.value(b, z, p, p, "")
		if !ok {
			continue
		}
		if ref, refName, r0, r1, ok := m.reference(b, z, p, t, k); ok {
			ratio := r1.amt.DivRound(r0.amt, 16)
			amt := prev.amt.Mul(ratio).Round(0)
			kind := "sourced"
			if !r0.sourced || !r1.sourced {
				kind = "derived"
			}
			doc := fmt.Sprintf("derived (weaker: before the model's span, so moved with a neighbour): band %s's %s at %s "+
				"× %s's change from %s to %s (%s, band %s) = %s [band %s at %s: %s]",
				b.ID, money.Pounds(prev.amt), p, refName, money.Pounds(r0.amt), money.Pounds(r1.amt), kind, ref.ID, money.Pounds(amt), b.ID, p, prev.doc)
			return derivedValue{amt: amt, conf: des.Derived, doc: doc, url: r1.url}
		}
		return derivedValue{}
	}
	return derivedValue{}
}

// reference is the band nearest b in pay with figures at both p and t:
// sourced at both if any band has them, else of any kind.
func (m *bandModel) reference(b Band, z int, p, t, k des.Date) (Band, string, derivedValue, derivedValue, bool) {
	type cand struct {
		band   Band
		v0, v1 derivedValue
		dist   int
	}
	var best *cand
	for _, o := range m.bands.bands {
		if o.ID == b.ID || len(o.Of) > 0 || o.Pay != b.Pay {
			continue
		}
		v0, ok0 := m.value(o, z, p, p, "")
		v1, ok1 := m.valueRule(o, z, t, k, "", true)
		if !ok0 || !ok1 || v0.amt.Equal(v1.amt) && p == t {
			continue
		}
		d := o.Rank - b.Rank
		if d < 0 {
			d = -d*2 + 1 // the lower neighbour after the higher on a tie
		} else {
			d *= 2
		}
		c := &cand{o, v0, v1, d}
		if !(v0.sourced && v1.sourced) {
			c.dist += 1000
		}
		if best == nil || c.dist < best.dist {
			best = c
		}
	}
	if best == nil {
		return Band{}, "", derivedValue{}, derivedValue{}, false
	}
	return best.band, "band " + best.band.ID, best.v0, best.v1, true
}

// carry is the rule after the model span: the band's last figure within it.
func (m *bandModel) carry(b Band, z int, t, k des.Date, g PayGroup) derivedValue {
	last, ok := m.value(b, z, g.ModelTo, k, "")
	if !ok {
		return derivedValue{}
	}
	return derivedValue{amt: last.amt, conf: des.Carried, url: last.url,
		doc: fmt.Sprintf("carried from %s: no %s pay award found after it (%s)", g.ModelTo, g.Name, last.doc)}
}

func pct(f decimal.Decimal) string { return f.Shift(2).String() + "%" }

// Check is one sourced maximum derived again with it left out: what the
// band model (or, before its span, the fallback rule) gives from the other
// sourced figures alone.
type Check struct {
	Year    des.Year        `json:"year"`
	Role    string          `json:"role"`
	Band    string          `json:"band"`
	From    des.Date        `json:"from"`
	Sourced decimal.Decimal `json:"sourced"`
	Derived decimal.Decimal `json:"derived"` // zero when no rule reaches it
	// Model is true when the pay-award model derived it (the date is in the
	// model's span); false for the fallback rule.
	Model bool   `json:"model"`
	How   string `json:"how"`
	// Zone is "national", "outer London" or "inner London".
	Zone string `json:"zone"`
	// Rule names the rule that derived it: "model", "fallback", "re-based"
	// (a band with a salary basis) or "HCAS" (a London figure from the
	// band's national one).
	Rule string `json:"rule"`
}

// Difference is Derived − Sourced: how far the rule missed the sourced
// figure (zero when it reproduced it).
func (c Check) Difference() decimal.Decimal { return c.Derived.Sub(c.Sourced) }

// LeaveOneOut validates the band model: each sourced national maximum (as
// stated in the rule sets, before Complete) is left out in turn, together
// with any other role's figure on the same band from the same date (a twin
// would give it back trivially), and derived from the rest by the same
// rules Complete uses. Nothing is tuned per figure.
func LeaveOneOut(sets []*des.RuleSet, bands *BandRules, rates OnCostRates) ([]Check, error) {
	if bands == nil || rates == nil {
		return nil, fmt.Errorf("%w: LeaveOneOut needs band rules and on-cost rates", des.ErrMissing)
	}
	evs := evidenceOfSets(sets)
	base := newBandModel(evs, bands, rates)
	var out []Check
	for _, a := range base.anchors {
		if !a.amt[0].IsPositive() {
			continue
		}
		b, ok := bands.Band(a.band)
		if !ok || len(b.Of) > 0 {
			continue
		}
		m := newBandModel(evs, bands, rates)
		m.exclude = func(x *anchor) bool { return x.band == a.band && x.from == a.from }
		g, _ := bands.payGroup(b.Pay)
		v, _ := m.value(b, 0, a.from, a.known, "")
		c := Check{Year: a.year, Role: a.role, Band: a.band, From: a.from, Sourced: a.amt[0], Derived: v.amt,
			Model: !a.from.Before(g.ModelFrom) && !a.from.After(g.ModelTo), How: v.doc, Zone: zoneNames[0], Rule: "fallback"}
		if c.Model {
			c.Rule = "model"
		}
		if m.hasBasis(b.ID) {
			c.Model, c.Rule = true, "re-based"
		}
		out = append(out, c)
	}
	return out, nil
}

// LeaveOneOutLondon validates the London rules: each sourced London
// maximum (as stated, before Complete) is left out in turn, with any other
// role's figure on the same band from the same date, and derived again from
// the national figure it goes with by the HCAS rule (or, for a re-based
// band, from its salary basis). The national figure is the sourced one of
// the same entry where it has one, else the band's as the model gives it.
func LeaveOneOutLondon(sets []*des.RuleSet, bands *BandRules, rates OnCostRates) ([]Check, error) {
	if bands == nil || rates == nil {
		return nil, fmt.Errorf("%w: LeaveOneOutLondon needs band rules and on-cost rates", des.ErrMissing)
	}
	evs := evidenceOfSets(sets)
	base := newBandModel(evs, bands, rates)
	var out []Check
	for _, a := range base.anchors {
		b, ok := bands.Band(a.band)
		if !ok || len(b.Of) > 0 {
			continue
		}
		for z := 1; z < nZones; z++ {
			if !a.amt[z].IsPositive() {
				continue
			}
			m := newBandModel(evs, bands, rates)
			m.exclude = func(x *anchor) bool { return x.band == a.band && x.from == a.from }
			c := Check{Year: a.year, Role: a.role, Band: a.band, From: a.from, Sourced: a.amt[z], Model: true,
				Zone: zoneNames[z]}
			var v derivedValue
			if m.hasBasis(b.ID) {
				v, c.Rule = m.rebased(b, z, a.from, a.known), "re-based"
			} else {
				nat := a.amt[0]
				if !nat.IsPositive() { // the band's national figure, the London one not left out of it
					nv, _ := base.value(b, 0, a.from, a.known, a.role)
					nat = nv.amt
				}
				v, c.Rule = m.london(b, z, a.from, a.known, "", nat), "HCAS"
			}
			c.Derived, c.How = v.amt, v.doc
			out = append(out, c)
		}
	}
	return out, nil
}

// fillable is a copy of rs whose payments, ARRS rules and gaps completion
// may fill without changing rs.
func fillable(rs *des.RuleSet) *des.Contents {
	c := rs.Contents()
	return &c
}

// payment is the payment of c with the given ID, a copy.
func payment(c *des.Contents, id string) (des.Payment, bool) {
	for _, p := range c.Payments {
		if p.ID == id {
			return clonePayment(p), true
		}
	}
	return des.Payment{}, false
}

// clonePayment is a copy of p that shares no slice with it.
func clonePayment(p des.Payment) des.Payment {
	p.Parts = slices.Clone(p.Parts)
	for i := range p.Parts {
		p.Parts[i].Values = slices.Clone(p.Parts[i].Values)
		p.Parts[i].Scale = slices.Clone(p.Parts[i].Scale)
	}
	return p
}
