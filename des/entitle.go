package des

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// How a network entitlement is worked out, for each payment of the year's
// rule set and each of its parts:
//
//   - The basis figure is the PCN's total (the sum over its practices) of the
//     part's basis at the reference date; for payments paid to practices, each
//     practice's own figure, computed and rounded separately. A part with a
//     size scale is multiplied by the factor of the highest step the PCN's
//     registered list is above.
//   - A rate stated as annual is paid in monthly twelfths. For each month,
//     each value in force in the month contributes rate × basis × (days of
//     the month it is in force, within the part's period) ÷ (days in the
//     month × 12). A value applies from its date until the next value's date;
//     of two values with the same date, the later-announced (a backdated
//     revision) applies.
//   - An amount stated for a period is spread equally over the period's
//     months: rate × basis ÷ months.
//   - Each month's payment of each part (and each practice) is rounded
//     half-up to the penny; the year is the sum of its rounded months.
//   - An ARRS sum is not paid; it is the same arithmetic summed over the
//     months and rounded once, to the penny.

// Options tune an entitlement calculation. The zero value uses the rules as
// last revised.
type Options struct {
	// AsAt, when set, uses only values announced on or before that date:
	// "what were we told in June?" rather than the backdated revision.
	AsAt Date
}

// RateUsed is one dated value used in a calculation.
type RateUsed struct {
	Rate decimal.Decimal `json:"rate"`
	// From and To are the dates the value was applied over.
	From Date `json:"from"`
	To   Date `json:"to"`
	// Months is how many months' worth it was applied for (days in part
	// months count as days ÷ days in the month).
	Months    decimal.Decimal `json:"months"`
	Announced Date            `json:"announced,omitempty"`
	// Revises is the rate this value replaced by a backdated revision.
	Revises *decimal.Decimal `json:"revises,omitempty"`
	Source  Source           `json:"source"`
}

// PartAmount is the amount of one part of a payment.
type PartAmount struct {
	Label      string          `json:"label,omitempty"`
	Basis      Basis           `json:"basis"`
	BasisValue decimal.Decimal `json:"basis_value"`
	Factor     decimal.Decimal `json:"factor"`
	Stated     Stated          `json:"stated"`
	Period     [2]Date         `json:"period"`
	Rates      []RateUsed      `json:"rates"`
	Amount     decimal.Decimal `json:"amount"`
	Practice   string          `json:"practice,omitempty"`
	// Months is, for a payment paid to each practice, this practice's part
	// month by month (April first, each rounded to the penny; they add up to
	// Amount). Empty for a part paid to the PCN (the payment's Months).
	Months []decimal.Decimal `json:"months,omitempty"`
	// monthly writes out the monthly payments when the sum of the rounded
	// months differs from the rounded product (the penny a reader would
	// otherwise not find); empty when they agree.
	monthly string
}

// Amount is what one payment comes to for a PCN in a year, with everything
// needed to check it by hand.
type Amount struct {
	ID     string          `json:"id"`
	Name   string          `json:"name"`
	PaidTo Payee           `json:"paid_to"`
	Kind   Kind            `json:"kind"`
	Pot    PotID           `json:"pot,omitempty"`
	Total  decimal.Decimal `json:"amount"`
	// Months is the payment month by month (April first), each rounded to
	// the penny; they add up to Amount. Empty for an ARRS sum.
	Months []decimal.Decimal `json:"months,omitempty"`
	Parts  []PartAmount      `json:"parts"`
}

// Entitlements is a PCN's network entitlements for one DES year.
type Entitlements struct {
	Year     Year     `json:"year"`
	PCN      string   `json:"pcn"`
	Payments []Amount `json:"payments"`
	// Total is the sum of Payments (ARRS sums excluded).
	Total decimal.Decimal `json:"total"`
	// ARRSSums are the PCN's ARRS sums (id "arrs", and "arrs_gp" where a
	// ring-fence exists): maxima it may claim, not payments.
	ARRSSums []Amount `json:"arrs_sums"`
}

// ARRSSum returns the PCN's ARRS sum for a pot ("main", "gp"), and whether
// the year has one.
func (e Entitlements) ARRSSum(pot PotID) (Amount, bool) {
	for _, a := range e.ARRSSums {
		if a.Pot == pot {
			return a, true
		}
	}
	return Amount{}, false
}

