package arrs_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func requireMoney(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	if !decimal.RequireFromString(want).Equal(got) {
		t.Fatalf("want £%s, got £%s %v", want, got.StringFixed(2), msg)
	}
}

func wte(s string) arrs.WTE {
	w, err := arrs.WTEOf(decimal.RequireFromString(s))
	if err != nil {
		panic(err)
	}
	return w
}

func d(y, m, dd int) des.Date { return des.MustDate(y, time.Month(m), dd) }

// A rule set with made-up figures that exercise every rule.
const testRules = `
year = "2023/24"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "2"
    source = "test"
    url = "https://example.org/sum"
    confidence = "confirmed"

[[payment]]
id = "arrs_gp"
name = "GP ring-fence"
kind = "arrs_sum"
pot = "gp"
  [[payment.part]]
  basis = "weighted"
  stated = "period"
  from = 2023-10-01
  to = 2024-03-31
    [[payment.part.value]]
    rate = "1"
    source = "test"
    url = "https://example.org/gp"
    confidence = "confirmed"

[arrs]
claims_from = 2023-07-01

  [[arrs.role]]
  id = "clinical_pharmacist"
  name = "Clinical pharmacist"
  reimbursement = "0.70"
  source = "test"
  url = "https://example.org/cp"
  confidence = "confirmed"
    [[arrs.role.max]]
    amount = "37810"
    stated = "claim"
    source = "test"
    url = "https://example.org/cpmax"
    confidence = "confirmed"
    [[arrs.role.cap]]
    unit = "headcount"
    limit = "1"
    large_limit = "2"
    large_above = 100000
    source = "test cap"
    url = "https://example.org/cpcap"
    confidence = "confirmed"

  [[arrs.role]]
  id = "first_contact_physiotherapist"
  name = "First contact physiotherapist"
  source = "test"
  url = "https://example.org/fcp"
  confidence = "confirmed"
    [[arrs.role.max]]
    from = 2023-04-01
    amount = "62340"
    outer_london = "69000"
    source = "test"
    url = "https://example.org/fcp1"
    confidence = "confirmed"
    [[arrs.role.max]]
    from = 2023-10-01
    amount = "65838"
    source = "test"
    url = "https://example.org/fcp2"
    confidence = "confirmed"

  [[arrs.role]]
  id = "mental_health_practitioner"
  name = "Mental health practitioner"
  reimbursement = "0.50"
  source = "test"
  url = "https://example.org/mhp"
  confidence = "confirmed"
    [[arrs.role.max]]
    amount = "60000"
    source = "test"
    url = "https://example.org/mhpmax"
    confidence = "confirmed"
    [[arrs.role.cap]]
    unit = "wte"
    limit = "1"
    source = "test wte cap"
    url = "https://example.org/mhpcap"
    confidence = "confirmed"

  [[arrs.role]]
  id = "paramedic"
  name = "Paramedic"
  source = "test: no maximum sourced"
  url = "https://example.org/para"
  confidence = "confirmed"

  [[arrs.role]]
  id = "general_practitioner"
  name = "GP"
  eligible_from = 2023-10-01
  pot = "gp"
  source = "test"
  url = "https://example.org/gp"
  confidence = "confirmed"
    [[arrs.role.max]]
    amount = "92462"
    source = "test"
    url = "https://example.org/gpmax"
    confidence = "confirmed"
`

func plan(t testing.TB) *arrs.Plan {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	return p
}

func pcn(registered, weighted int64) des.PCN {
	return des.PCN{Name: "Test", Practices: []des.Practice{{Name: "A", Registered: des.WholeNumber(registered), Weighted: des.WholeNumber(weighted)}}}
}

func staff(name, role, w string, start, end des.Date, cost int64) arrs.Staff {
	return arrs.Staff{Name: name, Role: role, WTE: wte(w), Start: start, End: end, AnnualCost: decimal.NewFromInt(cost)}
}

