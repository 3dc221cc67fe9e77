package rulefile

import (
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/pcnfin/pcnfin/internal/names"

	"bytes"
	"fmt"
	"github.com/pcnfin/pcnfin/des"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/pcnfin/pcnfin/internal/strict"
	"github.com/shopspring/decimal"
)

// The rate-table format. Every figure is a string decimal and names its
// source; see rates/README.md for the full description and rates/*.toml for
// examples.
type rawSource struct {
	Source     string `toml:"source"`
	URL        string `toml:"url"`
	Confidence string `toml:"confidence"`
	Note       string `toml:"note"`
}

type rawValue struct {
	Rate      exact    `toml:"rate"`
	From      des.Date `toml:"from"`
	Announced des.Date `toml:"announced"`
	rawSource
}

type rawStep struct {
	Above  int64 `toml:"above"`
	Factor exact `toml:"factor"`
}

type rawPart struct {
	Basis  string     `toml:"basis"`
	Stated string     `toml:"stated"`
	From   des.Date   `toml:"from"`
	To     des.Date   `toml:"to"`
	Label  string     `toml:"label"`
	Scale  []rawStep  `toml:"scale"`
	Value  []rawValue `toml:"value"`
	Carry  bool       `toml:"carry"`
}

// rawTotal is a revision of a payment's total rate per patient that no
// source splits between its parts.
type rawTotal struct {
	Rate      exact    `toml:"rate"`
	From      des.Date `toml:"from"`
	Announced des.Date `toml:"announced"`
	rawSource
}

type rawPayment struct {
	ID     string     `toml:"id"`
	Name   string     `toml:"name"`
	PaidTo string     `toml:"paid_to"`
	Kind   string     `toml:"kind"`
	Pot    string     `toml:"pot"`
	Note   string     `toml:"note"`
	Part   []rawPart  `toml:"part"`
	Total  []rawTotal `toml:"total"`
}

type rawMax struct {
	From        des.Date `toml:"from"`
	Announced   des.Date `toml:"announced"`
	Amount      exact    `toml:"amount"`
	OuterLondon exact    `toml:"outer_london"`
	InnerLondon exact    `toml:"inner_london"`
	Stated      string   `toml:"stated"`
	rawSource
	// London is where the London figures come from, when not the source
	// of the national figure.
	London *rawSource `toml:"london"`
}

type rawCap struct {
	From       des.Date `toml:"from"`
	To         des.Date `toml:"to"`
	Unit       string   `toml:"unit"`
	Limit      exact    `toml:"limit"`
	LargeLimit exact    `toml:"large_limit"`
	LargeAbove int64    `toml:"large_above"`
	rawSource
}

type rawRole struct {
	ID            string   `toml:"id"`
	Name          string   `toml:"name"`
	Band          string   `toml:"band"`
	EligibleFrom  des.Date `toml:"eligible_from"`
	Reimbursement exact    `toml:"reimbursement"`
	Subsequent    exact    `toml:"subsequent_reimbursement"`
	Pot           string   `toml:"pot"`
	Hours         exact    `toml:"hours_per_wte"`
	Sessions      exact    `toml:"sessions_per_wte"`
	Max           []rawMax `toml:"max"`
	Cap           []rawCap `toml:"cap"`
	rawSource
}

type rawARRS struct {
	ClaimsFrom des.Date  `toml:"claims_from"`
	Role       []rawRole `toml:"role"`
}

type rawIIF struct {
	PointValue exact `toml:"point_value"`
	MaxPoints  int64 `toml:"max_points"`
	rawSource
}

type rawGap struct {
	Item    string `toml:"item"`
	What    string `toml:"what"`
	Removed bool   `toml:"removed"`
	Carry   bool   `toml:"carry"`
}

type rawVersion struct {
	Published des.Date `toml:"published"`
	Title     string   `toml:"title"`
	rawSource
}

type rawRuleSet struct {
	Year    des.Year     `toml:"year"`
	Title   string       `toml:"title"`
	Version []rawVersion `toml:"version"`
	Payment []rawPayment `toml:"payment"`
	ARRS    rawARRS      `toml:"arrs"`
	IIF     *rawIIF      `toml:"iif"`
	Gap     []rawGap     `toml:"gap"`
}

