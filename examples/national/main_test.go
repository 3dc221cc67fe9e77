package main

import (
	"bytes"
	"github.com/pcnfin/pcnfin/examples/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name    string
		o       options
		formats []string
	}{
		// The embedded synthetic sample in the latest published year.
		{"sample", options{}, []string{"table", "csv", "json", "markdown"}},
		// Two years side by side, one with a GP ring-fence.
		{"sample-2024-25-2025-26", options{years: []des.Year{2025, 2024}}, []string{"table", "csv"}},
		// A file of our own: columns in another order, an extra column.
		{"good", options{csvFile: "testdata/good.csv", years: []des.Year{2019, 2024}}, []string{"table", "json"}},
		// Bad rows skipped: the report says so and stderr lists them.
		{"bad-skipped", options{csvFile: "testdata/bad.csv", years: []des.Year{2025}, skipBad: true}, []string{"table", "csv"}},
	} {
		for _, format := range tc.formats {
			t.Run(tc.name+"."+format, func(t *testing.T) {
				var out, diag bytes.Buffer
				o := tc.o
				o.format = format
				require.NoError(t, run(&out, &diag, o))
				golden.Check(t, tc.name+"."+format, out.Bytes())
				if o.skipBad {
					golden.Check(t, tc.name+".stderr", diag.Bytes())
				} else {
					require.Empty(t, diag.String())
				}
			})
		}
	}
}

func TestSampleSaysItIsSynthetic(t *testing.T) {
	for _, format := range []string{"table", "csv", "json", "markdown"} {
		var out, diag bytes.Buffer
		require.NoError(t, run(&out, &diag, options{format: format}))
		require.True(t, strings.Contains(out.String(), "SYNTHETIC SAMPLE"), format)
		out.Reset()
		require.NoError(t, run(&out, &diag, options{format: format, csvFile: "testdata/good.csv"}))
		require.False(t, strings.Contains(out.String(), "SYNTHETIC"), format)
	}
}

func TestBadRowsWithoutSkipBad(t *testing.T) {
	var out, diag bytes.Buffer
	err := run(&out, &diag, options{format: "table", csvFile: "testdata/bad.csv"})
	require.ErrorIs(t, err, des.ErrBadNumber)
	require.EqualError(t, err, `testdata/bad.csv:3: registered: "41,000" is not a number (write it plainly, as 12000 or 13250.5)`)
	require.Empty(t, out.String())

	// A row that reads but lacks a figure a payment needs names the row.
	in := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\nT1,One,I,1000,1000,1000,1\nT2,Two,I,1000,,1000,1\n"
	path := filepath.Join(t.TempDir(), "missing.csv")
	require.NoError(t, os.WriteFile(path, []byte(in), 0o644))
	err = run(&out, &diag, options{format: "table", csvFile: path, years: []des.Year{2025}})
	require.ErrorIs(t, err, des.ErrMissingFigure)
	require.EqualError(t, err, path+":3: weighted: T2 (Two): no weighted figure, which 2025/26 network_participation needs")
	require.Empty(t, out.String())

	err = run(&out, &diag, options{format: "table", years: []des.Year{2031}})
	require.ErrorIs(t, err, des.ErrUnknownYear)
}

// Totals are exact sums of the rows, whatever the number of workers.
func TestTotalsAreExactSums(t *testing.T) {
	rows, bad, err := national.ReadPCNs("sample.csv", bytes.NewReader(sampleCSV), national.PCNOptions{})
	require.NoError(t, err)
	require.Empty(t, bad)
	require.Len(t, rows, 40)
	in := make([]arrs.PCNInput, len(rows))
	for i, r := range rows {
		in[i].PCN = r.PCN
	}
	for _, rs := range mustAll(rates.All()) {
		plan, err := arrs.Compile(rs, arrs.Options{})
		require.NoError(t, err)
		one, many := plan.CalculateEach(in, 1), plan.CalculateEach(in, 16)
		var pcns []national.RolledPCN
		for i := range rows {
			require.NoError(t, one[i].Err, "%s line %d", rs.Year(), rows[i].Line)
			require.True(t, one[i].Entitlements.Total == many[i].Entitlements.Total)
			pcns = append(pcns, national.RolledPCN{Row: rows[i], Entitlements: one[i].Entitlements})
		}
		y, _, err := national.RollUpRows(rs, "sample.csv", rows, 1, false)
		require.NoError(t, err)
		ent, arrsSum := decimal.Zero, decimal.Zero
		for _, r := range pcns {
			ent, arrsSum = ent.Add(r.Entitlements.Total.Decimal()), arrsSum.Add(r.ARRSSum())
		}
		require.True(t, ent.Equal(y.England.Entitlements), rs.Year())
		require.True(t, arrsSum.Equal(y.England.ARRSSum), rs.Year())
		icbEnt, icbARRS, n := decimal.Zero, decimal.Zero, 0
		for _, g := range y.ICBs {
			icbEnt, icbARRS, n = icbEnt.Add(g.Entitlements), icbARRS.Add(g.ARRSSum), n+g.PCNs
		}
		require.True(t, icbEnt.Equal(ent))
		require.True(t, icbARRS.Equal(arrsSum))
		require.Equal(t, 40, n)
		byPay := decimal.Zero
		for _, p := range y.ByPayment {
			if p.Kind != des.KindARRSSum {
				byPay = byPay.Add(p.Amount)
			}
		}
		require.True(t, byPay.Equal(ent), rs.Year())
	}

	// The same report, byte for byte, on one worker or many.
	var a, b, diag bytes.Buffer
	require.NoError(t, run(&a, &diag, options{format: "json", years: rates.Years(), workers: 1}))
	require.NoError(t, run(&b, &diag, options{format: "json", years: rates.Years(), workers: 16}))
	require.Equal(t, a.String(), b.String())
}
