package derive_test

import (
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/stretchr/testify/require"
)

// The years before the model's span (2020/21, 2021/22): band 4 has a
// sourced figure in 2020/21 only; bands 3 and 5 (either side of it, equally
// far) and the GP band (another pay group) have sourced figures in both.
func fallbackYears(b5in2021 string) []string {
	y20 := yearText("2020/21",
		roleText("healthcare_support_worker", "3", "", maxText("2020-04-01", "21000", "")),
		roleText("care_coordinator", "4", "", maxText("2020-04-01", "29135", "")),
		roleText("pharmacy_technician", "5", "", maxText("2020-04-01", "35000", "")),
		roleText("general_practitioner", "gp", "", maxText("2020-04-01", "80000", "")))
	y21 := yearText("2021/22",
		roleText("healthcare_support_worker", "3", "", maxText("2021-04-01", "22000", "")),
		roleText("care_coordinator", "4", ""),
		roleText("pharmacy_technician", "5", "", maxText("2021-04-01", b5in2021, "")),
		roleText("general_practitioner", "gp", "", maxText("2021-04-01", "100000", "")))
	return []string{y20, y21}
}

// Before the model's span a band's figure is its previous one moved by the
// change over the same dates of the nearest band by pay with sourced
// figures at both, the higher neighbour before the lower on a tie, only of
// the band's own pay group (kills the candidate, distance and tie-break
// mutants of reference and the date loop of moved: issue 25).
func TestFallbackMovesWithTheNearestNeighbour(t *testing.T) {
	bands := afcBands("", "3", "4", "5", "gp")
	y20, y21 := des.MustDate(2020, 4, 1), des.MustDate(2021, 4, 1)

	// Band 5 rose 3% (£35,000 → £36,050); band 3 by 22/21 (£21,000 →
	// £22,000), the GP band by 25% (£80,000 → £100,000). Band 4 is moved
	// with band 5, the higher of its two equally near neighbours:
	// £29,135 × 36,050 / 35,000 = £29,135 × 1.03 = £30,009.05 → £30,009
	// (half-up to the pound). With band 3 it would be £29,135 × 22/21 =
	// £30,522.38; with the GP band £36,418.75.
	out := completeTexts(t, bands, flatCosts, fallbackYears("36050")...)
	cc := inForce(t, out[1], "care_coordinator", y21, des.Date{})
	requireMoney(t, "30009", cc.National, cc.Source.Document)
	require.Equal(t, des.Derived, cc.Source.Confidence)
	require.Contains(t, cc.Source.Document, "moved with a neighbour")
	require.Contains(t, cc.Source.Document, "band 5's change from £35,000.00 to £36,050.00 (sourced, band 5)")
	requireMoney(t, "29135", inForce(t, out[0], "care_coordinator", y20, des.Date{}).National)

	// The nearest band unchanged (£35,000 both years): band 4 is unchanged
	// too, £29,135 × 1 (not moved with band 3, which did change).
	out = completeTexts(t, bands, flatCosts, fallbackYears("35000")...)
	cc = inForce(t, out[1], "care_coordinator", y21, des.Date{})
	requireMoney(t, "29135", cc.National, cc.Source.Document)
	require.Contains(t, cc.Source.Document, "(sourced, band 5)")
}

// Among bands equally near by rank (NewBandRules allows equal ranks), the
// first listed is the reference (kills `<` → `<=` in reference: issue 25).
func TestFallbackEqualRanksTakeTheFirstListed(t *testing.T) {
	pays := []derive.PayGroup{{ID: "afc", Name: "AfC", ModelFrom: des.MustDate(2022, 10, 1), ModelTo: des.MustDate(2027, 3, 31)}}
	bands := []derive.Band{{ID: "4", Name: "b4", Pay: "afc", Rank: 1}, {ID: "5", Name: "b5", Pay: "afc", Rank: 2},
		{ID: "5b", Name: "b5 other", Pay: "afc", Rank: 2}}
	ys := fallbackYears("36050")
	// A second band at band 5's rank rose 10% (£35,000 → £38,500).
	ys[0] = strings.Replace(ys[0], roleText("healthcare_support_worker", "3", "", maxText("2020-04-01", "21000", "")),
		roleText("social_prescribing_link_worker", "5b", "", maxText("2020-04-01", "35000", "")), 1)
	ys[1] = strings.Replace(ys[1], roleText("healthcare_support_worker", "3", "", maxText("2021-04-01", "22000", "")),
		roleText("social_prescribing_link_worker", "5b", "", maxText("2021-04-01", "38500", "")), 1)
	ys[0] = strings.Replace(ys[0], roleText("general_practitioner", "gp", "", maxText("2020-04-01", "80000", "")), "", 1)
	ys[1] = strings.Replace(ys[1], roleText("general_practitioner", "gp", "", maxText("2021-04-01", "100000", "")), "", 1)
	out := completeWith(t, derive.NewBandRules(pays, bands, nil, nil, nil), flatCosts, ys...)
	// Band 5 (listed first): £29,135 × 1.03 = £30,009.05 → £30,009 (with
	// band 5b: × 1.1 = £32,048.50 → £32,049).
	cc := inForce(t, out[1], "care_coordinator", des.MustDate(2021, 4, 1), des.Date{})
	requireMoney(t, "30009", cc.National, cc.Source.Document)
}
