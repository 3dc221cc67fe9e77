package derive_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/stretchr/testify/require"
)

// carryYears: 2024/25 states the ARRS sum, £26.631 per weighted patient
// from April 2024 and £27.000 from October 2024; 2025/26 marks it carry.
func carryYears() (y24, y25 string) {
	y24 = strings.Replace(yearText("2024/25"), `    confidence = "confirmed"
[arrs]`, `    confidence = "confirmed"
    [[payment.part.value]]
    rate = "27.000"
    from = 2024-10-01
    source = "test october"
    url = "https://example.org/arrs-oct"
    confidence = "confirmed"
[arrs]`, 1)
	y25 = strings.Replace(yearText("2025/26"), `  basis = "weighted"
    [[payment.part.value]]
    rate = "26.631"
    source = "test"
    url = "https://example.org/arrs"
    confidence = "confirmed"
`, `  basis = "weighted"
  carry = true
`, 1)
	return y24, y25
}

// Complete takes the rule sets in any order and returns them oldest first;
// a part marked carry takes the value in force at the end of the year
// before, £27.000 (not April's £26.631), from the year's start, labelled
// carried (kills the year sort of Complete and the empty-values guard of
// carriedValues: issue 25).
func TestCompleteCarriesTheYearBeforesLastValue(t *testing.T) {
	y24, y25 := carryYears()
	out := completeTexts(t, afcBands("", "5"), flatCosts, y25, y24)
	require.Equal(t, des.Year(2024), out[0].Year())
	require.Equal(t, des.Year(2025), out[1].Year())
	p, ok := out[1].Payment("arrs")
	require.True(t, ok)
	require.Len(t, p.Parts[0].Values, 1)
	v := p.Parts[0].Values[0]
	requireMoney(t, "27.000", v.Rate)
	require.Equal(t, des.MustDate(2025, 4, 1), v.From)
	require.Equal(t, des.Carried, v.Source.Confidence)
	require.Equal(t, "carried from 2024/25: no 2025/26 source found (2024/25: test october)", v.Source.Document)

	// Without the year before, the error names the year it needs.
	b, err := rulefile.ReadBands("bands.toml", []byte(afcBands("", "5")))
	require.NoError(t, err)
	rs, err := rulefile.Read("y.toml", []byte(y25))
	require.NoError(t, err)
	_, err = derive.Complete([]*des.RuleSet{rs}, b, flatCosts)
	require.ErrorIs(t, err, des.ErrMissing)
	require.ErrorContains(t, err, "marked carry, but there is no rule set for 2024/25 to carry it from")
}

// CarryOf keeps of each part only the value in force at the end of the
// year before (£27.000), and a part with no values (the year before as
// stated, itself carried) as it is (kills the length guard of CarryOf:
// issue 25).
func TestCarryOfKeepsTheLastValue(t *testing.T) {
	y24, y25 := carryYears()
	read := func(s string) *des.RuleSet {
		rs, err := rulefile.Read("y.toml", []byte(s))
		require.NoError(t, err)
		return rs
	}
	type carryJSON struct {
		From     string `json:"from"`
		Payments []struct {
			Parts []struct {
				Values []struct{ Rate, From string }
			}
		}
	}
	carryOf := func(rs, prev *des.RuleSet) carryJSON {
		b, err := json.Marshal(derive.CarryOf(rs, prev))
		require.NoError(t, err)
		var c carryJSON
		require.NoError(t, json.Unmarshal(b, &c))
		return c
	}
	c := carryOf(read(y25), read(y24))
	require.Equal(t, "2024/25", c.From)
	require.Len(t, c.Payments, 1)
	require.Len(t, c.Payments[0].Parts[0].Values, 1)
	require.Equal(t, "27.000", c.Payments[0].Parts[0].Values[0].Rate)
	require.Equal(t, "2024-10-01", c.Payments[0].Parts[0].Values[0].From)

	y26 := strings.Replace(y25, `year = "2025/26"`, `year = "2026/27"`, 1)
	c = carryOf(read(y26), read(y25))
	require.Len(t, c.Payments, 1)
	require.Empty(t, c.Payments[0].Parts[0].Values)
}

// A maximum is listed from the date it takes effect and not again while
// nothing changes it: CP's sourced £66,972 from April 2025 is its one
// entry, though a paramedic's eligibility from June 2025 is a date a
// band's figure may change (kills the comparisons of sameMaximum: issue
// 25).
func TestMaximumListedOnceWhileUnchanged(t *testing.T) {
	out := completeTexts(t, afcBands("", "7", "7-8a"), flatCosts, yearText("2025/26",
		roleText("clinical_pharmacist", "7-8a", "", maxText("2025-04-01", "66972", "")),
		roleText("paramedic", "7", "  eligible_from = 2025-06-01\n", maxText("2025-06-01", "64907", ""))))[0]
	r, ok := out.ARRS().Role("clinical_pharmacist")
	require.True(t, ok)
	require.Len(t, r.Maxima, 1, "%+v", r.Maxima)
	requireMoney(t, "66972", r.Maxima[0].National)
	require.Equal(t, des.MustDate(2025, 4, 1), r.Maxima[0].From)
}

