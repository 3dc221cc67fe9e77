package arrs

// The fast path for many PCNs: what a national run needs (each PCN's
// payments, ARRS sums, claims and staff cost), in int64 pennies in one flat
// array per batch, with no decimals, explanations or reasons made. The
// arithmetic and the rounding are the explained path's, exactly:
//
//   - A payment's month is round_half_up(basis × K ÷ Q) pennies, where K is
//     the rate in force (× the days it is in force, for a part month) and Q
//     is 12 (× the days in the month, for a part month), or the number of
//     months for an amount stated for a period; the figures are exact
//     integers (rates and populations have at most six decimal places), and
//     the products are 128-bit.
//   - An ARRS sum is the exact year, rounded once.
//   - Claims are the explained path's own monthly arithmetic (the same code),
//     without building the result.
//
// A PCN the fast path cannot take exactly (a figure missing or out of range,
// a size scale, a roster error) is worked out by the explained path, so the
// answers and errors are the same. TestTotalsMatchTheExplainedPath holds
// every PCN of the national benchmark to the same pennies.

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// Totals is one PCN's year in pennies. The slices are windows on the
// batch's flat array: Payments in the order of Plan.PaymentIDs (ARRS sums
// left out), Sums and Claims in the order of Plan.Pots.
type Totals struct {
	Entitlements int64   `json:"entitlements_pennies"`
	Payments     []int64 `json:"payments_pennies"`
	Sums         []int64 `json:"sums_pennies"`
	Claims       []int64 `json:"claims_pennies"`
	Cost         int64   `json:"cost_pennies"`
	// ClaimsOnDerived is how much of the claims rests on derived or carried
	// maxima (Result.ClaimsOnDerived).
	ClaimsOnDerived int64 `json:"claims_on_derived_pennies"`
}

// Claimed is the PCN's claims over all pots.
func (t Totals) Claimed() int64 {
	var c int64
	for _, x := range t.Claims {
		c += x
	}
	return c
}

// compiledPart is one part of one payment, ready for integer arithmetic.
type compiledPart struct {
	payment     int  // index into the plan's payments (or pots, for a sum)
	sum         bool // an ARRS sum (rounded once)
	basis       int  // 0 registered, 1 weighted, 2 adjusted, 3 beds, -1 fixed
	perPractice bool
	k, q        [12]uint64 // month m is basis × k[m] ÷ q[m]; q[m] = 0: nothing that month
}

// compiled is the rule set's payments compiled, or ok = false when some
// part cannot be done exactly in integers (then the explained path is used).
type compiled struct {
	ok       bool
	payments []string // IDs of the payments (not sums), in rule-set order
	pots     []des.PotID
	parts    []compiledPart
}

const scale6 = 1_000_000 // rates and populations are held × 10^6

var pow10 = [...]int64{1, 10, 100, 1000, 10_000, 100_000, 1_000_000}

// scaled6 is d × 10^6 as an exact int64, when it has at most six places and
// fits.
func scaled6(d decimal.Decimal) (uint64, bool) {
	e := d.Exponent()
	if d.IsNegative() || e < -6 || e > 6 || d.NumDigits() > 12 {
		return 0, false
	}
	c := d.CoefficientInt64()
	if e >= 0 {
		return uint64(c * pow10[e] * scale6), true
	}
	return uint64(c * pow10[6+e]), true
}