func requireReason(t *testing.T, s arrs.StaffResult, code arrs.Reason) {
	t.Helper()
	for _, r := range s.Reasons {
		if r.Reason == code {
			return
		}
	}
	t.Fatalf("%s: no reason %q in %q", s.Name, code, s.Reasons)
}

func find(t *testing.T, r arrs.Result, name string) arrs.StaffResult {
	t.Helper()
	for _, s := range r.Staff {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no staff %q", name)
	return arrs.StaffResult{}
}

func TestClaimRules(t *testing.T) {
	p := plan(t)
	fy := des.Year(2023)
	cases := []struct {
		name   string
		s      arrs.Staff
		claim  string
		months int
		reason arrs.Reason
	}{
		// Physio costing less than the maximum claims the full cost:
		// 12 × 65,397.80/12 = 5,449.82 (rounded) each month... but claims start July.
		{"physio full cost", staff("F", "first_contact_physiotherapist", "1", fy.Start(), des.Date{}, 60000), "45000", 9, arrs.ReasonBeforeClaims},
		// Cost above the maximum: Jul–Sep at 62,340/12 = 5,195; Oct–Mar at 65,838/12 = 5,486.50.
		{"physio capped, mid-year maximum rise", staff("F", "first_contact_physiotherapist", "1", fy.Start(), des.Date{}, 80000), "48504", 9, arrs.ReasonBeforeClaims},
		// 70% of cost, capped at 37,810 a year as the most that may be claimed:
		// cost 50,000 × 70% = 35,000 < 37,810, so 9 × 2,916.67 = 26,250.03.
		{"pharmacist 70%", staff("C", "clinical_pharmacist", "1", fy.Start(), des.Date{}, 50000), "26250.03", 9, arrs.ReasonBeforeClaims},
		// cost 60,000 × 70% = 42,000 > 37,810: 9 × 3,150.83 = 28,357.47.
		{"pharmacist capped claim", staff("C", "clinical_pharmacist", "1", fy.Start(), des.Date{}, 60000), "28357.47", 9, arrs.ReasonBeforeClaims},
		// 50% of cost for a jointly funded mental health practitioner: 9 × 2,000.
		{"mhp 50%", staff("M", "mental_health_practitioner", "1", fy.Start(), des.Date{}, 48000), "18000", 9, arrs.ReasonBeforeClaims},
		// Part months: start 16 July (16/31 of July), end 10 January (10/31).
		// 48,000 × 0.5 / 12 = 2,000 a month; July 1,032.26; Aug–Dec 5 × 2,000; Jan 645.16.
		{"part months", staff("F", "first_contact_physiotherapist", "0.5", d(2023, 7, 16), d(2024, 1, 10), 48000), "11677.42", 7, arrs.ReasonNone},
		{"no maximum sourced", staff("P", "paramedic", "1", fy.Start(), des.Date{}, 50000), "0", 0, arrs.ReasonNoMaximum},
		{"not an ARRS role", staff("X", "consultant_nurse", "1", fy.Start(), des.Date{}, 50000), "0", 0, arrs.ReasonNotARRSRole},
		// GP eligible from October: 6 × 92,462/12 = 6 × 7,705.17.
		{"gp from october", staff("G", "general_practitioner", "1", fy.Start(), des.Date{}, 120000), "46231.02", 6, arrs.ReasonBeforeEligible},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{c.s})
			require.NoError(t, err)
			s := find(t, r, c.s.Name)
			requireMoney(t, c.claim, s.Claim.Decimal(), s.Explain())
			require.Equal(t, c.months, s.MonthsClaimed)
			if c.reason != arrs.ReasonNone {
				requireReason(t, s, c.reason)
				require.NotEmpty(t, r.Breaches)
			}
		})
	}
}

