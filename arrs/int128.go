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

// divRound returns x ÷ d rounded half-up. The quotient must fit in 64 bits
// (the caller's bounds on inputs guarantee it).
func (x u128) divRound(d uint64) uint64 {
	if x.hi >= d {
		// would overflow: cannot happen within the input bounds
		panic("arrs: claim arithmetic overflow")
	}
	q, r := bits.Div64(x.hi, x.lo, d)
	if r >= d-r { // 2r >= d, without overflow
		q++
	}
	return q
}
