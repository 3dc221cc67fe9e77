// Package render prints results as aligned text, CSV, Markdown or JSON, safely:
// control characters and bidirectional overrides become visible escapes, and
// a CSV cell a spreadsheet would run as a formula is neutralised. The example
// programs and the web page use it.
package render

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Formats the examples print.
var Formats = []string{"table", "csv", "json", "markdown"}

// Table is a titled grid of cells; Right marks right-aligned (numeric) columns.
type Table struct {
	Title  string     `json:"title,omitempty"`
	Header []string   `json:"header"`
	Right  []bool     `json:"-"`
	Rows   [][]string `json:"rows"`
	Notes  []string   `json:"notes,omitempty"`
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// GBP formats money for a table: "£1,234.56".
func GBP(d decimal.Decimal) string { return money.Pounds(d) }

// Plain formats money for CSV and JSON: "1234.56".
func Plain(d decimal.Decimal) string { return d.StringFixed(2) }

// wrapAt is the width beyond which the last column of a text table wraps.
const wrapAt = 100

// wrap splits s into lines of at most n runes, at spaces where it can.
func wrap(s string, n int) []string {
	var out []string
	for utf8.RuneCountInString(s) > n {
		r := []rune(s)
		cut := n
		for i := n; i > n/2; i-- {
			if r[i] == ' ' {
				cut = i
				break
			}
		}
		out = append(out, strings.TrimSpace(string(r[:cut])))
		s = strings.TrimSpace(string(r[cut:]))
	}
	return append(out, s)
}

// Clean makes text safe to print in a cell, a title or an SVG: every control
// character (newline, tab, ESC of an ANSI escape sequence, DEL, C1) and every
// bidirectional override becomes a visible escape ("\n", "\x1b", "\u202e"),
// so a name cannot break a row, move the cursor, recolour a terminal or
// reorder the text around it.
func Clean(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == utf8.RuneError || (r >= 0x202a && r <= 0x202e) ||
		(r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x2028 || r == 0x2029
}

// CSVCell cleans a CSV cell and neutralises a formula: a cell starting with
// =, +, -, @ (that is not a plain number) gets a leading single quote, so a
// spreadsheet shows it as text instead of running it.
func CSVCell(s string) string {
	s = Clean(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) && !plainNumber.MatchString(s) {
		return "'" + s
	}
	return s
}

var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// clean copies a table with every cell, the title and the notes cleaned.
func (t *Table) clean() *Table {
	c := &Table{Title: Clean(t.Title), Header: mapS(t.Header, Clean), Right: t.Right, Notes: mapS(t.Notes, Clean)}
	for _, r := range t.Rows {
		c.Rows = append(c.Rows, mapS(r, Clean))
	}
	return c
}

// WriteText prints the table aligned, with a title line and notes. A long
// last column wraps onto continuation lines.
func (t *Table) WriteText(w io.Writer) error {
	t = t.clean()
	width := make([]int, len(t.Header))
	var rows [][]string
	last := len(t.Header) - 1
	for _, r := range t.Rows {
		if len(r) == len(t.Header) && utf8.RuneCountInString(r[last]) > wrapAt {
			for i, part := range wrap(r[last], wrapAt) {
				row := make([]string, len(r))
				if i == 0 {
					copy(row, r)
				}
				row[last] = part
				rows = append(rows, row)
			}
			continue
		}
		rows = append(rows, r)
	}
	all := append([][]string{t.Header}, rows...)
	for _, r := range all {
		for i, c := range r {
			if i < len(width) && utf8.RuneCountInString(c) > width[i] {
				width[i] = utf8.RuneCountInString(c)
			}
		}
	}
	var b strings.Builder
	if t.Title != "" {
		b.WriteString(t.Title + "\n")
	}
	line := func(r []string) {
		for i, c := range r {
			if i >= len(width) {
				break
			}
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if i < len(t.Right) && t.Right[i] {
				b.WriteString(pad + c)
			} else if i == len(r)-1 {
				b.WriteString(c)
			} else {
				b.WriteString(c + pad)
			}
		}
		b.WriteString("\n")
	}
	line(t.Header)
	sep := make([]string, len(t.Header))
	for i := range sep {
		sep[i] = strings.Repeat("-", width[i])
	}
	line(sep)
	for _, r := range rows {
		line(r)
	}
	for _, n := range t.Notes {
		b.WriteString("  " + n + "\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown prints the table as GitHub Markdown.
func (t *Table) WriteMarkdown(w io.Writer) error {
	t = t.clean()
	var b strings.Builder
	if t.Title != "" {
		b.WriteString("### " + t.Title + "\n\n")
	}
	esc := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	b.WriteString("| " + strings.Join(mapS(t.Header, esc), " | ") + " |\n|")
	for i := range t.Header {
		if i < len(t.Right) && t.Right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		b.WriteString("| " + strings.Join(mapS(r, esc), " | ") + " |\n")
	}
	for _, n := range t.Notes {
		b.WriteString("\n" + n + "\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func mapS(ss []string, f func(string) string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out
}

// WriteCSV writes header and rows (the caller gives plain numbers, no £),
// each cell cleaned and formulas neutralised (CSVCell).
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(mapS(header, CSVCell)); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(mapS(r, CSVCell)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes v indented.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteTables prints tables as aligned text, or as Markdown when format is "markdown".
func WriteTables(w io.Writer, format string, tables ...*Table) error {
	for _, t := range tables {
		var err error
		if format == "markdown" {
			err = t.WriteMarkdown(w)
		} else {
			err = t.WriteText(w)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// XLSX is the workbook format, offered by the programs that set
// Report.Workbook (and only with an output file: see examples/internal/cli).
const XLSX = "xlsx"

// Report is what a program prints, in any format: tables for text and
// Markdown, one CSV grid, one JSON value (a library result type), and, where
// the program has one, a workbook (internal/workbook).
type Report struct {
	Tables   func() []*Table
	CSV      func() (header []string, rows [][]string)
	JSON     any
	Workbook func(w io.Writer) error
}

// Write prints the report in format (one of Formats, or XLSX).
func (r Report) Write(w io.Writer, format string) error {
	switch format {
	case XLSX:
		if r.Workbook == nil {
			return fmt.Errorf("-format xlsx: this output has no workbook")
		}
		return r.Workbook(w)
	case "json":
		return WriteJSON(w, r.JSON)
	case "csv":
		header, rows := r.CSV()
		return WriteCSV(w, header, rows)
	}
	return WriteTables(w, format, r.Tables()...)
}