// MaxBytes bounds the size of a rule-set file (1 MiB): the largest
// real one is a few tens of KiB.
const MaxBytes = 1 << 20

// maxRate bounds any rate or fixed amount in a rule set (£1,000,000), which
// keeps every payment exact in 64-bit pennies.
// bases are the bases a rate can be stated on.
var bases = []des.Basis{des.Registered, des.Weighted, des.Adjusted, des.CareHomeBeds, des.Fixed}

var maxRate = decimal.NewFromInt(1_000_000)

var idRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// ReadFile reads and validates a rule set from a TOML file.
func ReadFile(path string) (*des.RuleSet, error) {
	data, err := ReadFileLimited(path, MaxBytes, "a rule set")
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

var fileYearRE = regexp.MustCompile(`(\d{4})-(\d{2})\.toml$`)

// Read decodes and validates a rule set. name is used in error
// messages (a file name); when it ends in a year such as 2024-25.toml, the
// file's year must match it. Decoding is strict: an unknown key, a wrong
// type, a missing source, overlapping dated values, a negative rate or a
// date outside the year is an error naming the file, line and field. All
// problems found are returned together as Errors.
func Read(name string, data []byte) (*des.RuleSet, error) {
	if len(data) > MaxBytes {
		return nil, &des.FieldError{File: name,
			Msg: fmt.Sprintf("input is %d bytes; a rule set may be at most %d", len(data), MaxBytes), Err: des.ErrInvalid}
	}
	var raw rawRuleSet
	v, err := decodeStrict(name, data, &raw)
	if err != nil {
		return nil, err
	}
	rs := v.ruleSet(&raw)
	if m := fileYearRE.FindStringSubmatch(filepath.Base(name)); m != nil && raw.Year != 0 {
		want, _ := des.ParseYear(m[1] + "/" + m[2])
		if want != 0 && want != raw.Year {
			v.add(fieldPath{}.key("year"), des.ErrInvalid, "the file is named for %s but says year = %q", want, raw.Year.String())
		}
	}
	if err := v.errs.Err(); err != nil {
		return nil, err
	}
	return rs, nil
}

type validator struct {
	file string
	loc  *locator
	errs des.Errors
	year des.Year
}

func (v *validator) add(p fieldPath, sentinel error, format string, args ...any) {
	line := v.loc.line(p)
	if line == 0 && len(p) > 1 {
		line = v.loc.line(p[:len(p)-1]) // a missing key: point at its table
	}
	v.errs = append(v.errs, &des.FieldError{File: v.file, Line: line, Field: p.String(), Msg: fmt.Sprintf(format, args...),
		Err: sentinel})
}

func (v *validator) ruleSet(raw *rawRuleSet) *des.RuleSet {
	root := fieldPath{}
	if raw.Year == 0 {
		v.add(root.key("year"), des.ErrMissing, `missing: want the DES year, e.g. year = "2024/25"`)
		return nil
	}
	v.year = raw.Year
	if len(raw.Payment) == 0 && len(raw.ARRS.Role) == 0 && raw.IIF == nil {
		v.add(root.key("payment"), des.ErrMissing, "the rule set has year = %q and nothing else: no [[payment]], "+
			"[[arrs.role]] or [iif], so every payment would be £0; give the year's payments and roles", raw.Year.String())
	}
	c := des.Contents{Year: raw.Year, Title: raw.Title, File: filepath.Base(v.file)}
	if c.Title == "" {
		c.Title = "Network Contract DES " + raw.Year.String()
	}
	for i, rv := range raw.Version {
		p := root.with("version", i)
		ver := des.Version{Published: rv.Published, Title: strings.TrimSpace(rv.Title), Source: v.source(p, rv.rawSource)}
		if ver.Published.IsZero() {
			v.add(p.key("published"), des.ErrMissing, "missing: want the date this version was published, e.g. published = 2026-04-30")
		} else if n := len(c.Versions); n > 0 && !ver.Published.After(c.Versions[n-1].Published) {
			v.add(p.key("published"), des.ErrInvalid, "%s is not after the previous version's %s: list versions oldest first",
				ver.Published, c.Versions[n-1].Published)
		}
		if ver.Title == "" {
			v.add(p.key("title"), des.ErrMissing, "missing: want a title naming this version")
		}
		c.Versions = append(c.Versions, ver)
	}
	seen := map[string]bool{}
	for i, rp := range raw.Payment {
		p := root.with("payment", i)
		pay := v.payment(p, rp)
		if seen[pay.ID] && pay.ID != "" {
			v.add(p.key("id"), des.ErrInvalid, "duplicate payment id %q", pay.ID)
		}
		seen[pay.ID] = true
		c.Payments = append(c.Payments, pay)
	}
	pots := map[des.PotID]bool{}
	for _, pay := range c.Payments {
		if pay.Kind == des.KindARRSSum {
			pots[pay.Pot] = true
		}
	}
	c.ARRS = v.arrs(root.with("arrs", -1), raw.ARRS, pots)
	if raw.IIF != nil {
		p := root.with("iif", -1)
		r := &des.IIFRules{PointValue: raw.IIF.PointValue.D, MaxPoints: raw.IIF.MaxPoints, Source: v.source(p, raw.IIF.rawSource)}
		if !raw.IIF.PointValue.Set || !r.PointValue.IsPositive() {
			v.add(p.key("point_value"), des.ErrInvalid, "want a positive point value in pounds, e.g. \"198.00\"")
		}
		if r.MaxPoints < 0 {
			v.add(p.key("max_points"), des.ErrInvalid, "max_points is negative")
		}
		c.IIF = r
	}
	for i, g := range raw.Gap {
		p := root.with("gap", i)
		if strings.TrimSpace(g.Item) == "" || strings.TrimSpace(g.What) == "" {
			v.add(p, des.ErrMissing, "a gap needs item and what")
		}
		if g.Carry && g.Removed {
			v.add(p.key("carry"), des.ErrInvalid, "a payment removed from the DES cannot be carried")
		}
		c.Gaps = append(c.Gaps, des.Gap(g))
	}
	return des.NewRuleSet(c)
}

func (v *validator) source(p fieldPath, s rawSource) des.Source {
	if strings.TrimSpace(s.Source) == "" {
		v.add(p.key("source"), des.ErrMissing,
			"missing source: every figure names the document and paragraph or table it comes from")
	}
	if !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
		v.add(p.key("url"), des.ErrMissing, "missing or bad url %q: every figure gives the address of its source", s.URL)
	}
	c := des.Confidence(s.Confidence)
	switch c {
	case des.Confirmed, des.Single, des.Uncertain:
	default:
		v.add(p.key("confidence"), des.ErrInvalid, "confidence %q: want confirmed, single or uncertain", s.Confidence)
	}
	return des.Source{Document: s.Source, URL: s.URL, Confidence: c, Note: s.Note}
}