// Payment returns the amount of the payment with the given ID.
func (e Entitlements) Payment(id string) (Amount, bool) {
	for _, list := range [][]Amount{e.Payments, e.ARRSSums} {
		for _, a := range list {
			if a.ID == id {
				return a, true
			}
		}
	}
	return Amount{}, false
}

// Entitle works out a PCN's network entitlements under a rule set.
func Entitle(rs *RuleSet, pcn PCN, opt Options) (Entitlements, error) {
	if err := usable(rs); err != nil {
		return Entitlements{}, err
	}
	if err := pcn.Validate(); err != nil {
		return Entitlements{}, err
	}
	out := Entitlements{Year: rs.year, PCN: pcn.Name, Total: decimal.Zero, Payments: make([]Amount, 0, len(rs.payments))}
	tot := &totals{pcn: pcn}
	var totalP int64
	for _, p := range rs.payments {
		a, err := entitle(rs.year, p, tot, opt)
		if err != nil {
			return Entitlements{}, err
		}
		if p.Kind == KindARRSSum {
			out.ARRSSums = append(out.ARRSSums, a)
			continue
		}
		out.Payments = append(out.Payments, a)
		p, err := toPennies(a.Total)
		if err != nil {
			return Entitlements{}, err
		}
		if !addChecked(&totalP, p) {
			return Entitlements{}, fmt.Errorf("%w: %s: the entitlements total with payment %s passes "+
				"£92,233,720,368,547,758.07, the most a total can hold; check the rates and figures", ErrInvalid, pcn.Name, a.ID)
		}
	}
	out.Total = decimal.New(totalP, -2)
	return out, nil
}

// totals caches a PCN's figure for each basis during one calculation.
type totals struct {
	pcn  PCN
	done [len(basisOrder)]bool
	val  [len(basisOrder)]decimal.Decimal
}

var basisOrder = [...]Basis{Registered, Weighted, Adjusted, CareHomeBeds, Fixed}

var one, twelve = decimal.NewFromInt(1), decimal.NewFromInt(12)

// total is PCN.Total, computed once per basis; the error names the payment.
func (t *totals) total(b Basis, payment string) (decimal.Decimal, error) {
	for i, x := range basisOrder {
		if x != b {
			continue
		}
		if !t.done[i] {
			v, err := t.pcn.Total(b, payment)
			if err != nil {
				return decimal.Zero, err
			}
			t.val[i], t.done[i] = v, true
		}
		return t.val[i], nil
	}
	return t.pcn.Total(b, payment)
}

func entitle(y Year, p Payment, tot *totals, opt Options) (Amount, error) {
	pcn := tot.pcn
	a := Amount{ID: p.ID, Name: p.Name, PaidTo: p.PaidTo, Kind: p.Kind, Pot: p.Pot, Total: decimal.Zero}
	var monthP [12]int64 // the payment's months, in pennies
	var amountP int64    // the payment, in pennies
	for _, pt := range p.Parts {
		factor := one
		if len(pt.Scale) > 0 {
			registered, err := tot.total(Registered, p.ID)
			if err != nil {
				return Amount{}, err
			}
			for _, s := range pt.Scale {
				if registered.GreaterThan(decimal.NewFromInt(s.Above)) {
					factor = s.Factor
				}
			}
		}
		type who struct {
			name  string
			basis decimal.Decimal
		}
		var payees []who
		if p.PaidTo == PaidToPractice {
			for i, pr := range pcn.Practices {
				v, ok := pr.Figure(pt.Basis)
				if !ok {
					return Amount{}, &MissingFigureError{Practice: pr.Name, Index: i, Field: string(pt.Basis), Payment: p.ID}
				}
				payees = append(payees, who{pr.Name, v})
			}
		} else {
			v, err := tot.total(pt.Basis, p.ID)
			if err != nil {
				return Amount{}, err
			}
			payees = append(payees, who{"", v})
		}
		for _, w := range payees {
			basis := w.basis
			if factor != one {
				basis = basis.Mul(factor)
			}
			pa, months, err := partAmount(y, pt, basis, opt, p.Kind == KindARRSSum)
			if err != nil {
				return Amount{}, fmt.Errorf("%s: %w", p.ID, err)
			}
			pa.BasisValue, pa.Factor, pa.Practice = w.basis, factor, w.name
			if w.name != "" && p.Kind != KindARRSSum {
				pa.Months = penniesToMonths(months)
			}
			a.Parts = append(a.Parts, pa)
			pp, err := toPennies(pa.Amount)
			if err != nil {
				return Amount{}, err
			}
			ok := addChecked(&amountP, pp)
			for i, m := range months {
				ok = ok && addChecked(&monthP[i], m)
			}
			if !ok {
				return Amount{}, fmt.Errorf("%w: %s: the total over the practices passes £92,233,720,368,547,758.07, "+
					"the most a total can hold; check the rates and figures", ErrInvalid, p.ID)
			}
		}
	}
	a.Total = decimal.New(amountP, -2)
	if p.Kind != KindARRSSum {
		a.Months = penniesToMonths(monthP[:])
	}
	return a, nil
}

