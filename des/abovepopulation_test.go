package des

import (
	"testing"

	"github.com/shopspring/decimal"
)

// abovePopulation's fast path agrees with GreaterThan at the boundary.
func TestAbovePopulation(t *testing.T) {
	for _, s := range []string{"0", "100000000", "100000000.000001", "99999999.999999", "100000001", "1e9", "1e8",
		"100000000.0000001", "123456789012345678901234567890"} {
		d := decimal.RequireFromString(s)
		if got, want := abovePopulation(d), d.GreaterThan(maxPopulation); got != want {
			t.Errorf("%s: abovePopulation %v, GreaterThan %v", s, got, want)
		}
	}
}
