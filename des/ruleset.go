package des

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Basis is what a payment's rate is multiplied by.
type Basis string

// The bases a rate can be stated on.
const (
	Registered   Basis = "registered"     // per patient on the registered list
	Weighted     Basis = "weighted"       // per Carr-Hill (global sum) weighted patient
	Adjusted     Basis = "adjusted"       // per patient of the PCN adjusted population
	CareHomeBeds Basis = "care_home_beds" // per aligned care-home bed
	Fixed        Basis = "fixed"          // a fixed amount per PCN (or per practice)
)

// Noun is how an explanation names the basis figure: "registered", "weighted",
// "adjusted", "beds".
func (b Basis) Noun() string {
	switch b {
	case CareHomeBeds:
		return "beds"
	case Fixed:
		return ""
	}
	return string(b)
}

// unit names one of what the basis counts: "patient", "bed".
func (b Basis) unit() string {
	if b == CareHomeBeds {
		return "bed"
	}
	return "patient"
}

// Stated says how the source states a rate.
type Stated string

const (
	// Annual: a rate for a whole year, paid in monthly twelfths and pro-rated
	// by calendar days for part months.
	Annual Stated = "annual"
	// Period: the amount for the part's whole period (e.g. £3.764 for
	// October–March), spread equally over the months of the period.
	Period Stated = "period"
)

// Payee says who a payment goes to.
type Payee string

const (
	PaidToPCN      Payee = "pcn"      // the PCN's nominated payee
	PaidToPractice Payee = "practice" // each member practice, on its own figures
)

// Kind separates money paid from money that may be claimed.
type Kind string

const (
	// KindPayment is an entitlement paid to the PCN or its practices.
	KindPayment Kind = "payment"
	// KindARRSSum is a maximum the PCN may claim under ARRS (its ARRS sum,
	// or a ring-fenced pot); it is not paid as such and is rounded once.
	KindARRSSum Kind = "arrs_sum"
)

// Confidence grades a figure's source.
type Confidence string

const (
	Confirmed Confidence = "confirmed" // a primary source, or two independent sources that agree
	Single    Confidence = "single"    // one secondary source
	Uncertain Confidence = "uncertain" // sources conflict, or the reading is an interpretation
	// Derived marks a figure no source gives, worked out by a stated rule
	// from sourced figures (the band model for ARRS maxima, a proportional
	// split of a revised total). Its Source.Document says which rule and
	// which sourced figures produced it.
	Derived Confidence = "derived"
	// Carried marks a figure no source gives for this year, carried
	// unchanged from an earlier year, which its Source.Document names.
	Carried Confidence = "carried"
)

// Letter is the one-letter mark tables use: c confirmed, s single,
// u uncertain, d derived, k carried ("?" for anything else).
func (c Confidence) Letter() string {
	switch c {
	case Confirmed:
		return "c"
	case Single:
		return "s"
	case Uncertain:
		return "u"
	case Derived:
		return "d"
	case Carried:
		return "k"
	}
	return "?"
}

// Sourced reports whether a figure of this confidence comes from a source
// (confirmed, single or uncertain), rather than being derived or carried.
func (c Confidence) Sourced() bool { return c == Confirmed || c == Single || c == Uncertain }

// Source is where a figure comes from.
type Source struct {
	Document   string     `json:"document"`
	URL        string     `json:"url"`
	Confidence Confidence `json:"confidence"`
	Note       string     `json:"note,omitempty"`
}

func (s Source) String() string {
	return fmt.Sprintf("%s, %s [%s]", s.Document, s.URL, s.Confidence)
}

// Value is one dated rate: in force from From until the next value's From
// (or the end of its part). Announced, when set, is the date the value was
// published; a later-announced value with the same From is a backdated
// revision and supersedes the earlier one.
type Value struct {
	Rate      decimal.Decimal `json:"rate"`
	From      Date            `json:"from"`
	Announced Date            `json:"announced,omitempty"`
	Source    Source          `json:"source"`
}

// Step multiplies a part when the PCN's registered list is above a size:
// 2019/20 funded two pharmacists for PCNs over 100,000 patients.
type Step struct {
	Above  int64           `json:"above"`
	Factor decimal.Decimal `json:"factor"`
}

