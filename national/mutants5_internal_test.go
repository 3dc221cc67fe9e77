package national

import (
	"errors"
	"math"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
)

// addInt adds v to *dst unless the sum would not fit in an int64: a sum of
// exactly math.MaxInt64 or math.MinInt64 fits and is made; one penny past
// either is refused and leaves *dst as it was; a negative v is added.
func TestAddIntUpToTheLimitsExactly(t *testing.T) {
	const maxI, minI = math.MaxInt64, math.MinInt64
	for _, c := range []struct {
		dst, v, want int64
		ok           bool
	}{
		{maxI - 1, 1, maxI, true},       // 9,223,372,036,854,775,806 + 1: the largest int64
		{maxI - 5, 5, maxI, true},       //
		{maxI, 1, maxI, false},          // one past: refused, *dst unchanged
		{maxI - 4, 5, maxI - 4, false},  //
		{minI + 1, -1, minI, true},      // −9,223,372,036,854,775,807 − 1: the smallest int64
		{minI + 5, -5, minI, true},      //
		{minI, -1, minI, false},         // one past: refused
		{minI + 4, -5, minI + 4, false}, //
		{5, -3, 2, true},                // a negative v is added: 5 − 3 = 2
		{-5, 3, -2, true},               // −5 + 3 = −2
		{0, -7, -7, true},               //
		{maxI, -1, maxI - 1, true},      // from the top down
		{minI, 1, minI + 1, true},       // from the bottom up
		{maxI, 0, maxI, true},           // adding 0 always fits
		{minI, 0, minI, true},           //
	} {
		got := c.dst
		if ok := addInt(&got, c.v); ok != c.ok || got != c.want {
			t.Errorf("addInt(%d, %d) = %d, %v; want %d, %v", c.dst, c.v, got, ok, c.want, c.ok)
		}
	}
}

// costOnly's memo never answers for a payment date that no on-cost rule
// covers: that pay's cost is the error (des.ErrNoRate), even after the same
// pay has been costed, and memoised, on dates that have rules.
//
// The embedded rules, £2,500.00 of a month's pay, no levy:
//   - 15 June 2022 (6 April to 5 November 2022: NI 15.05% above £758 a
//     month, pension 14.38%): NI 0.1505 × 1,742 = £262.171 → £262.17 (a
//     tenth of a penny disregarded), pension 0.1438 × 2,500 = £359.50;
//     £2,500.00 + £262.17 + £359.50 = £3,121.67.
//   - 15 December 2022 and 15 May 2023 (NI 13.8% above £758): NI 0.138 ×
//     1,742 = £240.396 → £240.40 (six tenths rounded up), pension £359.50;
//     £3,099.90 (the same rates: one figure for both).
//   - 15 May 2025 (NI 15% above £417): NI 0.15 × 2,083 = £312.45, pension
//     £359.50; £3,171.95.
//   - 15 March 2019: no pension rule (the first is from 1 April 2019), and
//     15 March 2018: no NI rule either (the first is from 6 April 2018).
func TestCostOnlyMemoNeverAnswersForADateWithoutRules(t *testing.T) {
	o, err := rates.OnCosts()
	if err != nil {
		t.Fatal(err)
	}
	f := costOnly(o)
	pay := func(d des.Date) arrs.Pay {
		return arrs.Pay{Amount: decimal.RequireFromString("2500.00"), Paid: d}
	}
	cost := func(d des.Date, want string) {
		t.Helper()
		for range 2 { // worked out, then from the memo
			got, err := f(pay(d))
			if err != nil || !got.Cost.Equal(decimal.RequireFromString(want)) {
				t.Fatalf("£2,500.00 paid %s costs £%s (%v), want £%s", d, got.Cost, err, want)
			}
		}
	}
	noRate := func(d des.Date) {
		t.Helper()
		for range 2 {
			got, err := f(pay(d))
			if !errors.Is(err, des.ErrNoRate) {
				t.Fatalf("£2,500.00 paid %s: cost £%s, error %v; want an error wrapping des.ErrNoRate", d, got.Cost, err)
			}
		}
	}
	cost(des.MustDate(2022, 6, 15), "3121.67")
	cost(des.MustDate(2022, 12, 15), "3099.90")
	cost(des.MustDate(2023, 5, 15), "3099.90")
	cost(des.MustDate(2025, 5, 15), "3171.95")
	noRate(des.MustDate(2019, 3, 15))
	noRate(des.MustDate(2018, 3, 15))
	cost(des.MustDate(2022, 6, 15), "3121.67")
	cost(des.MustDate(2025, 5, 15), "3171.95")
}
