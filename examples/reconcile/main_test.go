package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"github.com/pcnfin/pcnfin/internal/report"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/reconcile"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func defaults() options { return options{arrsLag: reconcile.DefaultARRSLag, opening: "0"} }

// Every format runs on the embedded example with no arguments.
func TestEveryFormat(t *testing.T) {
	for _, f := range []string{"table", "csv", "json", "markdown"} {
		var out bytes.Buffer
		require.NoError(t, run(&out, &cli.Common{Format: f}, defaults()), f)
		require.NotEmpty(t, out.String(), f)
	}
}

// The embedded example shows what it says it shows, to the penny: an
// underpayment (enhanced access, June, £1,000), a missing month (care home
// premium, November), a double payment (Orchard's participation payment,
// December), a backdated arrear (the pharmacist's April–June claims, uplift
// paid in October) and an overpayment (CASP, September, £1,000); the CSV's
// differences add up to the year's.
func TestTheExampleShowsEachKind(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Format: "csv"}, defaults()))
	rows, err := csv.NewReader(&out).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"year", "month", "payment", "who", "due", "paid", "difference", "status"}, rows[0][:8])
	got := map[string][]string{}
	sum := decimal.Zero
	for _, r := range rows[1:] {
		got[r[1]+" "+r[2]+" "+r[3]] = r
		sum = sum.Add(decimal.RequireFromString(r[6]))
	}
	check := func(k, diff, status string) {
		t.Helper()
		r, ok := got[k]
		require.True(t, ok, k)
		require.Equal(t, diff, r[6], k)
		require.Equal(t, status, r[7], k)
	}
	check("2025-06 enhanced_access ", "-1000.00", "underpaid")
	check("2025-11 care_home_premium ", "-325.63", "missing")
	check("2025-12 network_participation Orchard Practice", "2171.90", "double")
	check("2025-09 capacity_access_support ", "1000.00", "overpaid")
	for _, m := range []string{"2025-04", "2025-05", "2025-06"} {
		check(m+" arrs Pharmacist A", "0.00", "arrears") // 5,581.00 + 203.17 = 5,784.17
	}
	check("2025-07 arrs Pharmacist A", "0.00", "ok")
	check("2026-03 arrs Pharmacist A", "-5784.17", "not_yet_due")
	// −1,000 − 325.63 + 2,171.90 + 1,000 − 2 × (2,500 + 5,784.17) = −14,722.07
	require.Equal(t, "-14722.07", sum.StringFixed(2))
}

// The JSON: the year end's practices add up to the PCN's figures; the cash
// low points by lag are as worked by hand in the README.
func TestJSONYearEndAndLags(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Format: "json"}, defaults()))
	var r report.Reconciliation
	require.NoError(t, json.Unmarshal(out.Bytes(), &r))
	var c, a, o decimal.Decimal
	for _, p := range r.YearEnd.Practices {
		c, a, o = c.Add(p.ClaimsOutstand), a.Add(p.ArrearsStillDue), o.Add(p.Overpaid)
	}
	require.True(t, c.Equal(r.YearEnd.ClaimsOutstandingTotal), c.String())
	require.True(t, a.Equal(r.YearEnd.ArrearsStillDueTotal), a.String())
	require.True(t, o.Equal(r.YearEnd.OverpaidTotal), o.String())
	require.Equal(t, "16568.34", r.YearEnd.ClaimsOutstandingTotal.StringFixed(2)) // Feb and Mar: 2 × 8,284.17
	// ARRS account: £8,500 of salary a month against £8,284.17 of claims;
	// with the claims L months late the low is March's −L × 8,500 −
	// (12 − L) × 215.83 … = −(12 × 8,500 − (12 − L) × 8,284.17)
	for lag, want := range []string{"-2589.96", "-10874.13", "-19158.30", "-27442.47"} {
		require.Equal(t, want, r.Cash.Lags[lag].ARRSBalance.StringFixed(2), "lag %d", lag)
		require.Equal(t, "2026-03", r.Cash.Lags[lag].ARRSMonth.String())
	}
}

// A scenario of your own needs its paid file; a bad paid file is an error
// naming its line and column.
func TestPaidFileErrors(t *testing.T) {
	var out bytes.Buffer
	err := run(&out, &cli.Common{Format: "table", Scenario: "example/example.toml"}, defaults())
	require.ErrorContains(t, err, "-paid")
	bad := filepath.Join(t.TempDir(), "paid.csv")
	require.NoError(t, os.WriteFile(bad, []byte("paid,payment,amount\n2025-04,core,12.3.4\n"), 0o600))
	o := defaults()
	o.paid = bad
	err = run(&out, &cli.Common{Format: "table", Scenario: "example/example.toml"}, o)
	require.ErrorContains(t, err, "paid.csv:2:3: amount")
	require.Empty(t, out.String())
}
