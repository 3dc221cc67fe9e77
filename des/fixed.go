package des

import (
	"math/bits"

	"github.com/shopspring/decimal"
)

var pow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
	1e17, 1e18, 1e19}

// mulDivPennies returns a × b ÷ div in pennies, rounded half-up, computed
// exactly in 128-bit integers; ok is false when the operands are out of
// that range (negative, more than 18 digits, or a quotient too large), and
// the caller then uses decimal arithmetic. It is the hot path of Entitle:
// rate × basis ÷ 12 for every month.
func mulDivPennies(a, b decimal.Decimal, div uint64) (int64, bool) {
	if a.Sign() < 0 || b.Sign() < 0 || div == 0 || a.NumDigits() > 18 || b.NumDigits() > 18 {
		return 0, false
	}
	ca, cb := uint64(a.CoefficientInt64()), uint64(b.CoefficientInt64())
	hi, lo := bits.Mul64(ca, cb)
	// a × b × 100 = ca × cb × 10^e
	e := int(a.Exponent()) + int(b.Exponent()) + 2
	switch {
	case e > 0:
		if e >= len(pow10) {
			return 0, false
		}
		p := pow10[e]
		h1, l1 := bits.Mul64(lo, p)
		h2, l2 := bits.Mul64(hi, p)
		if h2 != 0 {
			return 0, false
		}
		var c uint64
		hi, c = bits.Add64(h1, l2, 0)
		if c != 0 {
			return 0, false
		}
		lo = l1
	case e < 0:
		if -e >= len(pow10) {
			return 0, false
		}
		h, l := bits.Mul64(div, pow10[-e])
		if h != 0 {
			return 0, false
		}
		div = l
	}
	if hi >= div {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, div)
	if r >= div-r {
		q++
	}
	if q > 1<<62 {
		return 0, false
	}
	return int64(q), true
}

// pennyMulDiv is a × b ÷ div rounded half-up to the penny, as pennies: the
// integer path where it applies, else exact decimals.
func pennyMulDiv(a, b decimal.Decimal, div int64) (int64, error) {
	if p, ok := mulDivPennies(a, b, uint64(div)); ok {
		return p, nil
	}
	return toPennies(a.Mul(b).DivRound(decimal.NewFromInt(div), 2))
}