func TestHeadcountCapBySize(t *testing.T) {
	p := plan(t)
	fy := des.Year(2023)
	roster := []arrs.Staff{
		staff("C2", "clinical_pharmacist", "1", d(2023, 9, 1), des.Date{}, 50000),
		staff("C1", "clinical_pharmacist", "1", fy.Start(), des.Date{}, 50000),
	}
	small, err := p.Calculate(pcn(90000, 90000), roster)
	require.NoError(t, err)
	require.Equal(t, 9, find(t, small, "C1").MonthsClaimed) // first in post keeps the place
	require.Equal(t, 0, find(t, small, "C2").MonthsClaimed)
	requireReason(t, find(t, small, "C2"), arrs.ReasonCap)

	large, err := p.Calculate(pcn(100001, 100001), roster)
	require.NoError(t, err)
	require.Equal(t, 7, find(t, large, "C2").MonthsClaimed) // two allowed above 100,000
}

func TestWTECapAdmitsWhatFits(t *testing.T) {
	p := plan(t)
	fy := des.Year(2023)
	r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{
		staff("M1", "mental_health_practitioner", "0.6", fy.Start(), des.Date{}, 48000),
		staff("M2", "mental_health_practitioner", "0.6", d(2023, 5, 1), des.Date{}, 48000),
	})
	require.NoError(t, err)
	// M1: 9 × 48,000 × 0.6 × 0.5 / 12 = 9 × 1,200; M2 only 0.4 WTE fits: 9 × 800.
	requireMoney(t, "10800", find(t, r, "M1").Claim.Decimal())
	requireMoney(t, "7200", find(t, r, "M2").Claim.Decimal())
	requireReason(t, find(t, r, "M2"), arrs.ReasonCapPartial)
}

func TestLondonMaximaAndFallback(t *testing.T) {
	p := plan(t)
	fy := des.Year(2023)
	s := staff("L", "first_contact_physiotherapist", "1", fy.Start(), des.Date{}, 90000)
	s.London = arrs.OuterLondon
	r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{s})
	require.NoError(t, err)
	// Jul–Sep outer London 69,000/12 = 5,750; from October no outer figure is
	// sourced, so the national 65,838 applies: 6 × 5,486.50.
	requireMoney(t, "50169", find(t, r, "L").Claim.Decimal())
	require.Contains(t, find(t, r, "L").Explain(), "no outer-London figure sourced")
}

func TestPotsHeadroomAndRunOut(t *testing.T) {
	p := plan(t)
	fy := des.Year(2023)
	// Sum 2 × 10,000 = 20,000; GP pot 10,000 for Oct–Mar.
	r, err := p.Calculate(pcn(10000, 10000), []arrs.Staff{
		staff("F", "first_contact_physiotherapist", "1", fy.Start(), des.Date{}, 36000), // 3,000 a month from July
		staff("G", "general_practitioner", "1", fy.Start(), des.Date{}, 120000),
	})
	require.NoError(t, err)
	main, _ := r.Pot("main")
	requireMoney(t, "20000", main.Sum.Decimal())
	requireMoney(t, "27000", main.Claims.Decimal())
	requireMoney(t, "-7000", main.Headroom.Decimal())
	require.Equal(t, "2024-01", main.RunsOut) // 7 × 3,000 = 21,000 > 20,000
	gp, _ := r.Pot("gp")
	requireMoney(t, "10000", gp.Sum.Decimal())
	require.Equal(t, "2023-11", gp.RunsOut) // 2 × 7,705.17 > 10,000
	require.True(t, r.OverCommitted())
	requireMoney(t, r.Sum.Decimal().Sub(r.Claims.Decimal()).String(), r.Headroom.Decimal())
}

