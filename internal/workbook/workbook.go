// Package workbook writes pcnfin's results as an Excel workbook (.xlsx), for
// the finance leads who work in spreadsheets: money as numbers in a £
// number format, dates as dates, a frozen header row, sized columns, totals
// as SUM formulas and the sources with links. It is the only package that
// imports excelize; the library packages never do.
//
// A Book is built from pcnfin's own results (Forecast, Statements, Claims)
// and written by Write. Every total is a SUM formula over the cells above it
// (or beside it), and its cached value is pcnfin's own figure: Write adds up
// the cells exactly (decimals, not floats) and refuses to write a workbook
// whose sum differs from pcnfin's total by a penny. Figures no source gives
// (derived or carried) and projected figures are shaded and named in a
// "figures" column, as the text output marks them.
//
// Text cells are written as text, never as formulas, so a name starting
// with "=" cannot run in a spreadsheet; control characters are shown as
// visible escapes, as on screen (render.Clean). Links are made only for
// http and https addresses.
package workbook

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Kind is what a column holds, which sets its number format.
type Kind int

// The kinds of column.
const (
	Text   Kind = iota
	Money       // decimal.Decimal, £ with pence
	Rate        // decimal.Decimal, £ with up to six places (a rate per head)
	Number      // decimal.Decimal, as given (a WTE, a list size)
	Int         // int
	Date        // des.Date, "1 Apr 2025"
	Month       // "2025-04" or a des.Date, written as the first of the month, "Apr 2025"
)

// Column is one column of a sheet.
type Column struct {
	Head string
	Kind Kind
}

// Link is a cell that links to URL (only http and https are linked; any
// other address is written as plain text).
type Link struct{ Text, URL string }

// Marked is a figure no source gives (derived, carried or projected): the
// cell is shaded. Why is said in the row's own "figures" column.
type Marked struct{ Value any }

// Total is a SUM formula. Without Across it adds up the column over the
// rows of its block above it; with Across it adds up the columns From..To
// (0-based, inclusive) of its own row. Want is pcnfin's figure, written as
// the cached value; Write refuses a workbook where the exact sum of the
// cells differs from it.
type Total struct {
	Want   decimal.Decimal
	Across *[2]int
}

// SumAcross is a Total over columns from..to of its own row.
func SumAcross(from, to int, want decimal.Decimal) Total {
	return Total{Want: want, Across: &[2]int{from, to}}
}

// Block is a run of rows, optionally closed by a total row whose Total
// cells add up the block's rows. Blocks are separated by a blank row.
type Block struct {
	Rows  [][]any
	Total []any
}

// Sheet is one worksheet: a title line, a frozen header row, blocks of
// rows, then notes.
type Sheet struct {
	Name    string
	Title   string
	Columns []Column
	Blocks  []Block
	Notes   []string
}

// Book is a workbook: its sheets in order, and a title for its properties.
type Book struct {
	Title  string
	Sheets []*Sheet
}

// maxCell is the most characters a cell may hold in Excel.
const maxCell = 32767

// widths bound a column's width, in characters.
const (
	minWidth  = 8
	maxWidth  = 90
	moneyWide = 15
)

