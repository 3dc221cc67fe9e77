package arrs

// Batches: many PCNs under one plan. CalculateAll keeps what it works out
// as int64 pennies and reason codes in a few flat arrays for the whole batch
// (each PCN's totals; each person's claims, costs and reasons month by
// month). The decimals, breaches, reason texts and explanations of a PCN are
// made when asked for (Batch.Result), by the explained path, and checked
// against the pennies the batch holds.

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/pcnfin/pcnfin/des"
)

// PCNInput is one PCN of a batch, with its roster.
type PCNInput struct {
	PCN    des.PCN
	Roster []Staff
}

// PCNResult is one PCN's entitlements and ARRS result.
type PCNResult struct {
	Entitlements des.Entitlements
	ARRS         Result
	// Err is why the PCN could not be worked out (CalculateEach, Batch.Result).
	Err error `json:"-"`
}

// StaffPennies is one person's year in a Batch, in pennies. The slices are
// windows on the batch's flat arrays, twelve months from April: read them,
// do not change them.
type StaffPennies struct {
	Months     []int64  `json:"months_pennies"`      // the monthly claim
	CostMonths []int64  `json:"cost_months_pennies"` // the monthly employer cost
	Reasons    []Reason `json:"reasons"`             // why a month claims less than its cost ("": it does not)
	// ClaimOnDerived is the part of the claim a derived or carried maximum
	// limits (StaffResult.ClaimOnDerived).
	ClaimOnDerived int64 `json:"claim_on_derived_pennies"`
}

// Claim is the year's claim.
func (s StaffPennies) Claim() int64 { return sum64(s.Months) }

// Cost is the year's employer cost.
func (s StaffPennies) Cost() int64 { return sum64(s.CostMonths) }

func sum64(xs []int64) int64 {
	var t int64
	for _, x := range xs {
		t += x
	}
	return t
}

// Batch is many PCNs worked out under one plan (CalculateAll,
// CalculateBatch): each PCN's totals and each person's months in pennies,
// in flat arrays, with the decimals and explanations made on request by
// Result. It keeps the inputs it was given (it does not copy them); Result
// reports an error if a PCN's input has changed since. The zero value and
// nil are an empty batch.
type Batch struct {
	plan   *Plan
	in     []PCNInput
	totals []Totals
	errs   []error
	// The PCNs are worked out in blocks of block PCNs, each with its own
	// staff arrays (made by the goroutine that works the block out, so
	// that making them is shared out too). Person k of PCN i is row
	// staffAt[i]+k-base of its block: months 12×row to 12×row+11.
	staffAt []int
	block   int
	blocks  []staffBlock
}

// staffBlock is the people of a block of PCNs, month by month.
type staffBlock struct {
	base      int // the staffAt of the block's first PCN
	claim     []int64
	cost      []int64
	reason    []Reason
	onDerived []int64
}

// row finds person k of PCN i.
func (b *Batch) row(i, k int) (*staffBlock, int) {
	blk := &b.blocks[i/b.block]
	return blk, b.staffAt[i] + k - blk.base
}

// CalculateAll works out entitlements and claims for many PCNs under the
// plan's rule set, using every core (the plan and rule set are shared,
// read-only). The first error, in input order, stops the batch and names
// the PCN.
func (p *Plan) CalculateAll(in []PCNInput) (*Batch, error) {
	if p == nil || p.rs == nil {
		return nil, errNoPlan
	}
	b := p.batch(in, 0, true)
	if err := b.firstErr(); err != nil {
		return nil, err
	}
	return b, nil
}

// CalculateBatch is CalculateAll that works out every PCN it can, on
// workers goroutines (0 or less: one per CPU): a PCN that fails has its
// error in Batch.Err and the rest go on.
func (p *Plan) CalculateBatch(in []PCNInput, workers int) *Batch {
	if p == nil || p.rs == nil {
		b := &Batch{in: in, errs: make([]error, len(in)), totals: make([]Totals, len(in))}
		for i := range b.errs {
			b.errs[i] = errNoPlan
		}
		return b
	}
	return p.batch(in, workers, true)
}

// Len is the number of PCNs in the batch.
func (b *Batch) Len() int {
	if b == nil {
		return 0
	}
	return len(b.in)
}

// Plan is the plan the batch was worked out under (nil for an empty batch).
func (b *Batch) Plan() *Plan {
	if b == nil {
		return nil
	}
	return b.plan
}

// Err is why PCN i could not be worked out (nil if it was, or if i is out
// of range).
func (b *Batch) Err(i int) error {
	if b == nil || i < 0 || i >= len(b.errs) {
		return nil
	}
	return b.errs[i]
}

// Totals is PCN i's year in pennies (zero if it could not be worked out, or
// if i is out of range). Payments, Sums and Claims are in the order of
// Plan.PaymentIDs and Plan.Pots.
func (b *Batch) Totals(i int) Totals {
	if b == nil || i < 0 || i >= len(b.totals) {
		return Totals{}
	}
	return b.totals[i]
}

