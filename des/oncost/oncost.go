// Package oncost holds employer on-costs: the rules that turn a salary into
// an employer cost for a year.
//
// The rules, as ARRS calculators and the published ARRS maxima apply them
// (see rates/oncosts.toml for every figure and its source):
//
//   - The cost of one whole-time employee for a year is the annual salary
//     plus employer National Insurance plus the employer's NHS Pension
//     Scheme contribution, plus the apprenticeship levy only when the
//     employer pays it.
//   - Employer (secondary Class 1) NI is charged per pay period on the
//     person's actual earnings: the rate times the part of the period's pay
//     above the period's secondary threshold, and nothing at or below it.
//     There is no upper limit. Rates and thresholds change with the tax year
//     on 6 April (and, in 2022/23, on 6 November 2022, when the 1.25 point
//     Health and Social Care Levy rise was reversed), by the date the pay is
//     paid.
//   - PayCost is that rule for one month's actual pay (a part-time person's
//     own pay, a starter's part month): the monthly threshold HMRC publishes
//     (£417 for 2025/26; £758 for 2022/23 to 2024/25), NI rounded to the
//     penny with half a penny or less disregarded (Social Security
//     (Contributions) Regulations 2001, reg. 12(1); HMRC NIM11002). So a
//     0.5 WTE technician on a £30,000 full-time salary in 2025/26 is paid
//     £1,250.00 a month and costs £1,250.00 + 15% × (£1,250.00 − £417.00) =
//     £124.95 + 14.38% × £1,250.00 = £179.75, £1,554.70 a month and
//     £18,656.40 a year, not half of a full-time £38,064.00 (£19,032.00).
//   - EmployerCost is the annual figure of one whole-time employee, as ARRS
//     calculators and the published maxima apply it: the rates in force on
//     the date asked for applied to the whole annual salary above the annual
//     threshold (rounded half-up): a full-time salary's yardstick (the band
//     model backs maxima out of it), not a payroll run.
//   - The pension contribution is the rate times the whole salary. Since
//     1 April 2019 employers have paid 14.38% (14.3% plus the 0.08%
//     administration levy); the rest of the full employer rate (20.68%, then
//     23.78%) is paid centrally and is not an employer cost. Pension rates
//     change with the scheme year on 1 April.
//   - The apprenticeship levy is 0.5% of the whole salary (the pay bill is
//     all earnings liable to secondary NI). Only employers with a pay bill
//     over £3 million pay it, which practices and PCNs normally do not, so it
//     is applied only on request; the employer's £15,000 allowance is not
//     apportioned to one salary.
//   - The salary (or pay) is first rounded half-up to the penny; each
//     on-cost is then rounded to the penny (half-up, except a period's NI,
//     as above), and the total is the sum of the rounded parts, so the parts
//     always add up.
//   - Every rule covers a stated period and no rule is carried forward past
//     its last stated day: a date no rule covers is an error (des.ErrNoRate),
//     never a silent reuse of old figures. CarriedForward is the one,
//     marked, exception: a copy for forecasts into projected years whose
//     carried rules say PROJECTION in every source and explanation.
//
// Tax years start on 6 April and DES years on 1 April, so 1-5 April of a DES
// year are still in the previous tax year. For a DES year's annual cost as
// the ARRS maxima are built (the tax-year rates of the year that starts in
// that April), ask for a date on or after 6 April: TaxYearStart(y). For
// month by month costs, package arrs dates each calendar month's pay the
// 15th, so April's pay is in the tax year that starts on 6 April (April
// 2025: 15% above £417, not 13.8% above £758).
package oncost

import (
	"errors"
	"fmt"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/internal/money"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/strict"
	"github.com/shopspring/decimal"
)

// Rules is a loaded, validated set of employer on-cost rules (employer NI,
// employer pension, apprenticeship levy) with their sources. It is immutable
// and safe for concurrent use; build one with Load (or take the
// embedded one from rates.Rules).
type Rules struct {
	ni, pension, levy []Rule
	gaps              []des.Gap
}

