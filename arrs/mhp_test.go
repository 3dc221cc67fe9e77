package arrs_test

import (
	"time"

	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// Mental health practitioners from 2024/25 (2026/27 Tables 3a and 3b, as a
// calculator quotes them: "50% reimbursement for the first MHP per band
// (Table 3a); up to 100% for subsequent MHPs where a written agreement is in
// place (Table 3b)"). Each costs £30,000 a year, below every MHP band
// maximum in 2026/27, so the maximum never binds and a whole month claims
// £30,000 ÷ 12 = £2,500.00 × the share: £1,250.00 at 50%, £2,500.00 at 100%.
//
//   - A, band 5 from April, with an agreement: the first at band 5, 50%
//     whatever the agreement: 12 × £1,250.00 = £15,000.00;
//   - B, band 5 from May, with an agreement: a further MHP at band 5, 100%:
//     11 × £2,500.00 = £27,500.00;
//   - C, band 5 from June, no agreement: 50%: 10 × £1,250.00 = £12,500.00;
//   - D, band 6 from June, with an agreement: the first at band 6, 50%:
//     10 × £1,250.00 = £12,500.00.
func TestMHPFirstAndSubsequentPerBand(t *testing.T) {
	for _, year := range []string{"2024/25", "2025/26", "2026/27"} {
		rs, err := rates.YearNamed(year)
		require.NoError(t, err)
		y := rs.Year()
		p, err := arrs.Compile(rs, arrs.Options{})
		require.NoError(t, err)
		yr := int(y.Start().Year())
		mhp := func(name, band string, month int, agreed bool) arrs.Staff {
			s := staff(name, "mental_health_practitioner", "1", des.MustDate(yr, time.Month(month), 1), des.Date{}, 30000)
			s.Band, s.WrittenAgreement = band, agreed
			return s
		}
		roster := []arrs.Staff{
			mhp("C", "5", 6, false), // roster order does not matter: start date does
			mhp("B", "5", 5, true),
			mhp("D", "6", 6, true),
			mhp("A", "5", 4, true),
		}
		r, err := p.Calculate(pcn(50000, 50000), roster)
		require.NoError(t, err, year)
		a, b, c, d := find(t, r, "A"), find(t, r, "B"), find(t, r, "C"), find(t, r, "D")
		requireMoney(t, "15000.00", a.Claim.Decimal(), year, a.Explain())
		requireMoney(t, "27500.00", b.Claim.Decimal(), year, b.Explain())
		requireMoney(t, "12500.00", c.Claim.Decimal(), year, c.Explain())
		requireMoney(t, "12500.00", d.Claim.Decimal(), year, d.Explain())
		requireMoney(t, "67500.00", r.Claims.Decimal(), year)
		require.Equal(t, "0.5", a.Reimbursement.String())
		require.Equal(t, "1", b.Reimbursement.String())
		require.Contains(t, a.Explain(), "the first mental_health_practitioner at band 5")
		require.Contains(t, b.Explain(), "× 100% per month")
		require.Contains(t, b.Explain(), "under a written agreement")
		require.Contains(t, c.Explain(), "with no written agreement")
		// The totals path (national) applies the same rule.
		full := des.PCN{Name: "Test", Practices: []des.Practice{{Name: "A", Registered: des.WholeNumber(50000),
			Weighted: des.WholeNumber(50000), Adjusted: des.WholeNumber(50000), CareHomeBeds: des.WholeNumber(0)}}}
		tot, err := p.CalculateTotals([]arrs.PCNInput{{PCN: full, Roster: roster}})
		require.NoError(t, err)
		require.Equal(t, int64(6750000), tot[0].Claimed(), year)
	}
}

// Before 2024/25 every MHP is 50% (jointly funded with the mental health
// provider); a written agreement changes nothing.
func TestMHPFlatHalfBefore2425(t *testing.T) {
	rs, err := rates.YearNamed("2023/24")
	require.NoError(t, err)
	p, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	a := staff("A", "mental_health_practitioner", "1", des.MustDate(2023, 4, 1), des.Date{}, 30000)
	b := staff("B", "mental_health_practitioner", "1", des.MustDate(2023, 5, 1), des.Date{}, 30000)
	a.Band, b.Band, b.WrittenAgreement = "5", "5", true
	r, err := p.Calculate(pcn(50000, 50000), []arrs.Staff{a, b})
	require.NoError(t, err)
	requireMoney(t, "15000.00", find(t, r, "A").Claim.Decimal())
	requireMoney(t, "13750.00", find(t, r, "B").Claim.Decimal(), "11 × £1,250.00")
}
