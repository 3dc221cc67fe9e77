package des

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// The one rule of a part's months has two number systems: work6 (128-bit
// integers, the usual case) and workDecimal (exact decimals, for figures
// out of that range). They must give the same pennies, month by month and
// rounded once, for annual parts with mid-month revisions and mid-year
// periods, and for amounts stated for a period.
func TestWorkIntegersMatchDecimals(t *testing.T) {
	r := rand.New(rand.NewPCG(20, 2))
	y := Year(2024)
	compared := 0
	for i := 0; i < 3000; i++ {
		rate := decimal.New(int64(1+r.IntN(30_000_000)), -int32(r.IntN(7)))
		from := y.Start().AddDays(r.IntN(60))
		pt := Part{Basis: Weighted, Stated: Annual, From: from, To: y.Start().AddDays(300 + r.IntN(65)),
			Values: []Value{{Rate: rate, From: from}}}
		if r.IntN(2) == 0 {
			rev := y.Start().AddDays(60 + r.IntN(200))
			pt.Values = append(pt.Values, Value{Rate: rate.Add(decimal.New(int64(r.IntN(900_000)), -6)), From: rev})
		}
		if r.IntN(4) == 0 {
			pt.Stated = Period
			pt.From, pt.To = y.Start(), y.Start().AddDays(200+r.IntN(160))
			pt.Values = pt.Values[:1]
			pt.Values[0].From = pt.From
		}
		var pp partPlan
		pp.compile(y, pt, Options{})
		if pp.err != nil || !pp.k6ok {
			t.Fatalf("part %d: %v (k6ok %v)", i, pp.err, pp.k6ok)
		}
		basis := decimal.New(int64(r.IntN(200_000_000)), -int32(r.IntN(7)))
		b6, ok := scaled6(basis)
		if !ok {
			t.Fatalf("basis %s", basis)
		}
		for _, once := range []bool{false, true} {
			var mi, md [12]int64
			ai, yi, ok := pp.work6(b6, once, true, &mi)
			var mn [12]int64
			if an, _, okn := pp.work6(b6, once, false, &mn); okn != ok || ok && (an != ai || mn != mi) {
				t.Fatalf("part %d: work6 without the year differs", i)
			}
			if !ok {
				continue // out of the integers' range: the decimals alone answer
			}
			compared++
			ad, yd, err := pp.workDecimal(basis, once, &md)
			if err != nil || ai != ad || yi != yd || mi != md {
				t.Fatalf("part %d (%s, once %v): basis %s rate %s: integers %d/%d %v, decimals %d/%d %v (%v)",
					i, pt.Stated, once, basis, rate, ai, yi, mi, ad, yd, md, err)
			}
		}
	}
	if compared < 5000 {
		t.Fatalf("only %d of 6,000 compared", compared)
	}
}
