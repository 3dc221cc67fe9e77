package main

import (
	"bytes"
	"encoding/json"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/internal/golden"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name    string
		year    des.Year
		formats []string
	}{
		// The embedded default scenario in 2025/26, the latest year with role maxima.
		{"default", 2025, []string{"table", "csv", "json", "markdown"}},
		// 2022/23: the roster's first claims (care coordinator, social prescriber).
		{"2022-23", 2022, []string{"table"}},
		// 2024/25: the GP ring-fence is a pot of its own.
		{"2024-25", 2024, []string{"table", "json"}},
	} {
		for _, format := range tc.formats {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				var out bytes.Buffer
				require.NoError(t, run(&out, &cli.Common{Years: cli.Years{tc.year}, Format: format}, false))
				golden.Check(t, tc.name+"."+format, out.Bytes())
			})
		}
	}
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Years: cli.Years{2025}, Format: "csv"}, true))
	golden.Check(t, "default.tidy.csv", out.Bytes())
}

func TestUnknownYearWritesNothing(t *testing.T) {
	var out bytes.Buffer
	err := run(&out, &cli.Common{Years: cli.Years{2030}, Format: "table"}, false)
	require.ErrorIs(t, err, des.ErrUnknownYear)
	require.Empty(t, out.String())
}

// Issue 19: claims does every year asked, in every format (it said "give
// one year"); a scenario's years = [...] are every one of its years (it
// quietly used the first).
func TestEveryYear(t *testing.T) {
	two := cli.Years{2024, 2025}
	for _, format := range []string{"table", "csv", "json", "markdown"} {
		var out bytes.Buffer
		require.NoError(t, run(&out, &cli.Common{Years: two, Format: format}, false))
		golden.Check(t, "two-years."+format, out.Bytes())
	}
	var tidy bytes.Buffer
	require.NoError(t, run(&tidy, &cli.Common{Years: two, Format: "csv"}, true))
	golden.Check(t, "two-years.tidy.csv", tidy.Bytes())

	// Each year is the one-year answer, unchanged by the other years.
	var both []arrs.Result
	var out bytes.Buffer
	require.NoError(t, run(&out, &cli.Common{Years: two, Format: "json"}, false))
	require.NoError(t, json.Unmarshal(out.Bytes(), &both))
	require.Len(t, both, 2)
	for i, y := range two {
		var one arrs.Result
		out.Reset()
		require.NoError(t, run(&out, &cli.Common{Years: cli.Years{y}, Format: "json"}, false))
		require.NoError(t, json.Unmarshal(out.Bytes(), &one))
		require.Equal(t, y, both[i].Year)
		require.True(t, one.Claims == both[i].Claims, "%s", y)
		require.True(t, one.Headroom == both[i].Headroom, "%s", y)
	}

	// The scenario's years, with no -year: both, as -year 2024/25,2025/26.
	var fromFile bytes.Buffer
	require.NoError(t, run(&fromFile, &cli.Common{Scenario: "testdata/years.toml", Format: "json"}, false))
	out.Reset()
	require.NoError(t, run(&out, &cli.Common{Years: two, Format: "json"}, false))
	require.JSONEq(t, out.String(), fromFile.String())
}
