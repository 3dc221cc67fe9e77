package des

import (
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/pcnfin/pcnfin/internal/names"

	"fmt"
	"math/bits"
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
	// Rates are the values used; the slice is shared by every PCN one
	// Entitler works out: read it, do not change it.
	Rates    []RateUsed `json:"rates"`
	Amount   Money      `json:"amount"`
	Practice string     `json:"practice,omitempty"`
	// Months is, for a payment paid to each practice, this practice's part
	// month by month (April first, each rounded to the penny; they add up to
	// Amount). Empty for a part paid to the PCN (the payment's Months).
	Months []Money `json:"months,omitempty"`
	// monthly writes out the monthly payments (when asked for) when the sum
	// of the rounded months differs from the rounded product (the penny a
	// reader would otherwise not find); nil when they agree.
	monthly *monthlyWork
}

// Amount is what one payment comes to for a PCN in a year, with everything
// needed to check it by hand.
type Amount struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	PaidTo Payee  `json:"paid_to"`
	Kind   Kind   `json:"kind"`
	Pot    PotID  `json:"pot,omitempty"`
	Total  Money  `json:"amount"`
	// Months is the payment month by month (April first), each rounded to
	// the penny; they add up to Amount. Empty for an ARRS sum.
	Months []Money      `json:"months,omitempty"`
	Parts  []PartAmount `json:"parts"`
}

// Entitlements is a PCN's network entitlements for one DES year.
type Entitlements struct {
	Year     Year     `json:"year"`
	PCN      string   `json:"pcn"`
	Payments []Amount `json:"payments"`
	// Total is the sum of Payments (ARRS sums excluded).
	Total Money `json:"total"`
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

// Entitle works out a PCN's network entitlements under a rule set. To work
// out many PCNs under one rule set, NewEntitler once and call its Entitle.
func Entitle(rs *RuleSet, pcn PCN, opt Options) (Entitlements, error) {
	e, err := NewEntitler(rs, opt)
	if err != nil {
		return Entitlements{}, err
	}
	return e.Entitle(pcn)
}

// Entitler is a rule set's payments compiled for one as-at date, to work
// out many PCNs: for each part, the months it pays and, for month m, the
// exact fraction k ÷ q of the basis figure it pays (k the rate, or Σ rate ×
// days over the values in force in a part month; q 12, 12 × the days in a
// part month, or the months of a period). Entitle runs it and records the
// working; Pennies runs the same code and records nothing (the fast path
// of package arrs, for every PCN in England). An Entitler is immutable and
// may be used by many goroutines at once.
type Entitler struct {
	rs   *RuleSet
	opt  Options
	pays [][]partPlan // per payment of the rule set, its parts
}

// NewEntitler compiles a rule set's payments. A part with no value in force
// is an error only when a PCN's payment needs it (Entitle, Entitler.Sums).
func NewEntitler(rs *RuleSet, opt Options) (*Entitler, error) {
	if err := usable(rs); err != nil {
		return nil, err
	}
	e := &Entitler{rs: rs, opt: opt, pays: make([][]partPlan, len(rs.payments))}
	for i, p := range rs.payments {
		e.pays[i] = make([]partPlan, len(p.Parts))
		for j := range p.Parts {
			e.pays[i][j].compile(rs.year, p.Parts[j], opt)
		}
	}
	return e, nil
}

var errNoEntitler = fmt.Errorf("%w: an Entitler must come from NewEntitler", ErrMissing)

// Entitle works out a PCN's network entitlements, with the working.
func (e *Entitler) Entitle(pcn PCN) (Entitlements, error) {
	if e == nil || e.rs == nil {
		return Entitlements{}, errNoEntitler
	}
	if err := pcn.Validate(); err != nil {
		return Entitlements{}, err
	}
	rs := e.rs
	out := Entitlements{Year: rs.year, PCN: pcn.Name, Payments: make([]Amount, 0, len(rs.payments))}
	tot := &totals{pcn: pcn}
	var totalP int64
	for i, p := range rs.payments {
		a, err := e.entitle(i, tot)
		if err != nil {
			return Entitlements{}, err
		}
		if p.Kind == KindARRSSum {
			out.ARRSSums = append(out.ARRSSums, a)
			continue
		}
		out.Payments = append(out.Payments, a)
		if !addChecked(&totalP, a.Total.Pennies()) {
			return Entitlements{}, fmt.Errorf("%w: %s: the entitlements total with payment %s passes "+
				"£92,233,720,368,547,758.07, the most a total can hold; check the rates and figures", ErrInvalid, pcn.Name, a.ID)
		}
	}
	out.Total = Pennies(totalP)
	return out, nil
}

// totals caches a PCN's figure for each basis during one calculation.
type totals struct {
	pcn  PCN
	done [len(basisOrder)]bool
	val  [len(basisOrder)]decimal.Decimal
}

var basisOrder = [...]Basis{Registered, Weighted, Adjusted, CareHomeBeds, Fixed}

var one = decimal.NewFromInt(1)

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

// entitle works out payment i of the rule set for a PCN, with the working.
func (e *Entitler) entitle(i int, tot *totals) (Amount, error) {
	p := &e.rs.payments[i]
	pcn := tot.pcn
	once := p.Kind == KindARRSSum
	a := Amount{ID: p.ID, Name: p.Name, PaidTo: p.PaidTo, Kind: p.Kind, Pot: p.Pot}
	var monthP [12]int64 // the payment's months, in pennies
	var amountP int64    // the payment, in pennies
	for j, pt := range p.Parts {
		plan := &e.pays[i][j]
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
			var months [12]int64
			amt, year, err := plan.work(basis, once, &months)
			if err != nil {
				return Amount{}, fmt.Errorf("%s: %w", p.ID, err)
			}
			pa := plan.working(basis, amt, year, once, &months)
			pa.BasisValue, pa.Factor, pa.Practice = w.basis, factor, w.name
			if w.name != "" && !once {
				pa.Months = penniesToMonths(months[:])
			}
			a.Parts = append(a.Parts, pa)
			ok := addChecked(&amountP, amt)
			for m := range months {
				ok = ok && addChecked(&monthP[m], months[m])
			}
			if !ok {
				return Amount{}, fmt.Errorf("%w: %s: the total over the practices passes £92,233,720,368,547,758.07, "+
					"the most a total can hold; check the rates and figures", ErrInvalid, p.ID)
			}
		}
	}
	a.Total = Pennies(amountP)
	if !once {
		a.Months = penniesToMonths(monthP[:])
	}
	return a, nil
}