// Part is one rate of a payment on one basis over one period of the year.
// Most payments have one part; core PCN funding from 2024/25 has two (a
// registered-list part and an adjusted-population part).
type Part struct {
	Basis  Basis   `json:"basis"`
	Stated Stated  `json:"stated"`
	From   Date    `json:"from"`
	To     Date    `json:"to"`
	Label  string  `json:"label,omitempty"`
	Scale  []Step  `json:"scale,omitempty"`
	Values []Value `json:"values"`
	// Carry marks a part no source gives for the year: Complete fills it
	// with the previous year's value, labelled carried.
	Carry bool `json:"carry,omitempty"`
}

// PotID names an ARRS sum claims count against: PotMain, or PotGP for the
// 2024/25 GP ring-fence.
type PotID string

// The ARRS pots.
const (
	PotMain PotID = "main"
	PotGP   PotID = "gp"
)

// Payment is one thing a DES year pays (or, for KindARRSSum, allows).
type Payment struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	PaidTo Payee  `json:"paid_to"`
	Kind   Kind   `json:"kind"`
	Pot    PotID  `json:"pot,omitempty"`
	Note   string `json:"note,omitempty"`
	Parts  []Part `json:"parts"`
}

// Gap records a figure the rule set leaves out because no source gives it.
type Gap struct {
	Item string `json:"item"`
	What string `json:"what"`
	// Removed marks a payment taken out of the DES that year (not a figure
	// missing for want of a source): projections do not bring it back.
	Removed bool `json:"removed,omitempty"`
	// Carry asks for the payment to be carried from the previous year, its
	// values labelled carried (Complete does it).
	Carry bool `json:"carry,omitempty"`
}

// RuleSet is everything one DES year pays, as data. It is an immutable value:
// accessors return copies, and one RuleSet may be shared by any number of
// goroutines.
type RuleSet struct {
	year     Year
	title    string
	file     string
	payments []Payment
	arrs     ARRSRules
	gaps     []Gap
	iif      *IIFRules
	// versions are the published versions of the year's specification,
	// oldest first (none when the file lists none).
	versions []Version
	// projectedFrom is the published year a projection was derived from.
	projectedFrom Year
}

// Contents is what a rule set holds, as plain values: NewRuleSet makes a
// RuleSet of it and RuleSet.Contents gives it back. It is how the packages
// that read rule files (des/rulefile) and derive figures (des/derive) build
// rule sets; a rule set built in Go from Contents is not checked as a file
// is (rulefile.Read checks it), and needs a Year to be used.
type Contents struct {
	Year     Year
	Title    string
	File     string // the name of the file it came from
	Payments []Payment
	ARRS     ARRSRules
	Gaps     []Gap
	IIF      *IIFRules
	// Versions are the published versions of the specification, oldest
	// first.
	Versions []Version
	// ProjectedFrom is the published year a projection was made from (zero
	// for a published year): see RuleSet.Projected.
	ProjectedFrom Year
}

// NewRuleSet returns a rule set holding a copy of c.
func NewRuleSet(c Contents) *RuleSet {
	c = c.clone()
	return &RuleSet{year: c.Year, title: c.Title, file: c.File, payments: c.Payments, arrs: c.ARRS,
		gaps: c.Gaps, iif: c.IIF, versions: c.Versions, projectedFrom: c.ProjectedFrom}
}

// Contents returns a copy of what the rule set holds (the zero Contents for
// nil).
func (r *RuleSet) Contents() Contents {
	if r == nil {
		return Contents{}
	}
	return Contents{Year: r.year, Title: r.title, File: r.file, Payments: r.payments, ARRS: r.arrs, Gaps: r.gaps,
		IIF: r.iif, Versions: r.versions, ProjectedFrom: r.projectedFrom}.clone()
}

func (c Contents) clone() Contents {
	ps := make([]Payment, len(c.Payments))
	for i, p := range c.Payments {
		ps[i] = p.clone()
	}
	c.Payments = ps
	c.ARRS = c.ARRS.clone()
	c.Gaps = slices.Clone(c.Gaps)
	c.Versions = slices.Clone(c.Versions)
	if c.IIF != nil {
		iif := *c.IIF
		c.IIF = &iif
	}
	return c
}

// Projected reports whether the rule set is a projection rather than a
// published one, and the published year it was projected from.
func (r *RuleSet) Projected() (Year, bool) {
	if r == nil {
		return 0, false
	}
	return r.projectedFrom, r.projectedFrom != 0
}

