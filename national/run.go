package national

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
)

// ChunkRows is how many PCN rows Run and RollUp read, work out and hand
// on at a time.
const ChunkRows = 4096

// DefaultTop is how many PCNs Year.Ranked lists when Options.Top is 0.
const DefaultTop = 10

// Options tune Run and RollUp: how to read the PCN list and work it out.
type Options struct {
	File string                        // the PCN list's name, for errors
	Open func() (io.ReadCloser, error) // opens the PCN list afresh (once a year)
	// MaxRows is the most PCN rows the list may have (0: no limit); the file
	// may then be DefaultMaxPCNBytes or 1 KiB a row, whichever is more.
	MaxRows int
	Workers int  // PCNs worked out at once (0: one per CPU)
	SkipBad bool // leave out bad PCN rows and PCNs that cannot be worked out
	// ARRS compiles each year's claims engine: the on-cost rules that cost a
	// salary (SalaryCost; nil: the embedded ones, as scenario.Options), figures
	// as announced by AsAt.
	ARRS arrs.Options
	// Assumptions (Run only) raise the roster's costs each year after their base year
	// (pay_uplift_pct), as scenario.Scenario.Roster does.
	Assumptions scenario.Assumptions
	// Explain works every PCN out in full (RollUp only: PCNTotals.Explained).
	Explain bool
	// Top is how many PCNs Year.Ranked lists (Run only) (0: DefaultTop; below 0: every
	// PCN, which holds one small record a PCN).
	Top int
	// BadRow is told of each bad PCN row skipped (the first year only);
	// LeftOut of each PCN left out of a year.
	BadRow  func(err error)
	LeftOut func(y des.Year, err error)
}

// PCN is one PCN's ARRS year against its roster, in pennies.
type PCN struct {
	Row    *PCNRow
	People int // on its roster
	// Entitlements are its network entitlements (ARRS sums excluded).
	Entitlements int64
	Sum          int64 // its ARRS sums, every pot
	Claims       int64 // its roster's claims, every pot: the sum of Months
	Cost         int64 // its roster's employer cost in the year
	// Unclaimed is what its claims leave of its sums, pot by pot (a pot
	// claimed past its sum leaves nothing, and does not make up for
	// another); Over is what its claims pass its sums by, pot by pot, which
	// no one reimburses. Sum = Claims − Over + Unclaimed.
	Unclaimed int64
	Over      int64
	Months    [12]int64 // claims month by month, April first
	// RunsOut is the first month ("2025-11") in which cumulative claims
	// pass a pot's sum; "" if they never do.
	RunsOut string
	// Rules are the reasons a month claims less than its cost
	// (arrs.Reason: a cap, a role not yet claimable, ...), each with the
	// number of people it touches, in reason order.
	Rules []RuleCount
}

// Headroom is what the sums leave after the claims (below zero:
// over-commitment), over every pot.
func (p *PCN) Headroom() int64 { return p.Sum - p.Claims }

// RuleCount is a reason and how many people of a roster it touches.
type RuleCount struct {
	Reason arrs.Reason `json:"reason"`
	People int         `json:"people"`
}

// Total adds up PCNs: an ICB's or England's.
type Total struct {
	Name         string
	PCNs         int
	People       int
	Entitlements int64
	Sum          int64
	Claims       int64
	Cost         int64
	Unclaimed    int64 // what the ICB keeps (since 2025/26)
	Over         int64
	RunOut       int // PCNs whose claims pass a sum
	Months       [12]int64
}

// Ranked is a PCN ranked by what it leaves unclaimed.
type Ranked struct {
	Rank      int
	Line      int
	Code      string
	Name      string
	ICB       string
	Sum       int64
	Claims    int64
	Unclaimed int64
	RunsOut   string
}

// Year is a year's totals: each ICB's (by name), England's, the PCNs
// that leave the most unclaimed.
type Year struct {
	Year    des.Year
	RuleSet string
	Months  [12]string // "2025-04", …
	ICBs    []Total
	England Total
	Ranked  []Ranked
	LeftOut []string
	Gaps    []des.Gap
	Unpaid  []string
}

