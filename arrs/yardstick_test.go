package arrs_test

import (
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The float64 yardstick: the same national year as BenchmarkNationalYear,
// doing the same work in plain float64 — every payment of the rule set
// (each part, each practice for a payment paid to practices, each month
// rounded half-up to the penny), the ARRS sums (rounded once), and each
// person's month: days employed, the maximum in force, the headcount caps
// in the engine's order (start, name, role), the claim rounded to the
// penny — but no explanations, reasons, decimals or checks. Its totals are
// checked against the engine's (TestFloat64YardstickMatchesEngine), so the
// benchmark times honest work.

type fPart struct {
	month   [12]float64 // £ per unit of basis in each month
	basis   des.Basis
	perPrac bool
	sum     bool // an ARRS sum: rounded once, not monthly
}

type fPerson struct {
	cost, wte, pct float64
	max            [12]float64 // -1: no maximum (or not claimable)
	days           [12]float64
	role, name     string
	start          des.Date
}

type fNation struct {
	parts  []fPart
	pcns   []fPCN
	caps   map[string][12]capRule
	dims   [12]float64
	starts [12]des.Date
	ends   [12]des.Date
	// per role: the maximum in force each month (-1: none, or not yet
	// claimable) and the reimbursement, made once, as Compile does.
	roleMax map[string][12]float64
	rolePct map[string]float64
}

type capRule struct {
	on         bool
	limit      float64
	large      float64
	largeAbove float64
}

type fPCN struct {
	practices [][4]float64 // registered, weighted, adjusted, beds
	total     [4]float64
	reg       float64
	staff     []fPerson
}

func basisIndex(b des.Basis) int {
	switch b {
	case des.Registered:
		return 0
	case des.Weighted:
		return 1
	case des.Adjusted:
		return 2
	case des.CareHomeBeds:
		return 3
	}
	return -1
}

func prepareFloat(t testing.TB, rs *des.RuleSet, nation []arrs.PCNInput) fNation {
	y := rs.Year()
	var fn fNation
	var starts, ends [12]des.Date
	for m := 0; m < 12; m++ {
		yy, mm := y.Month(m)
		dim := daysIn(yy, mm)
		fn.dims[m] = float64(dim)
		starts[m], ends[m] = des.MustDate(yy, mm, 1), des.MustDate(yy, mm, dim)
	}
	for _, p := range rs.Payments() {
		for _, pt := range p.Parts {
			require.Empty(t, pt.Scale, "size scales are not in the yardstick")
			fp := fPart{basis: pt.Basis, perPrac: p.PaidTo == des.PaidToPractice, sum: p.Kind == des.KindARRSSum}
			vals := pt.InForce(des.Date{})
			if pt.Stated == des.Period {
				n := 0
				for m := 0; m < 12; m++ {
					if !starts[m].Before(pt.From) && !ends[m].After(pt.To) {
						n++
					}
				}
				for m := 0; m < 12; m++ {
					if !starts[m].Before(pt.From) && !ends[m].After(pt.To) {
						fp.month[m] = vals[0].Rate.InexactFloat64() / float64(n)
					}
				}
			} else {
				for m := 0; m < 12; m++ {
					for k, v := range vals {
						from, to := v.From, pt.To
						if k+1 < len(vals) {
							to = vals[k+1].From.AddDays(-1)
						}
						if from.Before(starts[m]) {
							from = starts[m]
						}
						if to.After(ends[m]) {
							to = ends[m]
						}
						if to.Before(from) {
							continue
						}
						fp.month[m] += v.Rate.InexactFloat64() * float64(from.Days(to)+1) / (fn.dims[m] * 12)
					}
				}
			}
			fn.parts = append(fn.parts, fp)
		}
	}
	a := rs.ARRS()
	fn.caps = map[string][12]capRule{}
	for _, r := range a.Roles {
		var cr [12]capRule
		for _, c := range r.Caps {
			for m := 0; m < 12; m++ {
				if !c.From.After(starts[m]) && !c.To.Before(ends[m]) {
					require.Equal(t, des.CapHeadcount, c.Unit, "WTE caps are not in the yardstick")
					cr[m] = capRule{on: true, limit: c.Limit.InexactFloat64(), large: c.LargeLimit.InexactFloat64(), largeAbove: float64(c.LargeAbove)}
				}
			}
		}
		fn.caps[r.ID] = cr
	}
	fn.starts, fn.ends = starts, ends
	fn.roleMax, fn.rolePct = map[string][12]float64{}, map[string]float64{}
	for _, role := range a.Roles {
		var mx [12]float64
		ms := role.MaximaInForce(des.Date{})
		for m := 0; m < 12; m++ {
			mx[m] = -1
			if !starts[m].Before(role.EligibleFrom) && !starts[m].Before(a.ClaimsFrom) {
				for _, x := range ms {
					if !x.From.After(starts[m]) {
						mx[m] = x.National.InexactFloat64()
					}
				}
			}
		}
		fn.roleMax[role.ID], fn.rolePct[role.ID] = mx, role.Reimbursement.InexactFloat64()
	}
	fn.pcns = make([]fPCN, len(nation))
	for i := range nation {
		fn.loadPCN(&nation[i], &fn.pcns[i])
	}
	return fn
}

// loadPCN reads one PCN's inputs as the engine must on every run: the
// practices' figures, the roster in the engine's order, each person's
// days employed in each month, cost, WTE and role (reusing f's buffers).
func (fn *fNation) loadPCN(in *arrs.PCNInput, f *fPCN) {
	f.practices, f.total = f.practices[:0], [4]float64{}
	for _, p := range in.PCN.Practices {
		v := [4]float64{toFloat(p.Registered.Decimal()), toFloat(p.Weighted.Decimal()),
			toFloat(p.Adjusted.Decimal()), toFloat(p.CareHomeBeds.Decimal())}
		f.practices = append(f.practices, v)
		for i := range v {
			f.total[i] += v[i]
		}
	}
	f.reg = f.total[0]
	f.staff = f.staff[:0]
	for k := range in.Roster {
		s := &in.Roster[k]
		st := fPerson{cost: toFloat(s.AnnualCost), wte: toFloat(s.WTE.Decimal()), role: s.Role,
			start: s.Start, name: s.Name}
		for m := 0; m < 12; m++ {
			from, to := fn.starts[m], fn.ends[m]
			if s.Start.After(from) {
				from = s.Start
			}
			if !s.End.IsZero() && s.End.Before(to) {
				to = s.End
			}
			st.days[m] = 0
			if !to.Before(from) {
				st.days[m] = float64(to.Day() - from.Day() + 1)
			}
		}
		mx, ok := fn.roleMax[s.Role]
		if !ok {
			for m := range mx {
				mx[m] = -1
			}
		}
		st.max, st.pct = mx, fn.rolePct[s.Role]
		f.staff = append(f.staff, st)
	}
	slices.SortStableFunc(f.staff, func(a, b fPerson) int {
		if c := a.start.Compare(b.start); c != 0 {
			return c
		}
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.role, b.role)
	})
}

