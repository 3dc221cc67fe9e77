package national_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// nationalSink records what RollUp hands on.
type nationalSink struct {
	begun, ended, pcns, chunks int
	explained                  bool
}

func (s *nationalSink) Begin(*national.Rollups, *des.RuleSet) error   { s.begun++; return nil }
func (s *nationalSink) End(*national.Rollups, *national.Rollup) error { s.ended++; return nil }
func (s *nationalSink) PCNs(_ *national.Rollups, _ des.Year, pcns []national.PCNTotals) error {
	if len(pcns) > national.ChunkRows {
		return fmt.Errorf("a chunk of %d PCNs", len(pcns))
	}
	s.chunks++
	s.pcns += len(pcns)
	for _, p := range pcns {
		s.explained = s.explained || p.Explained != nil
	}
	return nil
}

// RollUp streams a list longer than a chunk to RollUpRows' totals, year by
// year, on the fast path and the explained one.
func TestNationalMatchesRollUpRows(t *testing.T) {
	const n = national.ChunkRows + 5
	var b bytes.Buffer
	b.WriteString("pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n")
	for i := range n {
		reg := 20_000 + i*7%90_000
		fmt.Fprintf(&b, "S%d,PCN %d,ICB %02d,%d,%d.5,%d,%d\n", i, i, i%13, reg, reg*9/10, reg*11/10, i%300)
	}
	rows, _, err := national.ReadPCNs("list.csv", bytes.NewReader(b.Bytes()), national.PCNOptions{MaxRows: -1, MaxBytes: -1})
	require.NoError(t, err)
	all := mustAll(rates.All())
	rss := []*des.RuleSet{all[0], all[len(all)-1]} // the first year and the latest
	for _, explain := range []bool{false, true} {
		rep, sink := national.Rollups{Data: "list.csv"}, &nationalSink{}
		opt := national.Options{File: "list.csv", Explain: explain,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b.Bytes())), nil }}
		require.NoError(t, national.RollUp(&rep, rss, opt, sink))
		require.Equal(t, len(rss), sink.begun)
		require.Equal(t, len(rss), sink.ended)
		require.Equal(t, len(rss)*n, sink.pcns)
		require.Equal(t, explain, sink.explained)
		require.Len(t, rep.Years, len(rss))
		for i, rs := range rss {
			want, _, err := national.RollUpRows(rs, "list.csv", rows, 0, false)
			require.NoError(t, err)
			want.PCNs = nil
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)
			got, err := json.Marshal(rep.Years[i])
			require.NoError(t, err)
			require.JSONEq(t, string(wantJSON), string(got), rs.Year())
		}
	}

	// A row limit below the list's length is an error, not a truncation.
	opt := national.Options{File: "list.csv", MaxRows: n - 1,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b.Bytes())), nil }}
	err = national.RollUp(&national.Rollups{}, rss[:1], opt, &nationalSink{})
	require.ErrorContains(t, err, fmt.Sprintf("more than %d rows", n-1))
}