func (v *validator) inYear(p fieldPath, d des.Date) {
	if !d.IsZero() && !v.year.Contains(d) {
		v.add(p, des.ErrInvalid, "date %s is outside the DES year %s (%s to %s)", d, v.year, v.year.Start(), v.year.End())
	}
}

func (v *validator) payment(p fieldPath, rp rawPayment) des.Payment {
	pay := des.Payment{ID: rp.ID, Name: rp.Name, PaidTo: des.Payee(rp.PaidTo), Kind: des.Kind(rp.Kind), Pot: des.PotID(rp.Pot),
		Note: rp.Note}
	if !idRE.MatchString(rp.ID) {
		v.add(p.key("id"), des.ErrInvalid, "id %q: want a snake_case identifier such as core_pcn_funding", rp.ID)
	}
	if rp.Name == "" {
		v.add(p.key("name"), des.ErrMissing, "missing name")
	}
	if pay.Kind == "" {
		pay.Kind = des.KindPayment
	}
	switch pay.Kind {
	case des.KindPayment:
		if rp.Pot != "" {
			v.add(p.key("pot"), des.ErrInvalid, "pot is only for kind = \"arrs_sum\"")
		}
	case des.KindARRSSum:
		if pay.Pot == "" {
			pay.Pot = des.PotMain
		}
	default:
		v.add(p.key("kind"), des.ErrInvalid, "kind %q: want payment or arrs_sum", rp.Kind)
	}
	if pay.PaidTo == "" {
		pay.PaidTo = des.PaidToPCN
	}
	if pay.PaidTo != des.PaidToPCN && pay.PaidTo != des.PaidToPractice {
		v.add(p.key("paid_to"), des.ErrInvalid, "paid_to %q: want pcn or practice", rp.PaidTo)
	}
	if len(rp.Part) == 0 {
		v.add(p, des.ErrMissing, "payment %q has no [[payment.part]]", rp.ID)
	}
	parts := map[string]int{}
	for j, rpt := range rp.Part {
		pay.Parts = append(pay.Parts, v.part(p.with("part", j), rpt))
		// Two identical parts would pay the payment twice over.
		key := fmt.Sprintf("%v", rpt)
		if k, dup := parts[key]; dup {
			v.add(p.with("part", j), des.ErrInvalid,
				"this [[payment.part]] is the same as part[%d]: the payment would be paid twice over (give each part once)", k)
		}
		parts[key] = j
	}
	for j, t := range rp.Total {
		v.total(p.with("total", j), &pay, t)
	}
	return pay
}

