package arrs

import (
	"fmt"
	"runtime"
	"sync"

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
	// Err is why the PCN could not be worked out (CalculateEach only).
	Err error `json:"-"`
}

// CalculateAll works out entitlements and claims for many PCNs under the
// plan's rule set, using every core (the plan and rule set are shared,
// read-only). Results are in input order. The first error stops the batch
// and names the PCN.
func (p *Plan) CalculateAll(in []PCNInput) ([]PCNResult, error) {
	if p == nil || p.rs == nil {
		return nil, errNoPlan
	}
	out := p.CalculateEach(in, 0)
	for i, r := range out {
		if r.Err != nil {
			return nil, fmt.Errorf("PCN %d (%s): %w", i, in[i].PCN.Name, r.Err)
		}
	}
	return out, nil
}

// CalculateEach is CalculateAll that works out every PCN it can: a PCN that
// fails has its error in PCNResult.Err and the rest go on. workers is how
// many PCNs are worked out at once (0 or less: one per CPU).
func (p *Plan) CalculateEach(in []PCNInput, workers int) []PCNResult {
	out := make([]PCNResult, len(in))
	if p == nil || p.rs == nil {
		for i := range out {
			out[i].Err = errNoPlan
		}
		return out
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int, len(in))
	for i := range in {
		next <- i
	}
	close(next)
	eopt := des.Options{AsAt: p.opt.AsAt}
	for range min(workers, len(in)) {
		wg.Go(func() {
			for i := range next {
				e, err := des.Entitle(p.rs, in[i].PCN, eopt)
				if err == nil {
					out[i].Entitlements = e
					// Entitle validated the PCN and worked out its ARRS sums.
					out[i].ARRS, err = p.calculate(in[i].PCN, in[i].Roster, e.ARRSSums)
				}
				out[i].Err = err
			}
		})
	}
	wg.Wait()
	return out
}
