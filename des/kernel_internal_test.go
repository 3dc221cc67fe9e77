package des

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

// The kernel's 128-bit division must step aside, not answer and not panic,
// when its quotient leaves the range the decimals keep (at most 2^62
// pennies a month or a year), so that work gives the decimals' answer: here
// an error, since both amounts are past the kernel's range (lived mutants
// at entitle.go:741 and :745, issue 25). The figures are beyond what the
// loader and Validate accept (rates to £1m, lists to 100,000,000), so the
// plans are compiled here, as the kernel's own contract.
func TestWorkStepsAsideAtTheIntegersEdge(t *testing.T) {
	y := Year(2022)
	plan := func(rate string) *partPlan {
		var pp partPlan
		pp.compile(y, Part{Basis: Weighted, Stated: Annual, From: y.Start(), To: y.End(),
			Values: []Value{{Rate: decimal.RequireFromString(rate), From: y.Start()}}}, Options{})
		if pp.err != nil || !pp.k6ok {
			t.Fatalf("rate %s: %v (k6ok %v)", rate, pp.err, pp.k6ok)
		}
		return &pp
	}

	// A month of 100,000,000 × £22,136,092,888.4515 ÷ 12
	// = £184,467,440,737,095,833.33… = 18,446,744,073,709,583,333.3… pennies,
	// just past 2^64 = 18,446,744,073,709,551,616. In the integers, basis ×
	// 10^6 times rate × 10^6 is 10^14 × 22,136,092,888,451,500, whose high
	// 64-bit word is exactly 120,000,000,000: the divisor, 12 × 10^10 (12
	// months, 10^12 of scale less the 100 pennies of a pound). The quotient
	// does not fit in 64 bits, so divRound128 must refuse it (a division
	// with the high word equal to the divisor panics); the decimals then
	// find the month out of range.
	var months [12]int64
	_, _, err := plan("22136092888.4515").work(decimal.NewFromInt(100_000_000), false, &months)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("a month past 2^64 pennies: want ErrInvalid, got %v", err)
	}

	// An ARRS-sum-like year rounded once: 48,771 × £945,579,548,999.895
	// = £46,116,860,184,273,879.045 = 4,611,686,018,427,387,904.5 pennies
	// = 2^62 + ½ penny, which rounds half-up to 2^62 + 1 pennies: one
	// penny past the kernel's range (the decimals' kernelMax is 2^62), so
	// the integers' quotient of exactly 2^62 (remainder a half) must be
	// refused too, and the answer is the decimals' error.
	months = [12]int64{}
	amount, year, err := plan("945579548999.895").work(decimal.NewFromInt(48_771), true, &months)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("a year of 2^62 + ½ pennies: want ErrInvalid, got %d/%d, %v", amount, year, err)
	}

	// A rate £0.001 lower is £48.771 less: 48,771 × £945,579,548,999.894
	// = £46,116,860,184,273,830.274 → £46,116,860,184,273,830.27 =
	// 4,611,686,018,427,383,027 pennies, 4,877 under 2^62: the integers
	// answer.
	months = [12]int64{}
	amount, _, err = plan("945579548999.894").work(decimal.NewFromInt(48_771), true, &months)
	if err != nil || amount != 4_611_686_018_427_383_027 {
		t.Fatalf("a year 4,877 pennies under 2^62: got %d, %v", amount, err)
	}
}
