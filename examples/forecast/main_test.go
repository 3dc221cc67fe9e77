package main

import (
	"bytes"
	"encoding/xml"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/internal/golden"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

func years(from, to des.Year) []des.Year {
	var ys []des.Year
	for y := from; y <= to; y++ {
		ys = append(ys, y)
	}
	return ys
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name     string
		scenario string
		years    []des.Year
		formats  []string
	}{
		// The embedded default scenario in the latest published year.
		{"default", "", nil, []string{"table", "csv", "json", "markdown"}},
		// Every published year, 2019/20 to 2026/27.
		{"all-years", "", years(2019, 2026), []string{"table", "csv", "json", "markdown"}},
		// Every published year and a projected 2027/28.
		{"projection", "testdata/projection.toml", years(2019, 2027), []string{"table", "json"}},
	} {
		for _, format := range tc.formats {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				var out bytes.Buffer
				require.NoError(t, run(&out, &cli.Common{Scenario: tc.scenario, Years: tc.years, Format: format}, "", des.Date{}))
				golden.Check(t, tc.name+"."+format, out.Bytes())
			})
		}
	}
}

func TestProjectionIsMarked(t *testing.T) {
	var out bytes.Buffer
	svg := filepath.Join(t.TempDir(), "chart.svg")
	require.NoError(t, run(&out, &cli.Common{Scenario: "testdata/projection.toml", Years: years(2019, 2027), Format: "table"}, svg, des.Date{}))
	text := out.String()
	// The projected year's title and its row of the side-by-side table say so; no other year does.
	require.Equal(t, 1, strings.Count(text, "[PROJECTION from 2026/27: assumptions, not published figures]"), "one projected year")
	require.True(t, strings.Contains(text, "network entitlements, 2027/28 (PROJECTED 2027/28"), "2027/28 title")
	require.Regexp(t, `(?m)^2027/28 .*PROJECTION from 2026/27$`, text)
	require.Regexp(t, `(?m)^2026/27 .*published$`, text)

	b, err := os.ReadFile(svg)
	require.NoError(t, err)
	golden.Check(t, "projection.svg", b)
	require.Contains(t, string(b), ">PROJECTION</text>")
	require.Equal(t, 1, strings.Count(string(b), ">PROJECTION</text>"), "only 2027/28 is projected")
	requireXML(t, b)
}

func TestSVGEdgeCases(t *testing.T) {
	// One year, and no years at all, still make a well-formed chart.
	var out bytes.Buffer
	svg := filepath.Join(t.TempDir(), "one.svg")
	require.NoError(t, run(&out, &cli.Common{Years: []des.Year{2024}, Format: "csv"}, svg, des.Date{}))
	b, err := os.ReadFile(svg)
	require.NoError(t, err)
	requireXML(t, b)
	require.Contains(t, string(b), ">2024/25</text>")
	require.NotContains(t, string(b), "PROJECTION", "no projected year, no projection legend")
}

func requireXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, "the SVG is not well-formed XML")
	}
}

func TestErrorsWriteNothing(t *testing.T) {
	var out bytes.Buffer
	// A year past the last published one needs assumptions.
	err := run(&out, &cli.Common{Years: []des.Year{2027}, Format: "table"}, "", des.Date{})
	require.ErrorIs(t, err, des.ErrUnknownYear)
	require.Contains(t, err.Error(), "[assumptions]")
	require.Empty(t, out.String())
}
