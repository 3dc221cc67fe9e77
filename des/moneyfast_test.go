package des_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The usual forms of an amount are read without a decimal and without
// allocating (parsePennies, and MoneyOf's whole-pence case): a whole
// number, one or two places, a minus sign, up to 16 digits before the
// point; and a decimal of exponent 0, -1 or -2 with up to 16 digits. The
// slow path gives the same amounts but allocates, so these pin which path
// answers (lived mutants at moneytype.go:43, 96 and 101, issue 25).
func TestMoneyUsualFormsDoNotAllocate(t *testing.T) {
	for s, pennies := range map[string]int64{
		"1234":                100 * 1234,
		"1234.5":              123450,
		"-1234.50":            -123450,
		"0.07":                7,
		"1234567890123456.78": 123456789012345678, // 16 digits before the point
	} {
		m, err := des.ParseMoney(s)
		require.NoError(t, err)
		require.Equal(t, pennies, m.Pennies(), s)
		if n := testing.AllocsPerRun(20, func() { _, _ = des.ParseMoney(s) }); n != 0 {
			t.Errorf("ParseMoney(%q): %v allocations, want none", s, n)
		}
	}
	for _, c := range []struct {
		d       decimal.Decimal
		pennies int64
	}{
		{decimal.New(1234, 0), 123400},
		{decimal.New(12345, -1), 123450},
		{decimal.New(123450, -2), 123450},
		{decimal.New(1234567890123456, -2), 1234567890123456}, // 16 digits
		{decimal.New(-1234567890123456, 0), -123456789012345600},
	} {
		m, err := des.MoneyOf(c.d)
		require.NoError(t, err)
		require.Equal(t, c.pennies, m.Pennies(), c.d.String())
		if n := testing.AllocsPerRun(20, func() { _, _ = des.MoneyOf(c.d) }); n != 0 {
			t.Errorf("MoneyOf(%s): %v allocations, want none", c.d, n)
		}
	}
}
