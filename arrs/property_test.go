package arrs_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

var propRoles = []string{"clinical_pharmacist", "first_contact_physiotherapist", "mental_health_practitioner", "paramedic", "general_practitioner", "consultant_nurse"}

// randomRoster makes a roster of n lines with dates around the year.
func randomRoster(r *rand.Rand, y des.Year, n int) []arrs.Staff {
	out := make([]arrs.Staff, n)
	for i := range out {
		start := y.Start().AddDays(r.IntN(500) - 60)
		var end des.Date
		if r.IntN(3) == 0 {
			end = start.AddDays(r.IntN(400))
		}
		w := decimal.New(int64(1+r.IntN(150)), -2) // 0.01 .. 1.50
		ww, _ := arrs.WTEOf(w)
		s := arrs.Staff{
			Name:       fmt.Sprintf("S%02d", i),
			Role:       propRoles[r.IntN(len(propRoles))],
			WTE:        ww,
			Start:      start,
			End:        end,
			AnnualCost: decimal.New(int64(2_000_000+r.IntN(10_000_000)), -2),
		}
		switch r.IntN(4) {
		case 0:
			s.London = arrs.OuterLondon
		case 1:
			s.London = arrs.InnerLondon
		}
		out[i] = s
	}
	return out
}

func sum(ms []des.Money) decimal.Decimal {
	t, err := des.SumMoney(ms...)
	if err != nil {
		panic(err)
	}
	return t.Decimal()
}

// checkInvariants asserts the money invariants on one result.
func checkInvariants(t *testing.T, p *arrs.Plan, roster []arrs.Staff, r arrs.Result) {
	t.Helper()
	y := p.Year()
	a := p.RuleSet().ARRS()
	type roleFacts struct {
		eligible des.Date
		pct      decimal.Decimal
		hi       decimal.Decimal // the most a year that 1 WTE may claim
	}
	roles := map[string]roleFacts{}
	for _, role := range a.Roles {
		f := roleFacts{eligible: role.EligibleFrom, pct: role.Reimbursement, hi: decimal.Zero}
		for _, mx := range role.Maxima {
			for _, v := range []decimal.Decimal{mx.National, mx.OuterLondon, mx.InnerLondon} {
				bound := v
				if !mx.ClaimCap {
					bound = v.Mul(role.Reimbursement)
				}
				if bound.GreaterThan(f.hi) {
					f.hi = bound
				}
			}
		}
		roles[role.ID] = f
	}
	byName := map[string]arrs.Staff{}
	for _, s := range roster {
		byName[s.Name] = s
	}
	require.Len(t, r.Staff, len(roster))
	twelve := decimal.NewFromInt(12)
	slack := decimal.New(12, -2) // a penny of rounding a month, over twelve months
	people := decimal.Zero
	for _, sr := range r.Staff {
		if !sum(sr.Months).Equal(sr.Claim.Decimal()) {
			t.Fatalf("months do not add up to the year for %s", sr.Name)
		}
		people = people.Add(sr.Claim.Decimal())
		s := byName[sr.Name]
		f, known := roles[s.Role]
		w := s.WTE.Decimal().Add(decimal.New(1, -4))
		costCap := s.AnnualCost.Mul(w).Mul(f.pct).Add(slack) // a year
		maxCap := f.hi.Mul(w).Add(slack)
		for m, c := range sr.Months {
			if c.IsNegative() {
				t.Fatalf("%s: negative claim %s", sr.Name, c)
			}
			if c.IsZero() {
				continue
			}
			yy, mm := y.Month(m)
			first := des.MustDate(yy, mm, 1)
			last := des.MustDate(yy, mm, daysIn(yy, mm))
			employed := !s.Start.After(last) && (s.End.IsZero() || !s.End.Before(first))
			if !employed || !known || first.Before(f.eligible) || first.Before(a.ClaimsFrom) {
				t.Fatalf("%s claims %s in %s outside employment or eligibility", sr.Name, c, first)
			}
			// never above cost × rate, nor above the highest maximum × rate
			c12 := c.Decimal().Mul(twelve)
			if c12.GreaterThan(costCap) {
				t.Fatalf("%s claims %s in %s, above its cost × rate (%s a year)", sr.Name, c, first, costCap)
			}
			if c12.GreaterThan(maxCap) {
				t.Fatalf("%s claims %s in %s, above the maximum × rate (%s a year)", sr.Name, c, first, maxCap)
			}
		}
	}
	require.True(t, people.Equal(r.Claims.Decimal()), "people add up to the PCN")
	months := decimal.Zero
	for _, m := range r.Months {
		months = months.Add(m.Claim.Decimal())
	}
	require.True(t, months.Equal(r.Claims.Decimal()), "months add up to the PCN")
	pots := decimal.Zero
	for _, pt := range r.Pots {
		pots = pots.Add(pt.Claims.Decimal())
		h, err := pt.Sum.Sub(pt.Claims)
		require.NoError(t, err)
		require.Equal(t, h, pt.Headroom)
	}
	require.True(t, pots.Equal(r.Claims.Decimal()), "pots add up to the claims")
	h, err := r.Sum.Sub(r.Claims)
	require.NoError(t, err)
	require.Equal(t, h, r.Headroom)
}