type styles struct {
	title, header, text, wrap, link, total              int
	money, moneyMark, moneyTotal, rate, rateMark, num   int
	numMark, integer, date, month, textMark, totalLabel int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	mk := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	money := `"£"#,##0.00;[Red]-"£"#,##0.00`
	rate := `"£"#,##0.00####`
	num := `#,##0.####`
	date := `d mmm yyyy`
	month := `mmm yyyy`
	mark := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFE699"}}
	top := []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	bold := &excelize.Font{Bold: true}
	mk(&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	mk(&s.header, &excelize.Style{Font: bold, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	mk(&s.text, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	mk(&s.textMark, &excelize.Style{Fill: mark, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.link, &excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"},
		Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.totalLabel, &excelize.Style{Font: bold, Border: top})
	mk(&s.money, &excelize.Style{CustomNumFmt: &money, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.moneyMark, &excelize.Style{CustomNumFmt: &money, Fill: mark, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.moneyTotal, &excelize.Style{CustomNumFmt: &money, Font: bold, Border: top})
	mk(&s.total, &excelize.Style{Font: bold, Border: top})
	mk(&s.rate, &excelize.Style{CustomNumFmt: &rate, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.rateMark, &excelize.Style{CustomNumFmt: &rate, Fill: mark, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.num, &excelize.Style{CustomNumFmt: &num, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.numMark, &excelize.Style{CustomNumFmt: &num, Fill: mark, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.integer, &excelize.Style{NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.date, &excelize.Style{CustomNumFmt: &date, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.month, &excelize.Style{CustomNumFmt: &month, Alignment: &excelize.Alignment{Vertical: "top"}})
	return s, err
}

// Write writes the workbook to w.
func (b *Book) Write(w io.Writer) error {
	if len(b.Sheets) == 0 {
		return fmt.Errorf("workbook: no sheets")
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("workbook: styles: %w", err)
	}
	for i, sh := range b.Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return fmt.Errorf("workbook: sheet %q: %w", sh.Name, err)
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return fmt.Errorf("workbook: sheet %q: %w", sh.Name, err)
		}
		if err := sh.write(f, st); err != nil {
			return fmt.Errorf("workbook: sheet %q: %w", sh.Name, err)
		}
	}
	f.SetActiveSheet(0)
	yes := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes}); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: render.Clean(b.Title), Creator: "pcnfin"}); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	_, err = f.WriteTo(w)
	return err
}

// The rows of a sheet: the title in row 1, the header in row 3.
const (
	titleRow  = 1
	headerRow = 3
)

func (sh *Sheet) write(f *excelize.File, st styles) error {
	sw, err := f.NewStreamWriter(sh.Name)
	if err != nil {
		return err
	}
	w := &sheetWriter{sh: sh, sw: sw, st: st, row: headerRow + 1}
	if err := w.head(); err != nil {
		return err
	}
	for bi, bl := range sh.Blocks {
		if bi > 0 {
			w.row++ // a blank row between blocks
		}
		if err := w.block(bl); err != nil {
			return err
		}
	}
	if err := w.notes(); err != nil {
		return err
	}
	// Hyperlinks go on the sheet before the stream is flushed: Flush writes them.
	for _, l := range w.links {
		if err := f.SetCellHyperLink(sh.Name, l.cell, l.url, "External"); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// sheetWriter streams a sheet's rows: row is the next row to write, links
// the hyperlinks its cells hold.
type sheetWriter struct {
	sh    *Sheet
	sw    *excelize.StreamWriter
	st    styles
	row   int
	links []struct{ cell, url string }
}

// head writes the column widths, the frozen header, the title and the
// header row.
func (w *sheetWriter) head() error {
	for i, width := range w.sh.widths() {
		if err := w.sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1),
		ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := w.sw.SetRow(cellName(0, titleRow), []any{excelize.Cell{StyleID: w.st.title, Value: cut(render.Clean(w.sh.Title))}}); err != nil {
		return err
	}
	head := make([]any, len(w.sh.Columns))
	for i, c := range w.sh.Columns {
		head[i] = excelize.Cell{StyleID: w.st.header, Value: c.Head}
	}
	return w.sw.SetRow(cellName(0, headerRow), head)
}

// block writes a block's rows, then its total row if it has one.
func (w *sheetWriter) block(bl Block) error {
	first := w.row
	sums := make([]decimal.Decimal, len(w.sh.Columns))
	for _, r := range bl.Rows {
		cells, err := w.sh.cells(r, w.row, w.st, &w.links)
		if err != nil {
			return err
		}
		addSums(sums, r)
		if err := w.sw.SetRow(cellName(0, w.row), cells); err != nil {
			return err
		}
		w.row++
	}
	if bl.Total == nil {
		return nil
	}
	cells := make([]any, len(bl.Total))
	for i := range bl.Total {
		var err error
		if cells[i], err = w.totalCell(bl, i, first, sums); err != nil {
			return err
		}
	}
	if err := w.sw.SetRow(cellName(0, w.row), cells); err != nil {
		return err
	}
	w.row++
	return nil
}

// addSums adds a row's money (and totals across) to the column sums.
func addSums(sums []decimal.Decimal, r []any) {
	for i, v := range r {
		if i >= len(sums) {
			continue
		}
		if t, ok := v.(Total); ok {
			sums[i] = sums[i].Add(t.Want)
		} else if d, ok := money(v); ok {
			sums[i] = sums[i].Add(d)
		}
	}
}

// totalCell is cell i of a block's total row, whose rows start at first
// and whose columns add up to sums: a label, a blank, a total across, or
// a SUM down the block that must come to the total pcnfin gives.
func (w *sheetWriter) totalCell(bl Block, i, first int, sums []decimal.Decimal) (any, error) {
	t, ok := bl.Total[i].(Total)
	if !ok {
		if s, isText := bl.Total[i].(string); isText {
			return excelize.Cell{StyleID: w.st.totalLabel, Value: cut(render.Clean(s))}, nil
		}
		return excelize.Cell{StyleID: w.st.total}, nil
	}
	if t.Across != nil {
		return sumAcross(bl.Total, i, w.row, t, w.st.moneyTotal)
	}
	if len(bl.Rows) == 0 {
		return nil, fmt.Errorf("%s: a total of no rows", cellName(i, w.row))
	}
	formula := fmt.Sprintf("SUM(%s:%s)", cellName(i, first), cellName(i, w.row-1))
	if !sums[i].Equal(t.Want) {
		return nil, fmt.Errorf("%s: %s adds up to %s but pcnfin's total is %s", cellName(i, w.row), formula,
			sums[i].StringFixed(2), t.Want.StringFixed(2))
	}
	return excelize.Cell{StyleID: w.st.moneyTotal, Formula: formula, Value: t.Want.InexactFloat64()}, nil
}

// notes writes the sheet's notes, after a blank row.
func (w *sheetWriter) notes() error {
	if len(w.sh.Notes) == 0 {
		return nil
	}
	w.row++
	for _, n := range w.sh.Notes {
		if err := w.sw.SetRow(cellName(0, w.row), []any{excelize.Cell{StyleID: w.st.text, Value: cut(render.Clean(n))}}); err != nil {
			return err
		}
		w.row++
	}
	return nil
}

// cells turns a row of values into excelize cells with their styles; a
// Total in a data row is an error (totals close blocks).
func (sh *Sheet) cells(r []any, row int, st styles, links *[]struct{ cell, url string }) ([]any, error) {
	if len(r) > len(sh.Columns) {
		return nil, fmt.Errorf("row %d has %d cells for %d columns", row, len(r), len(sh.Columns))
	}
	out := make([]any, len(r))
	for i := range r {
		var err error
		if out[i], err = sh.cell(r, i, row, st, links); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// cell is cell i of row r (sheet row row), styled by its column's kind and
// whether it is Marked; a Link with a web address adds to links.
func (sh *Sheet) cell(r []any, i, row int, st styles, links *[]struct{ cell, url string }) (any, error) {
	kind := sh.Columns[i].Kind
	v, marked := r[i], false
	if m, ok := v.(Marked); ok {
		v, marked = m.Value, true
	}
	v = unMoney(v)
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		return textCell(v, kind, marked, i, row, st)
	case Link:
		return linkCell(v, i, row, st, links), nil
	case decimal.Decimal:
		return numberCell(v, kind, marked, i, row, st)
	case int:
		return excelize.Cell{StyleID: st.integer, Value: v}, nil
	case des.Date:
		return dateCell(v, kind, st), nil
	case Total:
		if v.Across == nil {
			return nil, fmt.Errorf("%s: a total down in a data row", cellName(i, row))
		}
		return sumAcross(r, i, row, v, st.money)
	default:
		return nil, fmt.Errorf("%s: cannot write a %T", cellName(i, row), v)
	}
}

// pick is the marked style when marked, else the plain one.
func pick(marked bool, plain, mark int) int {
	if marked {
		return mark
	}
	return plain
}

// textCell is a text (a month in a Month column), wrapped when long and
// not marked.
func textCell(v string, kind Kind, marked bool, i, row int, st styles) (any, error) {
	if kind == Month {
		t, err := time.Parse("2006-01", v)
		if err != nil {
			return nil, fmt.Errorf("%s: month %q: %w", cellName(i, row), v, err)
		}
		return excelize.Cell{StyleID: st.month, Value: t}, nil
	}
	s := cut(render.Clean(v))
	style := pick(marked, st.text, st.textMark)
	if utf8.RuneCountInString(s) > maxWidth && !marked {
		style = st.wrap
	}
	return excelize.Cell{StyleID: style, Value: s}, nil
}

// linkCell is a link's text, styled as a link (and added to links) only
// when its address is a web address of reasonable length.
func linkCell(v Link, i, row int, st styles, links *[]struct{ cell, url string }) any {
	if u, err := url.Parse(v.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" &&
		len(v.URL) < 2000 {
		*links = append(*links, struct{ cell, url string }{cellName(i, row), v.URL})
		return excelize.Cell{StyleID: st.link, Value: cut(render.Clean(v.Text))}
	}
	return excelize.Cell{StyleID: st.text, Value: cut(render.Clean(v.Text))}
}

// numberCell is a number in a Money, Rate or Number column.
func numberCell(v decimal.Decimal, kind Kind, marked bool, i, row int, st styles) (any, error) {
	style := pick(marked, st.money, st.moneyMark)
	switch kind {
	case Rate:
		style = pick(marked, st.rate, st.rateMark)
	case Number:
		style = pick(marked, st.num, st.numMark)
	case Money:
	default:
		return nil, fmt.Errorf("%s: a number in a %v column", cellName(i, row), kind)
	}
	return excelize.Cell{StyleID: style, Value: v.InexactFloat64()}, nil
}

// dateCell is a date (its month in a Month column), or blank for none.
func dateCell(v des.Date, kind Kind, st styles) any {
	if v.IsZero() {
		return nil
	}
	style := st.date
	if kind == Month {
		style = st.month
	}
	return excelize.Cell{StyleID: style, Value: v.Time()}
}

// sumAcross is the SUM formula of cell i of row r (sheet row row) over its
// columns From..To, each a number or a total down; its cached value is
// t.Want, which must equal the exact sum.
func sumAcross(r []any, i, row int, t Total, style int) (excelize.Cell, error) {
	from, to := t.Across[0], t.Across[1]
	if from < 0 || to < from || to >= len(r) || (from <= i && i <= to) {
		return excelize.Cell{}, fmt.Errorf("%s: a total across columns %d to %d", cellName(i, row), from, to)
	}
	formula := fmt.Sprintf("SUM(%s:%s)", cellName(from, row), cellName(to, row))
	var got decimal.Decimal
	for _, v := range r[from : to+1] {
		if d, ok := v.(Total); ok && d.Across == nil {
			got = got.Add(d.Want)
		} else if d, ok := money(v); ok {
			got = got.Add(d)
		} else if v != nil {
			return excelize.Cell{}, fmt.Errorf("%s: %s over a cell that is not a number", cellName(i, row), formula)
		}
	}
	if !got.Equal(t.Want) {
		return excelize.Cell{}, fmt.Errorf("%s: %s adds up to %s but pcnfin's total is %s", cellName(i, row), formula,
			got.StringFixed(2), t.Want.StringFixed(2))
	}
	return excelize.Cell{StyleID: style, Formula: formula, Value: t.Want.InexactFloat64()}, nil
}

// money is the decimal in a cell, if it holds one.
func money(v any) (decimal.Decimal, bool) {
	if m, ok := v.(Marked); ok {
		v = m.Value
	}
	d, ok := unMoney(v).(decimal.Decimal)
	return d, ok
}

// unMoney is a des.Money cell as the decimal it holds; any other cell as it is.
func unMoney(v any) any {
	if m, ok := v.(des.Money); ok {
		return m.Decimal()
	}
	return v
}

// widths sizes each column to its header and its longest cell, within bounds.
func (sh *Sheet) widths() []float64 {
	w := make([]float64, len(sh.Columns))
	for i, c := range sh.Columns {
		n := utf8.RuneCountInString(c.Head)
		for _, bl := range sh.Blocks {
			for _, r := range append(bl.Rows, bl.Total) {
				if i < len(r) {
					n = max(n, cellWidth(r[i], c.Kind))
				}
			}
		}
		w[i] = float64(min(max(n+2, minWidth), maxWidth))
	}
	return w
}

func cellWidth(v any, k Kind) int {
	if m, ok := v.(Marked); ok {
		v = m.Value
	}
	switch v := unMoney(v).(type) {
	case string:
		if k == Month {
			return 9
		}
		return utf8.RuneCountInString(render.Clean(v))
	case Link:
		return utf8.RuneCountInString(v.Text)
	case decimal.Decimal, Total:
		if k == Rate {
			return moneyWide + 4
		}
		return moneyWide
	case des.Date:
		return 12
	case int:
		return len(fmt.Sprint(v))
	}
	return 0
}

// cut shortens text to what a cell may hold.
func cut(s string) string {
	if utf8.RuneCountInString(s) <= maxCell {
		return s
	}
	const more = " … [cut: the full text is in -format json]"
	r := []rune(s)
	return string(r[:maxCell-utf8.RuneCountInString(more)]) + more
}

// cellName is the A1 name of 0-based column col in 1-based row row.
func cellName(col, row int) string {
	name := ""
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return fmt.Sprintf("%s%d", name, row)
}

// Figures names what a figure rests on, for a row's "figures" column:
// "projection", "derived", "carried" (joined), or "" when every figure is
// sourced and published.
func Figures(projected bool, confidences ...des.Confidence) string {
	var out []string
	if projected {
		out = append(out, "projection")
	}
	seen := map[des.Confidence]bool{}
	for _, c := range confidences {
		if c != "" && !c.Sourced() && !seen[c] {
			seen[c] = true
			out = append(out, string(c))
		}
	}
	return strings.Join(out, ", ")
}

// mark shades v when figures says it rests on something no source gives.
func mark(v any, figures string) any {
	if figures != "" {
		return Marked{v}
	}
	return v
}
