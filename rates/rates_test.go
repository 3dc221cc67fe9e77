package rates_test

import (
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

func TestEmbeddedRuleSetsLoad(t *testing.T) {
	_, err := rates.All()
	require.NoError(t, err)
	require.NotEmpty(t, rates.Years())
}

// Every embedded figure names a document, an address and a confidence.
func TestEveryFigureNamesASource(t *testing.T) {
	_, err := rates.All()
	require.NoError(t, err)
	check := func(t *testing.T, what string, s des.Source) {
		t.Helper()
		if strings.TrimSpace(s.Document) == "" || !strings.HasPrefix(s.URL, "http") || s.Confidence == "" {
			t.Errorf("%s: source incomplete: %+v", what, s)
		}
	}
	for _, y := range rates.Years() {
		rs, err := rates.Year(y)
		require.NoError(t, err)
		for _, p := range rs.Payments() {
			for i, pt := range p.Parts {
				require.NotEmpty(t, pt.Values, "%s %s part %d", y, p.ID, i)
				for _, v := range pt.Values {
					check(t, y.String()+" "+p.ID, v.Source)
				}
			}
		}
		for _, r := range rs.ARRS().Roles {
			check(t, y.String()+" role "+r.ID, r.Source)
			for _, m := range r.Maxima {
				check(t, y.String()+" "+r.ID+" max from "+m.From.String(), m.Source)
			}
			for _, c := range r.Caps {
				check(t, y.String()+" "+r.ID+" cap", c.Source)
			}
		}
	}
}

// Every embedded role names its pay band, so the band model can give it a
// maximum wherever no source does; and every role has a maximum in every
// month it is claimable (sourced, derived or carried: no silent zero).
func TestEveryRoleHasABandAndAMaximum(t *testing.T) {
	for _, rs := range mustAll(rates.All()) {
		for _, r := range rs.ARRS().Roles {
			require.NotEmpty(t, r.Band, "%s %s: no band", rs.Year(), r.ID)
			ms := r.MaximaInForce(des.Date{})
			require.NotEmpty(t, ms, "%s %s: no maximum", rs.Year(), r.ID)
			require.False(t, ms[0].From.After(r.EligibleFrom), "%s %s: no maximum from %s", rs.Year(), r.ID, r.EligibleFrom)
			for _, m := range ms {
				require.True(t, m.National.IsPositive() || m.ClaimCap, "%s %s from %s: no national figure", rs.Year(), r.ID, m.From)
			}
		}
	}
}
