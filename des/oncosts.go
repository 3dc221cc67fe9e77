package des

// Employer on-costs: the rules that turn a salary into an employer cost.
//
// The rules, as ARRS calculators and the published ARRS maxima apply them
// (see rates/oncosts.toml for every figure and its source):
//
//   - The cost of one whole-time employee for a year is the annual salary
//     plus employer National Insurance plus the employer's NHS Pension
//     Scheme contribution, plus the apprenticeship levy only when the
//     employer pays it.
//   - Employer (secondary Class 1) NI is the rate times the part of the
//     annual salary above the annual secondary threshold, and nothing when
//     the salary is at or below it. There is no upper limit. Rates and
//     thresholds change with the tax year on 6 April (and, in 2022/23, on
//     6 November 2022, when the 1.25 point Health and Social Care Levy rise
//     was reversed). The rates in force on the date asked for are applied to
//     the whole annual salary: an annual figure, not a payroll run.
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
//   - The salary is first rounded half-up to the penny; each on-cost is then
//     rounded half-up to the penny, and the total is the sum of the rounded
//     parts, so the parts always add up.
//   - Every rule covers a stated period and no rule is carried forward past
//     its last stated day: a date no rule covers is an error (ErrNoRate),
//     never a silent reuse of old figures.
//
// Tax years start on 6 April and DES years on 1 April, so 1-5 April of a DES
// year are still in the previous tax year. For a DES year's annual cost as
// the ARRS maxima are built (the tax-year rates of the year that starts in
// that April), ask for a date on or after 6 April: TaxYearStart(y).

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"
)

// OnCosts is a loaded, validated set of employer on-cost rules (employer NI,
// employer pension, apprenticeship levy) with their sources. It is immutable
// and safe for concurrent use; build one with LoadOnCosts (or take the
// embedded one from rates.OnCosts).
type OnCosts struct {
	ni, pension, levy []OnCostRule
	gaps              []Gap
}

// OnCostRule is one dated on-cost rule: Rate (a fraction, 0.138 for 13.8%)
// in force from From to To inclusive. Threshold is the annual secondary
// threshold in £ for employer NI, and zero for the other rules.
type OnCostRule struct {
	From      Date            `json:"from"`
	To        Date            `json:"to"`
	Rate      decimal.Decimal `json:"rate"`
	Threshold decimal.Decimal `json:"threshold,omitempty"`
	Source    Source          `json:"source"`
}

// CostOptions changes how EmployerCost works out a cost.
type CostOptions struct {
	// Levy applies the apprenticeship levy: set it when the employer pays
	// the levy (a pay bill over £3 million). Off, the levy is zero.
	Levy bool
}

// CostBreakdown is the employer cost of one whole-time employee for a year.
type CostBreakdown struct {
	// Salary, EmployerNI, Pension, Levy and Total are £ a year for 1 WTE,
	// each rounded half-up to the penny; Total = Salary + EmployerNI +
	// Pension + Levy exactly. Levy is zero unless CostOptions.Levy is set.
	Salary, EmployerNI, Pension, Levy, Total decimal.Decimal
	// NIRate, PensionRate and LevyRate are the fractions applied (LevyRate is
	// zero when the levy is not applied); NIThreshold is the annual
	// secondary threshold in £.
	NIRate, NIThreshold, PensionRate, LevyRate decimal.Decimal
	// From is the date whose rules were used (the date asked for).
	From Date
	// Sources has one entry per rule used: employer NI, pension, then the
	// levy when applied.
	Sources []Source
}

// TaxYearStart returns 6 April of the calendar year in which DES year y
// starts: the first day on which all of that DES year's tax-year rates
// (employer NI, levy) and scheme-year rates (pension) are in force together.
func TaxYearStart(y Year) Date { return Date{int32(y), 4, 6} }

// The on-cost file format; see rates/oncosts.toml.
type rawOnCostValue struct {
	From Date  `toml:"from"`
	To   Date  `toml:"to"`
	Rate Exact `toml:"rate"`
	rawSource
}

type rawNIValue struct {
	From      Date  `toml:"from"`
	To        Date  `toml:"to"`
	Rate      Exact `toml:"rate"`
	Threshold Exact `toml:"threshold"`
	rawSource
}

type rawOnCosts struct {
	EmployerNI []rawNIValue     `toml:"employer_ni"`
	Pension    []rawOnCostValue `toml:"pension"`
	Levy       []rawOnCostValue `toml:"apprenticeship_levy"`
	Gap        []rawGap         `toml:"gap"`
}

