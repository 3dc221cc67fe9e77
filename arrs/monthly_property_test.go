package arrs_test

import (
	"github.com/pcnfin/pcnfin/internal/names"

	"cmp"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// ratOf is a decimal as an exact rational.
func ratOf(d decimal.Decimal) *big.Rat {
	r, ok := new(big.Rat).SetString(d.String())
	if !ok {
		panic(d.String())
	}
	return r
}

// roundHalfUp rounds a non-negative rational number of pennies half-up.
func roundHalfUp(p *big.Rat) int64 {
	n := new(big.Int).Add(new(big.Int).Mul(p.Num(), big.NewInt(2)), p.Denom())
	return new(big.Int).Quo(n, new(big.Int).Mul(p.Denom(), big.NewInt(2))).Int64()
}

func penniesOf(d decimal.Decimal) int64 { return d.Shift(2).IntPart() }

// checkMonthly asserts, month by month and person by person, what the
// rules say a claim is, worked out here from the rule set's public
// accessors, day by day, without the engine's month tables:
//
//   - nothing is claimed for a month with a day of employment before the
//     role is eligible or claims start, nor for a month with no day employed;
//   - a month with no cap reason claims exactly min(cost, maximum) × WTE ×
//     days employed ÷ (12 × days in the month) × reimbursement, rounded
//     half-up (a maximum stated as a claim cap is not × reimbursement), with
//     the maximum in force on the 1st of the month for the person's London
//     zone, or the national figure where the zone has none;
//   - a month with a cap reason claims nothing, or (cap_partial) the same
//     formula for exactly the WTE left under the cap;
//   - headcount and WTE caps hold in every month they are in force, and bind
//     no harder than they say.
func checkMonthly(t testing.TB, p *arrs.Plan, pc des.PCN, roster []arrs.Staff, r arrs.Result) (st monthStats) {
	t.Helper()
	y := p.Year()
	a := p.RuleSet().ARRS()
	roles := map[string]des.Role{}
	for _, ro := range a.Roles {
		roles[ro.ID] = ro
	}
	registered, err := pc.Total(des.Registered, "test")
	require.NoError(t, err)
	results := map[string]arrs.StaffResult{}
	for _, sr := range r.Staff {
		results[sr.Name] = sr
	}
	require.Len(t, results, len(roster), "staff names are unique in checked rosters")
	label := func(m int) string {
		yy, mm := y.Month(m)
		return fmt.Sprintf("%04d-%02d", yy, int(mm))
	}
	// rule[name][m] is the breach rule of a month, from Result.Breaches.
	rule := map[string]*[12]arrs.Reason{}
	for _, b := range r.Breaches {
		if rule[b.Staff] == nil {
			rule[b.Staff] = new([12]arrs.Reason)
		}
		in := false
		for m := 0; m < 12; m++ {
			if label(m) == b.From {
				in = true
			}
			if in {
				rule[b.Staff][m] = b.Rule
			}
			if label(m) == b.To {
				in = false
			}
		}
	}
	type capMonth struct {
		claimants, candidates int
		fullWTE               *big.Rat
		partial               []string
	}
	// Caps admit people in a fixed order: start date, name, role.
	ordered := slices.Clone(roster)
	slices.SortStableFunc(ordered, func(x, z arrs.Staff) int {
		if c := x.Start.Compare(z.Start); c != 0 {
			return c
		}
		return cmp.Or(strings.Compare(x.Name, z.Name), strings.Compare(x.Role, z.Role))
	})
	for m := 0; m < 12; m++ {
		yy, mm := y.Month(m)
		dim := daysIn(yy, mm)
		first, last := des.MustDate(yy, mm, 1), des.MustDate(yy, mm, dim)
		caps := map[string]*capMonth{}
		for _, s := range ordered {
			sr := results[s.Name]
			c := penniesOf(sr.Months[m].Decimal())
			require.GreaterOrEqual(t, c, int64(0))
			role, known := roles[s.Role]
			employed, ineligible := 0, 0
			for day := 1; day <= dim; day++ {
				dt := des.MustDate(yy, mm, day)
				if dt.Before(s.Start) || (!s.End.IsZero() && dt.After(s.End)) {
					continue
				}
				employed++
				if !known || dt.Before(role.EligibleFrom) || dt.Before(a.ClaimsFrom) {
					ineligible++
				}
			}
			where := fmt.Sprintf("%s (%s, %s WTE, %s to %s, %s) in %s", s.Name, s.Role, s.WTE, s.Start, s.End, s.London, label(m))
			if employed == 0 || ineligible > 0 {
				require.Zero(t, c, "%s: claimed outside employment or eligibility", where)
				if employed > 0 {
					st.ineligible++
				}
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
				require.Zero(t, c, "%s: claimed with no maximum in force", where)
				continue
			}
			amount := mx.National
			switch s.London {
			case arrs.OuterLondon:
				if mx.OuterLondon.IsPositive() {
					amount = mx.OuterLondon
				}
			case arrs.InnerLondon:
				if mx.InnerLondon.IsPositive() {
					amount = mx.InnerLondon
				}
			}
			if s.London != arrs.NotLondon {
				if amount == mx.National {
					st.londonFallback++
				} else {
					st.london++
				}
			}
			if employed < dim {
				st.partMonths++
			}
			if mx.ClaimCap {
				st.claimCap++
			}
			// per WTE, in pennies, exactly
			share := big.NewRat(int64(employed), int64(12*dim))
			pct := ratOf(role.Reimbursement)
			costW := new(big.Rat).Mul(ratOf(s.AnnualCost.Shift(2)), share)
			costW.Mul(costW, pct)
			maxW := new(big.Rat).Mul(ratOf(amount.Shift(2)), share)
			if !mx.ClaimCap {
				maxW.Mul(maxW, pct)
			}
			perWTE := costW
			if maxW.Cmp(costW) < 0 {
				perWTE = maxW
			}
			w, ok := new(big.Rat).SetString(s.WTE.String())
			require.True(t, ok)
			cm := caps[s.Role]
			var capNow *des.Cap
			for i := range role.Caps {
				cp := role.Caps[i]
				if !cp.From.After(first) && !cp.To.Before(last) {
					capNow = &cp
				}
			}
			if capNow != nil && cm == nil {
				cm = &capMonth{fullWTE: new(big.Rat)}
				caps[s.Role] = cm
			}
			if cm != nil {
				cm.candidates++
			}
			why := arrs.ReasonNone
			if rule[s.Name] != nil {
				why = rule[s.Name][m]
			}
			switch why {
			case arrs.ReasonCap:
				require.NotNil(t, capNow, "%s: a cap reason with no cap in force", where)
				require.Zero(t, c, "%s: claimed beyond the cap", where)
				st.capped++
			case arrs.ReasonCapPartial:
				require.NotNil(t, capNow, "%s: a partial cap with no cap in force", where)
				require.Equal(t, des.CapWTE, capNow.Unit, where)
				cm.partial = append(cm.partial, s.Name)
				room := new(big.Rat).Sub(ratOf(capLimitFor(*capNow, registered)), cm.fullWTE)
				require.True(t, room.Sign() > 0 && room.Cmp(w) < 0, "%s: partial with room %s", where, room.FloatString(4))
				want := roundHalfUp(new(big.Rat).Mul(perWTE, room))
				require.Equal(t, want, c, "%s: the WTE left under the cap (%s), claims %dp", where, room.FloatString(4), want)
				cm.claimants++
				cm.fullWTE.Add(cm.fullWTE, room)
				st.partial++
			case arrs.ReasonNone:
				want := roundHalfUp(new(big.Rat).Mul(perWTE, w))
				require.Equal(t, want, c, "%s: want min(cost %s, maximum %s from %s) × WTE × %d/%d days ÷ 12 × %s = %dp, got %dp",
					where, s.AnnualCost, amount, mx.From, employed, dim, role.Reimbursement, want, c)
				st.exact++
				if cm != nil {
					cm.claimants++
					cm.fullWTE.Add(cm.fullWTE, w)
				}
			default:
				t.Fatalf("%s: unexpected reason %q for an employed, eligible month with a maximum", where, why)
			}
		}
		for id, cm := range caps {
			role := roles[id]
			var cp des.Cap
			for _, x := range role.Caps {
				if !x.From.After(first) && !x.To.Before(last) {
					cp = x
				}
			}
			limit := capLimitFor(cp, registered)
			switch cp.Unit {
			case des.CapHeadcount:
				n := limit.IntPart()
				require.LessOrEqual(t, int64(cm.claimants), n, "%s: %d %s claimed, headcount cap %s", label(m), cm.claimants, id, limit)
				require.Equal(t, min(int64(cm.candidates), n), int64(cm.claimants), "%s: %s: the headcount cap %s admits as many as it allows", label(m), id, limit)
			case des.CapWTE:
				require.LessOrEqual(t, len(cm.partial), 1, "%s: at most one person is cut by a WTE cap in a month", label(m))
				require.True(t, cm.fullWTE.Cmp(ratOf(limit)) <= 0, "%s: %s WTE of %s claimed, cap %s", label(m), cm.fullWTE.FloatString(4), id, limit)
			}
		}
	}
	return st
}

// monthStats counts what checkMonthly saw, so a test can show its cases
// are reached.
type monthStats struct {
	exact, partMonths, londonFallback, london, capped, partial, claimCap, ineligible int
}

func (a *monthStats) add(b monthStats) {
	a.exact += b.exact
	a.partMonths += b.partMonths
	a.londonFallback += b.londonFallback
	a.london += b.london
	a.capped += b.capped
	a.partial += b.partial
	a.claimCap += b.claimCap
	a.ineligible += b.ineligible
}

// randomRosterOf makes a roster from the given roles, with starts and ends
// often on a month's first or last day, and some London staff.
func randomRosterOf(r *rand.Rand, y des.Year, roles []string, n int) []arrs.Staff {
	out := make([]arrs.Staff, n)
	edge := func() des.Date {
		m := r.IntN(14) - 1
		yy, mm := y.Month(max(0, min(11, m)))
		switch r.IntN(4) {
		case 0:
			return des.MustDate(yy, mm, 1)
		case 1:
			return des.MustDate(yy, mm, daysIn(yy, mm))
		}
		return y.Start().AddDays(r.IntN(500) - 60)
	}
	for i := range out {
		start := edge()
		var end des.Date
		if r.IntN(3) == 0 {
			end = edge()
			if end.Before(start) {
				start, end = end, start
			}
		}
		ww, _ := arrs.WTEOf(decimal.New(int64(1+r.IntN(150)), -2))
		if r.IntN(5) == 0 {
			ww, _ = arrs.WTEHours(decimal.New(int64(1+r.IntN(3750)), -2), decimal.RequireFromString("37.5"))
		}
		s := arrs.Staff{Name: fmt.Sprintf("S%02d", i), Role: roles[r.IntN(len(roles))], WTE: ww, Start: start, End: end,
			AnnualCost: decimal.New(int64(2_000_000+r.IntN(10_000_000)), -2)}
		if r.IntN(7) == 0 {
			s.AnnualCost = decimal.New(int64(6_000_000+r.IntN(100))*2+1, -2) // odd pennies: ties in part months
		}
		switch r.IntN(3) {
		case 0:
			s.London = arrs.OuterLondon
		case 1:
			s.London = arrs.InnerLondon
		}
		out[i] = s
	}
	return out
}

func TestPropertyMonthByMonth(t *testing.T) {
	p := plan(t)
	r := rand.New(rand.NewPCG(15, 1))
	var st monthStats
	for i := 0; i < 300; i++ {
		roster := randomRosterOf(r, p.Year(), propRoles, 1+r.IntN(12))
		pc := pcn(int64(1000+r.IntN(200000)), int64(1000+r.IntN(200000)))
		res, err := p.Calculate(pc, roster)
		require.NoError(t, err)
		st.add(checkMonthly(t, p, pc, roster, res))
		checkInvariants(t, p, roster, res)
	}
	t.Logf("%+v", st)
	// The cases are reached: claims checked to the penny, part months,
	// London figures and the national fallback, both kinds of cap, months
	// before eligibility, the 2019/20-style claim cap.
	require.Greater(t, st.exact, 3000)
	require.Greater(t, st.partMonths, 100)
	require.Greater(t, st.london, 100)
	require.Greater(t, st.londonFallback, 200)
	require.Greater(t, st.capped, 50)
	require.Greater(t, st.partial, 10)
	require.Greater(t, st.ineligible, 200)
	require.Greater(t, st.claimCap, 200)
}

// Every embedded year, with its own roles (caps in 2019/20–2024/25, London
// maxima, mid-year maxima, claims from July 2019, roles eligible from a
// later month, a claim cap at 70%).
func TestPropertyMonthByMonthEveryYear(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2))
	var all monthStats
	for _, rs := range mustAll(rates.All()) {
		p, err := arrs.Compile(rs, arrs.Options{})
		require.NoError(t, err)
		roles := names.RoleIDs() // the year's roles and roles not claimable in it
		t.Run(rs.Year().String(), func(t *testing.T) {
			for i := 0; i < 40; i++ {
				roster := randomRosterOf(r, p.Year(), roles, 1+r.IntN(15))
				pc := pcn(int64(1000+r.IntN(200000)), 50000)
				res, err := p.Calculate(pc, roster)
				require.NoError(t, err)
				all.add(checkMonthly(t, p, pc, roster, res))
				checkInvariants(t, p, roster, res)
			}
		})
	}
	t.Logf("%+v", all)
	require.Greater(t, all.exact, 1000)
	require.Greater(t, all.london, 100)
	require.Greater(t, all.londonFallback, 100)
	require.Greater(t, all.capped, 10)
	require.Greater(t, all.claimCap, 10)
}

// capLimitFor states the cap rule apart from des.Cap.LimitFor, which the
// engine asks: the large limit applies to a PCN of more than LargeAbove
// registered patients (2019/20's "more than 100,000"), so exactly 100,000 has
// the smaller limit.
func capLimitFor(c des.Cap, registered decimal.Decimal) decimal.Decimal {
	if c.LargeAbove > 0 && c.LargeLimit.Sign() > 0 && registered.Cmp(decimal.NewFromInt(c.LargeAbove)) > 0 {
		return c.LargeLimit
	}
	return c.Limit
}