// Pennies works out a PCN's payments by the same code as Entitle, in
// pennies, recording nothing: out[i] is payment i of the rule set (the
// order of RuleSet.Payments; an ARRS sum is its year rounded once), total
// the entitlements (ARRS sums excluded). out must hold a value per payment.
// ok is false when the PCN is one to leave to Entitle, which gives its
// answer or its error: a practice without a name (or with a name Validate
// refuses), a figure missing, negative, not whole where it must be, with
// more than six places or above 100,000,000, or a total past the int64
// pennies this path holds.
func (e *Entitler) Pennies(pcn *PCN, out []int64) (total int64, ok bool) {
	if e == nil || e.rs == nil || pcn == nil || len(out) < len(e.pays) {
		return 0, false
	}
	sum, ok := figures6(pcn)
	if !ok {
		return 0, false
	}
	for i, p := range e.rs.payments {
		if out[i], ok = e.paymentPennies(i, pcn, &sum); !ok {
			return 0, false
		}
		if p.Kind != KindARRSSum && !addChecked(&total, out[i]) {
			return 0, false
		}
	}
	return total, true
}

// figures6 is the PCN's figures × 10^6 by basis (basisOrder), when every
// practice gives each, valid and within the fast path's range.
func figures6(pcn *PCN) (sum [4]uint64, ok bool) {
	if len(pcn.Practices) == 0 {
		return sum, false
	}
	for i := range pcn.Practices {
		pr := &pcn.Practices[i]
		if strings.TrimSpace(pr.Name) == "" || names.NameProblem(pr.Name) != "" {
			return sum, false
		}
		for b := range sum {
			v, ok := practiceFigure6(pr, b)
			if !ok || sum[b]+v < sum[b] {
				return sum, false
			}
			sum[b] += v
		}
	}
	return sum, true
}

