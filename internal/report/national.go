package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/national"
)

// NationalWriter prints a national roll-up (national.RollUp) as it is worked
// out, then Finish ends the report. CSV and Markdown stream; the text table
// holds one year's rows (its column widths need them all) and JSON holds the
// PCNs in a temporary file until Finish (one JSON value, national.Rollups, whose
// totals come last).
type NationalWriter interface {
	national.RollUpSink
	Finish(rep *national.Rollups) error
	// Explain reports whether the writer needs each PCN worked out in full
	// (national.Options.Explain).
	Explain() bool
	// Close releases what the writer holds (JSON's temporary file), whether
	// or not Finish was called.
	Close() error
	// Fail ends a report that stopped at err: where rows have already been
	// written (CSV, Markdown, a text table of an earlier year), it writes a
	// last line that says the report is incomplete and why, which no
	// spreadsheet takes for a PCN or a total. JSON writes nothing before
	// Finish, so it has nothing to mark.
	Fail(err error) error
}

// incomplete is the line that ends a report that failed.
func incomplete(err error) string {
	return "INCOMPLETE REPORT: stopped at an error, so the rows above are not every PCN and there are no totals: " +
		err.Error()
}

// NewNational is a NationalWriter to w in format (table, csv, json or
// markdown). A synthetic report (national.Rollups.Synthetic) says so in every
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