// LoadOnCosts decodes and validates on-cost rules in the format of
// rates/oncosts.toml. name is used in error messages (a file name).
// Decoding is strict: an unknown key, a TOML float where a decimal string
// belongs, a missing date, rate, threshold, source, url or confidence, a
// negative rate or a rate above 1, values out of date order or overlapping,
// or a last value with no `to` is an error naming the file, line and field
// (a *FieldError wrapping ErrUnknownKey, ErrBadNumber, ErrMissing,
// ErrInvalid, ErrOverlap or ErrSyntax). All problems found are returned
// together as Errors.
func LoadOnCosts(name string, data []byte) (*OnCosts, error) {
	if len(data) > MaxRuleSetBytes {
		return nil, &FieldError{File: name, Msg: fmt.Sprintf("input is %d bytes; an on-cost file may be at most %d", len(data), MaxRuleSetBytes), Err: ErrInvalid}
	}
	text := string(data)
	var raw rawOnCosts
	md, err := toml.Decode(text, &raw)
	if err != nil {
		return nil, decodeError(name, text, err)
	}
	v := &validator{file: name, loc: newLocator(text)}
	var keyLines map[string][]int
	seen := map[string]int{}
	for _, k := range md.Undecoded() {
		if keyLines == nil {
			keyLines = onCostKeyLines(text)
		}
		ks := normKey(strings.Join(k, "."))
		line := 0
		if ls := keyLines[ks]; seen[ks] < len(ls) {
			line = ls[seen[ks]] // the n-th unused key of this path is on its n-th line
		} else {
			line = v.loc.line(keyPath(k))
		}
		seen[ks]++
		v.errs = append(v.errs, &FieldError{File: name, Line: line, Field: k.String(), Msg: "unknown key", Err: ErrUnknownKey})
	}
	for _, k := range MixedCaseKeys(md) {
		v.errs = append(v.errs, &FieldError{File: name, Line: v.loc.line(keyPath(k)), Field: k.String(), Msg: mixedCaseMsg(k), Err: ErrUnknownKey})
	}
	oc := &OnCosts{}
	root := fieldPath{}

	ni := make([]rawOnCostValue, len(raw.EmployerNI))
	for i, r := range raw.EmployerNI {
		ni[i] = rawOnCostValue{From: r.From, To: r.To, Rate: r.Rate, rawSource: r.rawSource}
	}
	oc.ni = v.onCostRules(root, "employer_ni", ni, true)
	for i, r := range raw.EmployerNI {
		p := root.with("employer_ni", i)
		switch {
		case !r.Threshold.Set:
			v.onCostAdd(p.key("threshold"), p, ErrMissing, "missing threshold: the annual secondary threshold in £, e.g. threshold = \"9100\"")
		case r.Threshold.D.IsNegative() || Places(r.Threshold.D) > 2:
			v.onCostAdd(p.key("threshold"), p, ErrInvalid, "threshold %s: want an amount in pounds and pence, 0 or more", r.Threshold.D)
		}
		if i < len(oc.ni) {
			oc.ni[i].Threshold = r.Threshold.D
		}
	}
	oc.pension = v.onCostRules(root, "pension", raw.Pension, true)
	oc.levy = v.onCostRules(root, "apprenticeship_levy", raw.Levy, false)
	for i, g := range raw.Gap {
		p := root.with("gap", i)
		if strings.TrimSpace(g.Item) == "" || strings.TrimSpace(g.What) == "" {
			v.onCostAdd(p, p, ErrMissing, "a gap needs item and what")
		}
		oc.gaps = append(oc.gaps, Gap(g))
	}
	if err := v.errs.err(); err != nil {
		return nil, err
	}
	return oc, nil
}

// onCostAdd records an error at field p, or at the line of near when p's own
// line cannot be found (a missing key has no line).
func (v *validator) onCostAdd(p, near fieldPath, sentinel error, format string, args ...any) {
	line := v.loc.line(p)
	if line == 0 {
		line = v.loc.line(near)
	}
	v.errs = append(v.errs, &FieldError{File: v.file, Line: line, Field: p.String(), Msg: fmt.Sprintf(format, args...), Err: sentinel})
}

