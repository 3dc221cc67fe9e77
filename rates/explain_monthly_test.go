package rates_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Issue 19: an explanation reproduces its figure by hand, rounding
// included. The 2019/20 clinical director payment, £0.5143 a patient for
// 1 July 2019 to 31 March 2020 (DHSC answer 257552), on 47,750 patients:
// 47,750 × £0.5143 = £24,557.825, paid in nine monthly payments of
// £24,557.825 ÷ 9 = £2,728.647222… → £2,728.65 (half-up), and 9 × £2,728.65
// = £24,557.85: the text used to say "47,750 × £0.5143 … = £24,557.85",
// a product that is £24,557.825.
func TestExplanationShowsMonthlyRoundingOfAPeriodPayment(t *testing.T) {
	e := entitle(t, "2019/20", uniform(47750))
	cd, ok := e.Payment("clinical_director")
	require.True(t, ok)
	requireMoney(t, "24557.85", cd.Total)
	require.Contains(t, cd.Arithmetic(), "47,750 registered × £0.5143 per patient for 2019-07-01 to 2020-03-31 = "+
		"£24,557.825, paid in 9 monthly payments of £24,557.825 ÷ 9 = £2,728.647222… → £2,728.65 "+
		"(each rounded half-up to the penny): 9 × £2,728.65 = £24,557.85")
}

// An annual rate paid in twelfths: the 2019/20 extended hours access
// payment, £1.45 a patient a year from 1 July 2019, on 37,300 patients:
// 37,300 × £1.45 × 9/12 = £40,563.75, but each month is 37,300 × £1.45 ÷
// 12 = £4,507.083333… → £4,507.08, and 9 × £4,507.08 = £40,563.72.
func TestExplanationShowsMonthlyRoundingOfAnAnnualRate(t *testing.T) {
	e := entitle(t, "2019/20", uniform(37300))
	eh, ok := e.Payment("extended_hours_access")
	require.True(t, ok)
	requireMoney(t, "40563.72", eh.Total)
	require.Contains(t, eh.Arithmetic(), "× 9/12 = £40,563.75, paid monthly (each month rounded half-up to the "+
		"penny): 9 × (37,300 × £1.45 ÷ 12 = £4,507.083333… → £4,507.08) = £40,563.72")
	// Where the months add up to the rounded product, the text is unchanged.
	core, _ := e.Payment("core_pcn_funding")
	require.NotContains(t, core.Arithmetic(), "paid monthly")
}
