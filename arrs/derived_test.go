package arrs_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A paramedic in 2026/27 costing more than the band 7 maximum: the claim is
// the derived maximum (£69,515, the band model from 2025/26 + 3.6% + 3.3%),
// all of it rests on a derived figure, and refusing derived figures gives
// £0 with the no-maximum reason, as before the band model.
func TestClaimRestingOnDerivedMaximum(t *testing.T) {
	rs, err := rates.YearNamed("2026/27")
	require.NoError(t, err)
	pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "A", Registered: des.WholeNumber(30000),
		Weighted: des.WholeNumber(30000), Adjusted: des.WholeNumber(30000), CareHomeBeds: des.WholeNumber(0)}}}
	one, _ := arrs.WTEOf(decimal.NewFromInt(1))
	staff := []arrs.Staff{
		{Name: "Para", Role: "paramedic", WTE: one, Start: des.MustDate(2026, 4, 1), AnnualCost: decimal.NewFromInt(80000)},
		{Name: "Cheap", Role: "paramedic", WTE: one, Start: des.MustDate(2026, 4, 1), AnnualCost: decimal.NewFromInt(60000)},
	}
	r, err := arrs.Calculate(rs, pcn, staff, arrs.Options{})
	require.NoError(t, err)
	if r.Staff[0].Name != "Para" {
		r.Staff[0], r.Staff[1] = r.Staff[1], r.Staff[0]
	}
	// £69,515 ÷ 12 = £5,792.9166… → £5,792.92 a month, × 12 = £69,515.04.
	require.Equal(t, "69515.04", r.Staff[0].Claim.Plain())
	require.Equal(t, "69515.04", r.Staff[0].ClaimOnDerived.Plain())
	require.Contains(t, r.Staff[0].Explain(), "rests on a maximum no source gives")
	require.Contains(t, r.Staff[0].Explain(), "derived by the band model: band 7")
	// Below the maximum, the claim is the cost: it rests on no derived figure.
	require.True(t, r.Staff[1].ClaimOnDerived.IsZero())
	require.Equal(t, "69515.04", r.ClaimsOnDerived.Plain())

	r, err = arrs.Calculate(rs.SourcedOnly(), pcn, staff, arrs.Options{})
	require.NoError(t, err)
	require.True(t, r.Claims.IsZero())
	require.Equal(t, arrs.ReasonNoMaximum, r.Staff[0].Reasons[0].Reason)
}

// The 2025/26 uplift is a revision announced on 1 August 2025: as known in
// June 2025 a pharmacist's maximum is the published £66,972.
func TestBackdatedUpliftAsAt(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	r, ok := rs.ARRS().Role("clinical_pharmacist")
	require.True(t, ok)
	now := r.MaximaInForce(des.Date{})
	require.Equal(t, "69410", now[0].National.String())
	require.Equal(t, des.Derived, now[0].Source.Confidence)
	june := r.MaximaInForce(des.MustDate(2025, 6, 1))
	require.Equal(t, "66972", june[0].National.String())
	require.Equal(t, des.Confirmed, june[0].Source.Confidence)
}

// A mental health practitioner is paid at bands 4 to 8a: with the person's
// band the claim is capped at that band's maximum; without it, at band
// 8a's (the highest); a band outside the range is an error naming it.
func TestMentalHealthPractitionerBand(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	pcn := des.PCN{Name: "P", Practices: []des.Practice{{Name: "A", Registered: des.WholeNumber(30000),
		Weighted: des.WholeNumber(30000), Adjusted: des.WholeNumber(30000), CareHomeBeds: des.WholeNumber(0)}}}
	one, _ := arrs.WTEOf(decimal.NewFromInt(1))
	mhp := func(band string) arrs.Staff {
		return arrs.Staff{Name: "M", Role: "mental_health_practitioner", WTE: one, Start: des.MustDate(2025, 4, 1),
			AnnualCost: decimal.NewFromInt(60000), Band: band}
	}
	r, err := arrs.Calculate(rs, pcn, []arrs.Staff{mhp("5")}, arrs.Options{})
	require.NoError(t, err)
	// Band 5 after the 2025/26 uplift: £44,940 a year; the only (so the
	// first) MHP at band 5 is reimbursed 50% (the 2025/26 workbook: 'Only 50%
	// reimbursement is available for the first Mental Health Practitioner'):
	// £1,872.50 a month, £22,470.00 a year.
	require.Equal(t, "22470.00", r.Staff[0].Claim.Plain())
	require.Contains(t, r.Staff[0].Explain(), "band 5")
	r, err = arrs.Calculate(rs, pcn, []arrs.Staff{mhp("")}, arrs.Options{})
	require.NoError(t, err)
	require.Equal(t, "30000.00", r.Staff[0].Claim.Plain(), "band 8a's £76,001 does not bind: 50% of £60,000")
	_, err = arrs.Calculate(rs, pcn, []arrs.Staff{mhp("9")}, arrs.Options{})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), `band "9": mental_health_practitioner is paid at band 4, 5, 6, 7, 8a`)
}
