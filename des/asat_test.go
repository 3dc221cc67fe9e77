package des_test

// Issue 25: the as-at date includes its own day (des.Options.AsAt: "uses
// only values announced on or before that date"), for payment values and
// for role maxima alike.

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// In the test rules enhanced access is £7.00 from April 2022 (announced 1
// March 2022), revised to £8.00 backdated to April (announced 26 September
// 2022). For an adjusted population of 19,000 + 26,000 = 45,000:
//   - as at 26 September 2022 (the revision's day): 45,000 × £8 ÷ 12 =
//     £30,000.00 in April;
//   - as at 25 September 2022: 45,000 × £7 ÷ 12 = £26,250.00;
//   - as at 1 March 2022 (the original's day): £26,250.00, not "no rate".
func TestValueAnnouncedOnTheAsAtDayIsInForce(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	for asAt, april := range map[des.Date]string{
		des.MustDate(2022, 9, 26): "30000",
		des.MustDate(2022, 9, 25): "26250",
		des.MustDate(2022, 3, 1):  "26250",
	} {
		e, err := des.Entitle(rs, testPCN(), des.Options{AsAt: asAt})
		require.NoError(t, err, "as at %s", asAt)
		ea, ok := e.Payment("enhanced_access")
		require.True(t, ok)
		requireMoney(t, april, ea.Months[0], "April as at ", asAt)
	}
}

// Role maxima: the 2023/24 clinical pharmacist maximum is £59,312 from April
// 2023 (announced 30 March 2023) and £62,340 from July (announced 2 June
// 2023; The Pharmacist, 'No new funding for ARRS pay increases'); the
// 2025/26 uplift to £69,410 (derived by the band model) was announced on 1
// August 2025, over the published £66,972.
func TestMaximumAnnouncedOnTheAsAtDayIsInForce(t *testing.T) {
	rs, err := rates.YearNamed("2023/24")
	require.NoError(t, err)
	cp, ok := rs.ARRS().Role("clinical_pharmacist")
	require.True(t, ok)
	amounts := func(ms []des.Maximum) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.From.String()+" "+m.National.String())
		}
		return out
	}
	require.Equal(t, []string{"2023-04-01 59312", "2023-07-01 62340"}, amounts(cp.MaximaInForce(des.MustDate(2023, 6, 2))))
	require.Equal(t, []string{"2023-04-01 59312"}, amounts(cp.MaximaInForce(des.MustDate(2023, 6, 1))))
	require.Equal(t, []string{"2023-04-01 59312"}, amounts(cp.MaximaInForce(des.MustDate(2023, 3, 30))))
	require.Empty(t, cp.MaximaInForce(des.MustDate(2023, 3, 29)), "nothing announced yet")

	rs, err = rates.YearNamed("2025/26")
	require.NoError(t, err)
	cp, ok = rs.ARRS().Role("clinical_pharmacist")
	require.True(t, ok)
	require.Equal(t, "69410", cp.MaximaInForce(des.MustDate(2025, 8, 1))[0].National.String())
	require.Equal(t, "66972", cp.MaximaInForce(des.MustDate(2025, 7, 31))[0].National.String())
}