// toFloat reads a decimal as a float64 the cheap way a float program
// would (coefficient × power of ten), without allocating.
func toFloat(d decimal.Decimal) float64 {
	f := float64(d.CoefficientInt64())
	for e := d.Exponent(); e < 0; e++ {
		f /= 10
	}
	for e := d.Exponent(); e > 0; e-- {
		f *= 10
	}
	return f
}

// penny rounds half-up to the penny (amounts here are positive).
func penny(x float64) float64 { return math.Floor(x*100+0.5+1e-7) / 100 }

// floatPCN is one PCN's entitlements, ARRS sums and claims.
func (fn *fNation) floatPCN(f *fPCN) (ent, sums, claims float64) {
	for _, p := range fn.parts {
		i := basisIndex(p.basis)
		payees := [][4]float64{f.total}
		if p.perPrac {
			payees = f.practices
		}
		for _, v := range payees {
			b := 1.0
			if i >= 0 {
				b = v[i]
			}
			if p.sum {
				var s float64
				for m := 0; m < 12; m++ {
					s += b * p.month[m]
				}
				sums += penny(s)
				continue
			}
			for m := 0; m < 12; m++ {
				ent += penny(b * p.month[m])
			}
		}
	}
	var count [12]map[string]float64
	for k := range f.staff {
		s := &f.staff[k]
		cr := fn.caps[s.role]
		for m := 0; m < 12; m++ {
			if s.days[m] == 0 || s.max[m] < 0 {
				continue
			}
			if cr[m].on {
				if count[m] == nil {
					count[m] = map[string]float64{}
				}
				lim := cr[m].limit
				if cr[m].largeAbove > 0 && f.reg > cr[m].largeAbove && cr[m].large > 0 {
					lim = cr[m].large
				}
				if count[m][s.role]+1 > lim {
					continue
				}
				count[m][s.role]++
			}
			c := s.cost
			if s.max[m] < c {
				c = s.max[m]
			}
			claims += penny(c * s.wte * s.days[m] / (12 * fn.dims[m]) * s.pct)
		}
	}
	return ent, sums, claims
}