// paymentPennies is payment i for a PCN whose figures figures6 took, in
// pennies: work6 for each part and each payee, as entitle does.
func (e *Entitler) paymentPennies(i int, pcn *PCN, sum *[4]uint64) (amount int64, ok bool) {
	p := &e.rs.payments[i]
	once := p.Kind == KindARRSSum
	for j := range e.pays[i] {
		plan := &e.pays[i][j]
		factor := uint64(1)
		for _, s := range plan.pt.Scale {
			if s.Above < 0 || sum[0] > uint64(s.Above)*scale6 {
				f, ok := scaled6(s.Factor)
				if !ok || f%scale6 != 0 {
					return 0, false // a factor with places: the explained path's decimals
				}
				factor = f / scale6
			}
		}
		for k := range pcn.Practices {
			b6 := uint64(scale6) // fixed: one
			switch {
			case plan.basis >= 0 && p.PaidTo == PaidToPractice:
				b6, _ = practiceFigure6(&pcn.Practices[k], plan.basis)
			case plan.basis >= 0:
				b6 = sum[plan.basis]
			}
			hi, lo := bits.Mul64(b6, factor)
			var months [12]int64
			amt, _, ok := plan.work6(lo, once, false, &months)
			if hi != 0 || !ok || !addChecked(&amount, amt) {
				return 0, false
			}
			if p.PaidTo != PaidToPractice {
				break
			}
		}
	}
	return amount, true
}

// practiceFigure6 is a practice's figure b (basisOrder) × 10^6, when it is
// given, valid (Validate) and within the fast path's range.
func practiceFigure6(pr *Practice, b int) (uint64, bool) {
	var n Number
	switch b {
	case 0:
		n = pr.Registered
	case 1:
		n = pr.Weighted
	case 2:
		n = pr.Adjusted
	case 3:
		n = pr.CareHomeBeds
	}
	v, ok := scaled6(n.d)
	if !n.set || !ok || v > 100_000_000*scale6 || ((b == 0 || b == 3) && v%scale6 != 0) {
		return 0, false
	}
	return v, true
}