// Rule is one dated on-cost rule: Rate (a fraction, 0.138 for 13.8%)
// in force from From to To inclusive. Threshold is the annual secondary
// threshold in £ for employer NI, and MonthlyThreshold the secondary
// threshold for a monthly pay period as HMRC publishes it (£417 for
// 2025/26, not £5,000 ÷ 12); both are zero for the other rules.
type Rule struct {
	From             des.Date        `json:"from"`
	To               des.Date        `json:"to"`
	Rate             decimal.Decimal `json:"rate"`
	Threshold        decimal.Decimal `json:"threshold,omitempty"`
	MonthlyThreshold decimal.Decimal `json:"monthly_threshold,omitempty"`
	Source           des.Source      `json:"source"`
}

// Options changes how EmployerCost works out a cost.
type Options struct {
	// Levy applies the apprenticeship levy: set it when the employer pays
	// the levy (a pay bill over £3 million). Off, the levy is zero.
	Levy bool
}

// Breakdown is an employer cost: of one whole-time employee for a year
// (EmployerCost), or of one month's actual pay (PayCost, Monthly set).
type Breakdown struct {
	// Salary, EmployerNI, Pension, Levy and Total are £ a year for 1 WTE
	// (or, Monthly, £ for the month's pay: Salary is the pay), each rounded
	// to the penny (see the package doc for the rule); Total = Salary +
	// EmployerNI + Pension + Levy exactly. Levy is zero unless Options.Levy
	// is set.
	Salary, EmployerNI, Pension, Levy, Total decimal.Decimal
	// NIRate, PensionRate and LevyRate are the fractions applied (LevyRate is
	// zero when the levy is not applied); NIThreshold is the secondary
	// threshold in £ for the period: annual, or monthly when Monthly.
	NIRate, NIThreshold, PensionRate, LevyRate decimal.Decimal
	// Monthly says the breakdown is of one month's pay (PayCost).
	Monthly bool
	// From is the date whose rules were used (the date asked for).
	From des.Date
	// Sources has one entry per rule used: employer NI, pension, then the
	// levy when applied.
	Sources []des.Source
}

// TaxYearStart returns 6 April of the calendar year in which DES year y
// starts: the first day on which all of that DES year's tax-year rates
// (employer NI, levy) and scheme-year rates (pension) are in force together.
func TaxYearStart(y des.Year) des.Date { return des.MustDate(int(y), time.April, 6) }

// The on-cost file format; see rates/oncosts.toml.
type rawOnCostValue struct {
	From des.Date     `toml:"from"`
	To   des.Date     `toml:"to"`
	Rate strict.Exact `toml:"rate"`
	rawSource
}

type rawNIValue struct {
	From             des.Date     `toml:"from"`
	To               des.Date     `toml:"to"`
	Rate             strict.Exact `toml:"rate"`
	Threshold        strict.Exact `toml:"threshold"`
	MonthlyThreshold strict.Exact `toml:"monthly_threshold"`
	rawSource
}

type rawOnCosts struct {
	EmployerNI []rawNIValue     `toml:"employer_ni"`
	Pension    []rawOnCostValue `toml:"pension"`
	Levy       []rawOnCostValue `toml:"apprenticeship_levy"`
	Gap        []rawGap         `toml:"gap"`
}

