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
	"sync"
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

// streamList is one synthetic list longer than two chunks (three chunks,
// the last part full), written once for the package's streaming tests, with
// what the streamed output must equal: the whole list read and rolled up at
// once (des.RollUp through arrs.RollUpRows) for each year, as CSV records
// and as the JSON render.WriteJSON writes. Only those are kept (the
// roll-ups themselves, every PCN's explained entitlements, would stay live
// through the package's other tests). Issue 25: the two tests each wrote and
// rolled up their own list of 12,411 and 8,249 rows.
type streamFixture struct {
	sync.Once
	n        int
	path     string
	years    []des.Year
	wantCSV  [][]string
	wantJSON []byte
	err      error
}

var streamList streamFixture

func streamed(t *testing.T) *streamFixture {
	t.Helper()
	s := &streamList
	s.Do(func() { s.err = s.make() })
	require.NoError(t, s.err)
	return s
}

func (s *streamFixture) make() error {
	s.n = 2*national.ChunkRows + 57
	s.years = []des.Year{2019, 2025}
	dir, err := os.MkdirTemp("", "national-stream")
	if err != nil {
		return err
	}
	s.path = filepath.Join(dir, "synthetic.csv")
	f, err := os.Create(s.path)
	if err != nil {
		return err
	}
	if err := writeSynthetic(f, s.n); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	rows, bad, err := national.ReadPCNsFile(s.path, national.PCNOptions{MaxRows: -1, MaxBytes: -1})
	if err != nil {
		return err
	}
	if len(bad) > 0 {
		return fmt.Errorf("%d bad rows in the synthetic list", len(bad))
	}
	s.wantCSV = [][]string{report.NationalCSVHeader()}
	whole := national.Rollups{Data: s.path}
	for _, y := range s.years {
		rs, err := rates.YearNamed(y.String())
		if err != nil {
			return err
		}
		roll, _, err := national.RollUpRows(rs, s.path, rows, 0, false)
		if err != nil {
			return err
		}
		for _, r := range roll.PCNs {
			s.wantCSV = append(s.wantCSV, []string{y.String(), "pcn", r.Row.Code, r.Row.Name, r.Row.ICB, "1",
				report.RegisteredPlain(r), r.Entitlements.Total.Plain(), r.ARRSSum().StringFixed(2), s.path})
		}
		s.wantCSV = append(s.wantCSV, report.NationalTotalsCSV(&national.Rollups{Data: s.path}, &roll)...)
		whole.Years = append(whole.Years, roll)
	}
	var wb bytes.Buffer
	if err := render.WriteJSON(&wb, whole); err != nil {
		return err
	}
	s.wantJSON = wb.Bytes()
	return nil
}

// A list longer than a chunk streams to the same totals as the whole list
// read and rolled up at once (national.RollUp), and the row limit holds.
func TestStreamingMatchesWholeList(t *testing.T) {
	s := streamed(t)
	var out, diag bytes.Buffer
	require.NoError(t, run(&out, &diag, options{csvFile: s.path, years: s.years, format: "csv", maxRows: s.n}))
	recs, err := csv.NewReader(&out).ReadAll()
	require.NoError(t, err)
	require.Equal(t, s.wantCSV, recs)

	// One row over the limit is refused, not cut short.
	out.Reset()
	err = run(&out, &diag, options{csvFile: s.path, years: s.years, format: "csv", maxRows: s.n - 1})
	require.ErrorContains(t, err, fmt.Sprintf("more than %d rows", s.n-1))
}

// A list longer than a chunk gives, in JSON, the bytes of the whole list
// rolled up at once and written in one piece (render.WriteJSON of
// national.Rollups), though the program keeps its PCNs in a temporary file.
func TestStreamingJSONMatchesWholeList(t *testing.T) {
	s := streamed(t)
	var out, diag bytes.Buffer
	require.NoError(t, run(&out, &diag, options{csvFile: s.path, years: s.years, format: "json", maxRows: s.n}))
	require.True(t, bytes.Equal(s.wantJSON, out.Bytes()), "JSON differs from the whole list's (%d bytes against %d)",
		out.Len(), len(s.wantJSON))
	require.Empty(t, diag.String())
}