// The methods of *RuleSet are safe on a nil rule set (no year, no
// payments). A RuleSet that did not come from LoadRuleSet (the zero value)
// has no year: Entitle, Sums and arrs.Compile refuse it (ErrMissing).

// Year is the DES year the rules are for (0 for nil).
func (r *RuleSet) Year() Year {
	if r == nil {
		return 0
	}
	return r.year
}

// Title names the rule set ("Network Contract DES 2024/25").
func (r *RuleSet) Title() string {
	if r == nil {
		return ""
	}
	return r.title
}

// Version is one published version of a year's specification (a first
// publication, a reissue): when it was published and the title that names
// it. A file lists its versions under [[version]]; the values' announced
// dates say which figures each version brought.
type Version struct {
	Published Date   `json:"published"`
	Title     string `json:"title"`
	Source    Source `json:"source"`
}

// Versions returns the specification's published versions, oldest first.
func (r *RuleSet) Versions() []Version {
	if r == nil {
		return nil
	}
	return slices.Clone(r.versions)
}

// TitleAsAt names the rule set as it stood on asAt: the title of the last
// version published on or before asAt. With asAt zero, or a file that lists
// no versions, it is Title; before the first version was published it is
// Title with a note saying so.
func (r *RuleSet) TitleAsAt(asAt Date) string {
	if r == nil {
		return ""
	}
	if asAt.IsZero() || len(r.versions) == 0 {
		return r.title
	}
	t := ""
	for _, v := range r.versions {
		if !v.Published.After(asAt) {
			t = v.Title
		}
	}
	if t == "" {
		return r.title + " [not yet published on " + asAt.String() + "; first version " + r.versions[0].Published.String() + "]"
	}
	return t
}

// File is the name of the file it was loaded from.
func (r *RuleSet) File() string {
	if r == nil {
		return ""
	}
	return r.file
}

// Payments returns the payments (and ARRS sums) in file order.
func (r *RuleSet) Payments() []Payment {
	if r == nil {
		return nil
	}
	out := make([]Payment, len(r.payments))
	for i, p := range r.payments {
		out[i] = p.clone()
	}
	return out
}

// Payment returns the payment with the given ID.
func (r *RuleSet) Payment(id string) (Payment, bool) {
	if r == nil {
		return Payment{}, false
	}
	for _, p := range r.payments {
		if p.ID == id {
			return p.clone(), true
		}
	}
	return Payment{}, false
}

// Gaps lists the figures the rule set leaves out for want of a source.
func (r *RuleSet) Gaps() []Gap {
	if r == nil {
		return nil
	}
	return slices.Clone(r.gaps)
}

// Unpaid lists the gap items the year's payments leave out: those no
// payment of the rule set pays (not invented, so in no total), in gap order,
// each once. A gap about a payment that is paid (an unconfirmed rate or list
// date) is not among them, nor is a payment taken out of the DES (Removed).
func (r *RuleSet) Unpaid() []string {
	var out []string
	for _, g := range r.Gaps() {
		if _, paid := r.Payment(g.Item); !paid && !g.Removed && !slices.Contains(out, g.Item) {
			out = append(out, g.Item)
		}
	}
	return out
}

// usable refuses a rule set that is nil or did not come from LoadRuleSet.
func usable(rs *RuleSet) error {
	if rs == nil {
		return fmt.Errorf("%w: no rule set", ErrMissing)
	}
	if rs.year == 0 {
		return fmt.Errorf("%w: the rule set has no year: make one with LoadRuleSet (or take one from package rates), "+
			"not a zero RuleSet", ErrMissing)
	}
	return nil
}

// ARRS returns the year's Additional Roles Reimbursement Scheme rules.
func (r *RuleSet) ARRS() ARRSRules {
	if r == nil {
		return ARRSRules{}
	}
	return r.arrs.clone()
}

// String is a one-line summary.
func (r *RuleSet) String() string {
	if r == nil {
		return "(no rule set)"
	}
	ids := make([]string, len(r.payments))
	for i, p := range r.payments {
		ids[i] = p.ID
	}
	return fmt.Sprintf("%s (%s): %s; %d ARRS roles", r.year, r.file, strings.Join(ids, ", "), len(r.arrs.Roles))
}

func (p Payment) clone() Payment {
	p.Parts = slices.Clone(p.Parts)
	for i := range p.Parts {
		p.Parts[i].Values = slices.Clone(p.Parts[i].Values)
		p.Parts[i].Scale = slices.Clone(p.Parts[i].Scale)
	}
	return p
}

