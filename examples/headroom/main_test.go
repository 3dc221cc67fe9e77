package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name.golden (or rewrites it with -update).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden file: run go test -update to write it")
	if bytes.Equal(want, got) {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Fatalf("%s differs at line %d (run go test -update if the change is right, and review the diff):\nwant: %s\ngot:  %s", path, i+1, w, g)
		}
	}
}

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
		// of the latest year with role maxima.
		{"default", hire(t, "clinical_pharmacist", "1", des.Date{}, ""), []string{"table", "csv", "json", "markdown"}},
		// A half-time GP from October 2024, against the 2024/25 GP ring-fence.
		{"gp-2024-25", hire(t, "general_practitioner", "0.5", des.MustDate(2024, 10, 1), "98000"), []string{"table"}},
		// A role with no sourced maximum says so rather than inventing one.
		{"no-maximum", hire(t, "paramedic", "1", des.MustDate(2025, 10, 1), "61000"), []string{"table", "json"}},
	} {
		for _, format := range tc.formats {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				var out bytes.Buffer
				require.NoError(t, run(&out, "", tc.hire, format, ""))
				golden(t, tc.name+"."+format, out.Bytes())
			})
		}
	}
}