// Sums works out only the PCN's ARRS sums (the payments of kind arrs_sum),
// so a missing figure that only other payments need does not stop it.
func (e *Entitler) Sums(pcn PCN) ([]Amount, error) {
	if e == nil || e.rs == nil {
		return nil, errNoEntitler
	}
	var out []Amount
	tot := &totals{pcn: pcn}
	for i, p := range e.rs.payments {
		if p.Kind != KindARRSSum {
			continue
		}
		a, err := e.entitle(i, tot)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// penniesToMonths converts monthly pennies to Money.
func penniesToMonths(ps []int64) []Money {
	out := make([]Money, len(ps))
	for i, p := range ps {
		out[i] = Pennies(p)
	}
	return out
}

// The one rule of a part's months, written once: month m pays
// round_half_up(basis × k[m] ÷ q[m]) pennies, and an ARRS sum is the exact
// year Σ basis × k[m] ÷ q[m], rounded once. work does it in 128-bit
// integers (rates and populations have at most six places) or, where a
// figure is out of that range, in exact decimals; both give the same
// pennies. Entitle adds the working (working); Pennies does not.

// partPlan is one part of a payment compiled for a year and an as-at date.
type partPlan struct {
	year  Year
	pt    Part
	basis int   // index in basisOrder; -1 for fixed
	err   error // no value in force: given when a PCN's payment needs the part
	vals  []Value
	k     [12]decimal.Decimal // the rate (or Σ rate × days) of month m
	q     [12]uint64          // its divisor; 0: the part pays nothing that month
	k6    [12]uint64          // k × 10^6, when k6ok
	k6ok  bool
	n     int        // months of a period part
	whole [12]int    // annual part: the value in force all month m, or -1
	fullN []int64    // annual part: whole months at each value
	part  [12]string // annual part: a part month's "rate × days + …"
	rates []RateUsed // the values used, for the working (shared: read only)
}

const scale6 = 1_000_000 // the fast path holds rates and figures × 10^6

// lcmQ is a common multiple of every q: 12 × each month length, and the
// months of a period (1 to 12).
const lcmQ = 12 * 4 * 7 * 29 * 3 * 5 * 31 * 11 * 3 * 2

// scaled6 is d × 10^6 as an exact integer, when d is not negative, has at
// most six places and fits.
func scaled6(d decimal.Decimal) (uint64, bool) {
	e := d.Exponent()
	if d.Sign() < 0 || e < -6 || e > 6 || d.NumDigits() > 15 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(d.CoefficientInt64()), pow10[6+int(e)])
	return lo, hi == 0 && lo < 1<<62
}

// compile works out which months the part pays and each month's k and q.
func (pp *partPlan) compile(y Year, pt Part, opt Options) {
	pp.year, pp.pt, pp.basis = y, pt, -1
	for i, b := range basisOrder[:4] {
		if b == pt.Basis {
			pp.basis = i
		}
	}
	vals := pt.InForce(opt.AsAt)
	if len(vals) == 0 || vals[0].From.After(pt.From) {
		pp.err = fmt.Errorf("%w for %s to %s (as at %s)", ErrNoRate, pt.From, pt.To, opt.AsAt)
		return
	}
	pp.vals = vals
	if pt.Stated == Period {
		v := vals[len(vals)-1] // period parts have one effective value (revisions share From)
		var in [12]bool
		for i := 0; i < 12; i++ {
			yy, mm := y.Month(i)
			first := Date{int32(yy), uint8(mm), 1}
			in[i] = !first.Before(pt.From) && !first.After(pt.To)
			if in[i] {
				pp.n++
			}
		}
		for i := range in {
			if in[i] {
				pp.k[i], pp.q[i] = v.Rate, uint64(pp.n)
			}
		}
		pp.rates = []RateUsed{rateUsed(pt, v, pt.From, pt.To, decimal.NewFromInt(int64(pp.n)), opt)}
	} else {
		pp.compileAnnual(y, pt, vals, opt)
	}
	pp.k6ok = true
	for m := range pp.q {
		if pp.q[m] > 0 {
			var ok bool
			pp.k6[m], ok = scaled6(pp.k[m])
			pp.k6ok = pp.k6ok && ok
		}
	}
}

// compileAnnual walks an annual part's months, splitting each by the values
// in force.
func (pp *partPlan) compileAnnual(y Year, pt Part, vals []Value, opt Options) {
	pp.fullN = make([]int64, len(vals))            // whole months at value k
	partials := make([]int64, len(vals))           // part months at value k
	partDays := make([]decimal.Decimal, len(vals)) // Σ days/dim of part months, for the explanation
	for i := 0; i < 12; i++ {
		pp.whole[i] = -1
		yy, mm := y.Month(i)
		dim := daysIn(yy, mm)
		mStart := Date{int32(yy), uint8(mm), 1}
		mEnd := Date{int32(yy), uint8(mm), uint8(dim)}
		if mEnd.Before(pt.From) || mStart.After(pt.To) {
			continue
		}
		num := decimal.Zero // Σ rate × days over the part months
		whole := -1         // the value covering the whole month, if one does
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
			if t.Len() > 0 {
				t.WriteString(" + ")
			}
			fmt.Fprintf(&t, "%s × %d days", money.FormatRate(v.Rate), days)
		}
		switch {
		case whole >= 0:
			pp.fullN[whole]++
			pp.whole[i] = whole
			pp.k[i], pp.q[i] = vals[whole].Rate, 12
		case !num.IsZero():
			pp.k[i], pp.q[i] = num, uint64(dim*12)
			pp.part[i] = t.String()
		}
	}
	for k, v := range vals {
		used := decimal.NewFromInt(pp.fullN[k]) // months' worth at value k
		if partials[k] > 0 {
			used = used.Add(partDays[k])
		}
		if used.IsZero() {
			continue
		}
		from := maxDate(v.From, pt.From)
		to := pt.To
		if k+1 < len(vals) {
			to = minDate(to, vals[k+1].From.AddDays(-1))
		}
		pp.rates = append(pp.rates, rateUsed(pt, v, from, to, used, opt))
	}
}

// work is the part for one basis figure: its months in pennies (for a
// payment; an ARRS sum is not paid by month), its amount (the sum of the
// months, or for an ARRS sum the year rounded once) and the year rounded
// once (which tells whether the months' rounding shows).
func (pp *partPlan) work(basis decimal.Decimal, once bool, months *[12]int64) (amount, year int64, err error) {
	if pp.err != nil {
		return 0, 0, pp.err
	}
	if b6, ok := scaled6(basis); ok {
		if amount, year, ok = pp.work6(b6, once, true, months); ok {
			return amount, year, nil
		}
		*months = [12]int64{}
	}
	return pp.workDecimal(basis, once, months)
}

