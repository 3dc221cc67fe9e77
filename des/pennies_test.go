package des_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// One payment on each basis, a size scale, a period and a rate of six
// places, for Entitler.Pennies (the fast path) against the same figures
// worked by hand (lived mutants at entitle.go:287, 499, 508 and 510,
// issue 25).
const pennyRules = `
year = "2022/23"

[[payment]]
id = "core"
name = "Core"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "1.50"
    source = "test"
    url = "https://example.org/core"
    confidence = "confirmed"

[[payment]]
id = "npp"
name = "Network participation"
paid_to = "practice"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1.761"
    source = "test"
    url = "https://example.org/npp"
    confidence = "confirmed"

[[payment]]
id = "beds"
name = "Care home premium"
  [[payment.part]]
  basis = "care_home_beds"
  stated = "period"
  from = 2022-10-01
  to = 2023-03-31
    [[payment.part.value]]
    rate = "60"
    from = 2022-10-01
    source = "test"
    url = "https://example.org/beds"
    confidence = "confirmed"

[[payment]]
id = "fixed"
name = "Fixed, doubled above 40,000 registered"
  [[payment.part]]
  basis = "fixed"
  scale = [{above = 40000, factor = "2"}]
    [[payment.part.value]]
    rate = "1200"
    source = "test"
    url = "https://example.org/fixed"
    confidence = "confirmed"

[[payment]]
id = "adjusted"
name = "Adjusted, a rate of six places"
  [[payment.part]]
  basis = "adjusted"
    [[payment.part.value]]
    rate = "2.123456"
    source = "test"
    url = "https://example.org/adjusted"
    confidence = "confirmed"

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
    confidence = "confirmed"

[[payment]]
id = "per_practice"
name = "Registered, to each practice"
paid_to = "practice"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "1.20"
    source = "test"
    url = "https://example.org/per_practice"
    confidence = "confirmed"
`