// total applies a revised total rate per patient that no source splits
// between the parts: each part's rate in force on the revision's date is
// scaled by total ÷ (the sum of those rates), rounded half-up to six
// places, and labelled derived. The revision is announced later than the
// values it revises (a backdated revision).
func (v *validator) total(p fieldPath, pay *des.Payment, t rawTotal) {
	src := v.source(p, t.rawSource)
	if !t.Rate.Set || !t.Rate.D.IsPositive() {
		v.add(p.key("rate"), des.ErrInvalid, "want the revised total rate per patient, e.g. rate = \"2.967\"")
		return
	}
	if t.Announced.IsZero() {
		v.add(p.key("announced"), des.ErrMissing, "a revised total needs announced: the date it was published")
		return
	}
	sum := decimal.Zero
	var olds []des.Value
	var terms []string
	for _, pt := range pay.Parts {
		if pt.Basis == des.Fixed || pt.Basis == des.CareHomeBeds || pt.Stated != des.Annual || pt.Carry {
			v.add(p, des.ErrInvalid, "a revised total splits only annual per-patient parts")
			return
		}
		var old des.Value
		for _, val := range pt.InForce(des.Date{}) {
			if !val.From.After(t.From) {
				old = val
			}
		}
		if old.Rate.IsZero() {
			v.add(p.key("from"), des.ErrInvalid, "no part value in force on %s to revise", t.From)
			return
		}
		sum = sum.Add(old.Rate)
		olds = append(olds, old)
		terms = append(terms, fmt.Sprintf("%s £%s", pt.Basis, old.Rate))
	}
	if len(olds) < 2 || !sum.IsPositive() {
		v.add(p, des.ErrInvalid, "a revised total is for a payment of two or more parts; revise a single part's value instead")
		return
	}
	for i := range pay.Parts {
		pt := &pay.Parts[i]
		rate := olds[i].Rate.Mul(t.Rate.D).DivRound(sum, 6)
		doc := fmt.Sprintf("derived: the revised total £%s per patient (%s) split in proportion to the parts before it "+
			"(%s = £%s; no source gives the split): £%s × %s ÷ %s = £%s",
			t.Rate.D, src.Document, strings.Join(terms, " + "), sum, olds[i].Rate, t.Rate.D, sum, rate)
		pt.Values = append(pt.Values, des.Value{Rate: rate, From: t.From, Announced: t.Announced,
			Source: des.Source{Document: doc, URL: src.URL, Confidence: des.Derived, Note: src.Note}})
		slices.SortStableFunc(pt.Values, func(a, b des.Value) int { return a.From.Compare(b.From) })
	}
}

// part checks one [[...part]]: its basis and how it is stated, its dates,
// its scale, whether it is carried, then each dated value.
func (v *validator) part(p fieldPath, r rawPart) des.Part {
	pt := des.Part{Basis: des.Basis(r.Basis), Stated: des.Stated(r.Stated), From: r.From, To: r.To, Label: r.Label}
	v.partBasis(p, r, &pt)
	v.partDates(p, &pt)
	for k, s := range r.Scale {
		pt.Scale = append(pt.Scale, v.step(p.with("scale", k), s))
	}
	pt.Carry = r.Carry
	v.partCarry(p, r, pt)
	for k, rv := range r.Value {
		pt.Values = append(pt.Values, v.value(p.with("value", k), k, rv, pt))
	}
	return pt
}