// Load decodes and validates on-cost rules in the format of
// rates/oncosts.toml. name is used in error messages (a file name).
// Decoding is strict: an unknown key, a TOML float where a decimal string
// belongs, a missing date, rate, threshold, source, url or confidence, a
// negative rate or a rate above 1, values out of date order or overlapping,
// or a last value with no `to` is an error naming the file, line and field
// (a *des.FieldError wrapping des.ErrUnknownKey, ErrBadNumber, des.ErrMissing,
// des.ErrInvalid, des.ErrOverlap or ErrSyntax). All problems found are returned
// together as des.Errors.
func Load(name string, data []byte) (*Rules, error) {
	if len(data) > rulefile.MaxBytes {
		return nil, &des.FieldError{File: name,
			Msg: fmt.Sprintf("input is %d bytes; an on-cost file may be at most %d", len(data), rulefile.MaxBytes),
			Err: des.ErrInvalid}
	}
	text := string(data)
	var raw rawOnCosts
	md, err := toml.Decode(text, &raw)
	if err != nil {
		return nil, decodeError(name, text, err)
	}
	v := &validator{file: name, loc: strict.NewLocator(text)}
	var keyLines map[string][]int
	seen := map[string]int{}
	for _, k := range md.Undecoded() {
		if keyLines == nil {
			keyLines = strict.KeyLines(text)
		}
		ks := strict.NormKey(strings.Join(k, "."))
		line := 0
		if ls := keyLines[ks]; seen[ks] < len(ls) {
			line = ls[seen[ks]] // the n-th unused key of this path is on its n-th line
		} else {
			line = v.loc.LineOf(strict.KeyPath(k))
		}
		seen[ks]++
		v.errs = append(v.errs, &des.FieldError{File: name, Line: line, Field: k.String(), Msg: "unknown key",
			Err: des.ErrUnknownKey})
	}
	for _, k := range strict.MixedCaseKeys(md) {
		v.errs = append(v.errs, &des.FieldError{File: name, Line: v.loc.LineOf(strict.KeyPath(k)), Field: k.String(),
			Msg: strict.MixedCaseMessage(k), Err: des.ErrUnknownKey})
	}
	oc := &Rules{}
	root := strict.Path{}

	ni := make([]rawOnCostValue, len(raw.EmployerNI))
	for i, r := range raw.EmployerNI {
		ni[i] = rawOnCostValue{From: r.From, To: r.To, Rate: r.Rate, rawSource: r.rawSource}
	}
	oc.ni = v.onCostRules(root, "employer_ni", ni, true)
	for i, r := range raw.EmployerNI {
		p := root.With("employer_ni", i)
		switch {
		case !r.Threshold.Set:
			v.onCostAdd(p.Key("threshold"), p, des.ErrMissing,
				"missing threshold: the annual secondary threshold in £, e.g. threshold = \"9100\"")
		case r.Threshold.D.IsNegative() || money.Places(r.Threshold.D) > 2:
			v.onCostAdd(p.Key("threshold"), p, des.ErrInvalid, "threshold %s: want an amount in pounds and pence, 0 or more",
				r.Threshold.D)
		}
		switch {
		case !r.MonthlyThreshold.Set:
			v.onCostAdd(p.Key("monthly_threshold"), p, des.ErrMissing,
				"missing monthly_threshold: the secondary threshold for a monthly pay period in £ as HMRC publishes it, "+
					"e.g. monthly_threshold = \"758\"")
		case r.MonthlyThreshold.D.IsNegative() || money.Places(r.MonthlyThreshold.D) > 2:
			v.onCostAdd(p.Key("monthly_threshold"), p, des.ErrInvalid,
				"monthly_threshold %s: want an amount in pounds and pence, 0 or more", r.MonthlyThreshold.D)
		}
		oc.ni[i].Threshold = r.Threshold.D // onCostRules gives one rule per value
		oc.ni[i].MonthlyThreshold = r.MonthlyThreshold.D
	}
	oc.pension = v.onCostRules(root, "pension", raw.Pension, true)
	oc.levy = v.onCostRules(root, "apprenticeship_levy", raw.Levy, false)
	for i, g := range raw.Gap {
		p := root.With("gap", i)
		if strings.TrimSpace(g.Item) == "" || strings.TrimSpace(g.What) == "" {
			v.onCostAdd(p, p, des.ErrMissing, "a gap needs item and what")
		}
		oc.gaps = append(oc.gaps, des.Gap{Item: g.Item, What: g.What, Removed: g.Removed})
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	return oc, nil
}

// onCostAdd records an error at field p, or at the line of near when p's own
// line cannot be found (a missing key has no line).
func (v *validator) onCostAdd(p, near strict.Path, sentinel error, format string, args ...any) {
	line := v.loc.LineOf(p)
	if line == 0 {
		line = v.loc.LineOf(near)
	}
	v.errs = append(v.errs, &des.FieldError{File: v.file, Line: line, Field: p.String(),
		Msg: fmt.Sprintf(format, args...), Err: sentinel})
}

// onCostRules validates one list of dated values and returns it with each
// value's last day (To) filled in.
func (v *validator) onCostRules(root strict.Path, name string, raws []rawOnCostValue, required bool) []Rule {
	if len(raws) == 0 {
		if required {
			v.onCostAdd(root.Key(name), root, des.ErrMissing, "no [[%s]]: give at least one dated value", name)
		}
		return nil
	}
	out := make([]Rule, 0, len(raws))
	for i, r := range raws {
		p := root.With(name, i)
		rule := Rule{From: r.From, To: r.To, Rate: r.Rate.D, Source: v.onCostSource(p, r.rawSource)}
		v.onCostRate(p, r.Rate)
		v.onCostDates(p, r)
		if i > 0 {
			v.onCostOrder(p, raws[i-1], r)
			if out[i-1].To.IsZero() && !r.From.IsZero() {
				out[i-1].To = r.From.AddDays(-1)
			}
		}
		if i == len(raws)-1 && r.To.IsZero() {
			v.onCostAdd(p.Key("to"), p, des.ErrMissing,
				"the last [[%s]] needs to = its last day in force (e.g. the end of the last tax year its sources cover): "+
					"no value is carried forward past its sources", name)
		}
		out = append(out, rule)
	}
	return out
}

// onCostSource checks a value's source; a missing key points at the
// value's table.
func (v *validator) onCostSource(p strict.Path, s rawSource) des.Source {
	before := len(v.errs)
	src := v.source(p, s)
	for _, e := range v.errs[before:] {
		var fe *des.FieldError
		if errors.As(e, &fe) && fe.Line == 0 {
			fe.Line = v.loc.LineOf(p) // a missing key: point at its table
		}
	}
	return src
}

// onCostRate checks a value's rate: a fraction from 0 to 1, at most six
// places.
func (v *validator) onCostRate(p strict.Path, rate strict.Exact) {
	switch {
	case !rate.Set:
		v.onCostAdd(p.Key("rate"), p, des.ErrMissing,
			"missing rate: a fraction as a string, e.g. rate = \"0.138\" for 13.8%%")
	case rate.D.IsNegative():
		v.onCostAdd(p.Key("rate"), p, des.ErrInvalid, "rate %s is negative", rate.D)
	case rate.D.GreaterThan(decimal.NewFromInt(1)):
		v.onCostAdd(p.Key("rate"), p, des.ErrInvalid, "rate %s is above 1: write a fraction (\"0.138\" for 13.8%%)",
			rate.D)
	case money.Places(rate.D) > 6:
		v.onCostAdd(p.Key("rate"), p, des.ErrInvalid, "rate %s has more than six decimal places", rate.D)
	}
}

// onCostDates checks a value's own dates: a from, and no to before it.
func (v *validator) onCostDates(p strict.Path, r rawOnCostValue) {
	if r.From.IsZero() {
		v.onCostAdd(p.Key("from"), p, des.ErrMissing,
			"missing from: the first day the value is in force, e.g. from = 2024-04-06")
	}
	if !r.To.IsZero() && !r.From.IsZero() && r.To.Before(r.From) {
		v.onCostAdd(p.Key("to"), p, des.ErrInvalid, "to %s is before from %s", r.To, r.From)
	}
}

// onCostOrder checks that a value starts after the one before it, prev,
// and after prev's last day.
func (v *validator) onCostOrder(p strict.Path, prev, r rawOnCostValue) {
	switch {
	case r.From.IsZero() || prev.From.IsZero():
	case r.From == prev.From:
		v.onCostAdd(p.Key("from"), p, des.ErrOverlap, "two values from %s: each value needs its own from date", r.From)
	case r.From.Before(prev.From):
		v.onCostAdd(p.Key("from"), p, des.ErrOverlap, "values must be in date order: %s comes after %s", r.From, prev.From)
	case !prev.To.IsZero() && !prev.To.Before(r.From):
		v.onCostAdd(p.Key("from"), p, des.ErrOverlap, "from %s overlaps the previous value, in force to %s", r.From,
			prev.To)
	}
}

// onCostInForce returns the rule in force on d, if any.
func onCostInForce(rules []Rule, d des.Date) (Rule, bool) {
	for i := len(rules) - 1; i >= 0; i-- {
		r := rules[i]
		if r.From.After(d) {
			continue
		}
		if !r.To.IsZero() && d.After(r.To) {
			return Rule{}, false
		}
		return r, true
	}
	return Rule{}, false
}

func onCostCoverage(rules []Rule) string {
	if len(rules) == 0 {
		return "there are none"
	}
	return fmt.Sprintf("they cover %s to %s", rules[0].From, rules[len(rules)-1].To)
}

// EmployerCost works out the employer cost of one whole-time employee on an
// annual salary, with the rules in force on date on applied to the whole
// annual salary (as ARRS calculators apply tax-year rates; see the rules at
// the top of this file). For a DES year's cost as the ARRS maxima are built,
// pass TaxYearStart(y) or a later date in the year: on 1-5 April the
// previous tax year's NI rates are in force.
//
// The error wraps des.ErrInvalid for a negative salary or a zero date, and
// des.ErrNoRate when no employer NI or pension rule (or, with opt.Levy, no levy
// rule) covers the date.
func (o *Rules) EmployerCost(salary decimal.Decimal, on des.Date, opt Options) (Breakdown, error) {
	return o.cost(salary, on, opt, false)
}

// PayCost works out the employer cost of one month's actual pay (a
// part-time or part-month person's own pay, not a whole-time salary), paid
// on the date on: employer NI is the rate times the pay above the monthly
// secondary threshold in force on that date, rounded to the penny with half
// a penny or less disregarded (Social Security (Contributions) Regulations
// 2001, reg. 12(1); HMRC National Insurance Manual NIM11002); the pension
// and levy are their rates times the pay, rounded half-up. NI rates are
// those of the payment date, so pay dated 1-5 April is in the previous tax
// year; arrs dates each month's pay the 15th.
//
// The errors are EmployerCost's (field "pay" for a negative pay).
func (o *Rules) PayCost(pay decimal.Decimal, on des.Date, opt Options) (Breakdown, error) {
	return o.cost(pay, on, opt, true)
}

func (o *Rules) cost(salary decimal.Decimal, on des.Date, opt Options, monthly bool) (Breakdown, error) {
	if salary.IsNegative() {
		if monthly {
			return Breakdown{}, &des.FieldError{Field: "pay", Msg: fmt.Sprintf("pay %s is negative", salary),
				Err: des.ErrInvalid}
		}
		return Breakdown{}, &des.FieldError{Field: "salary", Msg: fmt.Sprintf("salary %s is negative", salary),
			Err: des.ErrInvalid}
	}
	if on.IsZero() {
		return Breakdown{}, &des.FieldError{Field: "date", Msg: "no date: give the date whose rules apply",
			Err: des.ErrInvalid}
	}
	if o == nil {
		return Breakdown{}, &des.FieldError{Field: "date", Msg: "no on-cost rules loaded", Err: des.ErrNoRate}
	}
	ni, ok := onCostInForce(o.ni, on)
	if !ok {
		return Breakdown{}, &des.FieldError{Field: "employer_ni",
			Msg: fmt.Sprintf("no employer NI rule in force on %s (%s)", on, onCostCoverage(o.ni)), Err: des.ErrNoRate}
	}
	pen, ok := onCostInForce(o.pension, on)
	if !ok {
		return Breakdown{}, &des.FieldError{Field: "pension",
			Msg: fmt.Sprintf("no employer pension rule in force on %s (%s)", on, onCostCoverage(o.pension)), Err: des.ErrNoRate}
	}
	b := Breakdown{
		Salary:      money.RoundPenny(salary),
		NIRate:      ni.Rate,
		NIThreshold: ni.Threshold,
		Monthly:     monthly,
		PensionRate: pen.Rate,
		LevyRate:    decimal.Zero,
		Levy:        decimal.Zero,
		From:        on,
		Sources:     []des.Source{ni.Source, pen.Source},
	}
	above := b.Salary.Sub(ni.Threshold)
	if above.IsNegative() {
		above = decimal.Zero
	}
	if monthly {
		b.NIThreshold = ni.MonthlyThreshold
		above = b.Salary.Sub(ni.MonthlyThreshold)
		if above.IsNegative() {
			above = decimal.Zero
		}
		b.EmployerNI = NIRound(ni.Rate.Mul(above))
	} else {
		b.EmployerNI = money.RoundPenny(ni.Rate.Mul(above))
	}
	b.Pension = money.RoundPenny(pen.Rate.Mul(b.Salary))
	if opt.Levy {
		lv, ok := onCostInForce(o.levy, on)
		if !ok {
			return Breakdown{}, &des.FieldError{Field: "apprenticeship_levy",
				Msg: fmt.Sprintf("no apprenticeship levy rule in force on %s (%s)", on, onCostCoverage(o.levy)), Err: des.ErrNoRate}
		}
		b.LevyRate = lv.Rate
		b.Levy = money.RoundPenny(lv.Rate.Mul(b.Salary))
		b.Sources = append(b.Sources, lv.Source)
	}
	b.Total = b.Salary.Add(b.EmployerNI).Add(b.Pension).Add(b.Levy)
	return b, nil
}

// CarriedForward returns a copy of the rules in which the last employer NI,
// pension and apprenticeship levy rules also cover every later date, as a
// marked projection: each carried rule's source has confidence des.Carried
// and a document that begins "PROJECTION:" and names the rule carried and
// the day it was last stated for. It is for forecasts into years no source
// covers yet (as rate projections carry the last published figures);
// EmployerCost on the rules as loaded still refuses such dates.
// A nil or empty Rules gives itself back (nil stays nil).
func (o *Rules) CarriedForward() *Rules {
	if o == nil {
		return nil
	}
	c := &Rules{ni: carry(o.ni, "employer NI"), pension: carry(o.pension, "pension"),
		levy: carry(o.levy, "apprenticeship levy"), gaps: slices.Clone(o.gaps)}
	return c
}

func carry(rules []Rule, what string) []Rule {
	out := slices.Clone(rules)
	if len(out) == 0 {
		return out
	}
	last := out[len(out)-1]
	if last.To.IsZero() {
		return out // already open-ended
	}
	from := last.To.AddDays(1)
	if from.IsZero() {
		return out
	}
	src := last.Source
	src.Document = fmt.Sprintf("PROJECTION: %s rule of %s to %s carried forward unchanged from %s; "+
		"no source gives the rule from then (%s)", what, last.From, last.To, from, last.Source.Document)
	src.Confidence = des.Carried
	return append(out, Rule{From: from, Rate: last.Rate, Threshold: last.Threshold, MonthlyThreshold: last.MonthlyThreshold,
		Source: src})
}

// Projected reports whether a rule used in the breakdown is a projection
// (carried forward by CarriedForward, not sourced for the date).
func (b Breakdown) Projected() bool {
	for _, s := range b.Sources {
		if s.Confidence == des.Carried {
			return true
		}
	}
	return false
}

// NIRound rounds a National Insurance contribution to the penny as the
// Social Security (Contributions) Regulations 2001, reg. 12(1) say (HMRC
// NIM11002, the exact percentage method): to the nearest penny, an amount
// of half a penny or less disregarded (£124.955 → £124.95, £124.9551 →
// £124.96). x is not negative.
func NIRound(x decimal.Decimal) decimal.Decimal {
	p := x.Shift(2)
	down := p.Floor()
	if p.Sub(down).GreaterThan(decimal.New(5, -1)) {
		down = down.Add(decimal.NewFromInt(1))
	}
	return down.Shift(-2)
}

// exactThenPenny writes a product and, when it has more than two places,
// the penny it rounds to: "£124.955, to the penny £124.95".
func exactThenPenny(exact, rounded decimal.Decimal) string {
	if money.Places(exact) <= 2 {
		return money.Pounds(rounded)
	}
	return "£" + exact.String() + " → " + money.Pounds(rounded)
}

// onCostPercent prints a fraction as a percentage with the digits it has:
// 0.138 → "13.8%", 0.15 → "15%", 0.005 → "0.5%".
func onCostPercent(d decimal.Decimal) string {
	return d.Shift(2).String() + "%"
}

// Explain writes the cost out as one line of arithmetic with its sources:
//
//	salary £52,000.00 + employer NI 13.8% × (£52,000.00 − £9,100.00) = £5,920.20
//	  + pension 14.38% × £52,000.00 = £7,477.60 = £65,397.80 (sources: …)
func (b Breakdown) Explain() string {
	var s strings.Builder
	if b.Monthly {
		b.explainMonth(&s)
	} else {
		b.explainYear(&s)
	}
	fmt.Fprintf(&s, " = %s", money.Pounds(b.Total))
	if b.Projected() {
		s.WriteString(" [PROJECTION: on-cost rules carried forward past the last sourced rule]")
	}
	if len(b.Sources) > 0 {
		s.WriteString(" (sources: " + b.SourcesText() + ")")
	}
	return s.String()
}

// SourcesText names the rules used: "employer NI: …; pension: …".
func (b Breakdown) SourcesText() string {
	var s strings.Builder
	names := []string{"employer NI", "pension", "apprenticeship levy"}
	for i, src := range b.Sources {
		if i > 0 {
			s.WriteString("; ")
		}
		if i < len(names) {
			s.WriteString(names[i] + ": ")
		}
		s.WriteString(src.String())
	}
	return s.String()
}

// ExplainArithmetic is Explain without the sources: the month's (or year's)
// arithmetic alone, for an explanation that lists the sources once.
func (b Breakdown) ExplainArithmetic() string {
	var s strings.Builder
	if b.Monthly {
		b.explainMonth(&s)
	} else {
		b.explainYear(&s)
	}
	fmt.Fprintf(&s, " = %s", money.Pounds(b.Total))
	if b.Projected() {
		s.WriteString(" [PROJECTION: on-cost rules carried forward past the last sourced rule]")
	}
	return s.String()
}

// explainMonth writes a month's pay and on-costs with each product before
// its rounding: "pay £1,250.00 + employer NI 15% × (£1,250.00 − £417.00
// monthly threshold) = £124.95 + pension 14.38% × £1,250.00 = £179.75".
func (b Breakdown) explainMonth(s *strings.Builder) {
	fmt.Fprintf(s, "pay %s", money.Pounds(b.Salary))
	if b.Salary.GreaterThan(b.NIThreshold) {
		fmt.Fprintf(s, " + employer NI %s × (%s − %s monthly threshold) = %s", onCostPercent(b.NIRate),
			money.Pounds(b.Salary), money.Pounds(b.NIThreshold),
			exactThenPenny(b.NIRate.Mul(b.Salary.Sub(b.NIThreshold)), b.EmployerNI))
		if money.Places(b.NIRate.Mul(b.Salary.Sub(b.NIThreshold))) > 2 {
			s.WriteString(" (NI: ½p or less disregarded)")
		}
	} else {
		fmt.Fprintf(s, " + employer NI %s (pay not above the %s monthly threshold) = %s", onCostPercent(b.NIRate),
			money.Pounds(b.NIThreshold), money.Pounds(b.EmployerNI))
	}
	fmt.Fprintf(s, " + pension %s × %s = %s", onCostPercent(b.PensionRate), money.Pounds(b.Salary),
		exactThenPenny(b.PensionRate.Mul(b.Salary), b.Pension))
	if !b.LevyRate.IsZero() || !b.Levy.IsZero() {
		fmt.Fprintf(s, " + apprenticeship levy %s × %s = %s", onCostPercent(b.LevyRate), money.Pounds(b.Salary),
			exactThenPenny(b.LevyRate.Mul(b.Salary), b.Levy))
	}
}

func (b Breakdown) explainYear(s *strings.Builder) {
	fmt.Fprintf(s, "salary %s", money.Pounds(b.Salary))
	if b.Salary.GreaterThan(b.NIThreshold) {
		fmt.Fprintf(s, " + employer NI %s × (%s − %s) = %s", onCostPercent(b.NIRate), money.Pounds(b.Salary),
			money.Pounds(b.NIThreshold), money.Pounds(b.EmployerNI))
	} else {
		fmt.Fprintf(s, " + employer NI %s (salary not above the %s threshold) = %s", onCostPercent(b.NIRate),
			money.Pounds(b.NIThreshold), money.Pounds(b.EmployerNI))
	}
	fmt.Fprintf(s, " + pension %s × %s = %s", onCostPercent(b.PensionRate), money.Pounds(b.Salary), money.Pounds(b.Pension))
	if !b.LevyRate.IsZero() || !b.Levy.IsZero() {
		fmt.Fprintf(s, " + apprenticeship levy %s × %s = %s", onCostPercent(b.LevyRate), money.Pounds(b.Salary),
			money.Pounds(b.Levy))
	}
}

// EmployerNI returns the employer NI rules, oldest first.
func (o *Rules) EmployerNI() []Rule {
	if o == nil {
		return nil
	}
	return slices.Clone(o.ni)
}

// Pension returns the employer pension rules, oldest first.
func (o *Rules) Pension() []Rule {
	if o == nil {
		return nil
	}
	return slices.Clone(o.pension)
}

// ApprenticeshipLevy returns the apprenticeship levy rules, oldest first.
func (o *Rules) ApprenticeshipLevy() []Rule {
	if o == nil {
		return nil
	}
	return slices.Clone(o.levy)
}

// Gaps lists the figures and rules the on-cost data leaves out for want of
// a source.
func (o *Rules) Gaps() []des.Gap {
	if o == nil {
		return nil
	}
	return slices.Clone(o.gaps)
}

// The shared parts of the file format, and the validator.
type rawSource struct {
	Source     string `toml:"source"`
	URL        string `toml:"url"`
	Confidence string `toml:"confidence"`
	Note       string `toml:"note"`
}

type rawGap struct {
	Item    string `toml:"item"`
	What    string `toml:"what"`
	Removed bool   `toml:"removed"`
}

type validator struct {
	file string
	loc  *strict.Locator
	errs des.Errors
}

func (v *validator) err() error {
	if len(v.errs) == 0 {
		return nil
	}
	return v.errs
}

func (v *validator) source(p strict.Path, s rawSource) des.Source {
	if strings.TrimSpace(s.Source) == "" {
		v.onCostAdd(p.Key("source"), p, des.ErrMissing,
			"missing source: every figure names the document and paragraph or table it comes from")
	}
	if !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
		v.onCostAdd(p.Key("url"), p, des.ErrMissing,
			"missing or bad url %q: every figure gives the address of its source", s.URL)
	}
	c := des.Confidence(s.Confidence)
	if !c.Sourced() {
		v.onCostAdd(p.Key("confidence"), p, des.ErrInvalid, "confidence %q: want confirmed, single or uncertain",
			s.Confidence)
	}
	return des.Source{Document: s.Source, URL: s.URL, Confidence: c, Note: s.Note}
}

func decodeError(name, text string, err error) error {
	pr := strict.Analyse(text, err, des.ErrSyntax, des.ErrInvalid, des.ErrBadNumber, des.ErrBadDate, des.ErrBadYear)
	return &des.FieldError{File: name, Line: pr.Line, Field: pr.Field, Msg: pr.Msg, Err: pr.Err}
}

// RatesOn gives the pension rate, employer NI rate and NI annual threshold
// in force on a date: a derive.OnCostRates for the band model (derive.Complete).
func (o *Rules) RatesOn(on des.Date) (pension, niRate, niThreshold decimal.Decimal, err error) {
	b, err := o.EmployerCost(decimal.Zero, on, Options{})
	if err != nil {
		return decimal.Zero, decimal.Zero, decimal.Zero, err
	}
	return b.PensionRate, b.NIRate, b.NIThreshold, nil
}
