package des_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/shopspring/decimal"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

// Rates as the 2025/26 DES states them (core £2.266 registered + £0.733
// adjusted, network participation £1.761 per weighted patient paid to each
// practice, ARRS £26.631 per weighted patient) and the 2019/20 clinical
// director rate (£0.5143 per patient for July–March, spread over nine
// months), here on the adjusted list so that every basis is different.
const tieRules = `
year = "2025/26"

[[payment]]
id = "core_pcn_funding"
name = "Core PCN funding"
  [[payment.part]]
  label = "registered list part"
  basis = "registered"
    [[payment.part.value]]
    rate = "2.266"
    source = "test"
    url = "https://example.org/core"
    confidence = "confirmed"
  [[payment.part]]
  label = "adjusted population part"
  basis = "adjusted"
    [[payment.part.value]]
    rate = "0.733"
    source = "test"
    url = "https://example.org/core"
    confidence = "confirmed"

[[payment]]
id = "network_participation"
name = "Network Participation Payment"
paid_to = "practice"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1.761"
    source = "test"
    url = "https://example.org/npp"
    confidence = "confirmed"

[[payment]]
id = "clinical_director"
name = "Clinical director"
  [[payment.part]]
  basis = "adjusted"
  stated = "period"
  from = 2025-07-01
  to = 2026-03-31
    [[payment.part.value]]
    rate = "0.5143"
    source = "test"
    url = "https://example.org/cd"
    confidence = "confirmed"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "26.631"
    source = "test"
    url = "https://example.org/arrs"
    confidence = "confirmed"
`

// tiePCN's lists are chosen so that every amount lands exactly on a half
// penny with an even penny below it, where half-up and half-even differ:
// registered 45,030, weighted 30,015 (20,060 + 9,955), adjusted 40,950.
func tiePCN() des.PCN {
	return des.PCN{Name: "Ties", Practices: []des.Practice{
		{Name: "P1", Registered: des.WholeNumber(25000), Weighted: des.WholeNumber(20060), Adjusted: des.WholeNumber(22000), CareHomeBeds: des.WholeNumber(0)},
		{Name: "P2", Registered: des.WholeNumber(20030), Weighted: des.WholeNumber(9955), Adjusted: des.WholeNumber(18950), CareHomeBeds: des.WholeNumber(0)},
	}}
}

// Half-penny ties are rounded half-up (away from zero), never to even, in
// monthly payments, per-practice payments, amounts for a period and an
// ARRS sum rounded once.
func TestEntitlementHalfPennyTiesRoundUp(t *testing.T) {
	rs, err := rulefile.Read("ties.toml", []byte(tieRules))
	require.NoError(t, err)
	e, err := des.Entitle(rs, tiePCN(), des.Options{})
	require.NoError(t, err)

	core, ok := e.Payment("core_pcn_funding")
	require.True(t, ok)
	// registered part: £2.266 × 45,030 ÷ 12 = £8,503.165 → £8,503.17 (half-even: .16);
	// adjusted part: £0.733 × 40,950 ÷ 12 = £2,501.3625 → £2,501.36.
	// A month: £11,004.53; the year 12 × £11,004.53 = £132,054.36.
	for m := range core.Months {
		requireMoney(t, "11004.53", core.Months[m], "core month", m)
	}
	requireMoney(t, "102038.04", core.Parts[0].Amount, "12 × £8,503.17")
	requireMoney(t, "30016.32", core.Parts[1].Amount, "12 × £2,501.36")
	requireMoney(t, "132054.36", core.Total)

	npp, ok := e.Payment("network_participation")
	require.True(t, ok)
	// P1: £1.761 × 20,060 ÷ 12 = £2,943.805 → £2,943.81 (half-even: .80);
	// P2: £1.761 × 9,955 ÷ 12 = £1,460.896 → £1,460.90. A month £4,404.71.
	require.Len(t, npp.Parts, 2)
	requireMoney(t, "35325.72", npp.Parts[0].Amount, "12 × £2,943.81")
	requireMoney(t, "17530.80", npp.Parts[1].Amount, "12 × £1,460.90")
	requireMoney(t, "4404.71", npp.Months[0])
	requireMoney(t, "52856.52", npp.Total)

	cd, ok := e.Payment("clinical_director")
	require.True(t, ok)
	// £0.5143 × 40,950 = £21,060.585 over nine months: £2,340.065 → £2,340.07
	// (half-even: .06); nothing in April–June.
	for m := 0; m < 3; m++ {
		requireMoney(t, "0", cd.Months[m])
	}
	for m := 3; m < 12; m++ {
		requireMoney(t, "2340.07", cd.Months[m], "month", m)
	}
	requireMoney(t, "21060.63", cd.Total, "9 × £2,340.07")

	sum, ok := e.ARRSSum("main")
	require.True(t, ok)
	// Rounded once: £26.631 × 30,015 = £799,329.465 → £799,329.47 (half-even: .46).
	requireMoney(t, "799329.47", sum.Total)

	// The total is the sum of the rounded payments.
	requireMoney(t, "205971.51", e.Total, "132,054.36 + 52,856.52 + 21,060.63")
}

// RoundPenny is half-up at every half penny, whichever penny is below.
func TestRoundPennyTies(t *testing.T) {
	for in, want := range map[string]string{
		"0.005": "0.01", "0.015": "0.02", "0.025": "0.03", "8503.165": "8503.17",
		"799329.465": "799329.47", "2340.065": "2340.07", "0.0049999": "0", "1.00500000001": "1.01",
	} {
		requireMoney(t, want, money.RoundPenny(decimal.RequireFromString(in)), in)
	}
}