// Report is a national ICB view: the data labels, the rows skipped and
// each year's totals.
type Report struct {
	Data      string // the PCN list: its file, or the label of a sample
	StaffData string // the staff file, likewise
	Synthetic bool
	People    int // on the rosters
	BadRows   int // PCN rows skipped
	BadStaff  int // staff rows skipped
	Years     []Year
}

// Sink takes the ICB view as it is worked out: Begin as a year starts,
// PCNs for each chunk (valid only during the call), End with the year's
// totals.
type Sink interface {
	Begin(rep *Report, rs *des.RuleSet) error
	PCNs(rep *Report, y des.Year, pcns []PCN) error
	End(rep *Report, y *Year) error
}

// Run works out every PCN of a list against its roster (rosters, read by
// ReadRosters against the same list), under each rule set in turn: the
// list is read once a year, ChunkRows rows at a time, each chunk worked
// out by the fast batch path (arrs.Plan.CalculateBatch) and handed to sink
// before the next is read. Only the running ICB and England totals and the
// top PCNs are kept, so the list streams; the rosters are held.
//
// Every total is a checked int64 sum of pennies (an overflow is an error
// naming the PCN), and equals the sum of its PCNs. Without opt.SkipBad a
// bad row, or a PCN that cannot be worked out, is the error.
func Run(rep *Report, rss []*des.RuleSet, rosters *Rosters, opt Options, sink Sink) error {
	switch {
	case rep == nil:
		return fmt.Errorf("%w: national.Run needs a report to add to (rep is nil)", des.ErrMissing)
	case opt.Open == nil:
		return fmt.Errorf("%w: national.Run needs Options.Open, to open the PCN list", des.ErrMissing)
	case sink == nil:
		return fmt.Errorf("%w: national.Run needs a Sink to hand the PCNs to", des.ErrMissing)
	case rosters == nil:
		return fmt.Errorf("%w: national.Run needs the rosters (ReadRosters)", des.ErrMissing)
	}
	rep.People = rosters.Len()
	for i, rs := range rss {
		if err := runYear(rep, rs, rosters, opt, sink, i == 0); err != nil {
			return err
		}
	}
	return nil
}

// PCNOptionsFor are the PCN list's reading options for a row limit (0: none),
// as Run and RollUp take them.
func PCNOptionsFor(maxRows int, skipBad bool) PCNOptions {
	o := PCNOptions{SkipBad: skipBad, MaxRows: -1, MaxBytes: -1}
	if maxRows > 0 {
		o.MaxRows, o.MaxBytes = maxRows, max(DefaultMaxPCNBytes, int64(maxRows)<<10)
	}
	return o
}

// year is a year's running totals.
type year struct {
	y       Year
	icbs    map[string]*Total
	top     int
	potOf   map[string]int // role → index into plan.Pots()
	pots    int
	monthOf [12]string
	err     error
}

func runYear(rep *Report, rs *des.RuleSet, rosters *Rosters, opt Options, sink Sink, first bool) error {
	plan, err := compileFor(rs, opt)
	if err != nil {
		return err
	}
	f, err := opt.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	pr, err := NewPCNReader(opt.File, f, PCNOptionsFor(opt.MaxRows, opt.SkipBad))
	if err != nil {
		return err
	}
	yr := newYear(rs, plan, opt)
	ch := &chunk{rs: rs, plan: plan, rosters: rosters, opt: opt, buf: make([]PCNRow, 0, ChunkRows),
		in: make([]arrs.PCNInput, 0, ChunkRows), out: make([]PCN, 0, ChunkRows)}
	started, good := false, 0
	for {
		rows, bad, rerr := pr.Next(ch.buf, ChunkRows)
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return rerr
		}
		if first {
			rep.BadRows += skipped(opt, bad)
		}
		out, err := ch.work(yr, rows)
		if err != nil {
			return err
		}
		good += len(rows)
		if !started && (len(out) > 0 || rerr != nil) {
			if good == 0 && first {
				return &des.FieldError{File: opt.File, Msg: "no PCN rows to work out", Err: des.ErrMissing}
			}
			if err := sink.Begin(rep, rs); err != nil {
				return err
			}
			started = true
		}
		if err := sink.PCNs(rep, rs.Year(), out); err != nil {
			return err
		}
		if rerr != nil {
			break
		}
	}
	rep.Years = append(rep.Years, yr.done())
	return sink.End(rep, &rep.Years[len(rep.Years)-1])
}