// Staff is PCN i's people in pennies, in roster order (nil if the PCN could
// not be worked out, or if i is out of range).
func (b *Batch) Staff(i int) []StaffPennies {
	if b == nil || b.blocks == nil || i < 0 || i >= len(b.in) || b.errs[i] != nil {
		return nil
	}
	out := make([]StaffPennies, b.staffAt[i+1]-b.staffAt[i])
	for k := range out {
		out[k] = b.person(i, k)
	}
	return out
}

func (b *Batch) person(i, k int) StaffPennies {
	blk, r := b.row(i, k)
	m := 12 * r
	return StaffPennies{Months: blk.claim[m : m+12 : m+12], CostMonths: blk.cost[m : m+12 : m+12],
		Reasons: blk.reason[m : m+12 : m+12], ClaimOnDerived: blk.onDerived[r]}
}

// Result is PCN i worked out in full: its entitlements and ARRS result as
// decimals, with breaches, reasons and explanations, made now by the
// explained path (Plan.Calculate's) and checked against the batch's
// pennies. The error is the PCN's own (Err), or says that i is out of range
// or that the PCN's input changed after the batch was worked out.
func (b *Batch) Result(i int) (PCNResult, error) {
	if b == nil || i < 0 || i >= len(b.in) {
		return PCNResult{}, fmt.Errorf("%w: PCN %d of a batch of %d", des.ErrInvalid, i, b.Len())
	}
	if b.errs[i] != nil {
		return PCNResult{Err: b.errs[i]}, b.errs[i]
	}
	in := &b.in[i]
	r := b.plan.explained(in)
	if r.Err != nil {
		return r, fmt.Errorf("PCN %d (%s): %w", i, in.PCN.Name, r.Err)
	}
	if !b.matches(i, &r) {
		err := fmt.Errorf("%w: PCN %d (%s): its input changed after the batch was worked out", des.ErrInvalid, i,
			in.PCN.Name)
		return PCNResult{Err: err}, err
	}
	return r, nil
}

