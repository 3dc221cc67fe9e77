package main

import (
	"bytes"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/internal/golden"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name     string
		scenario string
		years    []des.Year
		formats  []string
	}{
		// The embedded default scenario: the current DES year against the year before.
		{"default", "", nil, []string{"table", "csv", "json", "markdown"}},
		// The earliest published year against the latest.
		{"2019-20-2026-27", "", []des.Year{2019, 2026}, []string{"table"}},
		// A year with a mid-year change and the GP ring-fence against the next.
		{"2024-25-2025-26", "", []des.Year{2024, 2025}, []string{"table", "json"}},
		// A published year against a projection, marked as such.
		{"projection", "testdata/projection.toml", []des.Year{2025, 2027}, []string{"table", "csv"}},
	} {
		for _, format := range tc.formats {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				var out bytes.Buffer
				require.NoError(t, run(&out, &cli.Common{Scenario: tc.scenario, Years: tc.years, Format: format}))
				golden.Check(t, tc.name+"."+format, out.Bytes())
			})
		}
	}
}

func TestProjectionIsMarked(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Scenario: "testdata/projection.toml", Years: []des.Year{2025, 2027}, Format: "table"}))
	text := out.String()
	require.True(t, strings.Contains(text, "2025/26 → 2027/28 [PROJECTION from 2026/27]"))
	require.True(t, strings.Contains(text, "2027/28 is a PROJECTION from 2026/27"))
}

func TestChangesAreNamed(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Scenario: "", Years: []des.Year{2024, 2025}, Format: "json"}))
	text := out.String()
	// The 2025/26 GP ring-fence folded back into the main ARRS sum.
	require.Regexp(t, `"id": "arrs_gp",\s+"name": "[^"]*",\s+"change": "removed"`, text)

	out.Reset()
	require.NoError(t, run(&out, &cli.Common{Scenario: "", Years: []des.Year{2019, 2020}, Format: "table"}))
	text = out.String()
	require.Regexp(t, `(?m)^care_coordinator\s+added`, text)
	require.Regexp(t, `(?m)^clinical_pharmacist\s+\S.*reimbursed 70% → 100%`, text)

	for _, years := range [][]des.Year{{2024, 2024}} {
		err := run(&out, &cli.Common{Scenario: "", Years: years, Format: "table"})
		require.ErrorIs(t, err, des.ErrInvalid)
	}
}