// compileFor compiles a year's claims engine, costing salaries as the
// scenario path does by default (scenario.Options) unless opt.ARRS says.
func compileFor(rs *des.RuleSet, opt Options) (*arrs.Plan, error) {
	ao := opt.ARRS
	if ao.SalaryCost == nil {
		o, err := rates.OnCosts()
		if err != nil {
			return nil, err
		}
		ao.SalaryCost = costOnly(o)
	}
	return arrs.Compile(rs, ao)
}

// newYear starts a year's running totals: its months' labels and the pot
// of each role.
func newYear(rs *des.RuleSet, plan *arrs.Plan, opt Options) *year {
	yr := &year{y: Year{Year: rs.Year(), RuleSet: rs.TitleAsAt(opt.ARRS.AsAt), Gaps: rs.Gaps(), Unpaid: rs.Unpaid()},
		icbs: map[string]*Total{}, top: opt.Top, potOf: map[string]int{}, pots: len(plan.Pots())}
	if yr.top == 0 {
		yr.top = DefaultTop
	}
	yr.y.England.Name = "England"
	for m := range 12 {
		y, mo := int(rs.Year()), 4+m
		if mo > 12 {
			y, mo = y+1, mo-12
		}
		yr.y.Months[m] = fmt.Sprintf("%04d-%02d", y, mo)
	}
	pots := plan.Pots()
	for _, r := range rs.ARRS().Roles {
		p := r.Pot
		if p == "" {
			p = des.PotMain
		}
		yr.potOf[r.ID] = max(slices.Index(pots, p), 0)
	}
	return yr
}

// skipped tells opt.BadRow of the PCN rows skipped: how many.
func skipped(opt Options, bad []error) int {
	for _, e := range bad {
		if opt.BadRow != nil {
			opt.BadRow(e)
		}
	}
	return len(bad)
}

// done is the year's totals: the ICBs in name order, the ranking numbered.
func (yr *year) done() Year {
	for _, t := range yr.icbs {
		yr.y.ICBs = append(yr.y.ICBs, *t)
	}
	slices.SortFunc(yr.y.ICBs, func(a, b Total) int { return cmp.Compare(a.Name, b.Name) })
	if yr.top < 0 { // largest first; ties keep list order, as rank inserts them
		slices.SortStableFunc(yr.y.Ranked, func(a, b Ranked) int { return cmp.Compare(b.Unclaimed, a.Unclaimed) })
	}
	for i := range yr.y.Ranked {
		yr.y.Ranked[i].Rank = i + 1
	}
	return yr.y
}

// chunk works out a chunk of PCN rows against their rosters; its buffers
// are reused from chunk to chunk.
type chunk struct {
	rs      *des.RuleSet
	plan    *arrs.Plan
	rosters *Rosters
	opt     Options
	buf     []PCNRow
	in      []arrs.PCNInput
	out     []PCN
	slab    []arrs.Staff // the chunk's rosters, one after another
}

// work works the rows out by the fast batch path and adds each PCN to the
// year's totals: the PCNs worked out (valid until the next call).
func (ch *chunk) work(yr *year, rows []PCNRow) ([]PCN, error) {
	ch.inputs(rows)
	batch := ch.plan.CalculateBatch(ch.in, ch.opt.Workers)
	ch.out = ch.out[:0]
	for i := range rows {
		row := &rows[i]
		if perr := batch.Err(i); perr != nil {
			if err := ch.leftOut(yr, row, perr); err != nil {
				return nil, err
			}
			continue
		}
		p, err := yr.pcn(row, batch.Totals(i), batch.Staff(i), ch.in[i].Roster)
		if err != nil {
			return nil, err
		}
		if err := yr.add(&p); err != nil {
			return nil, err
		}
		ch.out = append(ch.out, p)
	}
	return ch.out, nil
}