// penniesToMonths converts monthly pennies to decimals, sharing equal values
// (decimals are immutable).
func penniesToMonths(ps []int64) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ps))
	for i, p := range ps {
		switch {
		case p == 0:
			out[i] = decimal.Zero
		case i > 0 && p == ps[i-1]:
			out[i] = out[i-1]
		default:
			out[i] = decimal.New(p, -2)
		}
	}
	return out
}

// maxPennies bounds a month's payment so that sums stay exact in int64; the
// loader's limits on rates and populations keep every real payment far
// below it.
var maxPennies = decimal.New(1_000_000_000_000_000, -2)

// toPennies returns a decimal already rounded to two places as pennies.
func toPennies(d decimal.Decimal) (int64, error) {
	if d.Exponent() == -2 && d.NumDigits() <= 17 {
		return d.CoefficientInt64(), nil // the usual case, without allocating
	}
	if d.Abs().GreaterThan(maxPennies) {
		return 0, fmt.Errorf("%w: monthly amount %s is out of range", ErrInvalid, d)
	}
	return d.Shift(2).IntPart(), nil
}

// partAmount computes one part for one basis figure. For payments it returns
// the twelve rounded months; for an ARRS sum (once) the rounded total only.
func partAmount(y Year, pt Part, basis decimal.Decimal, opt Options, once bool) (PartAmount, []int64, error) {
	pa := PartAmount{Label: pt.Label, Basis: pt.Basis, Stated: pt.Stated, Period: [2]Date{pt.From, pt.To},
		Amount: decimal.Zero}
	vals := pt.InForce(opt.AsAt)
	if len(vals) == 0 || vals[0].From.After(pt.From) {
		return pa, nil, fmt.Errorf("%w for %s to %s (as at %s)", ErrNoRate, pt.From, pt.To, opt.AsAt)
	}
	var months []int64 // pennies
	if !once {
		months = make([]int64, 12)
	}
	var amountP int64
	var err error
	exact := decimal.Zero // unrounded total, for an ARRS sum

	if pt.Stated == Period {
		v := vals[len(vals)-1] // period parts have one effective value (revisions share From)
		n := 0
		for i := 0; i < 12; i++ {
			yy, mm := y.Month(i)
			first := Date{int32(yy), uint8(mm), 1}
			if !first.Before(pt.From) && !first.After(pt.To) {
				n++
			}
		}
		total := v.Rate.Mul(basis)
		var each int64
		if !once {
			if each, err = pennyMulDiv(v.Rate, basis, int64(n)); err != nil {
				return pa, nil, err
			}
		}
		for i := 0; i < 12 && !once; i++ {
			yy, mm := y.Month(i)
			first := Date{int32(yy), uint8(mm), 1}
			if !first.Before(pt.From) && !first.After(pt.To) {
				months[i] = each
				amountP += each
			}
		}
		pa.Rates = append(pa.Rates, rateUsed(pt, v, pt.From, pt.To, decimal.NewFromInt(int64(n)), opt))
		if once {
			pa.Amount = RoundPenny(total)
		} else {
			pa.Amount = decimal.New(amountP, -2)
			if !RoundPenny(total).Equal(pa.Amount) {
				pa.monthly = fmt.Sprintf("%s, paid in %d monthly payments of %s ÷ %d = %s → %s (each rounded half-up "+
					"to the penny): %d × %s", exactPounds(total), n, exactPounds(total), n,
					quotient(total, int64(n)), Pounds(decimal.New(each, -2)), n, Pounds(decimal.New(each, -2)))
			}
		}
		return pa, months, nil
	}

	// Annual rate: walk the months, splitting each by the values in force.
	used := make([]decimal.Decimal, len(vals))     // months' worth per value
	full := make([]int64, len(vals))               // a whole month at value k, rounded, in pennies
	fullN := make([]int64, len(vals))              // whole months at value k (for an ARRS sum)
	partials := make([]int64, len(vals))           // part months at value k
	partDays := make([]decimal.Decimal, len(vals)) // Σ days/dim of part months, for the explanation
	var partMonths [12]*partMonth                  // the part months' sums, for the monthly text
	for i := 0; i < 12; i++ {
		yy, mm := y.Month(i)
		dim := DaysIn(yy, mm)
		mStart := Date{int32(yy), uint8(mm), 1}
		mEnd := Date{int32(yy), uint8(mm), uint8(dim)}
		if mEnd.Before(pt.From) || mStart.After(pt.To) {
			continue
		}
		num := decimal.Zero // Σ rate × days over the part months
		whole := -1         // the value covering the whole month, if one does
		for k, v := range vals {
			from := maxDate(v.From, pt.From, mStart)
			to := minDate(pt.To, mEnd)
			if k+1 < len(vals) {
				to = minDate(to, vals[k+1].From.AddDays(-1))
			}
			if to.Before(from) {
				continue
			}
			days := from.Days(to) + 1
			if days == dim {
				whole = k
				break
			}
			num = num.Add(v.Rate.Mul(decimal.NewFromInt(int64(days))))
			partials[k]++
			if partDays[k].IsZero() {
				partDays[k] = decimal.Zero
			}
			partDays[k] = partDays[k].Add(decimal.NewFromInt(int64(days)).DivRound(decimal.NewFromInt(int64(dim)), 4))
		}
		if whole >= 0 {
			fullN[whole]++
			if once {
				continue
			}
			if fullN[whole] == 1 {
				if full[whole], err = pennyMulDiv(vals[whole].Rate, basis, 12); err != nil {
					return pa, nil, err
				}
			}
			months[i] = full[whole]
			amountP += months[i]
			continue
		}
		if num.IsZero() {
			continue
		}
		if !once {
			var t strings.Builder
			for k, v := range vals {
				from := maxDate(v.From, pt.From, mStart)
				to := minDate(pt.To, mEnd)
				if k+1 < len(vals) {
					to = minDate(to, vals[k+1].From.AddDays(-1))
				}
				if to.Before(from) {
					continue
				}
				if t.Len() > 0 {
					t.WriteString(" + ")
				}
				fmt.Fprintf(&t, "%s × %d days", FormatRate(v.Rate), from.Days(to)+1)
			}
			partMonths[i] = &partMonth{num: num, dim: dim, text: t.String()}
		}
		den := decimal.NewFromInt(int64(dim * 12))
		if once {
			exact = exact.Add(num.Mul(basis).DivRound(den, 20))
		} else {
			if months[i], err = pennyMulDiv(num, basis, int64(dim*12)); err != nil {
				return pa, nil, err
			}
			amountP += months[i]
		}
	}
	for k := range vals {
		used[k] = decimal.NewFromInt(fullN[k])
		if partials[k] > 0 {
			used[k] = used[k].Add(partDays[k])
		}
		if once && fullN[k] > 0 {
			exact = exact.Add(vals[k].Rate.Mul(basis).Mul(decimal.NewFromInt(fullN[k])).DivRound(twelve, 20))
		}
	}
	for k, v := range vals {
		if used[k].IsZero() {
			continue
		}
		from := maxDate(v.From, pt.From)
		to := pt.To
		if k+1 < len(vals) {
			to = minDate(to, vals[k+1].From.AddDays(-1))
		}
		pa.Rates = append(pa.Rates, rateUsed(pt, v, from, to, used[k], opt))
	}
	if once {
		pa.Amount = RoundPenny(exact)
	} else {
		pa.Amount = decimal.New(amountP, -2)
		// the unrounded year, to tell whether the months' rounding shows
		straight := decimal.Zero
		for k := range vals {
			if fullN[k] > 0 {
				straight = straight.Add(vals[k].Rate.Mul(basis).Mul(decimal.NewFromInt(fullN[k])).DivRound(twelve, 20))
			}
		}
		for i := 0; i < 12; i++ {
			if p := partMonths[i]; p != nil {
				straight = straight.Add(p.num.Mul(basis).DivRound(decimal.NewFromInt(int64(p.dim*12)), 20))
			}
		}
		if !RoundPenny(straight).Equal(pa.Amount) {
			pa.monthly = monthlyText(y, vals, basis, full, fullN, &partMonths, months, straight, pa.Amount)
		}
	}
	return pa, months, nil
}

