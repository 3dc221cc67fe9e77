package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pcnfin/pcnfin/internal/workbook/wbtest"
	"github.com/stretchr/testify/require"
)

// The built program: -format xlsx needs -o (exit 2, nothing written); -o
// naming the scenario is refused (exit 1) and leaves it as it was; -o FILE
// writes a workbook and nothing to stdout, and no temporary file is left.
func TestWorkbookFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "forecast")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	scen := filepath.Join(dir, "my.toml")
	src, err := os.ReadFile("testdata/projection.toml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(scen, src, 0o644))
	exit := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), stdout.String(), stderr.String()
		}
		require.NoError(t, err)
		return 0, stdout.String(), stderr.String()
	}
	status, stdout, stderr := exit("-format", "xlsx")
	require.Equal(t, 2, status)
	require.Empty(t, stdout)
	require.Contains(t, stderr, "give -o FILE")

	status, _, stderr = exit("-scenario", scen, "-format", "xlsx", "-o", filepath.Join(dir, ".", "my.toml"))
	require.Equal(t, 1, status)
	require.Contains(t, stderr, "input file")
	got, err := os.ReadFile(scen)
	require.NoError(t, err)
	require.Equal(t, src, got, "the scenario is untouched")

	out := filepath.Join(dir, "forecast.xlsx")
	status, stdout, stderr = exit("-scenario", scen, "-year", "2025/26", "-format", "xlsx", "-o", out)
	require.Equal(t, 0, status, stderr)
	require.Empty(t, stdout)
	book, err := os.ReadFile(out)
	require.NoError(t, err)
	require.Greater(t, wbtest.Open(t, book).CheckSums(), 5)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 3, "forecast, my.toml, forecast.xlsx: no temporary file left")
}