// inputs are the rows with their rosters (raised by the pay uplift, when
// the assumptions give one).
func (ch *chunk) inputs(rows []PCNRow) {
	uplift := !ch.opt.Assumptions.PayUplift.IsZero()
	ch.in = ch.in[:0]
	ch.slab = ch.slab[:0]
	people := 0
	for i := range rows {
		people += ch.rosters.count(rows[i].Code)
	}
	ch.slab = slices.Grow(ch.slab, people)
	for i := range rows {
		at := len(ch.slab)
		ch.slab = ch.rosters.AppendOf(ch.slab, rows[i].Code)
		roster := ch.slab[at:len(ch.slab):len(ch.slab)]
		if uplift && len(roster) > 0 {
			roster = (&scenario.Scenario{Staff: roster, Assumptions: ch.opt.Assumptions}).Roster(ch.rs.Year())
		}
		ch.in = append(ch.in, arrs.PCNInput{PCN: rows[i].PCN, Roster: roster})
	}
}

// leftOut is a PCN that cannot be worked out: the error, or (SkipBad) a
// line of the year's LeftOut.
func (ch *chunk) leftOut(yr *year, row *PCNRow, perr error) error {
	e := RowError(ch.opt.File, *row, ch.rs.Year(), perr)
	if !ch.opt.SkipBad {
		return e
	}
	if ch.opt.LeftOut != nil {
		ch.opt.LeftOut(ch.rs.Year(), e)
	}
	yr.y.LeftOut = append(yr.y.LeftOut, e.Error())
	return nil
}

// pcn is a PCN's year from the batch: its months, run-out month and
// reasons from its people, checked against the batch's totals.
func (yr *year) pcn(row *PCNRow, t arrs.Totals, staff []arrs.StaffPennies, roster []arrs.Staff) (PCN, error) {
	p := PCN{Row: row, People: len(roster), Entitlements: t.Entitlements, Cost: t.Cost}
	if len(staff) != len(roster) {
		return PCN{}, fmt.Errorf("%w: %s (%s): the batch gave %d people for a roster of %d", des.ErrInvalid, row.Code,
			row.Name, len(staff), len(roster))
	}
	potMonths := make([][12]int64, max(yr.pots, 1))
	if what := yr.people(&p, staff, roster, potMonths); what != "" {
		return PCN{}, pcnOverflow(row, what)
	}
	if p.Claims != t.Claimed() {
		return PCN{}, fmt.Errorf("%w: %s (%s): its people's months add up to %d pennies, its claims to %d", des.ErrInvalid,
			row.Code, row.Name, p.Claims, t.Claimed())
	}
	if what := yr.sums(&p, t, potMonths); what != "" {
		return PCN{}, pcnOverflow(row, what)
	}
	if p.Sum-p.Claims != p.Unclaimed-p.Over {
		return PCN{}, fmt.Errorf("%w: %s (%s): sum %d − claims %d is not unclaimed %d − over %d", des.ErrInvalid, row.Code,
			row.Name, p.Sum, p.Claims, p.Unclaimed, p.Over)
	}
	return p, nil
}

// pcnOverflow is the error of a PCN total that does not fit in an int64.
func pcnOverflow(row *PCNRow, what string) error {
	oe := &arrs.OverflowError{PCN: row.Code + " (" + row.Name + ")", What: what}
	return &des.FieldError{Line: row.Line, Field: what, Msg: oe.Error(), Err: oe}
}

// people adds up a PCN's people: its claims month by month, in all and
// pot by pot, and the people each reason touches. The result names a
// total that would overflow ("" when none does).
func (yr *year) people(p *PCN, staff []arrs.StaffPennies, roster []arrs.Staff, potMonths [][12]int64) string {
	var reasons [256]int
	for k, sp := range staff {
		pot := yr.potOf[roster[k].Role]
		var seen [256]bool
		for m := range min(12, len(sp.Months)) {
			if !addInt(&p.Months[m], sp.Months[m]) || !addInt(&potMonths[pot][m], sp.Months[m]) {
				return "claims of " + yr.y.Months[m]
			}
			if r := sp.Reasons[m]; r != arrs.ReasonNone && !seen[r] { // a Reason is a uint8: within [256]
				seen[r] = true
				reasons[r]++
			}
		}
	}
	for r, n := range reasons {
		if n > 0 {
			p.Rules = append(p.Rules, RuleCount{arrs.Reason(r), n})
		}
	}
	for m := range 12 {
		if !addInt(&p.Claims, p.Months[m]) {
			return "claims"
		}
	}
	return ""
}

