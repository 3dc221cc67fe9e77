package reconcile

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Zero values are safe: nothing due, nothing paid, no panic.
func TestZeroValues(t *testing.T) {
	r := Reconcile(Due{}, Paid{}, Options{})
	require.Empty(t, r.Rows)
	requireMoney(t, "0", r.Total.Difference)
	c := CashFlow(Due{}, nil, Timing{}, decimal.Zero)
	require.Len(t, c.Months, 12)
	require.Len(t, c.Lags, 4)
	_ = YearEndOf(Due{}, r)
	_, err := ReadPaid("p.csv", strings.NewReader(""), Due{}, Timing{})
	require.ErrorIs(t, err, ErrMissingColumn)
	require.Equal(t, 2, Timing{}.Rule(ARRS).Lag)
}
