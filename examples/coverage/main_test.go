package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/stretchr/testify/require"
)

// The coverage tables of docs/coverage.md are this program's output: keep
// them in step with the rate tables.
func TestREADMETablesAreCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the program")
	}
	out, err := exec.Command("go", "run", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../docs/coverage.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), strings.TrimRight(string(out), "\n")) {
		t.Fatal("docs/coverage.md's coverage tables differ from `go run ./examples/coverage`: paste its output between the tables markers")
	}
}

// Every format works; a year past the last published one needs assumptions.
func TestFormats(t *testing.T) {
	for _, format := range []string{"table", "markdown", "csv", "json"} {
		var out bytes.Buffer
		require.NoError(t, run(&out, &cli.Common{Format: format, Years: []des.Year{2024, 2025}}))
		require.Contains(t, out.String(), "clinical_pharmacist", format)
		require.NotContains(t, out.String(), "2023/24", format)
		if format == "json" {
			require.True(t, json.Valid(out.Bytes()))
		}
		if format == "csv" {
			_, err := csv.NewReader(&out).ReadAll()
			require.NoError(t, err)
		}
	}
	var out bytes.Buffer
	err := run(&out, &cli.Common{Format: "table", Years: []des.Year{2030}})
	require.ErrorIs(t, err, des.ErrUnknownYear)
}
