package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// oldRollupsJSON is how the national JSON was written when it was held
// whole: national.Rollups with each PCN already written, through render.WriteJSON.
func oldRollupsJSON(t *testing.T, rep *national.Rollups, pcns [][]json.RawMessage) []byte {
	type year struct {
		Year      des.Year                `json:"year"`
		RuleSet   string                  `json:"rule_set"`
		PCNs      []json.RawMessage       `json:"pcns"`
		ICBs      []national.GroupTotal   `json:"icbs"`
		England   national.GroupTotal     `json:"england"`
		ByPayment []national.PaymentTotal `json:"by_payment"`
		LeftOut   []string                `json:"left_out,omitempty"`
		Gaps      []des.Gap               `json:"gaps,omitempty"`
	}
	out := struct {
		Data      string `json:"data"`
		Synthetic bool   `json:"synthetic"`
		BadRows   int    `json:"bad_rows_skipped,omitempty"`
		Years     []year `json:"years"`
	}{Data: rep.Data, Synthetic: rep.Synthetic, BadRows: rep.BadRows}
	for i, r := range rep.Years {
		out.Years = append(out.Years, year{r.Year, r.RuleSet, pcns[i], r.ICBs, r.England, r.ByPayment, r.LeftOut, r.Gaps})
	}
	var b bytes.Buffer
	require.NoError(t, render.WriteJSON(&b, out))
	return b.Bytes()
}

// The JSON writer, which keeps its PCNs in a temporary file, writes the
// bytes the whole report held in memory gave, in the cases that change its
// shape: no years, a year with no PCNs, bad rows skipped, PCNs left out,
// gaps, empty totals, and strings JSON escapes (HTML characters, quotes,
// newlines, non-ASCII); and it leaves no temporary file behind.
func TestNationalJSONMatchesWhole(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	pcn := func(i int, name string) national.PCNTotals {
		e := &des.Entitlements{
			Payments: []des.Amount{{ID: "core_pcn_funding", Kind: des.KindPayment, Total: des.Pennies(int64(1000 + i))}},
			ARRSSums: []des.Amount{{ID: "arrs", Kind: des.KindARRSSum, Total: des.Pennies(int64(700 * i))}},
		}
		e.Total = e.Payments[0].Total
		return national.PCNTotals{Row: &national.PCNRow{Line: i + 2, Code: fmt.Sprintf("P%03d", i), Name: name, ICB: "ICB <&> é"},
			Explained: e}
	}
	year := func(y des.Year, gaps bool, leftOut ...string) national.Rollup {
		r := national.Rollup{Year: y, RuleSet: "Rules \"" + y.String() + "\" <b>", LeftOut: leftOut,
			ICBs:      []national.GroupTotal{{Name: "A & B", PCNs: 2, Registered: decimal.New(5, 0)}},
			England:   national.GroupTotal{Name: "England", PCNs: 2},
			ByPayment: []national.PaymentTotal{{ID: "core_pcn_funding", Name: "Core <funding>", Kind: des.KindPayment}}}
		if gaps {
			r.Gaps = []des.Gap{{Item: "x", What: "no source\nyet", Carry: true}}
		}
		return r
	}
	cases := map[string]struct {
		rep   national.Rollups
		chunk [][][]national.PCNTotals // per year, per chunk
	}{
		"no years": {rep: national.Rollups{Data: "none.csv"}},
		"one year, no PCNs": {rep: national.Rollups{Data: "x", BadRows: 3, Years: []national.Rollup{{Year: 2024}}},
			chunk: [][][]national.PCNTotals{{{}}}},
		"years and chunks": {
			rep: national.Rollups{Data: "SYNTHETIC <sample> & \"quoted\"", Synthetic: true, BadRows: 1,
				Years: []national.Rollup{year(2019, true, "P9 left out"), year(2024, false), year(2025, true)}},
			chunk: [][][]national.PCNTotals{
				{{pcn(0, "A <PCN>"), pcn(1, "B\tPCN")}, {}, {pcn(2, "C \u2028 PCN")}},
				{{}},
				{{pcn(3, strings.Repeat("long ", 20000))}, {pcn(4, "é")}},
			}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var got bytes.Buffer
			w := NewNational(&got, "json")
			var pcns [][]json.RawMessage
			rep := national.Rollups{Data: c.rep.Data, Synthetic: c.rep.Synthetic, BadRows: c.rep.BadRows}
			for i, y := range c.rep.Years {
				require.NoError(t, w.Begin(&rep, nil))
				var cur []json.RawMessage
				for _, ch := range c.chunk[i] {
					require.NoError(t, w.PCNs(&rep, y.Year, ch))
					for _, p := range ch {
						b, err := json.Marshal(national.RolledPCN{Row: *p.Row, Entitlements: *p.Explained})
						require.NoError(t, err)
						cur = append(cur, b)
					}
				}
				pcns = append(pcns, cur)
				rep.Years = append(rep.Years, y)
				require.NoError(t, w.End(&rep, &rep.Years[i]))
			}
			require.NoError(t, w.Finish(&rep))
			require.NoError(t, w.Close())
			require.Equal(t, string(oldRollupsJSON(t, &rep, pcns)), got.String())
			left, err := os.ReadDir(tmp)
			require.NoError(t, err)
			require.Empty(t, left, "temporary files left in %s", filepath.Base(tmp))
		})
	}
}

// The temporary file is gone from its directory as soon as it is made (on
// systems that allow it), so a report stopped before Finish, by an error or
// by SIGINT/SIGTERM (issue 24: it was left behind), leaves nothing; Close
// removes it elsewhere.
func TestNationalJSONCloseWithoutFinish(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	w := NewNational(&bytes.Buffer{}, "json")
	e := &des.Entitlements{}
	require.NoError(t, w.PCNs(&national.Rollups{}, 2025, []national.PCNTotals{{Row: &national.PCNRow{Code: "P"}, Explained: e}}))
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	if runtime.GOOS != "windows" {
		require.Empty(t, left, "unlinked at once: nothing for a signal to leave behind")
	}
	require.NoError(t, w.Close())
	left, err = os.ReadDir(tmp)
	require.NoError(t, err)
	require.Empty(t, left)
}

// A streamed report that fails after printing rows ends with a line saying
// so (issue 24: it ended silently, with no totals).
func TestNationalFailMarksIncomplete(t *testing.T) {
	for _, format := range []string{"csv", "markdown"} {
		var b bytes.Buffer
		w := NewNational(&b, format)
		rs := mustAll(rates.All())[0]
		require.NoError(t, w.Begin(&national.Rollups{}, rs))
		require.NoError(t, w.Fail(errors.New("list.csv:5002: registered: bad")))
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")
		last := lines[len(lines)-1]
		require.Contains(t, last, "INCOMPLETE REPORT: stopped at an error")
		require.Contains(t, last, "list.csv:5002")
	}
	var b bytes.Buffer
	require.NoError(t, NewNational(&b, "csv").Fail(errors.New("x")))
	require.Empty(t, b.String(), "nothing written, nothing to mark")
}