// work6 is work in integers, for a basis × 10^6; ok is false when a figure
// is out of their range (then workDecimal gives the same pennies). With
// needYear false (a payment whose working is not wanted), the year rounded
// once is not worked out (0).
func (pp *partPlan) work6(b6 uint64, once, needYear bool, months *[12]int64) (amount, year int64, ok bool) {
	if !pp.k6ok || pp.err != nil {
		return 0, 0, false
	}
	needYear = needYear || once
	var hi, lo uint64 // Σ basis × k × (lcmQ ÷ q): the year × lcmQ × 10^12
	for m := range pp.q {
		q := pp.q[m]
		if q == 0 {
			continue
		}
		if !once {
			v := months[max(m-1, 0)] // a month like the one before pays the same
			if m == 0 || q != pp.q[m-1] || pp.k6[m] != pp.k6[m-1] {
				h, l := bits.Mul64(b6, pp.k6[m])
				if v, ok = divRound128(h, l, q*scale6*scale6/100); !ok {
					return 0, 0, false
				}
			}
			if !addChecked(&amount, v) {
				return 0, 0, false
			}
			months[m] = v
		}
		if needYear {
			h, l, ok := mul3(b6, pp.k6[m], lcmQ/q)
			var c uint64
			lo, c = bits.Add64(lo, l, 0)
			hi, c = bits.Add64(hi, h, c)
			if !ok || c != 0 {
				return 0, 0, false
			}
		}
	}
	if !needYear {
		return amount, 0, true
	}
	year, ok = divRound128(hi, lo, lcmQ*scale6*scale6/100)
	if once {
		amount = year
	}
	return amount, year, ok
}

// workDecimal is work in exact decimals, with work6's range: a month or a
// year of at most 2^62 pennies, in checked sums.
func (pp *partPlan) workDecimal(basis decimal.Decimal, once bool, months *[12]int64) (amount, year int64, err error) {
	exact := decimal.Zero // Σ basis × k × (lcmQ ÷ q)
	for m := range pp.q {
		q := pp.q[m]
		if q == 0 {
			continue
		}
		if !once {
			if months[m], err = kernelPennies(pp.k[m].Mul(basis).DivRound(decimal.NewFromInt(int64(q)), 2)); err != nil {
				return 0, 0, err
			}
			if !addChecked(&amount, months[m]) {
				return 0, 0, fmt.Errorf("%w: a part's year passes £92,233,720,368,547,758.07, the most a total can "+
					"hold; check the rates and figures", ErrInvalid)
			}
		}
		exact = exact.Add(pp.k[m].Mul(basis).Mul(decimal.NewFromInt(int64(lcmQ / q))))
	}
	year, err = kernelPennies(exact.DivRound(decimal.NewFromInt(lcmQ), 2))
	switch {
	case once:
		amount = year
	case err != nil:
		year, err = amount, nil // only the working uses the year
	}
	return amount, year, err
}

// kernelMax is the most pennies a month or a year of a part may come to
// (work6's range).
var kernelMax = decimal.NewFromInt(1 << 62)

// kernelPennies is an amount rounded to the penny as pennies, within the
// kernel's range.
func kernelPennies(d decimal.Decimal) (int64, error) {
	p := d.Shift(2)
	if p.IsNegative() || p.GreaterThan(kernelMax) {
		return 0, fmt.Errorf("%w: amount %s is out of range", ErrInvalid, d)
	}
	return p.IntPart(), nil
}

// mul3 is a × b × c in 128 bits; ok is false when it does not fit.
func mul3(a, b, c uint64) (hi, lo uint64, ok bool) {
	h, l := bits.Mul64(a, b)
	h1, lo := bits.Mul64(l, c)
	h2, l2 := bits.Mul64(h, c)
	hi, carry := bits.Add64(h1, l2, 0)
	return hi, lo, h2 == 0 && carry == 0
}

// divRound128 is (hi, lo) ÷ d rounded half-up; ok is false when the
// quotient passes 2^62.
func divRound128(hi, lo, d uint64) (int64, bool) {
	if d == 0 || hi >= d {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, d)
	if q >= 1<<62 {
		return 0, false
	}
	if r >= d-r { // 2r >= d, without overflow
		q++
	}
	return int64(q), true
}

// working is the part as Entitle shows it, from what work computed.
func (pp *partPlan) working(basis decimal.Decimal, amount, year int64, once bool, months *[12]int64) PartAmount {
	pt := &pp.pt
	pa := PartAmount{Label: pt.Label, Basis: pt.Basis, Stated: pt.Stated, Period: [2]Date{pt.From, pt.To},
		Rates: pp.rates, Amount: Pennies(amount)}
	if !once && year != amount {
		// the months' rounding shows: the working writes them out, when asked for
		pa.monthly = &monthlyWork{plan: pp, basis: basis, months: *months}
	}
	return pa
}

