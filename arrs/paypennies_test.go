package arrs

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPayPenniesMatchesBig holds the 128-bit month's pay (and its
// exactness) to the big-integer arithmetic it replaces, on ordinary pays
// and on products at and past 64 bits, where it falls back.
func TestPayPenniesMatchesBig(t *testing.T) {
	type in struct {
		salaryP             int64
		num, den, days, dim uint64
	}
	cases := []in{
		{3_000_000, 1, 1, 31, 31}, {3_000_000, 1, 2, 15, 30}, {1, 1, 1, 1, 28}, {0, 1, 1, 1, 30},
		{100_000_000, 10, 1, 31, 31}, {2_345_678, 7, 20, 29, 29}, {6, 1, 1, 1, 1}, {18, 1, 1, 1, 1},
		{math.MaxInt64, 1, 1, 31, 31}, {math.MaxInt64, math.MaxUint32, 1, 31, 1}, {math.MaxInt64, math.MaxUint64, 1, 31, 31},
		{5, 1, math.MaxUint64 / 12, 31, 31}, {5, 1, math.MaxUint64/12 + 1, 31, 31}, {-5, 1, 1, 1, 31}, {-3_000_000, 3, 4, 7, 30},
		{math.MaxInt64, 3, 1, 1, 12}, {math.MaxInt64 / 3, 36, 1, 1, 1},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		cases = append(cases, in{r.Int64N(100_000_000_00), 1 + r.Uint64N(1<<20), 1 + r.Uint64N(1<<20), 1 + r.Uint64N(31), 28 + r.Uint64N(4)})
		cases = append(cases, in{r.Int64(), r.Uint64(), 1 + r.Uint64(), 1 + r.Uint64N(31), 28 + r.Uint64N(4)})
	}
	for _, c := range cases {
		if got, want := payPennies(c.salaryP, c.num, c.den, c.days, c.dim), payPenniesBig(c.salaryP, c.num, c.den, c.days, c.dim); got != want {
			t.Fatalf("payPennies%v = %d, big integers %d", c, got, want)
		}
		if got, want := payExact(c.salaryP, c.num, c.den, c.days, c.dim), payExactBig(c.salaryP, c.num, c.den, c.days, c.dim); got != want {
			t.Fatalf("payExact%v = %v, big integers %v", c, got, want)
		}
	}
}
