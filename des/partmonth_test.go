package des_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/stretchr/testify/require"
)

// A rate that changes mid-month, on a list whose monthly rounding shows, so
// the explanation writes out every month (lived mutants at entitle.go:557,
// 583, 588 and 605, issue 25).
const partMonthRules = `
year = "2022/23"

[[payment]]
id = "enhanced_access"
name = "Enhanced access"
  [[payment.part]]
  basis = "adjusted"
    [[payment.part.value]]
    rate = "8.00"
    source = "test"
    url = "https://example.org/ea"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "9.00"
    from = 2022-10-16
    source = "test"
    url = "https://example.org/ea"
    confidence = "confirmed"
`

// £8.00 a year from April 2022, £9.00 from 16 October, on an adjusted list
// of 1,000:
//   - April to September, six whole months at £8.00: 1,000 × £8.00 ÷ 12 =
//     £666.666666… → £666.67 each;
//   - November to March, five whole months at £9.00: 1,000 × £9.00 ÷ 12 =
//     £750.00 each;
//   - October, 15 days at £8.00 (1–15) and 16 at £9.00 (16–31): 1,000 ×
//     (£8.00 × 15 + £9.00 × 16) ÷ (31 × 12) = 1,000 × 264 ÷ 372 =
//     £709.677419… → £709.68.
//
// The months add up to 6 × £666.67 + £709.68 + 5 × £750.00 = £4,000.02 +
// £709.68 + £3,750.00 = £8,459.70; the year unrounded is £4,000 + £750 × 5
// + £709.67741935483870967742 (to 20 places) = £8,459.67741935483870967742,
// which rounds to £8,459.68: the months' rounding shows, so the working
// writes them out. Each value is used for its whole months plus its days of
// October: £8.00 for 6 + 15/31 = 6.4839 months (shown 6.48), £9.00 for 5 +
// 16/31 = 5.5161 (shown 5.52).
func TestPartMonthWorkingAndMonthsUsed(t *testing.T) {
	rs, err := rulefile.Read("pm.toml", []byte(partMonthRules))
	require.NoError(t, err)
	pcn := des.PCN{Name: "PM", Practices: []des.Practice{{Name: "P", Adjusted: des.WholeNumber(1000)}}}
	e, err := des.Entitle(rs, pcn, des.Options{})
	require.NoError(t, err)
	ea, ok := e.Payment("enhanced_access")
	require.True(t, ok)
	requireMoney(t, "8459.70", ea.Total)
	requireMoney(t, "709.68", ea.Months[6], "October")

	rates := ea.Parts[0].Rates
	require.Len(t, rates, 2)
	require.Equal(t, "6.4839", rates[0].Months.String(), "£8.00: 6 whole months and 15/31 of October")
	require.Equal(t, "5.5161", rates[1].Months.String(), "£9.00: 5 whole months and 16/31 of October")

	require.Equal(t, "1,000 adjusted × (£8.00 a year × 6.48/12 (2022-04-01 to 2022-10-15) + "+
		"£9.00 a year × 5.52/12 (2022-10-16 to 2023-03-31)) = £8,459.67741935483870967742, "+
		"paid monthly (each month rounded half-up to the penny): "+
		"6 × (1,000 × £8.00 ÷ 12 = £666.666667… → £666.67) + "+
		"5 × (1,000 × £9.00 ÷ 12 = £750.00 → £750.00) + "+
		"2022-10: 1,000 × (£8.00 × 15 days + £9.00 × 16 days) ÷ (31 × 12) = £709.677419… → £709.68 = £8,459.70",
		ea.Arithmetic())
}

// An annual part for April to December only, whose monthly rounding shows:
// 1,000 × £8.00 ÷ 12 = £666.666666… → £666.67 for nine months = £6,000.03,
// against 1,000 × £8.00 × 9/12 = £6,000.00 rounded once. The months after
// the part pay nothing and are not written out (a month the part does not
// reach has no divisor).
func TestPartYearWorkingSkipsMonthsAfterThePart(t *testing.T) {
	rs, err := rulefile.Read("py.toml", []byte(`
year = "2022/23"

[[payment]]
id = "py"
name = "Part year"
  [[payment.part]]
  basis = "adjusted"
  from = 2022-04-01
  to = 2022-12-31
    [[payment.part.value]]
    rate = "8.00"
    source = "test"
    url = "https://example.org/py"
    confidence = "confirmed"
`))
	require.NoError(t, err)
	pcn := des.PCN{Name: "PY", Practices: []des.Practice{{Name: "P", Adjusted: des.WholeNumber(1000)}}}
	e, err := des.Entitle(rs, pcn, des.Options{})
	require.NoError(t, err)
	py, _ := e.Payment("py")
	requireMoney(t, "6000.03", py.Total)
	requireMoney(t, "0", py.Months[9], "January")
	require.Equal(t, "1,000 adjusted × £8.00 a year × 9/12 = £6,000.00, paid monthly (each month rounded half-up "+
		"to the penny): 9 × (1,000 × £8.00 ÷ 12 = £666.666667… → £666.67) = £6,000.03", py.Arithmetic())
}
