package derive_test

import (
	"testing"

	"github.com/shopspring/decimal"
)

func requireMoney(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	w := decimal.RequireFromString(want)
	if !w.Equal(got) {
		t.Fatalf("want £%s, got £%s %v", want, got.StringFixed(2), msg)
	}
}