// partMonth is a month only partly at one value: Σ rate × days, and the
// text of that sum.
type partMonth struct {
	num  decimal.Decimal
	dim  int
	text string
}

// monthlyText writes out an annual part's monthly payments, each rounded
// half-up to the penny, so that they reproduce the year by hand:
// "£23,334.1305, paid monthly (each month rounded half-up to the penny):
// 12 × (13,250.5 × £1.761 ÷ 12 = £1,944.510875 → £1,944.51)".
func monthlyText(y Year, vals []Value, basis decimal.Decimal, full, fullN []int64, parts *[12]*partMonth,
	months []int64, straight, total decimal.Decimal) string {
	var b strings.Builder
	b.WriteString(exactPounds(straight))
	b.WriteString(", paid monthly (each month rounded half-up to the penny): ")
	first := true
	sep := func() {
		if !first {
			b.WriteString(" + ")
		}
		first = false
	}
	for k := range vals {
		if fullN[k] == 0 {
			continue
		}
		sep()
		fmt.Fprintf(&b, "%d × (%s × %s ÷ 12 = %s → %s)", fullN[k], Thousands(basis.String()), FormatRate(vals[k].Rate),
			quotient(vals[k].Rate.Mul(basis), 12), Pounds(decimal.New(full[k], -2)))
	}
	for i := 0; i < 12; i++ {
		p := parts[i]
		if p == nil {
			continue
		}
		sep()
		yy, mm := y.Month(i)
		fmt.Fprintf(&b, "%04d-%02d: %s × (%s) ÷ (%d × 12) = %s → %s", yy, int(mm), Thousands(basis.String()), p.text,
			p.dim, quotient(p.num.Mul(basis), int64(p.dim*12)), Pounds(decimal.New(months[i], -2)))
	}
	return b.String()
}

