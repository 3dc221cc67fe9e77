package money

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Pounds of an amount in whole pence takes a quicker way to the same text
// as the decimal's own two-place form.
func TestPoundsWholePenceIsStringFixed(t *testing.T) {
	viaDecimal := func(d decimal.Decimal) string {
		s := d.StringFixed(2)
		neg := strings.HasPrefix(s, "-")
		s = "£" + Thousands(strings.TrimPrefix(s, "-"))
		if neg {
			s = "-" + s
		}
		return s
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		c := r.Int64N(1<<62) >> r.IntN(62)
		if r.IntN(2) == 0 {
			c = -c
		}
		d := decimal.New(c, int32(r.IntN(6)-4))
		require.Equal(t, viaDecimal(d), Pounds(d), "%s", d)
	}
	for _, d := range []decimal.Decimal{{}, decimal.Zero, decimal.New(0, -2), decimal.New(-1, -2),
		decimal.New(999999999999999, -2), decimal.New(999999999999999, 0), decimal.New(1000000000000000, 0),
		decimal.RequireFromString("59000"), decimal.RequireFromString("41359.12")} {
		require.Equal(t, viaDecimal(d), Pounds(d), "%s", d)
	}
}

func TestPoundsPenniesMatchesPounds(t *testing.T) {
	for _, p := range []int64{0, 1, 99, 100, 12345, 100000, 123456789, -5, -123456, 999999999999} {
		require.Equal(t, Pounds(decimal.New(p, -2)), PoundsPennies(p), p)
	}
}