// testPCN: registered 20,000 + 25,000 = 45,000; weighted 20,000.5 +
// 29,999.5 = 50,000; adjusted 19,000 + 26,000 = 45,000; care home beds 10 +
// 0 = 10. In pennies:
//   - core: 45,000 × £1.50 ÷ 12 = £5,625.00 a month, £67,500.00;
//   - npp, each practice on its own list: 20,000.5 × £1.761 ÷ 12 =
//     £2,935.073375 → £2,935.07, × 12 = £35,220.84; 29,999.5 × £1.761 ÷ 12 =
//     £4,402.426625 → £4,402.43, × 12 = £52,829.16; £88,050.00 in all;
//   - beds: 10 × £60 for October to March, ÷ 6 = £100.00 a month, £600.00;
//   - fixed: 45,000 registered is above 40,000, so 2 × £1,200 ÷ 12 =
//     £200.00 a month, £2,400.00;
//   - adjusted: 45,000 × £2.123456 ÷ 12 = £7,962.96 a month exactly,
//     £95,555.52;
//   - arrs (a sum, not a payment): 50,000 × £16.696 = £834,800.00;
//   - per_practice, each practice on its own registered list: 20,000 ×
//     £1.20 = £24,000.00 (£2,000.00 a month) and 25,000 × £1.20 =
//     £30,000.00 (£2,500.00 a month), £54,000.00 in all.
//
// The total leaves the ARRS sum out: £67,500.00 + £88,050.00 + £600.00 +
// £2,400.00 + £95,555.52 + £54,000.00 = £308,105.52. The practices in the
// other order (the larger first) give the same.
func TestPenniesEachBasisByHand(t *testing.T) {
	rs, err := rulefile.Read("pennies.toml", []byte(pennyRules))
	require.NoError(t, err)
	e, err := des.NewEntitler(rs, des.Options{})
	require.NoError(t, err)
	pcn := testPCN()
	out := make([]int64, 7)
	total, ok := e.Pennies(&pcn, out)
	require.True(t, ok, "every figure and rate is within the fast path (a rate of six places included)")
	require.Equal(t, []int64{6_750_000, 8_805_000, 60_000, 240_000, 9_555_552, 83_480_000, 5_400_000}, out)
	require.Equal(t, int64(30_810_552), total)
	swapped := testPCN()
	swapped.Practices[0], swapped.Practices[1] = swapped.Practices[1], swapped.Practices[0]
	total, ok = e.Pennies(&swapped, out)
	require.True(t, ok, "the larger practice first")
	require.Equal(t, []int64{6_750_000, 8_805_000, 60_000, 240_000, 9_555_552, 83_480_000, 5_400_000}, out)
	require.Equal(t, int64(30_810_552), total)

	// Entitle gives the same, with each practice's months on its part and
	// the PCN's months on the payment alone.
	en, err := e.Entitle(pcn)
	require.NoError(t, err)
	requireMoney(t, "308105.52", en.Total)
	npp, _ := en.Payment("npp")
	require.Len(t, npp.Parts, 2)
	require.Len(t, npp.Parts[0].Months, 12)
	requireMoney(t, "2935.07", npp.Parts[0].Months[0], "practice A, April")
	requireMoney(t, "4402.43", npp.Parts[1].Months[11], "practice B, March")
	requireMoney(t, "7337.50", npp.Months[0], "both practices, April")
	core, _ := en.Payment("core")
	require.Empty(t, core.Parts[0].Months, "a part paid to the PCN: its months are the payment's")
	requireMoney(t, "5625", core.Months[0])
	fixed, _ := en.Payment("fixed")
	require.Equal(t, "2 × £1,200.00 a year × 12/12 = £2,400.00", fixed.Arithmetic())

	// At exactly 40,000 registered the PCN is not above the step: £1,200.00.
	small := des.PCN{Name: "S", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(40_000),
		Weighted: des.WholeNumber(40_000), Adjusted: des.WholeNumber(40_000), CareHomeBeds: des.WholeNumber(0)}}}
	_, ok = e.Pennies(&small, out)
	require.True(t, ok)
	require.Equal(t, int64(120_000), out[3], "fixed at 40,000: £1,200.00, not doubled")
}

// A figure built as 1 × 10^6 (exponent 6, from decimal.New or a string
// such as "1e6") is a whole number of a million: the fast path takes it.
// 1,000,000 weighted × £1.761 ÷ 12 = £146,750.00 a month, £1,761,000.00 a
// year; the ARRS sum 1,000,000 × £16.696 = £16,696,000.00.
func TestPenniesFigureOfExponentSix(t *testing.T) {
	rs, err := rulefile.Read("pennies.toml", []byte(pennyRules))
	require.NoError(t, err)
	e, err := des.NewEntitler(rs, des.Options{})
	require.NoError(t, err)
	pcn := des.PCN{Name: "M", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(1),
		Weighted: des.NumberOf(decimal.New(1, 6)), Adjusted: des.WholeNumber(0), CareHomeBeds: des.WholeNumber(0)}}}
	out := make([]int64, 7)
	_, ok := e.Pennies(&pcn, out)
	require.True(t, ok)
	require.Equal(t, int64(176_100_000), out[1])
	require.Equal(t, int64(1_669_600_000), out[5])
}

