package rates_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

func amount(t *testing.T, e des.Entitlements, id string) des.Amount {
	t.Helper()
	for _, a := range e.Payments {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("no payment %s", id)
	return des.Amount{}
}

// 2026/27 core PCN funding is £2.311 × registered + £0.748 × adjusted (the
// specification, pages 61-63, as a public repository read it: "£3.059
// (£2.311 registered list + £0.748 adjusted population)"), no longer the
// carried £2.266. Worked by hand for a PCN of 30,000 on every list:
// 30,000 × £2.311 = £69,330.00 and 30,000 × £0.748 = £22,440.00, £91,770.00
// in all (= 30,000 × £3.059), each a whole number of pence a month
// (£5,777.50 and £1,870.00), so no rounding. With the carried £2.266 the
// registered part was £67,980.00.
func TestCore2627FromTheSpecification(t *testing.T) {
	e := entitle(t, "2026/27", uniform(30000))
	core := amount(t, e, "core_pcn_funding")
	requireMoney(t, "91770.00", core.Total)
	requireMoney(t, "69330.00", core.Parts[0].Amount)
	requireMoney(t, "22440.00", core.Parts[1].Amount)
	// Network Participation Payment: £1.761 × 30,000 weighted = £52,830.00,
	// now from a source (paragraph 10.3.5), not carried.
	npp := amount(t, e, "network_participation")
	requireMoney(t, "52830.00", npp.Total)
	rs, err := rates.YearNamed("2026/27")
	require.NoError(t, err)
	for _, id := range []string{"core_pcn_funding", "network_participation"} {
		p, ok := rs.Payment(id)
		require.True(t, ok)
		for _, pt := range p.Parts {
			for _, v := range pt.Values {
				require.True(t, v.Source.Confidence.Sourced(), "%s %s is %s", id, pt.Label, v.Source.Confidence)
				require.Equal(t, "2026-03-26", v.Announced.String(), "%s: announced with the first version", id)
			}
		}
	}
	// -sourced-only keeps them now (it left out the carried figures before)
	so := rs.SourcedOnly()
	e2, err := des.Entitle(so, uniform(30000), des.Options{})
	require.NoError(t, err)
	requireMoney(t, "91770.00", amount(t, e2, "core_pcn_funding").Total)
	requireMoney(t, "52830.00", amount(t, e2, "network_participation").Total)
	// the care home premium is still carried (no citable source): 50 beds ×
	// £130.253 = £6,512.65 a year, paid as twelve monthly payments of
	// £542.72 (£542.7208 to the penny) = £6,512.64, labelled carried, left
	// out by -sourced-only
	chp := amount(t, e, "care_home_premium")
	requireMoney(t, "6512.64", chp.Total)
	_, ok := so.Payment("care_home_premium")
	require.False(t, ok)
}

// The 2026/27 specification has two versions: first published on 26 March
// 2026, reissued on 30 April 2026 with local variations from 1 May. As at
// either date the national figures are the same and the title names the
// version; before the first, no 2026/27 figure had been announced.
func TestSpecification2627Versions(t *testing.T) {
	rs, err := rates.YearNamed("2026/27")
	require.NoError(t, err)
	vs := rs.Versions()
	require.Len(t, vs, 2)
	require.Equal(t, "2026-03-26", vs[0].Published.String())
	require.Equal(t, "2026-04-30", vs[1].Published.String())
	require.Contains(t, rs.TitleAsAt(des.MustDate(2026, 4, 15)), "first published 26 March 2026")
	require.Contains(t, rs.TitleAsAt(des.MustDate(2026, 3, 26)), "first published 26 March 2026")
	require.Contains(t, rs.TitleAsAt(des.MustDate(2026, 4, 30)), "reissued 30 April 2026")
	require.Contains(t, rs.TitleAsAt(des.MustDate(2026, 6, 1)), "reissued 30 April 2026")
	require.Equal(t, rs.Title(), rs.TitleAsAt(des.Date{}))
	require.Contains(t, rs.TitleAsAt(des.MustDate(2026, 3, 1)), "not yet published on 2026-03-01")
	for _, d := range []des.Date{des.MustDate(2026, 4, 15), des.MustDate(2026, 5, 1)} {
		e, err := des.Entitle(rs, uniform(30000), des.Options{AsAt: d})
		require.NoError(t, err, "as at %s", d)
		requireMoney(t, "91770.00", amount(t, e, "core_pcn_funding").Total, "as at", d)
	}
	_, err = des.Entitle(rs, uniform(30000), des.Options{AsAt: des.MustDate(2026, 3, 1)})
	require.Error(t, err, "nothing of 2026/27 was announced on 1 March 2026")
}

// A [[version]] list out of date order, or without a title, is refused
// with the file, line and field.
func TestVersionListIsChecked(t *testing.T) {
	raw, err := rates.File(2026)
	require.NoError(t, err)
	bad := strings.Replace(string(raw), "published = 2026-04-30", "published = 2026-03-01", 1)
	_, err = rulefile.Read("2026-27.toml", []byte(bad))
	require.ErrorContains(t, err, "version[1].published")
	require.ErrorContains(t, err, "not after the previous version's 2026-03-26")
	require.ErrorContains(t, err, "2026-27.toml:")
}