// exactPounds writes an amount with every digit it has (at least two
// places): "£24,557.825".
func exactPounds(d decimal.Decimal) string {
	if Places(d) <= 2 {
		return Pounds(d)
	}
	return "£" + Thousands(d.String())
}

// quotient writes n ÷ d in pounds, exactly when it ends within six places,
// else to six places and "…": "£2,728.647222…".
func quotient(n decimal.Decimal, d int64) string {
	q := n.DivRound(decimal.NewFromInt(d), 6)
	if q.Mul(decimal.NewFromInt(d)).Equal(n) {
		return exactPounds(q)
	}
	return "£" + Thousands(q.StringFixed(6)) + "…"
}

func rateUsed(pt Part, v Value, from, to Date, months decimal.Decimal, opt Options) RateUsed {
	r := RateUsed{Rate: v.Rate, From: from, To: to, Months: months, Announced: v.Announced, Source: v.Source}
	// find the value this one revised, if any
	var prev *Value
	for i := range pt.Values {
		w := pt.Values[i]
		if w.From == v.From && w.Announced.Before(v.Announced) && (opt.AsAt.IsZero() || !w.Announced.After(opt.AsAt)) {
			prev = &pt.Values[i]
		}
	}
	if prev != nil && !v.Announced.IsZero() {
		rv := prev.Rate
		r.Revises = &rv
	}
	return r
}

func maxDate(ds ...Date) Date {
	m := ds[0]
	for _, d := range ds[1:] {
		if d.After(m) {
			m = d
		}
	}
	return m
}

func minDate(ds ...Date) Date {
	m := ds[0]
	for _, d := range ds[1:] {
		if d.Before(m) {
			m = d
		}
	}
	return m
}

// Explain prints a line a finance lead can check by hand, e.g.
//
//	core_pcn_funding: 45,000 registered × £1.50 a year × 12/12 = £67,500.00 (source: …)
func (a Amount) Explain() string {
	arithmetic, sources := a.explain()
	s := a.ID + ": " + arithmetic
	if len(sources) > 0 {
		s += " (source: " + strings.Join(sources, "; ") + ")"
	}
	return s
}

