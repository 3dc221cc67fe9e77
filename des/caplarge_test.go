package des_test

// Issue 25: "more than 100,000 patients" (2019/20's caps; Management in
// Practice reporting BMA guidance, "Networks with more than 100,000 patients
// will receive funding to employ two pharmacists and two social
// prescribers"): a PCN of exactly 100,000 has the smaller cap.

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func TestCapLargeIsMoreThanTheThreshold(t *testing.T) {
	rs, err := rates.YearNamed("2019/20")
	require.NoError(t, err)
	for _, id := range []string{"clinical_pharmacist", "social_prescribing_link_worker"} {
		role, ok := rs.ARRS().Role(id)
		require.True(t, ok, id)
		require.NotEmpty(t, role.Caps, id)
		c := role.Caps[0]
		require.Equal(t, int64(100000), c.LargeAbove, id)
		for reg, want := range map[int64]struct {
			large bool
			limit string
		}{
			0: {false, "1"}, 99999: {false, "1"}, 100000: {false, "1"},
			100001: {true, "2"}, 250000: {true, "2"},
		} {
			require.Equal(t, want.large, c.Large(reg), "%s, %d patients", id, reg)
			require.Equal(t, want.limit, c.LimitFor(reg).String(), "%s, %d patients", id, reg)
		}
	}
	// No large limit: the threshold alone changes nothing.
	c := des.Cap{Unit: des.CapWTE, LargeAbove: 100000}
	require.False(t, c.Large(100001))
	require.True(t, c.LimitFor(100001).IsZero())
	// No threshold: the large limit never applies, however large the list.
	c = des.Cap{Unit: des.CapHeadcount, Limit: decimal.NewFromInt(1), LargeLimit: decimal.NewFromInt(2)}
	require.False(t, c.Large(250000))
	require.Equal(t, "1", c.LimitFor(250000).String())
}
