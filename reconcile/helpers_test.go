package reconcile

import (
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// tiny is a hand-built year (2025/26): core funding £100.00 a month to the
// PCN, the participation payment £10.00 a month to practice P1, and person
// A's ARRS claim £50.00 a month against a salary cost of £60.00 a month.
func tiny() Due {
	y := des.Year(2025)
	d := Due{Year: y, PCN: "Tiny PCN", Practices: []string{"P1"}, People: []string{"A"},
		Payments:       []string{"core_pcn_funding", "network_participation", ARRS, IIF},
		PaidToPractice: []string{"network_participation"}, ARRSSum: decimal.RequireFromString("1000.00")}
	for m := 0; m < 12; m++ {
		mo := FirstMonth(y).Add(m)
		d.Lines = append(d.Lines,
			DueLine{Payment: "core_pcn_funding", Month: mo, Amount: decimal.RequireFromString("100.00"), Explain: "core"},
			DueLine{Payment: "network_participation", Who: "P1", Month: mo, Amount: decimal.RequireFromString("10.00")},
			DueLine{Payment: ARRS, Who: "A", Month: mo, Amount: decimal.RequireFromString("50.00")})
		d.StaffCost = append(d.StaffCost, decimal.RequireFromString("60.00"))
		d.Retained = append(d.Retained, decimal.Zero)
	}
	return d
}

const header = "paid,payment,practice,person,for,amount,type,reference"

// exactly is a paid file's rows paying tiny() right: entitlements in the
// month, each ARRS claim the month after (for column given).
func exactly() []string {
	var rows []string
	for m := 0; m < 12; m++ {
		mo := FirstMonth(2025).Add(m)
		rows = append(rows, mo.String()+",core,,,,100.00,,", mo.String()+",npp,P1,,,10.00,,",
			mo.Add(1).String()+",arrs,,A,"+mo.String()+",50.00,,")
	}
	return rows
}

// swap replaces the row equal to old with news (none: the row goes).
func swap(t *testing.T, rows []string, old string, news ...string) []string {
	t.Helper()
	for i, r := range rows {
		if r == old {
			return append(append(append([]string{}, rows[:i]...), news...), rows[i+1:]...)
		}
	}
	t.Fatalf("no row %q", old)
	return nil
}

func file(rows []string) string { return header + "\n" + strings.Join(rows, "\n") + "\n" }

func read(t *testing.T, d Due, csv string) Paid {
	t.Helper()
	p, err := ReadPaid("paid.csv", strings.NewReader(csv), d, DefaultTiming(1))
	require.NoError(t, err)
	return p
}

func requireMoney(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	require.True(t, decimal.RequireFromString(want).Equal(got), "want %s, got %s %v", want, got.StringFixed(2), msg)
}

func row(t *testing.T, r Result, payment, who, month string) Row {
	t.Helper()
	for _, x := range r.Rows {
		if x.Payment == payment && x.Who == who && x.Month.String() == month {
			return x
		}
	}
	t.Fatalf("no row %s %s %s", payment, who, month)
	return Row{}
}