// sums sets a PCN's sums against its claims, pot by pot: the sum, the
// first month cumulative claims pass one, what is left unclaimed and what
// is claimed over. The result names a total that would overflow ("" when
// none does).
func (yr *year) sums(p *PCN, t arrs.Totals, potMonths [][12]int64) string {
	for k, sum := range t.Sums {
		if !addInt(&p.Sum, sum) {
			return "ARRS sums"
		}
		if m := runsOut(&potMonths[k], sum); m >= 0 && (p.RunsOut == "" || yr.y.Months[m] < p.RunsOut) {
			p.RunsOut = yr.y.Months[m]
		}
		if k < len(t.Claims) {
			left := sum - t.Claims[k] // each within int64: both are checked totals
			dst := &p.Unclaimed
			if left < 0 {
				dst, left = &p.Over, -left
			}
			if !addInt(dst, left) {
				return "unclaimed"
			}
		}
	}
	// Claims in a pot with no sum (not in a validated rule set) still
	// count: nothing of a sum is left for them.
	for k := len(t.Sums); k < len(t.Claims); k++ {
		if !addInt(&p.Over, t.Claims[k]) {
			return "claims over the sums"
		}
	}
	return ""
}

// runsOut is the first month in which cumulative claims pass the sum (-1:
// none).
func runsOut(months *[12]int64, sum int64) int {
	var cum int64
	for m := range 12 {
		cum += months[m]
		if cum > sum {
			return m
		}
	}
	return -1
}

// add adds a PCN to its ICB's, England's totals and the ranking.
func (yr *year) add(p *PCN) error {
	icb := p.Row.ICB
	if icb == "" {
		icb = NoICB
	}
	g := yr.icbs[icb]
	if g == nil {
		g = &Total{Name: icb}
		yr.icbs[icb] = g
	}
	for _, t := range []*Total{g, &yr.y.England} {
		t.PCNs++
		t.People += p.People
		if p.RunsOut != "" {
			t.RunOut++
		}
		for _, f := range []struct {
			dst  *int64
			v    int64
			what string
		}{{&t.Entitlements, p.Entitlements, "entitlements"}, {&t.Sum, p.Sum, "ARRS sums"},
			{&t.Claims, p.Claims, "claims"}, {&t.Cost, p.Cost, "cost"}, {&t.Unclaimed, p.Unclaimed, "unclaimed"},
			{&t.Over, p.Over, "claims over the sums"}} {
			if !addInt(f.dst, f.v) {
				oe := &arrs.OverflowError{PCN: p.Row.Code + " (" + p.Row.Name + ")", What: t.Name + " " + f.what +
					" with this PCN added"}
				return &des.FieldError{Line: p.Row.Line, Field: f.what, Msg: oe.Error(), Err: oe}
			}
		}
		for m := range 12 {
			if !addInt(&t.Months[m], p.Months[m]) {
				oe := &arrs.OverflowError{PCN: p.Row.Code, What: t.Name + " claims of " + yr.y.Months[m]}
				return &des.FieldError{Line: p.Row.Line, Msg: oe.Error(), Err: oe}
			}
		}
	}
	yr.rank(p)
	return nil
}

// rank keeps the top PCNs by unclaimed, largest first; ties keep list
// order.
func (yr *year) rank(p *PCN) {
	r := &yr.y.Ranked
	if yr.top < 0 { // every PCN: sorted once, in done
		*r = append(*r, rankedOf(p))
		return
	}
	// yr.top > 0 here: 0 is DefaultTop (newYear).
	if len(*r) == yr.top && (*r)[yr.top-1].Unclaimed >= p.Unclaimed {
		return
	}
	at := sort.Search(len(*r), func(i int) bool { return (*r)[i].Unclaimed < p.Unclaimed })
	*r = slices.Insert(*r, at, rankedOf(p))
	if len(*r) > yr.top {
		*r = (*r)[:yr.top]
	}
}

func rankedOf(p *PCN) Ranked {
	return Ranked{Line: p.Row.Line, Code: p.Row.Code, Name: p.Row.Name, ICB: p.Row.ICB, Sum: p.Sum,
		Claims: p.Claims, Unclaimed: p.Unclaimed, RunsOut: p.RunsOut}
}

// addInt adds v to *dst unless the sum would not fit in an int64.
func addInt(dst *int64, v int64) bool {
	s := *dst + v
	if (s^*dst)&(s^v) < 0 { // s's sign is neither addend's: the sum wrapped
		return false
	}
	*dst = s
	return true
}

