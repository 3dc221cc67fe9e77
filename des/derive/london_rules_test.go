package derive_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

// hcasText is an HCAS row of pay group pay from a date with the test
// supplement: outer 15% (£4,000 to £6,000), inner 20% (£5,000 to £8,000).
func hcasText(pay, from string) string {
	return `[[hcas]]
pay = "` + pay + `"
pay_year = "test"
from = ` + from + `
inner = { percent = "20", min = "5000", max = "8000" }
outer = { percent = "15", min = "4000", max = "6000" }
fringe = { percent = "5", min = "1000", max = "2000" }
source = "test HCAS"
url = "https://example.org/hcas"
confidence = "confirmed"
`
}

// With flat on-costs (14.38% pension, 15% NI above £5,000) a London figure
// by the HCAS rule is the national figure plus 1.2938 × the supplement:
// salary S = (N + 750) ÷ 1.2938, and (S + H) × 1.2938 − 750 = N + 1.2938 H.

// A role's London figure is another role's sourced London figure on the
// band while the same awards and HCAS row stand behind both; after an
// award it is the HCAS rule, with the row's minimum and maximum moved by
// the award (kills the band-equality conditions of london and the
// no-steps guard of hcasAt: issue 25).
func TestLondonBandEqualityThenHCAS(t *testing.T) {
	bands := afcBands(awardText("afc", "2025-11-01", "5")+hcasText("afc", "2025-04-01"), "7-8a")
	out := completeTexts(t, bands, flatCosts, yearText("2025/26",
		roleText("clinical_pharmacist", "7-8a", "", maxText("2025-04-01", "66972", "    outer_london = \"74392\"\n")),
		roleText("first_contact_physiotherapist", "7-8a", "")))[0]

	// April: CP's sourced outer London £74,392 (by the HCAS rule it would
	// be 66,972 + 1.2938 × 6,000 = £74,734.80 → £74,735). No sourced inner
	// figure: 20% of £52,343.48 = £10,468.70, held to £8,000: 66,972 +
	// 1.2938 × 8,000 = £77,322.40 → £77,322.
	fcp := inForce(t, out, "first_contact_physiotherapist", des.MustDate(2025, 4, 1), des.Date{})
	requireMoney(t, "66972", fcp.National)
	requireMoney(t, "74392", fcp.OuterLondon, fcp.SourceFor(1).Document)
	require.Contains(t, fcp.SourceFor(1).Document, "derived by band equality: band 7-8a's outer London figure is "+
		"clinical_pharmacist's sourced £74,392.00")
	requireMoney(t, "77322", fcp.InnerLondon)
	require.Contains(t, fcp.SourceFor(2).Document, "£5,000.00 to £8,000.00 (the test HCAS, confirmed) = £8,000.00")

	// November, after the 5%: national (66,972 + 750) × 1.05 − 750 =
	// £70,358.10 → £70,358; salary (70,358 + 750) ÷ 1.2938 = £54,960.58,
	// 15% = £8,244.09, above the outer maximum moved to £6,000 × 1.05 =
	// £6,300: 70,358 + 1.2938 × 6,300 = £78,508.94 → £78,509 (with the
	// unmoved £6,000: £78,121).
	fcp = inForce(t, out, "first_contact_physiotherapist", des.MustDate(2025, 11, 1), des.Date{})
	requireMoney(t, "70358", fcp.National)
	requireMoney(t, "78509", fcp.OuterLondon, fcp.SourceFor(1).Document)
	require.Contains(t, fcp.SourceFor(1).Document, "the test HCAS (confirmed) £4,000.00 to £6,000.00 +5% (award from "+
		"2025-11-01), each rounded half-up to the pound")
}

// A supplement within the zone's minimum and maximum is the percentage
// itself: band 5's national £43,352 is a salary of (43,352 + 750) ÷ 1.2938
// = £34,087.19; outer 15% = £5,113.08 and inner 20% = £6,817.44, both
// within: 43,352 + 1.2938 × 5,113.08 = £49,967.30 → £49,967 and 43,352 +
// 1.2938 × 6,817.44 = £52,172.40 → £52,172, the sourced 2025/26 pharmacy
// technician London figures (kills `Shift(-2)` → `Shift(2)` in
// Supplement and in london's text: issue 25).
func TestLondonHCASWithinTheLimits(t *testing.T) {
	out := completeTexts(t, afcBands(hcasText("afc", "2025-04-01"), "5"), flatCosts, yearText("2025/26",
		roleText("pharmacy_technician", "5", "", maxText("2025-04-01", "43352", ""))))[0]
	pt := inForce(t, out, "pharmacy_technician", des.MustDate(2025, 4, 1), des.Date{})
	requireMoney(t, "49967", pt.OuterLondon, pt.SourceFor(1).Document)
	requireMoney(t, "52172", pt.InnerLondon, pt.SourceFor(2).Document)
	require.Contains(t, pt.SourceFor(1).Document, "outer London HCAS 15% of it is £5,113.08, within £4,000.00 to £6,000.00")
}