// InForce returns the values of a part that apply, once backdated revisions
// are taken into account: for each From date, the value announced last
// (on or before asAt, when asAt is not zero). The result is ordered by From.
func (pt Part) InForce(asAt Date) []Value {
	return inForce(pt.Values, func(v Value) (Date, Date) { return v.From, v.Announced }, asAt)
}

// inForce is the one rule for every dated value (a payment's rates, a
// role's maxima): of vals, in From order, those announced on or before asAt
// (every one when asAt is zero, or when a value gives no announcement
// date), and of several with the same From the one announced last, a
// backdated revision superseding what it revises.
func inForce[T any](vals []T, dates func(T) (from, announced Date), asAt Date) []T {
	var out []T
	for _, v := range vals {
		from, announced := dates(v)
		if !asAt.IsZero() && !announced.IsZero() && announced.After(asAt) {
			continue
		}
		if n := len(out); n > 0 {
			if last, _ := dates(out[n-1]); last == from {
				out[n-1] = v // a revision of the same period, announced later
				continue
			}
		}
		out = append(out, v)
	}
	return out
}

// SourcedOnly returns a copy of the rule set without the figures no source
// gives: derived and carried payment values and role maxima are dropped, so
// a role whose every maximum was derived is left with none (its claims are
// zero with the no-maximum reason) and a payment whose every value was
// carried is left out. The rule set itself is unchanged.
func (r *RuleSet) SourcedOnly() *RuleSet {
	if r == nil {
		return nil
	}
	out := *r
	out.payments = nil
	for _, p := range r.payments {
		p = p.clone()
		var parts []Part
		for _, pt := range p.Parts {
			pt.Values = slices.DeleteFunc(pt.Values, func(v Value) bool { return !v.Source.Confidence.Sourced() })
			if len(pt.Values) > 0 {
				parts = append(parts, pt)
			}
		}
		if len(parts) == 0 {
			continue
		}
		p.Parts = parts
		out.payments = append(out.payments, p)
	}
	out.arrs = r.arrs.clone()
	for i := range out.arrs.Roles {
		ro := &out.arrs.Roles[i]
		ro.Maxima = sourcedMaxima(ro.Maxima)
		for b, ms := range ro.BandMaxima {
			ro.BandMaxima[b] = sourcedMaxima(ms)
		}
	}
	return &out
}

// sourcedMaxima keeps only the sourced figures of maxima (a zone whose
// figure is derived or carried is emptied; a maximum left with none is
// dropped).
func sourcedMaxima(ms []Maximum) []Maximum {
	var keep []Maximum
	for _, m := range ms {
		for z := 0; z < nZones; z++ {
			if !m.SourceFor(z).Confidence.Sourced() {
				m.SetZone(z, decimal.Zero, m.SourceFor(z))
			}
		}
		if !m.National.IsPositive() && (m.OuterLondon.IsPositive() || m.InnerLondon.IsPositive()) {
			// Only London figures are sourced: their source is the maximum's.
			src := m.SourceFor(2)
			if m.OuterLondon.IsPositive() {
				src = m.SourceFor(1)
			}
			outer, inner := m.SourceFor(1), m.SourceFor(2)
			m.Source, m.OuterSource, m.InnerSource = src, nil, nil
			if outer != src {
				m.OuterSource = &outer
			}
			if inner != src {
				m.InnerSource = &inner
			}
		}
		if m.National.IsPositive() || m.OuterLondon.IsPositive() || m.InnerLondon.IsPositive() {
			keep = append(keep, m)
		}
	}
	return keep
}

// UnsourcedFigures counts the figures in force in the rule set that no
// source gives: payment rates and role maxima (each maximum's national
// figure) labelled derived or carried. Programs print the count beside
// their results; SourcedOnly leaves these figures out.
func (r *RuleSet) UnsourcedFigures() (derived, carried int) {
	if r == nil {
		return 0, 0
	}
	count := func(c Confidence) {
		switch c {
		case Derived:
			derived++
		case Carried:
			carried++
		}
	}
	for _, p := range r.payments {
		for _, pt := range p.Parts {
			for _, v := range pt.InForce(Date{}) {
				count(v.Source.Confidence)
			}
		}
	}
	for _, ro := range r.arrs.Roles {
		for _, m := range ro.MaximaInForce(Date{}) {
			count(m.Source.Confidence)
		}
	}
	return derived, carried
}
