package national_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
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
	// RollUpRows once a year: what the streamed totals must equal.
	wants := make([]string, len(rss))
	for i, rs := range rss {
		want, _, err := national.RollUpRows(rs, "list.csv", rows, 0, false)
		require.NoError(t, err)
		want.PCNs = nil
		wantJSON, err := json.Marshal(want)
		require.NoError(t, err)
		wants[i] = string(wantJSON)
	}
	// The explained pass (every PCN's full result, the slow part) over the
	// latest year only: the chunking it shares with the fast pass is
	// checked over both years.
	for _, explain := range []bool{false, true} {
		years, first := rss, 0
		if explain {
			years, first = rss[1:], 1
		}
		rep, sink := national.Rollups{Data: "list.csv"}, &nationalSink{}
		opt := national.Options{File: "list.csv", Explain: explain,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b.Bytes())), nil }}
		require.NoError(t, national.RollUp(&rep, years, opt, sink))
		require.Equal(t, len(years), sink.begun)
		require.Equal(t, len(years), sink.ended)
		require.Equal(t, len(years)*n, sink.pcns)
		require.Equal(t, explain, sink.explained)
		require.Len(t, rep.Years, len(years))
		for i, rs := range years {
			got, err := json.Marshal(rep.Years[i])
			require.NoError(t, err)
			require.JSONEq(t, wants[first+i], string(got), rs.Year())
		}
	}

	// A row limit below the list's length is an error, not a truncation.
	opt := national.Options{File: "list.csv", MaxRows: n - 1,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b.Bytes())), nil }}
	err = national.RollUp(&national.Rollups{}, rss[:1], opt, &nationalSink{})
	require.ErrorContains(t, err, fmt.Sprintf("more than %d rows", n-1))
}

// tinyRules is a year of two payments: core PCN funding of £1.50 a
// registered patient and an ARRS sum of £16.696 a weighted one.
const tinyRules = `year = "2022/23"

[[payment]]
id = "core_pcn_funding"
name = "Core PCN funding"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "1.50"
    source = "test"
    url = "https://example.org/core"
    confidence = "confirmed"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "16.696"
    source = "test"
    url = "https://example.org/arrs"
    confidence = "single"
`

func tinyRuleSet(t *testing.T) *des.RuleSet {
	t.Helper()
	rs, err := rulefile.Read("tiny.toml", []byte(tinyRules))
	require.NoError(t, err)
	return rs
}

// callSink records the calls RollUp makes, in order, and each PCN's
// figures by code.
type callSink struct {
	calls []string
	ent   map[string]string
	sum   map[string]string
}

func (s *callSink) Begin(_ *national.Rollups, rs *des.RuleSet) error {
	s.calls = append(s.calls, "begin "+rs.Year().String())
	return nil
}

func (s *callSink) End(*national.Rollups, *national.Rollup) error {
	s.calls = append(s.calls, "end")
	return nil
}

func (s *callSink) PCNs(_ *national.Rollups, _ des.Year, pcns []national.PCNTotals) error {
	s.calls = append(s.calls, fmt.Sprintf("pcns %d", len(pcns)))
	if s.ent == nil {
		s.ent, s.sum = map[string]string{}, map[string]string{}
	}
	for _, p := range pcns {
		s.ent[p.Row.Code], s.sum[p.Row.Code] = p.Entitlements.StringFixed(2), p.ARRSSum.StringFixed(2)
	}
	return nil
}

func listOpt(name, list string) national.Options {
	return national.Options{File: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(list)), nil }}
}

