package derive_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Within the model's span a band's figure that no source gives is moved
// from the sourced figure of a role on the band with the fewest pay awards
// between, then the nearest in time, the earlier on a tie (kills the
// distance, tie-break and award-count mutants of nearest and
// awardsBetween: issue 25). On-costs are flat (14.38%, 15% above £5,000),
// so with no award between, a figure is its anchor's: salary (M + 750) ÷
// 1.2938 re-costed × 1.2938 − 750 = M; across an award of p%, it is (M +
// 750) × (1 + p/100) − 750, rounded half-up to the pound.
func TestNearestAnchor(t *testing.T) {
	apr25 := des.MustDate(2025, 4, 1)
	ap := func(out []*des.RuleSet, on des.Date) decimal.Decimal {
		t.Helper()
		mx := inForce(t, out[len(out)-1], "advanced_practitioner", on, des.Date{})
		return mx.National
	}
	noFigures := roleText("advanced_practitioner", "7-8a", "")

	t.Run("fewest awards between before nearest in time", func(t *testing.T) {
		// A 10% award on 1 May 2025. CP's £60,000 from October 2024 (182
		// days before April 2025, no award between) beats FCP's £70,000 from
		// June 2025 (61 days after, the May award between, which would give
		// 70,750 ÷ 1.1 − 750 = £63,568.18 → £63,568).
		out := completeTexts(t, afcBands(awardText("afc", "2025-05-01", "10"), "7-8a"), flatCosts,
			yearText("2024/25", roleText("clinical_pharmacist", "7-8a", "", maxText("2024-10-01", "60000", ""))),
			yearText("2025/26", roleText("first_contact_physiotherapist", "7-8a", "", maxText("2025-06-01", "70000", "")),
				noFigures))
		requireMoney(t, "60000", ap(out, apr25))
	})
	t.Run("nearest in time, before or after", func(t *testing.T) {
		// No awards. CP's £60,000 from January 2025 (90 days before April
		// 2025) beats FCP's £70,000 from September 2025 (153 days after).
		out := completeTexts(t, afcBands("", "7-8a"), flatCosts,
			yearText("2024/25", roleText("clinical_pharmacist", "7-8a", "", maxText("2025-01-01", "60000", ""))),
			yearText("2025/26", roleText("first_contact_physiotherapist", "7-8a", "", maxText("2025-09-01", "70000", "")),
				noFigures))
		requireMoney(t, "60000", ap(out, apr25))
	})
	t.Run("nearest in time, the later listed", func(t *testing.T) {
		// FCP's £60,000 from January 2025 (90 days before April 2025) beats
		// CP's £70,000 from October 2024 (182 days), listed after it.
		out := completeTexts(t, afcBands("", "7-8a"), flatCosts,
			yearText("2024/25", roleText("first_contact_physiotherapist", "7-8a", "", maxText("2025-01-01", "60000", "")),
				roleText("clinical_pharmacist", "7-8a", "", maxText("2024-10-01", "70000", ""))),
			yearText("2025/26", noFigures))
		requireMoney(t, "60000", ap(out, apr25))
	})
	t.Run("equally near: the earlier", func(t *testing.T) {
		// 1 January 2024 and 1 July 2024 are both 91 days from 1 April 2024
		// (January 31 + February 29 + March 31; April 30 + May 31 + June
		// 30): CP's £60,000 from January, not FCP's £70,000 from July.
		out := completeTexts(t, afcBands("", "7-8a"), flatCosts,
			yearText("2023/24", roleText("clinical_pharmacist", "7-8a", "", maxText("2024-01-01", "60000", ""))),
			yearText("2024/25", roleText("first_contact_physiotherapist", "7-8a", "", maxText("2024-07-01", "70000", "")),
				noFigures))
		requireMoney(t, "60000", ap(out, des.MustDate(2024, 4, 1)))
	})
}

