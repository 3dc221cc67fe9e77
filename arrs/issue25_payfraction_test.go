package arrs

import (
	"math"
	"testing"
)

// Issue 25: payPennies and payExact held to hand-worked figures where the
// 128-bit arithmetic must step aside: a product of 64 bits or more, and a
// pay of 2^64 pennies or more. Through Calculate a WTE is at most 10, so
// num × days < 12 × den × dim and such products reach these guards only
// together; called directly, each guard must hold on its own.
func TestPayFractionGuards(t *testing.T) {
	// num × days = 2^62 × 4 = 2^64 (does not fit in 64 bits; its low 64 bits
	// are 0). Pay = 1 penny × 2^64 ÷ (12 × 30) = 18,446,744,073,709,551,616
	// ÷ 360 = 51,240,955,760,304,310 remainder 16 (16/360 < ½: rounds down),
	// not a whole number of pennies.
	if got := payPennies(1, 1<<62, 1, 4, 30); got != 51_240_955_760_304_310 {
		t.Errorf("payPennies(1p, 2^62 WTE, 4/30 days) = %d, want 51240955760304310", got)
	}
	if payExact(1, 1<<62, 1, 4, 30) {
		t.Errorf("payExact(1p, 2^62 WTE, 4/30 days) = true, want false (remainder 16 of 360)")
	}

	// den = ⌊(2^64 − 1)/12⌋ + 1 = 1,537,228,672,809,129,302: 12 × den =
	// 2^64 + 8 (its low 64 bits are 8). Pay = £30,000.00 × (1/den) × 30 ÷
	// (12 × 30) = 3,000,000 ÷ (2^64 + 8) pennies, under a millionth of a
	// penny: 0, and not whole.
	den := uint64(math.MaxUint64/12 + 1)
	if got := payPennies(3_000_000, 1, den, 30, 30); got != 0 {
		t.Errorf("payPennies(£30,000, 1/%d WTE) = %d, want 0", den, got)
	}
	if payExact(3_000_000, 1, den, 30, 30) {
		t.Errorf("payExact(£30,000, 1/%d WTE) = true, want false", den)
	}

	// A pay of exactly 2^64 pennies: 2^62 pennies × 48 ÷ (12 × 1 × 1) =
	// 2^62 × 4 = 2^64, a whole number of pennies (the 128-bit numerator's
	// high word, 12, equals the divisor: the quotient does not fit in 64
	// bits, so the division must not be tried there).
	if !payExact(1<<62, 48, 1, 1, 1) {
		t.Errorf("payExact(2^62p × 48 ÷ 12) = false, want true (2^64 pennies exactly)")
	}
}

// The fast form of a salaried month's claim multiplies the month's cost by
// 12 × the WTE's denominator × the days in the month in 64 bits, so it may
// take only costs for which that cannot wrap: with a denominator just under
// 2^24 and 31 days, 12 × (2^24 − 1) × 31 = 6,241,124,004, and a cost of
// 2^32 − 1 pennies times that is about 2.68 × 10^19, over 2^64 (1.84 × 10^19).
// A month costing £42,949,672.95 at the full WTE 16,777,215/16,777,215 (= 1)
// under a maximum of 2^35 − 1 pennies a year (£343,597,383.67; a month of
// 31 days: ÷ 12 = 2,863,311,530.58 → £28,633,115.31) claims that month's
// maximum at 100%; with the product wrapped it claimed £13,392,907.00.
func TestActualClaimOfAVastMonthlyCostDoesNotWrap(t *testing.T) {
	const den = 1<<24 - 1
	costM := int64(1<<32 - 1)
	got := claimActualPennies(costM, 1<<35-1, den, den, den, den, 31, 31, 10000, false)
	if got != 2_863_311_531 {
		t.Fatalf("claim of a £42,949,672.95 month at 1 WTE, 100%%: got %d pennies, want 2,863,311,531", got)
	}
}

// A WTE whose numerator or denominator is 2^24 or more is worked out on the
// exact path, where the fast form's products would wrap 64 bits (31-day
// months at 100%):
//   - 2^25/2^23 (4 WTE), a month costing £1,000.00, a maximum of
//     £177,340,585.13 a year (4 WTE: × 4 ÷ 12 a month, far above the cost):
//     claims the £1,000.00; maximum × 2^25 × 31 is 2^64 + 503,316,480, which
//     wrapped would claim £0.00;
//   - 2^23/2^25 (0.25 WTE), a month costing £14,778,382.10, a maximum of
//     2^34 pennies a year: claims the maximum, 2^34 × 0.25 ÷ 12 =
//     357,913,941.33 → £3,579,139.41; cost × 12 × 2^25 × 31 is
//     2^64 + 7,784,628,224, which wrapped would claim £0.01.
func TestActualClaimOfAWTEWithAVastNumeratorOrDenominator(t *testing.T) {
	if got := claimActualPennies(100_000, 17_734_058_513, 1<<25, 1<<23, 1<<25, 1<<23, 31, 31, 10000, false); got != 100_000 {
		t.Errorf("4 WTE as 2^25/2^23: got %d pennies, want 100,000", got)
	}
	if got := claimActualPennies(1_477_838_210, 1<<34, 1<<23, 1<<25, 1<<23, 1<<25, 31, 31, 10000, false); got != 357_913_941 {
		t.Errorf("0.25 WTE as 2^23/2^25: got %d pennies, want 357,913,941", got)
	}
}