// Arithmetic is Explain without the payment ID and the sources: how the
// amount was worked out, for a table cell.
func (a Amount) Arithmetic() string {
	arithmetic, _ := a.explain()
	return arithmetic
}

// explain is the arithmetic of the amount and its sources, once each.
func (a Amount) explain() (string, []string) {
	var b strings.Builder
	if a.PaidTo == PaidToPractice {
		b.WriteString("paid to each practice on its own figures: ")
	}
	var srcs []string
	seen := map[string]bool{}
	for i, pa := range a.Parts {
		if i > 0 {
			b.WriteString(" + ")
		}
		b.WriteString(pa.explain(len(a.Parts) > 1))
		for _, r := range pa.Rates {
			s := r.Source.Document + " <" + r.Source.URL + "> [" + string(r.Source.Confidence) + "]"
			if !seen[s] {
				seen[s] = true
				srcs = append(srcs, s)
			}
		}
	}
	if len(a.Parts) > 1 {
		b.WriteString(" = ")
		b.WriteString(Pounds(a.Total))
	}
	if a.Kind == KindARRSSum {
		b.WriteString(" (a maximum to claim against, rounded once)")
	}
	return b.String(), srcs
}

func (pa PartAmount) explain(labelled bool) string {
	var b strings.Builder
	if pa.Practice != "" {
		b.WriteString(pa.Practice + " ")
	} else if labelled && pa.Label != "" {
		b.WriteString(pa.Label + ": ")
	}
	if pa.Basis != Fixed {
		b.WriteString(Thousands(pa.BasisValue.String()))
		b.WriteString(" " + pa.Basis.Noun())
		if !pa.Factor.Equal(decimal.NewFromInt(1)) {
			b.WriteString(" × " + pa.Factor.String())
		}
		b.WriteString(" × ")
	} else if !pa.Factor.Equal(decimal.NewFromInt(1)) {
		b.WriteString(pa.Factor.String() + " × ")
	}
	if len(pa.Rates) > 1 {
		b.WriteString("(")
	}
	for i, r := range pa.Rates {
		if i > 0 {
			b.WriteString(" + ")
		}
		b.WriteString(FormatRate(r.Rate))
		if pa.Stated == Period {
			if pa.Basis != Fixed {
				b.WriteString(" per " + pa.Basis.unit())
			}
			fmt.Fprintf(&b, " for %s to %s", pa.Period[0], pa.Period[1])
		} else {
			b.WriteString(" a year × " + monthsString(r.Months) + "/12")
			if r.From != pa.Period[0] || r.To != pa.Period[1] {
				fmt.Fprintf(&b, " (%s to %s)", r.From, r.To)
			}
		}
		if r.Revises != nil {
			fmt.Fprintf(&b, " [revised %s, backdated to %s; was %s]", r.Announced, r.From, FormatRate(*r.Revises))
		}
		if c := r.Source.Confidence; !c.Sourced() && c != "" {
			fmt.Fprintf(&b, " [%s: no source gives it]", c)
		}
	}
	if len(pa.Rates) > 1 {
		b.WriteString(")")
	}
	b.WriteString(" = ")
	if pa.monthly != "" {
		b.WriteString(pa.monthly)
		b.WriteString(" = ")
	}
	b.WriteString(Pounds(pa.Amount))
	return b.String()
}

func monthsString(d decimal.Decimal) string {
	if d.IsInteger() {
		return d.String()
	}
	return d.Round(2).String()
}

// Sums works out only the PCN's ARRS sums (the payments of kind arrs_sum),
// so a missing figure that only other payments need does not stop it.
func Sums(rs *RuleSet, pcn PCN, opt Options) ([]Amount, error) {
	if err := usable(rs); err != nil {
		return nil, err
	}
	var out []Amount
	tot := &totals{pcn: pcn}
	for _, p := range rs.payments {
		if p.Kind != KindARRSSum {
			continue
		}
		a, err := entitle(rs.year, p, tot, opt)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// addChecked adds v to *dst, reporting false (and leaving *dst) when the
// sum would not fit in an int64: a total is refused, never wrapped.
func addChecked(dst *int64, v int64) bool {
	s := *dst + v
	if (v > 0 && s < *dst) || (v < 0 && s > *dst) {
		return false
	}
	*dst = s
	return true
}