// partBasis checks a part's basis and how its amount is stated (a year
// when not given).
func (v *validator) partBasis(p fieldPath, r rawPart, pt *des.Part) {
	if !slices.Contains(bases, pt.Basis) {
		v.add(p.key("basis"), des.ErrInvalid, "basis %q: want one of registered, weighted, adjusted, care_home_beds, fixed",
			r.Basis)
	}
	if pt.Stated == "" {
		pt.Stated = des.Annual
	}
	if pt.Stated != des.Annual && pt.Stated != des.Period {
		v.add(p.key("stated"), des.ErrInvalid, "stated %q: want annual or period", r.Stated)
	}
}

// partDates checks a part's dates (the whole year when not given): in the
// year, in order, and whole months for an amount stated for a period.
func (v *validator) partDates(p fieldPath, pt *des.Part) {
	if pt.From.IsZero() {
		pt.From = v.year.Start()
	}
	if pt.To.IsZero() {
		pt.To = v.year.End()
	}
	v.inYear(p.key("from"), pt.From)
	v.inYear(p.key("to"), pt.To)
	if pt.To.Before(pt.From) {
		v.add(p.key("to"), des.ErrInvalid, "to %s is before from %s", pt.To, pt.From)
	}
	if pt.Stated == des.Period && (!pt.From.FirstOfMonth() || pt.To.AddDays(1).Day() != 1) {
		v.add(p.key("from"), des.ErrInvalid,
			"an amount stated for a period must cover whole months (from the 1st to a month end); got %s to %s", pt.From, pt.To)
	}
}

// step checks one step of a part's scale.
func (v *validator) step(sp fieldPath, s rawStep) des.Step {
	if s.Above <= 0 || !s.Factor.Set || !s.Factor.D.IsPositive() || s.Factor.D.GreaterThan(decimal.NewFromInt(100)) {
		v.add(sp, des.ErrInvalid, "a scale step needs above > 0 and a positive factor of at most 100")
	}
	return des.Step{Above: s.Above, Factor: s.Factor.D}
}

// partCarry checks that a part either is carried from the previous year
// (a yearly rate, no values) or gives values.
func (v *validator) partCarry(p fieldPath, r rawPart, pt des.Part) {
	switch {
	case r.Carry && len(r.Value) > 0:
		v.add(p.key("carry"), des.ErrInvalid, "a part marked carry takes its value from the previous year: give no [[...value]]")
	case r.Carry && pt.Stated == des.Period:
		v.add(p.key("carry"), des.ErrInvalid, "only a rate stated a year can be carried")
	case !r.Carry && len(r.Value) == 0:
		v.add(p, des.ErrMissing, "part has no [[...value]]: give at least one dated rate (or carry = true)")
	}
}

// value checks the k-th dated value of the part pt (whose earlier values
// are already in pt.Values): its source, its rate, then its dates.
func (v *validator) value(vp fieldPath, k int, rv rawValue, pt des.Part) des.Value {
	val := des.Value{Rate: rv.Rate.D, From: rv.From, Announced: rv.Announced, Source: v.source(vp, rv.rawSource)}
	v.rate(vp.key("rate"), rv.Rate)
	if val.From.IsZero() {
		val.From = pt.From
	}
	v.valueFrom(vp, k, val, pt)
	return val
}

// rate checks a part value's rate: given, more than 0, at most six
// places, at most maxRate.
func (v *validator) rate(rp fieldPath, r exact) {
	switch {
	case !r.Set:
		v.add(rp, des.ErrMissing, "missing rate")
	case r.D.IsNegative():
		v.add(rp, des.ErrInvalid, "rate %s is negative", r.D)
	case r.D.IsZero():
		v.add(rp, des.ErrInvalid,
			"rate 0: every figure in a rule set is more than 0 (a payment not paid is left out or listed as a [[gap]]; "+
				"one that stops mid-year ends its part with to)")
	case money.Places(r.D) > 6:
		v.add(rp, des.ErrInvalid, "rate %s has more than six decimal places", r.D)
	case r.D.GreaterThan(maxRate):
		v.add(rp, des.ErrInvalid, "rate %s is more than £%s: no DES rate is that large", r.D, maxRate)
	}
}

