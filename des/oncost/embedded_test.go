package oncost_test

// Issue 25: on-costs on the embedded rules (rates/oncosts.toml), each figure
// worked by hand from the rule: employer NI = rate × (pay − the secondary
// threshold of the period), a monthly pay period's NI rounded to the penny
// with half a penny or less disregarded, the annual figure's half-up; the
// pension 14.38% of pay, half-up; the rules of the payment date, the tax
// year starting on 6 April.

import (
	"os"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func requireBreakdown(t *testing.T, b oncost.Breakdown, ni, pension, total string, msg ...any) {
	t.Helper()
	dec := decimal.RequireFromString
	require.True(t, dec(ni).Equal(b.EmployerNI), "NI: want £%s, got £%s %v", ni, b.EmployerNI, msg)
	require.True(t, dec(pension).Equal(b.Pension), "pension: want £%s, got £%s %v", pension, b.Pension, msg)
	require.True(t, dec(total).Equal(b.Total), "total: want £%s, got £%s %v", total, b.Total, msg)
}

// A month's pay of £3,333.58 (a £40,003 salary ÷ 12, to the penny):
//   - paid 15 April 2025 (tax year 2025/26: 15% above £417 a month): NI 15% ×
//     £2,916.58 = £437.487 → £437.49; pension 14.38% × £3,333.58 =
//     £479.368804 → £479.37; total £4,250.44;
//   - paid 6 April 2025, the first day of the tax year: the same;
//   - paid 5 April 2025 (still 2024/25: 13.8% above £758): NI 13.8% ×
//     £2,575.58 = £355.43004 → £355.43; total £4,168.38.
func TestPayCostTakesTheTaxYearOfThePaymentDate(t *testing.T) {
	o, err := rates.OnCosts()
	require.NoError(t, err)
	pay := decimal.RequireFromString("3333.58")
	for on, want := range map[des.Date][3]string{
		des.MustDate(2025, 4, 15): {"437.49", "479.37", "4250.44"},
		des.MustDate(2025, 4, 6):  {"437.49", "479.37", "4250.44"},
		des.MustDate(2025, 4, 5):  {"355.43", "479.37", "4168.38"},
	} {
		b, err := o.PayCost(pay, on, oncost.Options{})
		require.NoError(t, err)
		requireBreakdown(t, b, want[0], want[1], want[2], "paid ", on)
	}
	// 2022/23 changed mid-year: 15.05% to 5 November 2022, 13.8% from 6
	// November (monthly threshold £758 throughout). Pay £3,000.00: NI
	// 15.05% × £2,242 = £337.421 → £337.42 in October, 13.8% × £2,242 =
	// £309.396 → £309.40 in November; pension £431.40.
	b, err := o.PayCost(decimal.NewFromInt(3000), des.MustDate(2022, 10, 15), oncost.Options{})
	require.NoError(t, err)
	requireBreakdown(t, b, "337.42", "431.40", "3768.82")
	b, err = o.PayCost(decimal.NewFromInt(3000), des.MustDate(2022, 11, 15), oncost.Options{})
	require.NoError(t, err)
	requireBreakdown(t, b, "309.40", "431.40", "3740.80")
}

// Rounding: NI on a month's pay disregards half a penny or less (pay
// £1,417.10: 15% × £1,000.10 = £150.015 → £150.01, where half-up would give
// £150.02; pension 14.38% × £1,417.10 = £203.77898 → £203.78 up, not
// truncated to £203.77); a pay of £3,333.58 has NI £437.487 → £437.49, not
// truncated to £437.48. On an annual salary (EmployerCost, as the maxima are
// built) both round half-up: £40,004 on 6 April 2025, NI 15% × (£40,004 −
// £5,000) = £5,250.60, pension 14.38% × £40,004 = £5,752.5752 → £5,752.58,
// total £51,007.18; on 5 April 2025, NI 13.8% × (£40,004 − £9,100) =
// £4,264.752 → £4,264.75, total £50,021.33.
func TestOnCostRoundingOnTheEmbeddedRules(t *testing.T) {
	o, err := rates.OnCosts()
	require.NoError(t, err)
	b, err := o.PayCost(decimal.RequireFromString("1417.10"), des.MustDate(2025, 5, 15), oncost.Options{})
	require.NoError(t, err)
	requireBreakdown(t, b, "150.01", "203.78", "1770.89")
	b, err = o.EmployerCost(decimal.NewFromInt(40004), oncost.TaxYearStart(2025), oncost.Options{})
	require.NoError(t, err)
	requireBreakdown(t, b, "5250.60", "5752.58", "51007.18")
	b, err = o.EmployerCost(decimal.NewFromInt(40004), des.MustDate(2025, 4, 5), oncost.Options{})
	require.NoError(t, err)
	requireBreakdown(t, b, "4264.75", "5752.58", "50021.33")
	// Below the threshold there is no NI: £400 in May 2025 (under £417).
	b, err = o.PayCost(decimal.NewFromInt(400), des.MustDate(2025, 5, 15), oncost.Options{})
	require.NoError(t, err)
	requireBreakdown(t, b, "0", "57.52", "457.52") // 14.38% × £400 = £57.52
	// The apprenticeship levy, when the employer pays it: 0.5% × £40,004 =
	// £200.02.
	b, err = o.EmployerCost(decimal.NewFromInt(40004), oncost.TaxYearStart(2025), oncost.Options{Levy: true})
	require.NoError(t, err)
	require.True(t, decimal.RequireFromString("200.02").Equal(b.Levy), "levy %s", b.Levy)
	require.True(t, decimal.RequireFromString("51207.20").Equal(b.Total), "total %s", b.Total)
}

// The explanation writes each product before its rounding only when it has
// more than two places, and the NI rounding note only then: pay £1,417.20
// in May 2025, NI 15% × £1,000.20 = £150.03 exactly, pension 14.38% ×
// £1,417.20 = £203.79336 → £203.79, total £1,771.02.
func TestExplainWritesTheRoundingOnlyWhenThereIsSome(t *testing.T) {
	o, err := rates.OnCosts()
	require.NoError(t, err)
	b, err := o.PayCost(decimal.RequireFromString("1417.20"), des.MustDate(2025, 5, 15), oncost.Options{})
	require.NoError(t, err)
	require.Equal(t, "pay £1,417.20 + employer NI 15% × (£1,417.20 − £417.00 monthly threshold) = £150.03 + "+
		"pension 14.38% × £1,417.20 = £203.79336 → £203.79 = £1,771.02", b.ExplainArithmetic())
	// A breakdown with no sources says none; with a fourth source (beyond the
	// three named kinds) it is listed unnamed.
	b.Sources = nil
	require.NotContains(t, b.Explain(), "sources")
	b.Sources = []des.Source{{Document: "a"}, {Document: "b"}, {Document: "c"}, {Document: "d"}}
	text := b.SourcesText()
	require.Contains(t, text, "apprenticeship levy: c")
	require.Contains(t, text, "; d")
	require.Equal(t, 3, strings.Count(text, ": "), "three names, the fourth unnamed: %s", text)
}

// An on-cost file may be up to rulefile.MaxBytes long: the embedded file
// padded with a comment to exactly that size loads; a byte more is refused.
func TestOnCostFileSizeLimit(t *testing.T) {
	data, err := os.ReadFile("../../rates/oncosts.toml")
	require.NoError(t, err)
	pad := rulefile.MaxBytes - len(data) - 2
	exact := append(append(append([]byte{}, data...), "\n#"...), strings.Repeat("x", pad)...)
	require.Len(t, exact, rulefile.MaxBytes)
	_, err = oncost.Load("oncosts.toml", exact)
	require.NoError(t, err)
	_, err = oncost.Load("oncosts.toml", append(exact, 'x'))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.ErrorContains(t, err, "may be at most")
}
