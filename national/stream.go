package national

import (
	"github.com/pcnfin/pcnfin/arrs"

	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// RollUpStream adds PCNs up by ICB, for England and by payment as they are
// worked out, holding only the running totals, in pennies: RollUp holds
// every PCN, this holds one total per ICB and per payment, so a list of any
// length is added up in bounded memory. Rollup gives RollUp's totals
// exactly (with no PCNs listed).
//
// Add takes a PCN from CalculateTotals when TotalsExact says the plan's
// Totals split by payment; AddEntitlements takes one from the explained path
// (CalculateEach) always.
type RollUpStream struct {
	rs      *des.RuleSet
	exact   bool
	slotPay []int // per rs.Payments(): index into Totals.Payments, or -1
	slotSum []int // per rs.Payments(): index into Totals.Sums, or -1
	ids     []string
	icbs    map[string]*groupSum
	england groupSum
	byPay   []int64
	leftOut []string
	err     error // the first total that would not fit in int64 pennies
}

type groupSum struct {
	pcns       int
	registered decimal.Decimal
	ent, arrs  int64
}

// NewRollUpStream starts adding up PCNs worked out under plan.
//
// A nil plan (or one without a rule set) gives a stream that adds nothing
// up: its Err says why.
func NewRollUpStream(plan *arrs.Plan) *RollUpStream {
	if plan.RuleSet() == nil {
		return &RollUpStream{rs: &des.RuleSet{}, icbs: map[string]*groupSum{}, england: groupSum{registered: decimal.Zero},
			err: errNoPlan}
	}
	rs := plan.RuleSet()
	payments, pots := plan.PaymentIDs(), plan.Pots()
	pays := rs.Payments()
	s := &RollUpStream{rs: rs, exact: true, icbs: map[string]*groupSum{},
		slotPay: make([]int, len(pays)), slotSum: make([]int, len(pays)), byPay: make([]int64, len(pays)),
		england: groupSum{registered: decimal.Zero}}
	potUsed := map[des.PotID]int{}
	for i, p := range pays {
		s.ids = append(s.ids, p.ID)
		s.slotPay[i] = slices.Index(payments, p.ID)
		s.slotSum[i] = -1
		if p.Kind == des.KindARRSSum {
			s.slotPay[i] = -1
			s.slotSum[i] = slices.Index(pots, p.Pot)
			potUsed[p.Pot]++
			if s.slotSum[i] < 0 || potUsed[p.Pot] > 1 {
				s.exact = false // two sums in one pot: Totals cannot tell them apart
			}
		} else if s.slotPay[i] < 0 {
			s.exact = false
		}
	}
	return s
}

// TotalsExact reports whether Add gives the payments' totals exactly (the
// plan's Totals hold every payment and each ARRS sum in a pot of its own).
// When not, use AddEntitlements.
func (s *RollUpStream) TotalsExact() bool { return s.exact }

func (s *RollUpStream) group(row *PCNRow) *groupSum {
	icb := row.ICB
	if icb == "" {
		icb = NoICB
	}
	g := s.icbs[icb]
	if g == nil {
		g = &groupSum{registered: decimal.Zero}
		s.icbs[icb] = g
	}
	return g
}

func (s *RollUpStream) add(row *PCNRow, ent, arrsSum int64) {
	reg, hasReg := RolledPCN{Row: *row}.Registered()
	for _, g := range []*groupSum{s.group(row), &s.england} {
		g.pcns++
		if hasReg {
			g.registered = g.registered.Add(reg)
		}
		name := "England"
		if g != &s.england {
			name = "ICB " + row.ICB
		}
		s.sum(row, &g.ent, ent, name+" entitlements")
		s.sum(row, &g.arrs, arrsSum, name+" ARRS sum")
	}
}

// sum adds v to *dst, or records the first overflow (Err) naming the PCN
// whose figure would pass the largest total, and what total.
func (s *RollUpStream) sum(row *PCNRow, dst *int64, v int64, what string) {
	if !addInt(dst, v) && s.err == nil {
		oe := &arrs.OverflowError{PCN: row.Code + " (" + row.Name + ")", What: what + " with this PCN added"}
		s.err = &des.FieldError{Line: row.Line, Field: what, Msg: oe.Error(), Err: oe}
	}
}

// Err is the first total that would not fit in int64 pennies (a
// *des.FieldError with the PCN's line wrapping an *OverflowError), or nil.
// A stream with an error gives no Rollup worth printing: the caller stops
// and reports it.
func (s *RollUpStream) Err() error {
	if s == nil {
		return nil
	}
	return s.err
}

// Add adds a PCN's totals (from CalculateTotals under the same plan; see
// TotalsExact).
func (s *RollUpStream) Add(row *PCNRow, t *arrs.Totals) {
	var sum int64
	for _, x := range t.Sums {
		s.sum(row, &sum, x, "PCN's ARRS sums")
	}
	s.add(row, t.Entitlements, sum)
	for i := range s.byPay {
		switch {
		case s.slotPay[i] >= 0:
			s.sum(row, &s.byPay[i], t.Payments[s.slotPay[i]], "England total of "+s.ids[i])
		case s.slotSum[i] >= 0:
			s.sum(row, &s.byPay[i], t.Sums[s.slotSum[i]], "England total of "+s.ids[i])
		}
	}
}

// AddEntitlements adds a PCN worked out by the explained path.
func (s *RollUpStream) AddEntitlements(row *PCNRow, e *des.Entitlements) {
	var sum int64
	for _, a := range e.ARRSSums {
		s.sum(row, &sum, a.Total.Pennies(), "PCN's ARRS sums")
	}
	s.add(row, e.Total.Pennies(), sum)
	for i, id := range s.ids {
		for _, a := range e.Payments {
			if a.ID == id {
				s.sum(row, &s.byPay[i], a.Total.Pennies(), "England total of "+id)
			}
		}
		for _, a := range e.ARRSSums {
			if a.ID == id {
				s.sum(row, &s.byPay[i], a.Total.Pennies(), "England total of "+id)
			}
		}
	}
}

// LeaveOut records a PCN left out of the totals, and why (Rollup.LeftOut).
func (s *RollUpStream) LeaveOut(err error) { s.leftOut = append(s.leftOut, err.Error()) }

// Rollup is the totals so far, as RollUp gives them (PCNs nil).
func (s *RollUpStream) Rollup() Rollup {
	pennies := func(p int64) decimal.Decimal { return decimal.New(p, -2) }
	total := func(name string, g *groupSum) GroupTotal {
		return GroupTotal{Name: name, PCNs: g.pcns, Registered: g.registered, Entitlements: pennies(g.ent),
			ARRSSum: pennies(g.arrs)}
	}
	out := Rollup{Year: s.rs.Year(), RuleSet: s.rs.Title(), Gaps: s.rs.Gaps(), Unpaid: s.rs.Unpaid(),
		England: total("England", &s.england), LeftOut: slices.Clone(s.leftOut)}
	for name, g := range s.icbs {
		out.ICBs = append(out.ICBs, total(name, g))
	}
	slices.SortFunc(out.ICBs, func(a, b GroupTotal) int { return strings.Compare(a.Name, b.Name) })
	for i, p := range s.rs.Payments() {
		out.ByPayment = append(out.ByPayment,
			PaymentTotal{ID: p.ID, Name: p.Name, Kind: p.Kind, Amount: pennies(s.byPay[i])})
	}
	return out
}

var errNoPlan = fmt.Errorf("%w: a Plan must come from arrs.Compile", des.ErrMissing)

// checkedPennies is d in pennies, or false if d has fractions of a penny
// or does not fit in int64 pennies.
func checkedPennies(d decimal.Decimal) (int64, bool) {
	p := d.Shift(2)
	if !p.IsInteger() || p.GreaterThan(maxPennies) || p.LessThan(minPennies) {
		return 0, false
	}
	return p.IntPart(), true
}

var (
	maxPennies = decimal.NewFromInt(math.MaxInt64)
	minPennies = decimal.NewFromInt(math.MinInt64)
)