func (c *nationalCSV) Fail(err error) error {
	if !c.header {
		return nil
	}
	cells := make([]string, len(NationalCSVHeader()))
	cells[0] = incomplete(err)
	if err := c.write(cells...); err != nil {
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *nationalCSV) Begin(*national.Rollups, *des.RuleSet) error {
	if c.header {
		return nil
	}
	c.header = true
	return c.write(NationalCSVHeader()...)
}

func (c *nationalCSV) PCNs(rep *national.Rollups, y des.Year, pcns []national.PCNTotals) error {
	for _, p := range pcns {
		if err := c.write(pcnCSV(y, p, rep.Data)...); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *nationalCSV) End(rep *national.Rollups, y *national.Rollup) error {
	for _, row := range NationalTotalsCSV(rep, y) {
		if err := c.write(row...); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *nationalCSV) Finish(*national.Rollups) error { return nil }
func (c *nationalCSV) Explain() bool                  { return false }
func (c *nationalCSV) Close() error                   { return nil }

// nationalTable prints text or Markdown. Markdown streams the PCN rows; the
// text table holds one year's rows, as its column widths need them all.
type nationalTable struct {
	w        io.Writer
	markdown bool
	t        *render.Table
	wrote    bool // something is on w
}

func (t *nationalTable) Fail(err error) error {
	if !t.wrote {
		return nil
	}
	if t.markdown {
		_, err = io.WriteString(t.w, "\n**"+render.Clean(incomplete(err))+"**\n")
		return err
	}
	_, err = io.WriteString(t.w, "\n"+render.Clean(incomplete(err))+"\n")
	return err
}

func (t *nationalTable) Explain() bool { return false }
func (t *nationalTable) Close() error  { return nil }

func (t *nationalTable) Begin(rep *national.Rollups, rs *des.RuleSet) error {
	t.t = pcnTable(rep, rs)
	if !t.markdown {
		return nil
	}
	t.wrote = true
	var b bytes.Buffer
	if err := (&render.Table{Title: t.t.Title, Header: t.t.Header, Right: t.t.Right}).WriteMarkdown(&b); err != nil {
		return err
	}
	_, err := t.w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n"))) // the blank line that ends a table
	return err
}

func (t *nationalTable) PCNs(_ *national.Rollups, _ des.Year, pcns []national.PCNTotals) error {
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

func (t *nationalTable) End(rep *national.Rollups, y *national.Rollup) error {
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
		t.wrote = true
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

func (t *nationalTable) Finish(rep *national.Rollups) error {
	if s := byYearTable(*rep); s != nil {
		return render.WriteTables(t.w, t.format(), s)
	}
	return nil
}

// nationalJSON writes one JSON value, national.Rollups, as render.WriteJSON
// would, in bounded memory: each PCN is written as it comes (national.RolledPCN's
// JSON, one a line) to a temporary file, and Finish, when the totals and the
// bad rows skipped are known, writes the document, copying the PCNs from the
// file at their depth.
type nationalJSON struct {
	w      io.Writer
	tmp    *os.File
	tw     *bufio.Writer
	cur    int   // PCNs of the year under way
	counts []int // per year
	// unlinked: the temporary file was removed from its directory as soon
	// as it was made
	unlinked bool
}

func (*nationalJSON) Explain() bool                               { return true }
func (*nationalJSON) Fail(error) error                            { return nil }
func (*nationalJSON) Begin(*national.Rollups, *des.RuleSet) error { return nil }

func (j *nationalJSON) PCNs(_ *national.Rollups, _ des.Year, pcns []national.PCNTotals) error {
	if j.tmp == nil && len(pcns) > 0 {
		f, err := os.CreateTemp("", "pcnfin-national-*.jsonl")
		if err != nil {
			return err
		}
		// Unlinked at once where the system allows (the open file lives on
		// until it is closed), so nothing is left behind whatever ends the
		// program: SIGINT, SIGTERM, even SIGKILL. Where it does not
		// (Windows), Close removes it.
		j.unlinked = os.Remove(f.Name()) == nil
		j.tmp, j.tw = f, bufio.NewWriterSize(f, 64<<10)
	}
	for _, p := range pcns {
		// What json.Marshal gives, without its second pass over the bytes;
		// no newline (a string's are escaped), so one PCN is one line.
		b, err := national.RolledPCN{Row: *p.Row, Entitlements: *p.Explained}.MarshalJSON()
		if err != nil {
			return err
		}
		j.tw.Write(b)
		if err := j.tw.WriteByte('\n'); err != nil {
			return err
		}
		j.cur++
	}
	return nil
}

func (j *nationalJSON) End(*national.Rollups, *national.Rollup) error {
	j.counts, j.cur = append(j.counts, j.cur), 0
	return nil
}

func (j *nationalJSON) Close() error {
	if j.tmp == nil {
		return nil
	}
	f := j.tmp
	j.tmp, j.tw = nil, nil
	err := f.Close()
	if j.unlinked {
		return err
	}
	if rerr := os.Remove(f.Name()); err == nil {
		err = rerr
	}
	return err
}

func (j *nationalJSON) Finish(rep *national.Rollups) error {
	if len(j.counts) != len(rep.Years) {
		return fmt.Errorf("national JSON: %d years of PCNs for %d years", len(j.counts), len(rep.Years))
	}
	var r *bufio.Reader
	if j.tmp != nil {
		if err := j.tw.Flush(); err != nil {
			return err
		}
		if _, err := j.tmp.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r = bufio.NewReaderSize(j.tmp, 64<<10)
	}
	w := bufio.NewWriterSize(j.w, 64<<10)
	if err := writeRollupsJSON(w, rep, j.counts, r); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return j.Close()
}

// jsonAt is v as render.WriteJSON writes it, nested depth levels deep (its
// lines after the first indented to match), without the final newline.
func jsonAt(v any, depth int) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent(strings.Repeat("  ", depth), "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// jsonObject writes an object nested depth levels deep, as render.WriteJSON
// writes a struct: its fields in order, each key and value (written by
// field, at depth+1) on a line, and "{}" with none.
type jsonObject struct {
	w     *bufio.Writer
	depth int
	n     int
}

func (o *jsonObject) key(k string) {
	if o.n == 0 {
		o.w.WriteString("{")
	} else {
		o.w.WriteString(",")
	}
	o.n++
	o.w.WriteString("\n" + strings.Repeat("  ", o.depth+1) + strconv.Quote(k) + ": ")
}

func (o *jsonObject) field(k string, v any) error {
	b, err := jsonAt(v, o.depth+1)
	if err != nil {
		return err
	}
	o.key(k)
	_, err = o.w.Write(b)
	return err
}

func (o *jsonObject) end() error {
	if o.n == 0 {
		_, err := o.w.WriteString("{}")
		return err
	}
	_, err := o.w.WriteString("\n" + strings.Repeat("  ", o.depth) + "}")
	return err
}

// writeRollupsJSON writes national.Rollups as render.WriteJSON does (the key
// order and omissions of national.Rollups and national.Rollup's MarshalJSON), with
// year i's counts[i] PCNs read from pcns, one compact JSON value a line
// (a year with none: null, as a nil slice is).
func writeRollupsJSON(w *bufio.Writer, rep *national.Rollups, counts []int, pcns *bufio.Reader) error {
	top := &jsonObject{w: w}
	if err := top.field("data", rep.Data); err != nil {
		return err
	}
	if err := top.field("synthetic", rep.Synthetic); err != nil {
		return err
	}
	if rep.BadRows != 0 {
		if err := top.field("bad_rows_skipped", rep.BadRows); err != nil {
			return err
		}
	}
	if len(rep.Years) == 0 {
		if err := top.field("years", rep.Years); err != nil { // null or []
			return err
		}
		return endJSON(w, top)
	}
	top.key("years")
	w.WriteString("[")
	for i, y := range rep.Years {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n" + strings.Repeat("  ", 2))
		o := &jsonObject{w: w, depth: 2}
		for _, f := range []struct {
			k string
			v any
		}{{"year", y.Year}, {"rule_set", y.RuleSet}} {
			if err := o.field(f.k, f.v); err != nil {
				return err
			}
		}
		o.key("pcns")
		if err := copyPCNsJSON(w, pcns, counts[i], 4); err != nil {
			return err
		}
		fields := []struct {
			k string
			v any
		}{{"icbs", y.ICBs}, {"england", y.England}, {"by_payment", y.ByPayment}}
		if len(y.LeftOut) > 0 {
			fields = append(fields, struct {
				k string
				v any
			}{"left_out", y.LeftOut})
		}
		if len(y.Gaps) > 0 {
			fields = append(fields, struct {
				k string
				v any
			}{"gaps", y.Gaps})
		}
		for _, f := range fields {
			if err := o.field(f.k, f.v); err != nil {
				return err
			}
		}
		if err := o.end(); err != nil {
			return err
		}
	}
	w.WriteString("\n  ]")
	return endJSON(w, top)
}

func endJSON(w *bufio.Writer, top *jsonObject) error {
	if err := top.end(); err != nil {
		return err
	}
	_, err := w.WriteString("\n")
	return err
}

// copyPCNsJSON writes n PCNs read from r (one compact JSON value a line) as
// an array whose items are depth levels deep: null for none.
func copyPCNsJSON(w *bufio.Writer, r *bufio.Reader, n, depth int) error {
	if n == 0 {
		_, err := w.WriteString("null")
		return err
	}
	in := strings.Repeat("  ", depth)
	var b bytes.Buffer
	w.WriteString("[")
	for i := range n {
		line, err := r.ReadSlice('\n')
		if err == bufio.ErrBufferFull { // a long line: read the rest
			full := append([]byte(nil), line...)
			for err == bufio.ErrBufferFull {
				line, err = r.ReadSlice('\n')
				full = append(full, line...)
			}
			line = full
		}
		if err != nil {
			return fmt.Errorf("national JSON: reading PCN %d back: %w", i+1, err)
		}
		b.Reset()
		if err := json.Indent(&b, line[:len(line)-1], in, "  "); err != nil {
			return err
		}
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n" + in)
		w.Write(b.Bytes())
	}
	_, err := w.WriteString("\n" + strings.Repeat("  ", depth-1) + "]")
	return err
}

func regString(r national.RolledPCN) string {
	if v, ok := r.Registered(); ok {
		return money.Thousands(v.String())
	}
	return ""
}

// RegisteredPlain is a PCN's registered list size as the CSV gives it ("" if
// not given).
func RegisteredPlain(r national.RolledPCN) string {
	if v, ok := r.Registered(); ok {
		return v.String()
	}
	return ""
}

// nationalNotes are said under every year's PCN table.
func nationalNotes(rep national.Rollups, y national.Rollup) []string {
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

func nationalTag(rep national.Rollups) string {
	if rep.Synthetic {
		return " [" + rep.Data + "]"
	}
	return ""
}

// pcnTable is a year's PCN table, with no rows yet.
func pcnTable(rep *national.Rollups, rs *des.RuleSet) *render.Table {
	return &render.Table{
		Title:  fmt.Sprintf("PCN entitlements and ARRS sums, %s (%s)%s", rs.Year(), rs.Title(), nationalTag(*rep)),
		Header: []string{"line", "PCN code", "PCN", "ICB", "registered", "entitlements", "ARRS sum"},
		Right:  []bool{true, false, false, false, true, true, true},
	}
}

func pcnCells(p national.PCNTotals) []string {
	r := national.RolledPCN{Row: *p.Row}
	return []string{fmt.Sprint(p.Row.Line), p.Row.Code, p.Row.Name, p.Row.ICB, regString(r),
		render.GBP(p.Entitlements), render.GBP(p.ARRSSum)}
}

// totalsTables are a year's ICB and England totals and its payments.
func totalsTables(rep national.Rollups, y national.Rollup) []*render.Table {
	tag := nationalTag(rep)
	it := &render.Table{
		Title:  fmt.Sprintf("Totals by ICB and for England, %s%s", y.Year, tag),
		Header: []string{"ICB", "PCNs", "registered", "entitlements", "ARRS sum"},
		Right:  []bool{false, true, true, true, true},
		Notes:  []string{"England is the sum of every PCN worked out from the file."},
	}
	for _, g := range append(y.ICBs, y.England) {
		it.Add(g.Name, fmt.Sprint(g.PCNs), money.Thousands(g.Registered.String()), render.GBP(g.Entitlements),
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
func byYearTable(rep national.Rollups) *render.Table {
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

func pcnCSV(y des.Year, p national.PCNTotals, data string) []string {
	r := national.RolledPCN{Row: *p.Row}
	return []string{y.String(), "pcn", p.Row.Code, p.Row.Name, p.Row.ICB, "1", RegisteredPlain(r),
		render.Plain(p.Entitlements), render.Plain(p.ARRSSum), data}
}

// NationalTotalsCSV is a year's ICB and England rows of the national CSV.
func NationalTotalsCSV(rep *national.Rollups, y *national.Rollup) [][]string {
	var rows [][]string
	for _, g := range y.ICBs {
		rows = append(rows, []string{y.Year.String(), "icb", "", g.Name, g.Name, fmt.Sprint(g.PCNs),
			g.Registered.String(), render.Plain(g.Entitlements), render.Plain(g.ARRSSum), rep.Data})
	}
	e := y.England
	return append(rows, []string{y.Year.String(), "england", "", e.Name, "", fmt.Sprint(e.PCNs), e.Registered.String(),
		render.Plain(e.Entitlements), render.Plain(e.ARRSSum), rep.Data})
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
