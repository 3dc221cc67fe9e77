package des_test

// Lived mutants of des at d5ae640 (issue 25), each killed by a rule stated
// here: a role handed out by a rule set is a copy, including its per-band
// maxima; a London figure keeps its own source only when it differs from the
// national one; a date is digits in every place but the two dashes.

import (
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// RuleSet.ARRS hands out copies: changing a mental health practitioner's
// per-band maxima in the copy leaves the rule set as it was.
func TestRoleCopyIncludesBandMaxima(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	var band string
	var want decimal.Decimal
	for _, r := range rs.ARRS().Roles {
		if len(r.BandMaxima) == 0 {
			continue
		}
		for b, ms := range r.BandMaxima {
			require.NotEmpty(t, ms, "%s band %s", r.ID, b)
			band, want = b, ms[0].National
			ms[0].National = decimal.NewFromInt(1) // written into the copy
			r.BandMaxima["new"] = nil
			break
		}
		again, ok := rs.ARRS().Role(r.ID)
		require.True(t, ok)
		require.True(t, want.Equal(again.BandMaxima[band][0].National), "%s band %s: %s after changing a copy, want %s",
			r.ID, band, again.BandMaxima[band][0].National, want)
		require.NotContains(t, again.BandMaxima, "new")
		return
	}
	t.Fatal("no role in 2025/26 has per-band maxima (the mental health practitioner should)")
}

// SetZone: a London figure whose source is the national figure's keeps no
// source of its own (it would repeat it); a different source is kept; setting
// the national figure drops London sources now equal to it.
func TestSetZoneKeepsOnlyDifferentSources(t *testing.T) {
	nat := des.Source{Document: "Network Contract DES 2025/26, Table 3", Confidence: des.Confirmed}
	lon := des.Source{Document: "derived by the London rule", Confidence: des.Derived}
	var mx des.Maximum
	mx.SetZone(0, decimal.NewFromInt(46000), nat)
	mx.SetZone(1, decimal.NewFromInt(52000), nat)
	require.Nil(t, mx.OuterSource, "outer London from the national source")
	mx.SetZone(2, decimal.NewFromInt(55000), lon)
	require.NotNil(t, mx.InnerSource)
	require.Equal(t, lon, *mx.InnerSource)
	mx.SetZone(1, decimal.NewFromInt(52000), lon)
	require.NotNil(t, mx.OuterSource)
	require.Equal(t, lon, *mx.OuterSource)
	require.Equal(t, "52000", mx.OuterLondon.String())
	require.Equal(t, "55000", mx.InnerLondon.String())
	// The national figure now comes from lon too: both London sources repeat it.
	mx.SetZone(0, decimal.NewFromInt(47000), lon)
	require.Nil(t, mx.OuterSource)
	require.Nil(t, mx.InnerSource)
	require.Equal(t, lon, mx.Source)
	require.Equal(t, "47000", mx.National.String())
}

// A date is YYYY-MM-DD with a digit in each place but the dashes: a sign
// that strconv would read ("+4" is 4) is not a month or a day.
func TestParseDateWantsDigitsInEveryPlace(t *testing.T) {
	for _, s := range []string{"2025-+4-01", "2025-04-+1", "+025-04-01", "2025-4 -01", "2025-04-1x"} {
		_, err := des.ParseDate(s)
		require.ErrorIs(t, err, des.ErrBadDate, s)
	}
	d, err := des.ParseDate("2025-04-01")
	require.NoError(t, err)
	require.Equal(t, des.MustDate(2025, 4, 1), d)
}

// A bare TOML local time (start = 00:00:00) is refused as a time of day,
// not as "year 0"; a date on 1 January is a date (lived mutants at
// date.go:208, issue 25).
func TestUnmarshalTOMLTimeOfDayAndFirstOfJanuary(t *testing.T) {
	var v struct{ Start des.Date }
	_, err := toml.Decode("start = 00:00:00", &v)
	require.ErrorContains(t, err, "bad date: 00:00:00 is a time of day, not a date") // toml does not wrap it
	_, err = toml.Decode("start = 2025-01-01", &v)
	require.NoError(t, err)
	require.Equal(t, des.MustDate(2025, 1, 1), v.Start)
	_, err = toml.Decode("start = 2025-02-01", &v)
	require.NoError(t, err)
	require.Equal(t, des.MustDate(2025, 2, 1), v.Start)
	_, err = toml.Decode("start = 2025-01-02", &v)
	require.NoError(t, err)
	require.Equal(t, des.MustDate(2025, 1, 2), v.Start)
}
