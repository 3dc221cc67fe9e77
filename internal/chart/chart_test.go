package chart

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

func TestWellFormed(t *testing.T) {
	requireXML(t, Years(scenario.Forecast{Scenario: `A & B <PCN>`}))
	// Control characters (an ANSI escape, a NUL, a newline) are invalid in XML 1.0 or break the chart.
	evil := scenario.Forecast{Scenario: "Evil\u001b[31m PCN\x00\n</title><script>", Years: []scenario.YearResult{{Year: 2024}}}
	for _, chart := range []string{Years(evil), YearsInline(evil)} {
		requireXML(t, chart)
		require.NotContains(t, chart, "\u001b")
		require.NotContains(t, chart, "<script>")
		require.Contains(t, chart, `Evil\x1b[31m PCN\x00\n&lt;/title&gt;`)
	}
	inline := YearsInline(evil)
	require.True(t, strings.HasPrefix(inline, `<svg xmlns="http://www.w3.org/2000/svg" class="chart"`), inline[:80])
	requireXML(t, Months(arrs.Result{Months: []arrs.MonthRow{{Month: "2025-04"}}}))
}

func TestScale(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{{0, "£0"}, {250_000, "£250k"}, {1_500_000, "£1.5m"}, {1_250_000, "£1.25m"}, {2_000_000, "£2m"}} {
		require.Equal(t, tc.want, poundsShort(tc.v))
	}
	step, top := niceScale(1_749_000)
	require.Equal(t, 500_000.0, step)
	require.Equal(t, 2_000_000.0, top)
}

func requireXML(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, "the SVG is not well-formed XML")
	}
}
