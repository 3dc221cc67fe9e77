package arrs

// The fast path for many PCNs: what a national run needs (each PCN's
// payments, ARRS sums, claims and staff cost), in int64 pennies in one flat
// array per batch, with no decimals, explanations or reasons made. It runs
// the explained path's own code, recording nothing:
//
//   - Payments and ARRS sums: des.Entitler.Pennies, the kernel des.Entitle
//     runs (each month round_half_up(basis × k ÷ q) pennies in 128-bit
//     integers; an ARRS sum the exact year rounded once).
//   - Claims: the explained path's monthly arithmetic (calculateMonth),
//     without building the result.
//
// A PCN the fast path does not take (a figure missing or invalid, a roster
// error, a total past int64 pennies) is worked out by the explained path,
// which gives its answer or its error. TestTotalsMatchTheExplainedPath
// stays as a cheap regression guard that the two still meet.

import (
	"fmt"
	"math"
	"slices"

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

// compiled is the rule set's payments compiled (des.Entitler: the one
// arithmetic of des.Entitle) with the layout of Totals, or ok = false when
// the rule set cannot be compiled (then the explained path gives the error).
type compiled struct {
	ok       bool
	ent      *des.Entitler
	payments []string // IDs of the payments (not sums), in rule-set order
	pots     []des.PotID
	slot     []int  // per payment of the rule set: its index in payments, or in pots for an ARRS sum
	sum      []bool // per payment of the rule set: an ARRS sum
}

func compileEntitlements(rs *des.RuleSet, asAt des.Date) compiled {
	ent, err := des.NewEntitler(rs, des.Options{AsAt: asAt})
	if err != nil {
		return compiled{}
	}
	c := compiled{ok: true, ent: ent}
	for _, p := range rs.Payments() {
		sum := p.Kind == des.KindARRSSum
		idx := len(c.payments)
		if sum {
			idx = slices.Index(c.pots, p.Pot)
			if idx < 0 {
				idx = len(c.pots)
				c.pots = append(c.pots, p.Pot)
			}
		} else {
			c.payments = append(c.payments, p.ID)
		}
		c.slot, c.sum = append(c.slot, idx), append(c.sum, sum)
	}
	return c
}

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
	pay    []int64 // per payment of the rule set, in pennies
	caps   []capState
	tally  tally
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

// totals works out PCN i of a batch, by the fast path when it can: the
// entitlements by des.Entitler.Pennies, the claims by the explained path's
// own monthly arithmetic, neither recording the working.
func (p *Plan) totals(wk *worker, c *compiled, b *Batch, i int) error {
	in, t := &b.in[i], &b.totals[i]
	if !c.ok {
		return p.slowTotals(c, b, i)
	}
	wk.pay = slices.Grow(wk.pay[:0], len(c.slot))[:len(c.slot)]
	ent, ok := c.ent.Pennies(&in.PCN, wk.pay)
	if !ok || !p.fastClaims(wk, in, t) {
		return p.slowTotals(c, b, i)
	}
	t.Entitlements = ent
	for k, v := range wk.pay {
		if !c.sum[k] {
			t.Payments[c.slot[k]] = v
		} else if !addInt(&t.Sums[c.slot[k]], v) {
			return p.slowTotals(c, b, i)
		}
	}
	b.keep(i, wk.people[:len(in.Roster)])
	return nil
}

// fastClaims works out the claims and cost by the explained path's own
// code (months, tally), reusing the worker's buffers, without a result.
func (p *Plan) fastClaims(wk *worker, in *PCNInput, t *Totals) bool {
	n := len(in.Roster)
	if cap(wk.people) < n {
		wk.people = make([]person, n)
		wk.order = make([]int, n)
	}
	if len(wk.caps) < p.roleCount {
		wk.caps = make([]capState, p.roleCount)
	}
	people, order := wk.people[:n], wk.order[:n]
	if p.months(&in.PCN, in.Roster, people, order, wk.caps, false) != nil {
		return false
	}
	c := p.fast()
	wk.tally.pots = slices.Grow(wk.tally.pots[:0], len(c.pots))[:len(c.pots)]
	if !p.tally(&wk.tally, people, order) {
		return false
	}
	var cost int64
	for m := 0; m < 12; m++ {
		if !addInt(&cost, wk.tally.cost[m]) {
			return false
		}
	}
	t.Cost, t.ClaimsOnDerived = cost, wk.tally.onDerived
	for q := range wk.tally.pots {
		for m := 0; m < 12; m++ {
			if !addInt(&t.Claims[q], wk.tally.pots[q][m]) {
				return false
			}
		}
	}
	return true
}

// slowTotals works out PCN i of a batch by the explained path, for what the
// fast path does not take.
func (p *Plan) slowTotals(c *compiled, b *Batch, i int) error {
	in, t := &b.in[i], &b.totals[i]
	clear(t.Payments)
	clear(t.Sums)
	clear(t.Claims)
	t.Entitlements, t.Cost, t.ClaimsOnDerived = 0, 0, 0
	e, err := p.entitle(in.PCN)
	if err != nil {
		return err
	}
	people, order, err := p.claimMonths(in.PCN, in.Roster)
	if err != nil {
		return err
	}
	r, err := p.result(in.PCN, people, order, e.ARRSSums)
	if err != nil {
		return err
	}
	for _, a := range e.Payments {
		if i := slices.Index(c.payments, a.ID); i >= 0 {
			t.Payments[i] = a.Total.Pennies()
		}
	}
	t.Entitlements = e.Total.Pennies()
	for _, a := range e.ARRSSums {
		if i := slices.Index(c.pots, a.Pot); i >= 0 {
			t.Sums[i] = a.Total.Pennies()
		}
	}
	for _, pot := range r.Pots {
		if i := slices.Index(c.pots, pot.Name); i >= 0 {
			t.Claims[i] = pot.Claims.Pennies()
		}
	}
	t.Cost, t.ClaimsOnDerived = r.Cost.Pennies(), r.ClaimsOnDerived.Pennies()
	b.keep(i, people)
	return nil
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
// pennies (about £92 million million): never a wrapped figure. It is
// des.ErrOverflow, which des.Money's arithmetic returns.
var ErrOverflow = des.ErrOverflow

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

// entitle is des.Entitle by the plan's compiled payments (the kernel the
// fast path runs, recording the working).
func (p *Plan) entitle(pcn des.PCN) (des.Entitlements, error) {
	if c := p.fast(); c.ok {
		return c.ent.Entitle(pcn)
	}
	return des.Entitle(p.rs, pcn, des.Options{AsAt: p.opt.AsAt})
}

// sums works out only the PCN's ARRS sums, by the plan's compiled payments
// where it has them.
func (p *Plan) sums(pcn des.PCN) ([]des.Amount, error) {
	if c := p.fast(); c.ok {
		return c.ent.Sums(pcn)
	}
	e, err := des.NewEntitler(p.rs, des.Options{AsAt: p.opt.AsAt})
	if err != nil {
		return nil, err
	}
	return e.Sums(pcn)
}
