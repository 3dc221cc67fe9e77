package arrs

import (
	"math"
	"testing"
)

// u128.divRound is x ÷ d rounded half-up, and false when the quotient would
// not fit in 64 bits or d is 0 (its callers then work in big integers), on
// figures worked by hand.
func TestDivRoundByHand(t *testing.T) {
	for _, tc := range []struct {
		x    u128
		d    uint64
		q    uint64
		ok   bool
		what string
	}{
		{u128{0, 10}, 3, 3, true, "10 ÷ 3 = 3.33… → 3"},
		{u128{0, 10}, 4, 3, true, "10 ÷ 4 = 2.5 → 3 (half-up)"},
		{u128{0, 9}, 4, 2, true, "9 ÷ 4 = 2.25 → 2"},
		{u128{1, 0}, 2, 1 << 63, true, "2^64 ÷ 2 = 2^63"},
		{u128{1, 1}, 3, 6148914691236517206, true,
			"(2^64 + 1) ÷ 3: 3 × 6,148,914,691,236,517,205 = 2^64 − 1, remainder 2 of 3 → …206"},
		{u128{2, 0}, 2, 0, false, "2^65 ÷ 2 = 2^64: does not fit (high word equals the divisor)"},
		{u128{3, 0}, 2, 0, false, "3 × 2^64 ÷ 2: does not fit"},
		{u128{1, math.MaxUint64}, 2, 0, false, "(2^65 − 1) ÷ 2 = 2^64 − 0.5 → 2^64: does not fit after rounding"},
		{u128{0, 10}, 0, 0, false, "÷ 0"},
	} {
		q, ok := tc.x.divRound(tc.d)
		if q != tc.q || ok != tc.ok {
			t.Errorf("%s: got %d, %v; want %d, %v", tc.what, q, ok, tc.q, tc.ok)
		}
	}
}