// A figure stated as the most that may be claimed keeps its claim cap and
// has no band equivalent: CP's £37,810 claim (2019/20's 70% share, as
// stated) and FCP's London-only £40,000 claim stand as stated, with no
// London or national figure derived beside them (kills the claim-cap
// zone conditions of entry: issue 25).
func TestClaimCapStandsAlone(t *testing.T) {
	out := completeTexts(t, afcBands(hcasText("afc", "2025-04-01"), "7-8a"), flatCosts, yearText("2025/26",
		roleText("clinical_pharmacist", "7-8a", "", maxText("2025-04-01", "37810", "    stated = \"claim\"\n")),
		roleText("first_contact_physiotherapist", "7-8a", "", maxText("2025-04-01", "",
			"    outer_london = \"40000\"\n    stated = \"claim\"\n"))))[0]
	apr := des.MustDate(2025, 4, 1)
	cp := inForce(t, out, "clinical_pharmacist", apr, des.Date{})
	require.True(t, cp.ClaimCap)
	requireMoney(t, "37810", cp.National)
	require.True(t, cp.OuterLondon.IsZero() && cp.InnerLondon.IsZero(), "%+v", cp)
	fcp := inForce(t, out, "first_contact_physiotherapist", apr, des.Date{})
	require.True(t, fcp.ClaimCap)
	requireMoney(t, "40000", fcp.OuterLondon)
	require.True(t, fcp.National.IsZero() && fcp.InnerLondon.IsZero(), "%+v", fcp)
}

// A role paid at a range of bands takes the highest band's maximum, and
// its explanation says so; each band's own maxima do not (kills the range
// test of entry: issue 25).
func TestRangeBandMaxima(t *testing.T) {
	bands := afcBands("", "4", "5") + "[[band]]\nid = \"4-5\"\nname = \"bands 4 to 5\"\npay = \"afc\"\nof = [\"4\", \"5\"]\n"
	out := completeTexts(t, bands, flatCosts, yearText("2025/26",
		roleText("pharmacy_technician", "5", "", maxText("2025-04-01", "43352", "")),
		roleText("mental_health_practitioner", "4-5", "")))[0]
	r, ok := out.ARRS().Role("mental_health_practitioner")
	require.True(t, ok)
	require.Len(t, r.Maxima, 1)
	requireMoney(t, "43352", r.Maxima[0].National)
	eq := "derived by band equality: band 5's figure is pharmacy_technician's sourced £43,352.00 (from 2025-04-01; " +
		"sourced 2025-04-01)"
	require.Equal(t, "mental_health_practitioner are paid at bands 4, 5; the maximum is band 5's, the highest: "+eq,
		r.Maxima[0].Source.Document)
	require.Len(t, r.BandMaxima["5"], 1)
	require.Equal(t, eq, r.BandMaxima["5"][0].Source.Document)
	require.Empty(t, r.BandMaxima["4"], "no figure of band 4 to derive it from")
}

// The evidence of a role's figure lasts until the day before its next:
// CP's £66,972 from April 2025 until 31 October, £70,000 from November
// (kills `AddDays(-1)` → `AddDays(1)` in evidenceOf: issue 25).
func TestEvidenceUntilTheNextFigure(t *testing.T) {
	rs, err := rulefile.Read("y.toml", []byte(yearText("2025/26", roleText("clinical_pharmacist", "7-8a", "",
		maxText("2025-04-01", "66972", ""), maxText("2025-11-01", "70000", "")))))
	require.NoError(t, err)
	text, err := derive.EvidenceOf(rs).MarshalText()
	require.NoError(t, err)
	require.Contains(t, string(text), "\nanchor clinical_pharmacist \"7-8a\" 2025-04-01 2025-10-31 2025-04-01 66972 - -\n")
	require.Contains(t, string(text), "\nanchor clinical_pharmacist \"7-8a\" 2025-11-01 2026-03-31 2025-11-01 70000 - -\n")
}

// ParseExact takes exponents within ±28, the limits included (kills the
// boundary mutants of ParseExact: issue 25); evidence with an empty line
// is an error, not a panic.
func TestParseExactLimits(t *testing.T) {
	for s, exp := range map[string]int32{"1e28": 28, "1e-28": -28, "0.0000000000000000000000000001": -28} {
		v, err := derive.ParseExact(s)
		require.NoError(t, err, s)
		require.Equal(t, exp, v.Exponent(), s)
	}
	for _, s := range []string{"1e29", "1e-29"} {
		_, err := derive.ParseExact(s)
		require.ErrorIs(t, err, des.ErrInvalid, s)
	}
	var e derive.Evidence
	require.ErrorIs(t, e.UnmarshalText([]byte("evidence 2025/26\ndates\n\nend\n")), des.ErrSyntax)
}

// The band rules' lists are copies, and a nil BandRules has none (kills
// the nil guards of Bands and Awards: issue 25).
func TestBandRulesLists(t *testing.T) {
	b, err := rulefile.ReadBands("bands.toml", []byte(testBands+`
[[basis]]
band = "gp"
from = 2025-04-01
salary = "82418"
london_weighting = "2162"
point = "the test salary element"
source = "test basis"
url = "https://example.org/basis"
confidence = "confirmed"
`))
	require.NoError(t, err)
	require.Len(t, b.Bands(), 2)
	require.Equal(t, "7-8a", b.Bands()[0].ID)
	require.Len(t, b.Awards(), 3)
	requireMoney(t, "10", b.Awards()[0].Percent)
	require.Len(t, b.PayGroups(), 2)
	require.Len(t, b.HCAS(), 1)
	requireMoney(t, "8000", b.HCAS()[0].Inner.Max)
	require.Len(t, b.Bases(), 1)
	requireMoney(t, "82418", b.Bases()[0].Salary)
	b.Bands()[0].ID = "changed"
	require.Equal(t, "7-8a", b.Bands()[0].ID)
	var none *derive.BandRules
	require.Nil(t, none.Bands())
	require.Nil(t, none.Awards())
	require.Nil(t, none.PayGroups())
	require.Nil(t, none.HCAS())
	require.Nil(t, none.Bases())
	_, ok := none.Band("7-8a")
	require.False(t, ok)
}
