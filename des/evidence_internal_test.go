package des

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A decimal written to JSON by the evidence reads back with the same
// coefficient and exponent: "2.50" stays 250 × 10⁻², not 25 × 10⁻¹.
func TestExactDecimalKeepsItsExponent(t *testing.T) {
	for _, d := range []decimal.Decimal{decimal.RequireFromString("2.50"), decimal.RequireFromString("130.253"),
		decimal.RequireFromString("-0.0100"), decimal.New(7, 3), decimal.New(0, -2), decimal.NewFromInt(59000)} {
		b, err := exactDecimal(d).MarshalText()
		require.NoError(t, err)
		var back exactDecimal
		require.NoError(t, back.UnmarshalText(b))
		got := decimal.Decimal(back)
		require.True(t, got.Equal(d), "%s → %s", d, b)
		require.Equal(t, d.Exponent(), got.Exponent(), "%s → %s", d, b)
		require.Equal(t, d.Coefficient().String(), got.Coefficient().String(), "%s → %s", d, b)
	}
}
