package national

import (
	"math"
	"testing"
	gotime "time"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
)

// addInt adds v unless the sum would not fit in an int64: a sum of exactly
// MaxInt64 or MinInt64 fits, one past either does not (and *dst is left).
func TestAddIntUpToTheInt64Limits(t *testing.T) {
	for _, tc := range []struct {
		dst, v int64
		ok     bool
		sum    int64
	}{
		{0, -1, true, -1},
		{5, -7, true, -2},
		{-5, 0, true, -5},
		{math.MaxInt64 - 3, 3, true, math.MaxInt64},
		{math.MaxInt64 - 3, 4, false, math.MaxInt64 - 3},
		{math.MaxInt64, 0, true, math.MaxInt64},
		{math.MinInt64 + 3, -3, true, math.MinInt64},
		{math.MinInt64 + 3, -4, false, math.MinInt64 + 3},
		{math.MinInt64, 0, true, math.MinInt64},
		{math.MinInt64, math.MaxInt64, true, -1},
		{math.MaxInt64, math.MinInt64, true, -1},
	} {
		d := tc.dst
		if ok := addInt(&d, tc.v); ok != tc.ok || d != tc.sum {
			t.Errorf("addInt(%d, %d) = %v, %d; want %v, %d", tc.dst, tc.v, ok, d, tc.ok, tc.sum)
		}
	}
}

// costOnly's memo: payment dates with the same rates share their figures
// (a date's rates are numbered once and remembered), a second figure does
// not push out the first, and a date with no employer NI rule (before
// 6 April 2018) is an error however full the memo is.
func TestCostMemoSharesFiguresOfDatesWithTheSameRates(t *testing.T) {
	o, err := rates.OnCosts()
	if err != nil {
		t.Fatal(err)
	}
	o = o.CarriedForward()
	m := &costMemo{rates: map[rateDay]int32{}, cost: map[payKey]decimal.Decimal{}}
	pay := func(amount string, y, mo, d int) arrs.Pay {
		return arrs.Pay{Amount: decimal.RequireFromString(amount), Paid: des.MustDate(y, gotime.Month(mo), d)}
	}
	may, june := pay("1000.00", 2023, 5, 31), pay("1000.00", 2023, 6, 30) // one tax year's rates
	k, found := m.lookup(o, may)
	if found || !k.ok {
		t.Fatalf("May's £1,000.00 first: found %v, ok %v", found, k.ok)
	}
	b, err := o.PayCost(may.Amount, may.Paid, oncost.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m.store(k, b.Total)
	two := pay("2000.00", 2023, 5, 31)
	k2, _ := m.lookup(o, two)
	b2, err := o.PayCost(two.Amount, two.Paid, oncost.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m.store(k2, b2.Total)
	got, found := m.lookup(o, june)
	if !found || !got.cost.Equal(b.Total) {
		t.Errorf("June's £1,000.00, May's rates: found %v, cost %v; want May's %v", found, got.cost, b.Total)
	}
	if len(m.rates) != 2 || m.rates[rateDay{may.Paid, false}] != 0 || m.rates[rateDay{june.Paid, false}] != 0 {
		t.Errorf("the dates' rates: %v, want both number 0", m.rates)
	}

	// Through costOnly: May 2019's and May 2023's rates (numbers 0 and 1),
	// then 2010, which has none: an error, not a figure of either.
	f := costOnly(o)
	for _, p := range []arrs.Pay{pay("1000.00", 2019, 5, 31), pay("1000.00", 2023, 5, 31)} {
		if _, err := f(p); err != nil {
			t.Fatal(err)
		}
	}
	if c, err := f(pay("1000.00", 2010, 5, 31)); err == nil {
		t.Errorf("£1,000.00 paid in May 2010: %v, want an error (no employer NI rule)", c.Cost)
	}
}

// The memo holds at most maxMemo figures and maxMemo dates' rates: a
// figure past the last starts it afresh (the new figure alone); a date
// past the last is numbered but not remembered.
func TestCostMemoHoldsAtMostMaxMemo(t *testing.T) {
	o, err := rates.OnCosts()
	if err != nil {
		t.Fatal(err)
	}
	o = o.CarriedForward()
	m := &costMemo{rates: map[rateDay]int32{}, cost: map[payKey]decimal.Decimal{}}
	for p := range int64(maxMemo) {
		m.store(memoKey{k: payKey{p, 0}, ok: true}, decimal.New(p, -2))
	}
	if len(m.cost) != maxMemo {
		t.Fatalf("%d figures stored: %d held", maxMemo, len(m.cost))
	}
	m.store(memoKey{k: payKey{maxMemo, 0}, ok: true}, decimal.New(maxMemo, -2))
	if len(m.cost) != 1 || !m.cost[payKey{maxMemo, 0}].Equal(decimal.New(maxMemo, -2)) {
		t.Errorf("one more figure: %d held, want it alone", len(m.cost))
	}

	// maxMemo − 1 dates (from 2100, with and without the levy) held already.
	d0 := des.MustDate(2100, 1, 1)
	for i := range maxMemo - 1 {
		m.rates[rateDay{d0.AddDays(i / 2), i%2 == 1}] = -1
	}
	may, june := des.MustDate(2023, 5, 31), des.MustDate(2023, 6, 30)
	id1, id2 := m.ratesOf(o, arrs.Pay{Paid: may}), m.ratesOf(o, arrs.Pay{Paid: june})
	if id1 != 0 || id2 != 0 || len(m.rates) != maxMemo {
		t.Errorf("May's and June's rates %d, %d (want 0, 0); %d dates held, want %d (May's, not June's)", id1, id2,
			len(m.rates), maxMemo)
	}
	if _, ok := m.rates[rateDay{june, false}]; ok {
		t.Errorf("June held past the limit")
	}
}
