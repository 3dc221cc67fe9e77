package main

import (
	"bytes"
	"encoding/json"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/internal/golden"
	"github.com/pcnfin/pcnfin/internal/webui"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func hire(t *testing.T, role, wte string, start des.Date, cost string) arrs.Hire {
	t.Helper()
	w, err := arrs.WTEOf(decimal.RequireFromString(wte))
	require.NoError(t, err)
	h := arrs.Hire{Role: role, WTE: w, Start: start}
	if cost != "" {
		h.AnnualCost = decimal.RequireFromString(cost)
	}
	return h
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name    string
		hire    arrs.Hire
		formats []string
	}{
		// The program's defaults: 1 WTE clinical pharmacist from 1 October
		// of 2025/26, the latest year with role maxima.
		{"default", hire(t, "clinical_pharmacist", "1", des.MustDate(2025, 10, 1), ""), []string{"table", "csv", "json", "markdown"}},
		// A half-time GP from October 2024, against the 2024/25 GP ring-fence.
		{"gp-2024-25", hire(t, "general_practitioner", "0.5", des.MustDate(2024, 10, 1), "98000"), []string{"table"}},
		// A role with no sourced maximum says so rather than inventing one.
		{"no-maximum", hire(t, "paramedic", "1", des.MustDate(2025, 10, 1), "61000"), []string{"table", "json"}},
	} {
		for _, format := range tc.formats {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				var out bytes.Buffer
				require.NoError(t, run(&out, &cli.Common{Format: format}, tc.hire))
				golden.Check(t, tc.name+"."+format, out.Bytes())
			})
		}
	}
}

// Issue 19: headroom does every year asked, in every format (it said "give
// one year"), and a scenario's years = [...] are every one of its years.
// A hire from October 2024 asked about 2024/25 and 2025/26 is in post from
// October in the first and all year in the second.
func TestEveryYear(t *testing.T) {
	h := hire(t, "paramedic", "1", des.MustDate(2024, 10, 1), "")
	two := cli.Years{2024, 2025}
	for _, format := range []string{"table", "csv", "json", "markdown"} {
		var out bytes.Buffer
		require.NoError(t, run(&out, &cli.Common{Years: two, Format: format}, h))
		golden.Check(t, "two-years."+format, out.Bytes())
	}
	var both []struct {
		Year  des.Year `json:"year"`
		Start des.Date `json:"start"`
	}
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Years: two, Format: "json"}, h))
	require.NoError(t, json.Unmarshal(out.Bytes(), &both))
	require.Len(t, both, 2)
	require.Equal(t, des.MustDate(2024, 10, 1), both[0].Start)
	require.Equal(t, des.MustDate(2025, 4, 1), both[1].Start)

	var fromFile bytes.Buffer
	noStart := hire(t, "paramedic", "1", des.Date{}, "")
	require.NoError(t, run(&fromFile, &cli.Common{Scenario: "testdata/years.toml", Format: "json"}, noStart))
	out.Reset()
	require.NoError(t, run(&out, &cli.Common{Years: cli.Years{2024, 2025}, Format: "json"}, noStart))
	require.JSONEq(t, out.String(), fromFile.String())
	require.Equal(t, 2, strings.Count(fromFile.String(), `"start"`))
}

// Issue 20: the headroom program and /api/afford give the same answer for
// the same hire, with a start date and without, with a year and without:
// both ask the library (scenario.Workbook.Afford), so one set of defaults.
// (A 1 WTE paramedic in 2025/26 with no start was £33,635.52 here, from
// 1 October, and £67,271.04 there, from 1 April.)
func TestSameAnswerAsTheWebAPI(t *testing.T) {
	ts := httptest.NewServer(webui.Handler(webui.Config{Example: cli.DefaultScenario}))
	defer ts.Close()
	for _, tc := range []struct {
		query string
		years cli.Years
		hire  arrs.Hire
	}{
		{"year=2025/26&role=paramedic&wte=1", cli.Years{2025}, hire(t, "paramedic", "1", des.Date{}, "")},
		{"year=2025/26&role=paramedic&wte=1&start=2025-10-01", cli.Years{2025},
			hire(t, "paramedic", "1", des.MustDate(2025, 10, 1), "")},
		{"role=paramedic&wte=0.5&start=2024-07-01&annual_cost=58000.50", nil,
			hire(t, "paramedic", "0.5", des.MustDate(2024, 7, 1), "58000.50")},
		{"role=clinical_pharmacist&wte=1", nil, hire(t, "clinical_pharmacist", "1", des.Date{}, "")},
		{"year=2024/25,2025/26&role=care_coordinator&wte=1&start=2024-10-01&london=outer", cli.Years{2024, 2025},
			func() arrs.Hire {
				h := hire(t, "care_coordinator", "1", des.MustDate(2024, 10, 1), "")
				h.London = arrs.OuterLondon
				return h
			}()},
	} {
		var out bytes.Buffer
		require.NoError(t, run(&out, &cli.Common{Years: tc.years, Format: "json"}, tc.hire), tc.query)
		resp, err := http.Post(ts.URL+"/api/afford?"+tc.query, "application/toml", bytes.NewReader(cli.DefaultScenario))
		require.NoError(t, err)
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		require.JSONEq(t, out.String(), string(body), tc.query)
	}
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Years: cli.Years{2025}, Format: "json"}, hire(t, "paramedic", "1", des.Date{}, "")))
	require.Contains(t, out.String(), `"claim": "67271.04"`)
	require.Contains(t, out.String(), `"start": "2025-04-01"`)
}
