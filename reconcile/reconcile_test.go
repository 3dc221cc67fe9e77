package reconcile

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A year paid exactly: no differences, every line ok, totals due = paid.
func TestYearPaidExactly(t *testing.T) {
	d := tiny()
	r := Reconcile(d, read(t, d, file(exactly())), Options{Timing: DefaultTiming(1)})
	require.Len(t, r.Rows, 36)
	for _, x := range r.Rows {
		require.Equal(t, OK, x.Status, "%+v", x)
		requireMoney(t, "0", x.Difference)
	}
	requireMoney(t, "1920.00", r.Total.Due) // 12 × (100 + 10 + 50)
	requireMoney(t, "1920.00", r.Total.Paid)
	requireMoney(t, "0", r.Total.Difference)
	ye := YearEndOf(d, r)
	requireMoney(t, "0", ye.ClaimsOutstandingTotal)
	requireMoney(t, "0", ye.ArrearsStillDueTotal)
	requireMoney(t, "400.00", ye.Unclaimed) // 1000 − 12 × 50
}

// Each kind of difference, worked by hand.
func TestEachKindOfDifference(t *testing.T) {
	d := tiny()
	rows := exactly()
	rows = swap(t, rows, "2025-06,core,,,,100.00,,", "2025-06,core,,,,90.00,,")    // under by £10
	rows = swap(t, rows, "2025-07,core,,,,100.00,,")                               // July missing
	rows = swap(t, rows, "2025-08,npp,P1,,,10.00,,", "2025-08,npp,P1,,,10.00,,X1", // August twice
		"2025-08,npp,P1,,,10.00,,X2")
	rows = swap(t, rows, "2025-09,core,,,,100.00,,", "2025-09,core,,,,101.50,,") // over by £1.50
	csv := file(rows)
	r := Reconcile(d, read(t, d, csv), Options{Timing: DefaultTiming(1)})

	under := row(t, r, "core_pcn_funding", "", "2025-06")
	require.Equal(t, Under, under.Status)
	requireMoney(t, "-10.00", under.Difference)
	missing := row(t, r, "core_pcn_funding", "", "2025-07")
	require.Equal(t, Missing, missing.Status)
	requireMoney(t, "-100.00", missing.Difference)
	double := row(t, r, "network_participation", "P1", "2025-08")
	require.Equal(t, Double, double.Status)
	requireMoney(t, "20.00", double.Paid)
	requireMoney(t, "10.00", double.Difference)
	over := row(t, r, "core_pcn_funding", "", "2025-09")
	require.Equal(t, Over, over.Status)
	requireMoney(t, "1.50", over.Difference)
	// the year: −10 − 100 + 10 + 1.50 = −98.50, the sum of its rows
	requireMoney(t, "-98.50", r.Total.Difference)
	sum := decimal.Zero
	for _, x := range r.Rows {
		sum = sum.Add(x.Difference)
	}
	requireMoney(t, "-98.50", sum)

	ye := YearEndOf(d, r)
	requireMoney(t, "110.00", ye.ArrearsStillDueTotal) // June's £10 and July's £100
	requireMoney(t, "11.50", ye.OverpaidTotal)         // August's £10 and September's £1.50
	// tiny() has no sharing rules: the practice's part is nothing, and the
	// rest is listed as not shared (never dropped)
	require.Len(t, ye.Practices, 2)
	require.Equal(t, Unshared, ye.Practices[1].Practice)
	requireMoney(t, "110.00", ye.Practices[1].ArrearsStillDue)
	requireMoney(t, "11.50", ye.Practices[1].Overpaid)
}

// The tolerance: a penny out counts as paid right with Tolerance 1, not 0.
func TestTolerance(t *testing.T) {
	d := tiny()
	p := read(t, d, file(swap(t, exactly(), "2025-06,core,,,,100.00,,", "2025-06,core,,,,99.99,,")))
	require.Equal(t, Under, row(t, Reconcile(d, p, Options{Timing: DefaultTiming(1)}), "core_pcn_funding", "", "2025-06").Status)
	require.Equal(t, OK, row(t, Reconcile(d, p, Options{Tolerance: 1, Timing: DefaultTiming(1)}), "core_pcn_funding", "", "2025-06").Status)
}