// onCostRules validates one list of dated values and returns it with each
// value's last day (To) filled in.
func (v *validator) onCostRules(root fieldPath, name string, raws []rawOnCostValue, required bool) []OnCostRule {
	if len(raws) == 0 {
		if required {
			v.onCostAdd(root.key(name), root, ErrMissing, "no [[%s]]: give at least one dated value", name)
		}
		return nil
	}
	out := make([]OnCostRule, 0, len(raws))
	for i, r := range raws {
		p := root.with(name, i)
		before := len(v.errs)
		src := v.source(p, r.rawSource)
		for _, e := range v.errs[before:] {
			var fe *FieldError
			if errors.As(e, &fe) && fe.Line == 0 {
				fe.Line = v.loc.line(p) // a missing key: point at its table
			}
		}
		rule := OnCostRule{From: r.From, To: r.To, Rate: r.Rate.D, Source: src}
		switch {
		case !r.Rate.Set:
			v.onCostAdd(p.key("rate"), p, ErrMissing, "missing rate: a fraction as a string, e.g. rate = \"0.138\" for 13.8%%")
		case r.Rate.D.IsNegative():
			v.onCostAdd(p.key("rate"), p, ErrInvalid, "rate %s is negative", r.Rate.D)
		case r.Rate.D.GreaterThan(decimal.NewFromInt(1)):
			v.onCostAdd(p.key("rate"), p, ErrInvalid, "rate %s is above 1: write a fraction (\"0.138\" for 13.8%%)", r.Rate.D)
		case Places(r.Rate.D) > 6:
			v.onCostAdd(p.key("rate"), p, ErrInvalid, "rate %s has more than six decimal places", r.Rate.D)
		}
		if r.From.IsZero() {
			v.onCostAdd(p.key("from"), p, ErrMissing, "missing from: the first day the value is in force, e.g. from = 2024-04-06")
		}
		if !r.To.IsZero() && !r.From.IsZero() && r.To.Before(r.From) {
			v.onCostAdd(p.key("to"), p, ErrInvalid, "to %s is before from %s", r.To, r.From)
		}
		if i > 0 {
			prev := raws[i-1]
			switch {
			case r.From.IsZero() || prev.From.IsZero():
			case r.From == prev.From:
				v.onCostAdd(p.key("from"), p, ErrOverlap, "two values from %s: each value needs its own from date", r.From)
			case r.From.Before(prev.From):
				v.onCostAdd(p.key("from"), p, ErrOverlap, "values must be in date order: %s comes after %s", r.From, prev.From)
			case !prev.To.IsZero() && !prev.To.Before(r.From):
				v.onCostAdd(p.key("from"), p, ErrOverlap, "from %s overlaps the previous value, in force to %s", r.From, prev.To)
			}
			if out[i-1].To.IsZero() && !r.From.IsZero() {
				out[i-1].To = r.From.AddDays(-1)
			}
		}
		if i == len(raws)-1 && r.To.IsZero() {
			v.onCostAdd(p.key("to"), p, ErrMissing, "the last [[%s]] needs to = its last day in force (e.g. the end of the last tax year its sources cover): no value is carried forward past its sources", name)
		}
		out = append(out, rule)
	}
	return out
}

// onCostKeyLines indexes the lines of a TOML text by full key path: a
// "key =" line inside a table is filed under the table's header joined to
// the key, and a table header under its own name. It is how the loader finds
// the line of a key the decoder did not use (the decoder gives no line).
func onCostKeyLines(text string) map[string][]int {
	out := map[string][]int{}
	table := ""
	for n, ln := range strings.Split(text, "\n") {
		t := strings.TrimSpace(ln)
		var full string
		switch {
		case strings.HasPrefix(t, "#"):
			continue
		case strings.HasPrefix(t, "[["):
			i := strings.Index(t, "]]")
			if i < 2 {
				continue
			}
			table = normKey(t[2:i])
			full = table
		case strings.HasPrefix(t, "["):
			i := strings.IndexByte(t, ']')
			if i < 1 {
				continue
			}
			table = normKey(t[1:i])
			full = table
		default:
			key, _, ok := strings.Cut(t, "=")
			if !ok {
				continue
			}
			full = normKey(key)
			if table != "" {
				full = table + "." + full
			}
		}
		out[full] = append(out[full], n+1)
	}
	return out
}

// onCostInForce returns the rule in force on d, if any.
func onCostInForce(rules []OnCostRule, d Date) (OnCostRule, bool) {
	for i := len(rules) - 1; i >= 0; i-- {
		r := rules[i]
		if r.From.After(d) {
			continue
		}
		if !r.To.IsZero() && d.After(r.To) {
			return OnCostRule{}, false
		}
		return r, true
	}
	return OnCostRule{}, false
}