// costOnly is arrs.OnCostRules without the words: the employer cost of a
// month's pay, the same figure (oncost.Rules.PayCost, the last rules
// carried forward past the tables), with no Arithmetic or Sources text,
// which the fast path never shows and which cost seven tenths of a national
// run's time to write. Each figure is worked out once (costMemo): a
// person's full months, and people on the same pay, cost the same.
func costOnly(o *oncost.Rules) arrs.SalaryCostFunc {
	o = o.CarriedForward()
	m := &costMemo{rates: map[rateDay]int32{}, cost: map[payKey]decimal.Decimal{}}
	return func(pay arrs.Pay) (arrs.PayCost, error) {
		k, known := m.lookup(o, pay)
		if known {
			return arrs.PayCost{Cost: k.cost}, nil
		}
		b, err := o.PayCost(pay.Amount, pay.Paid, oncost.Options{Levy: pay.Levy})
		if err != nil {
			return arrs.PayCost{}, err
		}
		m.store(k, b.Total)
		return arrs.PayCost{Cost: b.Total}, nil
	}
}

// costMemo holds the employer costs of months' pay already worked out. A
// month's cost depends on its pay (to the penny) and on the rates in force
// on its payment date (employer NI rate and monthly threshold, pension
// rate, levy rate): payment dates with the same rates share their figures.
// Safe for concurrent use; it holds at most maxMemo figures, starting
// afresh when full.
type costMemo struct {
	mu    sync.Mutex
	rates map[rateDay]int32 // a payment date (and levy) → its rates' number; -1: not memoised
	ids   []string          // the rates of each number, written out
	cost  map[payKey]decimal.Decimal
}

type rateDay struct {
	paid des.Date
	levy bool
}

type payKey struct {
	pennies int64
	rates   int32
}

const maxMemo = 1 << 16

// ratesOf is the number of the rates in force on a payment date (-1 when
// none: the cost is then worked out, and its error reported, each time).
// Called with m.mu held.
func (m *costMemo) ratesOf(o *oncost.Rules, pay arrs.Pay) int32 {
	d := rateDay{pay.Paid, pay.Levy}
	if id, ok := m.rates[d]; ok {
		return id
	}
	id := int32(-1)
	if b, err := o.PayCost(decimal.Zero, pay.Paid, oncost.Options{Levy: pay.Levy}); err == nil {
		key := b.NIRate.String() + " " + b.NIThreshold.String() + " " + b.PensionRate.String() + " " +
			b.LevyRate.String()
		id = int32(slices.Index(m.ids, key))
		if id < 0 {
			id = int32(len(m.ids))
			m.ids = append(m.ids, key)
		}
	}
	if len(m.rates) < maxMemo {
		m.rates[d] = id
	}
	return id
}

// memoKey is a month's pay's place in the memo (ok false: it has none,
// the pay not being a whole number of pennies or its date having no
// rates), and the cost found there.
type memoKey struct {
	k    payKey
	ok   bool
	cost decimal.Decimal
}

// lookup finds a month's pay in the memo: true when its cost is there.
func (m *costMemo) lookup(o *oncost.Rules, pay arrs.Pay) (memoKey, bool) {
	p, ok := penniesOf(pay.Amount)
	if !ok {
		return memoKey{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	id := m.ratesOf(o, pay)
	if id < 0 {
		return memoKey{}, false
	}
	mk := memoKey{k: payKey{p, id}, ok: true}
	c, found := m.cost[mk.k]
	mk.cost = c
	return mk, found
}

// store puts a cost worked out in the memo, while there is room.
func (m *costMemo) store(mk memoKey, cost decimal.Decimal) {
	if !mk.ok {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.cost) >= maxMemo {
		clear(m.cost) // the recent figures are the ones asked for again (a person's months)
	}
	m.cost[mk.k] = cost
}

// penniesOf is d in pennies when d is a whole number of pennies written
// with two places (as arrs writes a month's pay) or zero.
func penniesOf(d decimal.Decimal) (int64, bool) {
	if d.IsZero() {
		return 0, true
	}
	if d.Exponent() != -2 {
		return 0, false
	}
	c := d.CoefficientInt64()
	return c, decimal.New(c, -2).Equal(d)
}