func compileEntitlements(rs *des.RuleSet, asAt des.Date) compiled {
	c := compiled{ok: true}
	y := rs.Year()
	basisOf := map[des.Basis]int{des.Registered: 0, des.Weighted: 1, des.Adjusted: 2, des.CareHomeBeds: 3, des.Fixed: -1}
	for _, p := range rs.Payments() {
		idx := len(c.payments)
		sum := p.Kind == des.KindARRSSum
		if sum {
			idx = slices.Index(c.pots, p.Pot)
			if idx < 0 {
				idx = len(c.pots)
				c.pots = append(c.pots, p.Pot)
			}
		} else {
			c.payments = append(c.payments, p.ID)
		}
		for _, pt := range p.Parts {
			cp := compiledPart{payment: idx, sum: sum, basis: basisOf[pt.Basis], perPractice: p.PaidTo == des.PaidToPractice}
			vals := pt.InForce(asAt)
			if len(pt.Scale) > 0 || len(vals) == 0 || vals[0].From.After(pt.From) {
				return compiled{}
			}
			rates := make([]uint64, len(vals))
			for k, v := range vals {
				r, ok := scaled6(v.Rate)
				if !ok {
					return compiled{}
				}
				rates[k] = r
			}
			if pt.Stated == des.Period {
				n := uint64(0)
				for m := 0; m < 12; m++ {
					yy, mm := y.Month(m)
					first := des.MustDate(yy, mm, 1)
					if !first.Before(pt.From) && !first.After(pt.To) {
						n++
					}
				}
				for m := 0; m < 12 && n > 0; m++ {
					yy, mm := y.Month(m)
					first := des.MustDate(yy, mm, 1)
					if !first.Before(pt.From) && !first.After(pt.To) {
						cp.k[m], cp.q[m] = rates[len(rates)-1], n
					}
				}
				c.parts = append(c.parts, cp)
				continue
			}
			for m := 0; m < 12; m++ {
				yy, mm := y.Month(m)
				dim := des.DaysIn(yy, mm)
				start, end := des.MustDate(yy, mm, 1), des.MustDate(yy, mm, dim)
				if end.Before(pt.From) || start.After(pt.To) {
					continue
				}
				var num uint64
				whole := -1
				for k, v := range vals {
					from := latest(v.From, pt.From, start)
					to := end
					if pt.To.Before(to) {
						to = pt.To
					}
					if k+1 < len(vals) {
						if nx := vals[k+1].From.AddDays(-1); nx.Before(to) {
							to = nx
						}
					}
					if to.Before(from) {
						continue
					}
					days := from.Days(to) + 1
					if days == dim {
						whole = k
						break
					}
					num += rates[k] * uint64(days)
				}
				switch {
				case whole >= 0:
					cp.k[m], cp.q[m] = rates[whole], 12
				case num > 0:
					cp.k[m], cp.q[m] = num, uint64(dim)*12
				}
			}
			c.parts = append(c.parts, cp)
		}
	}
	return c
}

func latest(ds ...des.Date) des.Date {
	out := ds[0]
	for _, d := range ds[1:] {
		if d.After(out) {
			out = d
		}
	}
	return out
}

// lcmQ is a common multiple of every q: 12 × each month length, and the
// months of a period (1 to 12).
const lcmQ = 12 * 4 * 7 * 29 * 3 * 5 * 31 * 11 * 3 * 2

// PaymentIDs lists the payments Totals.Payments holds, in order.
func (p *Plan) PaymentIDs() []string {
	if p == nil {
		return nil
	}
	return slices.Clone(p.fast().payments)
}

// Pots lists the pots Totals.Sums and Totals.Claims hold, in order.
func (p *Plan) Pots() []des.PotID {
	if p == nil {
		return nil
	}
	return slices.Clone(p.fast().pots)
}

func (p *Plan) fast() *compiled {
	p.compileOnce.Do(func() { p.compiled = compileEntitlements(p.rs, p.opt.AsAt) })
	return &p.compiled
}

// worker holds what one goroutine reuses from PCN to PCN.
type worker struct {
	people []person
	order  []int
	fig    [][4]uint64
	caps   []capState
}

// CalculateTotals works out many PCNs' totals, in input order, using every
// core; the first error stops the batch and names the PCN, as CalculateAll
// does. The totals are exactly CalculateAll's, in pennies.
func (p *Plan) CalculateTotals(in []PCNInput) ([]Totals, error) {
	return p.CalculateTotalsN(in, 0)
}

// CalculateTotalsN is CalculateTotals on workers goroutines (0 or less: one
// per CPU).
func (p *Plan) CalculateTotalsN(in []PCNInput, workers int) ([]Totals, error) {
	if p == nil || p.rs == nil {
		return nil, errNoPlan
	}
	b := p.batch(in, workers, false)
	if err := b.firstErr(); err != nil {
		return nil, err
	}
	return b.totals, nil
}

