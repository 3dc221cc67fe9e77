package arrs_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// 2019/20 funded one clinical pharmacist-year per PCN (£37,810, the 70%
// share of one full-time pharmacist), two for a PCN of more than 100,000
// patients (Pharmaceutical Journal: 'PCNs covering a population of more
// than 100,000 being expected to employ two'). The cap counts WTE: two
// half-time pharmacists use one pharmacist's entitlement between them.
//
// By hand: each pharmacist costs £60,000 a year per WTE, 70% = £42,000, above
// the £37,810 that may be claimed, so a month at 1 WTE claims £37,810 ÷ 12 =
// £3,150.8333 → £3,150.83, and at 0.5 WTE £1,575.4166 → £1,575.42; claims
// run July to March (9 months): £28,357.47 at 1 WTE, £14,178.78 at 0.5.
func TestCap1920CountsWTEAndMoreThan100000(t *testing.T) {
	rs, err := rates.YearNamed("2019/20")
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	jul := des.MustDate(2019, 7, 1)

	// Two 0.5 WTE pharmacists in a PCN of 50,000: both claim (the second
	// claimed £0 when the cap counted heads).
	r, err := p.Calculate(pcn(50000, 50000), []arrs.Staff{
		staff("A", "clinical_pharmacist", "0.5", jul, des.Date{}, 60000),
		staff("B", "clinical_pharmacist", "0.5", jul, des.Date{}, 60000),
	})
	require.NoError(t, err)
	requireMoney(t, "14178.78", find(t, r, "A").Claim.Decimal(), "9 × £1,575.42")
	requireMoney(t, "14178.78", find(t, r, "B").Claim.Decimal(), "9 × £1,575.42")
	require.Empty(t, r.Breaches)

	// A third half-time pharmacist is beyond 1 WTE.
	r, err = p.Calculate(pcn(50000, 50000), []arrs.Staff{
		staff("A", "clinical_pharmacist", "0.5", jul, des.Date{}, 60000),
		staff("B", "clinical_pharmacist", "0.5", jul, des.Date{}, 60000),
		staff("C", "clinical_pharmacist", "0.5", jul, des.Date{}, 60000),
	})
	require.NoError(t, err)
	requireMoney(t, "0", find(t, r, "C").Claim.Decimal())
	requireReason(t, find(t, r, "C"), arrs.ReasonCap)

	// Exactly 100,000 patients is not 'more than 100,000': one WTE.
	two := []arrs.Staff{
		staff("A", "clinical_pharmacist", "1", jul, des.Date{}, 60000),
		staff("B", "clinical_pharmacist", "1", jul, des.Date{}, 60000),
	}
	r, err = p.Calculate(pcn(100000, 100000), two)
	require.NoError(t, err)
	requireMoney(t, "28357.47", find(t, r, "A").Claim.Decimal(), "9 × £3,150.83")
	requireMoney(t, "0", find(t, r, "B").Claim.Decimal())
	requireMoney(t, "28357.47", r.Claims.Decimal())

	// 100,001 patients: two WTE.
	r, err = p.Calculate(pcn(100001, 100001), two)
	require.NoError(t, err)
	requireMoney(t, "28357.47", find(t, r, "A").Claim.Decimal())
	requireMoney(t, "28357.47", find(t, r, "B").Claim.Decimal())
	requireMoney(t, "56714.94", r.Claims.Decimal())
}