// A sourced London figure from before the band's HCAS row took effect is
// not band equality for a date the row covers (the row in force at the
// anchor's date is none, not the row at the target's): an HCAS row for
// salaried GPs first, then the AfC row from June 2025. FCP in June: 66,972
// + 1.2938 × 6,000 = £74,734.80 → £74,735, not CP's £74,392; in April
// (no AfC row) no London figure (kills `-1` → `1` in hcasAt: issue 25).
func TestLondonBandEqualityNeedsTheSameHCASRow(t *testing.T) {
	bands := afcBands(hcasText("ddrb", "2025-04-01")+hcasText("afc", "2025-06-01"), "7-8a", "gp")
	out := completeTexts(t, bands, flatCosts, yearText("2025/26",
		roleText("clinical_pharmacist", "7-8a", "", maxText("2025-04-01", "66972", "    outer_london = \"74392\"\n")),
		roleText("first_contact_physiotherapist", "7-8a", "")))[0]
	fcp := inForce(t, out, "first_contact_physiotherapist", des.MustDate(2025, 6, 1), des.Date{})
	requireMoney(t, "74735", fcp.OuterLondon, fcp.SourceFor(1).Document)
	fcp = inForce(t, out, "first_contact_physiotherapist", des.MustDate(2025, 4, 1), des.Date{})
	requireMoney(t, "66972", fcp.National)
	require.True(t, fcp.OuterLondon.IsZero(), "no London weighting before the row: %s", fcp.OuterLondon)
}

// A re-based band: before its first salary basis row there is no London
// figure to derive (the GP's 2024/25 sourced £92,462 has none); with a
// row, the salary plus on-costs, and after an award the salary moved to
// the penny (kills `-1` → `1` and the steps guard of rebased: issue 25).
func TestRebasedRows(t *testing.T) {
	basis := func(from, salary string) string {
		return `[[basis]]
band = "gp"
from = ` + from + `
salary = "` + salary + `"
london_weighting = "2162"
point = "the test salary element"
source = "test basis"
url = "https://example.org/basis"
confidence = "confirmed"
`
	}
	bands := afcBands(awardText("ddrb", "2025-10-01", "10")+basis("2025-04-01", "82418")+basis("2026-04-01", "118759"), "gp")
	gpRole := func(maxima ...string) string { return roleText("general_practitioner", "gp", "", maxima...) }
	out := completeTexts(t, bands, flatCosts,
		yearText("2024/25", gpRole(maxText("2024-04-01", "92462", ""))),
		yearText("2025/26", gpRole()))

	gp := inForce(t, out[0], "general_practitioner", des.MustDate(2024, 4, 1), des.Date{})
	requireMoney(t, "92462", gp.National)
	require.True(t, gp.OuterLondon.IsZero() && gp.InnerLondon.IsZero(), "%s %s", gp.OuterLondon, gp.InnerLondon)

	// April 2025: £82,418 × 1.2938 − 750 = £105,882.41 → £105,882, no
	// award step in the explanation.
	gp = inForce(t, out[1], "general_practitioner", des.MustDate(2025, 4, 1), des.Date{})
	requireMoney(t, "105882", gp.National)
	require.Contains(t, gp.Source.Document, "derived by re-basing: band gp's maximum is the test salary element, "+
		"£82,418.00 (test basis; confirmed), plus on-costs: ")
	// October, after the 10%: £82,418 × 1.1 = £90,659.80 (to the penny);
	// × 1.2938 − 750 = £116,545.65 → £116,546; London (90,659.80 + 2,162)
	// × 1.2938 − 750 = £119,342.83 → £119,343.
	gp = inForce(t, out[1], "general_practitioner", des.MustDate(2025, 10, 1), des.Date{})
	requireMoney(t, "116546", gp.National)
	requireMoney(t, "119343", gp.OuterLondon)
	require.Contains(t, gp.Source.Document, "(test basis; confirmed), +10% (award from 2025-10-01) = £90,659.80 (to the penny)")
}