// totals works out PCN i of a batch, by the fast path when it can.
func (p *Plan) totals(wk *worker, c *compiled, b *Batch, i int) error {
	in, t := &b.in[i], &b.totals[i]
	if !c.ok || !p.figures(wk, &in.PCN) || !p.fastClaims(wk, in, t) {
		return p.slowTotals(c, b, i)
	}
	b.keep(i, wk.people[:len(in.Roster)])
	// Entitlements.
	var total [4]uint64
	for _, f := range wk.fig {
		for k := range total {
			if total[k]+f[k] < total[k] {
				return p.slowTotals(c, b, i) // beyond 64 bits: the exact decimal path
			}
			total[k] += f[k]
		}
	}
	for k := range c.parts {
		cp := &c.parts[k]
		for j := range wk.fig {
			if !cp.perPractice && j > 0 {
				break
			}
			basis := uint64(scale6) // fixed: one
			if cp.basis >= 0 {
				basis = total[cp.basis]
				if cp.perPractice {
					basis = wk.fig[j][cp.basis]
				}
			}
			if cp.sum {
				// Σ basis × k/q over the year, exactly, rounded once.
				var acc u128
				for m := 0; m < 12; m++ {
					if cp.q[m] > 0 {
						acc = acc.add(mulMul(basis, cp.k[m], lcmQ/cp.q[m]))
					}
				}
				v, ok := acc.divRound(lcmQ * scale6 * scale6 / 100)
				if !ok || !addPennies(&t.Sums[cp.payment], v) {
					return p.slowTotals(c, b, i)
				}
				continue
			}
			for m := 0; m < 12; m++ {
				if cp.q[m] == 0 {
					continue
				}
				v, ok := mul64(basis, cp.k[m]).divRound(cp.q[m] * scale6 * scale6 / 100)
				if !ok || !addPennies(&t.Payments[cp.payment], v) || !addPennies(&t.Entitlements, v) {
					return p.slowTotals(c, b, i)
				}
			}
		}
	}
	return nil
}

// mulMul is a × b × c in 128 bits (a × b fits in 128, × c must too).
func mulMul(a, b, c uint64) u128 {
	x := mul64(a, b)
	hiLo := mul64(x.hi, c)
	lo := mul64(x.lo, c)
	return u128{hi: hiLo.lo + lo.hi, lo: lo.lo}
}

func (x u128) add(y u128) u128 {
	lo := x.lo + y.lo
	carry := uint64(0)
	if lo < x.lo {
		carry = 1
	}
	return u128{hi: x.hi + y.hi + carry, lo: lo}
}

// figures reads the practices' figures × 10^6, when all are present, valid
// and exact (else the explained path gives the answer or the error).
func (p *Plan) figures(wk *worker, pcn *des.PCN) bool {
	n := len(pcn.Practices)
	if n == 0 {
		return false
	}
	wk.fig = slices.Grow(wk.fig[:0], n)[:n]
	for i := range pcn.Practices {
		pr := &pcn.Practices[i]
		if strings.TrimSpace(pr.Name) == "" {
			return false
		}
		for b, x := range [4]des.Number{pr.Registered, pr.Weighted, pr.Adjusted, pr.CareHomeBeds} {
			if !x.IsSet() {
				return false
			}
			d := x.Decimal()
			v, ok := scaled6(d)
			if !ok || v > 100_000_000*scale6 || ((b == 0 || b == 3) && v%scale6 != 0) {
				return false
			}
			wk.fig[i][b] = v
		}
	}
	return true
}

// fastClaims works out the claims and cost by the explained path's own
// monthly arithmetic, reusing the worker's buffers, without a result.
func (p *Plan) fastClaims(wk *worker, in *PCNInput, t *Totals) bool {
	n := len(in.Roster)
	if cap(wk.people) < n {
		wk.people = make([]person, n)
		wk.order = make([]int, n)
	}
	people, order := wk.people[:n], wk.order[:n]
	for i := range in.Roster {
		if p.prepare(&people[i], i, &in.Roster[i]) != nil || people[i].rp == nil && !p.knownRole(in.Roster[i].Role) {
			return false
		}
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := people[a].s, people[b].s
		if c := x.Start.Compare(y.Start); c != 0 {
			return c
		}
		if c := strings.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return strings.Compare(x.Role, y.Role)
	})
	p.assignShares(people, order)
	var reg uint64
	for _, f := range wk.fig {
		if reg+f[0] < reg {
			return false
		}
		reg += f[0]
	}
	if len(wk.caps) < p.roleCount {
		wk.caps = make([]capState, p.roleCount)
	}
	for m := 0; m < 12; m++ {
		p.calculateMonth(m, people, order, int64(reg/scale6), wk.caps, false)
	}
	c := p.fast()
	for i := range people {
		pp := &people[i]
		pot := des.PotMain
		if pp.rp != nil {
			pot = pp.rp.role.Pot
		}
		q := slices.Index(c.pots, pot)
		for m := 0; m < 12; m++ {
			if !addInt(&t.Cost, pp.cost[m]) || q >= 0 && !addInt(&t.Claims[q], pp.claim[m]) ||
				pp.derived[m] && !addInt(&t.ClaimsOnDerived, pp.claim[m]) {
				return false
			}
		}
	}
	return true
}