// The yardstick does the engine's work: its totals over the national year
// equal the engine's within float rounding (a penny here and there where a
// float lands just off a half penny).
func TestFloat64YardstickMatchesEngine(t *testing.T) {
	rs, plan := plan2425(t)
	nation := syntheticNation(300, 40)
	batch, err := plan.CalculateAll(nation)
	require.NoError(t, err)
	res, err := batch.Results()
	require.NoError(t, err)
	fn := prepareFloat(t, rs, nation)
	var e1, s1, c1, e2, s2, c2 float64
	for i := range fn.pcns {
		ent, sums, claims := fn.floatPCN(&fn.pcns[i])
		e1, s1, c1 = e1+ent, s1+sums, c1+claims
		e2 += res[i].Entitlements.Total.Decimal().InexactFloat64()
		for _, a := range res[i].Entitlements.ARRSSums {
			s2 += a.Total.Decimal().InexactFloat64()
		}
		c2 += res[i].ARRS.Claims.Decimal().InexactFloat64()
		require.InDelta(t, res[i].ARRS.Claims.Decimal().InexactFloat64(), claims, 0.05, "PCN %d claims", i)
		require.InDelta(t, res[i].Entitlements.Total.Decimal().InexactFloat64(), ent, 0.05, "PCN %d entitlements", i)
	}
	require.InDelta(t, e2, e1, 1.0, "entitlements")
	require.InDelta(t, s2, s1, 1.0, "ARRS sums")
	require.InDelta(t, c2, c1, 1.0, "claims")
	t.Logf("300 PCNs: entitlements £%.2f (engine £%.2f), ARRS sums £%.2f (£%.2f), claims £%.2f (£%.2f)", e1, e2, s1, s2, c1, c2)
}

// BenchmarkNationalYearFloat64 is the honest float64 yardstick for
// BenchmarkNationalYear and BenchmarkNationalTotals: the same 1,250 PCNs and
// the same work (see above) on two goroutines, with what the engine does
// once per rule set (each role's maximum and percentage by month, the
// payments' monthly factors) made once outside the timing, as Compile
// does, and each PCN's inputs read inside it, as the engine must.
func BenchmarkNationalYearFloat64(b *testing.B) {
	rs, _ := rates.YearNamed("2024/25")
	nation := syntheticNation(1250, 40)
	fn := prepareFloat(b, rs, nation)
	b.ReportAllocs()
	b.ResetTimer()
	var sink float64
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		var mu sync.Mutex
		half := len(nation) / 2
		for _, part := range [][]arrs.PCNInput{nation[:half], nation[half:]} {
			wg.Add(1)
			go func(part []arrs.PCNInput) {
				defer wg.Done()
				var total float64
				var f fPCN
				for k := range part {
					fn.loadPCN(&part[k], &f)
					e, s, c := fn.floatPCN(&f)
					total += e + s + c
				}
				mu.Lock()
				sink += total
				mu.Unlock()
			}(part)
		}
		wg.Wait()
	}
	_ = sink
}

// daysIn is the number of days in month m of year y.
func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }
