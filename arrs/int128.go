package arrs

import "math/bits"

// u128 is an unsigned 128-bit integer for exact claim arithmetic.
type u128 struct{ hi, lo uint64 }

func mul64(a, b uint64) u128 {
	hi, lo := bits.Mul64(a, b)
	return u128{hi, lo}
}

func (x u128) less(y u128) bool {
	return x.hi < y.hi || (x.hi == y.hi && x.lo < y.lo)
}

// divRound returns x ÷ d rounded half-up, and false when the quotient
// would not fit in 64 bits (the caller then computes in big integers).
func (x u128) divRound(d uint64) (uint64, bool) {
	if d == 0 || x.hi >= d {
		return 0, false
	}
	q, r := bits.Div64(x.hi, x.lo, d)
	if r >= d-r { // 2r >= d, without overflow
		if q == ^uint64(0) {
			return 0, false
		}
		q++
	}
	return q, true
}
