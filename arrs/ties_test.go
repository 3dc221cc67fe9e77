package arrs_test

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func claim2526(t *testing.T, s arrs.Staff) arrs.StaffResult {
	t.Helper()
	rs, err := rates.YearNamed("2025/26")
	if err == nil {
		rs = rs.SourcedOnly() // the published figures the ties were worked from
	}
	require.NoError(t, err)
	r, err := arrs.Calculate(rs, pcn(40000, 50000), []arrs.Staff{s}, arrs.Options{})
	require.NoError(t, err)
	return r.Staff[0]
}

// Monthly claims that land exactly on a half penny with an even penny
// below, where half-up and half-even differ. 2025/26 maxima: clinical
// pharmacist £66,972 (inner London £77,545), pharmacy technician £43,352.
func TestClaimHalfPennyTiesRoundUp(t *testing.T) {
	// A pharmacist costing £62,000.22 (under the £66,972 maximum), 1 WTE all
	// year: £62,000.22 ÷ 12 = £5,166.685 → £5,166.69 a month (half-even
	// would give £5,166.68); the year 12 × £5,166.69 = £62,000.28.
	s := claim2526(t, arrs.Staff{Name: "CP", Role: "clinical_pharmacist", WTE: wte("1"), Start: d(2025, 4, 1), AnnualCost: decimal.RequireFromString("62000.22")})
	for m, c := range s.Months {
		requireMoney(t, "5166.69", c.Decimal(), "month", m, s.Explain())
	}
	requireMoney(t, "62000.28", s.Claim.Decimal(), s.Explain())

	// Inner London, 0.3 WTE, cost above the maximum: £77,545 × 0.3 ÷ 12 =
	// £1,938.625 → £1,938.63 (half-even £1,938.62); 12 months £23,263.56.
	s = claim2526(t, arrs.Staff{Name: "CPL", Role: "clinical_pharmacist", WTE: wte("0.3"), Start: d(2025, 4, 1), AnnualCost: decimal.NewFromInt(90000), London: arrs.InnerLondon})
	requireMoney(t, "1938.63", s.Months[0].Decimal(), s.Explain())
	requireMoney(t, "23263.56", s.Claim.Decimal(), s.Explain())

	// A part month: a pharmacy technician costing £39,999.96 starts on 16
	// June 2025 (15 of June's 30 days): £39,999.96 × 15 ÷ 360 = £1,666.665
	// → £1,666.67 (half-even .66); then July–March 9 × £3,333.33.
	s = claim2526(t, arrs.Staff{Name: "PT", Role: "pharmacy_technician", WTE: wte("1"), Start: d(2025, 6, 16), AnnualCost: decimal.RequireFromString("39999.96")})
	requireMoney(t, "0", s.Months[1].Decimal())
	requireMoney(t, "1666.67", s.Months[2].Decimal(), s.Explain())
	requireMoney(t, "3333.33", s.Months[3].Decimal(), s.Explain())
	requireMoney(t, "31666.64", s.Claim.Decimal(), "1,666.67 + 9 × 3,333.33")

	// Half WTE: £39,999.96 × 0.5 ÷ 12 = £1,666.665 → £1,666.67 every month.
	s = claim2526(t, arrs.Staff{Name: "PT2", Role: "pharmacy_technician", WTE: wte("0.5"), Start: d(2025, 4, 1), AnnualCost: decimal.RequireFromString("39999.96")})
	requireMoney(t, "20000.04", s.Claim.Decimal(), "12 × 1,666.67", s.Explain())
}