// Results is every PCN worked out in full (Result), using every core; the
// first error, in input order, is returned.
func (b *Batch) Results() ([]PCNResult, error) {
	out := make([]PCNResult, b.Len())
	errs := make([]error, len(out))
	if b != nil && b.plan != nil {
		parallel(len(out), 0, func() func(int) {
			return func(i int) { out[i], errs[i] = b.Result(i) }
		})
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// matches reports whether a PCN worked out in full gives the batch's
// pennies.
func (b *Batch) matches(i int, r *PCNResult) bool {
	t := &b.totals[i]
	if r.Entitlements.Total.Pennies() != t.Entitlements || r.ARRS.Cost.Pennies() != t.Cost ||
		r.ARRS.ClaimsOnDerived.Pennies() != t.ClaimsOnDerived || r.ARRS.Claims.Pennies() != t.Claimed() ||
		len(r.ARRS.Staff) != b.staffAt[i+1]-b.staffAt[i] {
		return false
	}
	// Result lists people in the fixed order; match them by name and role
	// to the roster order the batch keeps.
	roster := b.in[i].Roster
	used := make([]bool, len(roster))
	for _, sr := range r.ARRS.Staff {
		found := false
		for k := range roster {
			if used[k] || roster[k].Name != sr.Name || roster[k].Role != sr.Role {
				continue
			}
			if samePennies(b.person(i, k), sr) {
				used[k], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func samePennies(sp StaffPennies, sr StaffResult) bool {
	if sr.ClaimOnDerived.Pennies() != sp.ClaimOnDerived || len(sr.Months) != 12 || len(sr.CostMonths) != 12 {
		return false
	}
	for m := 0; m < 12; m++ {
		if sr.Months[m].Pennies() != sp.Months[m] || sr.CostMonths[m].Pennies() != sp.CostMonths[m] {
			return false
		}
	}
	return true
}

// batchJSON is a Batch as JSON: pennies and reason codes, PCN by PCN.
type batchJSON struct {
	Year     des.Year     `json:"year"`
	Payments []string     `json:"payments"` // the order of totals.payments_pennies
	Pots     []des.PotID  `json:"pots"`     // the order of sums_pennies and claims_pennies
	PCNs     []pcnPennies `json:"pcns"`
}

type pcnPennies struct {
	PCN    string         `json:"pcn"`
	Error  string         `json:"error,omitempty"`
	Totals *Totals        `json:"totals,omitempty"`
	Staff  []staffPennies `json:"staff,omitempty"`
}

type staffPennies struct {
	Name string `json:"name"`
	Role string `json:"role"`
	StaffPennies
}

// MarshalJSON writes the batch as it holds it: for each PCN, its totals and
// its people's months in pennies (integers) with reason codes, or its
// error; the payments and pots name the totals' columns. Batch.Result's
// JSON is the full result, money in pounds.
func (b *Batch) MarshalJSON() ([]byte, error) {
	v := batchJSON{PCNs: []pcnPennies{}}
	if b != nil && b.plan != nil {
		v.Year, v.Payments, v.Pots = b.plan.Year(), b.plan.PaymentIDs(), b.plan.Pots()
	}
	for i := 0; i < b.Len(); i++ {
		pc := pcnPennies{PCN: b.in[i].PCN.Name}
		if err := b.errs[i]; err != nil {
			pc.Error = err.Error()
			v.PCNs = append(v.PCNs, pc)
			continue
		}
		t := b.totals[i]
		pc.Totals = &t
		for k, sp := range b.Staff(i) {
			s := &b.in[i].Roster[k]
			pc.Staff = append(pc.Staff, staffPennies{s.Name, s.Role, sp})
		}
		v.PCNs = append(v.PCNs, pc)
	}
	return json.Marshal(v)
}

func (b *Batch) firstErr() error {
	for i, err := range b.errs {
		if err != nil {
			return fmt.Errorf("PCN %d (%s): %w", i, b.in[i].PCN.Name, err)
		}
	}
	return nil
}

// batch works out every PCN on workers goroutines, keeping each person's
// months when staff is true.
func (p *Plan) batch(in []PCNInput, workers int, staff bool) *Batch {
	c := p.fast()
	b := &Batch{plan: p, in: in, totals: make([]Totals, len(in)), errs: make([]error, len(in))}
	np, nq := len(c.payments), len(c.pots)
	width := np + 2*nq
	flat := make([]int64, len(in)*width)
	for i := range b.totals {
		w := flat[i*width : (i+1)*width : (i+1)*width]
		b.totals[i] = Totals{Payments: w[:np:np], Sums: w[np : np+nq : np+nq], Claims: w[np+nq:]}
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Blocks of up to 32 PCNs, at least four a worker where there are
	// enough PCNs.
	b.block = max(1, min(32, len(in)/(4*workers)))
	nb := (len(in) + b.block - 1) / b.block
	if staff {
		b.staffAt = make([]int, len(in)+1)
		for i := range in {
			b.staffAt[i+1] = b.staffAt[i] + len(in[i].Roster)
		}
		b.blocks = make([]staffBlock, nb)
	}
	parallel(nb, workers, func() func(int) {
		wk := &worker{}
		return func(j int) {
			lo, hi := j*b.block, min((j+1)*b.block, len(in))
			if staff {
				blk := &b.blocks[j]
				blk.base = b.staffAt[lo]
				n := b.staffAt[hi] - blk.base
				blk.claim, blk.cost = make([]int64, 12*n), make([]int64, 12*n)
				blk.reason, blk.onDerived = make([]Reason, 12*n), make([]int64, n)
			}
			for i := lo; i < hi; i++ {
				b.errs[i] = p.totals(wk, c, b, i)
			}
		}
	})
	return b
}

// keep stores PCN i's people's months (people in roster order), when the
// batch keeps them.
func (b *Batch) keep(i int, people []person) {
	if b.blocks == nil {
		return
	}
	for k := range people {
		pp := &people[k]
		blk, r := b.row(i, k)
		copy(blk.claim[12*r:12*r+12], pp.claim[:])
		copy(blk.cost[12*r:12*r+12], pp.cost[:])
		copy(blk.reason[12*r:12*r+12], pp.reason[:])
		var d int64
		for m := 0; m < 12; m++ {
			if pp.derived[m] {
				d += pp.claim[m]
			}
		}
		blk.onDerived[r] = d
	}
}

// parallel runs the function each worker makes for every i in [0, n), on
// workers goroutines (0 or less: one per CPU); each goroutine calls start
// once, for what it reuses from one i to the next.
func parallel(n, workers int, start func() func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			f := start()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}

// CalculateEach works out every PCN in full (decimals, breaches, reasons),
// as Batch.Result does, for every PCN at once: a PCN that fails has its
// error in PCNResult.Err and the rest go on. workers is how many PCNs are
// worked out at once (0 or less: one per CPU). CalculateBatch is the same
// in pennies, with the full results made on request.
func (p *Plan) CalculateEach(in []PCNInput, workers int) []PCNResult {
	out := make([]PCNResult, len(in))
	if p == nil || p.rs == nil {
		for i := range out {
			out[i].Err = errNoPlan
		}
		return out
	}
	parallel(len(in), workers, func() func(int) {
		return func(i int) { out[i] = p.explained(&in[i]) }
	})
	return out
}

// explained works out one PCN in full.
func (p *Plan) explained(in *PCNInput) PCNResult {
	var r PCNResult
	r.Entitlements, r.Err = p.entitle(in.PCN)
	if r.Err == nil {
		// Entitle validated the PCN and worked out its ARRS sums.
		r.ARRS, r.Err = p.calculate(in.PCN, in.Roster, r.Entitlements.ARRSSums)
	}
	return r
}