func onCostCoverage(rules []OnCostRule) string {
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
// The error wraps ErrInvalid for a negative salary or a zero date, and
// ErrNoRate when no employer NI or pension rule (or, with opt.Levy, no levy
// rule) covers the date.
func (o *OnCosts) EmployerCost(salary decimal.Decimal, on Date, opt CostOptions) (CostBreakdown, error) {
	if salary.IsNegative() {
		return CostBreakdown{}, &FieldError{Field: "salary", Msg: fmt.Sprintf("salary %s is negative", salary), Err: ErrInvalid}
	}
	if on.IsZero() {
		return CostBreakdown{}, &FieldError{Field: "date", Msg: "no date: give the date whose rules apply", Err: ErrInvalid}
	}
	if o == nil {
		return CostBreakdown{}, &FieldError{Field: "date", Msg: "no on-cost rules loaded", Err: ErrNoRate}
	}
	ni, ok := onCostInForce(o.ni, on)
	if !ok {
		return CostBreakdown{}, &FieldError{Field: "employer_ni", Msg: fmt.Sprintf("no employer NI rule in force on %s (%s)", on, onCostCoverage(o.ni)), Err: ErrNoRate}
	}
	pen, ok := onCostInForce(o.pension, on)
	if !ok {
		return CostBreakdown{}, &FieldError{Field: "pension", Msg: fmt.Sprintf("no employer pension rule in force on %s (%s)", on, onCostCoverage(o.pension)), Err: ErrNoRate}
	}
	b := CostBreakdown{
		Salary:      RoundPenny(salary),
		NIRate:      ni.Rate,
		NIThreshold: ni.Threshold,
		PensionRate: pen.Rate,
		LevyRate:    decimal.Zero,
		Levy:        decimal.Zero,
		From:        on,
		Sources:     []Source{ni.Source, pen.Source},
	}
	above := b.Salary.Sub(ni.Threshold)
	if above.IsNegative() {
		above = decimal.Zero
	}
	b.EmployerNI = RoundPenny(ni.Rate.Mul(above))
	b.Pension = RoundPenny(pen.Rate.Mul(b.Salary))
	if opt.Levy {
		lv, ok := onCostInForce(o.levy, on)
		if !ok {
			return CostBreakdown{}, &FieldError{Field: "apprenticeship_levy", Msg: fmt.Sprintf("no apprenticeship levy rule in force on %s (%s)", on, onCostCoverage(o.levy)), Err: ErrNoRate}
		}
		b.LevyRate = lv.Rate
		b.Levy = RoundPenny(lv.Rate.Mul(b.Salary))
		b.Sources = append(b.Sources, lv.Source)
	}
	b.Total = b.Salary.Add(b.EmployerNI).Add(b.Pension).Add(b.Levy)
	return b, nil
}

// onCostPercent prints a fraction as a percentage with the digits it has:
// 0.138 → "13.8%", 0.15 → "15%", 0.005 → "0.5%".
func onCostPercent(d decimal.Decimal) string {
	return d.Shift(2).String() + "%"
}

// Explain writes the cost out as one line of arithmetic with its sources:
//
//	salary £52,000.00 + employer NI 13.8% × (£52,000.00 − £9,100.00) = £5,920.20 + pension 14.38% × £52,000.00 = £7,477.60 = £65,397.80 (sources: …)
func (b CostBreakdown) Explain() string {
	var s strings.Builder
	fmt.Fprintf(&s, "salary %s", Pounds(b.Salary))
	if b.Salary.GreaterThan(b.NIThreshold) {
		fmt.Fprintf(&s, " + employer NI %s × (%s − %s) = %s", onCostPercent(b.NIRate), Pounds(b.Salary), Pounds(b.NIThreshold), Pounds(b.EmployerNI))
	} else {
		fmt.Fprintf(&s, " + employer NI %s (salary not above the %s threshold) = %s", onCostPercent(b.NIRate), Pounds(b.NIThreshold), Pounds(b.EmployerNI))
	}
	fmt.Fprintf(&s, " + pension %s × %s = %s", onCostPercent(b.PensionRate), Pounds(b.Salary), Pounds(b.Pension))
	if !b.LevyRate.IsZero() || !b.Levy.IsZero() {
		fmt.Fprintf(&s, " + apprenticeship levy %s × %s = %s", onCostPercent(b.LevyRate), Pounds(b.Salary), Pounds(b.Levy))
	}
	fmt.Fprintf(&s, " = %s", Pounds(b.Total))
	if len(b.Sources) > 0 {
		names := []string{"employer NI", "pension", "apprenticeship levy"}
		s.WriteString(" (sources: ")
		for i, src := range b.Sources {
			if i > 0 {
				s.WriteString("; ")
			}
			if i < len(names) {
				s.WriteString(names[i] + ": ")
			}
			s.WriteString(src.String())
		}
		s.WriteString(")")
	}
	return s.String()
}

// EmployerNI returns the employer NI rules, oldest first.
func (o *OnCosts) EmployerNI() []OnCostRule {
	if o == nil {
		return nil
	}
	return slices.Clone(o.ni)
}

// Pension returns the employer pension rules, oldest first.
func (o *OnCosts) Pension() []OnCostRule {
	if o == nil {
		return nil
	}
	return slices.Clone(o.pension)
}

// ApprenticeshipLevy returns the apprenticeship levy rules, oldest first.
func (o *OnCosts) ApprenticeshipLevy() []OnCostRule {
	if o == nil {
		return nil
	}
	return slices.Clone(o.levy)
}

// Gaps lists the figures and rules the on-cost data leaves out for want of
// a source.
func (o *OnCosts) Gaps() []Gap {
	if o == nil {
		return nil
	}
	return slices.Clone(o.gaps)
}