func TestPropertyInvariants(t *testing.T) {
	p := plan(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		roster := randomRoster(r, p.Year(), 1+r.IntN(12))
		reg := int64(1000 + r.IntN(200000))
		if i%10 == 0 {
			reg = 100000 // exactly the "more than 100,000" line
		}
		res, err := p.Calculate(pcn(reg, int64(1000+r.IntN(200000))), roster)
		require.NoError(t, err)
		checkInvariants(t, p, roster, res)
		requireOracle(t, p.RuleSet(), reg, roster, res) // each month to the penny, from the rule
	}
}

func TestPropertyOrderDoesNotMatterAndSameInputsSamePennies(t *testing.T) {
	p := plan(t)
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 100; i++ {
		roster := randomRoster(r, p.Year(), 2+r.IntN(10))
		pc := pcn(int64(50000+r.IntN(100000)), 60000)
		a, err := p.Calculate(pc, roster)
		require.NoError(t, err)
		shuffled := append([]arrs.Staff(nil), roster...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		b, err := p.Calculate(pc, shuffled)
		require.NoError(t, err)
		requireOracle(t, p.RuleSet(), pc.Practices[0].Registered.Decimal().IntPart(), roster, a)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		require.JSONEq(t, string(ja), string(jb))
	}
}

func TestPropertyMoreWTENeverClaimsLess(t *testing.T) {
	p := plan(t)
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 300; i++ {
		s := randomRoster(r, p.Year(), 1)[0]
		a, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{s})
		require.NoError(t, err)
		s2 := s
		s2.WTE = s.WTE.Mul(2)
		b, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{s2})
		require.NoError(t, err)
		requireOracle(t, p.RuleSet(), 40000, []arrs.Staff{s}, a)
		requireOracle(t, p.RuleSet(), 40000, []arrs.Staff{s2}, b)
		require.False(t, b.Claims.Decimal().LessThan(a.Claims.Decimal()), "doubling WTE lowered the claim: %s → %s (%+v)", a.Claims, b.Claims, s)
	}
}

func TestPropertyJSONRoundTrip(t *testing.T) {
	p := plan(t)
	r := rand.New(rand.NewPCG(7, 8))
	res, err := p.Calculate(pcn(40000, 50000), randomRoster(r, p.Year(), 10))
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	var back arrs.Result
	require.NoError(t, json.Unmarshal(b, &back))
	require.True(t, back.Claims.Decimal().Equal(res.Claims.Decimal()))
	require.True(t, back.Sum.Decimal().Equal(res.Sum.Decimal()))
	for i := range res.Staff {
		require.True(t, back.Staff[i].Claim.Decimal().Equal(res.Staff[i].Claim.Decimal()))
		require.NotEmpty(t, res.Staff[i].Explain())
		require.Equal(t, res.Staff[i].Explain(), back.Staff[i].Explain(), "the explanation survives JSON")
	}
	require.Contains(t, string(b), `"explain":"S`)
	for i := range res.Pots {
		require.NotEmpty(t, res.Pots[i].Explain())
		require.Equal(t, res.Pots[i].Explain(), back.Pots[i].Explain())
		require.True(t, back.Pots[i].Sum.Decimal().Equal(res.Pots[i].Sum.Decimal()))
	}
}
