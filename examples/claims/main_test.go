package main

import (
	"bytes"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/examples/internal/golden"
	"testing"

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