// monthlyWork is what a part's monthly text is written from.
type monthlyWork struct {
	plan   *partPlan
	basis  decimal.Decimal
	months [12]int64
}

// text writes out the part's monthly payments, each rounded half-up to the
// penny, so that they reproduce the year by hand.
func (w *monthlyWork) text(amount decimal.Decimal) string {
	pp, basis, y := w.plan, w.basis, w.plan.year
	if pp.pt.Stated == Period {
		total := pp.vals[len(pp.vals)-1].Rate.Mul(basis)
		var each int64
		for _, m := range w.months {
			each = max(each, m)
		}
		n := pp.n
		return fmt.Sprintf("%s, paid in %d monthly payments of %s ÷ %d = %s → %s (each rounded half-up "+
			"to the penny): %d × %s", exactPounds(total), n, exactPounds(total), n,
			quotient(total, int64(n)), money.Pounds(decimal.New(each, -2)), n, money.Pounds(decimal.New(each, -2)))
	}
	full := make([]int64, len(pp.vals)) // a whole month at value k, in pennies
	var parts [12]*partMonth
	straight := decimal.Zero // the unrounded year
	for k := range pp.vals {
		if pp.fullN[k] > 0 {
			straight = straight.Add(pp.vals[k].Rate.Mul(basis).Mul(decimal.NewFromInt(pp.fullN[k])).
				DivRound(decimal.NewFromInt(12), 20))
		}
	}
	for m := 0; m < 12; m++ {
		switch {
		case pp.whole[m] >= 0:
			full[pp.whole[m]] = w.months[m]
		case pp.q[m] > 0:
			dim := int(pp.q[m] / 12)
			parts[m] = &partMonth{num: pp.k[m], dim: dim, text: pp.part[m]}
			straight = straight.Add(pp.k[m].Mul(basis).DivRound(decimal.NewFromInt(int64(dim*12)), 20))
		}
	}
	return monthlyText(y, pp.vals, basis, full, pp.fullN, &parts, w.months[:], straight, amount)
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
		fmt.Fprintf(&b, "%d × (%s × %s ÷ 12 = %s → %s)", fullN[k], money.Thousands(basis.String()), money.FormatRate(vals[k].Rate),
			quotient(vals[k].Rate.Mul(basis), 12), money.Pounds(decimal.New(full[k], -2)))
	}
	for i := 0; i < 12; i++ {
		p := parts[i]
		if p == nil {
			continue
		}
		sep()
		yy, mm := y.Month(i)
		fmt.Fprintf(&b, "%04d-%02d: %s × (%s) ÷ (%d × 12) = %s → %s", yy, int(mm), money.Thousands(basis.String()), p.text,
			p.dim, quotient(p.num.Mul(basis), int64(p.dim*12)), money.Pounds(decimal.New(months[i], -2)))
	}
	return b.String()
}

// exactPounds writes an amount with every digit it has (at least two
// places): "£24,557.825".
func exactPounds(d decimal.Decimal) string {
	if money.Places(d) <= 2 {
		return money.Pounds(d)
	}
	return "£" + money.Thousands(d.String())
}

// quotient writes n ÷ d in pounds, exactly when it ends within six places,
// else to six places and "…": "£2,728.647222…".
func quotient(n decimal.Decimal, d int64) string {
	q := n.DivRound(decimal.NewFromInt(d), 6)
	if q.Mul(decimal.NewFromInt(d)).Equal(n) {
		return exactPounds(q)
	}
	return "£" + money.Thousands(q.StringFixed(6)) + "…"
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
		b.WriteString(a.Total.String())
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
		b.WriteString(money.Thousands(pa.BasisValue.String()))
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
		b.WriteString(money.FormatRate(r.Rate))
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
			fmt.Fprintf(&b, " [revised %s, backdated to %s; was %s]", r.Announced, r.From, money.FormatRate(*r.Revises))
		}
		if c := r.Source.Confidence; !c.Sourced() && c != "" {
			fmt.Fprintf(&b, " [%s: no source gives it]", c)
		}
	}
	if len(pa.Rates) > 1 {
		b.WriteString(")")
	}
	b.WriteString(" = ")
	if pa.monthly != nil {
		b.WriteString(pa.monthly.text(pa.Amount.Decimal()))
		b.WriteString(" = ")
	}
	b.WriteString(pa.Amount.String())
	return b.String()
}

func monthsString(d decimal.Decimal) string {
	if d.IsInteger() {
		return d.String()
	}
	return d.Round(2).String()
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