// RollUp hands each PCN its own entitlements and ARRS sum in pounds and
// pence, on the fast path and the explained one, and England's totals are
// their sum.
func TestRollUpGivesEachPCNItsPennies(t *testing.T) {
	rs := tinyRuleSet(t)
	list := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n" +
		"A1,Alpha,NHS Zed ICB,10000,12000,10000,0\n" +
		"B2,Beta,,5001,6000.5,5001,0\n"
	for _, explain := range []bool{false, true} {
		opt := listOpt("list.csv", list)
		opt.Explain = explain
		rep, sink := national.Rollups{}, &callSink{}
		require.NoError(t, national.RollUp(&rep, []*des.RuleSet{rs}, opt, sink))
		// Each month of a payment is rounded half-up to the penny; an ARRS
		// sum is rounded once over the year (des).
		// A1: 1.50 × 10,000 ÷ 12 = 1,250.00 a month, 15,000.00 a year;
		// ARRS 16.696 × 12,000 = 200,352.00.
		// B2: 1.50 × 5,001 ÷ 12 = 625.125, 625.13 a month, 12 × 625.13 =
		// 7,501.56 a year; ARRS 16.696 × 6,000.5 = 100,176 + 8.348 =
		// 100,184.348, 100,184.35 to the penny.
		want := map[string][2]string{"A1": {"15000.00", "200352.00"}, "B2": {"7501.56", "100184.35"}}
		for code, w := range want {
			require.Equal(t, w[0], sink.ent[code], "explain %v: %s entitlements", explain, code)
			require.Equal(t, w[1], sink.sum[code], "explain %v: %s ARRS sum", explain, code)
		}
		require.Equal(t, []string{"begin 2022/23", "pcns 2", "end"}, sink.calls)
		e := rep.Years[0].England
		requireMoney(t, "22501.56", e.Entitlements) // 15,000.00 + 7,501.56
		requireMoney(t, "300536.35", e.ARRSSum)     // 200,352.00 + 100,184.35
	}
}

// A year's Begin comes before its first chunk with a PCN, or at its end when
// no PCN could be worked out; never for a year that fails before either.
// Bad rows are counted once, in the first year; a PCN that cannot be worked
// out is the error, or (SkipBad) left out and told.
func TestRollUpBeginsAYearAtItsFirstPCNOrItsEnd(t *testing.T) {
	rs := tinyRuleSet(t)
	rss := []*des.RuleSet{rs}
	head := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n"
	const noWeighted = "list.csv:2: weighted: A1 (Alpha): no weighted figure, which 2022/23 arrs needs"

	// One PCN with no weighted figure and one bad row (a negative count).
	list := head + "A1,Alpha,,10000,,10000,0\n" + "B2,Beta,,-5,1,1,0\n"
	opt := listOpt("list.csv", list)
	opt.SkipBad = true
	var told []string
	opt.LeftOut = func(y des.Year, err error) { told = append(told, y.String()+" "+err.Error()) }
	rep, sink := national.Rollups{}, &callSink{}
	require.NoError(t, national.RollUp(&rep, rss, opt, sink))
	require.Equal(t, []string{"begin 2022/23", "pcns 0", "end"}, sink.calls)
	require.Equal(t, 1, rep.BadRows) // B2
	require.Equal(t, []string{"2022/23 " + noWeighted}, told)
	require.Equal(t, []string{noWeighted}, rep.Years[0].LeftOut)
	require.Equal(t, 0, rep.Years[0].England.PCNs)

	// Without SkipBad the PCN is the error, and nothing is begun.
	opt = listOpt("list.csv", head+"A1,Alpha,,10000,,10000,0\n")
	sink = &callSink{}
	err := national.RollUp(&national.Rollups{}, rss, opt, sink)
	require.EqualError(t, err, noWeighted)
	require.Empty(t, sink.calls)

	// A first chunk of PCNs that are all left out, then a row past the
	// limit: the chunk is handed on (empty), but the year never begins.
	var b strings.Builder
	b.WriteString(head)
	for i := range national.ChunkRows + 1 {
		fmt.Fprintf(&b, "L%d,Left %d,,100,,100,0\n", i, i)
	}
	opt = listOpt("list.csv", b.String())
	opt.SkipBad, opt.MaxRows = true, national.ChunkRows
	sink = &callSink{}
	err = national.RollUp(&national.Rollups{}, rss, opt, sink)
	require.ErrorContains(t, err, fmt.Sprintf("more than %d rows", national.ChunkRows))
	require.Equal(t, []string{"pcns 0"}, sink.calls)

	// A list of a chunk and one more PCN: begun before the first chunk.
	b.Reset()
	b.WriteString(head)
	for i := range national.ChunkRows + 1 {
		fmt.Fprintf(&b, "G%d,Good %d,,100,100,100,0\n", i, i)
	}
	sink = &callSink{}
	rep = national.Rollups{}
	require.NoError(t, national.RollUp(&rep, rss, listOpt("list.csv", b.String()), sink))
	require.Equal(t, []string{"begin 2022/23", fmt.Sprintf("pcns %d", national.ChunkRows), "pcns 1", "end"}, sink.calls)
	// 4,097 PCNs of 100 patients: 1.50 × 100 = £150.00 each, £614,550.00 in all.
	requireMoney(t, "614550.00", rep.Years[0].England.Entitlements)
}
