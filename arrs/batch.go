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
}

// CalculateAll works out entitlements and claims for many PCNs under the
// plan's rule set, using every core (the plan and rule set are shared,
// read-only). Results are in input order. The first error stops the batch
// and names the PCN.
func (p *Plan) CalculateAll(in []PCNInput) ([]PCNResult, error) {
	if p == nil || p.rs == nil {
		return nil, errNoPlan
	}
	out := make([]PCNResult, len(in))
	errs := make([]error, len(in))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(in) {
		workers = len(in)
	}
	var wg sync.WaitGroup
	next := make(chan int, len(in))
	for i := range in {
		next <- i
	}
	close(next)
	eopt := des.Options{AsAt: p.opt.AsAt}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				e, err := des.Entitle(p.rs, in[i].PCN, eopt)
				if err == nil {
					out[i].Entitlements = e
					// Entitle validated the PCN and worked out its ARRS sums.
					out[i].ARRS, err = p.calculate(in[i].PCN, in[i].Roster, e.ARRSSums)
				}
				if err != nil {
					errs[i] = fmt.Errorf("PCN %d (%s): %w", i, in[i].PCN.Name, err)
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