// halfUp is the claim formula worked in exact rationals, rounded half-up,
// independently of both arithmetic paths.
func halfUp(costP, maxP, num, den, days, dim, pct uint64, claimCap bool) (q int64, tie bool) {
	r := func(a, b uint64) *big.Rat {
		return new(big.Rat).SetFrac(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
	}
	share := new(big.Rat).Mul(r(num, den), r(days, 12*dim)) // WTE × days ÷ (12 × dim)
	cost := new(big.Rat).Mul(r(costP, 1), share)
	cost.Mul(cost, r(pct, 10000))
	mx := new(big.Rat).Mul(r(maxP, 1), share)
	if !claimCap {
		mx.Mul(mx, r(pct, 10000))
	}
	v := cost
	if mx.Cmp(cost) < 0 {
		v = mx
	}
	twice := new(big.Rat).Mul(v, big.NewRat(2, 1))
	tie = twice.IsInt() && !v.IsInt()
	n, dd := v.Num(), v.Denom()
	n2 := new(big.Int).Add(new(big.Int).Mul(n, big.NewInt(2)), dd)
	return new(big.Int).Quo(n2, new(big.Int).Mul(dd, big.NewInt(2))).Int64(), tie
}

// TestClaimArithmeticPaths meets few ties on random inputs; here every
// input is built to land exactly on a half penny, and both paths must round
// it up, as the exact rational reference does.
func TestClaimArithmeticPathsForcedTies(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 15))
	ties, evenBelow := 0, 0
	for i := 0; i < 20000 && ties < 400; i++ {
		num, den := uint64(1+r.IntN(400)), uint64(1+r.IntN(400))
		dim := uint64(28 + r.IntN(4))
		days := uint64(1 + r.IntN(int(dim)))
		pct := []uint64{10000, 7000, 5000, 2500}[r.IntN(4)]
		capd := r.IntN(2) == 0
		// Solve cost × a ≡ D/2 (mod D) for the cost in pennies, where the
		// claim is cost × a ÷ D: a = num × days × pct, D = 12 × den × dim × 10,000.
		a := new(big.Int).SetUint64(num * days * pct)
		D := new(big.Int).SetUint64(12 * den * dim * 10000)
		g := new(big.Int).GCD(nil, nil, a, D)
		half := new(big.Int).Rsh(D, 1)
		if new(big.Int).Mod(half, g).Sign() != 0 {
			continue
		}
		m := new(big.Int).Quo(D, g)
		inv := new(big.Int).ModInverse(new(big.Int).Quo(a, g), m)
		if inv == nil && m.Cmp(big.NewInt(1)) != 0 {
			continue
		}
		c := new(big.Int).Mod(new(big.Int).Mul(new(big.Int).Quo(half, g), inv), m)
		c.Add(c, new(big.Int).Mul(m, big.NewInt(int64(r.IntN(50)))))
		if !c.IsUint64() || c.Uint64() == 0 || c.Uint64() > 100_000_000 {
			continue
		}
		costP := c.Uint64()
		maxP := costP + uint64(r.IntN(1000)) + 1 // the cost binds
		if capd {
			maxP = 100_000_000
		}
		want, tie := halfUp(costP, maxP, num, den, days, dim, pct, capd)
		require.True(t, tie, "constructed a tie: %d %d %d/%d %d/%d %d", costP, maxP, num, den, days, dim, pct)
		ties++
		if want%2 == 1 {
			evenBelow++ // half-even would have rounded down
		}
		require.Equal(t, want, arrs.ClaimPennies(costP, maxP, num, den, days, dim, pct, capd), "fast path, tie %d × %d/%d × %d/%d × %d", costP, num, den, days, dim, pct)
		require.Equal(t, want, arrs.ClaimBig(costP, maxP, num, den, days, dim, pct, capd), "big path, tie %d × %d/%d × %d/%d × %d", costP, num, den, days, dim, pct)
	}
	require.GreaterOrEqual(t, ties, 400)
	require.Greater(t, evenBelow, 100)
	// And ties where the maximum binds, with the 2025/26 pharmacist maximum
	// (£66,972 = 6,697,200p): 6,697,200 × 1/8 ÷ 12 = 69,762.5p → 69,763.
	require.Equal(t, int64(69763), arrs.ClaimPennies(9_000_000, 6_697_200, 1, 8, 30, 30, 10000, false))
	require.Equal(t, int64(69763), arrs.ClaimBig(9_000_000, 6_697_200, 1, 8, 30, 30, 10000, false))
	// A claim cap (2019/20: £37,810 the most claimable): 3,781,000 × 3/16 ÷ 12
	// = 59,078.125p; × 70% of a larger cost does not bind: 59,078.
	require.Equal(t, int64(59078), arrs.ClaimPennies(9_000_000, 3_781_000, 3, 16, 30, 30, 7000, true))
}
