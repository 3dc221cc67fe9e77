package des_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/stretchr/testify/require"
)

const labelRules = `
year = "2022/23"

[[payment]]
id = "single"
name = "One labelled part"
  [[payment.part]]
  label = "core"
  basis = "registered"
    [[payment.part.value]]
    rate = "1.50"
    source = "test single"
    url = "https://example.org/single"
    confidence = "confirmed"

[[payment]]
id = "two"
name = "Two labelled parts"
  [[payment.part]]
  label = "first"
  basis = "registered"
    [[payment.part.value]]
    rate = "1.00"
    source = "test two"
    url = "https://example.org/two"
    confidence = "confirmed"
  [[payment.part]]
  label = "second"
  basis = "weighted"
    [[payment.part.value]]
    rate = "2.00"
    source = "test two"
    url = "https://example.org/two"
    confidence = "confirmed"
`

// A part's label names it only among several parts: a payment of one
// labelled part reads as its arithmetic alone; a payment of two names each
// and adds them up (lived mutants at entitle.go:942 and 965, issue 25).
// For one practice of 1,200 registered and 1,500 weighted patients:
//   - single: 1,200 × £1.50 = £1,800.00 (£150.00 a month);
//   - two: 1,200 × £1.00 = £1,200.00 (£100.00 a month) and 1,500 × £2.00 =
//     £3,000.00 (£250.00 a month), £4,200.00 in all;
//
// each source named once, after the arithmetic.
func TestPartLabelsOnlyAmongSeveralParts(t *testing.T) {
	rs, err := rulefile.Read("labels.toml", []byte(labelRules))
	require.NoError(t, err)
	pcn := des.PCN{Name: "L", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(1200), Weighted: des.WholeNumber(1500)}}}
	e, err := des.Entitle(rs, pcn, des.Options{})
	require.NoError(t, err)
	single, _ := e.Payment("single")
	require.Equal(t, "single: 1,200 registered × £1.50 a year × 12/12 = £1,800.00 "+
		"(source: test single <https://example.org/single> [confirmed])", single.Explain())
	two, _ := e.Payment("two")
	require.Equal(t, "two: first: 1,200 registered × £1.00 a year × 12/12 = £1,200.00 + "+
		"second: 1,500 weighted × £2.00 a year × 12/12 = £3,000.00 = £4,200.00 "+
		"(source: test two <https://example.org/two> [confirmed])", two.Explain())
}

// A payment to each practice of a PCN that lists no practices has no part
// and no value used: its explanation names no source, not an empty
// "(source: )" (lived mutant at entitle.go:917, issue 25). The amount is
// nothing.
func TestExplainNoPartsNamesNoSource(t *testing.T) {
	rs, err := rulefile.Read("npp.toml", []byte(`
year = "2022/23"

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
`))
	require.NoError(t, err)
	e, err := des.Entitle(rs, des.PCN{Name: "Empty"}, des.Options{})
	require.NoError(t, err)
	npp, _ := e.Payment("network_participation")
	requireMoney(t, "0", npp.Total)
	require.Empty(t, npp.Parts)
	require.Equal(t, "network_participation: paid to each practice on its own figures: ", npp.Explain())
}

// A value no source gives (here derived: a revised total split between the
// parts in proportion) says so in the arithmetic; a sourced one says
// nothing (lived mutant at entitle.go:1000, issue 25). The total of £1.00
// + £2.00 = £3.00 per patient is revised to £4.50 from October: £1.00 ×
// 4.50 ÷ 3.00 = £1.50 and £2.00 × 4.50 ÷ 3.00 = £3.00. For 1,200
// registered and 1,500 weighted patients: 1,200 × (£1.00 × 6/12 + £1.50 ×
// 6/12) = £600.00 + £900.00 = £1,500.00; 1,500 × (£2.00 × 6/12 + £3.00 ×
// 6/12) = £1,500.00 + £2,250.00 = £3,750.00; £5,250.00 in all.
func TestExplainDerivedValueSaysNoSourceGivesIt(t *testing.T) {
	rs, err := rulefile.Read("derived.toml", []byte(`
year = "2022/23"

[[payment]]
id = "core"
name = "Core"
  [[payment.part]]
  label = "a"
  basis = "registered"
    [[payment.part.value]]
    rate = "1.00"
    announced = 2022-03-01
    source = "test"
    url = "https://example.org/a"
    confidence = "confirmed"
  [[payment.part]]
  label = "b"
  basis = "weighted"
    [[payment.part.value]]
    rate = "2.00"
    announced = 2022-03-01
    source = "test"
    url = "https://example.org/b"
    confidence = "confirmed"
  [[payment.total]]
  rate = "4.50"
  from = 2022-10-01
  announced = 2022-09-01
  source = "test total"
  url = "https://example.org/total"
  confidence = "confirmed"
`))
	require.NoError(t, err)
	pcn := des.PCN{Name: "D", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(1200), Weighted: des.WholeNumber(1500)}}}
	e, err := des.Entitle(rs, pcn, des.Options{})
	require.NoError(t, err)
	core, _ := e.Payment("core")
	require.Equal(t, "a: 1,200 registered × (£1.00 a year × 6/12 (2022-04-01 to 2022-09-30) + "+
		"£1.50 a year × 6/12 (2022-10-01 to 2023-03-31) [derived: no source gives it]) = £1,500.00 + "+
		"b: 1,500 weighted × (£2.00 a year × 6/12 (2022-04-01 to 2022-09-30) + "+
		"£3.00 a year × 6/12 (2022-10-01 to 2023-03-31) [derived: no source gives it]) = £3,750.00 = £5,250.00",
		core.Arithmetic())
}
