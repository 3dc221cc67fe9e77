package des_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func requireMoney(t *testing.T, want string, amount any, msg ...any) {
	t.Helper()
	var got decimal.Decimal
	switch v := amount.(type) {
	case decimal.Decimal:
		got = v
	case des.Money:
		got = v.Decimal()
	default:
		t.Fatalf("requireMoney of a %T", amount)
	}
	if !decimal.RequireFromString(want).Equal(got) {
		t.Fatalf("want £%s, got £%s %v", want, got.StringFixed(2), msg)
	}
}

const testRules = `
year = "2022/23"

[[payment]]
id = "core_pcn_funding"
name = "Core PCN funding"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "1.50"
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
id = "extended_hours_access"
name = "Extended hours access"
  [[payment.part]]
  basis = "registered"
  stated = "period"
  from = 2022-04-01
  to = 2022-09-30
    [[payment.part.value]]
    rate = "0.720"
    source = "test"
    url = "https://example.org/eha"
    confidence = "confirmed"

[[payment]]
id = "enhanced_access"
name = "Enhanced access"
  [[payment.part]]
  basis = "adjusted"
    [[payment.part.value]]
    rate = "7.00"
    from = 2022-04-01
    announced = 2022-03-01
    source = "test original"
    url = "https://example.org/ea"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "8.00"
    from = 2022-04-01
    announced = 2022-09-26
    source = "test revision"
    url = "https://example.org/ea2"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "9.00"
    from = 2022-10-16
    source = "test mid-month change"
    url = "https://example.org/ea3"
    confidence = "uncertain"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "16.696"
    source = "test"
    url = "https://example.org/arrs"
    confidence = "single"
`

func testPCN() des.PCN {
	return des.PCN{Name: "Test PCN", Practices: []des.Practice{
		{Name: "A", Registered: des.WholeNumber(20000), Weighted: des.MustParseNumber("20000.5"), Adjusted: des.WholeNumber(19000), CareHomeBeds: des.WholeNumber(10)},
		{Name: "B", Registered: des.WholeNumber(25000), Weighted: des.MustParseNumber("29999.5"), Adjusted: des.WholeNumber(26000), CareHomeBeds: des.WholeNumber(0)},
	}}
}

func TestEntitleWorkedArithmetic(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	e, err := des.Entitle(rs, testPCN(), des.Options{})
	require.NoError(t, err)

	core, ok := e.Payment("core_pcn_funding")
	require.True(t, ok)
	requireMoney(t, "67500", core.Total) // 45,000 × £1.50
	require.Contains(t, core.Explain(), "core_pcn_funding: 45,000 registered × £1.50 a year × 12/12 = £67,500.00 (source: test")

	// NPP: each practice on its own list, rounded monthly per practice.
	npp, _ := e.Payment("network_participation")
	require.Len(t, npp.Parts, 2)
	// 20000.5 × 1.761 / 12 = 2935.0733 → 2935.07 × 12 = 35220.84
	requireMoney(t, "35220.84", npp.Parts[0].Amount)
	// 29999.5 × 1.761 / 12 = 4402.4266 → 4402.43 × 12 = 52829.16
	requireMoney(t, "52829.16", npp.Parts[1].Amount)
	requireMoney(t, "88050.00", npp.Total)

	// EHA: £0.720 for April–September over six months.
	eha, _ := e.Payment("extended_hours_access")
	requireMoney(t, "32400", eha.Total)
	requireMoney(t, "5400", eha.Months[0])
	requireMoney(t, "0", eha.Months[6])

	// Enhanced access: revised 7 → 8 backdated; 9 from 16 October.
	ea, _ := e.Payment("enhanced_access")
	// Apr–Sep: 45,000 × 8 / 12 = 30,000 a month. October: 15 days at 8, 16 at 9.
	oct := decimal.NewFromInt(45000).Mul(decimal.NewFromInt(8*15+9*16)).DivRound(decimal.NewFromInt(31*12), 2)
	requireMoney(t, oct.String(), ea.Months[6])
	requireMoney(t, "33750", ea.Months[7]) // 45,000 × 9 / 12
	require.Contains(t, ea.Explain(), "was £7.00")

	// As at before the revision, the original rate applies.
	e0, err := des.Entitle(rs, testPCN(), des.Options{AsAt: des.MustDate(2022, 6, 1)})
	require.NoError(t, err)
	ea0, _ := e0.Payment("enhanced_access")
	requireMoney(t, "26250", ea0.Months[0]) // 45,000 × 7 / 12

	// ARRS sum: rounded once. 50,000 × 16.696 = 834,800.
	arrs, ok := e.ARRSSum("main")
	require.True(t, ok)
	requireMoney(t, "834800", arrs.Total)
	require.Empty(t, arrs.Months)

	// Months add up to the year, payments to the total.
	total := decimal.Zero
	for _, p := range e.Payments {
		sum := decimal.Zero
		for _, m := range p.Months {
			sum = sum.Add(m.Decimal())
		}
		requireMoney(t, p.Total.Plain(), sum, p.ID)
		total = total.Add(p.Total.Decimal())
	}
	requireMoney(t, e.Total.Plain(), total)
}

func TestEntitleMissingFigureNamesPracticeFieldAndPayment(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	pcn := testPCN()
	pcn.Practices[1].Adjusted = des.Number{}
	_, err = des.Entitle(rs, pcn, des.Options{})
	require.ErrorIs(t, err, des.ErrMissingFigure)
	var mf *des.MissingFigureError
	require.ErrorAs(t, err, &mf)
	require.Equal(t, "B", mf.Practice)
	require.Equal(t, "adjusted", mf.Field)
	require.Equal(t, "enhanced_access", mf.Payment)
	require.True(t, strings.Contains(err.Error(), "practices[1] (B)"), err.Error())
}