// A backdated revision: core funding revised from £90 to £100 a month,
// backdated to April and loaded in September: April to August were paid at
// £90, and September brought £50 of arrears for them. Each of April to
// August is paid in full, with arrears; nothing is overpaid.
func TestBackdatedRevisionMatchedToItsPeriod(t *testing.T) {
	d := tiny()
	rows := exactly()
	for _, m := range []string{"2025-04", "2025-05", "2025-06", "2025-07", "2025-08"} {
		rows = swap(t, rows, m+",core,,,,100.00,,", m+",core,,,,90.00,,")
	}
	csv := file(append(rows, "2025-09,core,,,2025-04..2025-08,50.00,arrears,"))
	r := Reconcile(d, read(t, d, csv), Options{Timing: DefaultTiming(1)})
	for _, m := range []string{"2025-04", "2025-05", "2025-06", "2025-07", "2025-08"} {
		x := row(t, r, "core_pcn_funding", "", m)
		require.Equal(t, WithArrear, x.Status, m)
		requireMoney(t, "0", x.Difference)
		require.Len(t, x.Receipts, 2)
		require.Equal(t, "2025-09", x.Receipts[1].Paid.String())
		requireMoney(t, "10.00", x.Receipts[1].Amount)
	}
	require.Equal(t, OK, row(t, r, "core_pcn_funding", "", "2025-09").Status)
	requireMoney(t, "0", r.Total.Difference)

	// £55 of arrears for £50 owed: the £5 left over is an overpayment of
	// the range's last month, not spread or dropped.
	r = Reconcile(d, read(t, d, strings.Replace(csv, "50.00,arrears", "55.00,arrears", 1)), Options{Timing: DefaultTiming(1)})
	aug := row(t, r, "core_pcn_funding", "", "2025-08")
	require.Equal(t, Over, aug.Status)
	requireMoney(t, "5.00", aug.Difference)
	requireMoney(t, "5.00", r.Total.Difference)
}

// Claims not yet reimbursed at the file's last month are "not yet due",
// and the year end counts them as outstanding.
func TestNotYetDueAndOutstanding(t *testing.T) {
	d := tiny()
	// the file stops at February: March's entitlements and the claims for
	// February and March have not arrived
	var keep []string
	for _, l := range exactly() {
		if !strings.HasPrefix(l, "2026-03") && !strings.HasPrefix(l, "2026-04") {
			keep = append(keep, l)
		}
	}
	r := Reconcile(d, read(t, d, file(keep)), Options{Timing: DefaultTiming(1)})
	require.Equal(t, "2026-02", r.AsOf.String())
	require.Equal(t, NotYet, row(t, r, ARRS, "A", "2026-02").Status) // arrives 2026-03
	require.Equal(t, NotYet, row(t, r, "core_pcn_funding", "", "2026-03").Status)
	ye := YearEndOf(d, r)
	requireMoney(t, "100.00", ye.ClaimsOutstandingTotal) // February's and March's £50
	requireMoney(t, "110.00", ye.ArrearsStillDueTotal)   // March's core £100 and participation £10
}

// The ARRS lag moves the low point, worked by hand for tiny(): each month
// costs £60 and brings a £50 claim `lag` months later, so the ARRS account
// at the end of month i (April = 0) is 50 × (i + 1 − lag) − 60 × (i + 1)
// = −10 × (i + 1) − 50 × lag, lowest in March: −120 − 50 × lag. With the
// entitlements (£110 a month, in the month) every month's net is at least
// 110 − 60 = £50, so the whole balance is lowest in April: £50, or
// 110 + 50 − 60 = £100 with no lag.
func TestLagMovesTheLowPoint(t *testing.T) {
	d := tiny()
	c := CashFlow(d, nil, DefaultTiming(2), decimal.Zero)
	require.Len(t, c.Lags, 4)
	wantARRS := []string{"-120.00", "-170.00", "-220.00", "-270.00"}
	wantAll := []string{"100.00", "50.00", "50.00", "50.00"}
	for lag, l := range c.Lags {
		require.Equal(t, lag, l.ARRSLag)
		requireMoney(t, wantARRS[lag], l.ARRSBalance, "lag", lag)
		require.Equal(t, "2026-03", l.ARRSMonth.String())
		requireMoney(t, wantAll[lag], l.Balance, "lag", lag)
	}
	// the flow runs on past March until the last claim arrives
	require.Equal(t, "2026-05", c.Months[len(c.Months)-1].Month.String())
	requireMoney(t, "-120.00", c.Months[len(c.Months)-1].ARRSBalance) // 12 × (50 − 60)
	// an opening balance moves every balance, not the ARRS account
	c = CashFlow(d, nil, DefaultTiming(2), decimal.RequireFromString("1000"))
	requireMoney(t, "1050.00", c.Low.Balance)
	requireMoney(t, "-220.00", c.Low.ARRSBalance)
}
