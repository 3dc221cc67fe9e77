package rates_test

import (
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// londonFrom is when London weighting of ARRS maxima began (Pulse
// Intelligence, 'The Additional Roles Reimbursement Scheme for 2021/22
// explained'); before it the national figure applies in London.
var londonFrom = des.MustDate(2021, 4, 1)

// Over every role (every band of a role paid at a range of bands), every
// maximum of every year as known at any date, in every zone: no inner
// London figure below the outer one, no outer below the national one, no
// London zone left to fall back to the national figure once London
// weighting exists, and no maximum of £0 or £1 (issue 19: 28 of 132
// role-years were out of order, inner London care coordinators got the
// national figure and the headroom program said "£1.00 a year").
func TestLondonMaximaInOrderEveryRoleYearZone(t *testing.T) {
	floor := decimal.NewFromInt(1000)
	n := 0
	for _, rs := range mustAll(rates.All()) {
		for _, r := range rs.ARRS().Roles {
			lists := map[string][]des.Maximum{"": r.Maxima}
			for b, ms := range r.BandMaxima {
				lists[b] = ms
			}
			for b, ms := range lists {
				for _, mx := range ms {
					n++
					what := rs.Year().String() + " " + r.ID + " band " + b + " from " + mx.From.String()
					if mx.ClaimCap {
						continue // a figure stated as the most that may be claimed (2019/20)
					}
					require.True(t, mx.National.GreaterThanOrEqual(floor), "national £%s: %s", mx.National, what)
					if mx.From.Before(londonFrom) {
						require.True(t, mx.OuterLondon.IsZero() && mx.InnerLondon.IsZero(), "London figure before London weighting: %s", what)
						continue
					}
					require.True(t, mx.OuterLondon.GreaterThan(mx.National), "outer £%s not above national £%s: %s", mx.OuterLondon, mx.National, what)
					require.True(t, mx.InnerLondon.GreaterThanOrEqual(mx.OuterLondon), "inner £%s below outer £%s: %s", mx.InnerLondon, mx.OuterLondon, what)
					for z := 1; z <= 2; z++ {
						src := mx.SourceFor(z)
						if src.Confidence.Sourced() {
							continue
						}
						// A derived London figure explains its own derivation,
						// not the national figure's.
						require.NotEqual(t, mx.Source.Document, src.Document, "zone %d explains the national figure: %s", z, what)
						require.True(t, strings.Contains(src.Document, "High Cost Area Supplement") ||
							strings.Contains(src.Document, "band equality") || strings.Contains(src.Document, "re-basing"),
							"zone %d: %s: %s", z, what, src.Document)
					}
				}
			}
		}
	}
	require.Greater(t, n, 200)
}

// The headroom case: an inner-London care coordinator from 1
// October 2025 at 0.5 WTE, costing at least the maximum. Before: "£1.00 a
// year per WTE counted … claim £0.24 … funds at most 1285934.58 WTE".
// Now: band 4's national £37,477 (the 3.6% backdated uplift) is a salary
// of (37,477 + 15% × 5,000) ÷ 1.2938 = £29,546.30; inner London HCAS 20%
// = £5,909.26, within the 2025/26 £5,415 to £8,465; (29,546.30 + 5,909.26)
// × 1.1438 + 15% × (35,455.56 − 5,000) = £45,122.41 → £45,122. Monthly at
// 1 WTE £45,122 ÷ 12 = £3,760.17; at 0.5 WTE £1,880.08 a month × 6.
func TestHeadroomInnerLondonCareCoordinator(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	half, _ := arrs.WTEOf(decimal.RequireFromString("0.5"))
	a, err := p.Afford(uniform(40000), nil, arrs.Hire{Role: "care_coordinator", WTE: half,
		Start: des.MustDate(2025, 10, 1), London: arrs.InnerLondon})
	require.NoError(t, err)
	requireMoney(t, "11280.48", a.Claim.Decimal(), a.Explain)       // 6 × £1,880.08
	requireMoney(t, "22561.02", a.ClaimPerWTE.Decimal(), a.Explain) // 6 × £3,760.17
	require.Contains(t, a.Explain, "£45,122.00 a year per WTE")
	require.True(t, a.MaxWTE.LessThan(decimal.NewFromInt(1000)), a.Explain)

	// The same figure from the rule, worked in the test: national → salary
	// → + clamp(20% × salary, £5,415, £8,465) → re-costed, half-up.
	var nat, inner decimal.Decimal
	r, _ := rs.ARRS().Role("care_coordinator")
	for _, mx := range r.MaximaInForce(des.Date{}) {
		if !mx.From.After(des.MustDate(2025, 10, 1)) {
			nat, inner = mx.National, mx.InnerLondon
		}
	}
	requireMoney(t, "37477", nat)
	d := decimal.RequireFromString
	sal := nat.Add(d("750")).Div(d("1.2938"))
	h := sal.Mul(d("0.2"))
	h = decimal.Max(d("5415"), decimal.Min(d("8465"), h))
	want := sal.Add(h).Mul(d("1.1438")).Add(sal.Add(h).Sub(d("5000")).Mul(d("0.15"))).Round(0)
	requireMoney(t, want.String(), inner)
	requireMoney(t, "45122", inner)
}
