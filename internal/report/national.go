package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
)

// NationalWriter prints a national roll-up (arrs.National) as it is worked
// out, then Finish ends the report. CSV and Markdown stream; the text table
// holds one year's rows (its column widths need them all) and JSON holds the
// whole report (one JSON value, des.Rollups, each PCN already written).
type NationalWriter interface {
	arrs.NationalSink
	Finish(rep *des.Rollups) error
	// Explain reports whether the writer needs each PCN worked out in full
	// (arrs.NationalOptions.Explain).
	Explain() bool
}

// NewNational is a NationalWriter to w in format (table, csv, json or
// markdown). A synthetic report (des.Rollups.Synthetic) says so in every
// title, with its Data as the label.
func NewNational(w io.Writer, format string) NationalWriter {
	switch format {
	case "csv":
		return &nationalCSV{cw: csv.NewWriter(w)}
	case "json":
		return &nationalJSON{w: w}
	case "markdown":
		return &nationalTable{w: w, markdown: true}
	}
	return &nationalTable{w: w}
}

// nationalCSV streams: each PCN row as it comes, then the year's ICB and
// England rows.
type nationalCSV struct {
	cw     *csv.Writer
	header bool
}

func (c *nationalCSV) write(cells ...string) error {
	for i := range cells {
		cells[i] = render.CSVCell(cells[i])
	}
	return c.cw.Write(cells)
}

func (c *nationalCSV) Begin(*des.Rollups, *des.RuleSet) error {
	if c.header {
		return nil
	}
	c.header = true
	return c.write(NationalCSVHeader()...)
}

