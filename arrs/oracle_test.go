package arrs_test

// An independent oracle for the claims of staff given by annual cost (issue
// 25: the property tests' bounds caught none of 23 planted bugs). It is
// written from the rules as the README and des state them, in exact
// fractions (math/big), sharing no code with the engine:
//
//   - a month claims nothing outside employment, before the DES year's
//     claims start, before the role is eligible, or with no maximum in
//     force on the month's first day (the person's London zone's figure, or
//     the national one when the zone has none);
//   - caps take people in a fixed order (start date, then name, then role):
//     in heads, the first `limit` people employed that month (`large_limit`
//     when the PCN's registered list is MORE than `large_above`); in WTE,
//     each person's WTE while room is left, the last one in part;
//   - the month's claim is, with w the WTE claimed and f = days employed ÷
//     (12 × days in the month): min(cost, maximum) × w × f × reimbursement,
//     or for a maximum stated as a claim, min(cost × w × f × reimbursement,
//     maximum × w × f); rounded half-up to the penny once.

import (
	"math/big"
	"sort"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

func rat(d decimal.Decimal) *big.Rat { r, _ := new(big.Rat).SetString(d.String()); return r }

// roundPenny is r pounds rounded half-up to whole pennies (r ≥ 0).
func roundPenny(r *big.Rat) int64 {
	p := new(big.Rat).Mul(r, big.NewRat(100, 1))
	q, m := new(big.Int).QuoRem(p.Num(), p.Denom(), new(big.Int))
	if new(big.Int).Mul(m, big.NewInt(2)).Cmp(p.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// oracleClaims gives each roster line's twelve monthly claims in pennies.
func oracleClaims(t *testing.T, rs *des.RuleSet, registered int64, roster []arrs.Staff) [][12]int64 {
	t.Helper()
	a := rs.ARRS()
	y := rs.Year()
	out := make([][12]int64, len(roster))
	order := make([]int, len(roster))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		x, z := roster[order[i]], roster[order[j]]
		if x.Start != z.Start {
			return x.Start.Before(z.Start)
		}
		if x.Name != z.Name {
			return x.Name < z.Name
		}
		return x.Role < z.Role
	})
	for m := 0; m < 12; m++ {
		yy, mm := y.Month(m)
		dim := daysIn(yy, mm)
		first, last := des.MustDate(yy, mm, 1), des.MustDate(yy, mm, dim)
		heads := map[string]int64{}
		used := map[string]*big.Rat{}
		for _, i := range order {
			s := roster[i]
			from, to := s.Start, last
			if first.After(from) {
				from = first
			}
			if !s.End.IsZero() && s.End.Before(to) {
				to = s.End
			}
			if to.Before(from) {
				continue
			}
			days := from.Days(to) + 1
			role, ok := a.Role(s.Role)
			if !ok || first.Before(a.ClaimsFrom) || first.Before(role.EligibleFrom) {
				continue
			}
			var mx *des.Maximum
			for _, x := range role.MaximaInForce(des.Date{}) {
				if !x.From.After(first) {
					x := x
					mx = &x
				}
			}
			if mx == nil {
				continue
			}
			max := mx.National
			switch {
			case s.London == arrs.OuterLondon && mx.OuterLondon.IsPositive():
				max = mx.OuterLondon
			case s.London == arrs.InnerLondon && mx.InnerLondon.IsPositive():
				max = mx.InnerLondon
			}
			if !max.IsPositive() {
				continue
			}
			w := rat(s.WTE.Decimal())
			if len(role.Caps) > 0 {
				c := role.Caps[0]
				if len(role.Caps) > 1 || (!c.From.IsZero() && c.From.After(first)) || (!c.To.IsZero() && c.To.Before(first)) {
					t.Fatalf("oracle: %s has caps it does not model", role.ID)
				}
				limit := c.Limit
				if c.LargeAbove > 0 && registered > c.LargeAbove && c.LargeLimit.IsPositive() {
					limit = c.LargeLimit
				}
				switch c.Unit {
				case des.CapHeadcount:
					if decimal.NewFromInt(heads[role.ID] + 1).GreaterThan(limit) {
						continue
					}
					heads[role.ID]++
				case des.CapWTE:
					if used[role.ID] == nil {
						used[role.ID] = new(big.Rat)
					}
					room := new(big.Rat).Sub(rat(limit), used[role.ID])
					if room.Sign() <= 0 {
						continue
					}
					if room.Cmp(w) < 0 {
						w = room
					}
					used[role.ID].Add(used[role.ID], w)
				}
			}
			f := new(big.Rat).Mul(w, big.NewRat(int64(days), int64(12*dim)))
			pct := rat(role.Reimbursement)
			cost, mxr := rat(s.AnnualCost), rat(max)
			var claim *big.Rat
			if mx.ClaimCap {
				c := new(big.Rat).Mul(new(big.Rat).Mul(cost, f), pct)
				capd := new(big.Rat).Mul(mxr, f)
				claim = c
				if capd.Cmp(c) < 0 {
					claim = capd
				}
			} else {
				base := cost
				if mxr.Cmp(cost) < 0 {
					base = mxr
				}
				claim = new(big.Rat).Mul(new(big.Rat).Mul(base, f), pct)
			}
			out[i][m] = roundPenny(claim)
		}
	}
	return out
}

// requireOracle holds a result's people to the oracle, month by month.
func requireOracle(t *testing.T, rs *des.RuleSet, registered int64, roster []arrs.Staff, r arrs.Result) {
	t.Helper()
	want := oracleClaims(t, rs, registered, roster)
	for i, s := range roster {
		var got *arrs.StaffResult
		for k := range r.Staff {
			if r.Staff[k].Name == s.Name && r.Staff[k].Role == s.Role {
				got = &r.Staff[k]
			}
		}
		if got == nil {
			t.Fatalf("%s not in the result", s.Name)
		}
		for m := 0; m < 12; m++ {
			if p := got.Months[m].Pennies(); p != want[i][m] {
				t.Fatalf("%s (%s, %s WTE, from %s to %s, £%s, %v) month %d claims %dp, the rule gives %dp",
					s.Name, s.Role, s.WTE, s.Start, s.End, s.AnnualCost, s.London, m, p, want[i][m])
			}
		}
	}
}