func TestAfford(t *testing.T) {
	p := plan(t)
	fy := des.Year(2023)
	roster := []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", fy.Start(), des.Date{}, 60000)}
	a, err := p.Afford(pcn(40000, 50000), roster, arrs.Hire{Role: "first_contact_physiotherapist", WTE: wte("1"), Start: d(2023, 10, 1)})
	require.NoError(t, err)
	// sum 100,000 − 45,000 = 55,000 before; a hire at the maximum from
	// October claims 6 × 5,486.50 = 32,919.
	requireMoney(t, "55000", a.HeadroomBefore.Decimal())
	requireMoney(t, "32919", a.ClaimPerWTE.Decimal())
	requireMoney(t, "22081", a.HeadroomAfter.Decimal())
	requireMoney(t, "1.67", a.MaxWTE) // 1.67 × 32,919 = 54,974.73 ≤ 55,000; 1.68 would exceed
	_, err = p.Afford(pcn(40000, 50000), roster, arrs.Hire{Role: "astronaut", WTE: wte("1"), Start: d(2023, 10, 1)})
	require.ErrorIs(t, err, des.ErrInvalid)
}

func TestBadRosterLinesNameTheField(t *testing.T) {
	p := plan(t)
	fy := des.Year(2023)
	bad := staff("B", "paramedic", "1", d(2023, 9, 1), d(2023, 8, 1), 50000)
	_, err := p.Calculate(pcn(1, 1), []arrs.Staff{bad})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "staff[0] (B).end")
	neg := staff("N", "paramedic", "1", fy.Start(), des.Date{}, -5)
	_, err = p.Calculate(pcn(1, 1), []arrs.Staff{neg})
	require.ErrorContains(t, err, "annual_cost")
	_, err = arrs.WTEOf(decimal.RequireFromString("-1"))
	require.ErrorIs(t, err, des.ErrInvalid)
}

// The fast integer path and the big-integer path agree, and the big path
// takes over where a WTE cut by a cap has a large denominator.
func TestClaimArithmeticPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for i := 0; i < 2000; i++ {
		costP := uint64(r.IntN(100_000_000))
		maxP := uint64(r.IntN(20_000_000))
		num, den := uint64(1+r.IntN(100000)), uint64(1+r.IntN(37500))
		days, dim := uint64(1+r.IntN(28)), uint64(28+r.IntN(4))
		pct := uint64(r.IntN(10001))
		capd := r.IntN(2) == 0
		require.Equal(t, arrs.ClaimBig(costP, maxP, num, den, days, dim, pct, capd), arrs.ClaimPennies(costP, maxP, num, den, days, dim, pct, capd))
	}
	// A WTE of 999,999,937/1,000,000,007 (a cap cut) goes the big way.
	require.Equal(t, int64(500000), arrs.ClaimPennies(12_000_000, 12_000_000, 999_999_937*2, 999_999_937*2, 30, 30, 5000, false))
}

func TestCapReasonText(t *testing.T) {
	p := plan(t)
	fy := des.Year(2023)
	r, err := p.Calculate(pcn(90000, 90000), []arrs.Staff{
		staff("C1", "clinical_pharmacist", "1", fy.Start(), des.Date{}, 50000),
		staff("C2", "clinical_pharmacist", "1", fy.Start().AddDays(1), des.Date{}, 50000),
	})
	require.NoError(t, err)
	require.Contains(t, reasonTexts(find(t, r, "C2")), "cap: beyond the cap of 1 clinical_pharmacist in post at once (test cap)")
	big, err := p.Calculate(pcn(100001, 90000), []arrs.Staff{
		staff("C1", "clinical_pharmacist", "1", fy.Start(), des.Date{}, 50000),
		staff("C2", "clinical_pharmacist", "1", fy.Start(), des.Date{}, 50000),
		staff("C3", "clinical_pharmacist", "1", fy.Start(), des.Date{}, 50000),
	})
	require.NoError(t, err)
	require.Contains(t, reasonTexts(find(t, big, "C3")), "cap: beyond the cap of 2 clinical_pharmacist in post at once (test cap)")
}

func reasonTexts(s arrs.StaffResult) []string {
	var out []string
	for _, r := range s.Reasons {
		out = append(out, r.String())
	}
	return out
}