// valueFrom checks when the k-th value of pt takes effect: inside its
// part, the first from the part's start, a period's from its start, and
// after the value before it (or on the same day, announced later).
func (v *validator) valueFrom(vp fieldPath, k int, val des.Value, pt des.Part) {
	if val.From.Before(pt.From) || val.From.After(pt.To) {
		v.add(vp.key("from"), des.ErrInvalid, "value from %s is outside its part (%s to %s)", val.From, pt.From, pt.To)
	}
	if k == 0 && val.From.After(pt.From) && !val.From.After(pt.To) {
		v.add(vp.key("from"), des.ErrInvalid,
			"the first value starts %s, after its part (%s): no rate would be in force before it; give the part from = %s",
			val.From, pt.From, val.From)
	}
	if pt.Stated == des.Period && val.From != pt.From {
		v.add(vp.key("from"), des.ErrInvalid,
			"an amount stated for a period applies to the whole period; a change needs a new part")
	}
	if k == 0 {
		return
	}
	prev := pt.Values[k-1]
	switch {
	case val.From.Before(prev.From):
		v.add(vp.key("from"), des.ErrOverlap, "values must be in date order: %s comes after %s", val.From, prev.From)
	case val.From == prev.From && (val.Announced.IsZero() || prev.Announced.IsZero() ||
		!val.Announced.After(prev.Announced)):
		v.add(vp.key("from"), des.ErrOverlap,
			"two values from %s: a backdated revision needs announced dates, later than the value it revises", val.From)
	}
}

func (v *validator) arrs(p fieldPath, r rawARRS, pots map[des.PotID]bool) des.ARRSRules {
	a := des.ARRSRules{ClaimsFrom: r.ClaimsFrom}
	if a.ClaimsFrom.IsZero() {
		a.ClaimsFrom = v.year.Start()
	}
	v.inYear(p.key("claims_from"), a.ClaimsFrom)
	seen := map[string]bool{}
	for i, rr := range r.Role {
		a.Roles = append(a.Roles, v.role(p.with("role", i), rr, pots, seen))
	}
	return a
}

// role checks one [[arrs.role]]: its id (unique in seen), name, dates,
// shares and pot, then its maxima and caps.
func (v *validator) role(rp fieldPath, rr rawRole, pots map[des.PotID]bool, seen map[string]bool) des.Role {
	role := des.Role{ID: rr.ID, Name: rr.Name, Band: rr.Band, EligibleFrom: rr.EligibleFrom, Pot: des.PotID(rr.Pot),
		Hours: rr.Hours.D, Sessions: rr.Sessions.D, Source: v.source(rp, rr.rawSource)}
	v.roleID(rp, rr, seen)
	if role.EligibleFrom.IsZero() {
		role.EligibleFrom = v.year.Start()
	}
	v.inYear(rp.key("eligible_from"), role.EligibleFrom)
	if !role.EligibleFrom.FirstOfMonth() {
		v.add(rp.key("eligible_from"), des.ErrInvalid, "eligible_from %s: ARRS dates fall on the first of a month",
			role.EligibleFrom)
	}
	v.shares(rp, rr, &role)
	if role.Pot == "" {
		role.Pot = des.PotMain
	}
	if !pots[role.Pot] {
		v.add(rp.key("pot"), des.ErrInvalid, "pot %q has no ARRS sum: no [[payment]] with kind = \"arrs_sum\" and pot = %q",
			role.Pot, role.Pot)
	}
	for k, m := range rr.Max {
		role.Maxima = append(role.Maxima, v.maximum(rp.with("max", k), k, m, role))
	}
	for k, c := range rr.Cap {
		role.Caps = append(role.Caps, v.cap(rp.with("cap", k), c, role))
	}
	return role
}