// knownRole reports whether a role ID is in pcnfin's catalogue (an unknown
// one is an error, which the explained path gives).
func (p *Plan) knownRole(id string) bool { return des.KnownRole(id) }

// slowTotals works out PCN i of a batch by the explained path, for what the
// fast path does not take.
func (p *Plan) slowTotals(c *compiled, b *Batch, i int) error {
	in, t := &b.in[i], &b.totals[i]
	clear(t.Payments)
	clear(t.Sums)
	clear(t.Claims)
	t.Entitlements, t.Cost, t.ClaimsOnDerived = 0, 0, 0
	b.forget(i)
	e, err := des.Entitle(p.rs, in.PCN, des.Options{AsAt: p.opt.AsAt})
	if err != nil {
		return err
	}
	people, order, err := p.claimMonths(in.PCN, in.Roster)
	if err != nil {
		return err
	}
	r := p.result(in.PCN, people, order, e.ARRSSums)
	var perr error
	pennies := func(d decimal.Decimal, what string) int64 {
		v, ok := checkedPennies(d)
		if !ok && perr == nil {
			perr = &OverflowError{PCN: in.PCN.Name, What: what, Amount: d}
		}
		return v
	}
	for _, a := range e.Payments {
		if i := slices.Index(c.payments, a.ID); i >= 0 {
			t.Payments[i] = pennies(a.Total, "payment "+a.ID)
		}
	}
	t.Entitlements = pennies(e.Total, "entitlements total")
	for _, a := range e.ARRSSums {
		if i := slices.Index(c.pots, a.Pot); i >= 0 {
			t.Sums[i] = pennies(a.Total, "ARRS sum "+a.ID)
		}
	}
	for _, pot := range r.Pots {
		if i := slices.Index(c.pots, pot.Name); i >= 0 {
			t.Claims[i] = pennies(pot.Claims, "claims of pot "+string(pot.Name))
		}
	}
	t.Cost, t.ClaimsOnDerived = pennies(r.Cost, "staff cost"), pennies(r.ClaimsOnDerived, "claims on derived maxima")
	if perr != nil {
		clear(t.Payments)
		clear(t.Sums)
		clear(t.Claims)
		t.Entitlements, t.Cost, t.ClaimsOnDerived = 0, 0, 0
		return perr
	}
	b.keep(i, people)
	return nil
}

// addPennies adds v pennies to *dst, reporting false (and leaving *dst)
// when the sum would pass the largest int64.
func addPennies(dst *int64, v uint64) bool {
	if v > math.MaxInt64 || *dst > math.MaxInt64-int64(v) {
		return false
	}
	*dst += int64(v)
	return true
}

// addInt adds v to *dst, reporting false (and leaving *dst) on overflow.
func addInt(dst *int64, v int64) bool {
	s := *dst + v
	if (v > 0 && s < *dst) || (v < 0 && s > *dst) {
		return false
	}
	*dst = s
	return true
}

var (
	maxPennies = decimal.NewFromInt(math.MaxInt64)
	minPennies = decimal.NewFromInt(math.MinInt64)
)

// checkedPennies is d in whole pennies, and false when d has more than two
// places or its pennies do not fit in an int64.
func checkedPennies(d decimal.Decimal) (int64, bool) {
	p := d.Shift(2)
	if !p.IsInteger() || p.GreaterThan(maxPennies) || p.LessThan(minPennies) {
		return 0, false
	}
	return p.IntPart(), true
}

// ErrOverflow is the sentinel of an amount too large for pcnfin's 64-bit
// pennies (about £92 million million): never a wrapped figure.
var ErrOverflow = errors.New("amount too large")

// OverflowError is an amount that would not fit in 64-bit pennies: the PCN
// (or total) and the payment it is about, and the exact amount where known.
type OverflowError struct {
	PCN    string
	What   string
	Amount decimal.Decimal
}

func (e *OverflowError) Error() string {
	amt := ""
	if !e.Amount.IsZero() {
		amt = " (£" + e.Amount.StringFixed(2) + ")"
	}
	return fmt.Sprintf("%s: %s%s is more than £92,233,720,368,547,758.07, the most a total can hold; "+
		"check the figures and rates (a rate per patient or a population far too large)", e.PCN, e.What, amt)
}

// Unwrap gives ErrOverflow and des.ErrInvalid, for errors.Is.
func (e *OverflowError) Unwrap() []error { return []error{ErrOverflow, des.ErrInvalid} }
