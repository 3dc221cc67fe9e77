package rates_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The derived maxima against the derivation worked independently in the
// project's reference notes (arrs-maxima-derivation.md, sections 4, 6.2 and
// 7: salary backed out of each band's anchor, the awards applied, re-costed
// at 14.38% pension and the year's employer NI), within £1 where the notes
// say ±1. A change to an anchor, an award or an on-cost rule moves these.
func TestDerivedMaximaAgainstTheReferenceDerivation(t *testing.T) {
	for _, c := range []struct {
		year, role, from string
		want             int64
		tol              int64
	}{
		// October 2022 = April–June 2023 levels (section 4).
		{"2022/23", "trainee_nursing_associate", "2022-10-01", 28177, 0},
		{"2022/23", "paramedic", "2022-10-01", 57465, 0},
		{"2022/23", "advanced_practitioner", "2022-10-01", 65002, 0},
		{"2023/24", "physician_associate", "2023-07-01", 60401, 0},
		{"2023/24", "digital_transformation_lead", "2023-07-01", 68315, 0},
		// 2024/25 from 1 October (section 5).
		{"2024/25", "dietitian", "2024-10-01", 63792, 0},
		{"2024/25", "trainee_nursing_associate", "2024-10-01", 31348, 0},
		// 2025/26 after the backdated 3.6% / 4% (section 6.2).
		{"2025/26", "healthcare_support_worker", "2025-04-01", 33344, 0},
		{"2025/26", "care_coordinator", "2025-04-01", 37478, 1},
		{"2025/26", "pharmacy_technician", "2025-04-01", 44940, 0},
		{"2025/26", "general_practice_nurse", "2025-04-01", 55265, 0},
		{"2025/26", "paramedic", "2025-04-01", 67271, 0},
		{"2025/26", "clinical_pharmacist", "2025-04-01", 69410, 0},
		{"2025/26", "advanced_practitioner", "2025-04-01", 76001, 0},
		{"2025/26", "consultant_nurse", "2025-04-01", 106407, 0},
		{"2025/26", "general_practitioner", "2025-04-01", 110148, 1},
		// 2026/27 with the 3.3% AfC award (section 7).
		{"2026/27", "healthcare_support_worker", "2026-04-01", 34469, 0},
		{"2026/27", "care_coordinator", "2026-04-01", 38740, 1},
		{"2026/27", "social_prescribing_link_worker", "2026-04-01", 46447, 0},
		{"2026/27", "general_practice_nurse", "2026-04-01", 57114, 0},
		{"2026/27", "paramedic", "2026-04-01", 69515, 0},
		{"2026/27", "first_contact_physiotherapist", "2026-04-01", 71725, 0},
		{"2026/27", "digital_transformation_lead", "2026-04-01", 78534, 0},
		{"2026/27", "consultant_nurse", "2026-04-01", 109943, 0},
	} {
		rs, err := rates.YearNamed(c.year)
		require.NoError(t, err)
		r, ok := rs.ARRS().Role(c.role)
		require.True(t, ok, "%s %s", c.year, c.role)
		var got des.Maximum
		for _, m := range r.MaximaInForce(des.Date{}) {
			if m.From.String() == c.from {
				got = m
			}
		}
		require.Equal(t, des.Derived, got.Source.Confidence, "%s %s from %s", c.year, c.role, c.from)
		diff := got.National.Sub(decimal.NewFromInt(c.want)).Abs()
		require.True(t, diff.LessThanOrEqual(decimal.NewFromInt(c.tol)), "%s %s from %s: derived £%s, reference £%d (%s)",
			c.year, c.role, c.from, got.National, c.want, got.Source.Document)
	}
}

// The 2024/25 core funding revision split in proportion: £2.218 × 2.967 ÷
// 2.916 = £2.256792 and £0.698 × 2.967 ÷ 2.916 = £0.710208 (six places,
// half-up), labelled derived, announced on the revision's date.
func TestCoreRevisionSplitInProportion(t *testing.T) {
	rs, err := rates.YearNamed("2024/25")
	require.NoError(t, err)
	p, ok := rs.Payment("core_pcn_funding")
	require.True(t, ok)
	for i, want := range []string{"2.256792", "0.710208"} {
		vs := p.Parts[i].InForce(des.Date{})
		last := vs[len(vs)-1]
		require.Equal(t, want, last.Rate.String())
		require.Equal(t, des.Derived, last.Source.Confidence)
		require.Equal(t, "2024-09-26", last.Announced.String())
		before := p.Parts[i].InForce(des.MustDate(2024, 6, 1))
		require.Equal(t, []string{"2.218", "0.698"}[i], before[len(before)-1].Rate.String(), "as known in June 2024")
	}
}

// The 2024/25 enhanced practice nurse: one rule, stated in the rate table and
// applied by the engine. The sourced £60,401 (DES 2024/25, band 7) applies
// April to September; the revised DES of 26 September 2024 raised every
// maximum from 1 October and gives no EPN figure, so from October it is the
// band 7 figure derived by the band model, £63,792 (the same as the
// dietitian's, above), labelled derived; the gap text says so, not "kept to
// year end".
func TestEnhancedPracticeNurse2425OneRule(t *testing.T) {
	rs, err := rates.YearNamed("2024/25")
	require.NoError(t, err)
	r, ok := rs.ARRS().Role("enhanced_practice_nurse")
	require.True(t, ok)
	ms := r.MaximaInForce(des.Date{})
	require.Len(t, ms, 2)
	require.Equal(t, "2024-04-01", ms[0].From.String())
	require.Equal(t, "60401", ms[0].National.String())
	require.Equal(t, des.Confirmed, ms[0].Source.Confidence)
	require.Equal(t, "2024-10-01", ms[1].From.String())
	require.Equal(t, "63792", ms[1].National.String())
	require.Equal(t, des.Derived, ms[1].Source.Confidence)
	for _, g := range rs.Gaps() {
		if g.Item == "enhanced_practice_nurse" {
			require.NotContains(t, g.What, "kept to year end")
			require.Contains(t, g.What, "£63,792")
		}
	}
	require.NotContains(t, ms[0].Source.Note, "stays in force to 31 March 2025")
}