// roleID checks a role's id (snake_case, in the catalogue, not seen
// before) and that it has a name.
func (v *validator) roleID(rp fieldPath, rr rawRole, seen map[string]bool) {
	if !idRE.MatchString(rr.ID) {
		v.add(rp.key("id"), des.ErrInvalid, "id %q: want a snake_case role id such as clinical_pharmacist", rr.ID)
	} else if !names.KnownRole(rr.ID) {
		v.add(rp.key("id"), des.ErrInvalid, "%s", names.UnknownRoleMsg(rr.ID))
	}
	if seen[rr.ID] {
		v.add(rp.key("id"), des.ErrInvalid, "duplicate role id %q", rr.ID)
	}
	seen[rr.ID] = true
	if rr.Name == "" {
		v.add(rp.key("name"), des.ErrMissing, "missing name")
	}
}

// shares reads a role's reimbursement (1 when not given) and subsequent
// reimbursement: fractions above 0, at most 1, with at most four places.
func (v *validator) shares(rp fieldPath, rr rawRole, role *des.Role) {
	role.Reimbursement = decimal.NewFromInt(1)
	if rr.Reimbursement.Set {
		role.Reimbursement = rr.Reimbursement.D
		if !validShare(role.Reimbursement) {
			v.add(rp.key("reimbursement"), des.ErrInvalid,
				"reimbursement %s: want a fraction above 0 and at most 1 with at most four places, e.g. \"0.70\"",
				role.Reimbursement)
		}
	}
	if rr.Subsequent.Set {
		role.SubsequentReimbursement = rr.Subsequent.D
		if !validShare(role.SubsequentReimbursement) {
			v.add(rp.key("subsequent_reimbursement"), des.ErrInvalid,
				"subsequent_reimbursement %s: want a fraction above 0 and at most 1 with at most four places, e.g. \"1\"",
				role.SubsequentReimbursement)
		}
	}
}

// validShare reports whether d is a fraction above 0, at most 1, with at
// most four places.
func validShare(d decimal.Decimal) bool {
	return d.IsPositive() && !d.GreaterThan(decimal.NewFromInt(1)) && money.Places(d) <= 4
}

// maximum checks the k-th [[arrs.role.max]] of role (whose earlier maxima
// are in role.Maxima).
func (v *validator) maximum(mp fieldPath, k int, m rawMax, role des.Role) des.Maximum {
	mx := des.Maximum{From: m.From, Announced: m.Announced, National: m.Amount.D, OuterLondon: m.OuterLondon.D,
		InnerLondon: m.InnerLondon.D, Source: v.source(mp, m.rawSource)}
	v.londonSources(mp, m, &mx)
	if mx.From.IsZero() {
		mx.From = role.EligibleFrom
	}
	v.inYear(mp.key("from"), mx.From)
	if !mx.From.FirstOfMonth() {
		v.add(mp.key("from"), des.ErrInvalid, "from %s: ARRS maxima change on the first of a month", mx.From)
	}
	switch m.Stated {
	case "", "cost":
	case "claim":
		mx.ClaimCap = true
	default:
		v.add(mp.key("stated"), des.ErrInvalid,
			"stated %q: want cost (the most cost that counts) or claim (the most that may be claimed)", m.Stated)
	}
	v.maximumAmounts(mp, m)
	if k > 0 {
		prev := role.Maxima[k-1]
		if mx.From.Before(prev.From) || (mx.From == prev.From &&
			(mx.Announced.IsZero() || prev.Announced.IsZero() || !mx.Announced.After(prev.Announced))) {
			v.add(mp.key("from"), des.ErrOverlap,
				"maxima must be in date order, and two from the same date need later announced dates (a backdated revision)")
		}
	}
	return mx
}

// londonSources reads a maximum's london source into the London figures
// it gives.
func (v *validator) londonSources(mp fieldPath, m rawMax, mx *des.Maximum) {
	if m.London == nil {
		return
	}
	ls := v.source(mp.key("london"), *m.London)
	if !m.OuterLondon.Set && !m.InnerLondon.Set {
		v.add(mp.key("london"), des.ErrInvalid, "a london source without an outer_london or inner_london figure")
	}
	if m.OuterLondon.Set {
		mx.OuterSource = &ls
	}
	if m.InnerLondon.Set {
		l2 := ls
		mx.InnerSource = &l2
	}
}

