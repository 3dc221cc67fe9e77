package reconcile

// Issue 25: the cash flow worked by hand (lived mutants in cash.go: the
// retained amounts, the balance by the paid file, the ARRS account's low
// point, a Timing with only a default rule).

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func requirePounds(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	require.True(t, decimal.RequireFromString(want).Equal(got), "want £%s, got £%s %v", want, got.StringFixed(2), msg)
}

// tiny() with £5.00 retained a month and £20.00 opening. Each month brings
// in £100 core + £10 NPP + £50 ARRS and pays £60 salary and £5 retained.
//
// Everything in its month (a Timing with only a default rule, lag 0): net
// £160 − £60 − £5 = £95 a month; balance April £20 + £95 = £115, March £20
// + 12 × £95 = £1,160; the ARRS account £50 − £60 = −£10 a month, lowest in
// March at −£120. Paid: only the core £100 each month, so the actual balance
// is £20 + £100 − £60 − £5 = £55 in April, £20 + 12 × £35 = £440 in March,
// lowest in April.
//
// The lows with the ARRS reimbursement 0 to 3 months after the cost: the
// ARRS account is −£60 for each month before the first reimbursement, then
// −£10 a month: lag 0 −£120, lag 1 −£60 − 11 × £10 = −£170, lag 2 −£120 −
// 10 × £10 = −£220, lag 3 −£180 − 9 × £10 = −£270, each in March.
func TestCashFlowByHand(t *testing.T) {
	d := tiny()
	for m := range d.Retained {
		d.Retained[m] = decimal.RequireFromString("5.00")
	}
	var paid Paid
	for m := 0; m < 12; m++ {
		mo := FirstMonth(d.Year).Add(m)
		paid.Payments = append(paid.Payments, Payment{Paid: mo, Payment: "core_pcn_funding", For: mo, Through: mo,
			Amount: decimal.RequireFromString("100.00")})
	}
	c := CashFlow(d, &paid, Timing{Default: &Rule{Lag: 0}}, decimal.RequireFromString("20.00"))
	require.Len(t, c.Months, 12)
	april, march := c.Months[0], c.Months[11]
	requirePounds(t, "160", april.In)
	requirePounds(t, "50", april.ARRSIn)
	requirePounds(t, "5", april.Retained)
	requirePounds(t, "95", april.Net)
	requirePounds(t, "115", april.Balance)
	requirePounds(t, "1160", march.Balance)
	requirePounds(t, "-10", april.ARRSBalance)
	requirePounds(t, "-120", march.ARRSBalance)
	requirePounds(t, "100", april.Received)
	requirePounds(t, "55", april.ActualBalance)
	requirePounds(t, "440", march.ActualBalance)
	require.Equal(t, FirstMonth(d.Year), c.Low.Month)
	requirePounds(t, "115", c.Low.Balance)
	require.Equal(t, FirstMonth(d.Year).Add(11), c.Low.ARRSMonth)
	requirePounds(t, "-120", c.Low.ARRSBalance)
	require.Equal(t, FirstMonth(d.Year), c.ActualLow.Month)
	requirePounds(t, "55", c.ActualLow.Balance)

	require.Len(t, c.Lags, 4)
	for lag, want := range []string{"-120", "-170", "-220", "-270"} {
		require.Equal(t, lag, c.Lags[lag].ARRSLag)
		require.Equal(t, FirstMonth(d.Year).Add(11), c.Lags[lag].ARRSMonth, "lag %d", lag)
		requirePounds(t, want, c.Lags[lag].ARRSBalance, "lag ", lag)
	}

	// Two months' lag: the flow runs to May after the year (14 months); the
	// balance's low is April, £20 + £110 − £65 = £65, with lag 2.
	c = CashFlow(d, nil, DefaultTiming(2), decimal.RequireFromString("20.00"))
	require.Len(t, c.Months, 14)
	require.Equal(t, 2, c.Low.ARRSLag)
	requirePounds(t, "65", c.Low.Balance)
	requirePounds(t, "-220", c.Low.ARRSBalance)
	requirePounds(t, "1160", c.Months[13].Balance)
	require.Equal(t, LowPoint{}, c.ActualLow, "no paid file: no actual low")
}