// Pennies leaves to Entitle what it cannot answer alone: no PCN, a PCN
// without practices, a practice without a name, a figure missing, negative,
// not whole where it must be, or of more than six places; and an out too
// short for the payments.
func TestPenniesLeavesToEntitle(t *testing.T) {
	rs, err := rulefile.Read("pennies.toml", []byte(pennyRules))
	require.NoError(t, err)
	e, err := des.NewEntitler(rs, des.Options{})
	require.NoError(t, err)
	out := make([]int64, 7)
	_, ok := e.Pennies(nil, out)
	require.False(t, ok, "no PCN")
	pcn := testPCN()
	_, ok = e.Pennies(&pcn, out[:6])
	require.False(t, ok, "out shorter than the payments")
	for name, change := range map[string]func(*des.PCN){
		"no practices":        func(p *des.PCN) { p.Practices = nil },
		"no name":             func(p *des.PCN) { p.Practices[1].Name = " " },
		"registered missing":  func(p *des.PCN) { p.Practices[0].Registered = des.Number{} },
		"adjusted negative":   func(p *des.PCN) { p.Practices[1].Adjusted = des.WholeNumber(-1) },
		"registered fraction": func(p *des.PCN) { p.Practices[0].Registered = des.MustParseNumber("20000.5") },
		"beds fraction":       func(p *des.PCN) { p.Practices[0].CareHomeBeds = des.MustParseNumber("10.5") },
		"seven places":        func(p *des.PCN) { p.Practices[0].Weighted = des.MustParseNumber("20000.0000001") },
	} {
		p := testPCN()
		change(&p)
		_, ok := e.Pennies(&p, out)
		require.False(t, ok, name)
		_, err := e.Entitle(p)
		require.Error(t, err, name)
	}
}

// A figure of exactly 100,000,000 (the population of England, the most
// Validate accepts) stays on the fast path; a millionth more is refused
// by both (lived mutant at entitle.go:412 once Pennies was covered, issue
// 25). 100,000,000 weighted × £1.761 ÷ 12 = £14,675,000.00 a month,
// £176,100,000.00 a year.
func TestPenniesPopulationOfEngland(t *testing.T) {
	rs, err := rulefile.Read("pennies.toml", []byte(pennyRules))
	require.NoError(t, err)
	e, err := des.NewEntitler(rs, des.Options{})
	require.NoError(t, err)
	pcn := des.PCN{Name: "E", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(1),
		Weighted: des.WholeNumber(100_000_000), Adjusted: des.WholeNumber(0), CareHomeBeds: des.WholeNumber(0)}}}
	out := make([]int64, 7)
	_, ok := e.Pennies(&pcn, out)
	require.True(t, ok)
	require.Equal(t, int64(17_610_000_000), out[1])
	pcn.Practices[0].Weighted = des.MustParseNumber("100000000.000001")
	_, ok = e.Pennies(&pcn, out)
	require.False(t, ok)
	_, err = e.Entitle(pcn)
	require.ErrorIs(t, err, des.ErrInvalid)
}

// A size step is "above" its size on both paths: a step above 0 (which a
// rule set built in code may hold; the rule file wants a positive size)
// does not apply to a PCN of no registered patients, and a step above -1
// does. The fixed £1,200 a year with a factor of 3: £1,200.00 or
// £3,600.00 (lived mutant at entitle.go:367 once Pennies was covered,
// issue 25).
func TestPenniesStepAboveZero(t *testing.T) {
	rs, err := rulefile.Read("pennies.toml", []byte(pennyRules))
	require.NoError(t, err)
	pcn := des.PCN{Name: "Z", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(0),
		Weighted: des.WholeNumber(0), Adjusted: des.WholeNumber(0), CareHomeBeds: des.WholeNumber(0)}}}
	for above, want := range map[int64]int64{0: 120_000, -1: 360_000} {
		c := rs.Contents()
		c.Payments[3].Parts[0].Scale = []des.Step{{Above: above, Factor: decimal.NewFromInt(3)}}
		e, err := des.NewEntitler(des.NewRuleSet(c), des.Options{})
		require.NoError(t, err)
		out := make([]int64, 7)
		_, ok := e.Pennies(&pcn, out)
		require.True(t, ok)
		require.Equal(t, want, out[3], "above %d", above)
		en, err := e.Entitle(pcn)
		require.NoError(t, err)
		fixed, _ := en.Payment("fixed")
		require.Equal(t, want, fixed.Total.Pennies(), "above %d, explained", above)
	}
}
