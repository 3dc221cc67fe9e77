package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
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

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name    string
		year    des.Year
		formats []string
	}{
		// The embedded default scenario in the latest year with role maxima.
		{"default", 0, []string{"table", "csv", "json", "markdown"}},
		// 2022/23: the roster's first claims (care coordinator, social prescriber).
		{"2022-23", 2022, []string{"table"}},
		// 2024/25: the GP ring-fence is a pot of its own.
		{"2024-25", 2024, []string{"table", "json"}},
	} {
		for _, format := range tc.formats {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				var out bytes.Buffer
				require.NoError(t, run(&out, "", tc.year, format, ""))
				golden(t, tc.name+"."+format, out.Bytes())
			})
		}
	}
}

func TestUnknownYearWritesNothing(t *testing.T) {
	var out bytes.Buffer
	err := run(&out, "", 2030, "table", "")
	require.ErrorIs(t, err, des.ErrUnknownYear)
	require.Empty(t, out.String())
}
