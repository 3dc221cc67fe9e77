package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// writeSynthetic writes a made-up PCN list of n rows in 42 made-up ICBs,
// with list sizes from 20,000 to 120,000 (not NHS data).
func writeSynthetic(w io.Writer, n int) error {
	r := rand.New(rand.NewPCG(14, uint64(n)))
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds")
	for i := range n {
		reg := 20_000 + r.IntN(100_000)
		fmt.Fprintf(bw, "S%07d,Synthetic PCN %d,NHS Synthetic ICB %02d,%d,%d.%02d,%d.%d,%d\n", i+1, i+1, r.IntN(42)+1,
			reg, reg*(85+r.IntN(30))/100, r.IntN(100), reg*(90+r.IntN(20))/100, r.IntN(10), r.IntN(300))
	}
	return bw.Flush()
}

// NATIONAL_SYNTHETIC=125000 NATIONAL_SYNTHETIC_OUT=/tmp/pcns.csv go test -run TestWriteSynthetic ./examples/national
// writes a synthetic list to time the program on (see README).
func TestWriteSynthetic(t *testing.T) {
	out := os.Getenv("NATIONAL_SYNTHETIC_OUT")
	if out == "" {
		t.Skip("set NATIONAL_SYNTHETIC_OUT (and NATIONAL_SYNTHETIC, rows) to write a synthetic list")
	}
	n, err := strconv.Atoi(os.Getenv("NATIONAL_SYNTHETIC"))
	require.NoError(t, err)
	f, err := os.Create(out)
	require.NoError(t, err)
	require.NoError(t, writeSynthetic(f, n))
	require.NoError(t, f.Close())
}

// A list longer than a chunk streams to the same totals as the whole list
// read and rolled up at once (national.RollUp), and the row limit holds.
func TestStreamingMatchesWholeList(t *testing.T) {
	const n = 3*national.ChunkRows + 123
	path := filepath.Join(t.TempDir(), "synthetic.csv")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, writeSynthetic(f, n))
	require.NoError(t, f.Close())

	var out, diag bytes.Buffer
	years := []des.Year{2019, 2025}
	require.NoError(t, run(&out, &diag, options{csvFile: path, years: years, format: "csv", maxRows: n}))
	recs, err := csv.NewReader(&out).ReadAll()
	require.NoError(t, err)

	rows, bad, err := national.ReadPCNsFile(path, national.PCNOptions{MaxRows: -1, MaxBytes: -1})
	require.NoError(t, err)
	require.Empty(t, bad)
	var want [][]string
	for _, y := range years {
		rs, err := rates.YearNamed(y.String())
		require.NoError(t, err)
		roll, _, err := national.RollUpRows(rs, path, rows, 0, false)
		require.NoError(t, err)
		for _, r := range roll.PCNs {
			want = append(want, []string{y.String(), "pcn", r.Row.Code, r.Row.Name, r.Row.ICB, "1", report.RegisteredPlain(r),
				r.Entitlements.Total.StringFixed(2), r.ARRSSum().StringFixed(2), path})
		}
		want = append(want, report.NationalTotalsCSV(&national.Rollups{Data: path}, &roll)...)
	}
	require.Equal(t, append([][]string{report.NationalCSVHeader()}, want...), recs)

	// One row over the limit is refused, not cut short.
	out.Reset()
	err = run(&out, &diag, options{csvFile: path, years: years, format: "csv", maxRows: n - 1})
	require.ErrorContains(t, err, fmt.Sprintf("more than %d rows", n-1))
}

// A list longer than a chunk gives, in JSON, the bytes of the whole list
// rolled up at once and written in one piece (render.WriteJSON of
// national.Rollups), though the program keeps its PCNs in a temporary file.
func TestStreamingJSONMatchesWholeList(t *testing.T) {
	const n = 2*national.ChunkRows + 57
	path := filepath.Join(t.TempDir(), "synthetic.csv")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, writeSynthetic(f, n))
	require.NoError(t, f.Close())

	var out, diag bytes.Buffer
	years := []des.Year{2019, 2025}
	require.NoError(t, run(&out, &diag, options{csvFile: path, years: years, format: "json", maxRows: n}))

	rows, bad, err := national.ReadPCNsFile(path, national.PCNOptions{MaxRows: -1, MaxBytes: -1})
	require.NoError(t, err)
	require.Empty(t, bad)
	want := national.Rollups{Data: path}
	for _, y := range years {
		rs, err := rates.YearNamed(y.String())
		require.NoError(t, err)
		roll, _, err := national.RollUpRows(rs, path, rows, 0, false)
		require.NoError(t, err)
		want.Years = append(want.Years, roll)
	}
	var wb bytes.Buffer
	require.NoError(t, render.WriteJSON(&wb, want))
	require.True(t, bytes.Equal(wb.Bytes(), out.Bytes()), "JSON differs from the whole list's (%d bytes against %d)",
		out.Len(), wb.Len())
	require.Empty(t, diag.String())
}
