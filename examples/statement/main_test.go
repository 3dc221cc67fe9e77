package main

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/internal/golden"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func TestGolden(t *testing.T) {
	for _, format := range []string{"table", "csv", "json"} {
		t.Run(format, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(&out, &cli.Common{Format: format, Years: cli.Years{2025}}, ""))
			golden.Check(t, "2025-26."+format, out.Bytes())
		})
	}
}

// The tidy CSV: every practice's amounts add up to the PCN's, line by line
// and month by month.
func TestCSVPracticesAddUpToThePCN(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Format: "csv", Years: cli.Years{2025}}, ""))
	rows, err := csv.NewReader(&out).ReadAll()
	require.NoError(t, err)
	sums := map[string]decimal.Decimal{}
	pcn := map[string]decimal.Decimal{}
	for _, r := range rows[1:] {
		key := r[1] + "|" + r[3] + "|" + r[4]
		v := decimal.RequireFromString(r[6])
		if r[2] == "Riverside PCN (example)" {
			pcn[key] = v
			continue
		}
		sums[key] = sums[key].Add(v)
	}
	require.NotEmpty(t, pcn)
	for k, v := range pcn {
		require.True(t, v.Equal(sums[k]), "%s: PCN %s, practices %s", k, v, sums[k])
	}
}

func TestOnePractice(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Format: "table", Years: cli.Years{des.Year(2025)}}, "Mill Lane Practice"))
	require.Contains(t, out.String(), "statement of Mill Lane Practice")
	require.NotContains(t, out.String(), "statement of Riverside Surgery")
	require.Error(t, run(&out, &cli.Common{Format: "table"}, "Nowhere"))
}