// Two roles on a band with sourced figures from the same date: a role's
// own is its anchor, both for the figure in force (a backdated award's
// revision) and for the nearest one after a later award; a third role
// takes the first listed. The 2% award from April 2025 is announced on 1
// August 2025 (kills the preferred-role mutants of inForce and nearest,
// the pay-group mask of the model's memo, and the texts of the model's
// explanation: issue 25).
func TestOwnAnchorPreferred(t *testing.T) {
	bands := afcBands(`[[award]]
pay = "afc"
from = 2025-04-01
announced = 2025-08-01
percent = "2"
source = "test backdated award"
url = "https://example.org/back"
confidence = "confirmed"
`+awardText("afc", "2025-11-01", "5"), "7-8a")
	out := completeTexts(t, bands, flatCosts, yearText("2025/26",
		roleText("first_contact_physiotherapist", "7-8a", "", maxText("2025-04-01", "66000", "")),
		roleText("clinical_pharmacist", "7-8a", "", maxText("2025-04-01", "66972", "    announced = 2025-03-27\n")),
		roleText("advanced_practitioner", "7-8a", "")))[0]
	apr, nov, jul := des.MustDate(2025, 4, 1), des.MustDate(2025, 11, 1), des.MustDate(2025, 7, 1)

	// CP's April figure revised by the 2%: (66,972 + 750) × 1.02 − 750 =
	// £68,326.44 → £68,326 (from FCP's £66,000 it would be £67,335).
	cp := inForce(t, out, "clinical_pharmacist", apr, des.Date{})
	requireMoney(t, "68326", cp.National, cp.Source.Document)
	require.Equal(t, des.MustDate(2025, 8, 1), cp.Announced)
	// November, after the 5%: 67,722 × 1.02 × 1.05 − 750 = 72,530.262 −
	// 750 = £71,780.26 → £71,780 (from FCP's: 66,750 × 1.071 − 750 =
	// £70,739.25 → £70,739).
	cp = inForce(t, out, "clinical_pharmacist", nov, des.Date{})
	requireMoney(t, "71780", cp.National, cp.Source.Document)
	// Salary (66,972 + 0.15 × 5,000) ÷ 1.2938 = £52,343.48.
	require.Equal(t, "derived by the band model: band 7-8a, from clinical_pharmacist's sourced £66,972.00 "+
		"(from 2025-04-01; sourced 2025-04-01): salary £52,343.48 at 14.38% pension and 15% NI above £5,000.00; "+
		"+2% (award from 2025-04-01), +5% (award from 2025-11-01); re-costed at 14.38% pension and 15% NI above "+
		"£5,000.00 = £71,780.00", cp.Source.Document)

	// AP, with no figure of its own, takes the first listed (FCP's) as
	// published in April: band equality, £66,000.
	ap := inForce(t, out, "advanced_practitioner", apr, jul)
	requireMoney(t, "66000", ap.National, ap.Source.Document)
	require.Equal(t, "derived by band equality: band 7-8a's figure is first_contact_physiotherapist's sourced "+
		"£66,000.00 (from 2025-04-01; sourced 2025-04-01)", ap.Source.Document)
	// ... and revised by the 2%: 66,750 × 1.02 − 750 = £67,335.
	requireMoney(t, "67335", inForce(t, out, "advanced_practitioner", apr, des.Date{}).National)
}

// A figure moved across a change of on-cost rules with no award between
// is re-costed, and its explanation says so: CP's sourced October 2024
// £65,838 at 14.38% pension and 13.8% NI above £9,100 is a salary of
// (65,838 + 1,255.80) ÷ 1.2818 = £52,343.42; at 15% NI above £5,000 that
// is 52,343.4213 × 1.2938 − 750 = £66,971.92 → £66,972, the sourced
// 2025/26 figure (arrs-maxima-derivation.md §2; kills the step-text
// mutant of moveAnchor: issue 25).
func TestModelRecostsAcrossOnCostRules(t *testing.T) {
	costs := func(on des.Date) (decimal.Decimal, decimal.Decimal, decimal.Decimal, error) {
		if on.Before(des.MustDate(2025, 4, 1)) {
			return d("0.1438"), d("0.138"), decimal.NewFromInt(9100), nil
		}
		return flatCosts(on)
	}
	out := completeTexts(t, afcBands("", "7-8a"), costs,
		yearText("2024/25", roleText("clinical_pharmacist", "7-8a", "", maxText("2024-10-01", "65838", ""))),
		yearText("2025/26", roleText("first_contact_physiotherapist", "7-8a", "")))
	fcp := inForce(t, out[1], "first_contact_physiotherapist", des.MustDate(2025, 4, 1), des.Date{})
	requireMoney(t, "66972", fcp.National)
	require.Equal(t, "derived by the band model: band 7-8a, from clinical_pharmacist's sourced £65,838.00 "+
		"(from 2024-10-01; sourced 2024-10-01): salary £52,343.42 at 14.38% pension and 13.8% NI above £9,100.00; "+
		"re-costed at 14.38% pension and 15% NI above £5,000.00 = £66,972.00", fcp.Source.Document)
}

// With more than 64 pay awards the model's memo cannot say which awards a
// figure includes, so it is not used: 64 awards of 0% in 2023 and 5% from
// November 2025. CP's £66,972 from April 2025; FCP (no figure of its own)
// is £66,972 in April and (66,972 + 750) × 1.05 − 750 = £70,358.10 →
// £70,358 from November (kills `<=` → `>` on the memo's guard: issue 25).
func TestModelWithManyAwards(t *testing.T) {
	var awards []derive.PayAward
	for i := range 64 {
		awards = append(awards, derive.PayAward{Pay: "afc", From: des.MustDate(2023, 1, 1).AddDays(i), Percent: decimal.Zero})
	}
	awards = append(awards, derive.PayAward{Pay: "afc", From: des.MustDate(2025, 11, 1), Percent: d("5")})
	b := derive.NewBandRules([]derive.PayGroup{{ID: "afc", Name: "AfC", ModelFrom: des.MustDate(2022, 10, 1),
		ModelTo: des.MustDate(2027, 3, 31)}}, []derive.Band{{ID: "7-8a", Name: "b", Pay: "afc"}}, awards, nil, nil)
	out := completeWith(t, b, flatCosts, yearText("2025/26",
		roleText("clinical_pharmacist", "7-8a", "", maxText("2025-04-01", "66972", "")),
		roleText("first_contact_physiotherapist", "7-8a", "")))[0]
	requireMoney(t, "66972", inForce(t, out, "first_contact_physiotherapist", des.MustDate(2025, 4, 1), des.Date{}).National)
	requireMoney(t, "70358", inForce(t, out, "first_contact_physiotherapist", des.MustDate(2025, 11, 1), des.Date{}).National)
	requireMoney(t, "70358", inForce(t, out, "clinical_pharmacist", des.MustDate(2025, 11, 1), des.Date{}).National)
}
