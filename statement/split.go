package statement

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// Split shares an amount in pennies among practices in proportion to
// weights, exactly: the shares add up to the amount to the penny.
//
// The rule (largest remainder): each practice first gets its exact share
// rounded down to the penny; the pennies left over (fewer than the number of
// practices) go one each to the practices with the largest remainders, and
// between equal remainders to the practice listed first. A negative amount
// is split as its opposite, then negated, so a cost is shared as an income
// would be. Weights must be 0 or more, with at least one above 0.
func Split(pennies int64, weights []decimal.Decimal) ([]int64, error) {
	if len(weights) == 0 {
		return nil, fmt.Errorf("%w: no practices to share among", des.ErrInvalid)
	}
	places := int32(0)
	for _, w := range weights {
		if w.IsNegative() {
			return nil, fmt.Errorf("%w: a sharing weight of %s is negative", des.ErrInvalid, w)
		}
		if p := -w.Exponent(); p > places {
			places = p
		}
	}
	if places > 12 {
		return nil, fmt.Errorf("%w: sharing weights have more than 12 decimal places", des.ErrInvalid)
	}
	ws := make([]*big.Int, len(weights))
	total := new(big.Int)
	for i, w := range weights {
		ws[i] = w.Shift(places).BigInt()
		total.Add(total, ws[i])
	}
	if total.Sign() == 0 {
		return nil, fmt.Errorf("%w: every sharing weight is zero (nothing to share by)", des.ErrInvalid)
	}
	neg := pennies < 0
	p := big.NewInt(pennies)
	if neg {
		p.Neg(p)
	}
	out := make([]int64, len(weights))
	rem := make([]*big.Int, len(weights))
	var given int64
	for i, w := range ws {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(p, w), total, new(big.Int))
		out[i], rem[i] = q.Int64(), r
		given += out[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rem[b].Cmp(rem[a]) })
	for k := int64(0); k < p.Int64()-given; k++ {
		out[order[k]]++
	}
	if neg {
		for i := range out {
			out[i] = -out[i]
		}
	}
	return out, nil
}