func (c *nationalCSV) PCNs(rep *des.Rollups, y des.Year, pcns []arrs.NationalPCN) error {
	for _, p := range pcns {
		if err := c.write(pcnCSV(y, p, rep.Data)...); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *nationalCSV) End(rep *des.Rollups, y *des.Rollup) error {
	for _, row := range NationalTotalsCSV(rep, y) {
		if err := c.write(row...); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *nationalCSV) Finish(*des.Rollups) error { return nil }
func (c *nationalCSV) Explain() bool             { return false }

// nationalTable prints text or Markdown. Markdown streams the PCN rows; the
// text table holds one year's rows, as its column widths need them all.
type nationalTable struct {
	w        io.Writer
	markdown bool
	t        *render.Table
}

func (t *nationalTable) Explain() bool { return false }

func (t *nationalTable) Begin(rep *des.Rollups, rs *des.RuleSet) error {
	t.t = pcnTable(rep, rs)
	if !t.markdown {
		return nil
	}
	var b bytes.Buffer
	if err := (&render.Table{Title: t.t.Title, Header: t.t.Header, Right: t.t.Right}).WriteMarkdown(&b); err != nil {
		return err
	}
	_, err := t.w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n"))) // the blank line that ends a table
	return err
}

func (t *nationalTable) PCNs(_ *des.Rollups, _ des.Year, pcns []arrs.NationalPCN) error {
	for _, p := range pcns {
		cells := pcnCells(p)
		if !t.markdown {
			t.t.Add(cells...)
			continue
		}
		for i, c := range cells {
			cells[i] = strings.ReplaceAll(render.Clean(c), "|", "\\|")
		}
		if _, err := io.WriteString(t.w, "| "+strings.Join(cells, " | ")+" |\n"); err != nil {
			return err
		}
	}
	return nil
}

func (t *nationalTable) End(rep *des.Rollups, y *des.Rollup) error {
	notes := nationalNotes(*rep, *y)
	if t.markdown {
		var b strings.Builder
		for _, n := range notes {
			b.WriteString("\n" + render.Clean(n) + "\n")
		}
		b.WriteString("\n")
		if _, err := io.WriteString(t.w, b.String()); err != nil {
			return err
		}
	} else {
		t.t.Notes = notes
		if err := t.t.WriteText(t.w); err != nil {
			return err
		}
	}
	t.t = nil
	return render.WriteTables(t.w, t.format(), totalsTables(*rep, *y)...)
}

func (t *nationalTable) format() string {
	if t.markdown {
		return "markdown"
	}
	return "table"
}

func (t *nationalTable) Finish(rep *des.Rollups) error {
	if s := byYearTable(*rep); s != nil {
		return render.WriteTables(t.w, t.format(), s)
	}
	return nil
}

// nationalJSON holds the whole report: it is one JSON value, des.Rollups,
// with each PCN written as it comes (des.RolledPCN's JSON), so the PCNs'
// entitlements are not held.
type nationalJSON struct {
	w     io.Writer
	cur   []json.RawMessage   // the year under way
	years [][]json.RawMessage // per year
}

func (*nationalJSON) Explain() bool                          { return true }
func (*nationalJSON) Begin(*des.Rollups, *des.RuleSet) error { return nil }

func (j *nationalJSON) PCNs(_ *des.Rollups, _ des.Year, pcns []arrs.NationalPCN) error {
	for _, p := range pcns {
		b, err := json.Marshal(des.RolledPCN{Row: *p.Row, Entitlements: *p.Explained})
		if err != nil {
			return err
		}
		j.cur = append(j.cur, b)
	}
	return nil
}

func (j *nationalJSON) End(*des.Rollups, *des.Rollup) error {
	j.years, j.cur = append(j.years, j.cur), nil
	return nil
}

func (j *nationalJSON) Finish(rep *des.Rollups) error {
	return render.WriteJSON(j.w, rollupsJSON(rep, j.years))
}

func regString(r des.RolledPCN) string {
	if v, ok := r.Registered(); ok {
		return des.Thousands(v.String())
	}
	return ""
}

// RegisteredPlain is a PCN's registered list size as the CSV gives it ("" if
// not given).
func RegisteredPlain(r des.RolledPCN) string {
	if v, ok := r.Registered(); ok {
		return v.String()
	}
	return ""
}

// nationalNotes are said under every year's PCN table.
func nationalNotes(rep des.Rollups, y des.Rollup) []string {
	var n []string
	if rep.Synthetic {
		n = append(n, "Data: "+rep.Data+". Give -csv FILE for your own list.")
	}
	n = append(n, "Entitlements: the year's payments to the PCN and its practices; "+
		"ARRS sum: the most the PCN may claim under ARRS (every pot), not a payment.")
	if len(y.Unpaid) > 0 {
		n = append(n, fmt.Sprintf("%s leaves out figures no source gives (not invented, so not in these amounts): %s.",
			y.Year, strings.Join(y.Unpaid, ", ")))
	}
	if rep.BadRows > 0 {
		n = append(n, fmt.Sprintf("%s skipped (listed on stderr); the totals leave them out.",
			plural(rep.BadRows, "bad row")))
	}
	if len(y.LeftOut) > 0 {
		n = append(n, fmt.Sprintf("%s left out of %s for want of a figure a payment needs (listed on stderr); "+
			"the totals leave them out.", plural(len(y.LeftOut), "PCN"), y.Year))
	}
	return n
}

func nationalTag(rep des.Rollups) string {
	if rep.Synthetic {
		return " [" + rep.Data + "]"
	}
	return ""
}

// pcnTable is a year's PCN table, with no rows yet.
func pcnTable(rep *des.Rollups, rs *des.RuleSet) *render.Table {
	return &render.Table{
		Title:  fmt.Sprintf("PCN entitlements and ARRS sums, %s (%s)%s", rs.Year(), rs.Title(), nationalTag(*rep)),
		Header: []string{"line", "PCN code", "PCN", "ICB", "registered", "entitlements", "ARRS sum"},
		Right:  []bool{true, false, false, false, true, true, true},
	}
}

func pcnCells(p arrs.NationalPCN) []string {
	r := des.RolledPCN{Row: *p.Row}
	return []string{fmt.Sprint(p.Row.Line), p.Row.Code, p.Row.Name, p.Row.ICB, regString(r),
		render.GBP(p.Entitlements), render.GBP(p.ARRSSum)}
}

// totalsTables are a year's ICB and England totals and its payments.
func totalsTables(rep des.Rollups, y des.Rollup) []*render.Table {
	tag := nationalTag(rep)
	it := &render.Table{
		Title:  fmt.Sprintf("Totals by ICB and for England, %s%s", y.Year, tag),
		Header: []string{"ICB", "PCNs", "registered", "entitlements", "ARRS sum"},
		Right:  []bool{false, true, true, true, true},
		Notes:  []string{"England is the sum of every PCN worked out from the file."},
	}
	for _, g := range append(y.ICBs, y.England) {
		it.Add(g.Name, fmt.Sprint(g.PCNs), des.Thousands(g.Registered.String()), render.GBP(g.Entitlements),
			render.GBP(g.ARRSSum))
	}
	pt := &render.Table{
		Title:  fmt.Sprintf("England by payment, %s%s", y.Year, tag),
		Header: []string{"payment", "name", "amount"},
		Right:  []bool{false, false, true},
	}
	for _, p := range y.ByPayment {
		name := p.Name
		if p.Kind == des.KindARRSSum {
			name += " [a maximum to claim, not paid]"
		}
		pt.Add(p.ID, name, render.GBP(p.Amount))
	}
	pt.Add("total", "entitlements (ARRS sums excluded)", render.GBP(y.England.Entitlements))
	return []*render.Table{it, pt}
}

// byYearTable is England year by year, or nil for one year.
func byYearTable(rep des.Rollups) *render.Table {
	if len(rep.Years) < 2 {
		return nil
	}
	s := &render.Table{
		Title:  "England by year" + nationalTag(rep),
		Header: []string{"year", "PCNs", "entitlements", "change", "ARRS sum", "change"},
		Right:  []bool{false, true, true, true, true, true},
	}
	for i, y := range rep.Years {
		ce, ca := "", ""
		if i > 0 {
			p := rep.Years[i-1].England
			ce, ca = render.GBP(y.England.Entitlements.Sub(p.Entitlements)), render.GBP(y.England.ARRSSum.Sub(p.ARRSSum))
		}
		s.Add(y.Year.String(), fmt.Sprint(y.England.PCNs), render.GBP(y.England.Entitlements), ce,
			render.GBP(y.England.ARRSSum), ca)
	}
	return s
}

// NationalCSVHeader is the national CSV's header row.
func NationalCSVHeader() []string {
	return []string{"year", "level", "pcn_code", "name", "icb", "pcns", "registered", "entitlements", "arrs_sum",
		"data"}
}

func pcnCSV(y des.Year, p arrs.NationalPCN, data string) []string {
	r := des.RolledPCN{Row: *p.Row}
	return []string{y.String(), "pcn", p.Row.Code, p.Row.Name, p.Row.ICB, "1", RegisteredPlain(r),
		render.Plain(p.Entitlements), render.Plain(p.ARRSSum), data}
}

// NationalTotalsCSV is a year's ICB and England rows of the national CSV.
func NationalTotalsCSV(rep *des.Rollups, y *des.Rollup) [][]string {
	var rows [][]string
	for _, g := range y.ICBs {
		rows = append(rows, []string{y.Year.String(), "icb", "", g.Name, g.Name, fmt.Sprint(g.PCNs),
			g.Registered.String(), render.Plain(g.Entitlements), render.Plain(g.ARRSSum), rep.Data})
	}
	e := y.England
	return append(rows, []string{y.Year.String(), "england", "", e.Name, "", fmt.Sprint(e.PCNs), e.Registered.String(),
		render.Plain(e.Entitlements), render.Plain(e.ARRSSum), rep.Data})
}

// rollupsJSON is des.Rollups as its MarshalJSON writes it, with each PCN
// already written (des.RolledPCN's JSON), so the PCNs' entitlements are not
// held.
func rollupsJSON(rep *des.Rollups, pcns [][]json.RawMessage) any {
	type year struct {
		Year      des.Year           `json:"year"`
		RuleSet   string             `json:"rule_set"`
		PCNs      []json.RawMessage  `json:"pcns"`
		ICBs      []des.GroupTotal   `json:"icbs"`
		England   des.GroupTotal     `json:"england"`
		ByPayment []des.PaymentTotal `json:"by_payment"`
		LeftOut   []string           `json:"left_out,omitempty"`
		Gaps      []des.Gap          `json:"gaps,omitempty"`
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
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
