// Package wbtest reads a workbook back for tests: its sheets as tables of
// raw cell values, money cells as exact decimals, and a check that every
// formula is a SUM whose cached value is the exact sum of its cells.
package wbtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// HeaderRow is the row of each sheet's column headings (frozen above it).
const HeaderRow = 3

// Book is a workbook opened for a test.
type Book struct {
	F *excelize.File
	t testing.TB
}

// Open reads data as a workbook, failing the test if it is not one.
func Open(t testing.TB, data []byte) *Book {
	t.Helper()
	require.NotEmpty(t, data, "no workbook written")
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err, "not a workbook")
	t.Cleanup(func() { f.Close() })
	return &Book{F: f, t: t}
}

// Table is one sheet: its header (name → column, 0-based) and its rows
// below the header, as raw values ("" for an empty cell).
type Table struct {
	b     *Book
	Sheet string
	Head  map[string]int
	Rows  [][]string
}

// Table reads sheet, checking that its header row is frozen.
func (b *Book) Table(sheet string) *Table {
	b.t.Helper()
	rows, err := b.F.GetRows(sheet, excelize.Options{RawCellValue: true})
	require.NoError(b.t, err, sheet)
	require.Greater(b.t, len(rows), HeaderRow, "%s: no rows", sheet)
	panes, err := b.F.GetPanes(sheet)
	require.NoError(b.t, err)
	require.True(b.t, panes.Freeze, "%s: header not frozen", sheet)
	require.Equal(b.t, HeaderRow, panes.YSplit, "%s: frozen rows", sheet)
	tb := &Table{b: b, Sheet: sheet, Head: map[string]int{}}
	for i, h := range rows[HeaderRow-1] {
		tb.Head[h] = i
	}
	tb.Rows = rows[HeaderRow:]
	return tb
}

// Cell is the A1 name of row i (0-based, below the header) in column col.
func (tb *Table) Cell(i int, col string) string {
	tb.b.t.Helper()
	c, ok := tb.Head[col]
	require.True(tb.b.t, ok, "%s: no column %q", tb.Sheet, col)
	name, err := excelize.CoordinatesToCellName(c+1, HeaderRow+1+i)
	require.NoError(tb.b.t, err)
	return name
}

// Get is row i's raw value in column col.
func (tb *Table) Get(i int, col string) string {
	c, ok := tb.Head[col]
	require.True(tb.b.t, ok, "%s: no column %q", tb.Sheet, col)
	if c >= len(tb.Rows[i]) {
		return ""
	}
	return tb.Rows[i][c]
}

// Find is the index of the first row whose columns have the given values.
func (tb *Table) Find(match ...string) int {
	tb.b.t.Helper()
	for i := range tb.Rows {
		ok := true
		for k := 0; k+1 < len(match); k += 2 {
			if tb.Get(i, match[k]) != match[k+1] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	require.Failf(tb.b.t, "row not found", "%s: no row with %q", tb.Sheet, match)
	return -1
}

// Money is the money in row i, column col: a number (not text) in a £
// format, as an exact decimal.
func (tb *Table) Money(i int, col string) decimal.Decimal {
	tb.b.t.Helper()
	return tb.b.Money(tb.Sheet, tb.Cell(i, col))
}

// Money is the money in cell: a number in a £ number format.
func (b *Book) Money(sheet, cell string) decimal.Decimal {
	b.t.Helper()
	raw, err := b.F.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	require.NoError(b.t, err)
	d, err := decimal.NewFromString(raw)
	require.NoError(b.t, err, "%s!%s: %q is not a number", sheet, cell, raw)
	require.Contains(b.t, b.NumFmt(sheet, cell), "£", "%s!%s: not in a £ format", sheet, cell)
	return d
}

// NumFmt is the custom number format of cell ("" for none).
func (b *Book) NumFmt(sheet, cell string) string {
	b.t.Helper()
	id, err := b.F.GetCellStyle(sheet, cell)
	require.NoError(b.t, err)
	st, err := b.F.GetStyle(id)
	require.NoError(b.t, err)
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// Shaded reports whether cell is filled (the mark of a derived, carried or
// projected figure).
func (b *Book) Shaded(sheet, cell string) bool {
	b.t.Helper()
	id, err := b.F.GetCellStyle(sheet, cell)
	require.NoError(b.t, err)
	st, err := b.F.GetStyle(id)
	require.NoError(b.t, err)
	return st.Fill.Pattern == 1 && len(st.Fill.Color) > 0
}

var sumRe = regexp.MustCompile(`^SUM\(([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)\)$`)

// CheckSums checks every formula of every sheet: a SUM over one row or one
// column, whose cached value equals the exact (decimal) sum of the cached
// values in its range, to the penny. It returns how many it checked.
func (b *Book) CheckSums() int {
	b.t.Helper()
	n := 0
	for _, sheet := range b.F.GetSheetList() {
		rows, err := b.F.GetRows(sheet, excelize.Options{RawCellValue: true})
		require.NoError(b.t, err)
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, err := b.F.GetCellFormula(sheet, cell)
				require.NoError(b.t, err)
				if formula == "" {
					continue
				}
				m := sumRe.FindStringSubmatch(formula)
				require.NotNil(b.t, m, "%s!%s: formula %q is not a SUM of a range", sheet, cell, formula)
				c1, r1, _ := excelize.CellNameToCoordinates(m[1] + m[2])
				c2, r2, _ := excelize.CellNameToCoordinates(m[3] + m[4])
				require.True(b.t, c1 == c2 || r1 == r2, "%s!%s: %s is not one row or column", sheet, cell, formula)
				sum := decimal.Zero
				for y := r1; y <= r2; y++ {
					for x := c1; x <= c2; x++ {
						name, _ := excelize.CoordinatesToCellName(x, y)
						raw, _ := b.F.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
						if strings.TrimSpace(raw) == "" {
							continue
						}
						d, err := decimal.NewFromString(raw)
						require.NoError(b.t, err, "%s!%s (in %s): %q", sheet, name, formula, raw)
						sum = sum.Add(d)
					}
				}
				got := b.Money(sheet, cell)
				require.True(b.t, got.Equal(sum), "%s!%s: %s cached %s, its cells add up to %s", sheet, cell, formula,
					got, sum)
				n++
			}
		}
	}
	return n
}

// Serial is the raw cell value of a date ("2025-04-01") or the first of a
// month ("2025-04"): Excel's day number, counted from 30 December 1899.
func Serial(t testing.TB, date string) string {
	t.Helper()
	if len(date) == len("2025-04") {
		date += "-01"
	}
	d, err := time.Parse(time.DateOnly, date)
	require.NoError(t, err)
	return strconv.Itoa(int(d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24))
}

// LibreOffice opens data in LibreOffice headless and gives each sheet as
// CSV with the values as shown (so money as "£1,234.56"), by sheet name.
// The test is skipped where soffice is not installed (Debian:
// libreoffice-calc-nogui).
func LibreOffice(t testing.TB, data []byte) map[string]string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "book.xlsx")
	require.NoError(t, os.WriteFile(in, data, 0o644))
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", dir, in)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	out := map[string]string{}
	files, err := filepath.Glob(filepath.Join(dir, "book-*.csv"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "%s", msg)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		out[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "book-"), ".csv")] = string(b)
	}
	return out
}