// maximumAmounts checks a maximum's figures: at least one given, each
// more than 0, in pounds and pence, and at most maxRate.
func (v *validator) maximumAmounts(mp fieldPath, m rawMax) {
	if !m.Amount.Set && !m.OuterLondon.Set && !m.InnerLondon.Set {
		v.add(mp.key("amount"), des.ErrMissing,
			"missing amount (or, where a source gives only London figures, outer_london or inner_london)")
	}
	for _, f := range []struct {
		name string
		x    exact
	}{{"amount", m.Amount}, {"outer_london", m.OuterLondon}, {"inner_london", m.InnerLondon}} {
		switch {
		case f.x.Set && f.x.D.IsZero():
			v.add(mp.key(f.name), des.ErrInvalid,
				"%s 0: every figure in a rule set is more than 0 (a role whose maximum no source gives has no "+
					"[[arrs.role.max]], and claims £0 with the reason no_maximum)", f.name)
		case f.x.Set && (!f.x.D.IsPositive() || money.Places(f.x.D) > 2):
			v.add(mp.key(f.name), des.ErrInvalid, "%s %s: want a positive amount in pounds and pence", f.name, f.x.D)
		case f.x.Set && f.x.D.GreaterThan(maxRate):
			v.add(mp.key(f.name), des.ErrInvalid, "%s %s is more than £%s: no role maximum is that large", f.name, f.x.D,
				maxRate)
		}
	}
}

// cap checks one [[arrs.role.cap]] of role (whose earlier caps are in
// role.Caps): whole months within the year, a unit, a limit, no overlap.
func (v *validator) cap(cp fieldPath, c rawCap, role des.Role) des.Cap {
	cp0 := des.Cap{From: c.From, To: c.To, Unit: des.CapUnit(c.Unit), Limit: c.Limit.D, LargeLimit: c.LargeLimit.D,
		LargeAbove: c.LargeAbove, Source: v.source(cp, c.rawSource)}
	if cp0.From.IsZero() {
		cp0.From = role.EligibleFrom
	}
	if cp0.To.IsZero() {
		cp0.To = v.year.End()
	}
	v.inYear(cp.key("from"), cp0.From)
	v.inYear(cp.key("to"), cp0.To)
	if cp0.To.Before(cp0.From) {
		v.add(cp.key("to"), des.ErrInvalid, "to %s is before from %s", cp0.To, cp0.From)
	}
	if !cp0.From.FirstOfMonth() || cp0.To.AddDays(1).Day() != 1 {
		v.add(cp.key("from"), des.ErrInvalid, "caps run whole months (the 1st to a month end)")
	}
	if cp0.Unit != des.CapHeadcount && cp0.Unit != des.CapWTE {
		v.add(cp.key("unit"), des.ErrInvalid, "unit %q: want headcount or wte", c.Unit)
	}
	if !c.Limit.Set || c.Limit.D.IsNegative() {
		v.add(cp.key("limit"), des.ErrInvalid, "limit: want a number of people or WTE, 0 or more")
	}
	for _, prev := range role.Caps {
		if !cp0.From.After(prev.To) && !prev.From.After(cp0.To) {
			v.add(cp.key("from"), des.ErrOverlap, "cap %s to %s overlaps another cap on the role (%s to %s)", cp0.From, cp0.To,
				prev.From, prev.To)
		}
	}
	return cp0
}

// decodeStrict decodes a TOML file into raw and starts its validator with
// an error for every key that matched no field, or matched one only by
// ignoring case.
func decodeStrict(name string, data []byte, raw any) (*validator, error) {
	if err := checkShape(name, data); err != nil {
		return nil, err
	}
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(raw)
	if err != nil {
		return nil, decodeError(name, string(data), err)
	}
	v := &validator{file: name, loc: newLocator(string(data))}
	for _, k := range md.Undecoded() {
		v.errs = append(v.errs, &des.FieldError{File: name, Line: v.loc.line(keyPath(k)), Field: k.String(),
			Msg: "unknown key", Err: des.ErrUnknownKey})
	}
	for _, k := range strict.MixedCaseKeys(md) {
		v.errs = append(v.errs, &des.FieldError{File: name, Line: v.loc.line(keyPath(k)), Field: k.String(),
			Msg: mixedCaseMsg(k), Err: des.ErrUnknownKey})
	}
	return v, nil
}
