package des_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"testing"
	"time"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

// Dates at the edges of what the library accepts, and leap years.
func TestDateEdges(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		ok      bool
		s       string
	}{
		{2024, 2, 29, true, "2024-02-29"}, {2023, 2, 29, false, ""}, {2000, 2, 29, true, "2000-02-29"},
		{2100, 2, 29, false, ""}, {1900, 1, 1, true, "1900-01-01"}, {1899, 12, 31, false, ""},
		{2200, 12, 31, true, "2200-12-31"}, {2201, 1, 1, false, ""}, {2023, 12, 31, true, "2023-12-31"},
		{2023, 4, 30, true, "2023-04-30"}, {2023, 4, 31, false, ""}, {1987, 6, 5, true, "1987-06-05"},
	} {
		got, err := des.NewDate(c.y, time.Month(c.m), c.d)
		if !c.ok {
			require.ErrorIs(t, err, des.ErrBadDate, "%+v", c)
			continue
		}
		require.NoError(t, err, "%+v", c)
		require.Equal(t, c.s, got.String())
	}
	require.Equal(t, 29, des.DaysIn(2000, time.February))
	require.Equal(t, 28, des.DaysIn(2100, time.February))
	require.Equal(t, 29, des.DaysIn(2024, time.February))
	require.Equal(t, 28, des.DaysIn(2025, time.February))
}

// Only a part with a size scale needs the registered list: a rule set
// paying on the weighted list alone entitles a PCN that gives no registered
// figure.
func TestNoScaleNoRegisteredListNeeded(t *testing.T) {
	rs, err := rulefile.Read("w.toml", []byte(`
year = "2025/26"
[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "26.631"
    source = "test"
    url = "https://example.org/arrs"
    confidence = "confirmed"
`))
	require.NoError(t, err)
	e, err := des.Entitle(rs, des.PCN{Name: "W", Practices: []des.Practice{{Name: "P", Weighted: des.WholeNumber(30000)}}}, des.Options{})
	require.NoError(t, err)
	s, _ := e.ARRSSum("main")
	requireMoney(t, "798930", s.Total) // £26.631 × 30,000
}

// A size scale multiplies the part above its threshold (2019/20: two
// pharmacists' worth above 100,000 registered), and not at or below it.
func TestScaleAboveThreshold(t *testing.T) {
	rs, err := rulefile.Read("s.toml", []byte(`
year = "2019/20"
[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "fixed"
  from = 2019-07-01
  scale = [{above = 100000, factor = "2"}]
    [[payment.part.value]]
    rate = "37810"
    source = "test"
    url = "https://example.org/cp"
    confidence = "confirmed"
`))
	require.NoError(t, err)
	for reg, want := range map[int64]string{100000: "28357.50", 100001: "56715"} { // 37,810 × 9 ÷ 12 (× 2)
		e, err := des.Entitle(rs, des.PCN{Name: "S", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(reg)}}}, des.Options{})
		require.NoError(t, err)
		s, _ := e.ARRSSum("main")
		requireMoney(t, want, s.Total, reg)
	}
}
