package workbook

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/workbook/wbtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func small(want string) *Book {
	return &Book{Title: "t", Sheets: []*Sheet{{Name: "S", Title: "a title", Columns: []Column{{"name", Text},
		{"when", Date}, {"amount", Money}, {"link", Text}},
		Blocks: []Block{{Rows: [][]any{
			{"=HYPERLINK(\"http://x\")", des.MustDate(2025, time.April, 1), d("0.10"), Link{"evil", "javascript:alert(1)"}},
			{"a\nb\x1b[31m", des.Date{}, Marked{d("0.20")}, Link{"doc", "https://example.org/a?b=1"}},
		}, Total: []any{"total", nil, Total{Want: d(want)}}}}}}}
}

func TestWriteAndReadBack(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, small("0.30").Write(&out))
	b := wbtest.Open(t, out.Bytes())
	require.Equal(t, 1, b.CheckSums())
	tb := b.Table("S")
	// A formula-looking name is text, not a formula; control characters are escaped.
	require.Equal(t, `=HYPERLINK("http://x")`, tb.Get(0, "name"))
	f, err := b.F.GetCellFormula("S", tb.Cell(0, "name"))
	require.NoError(t, err)
	require.Empty(t, f)
	require.Equal(t, `a\nb\x1b[31m`, tb.Get(1, "name"))
	// A date is a date.
	require.Equal(t, wbtest.Serial(t, "2025-04-01"), tb.Get(0, "when"))
	require.Equal(t, "d mmm yyyy", b.NumFmt("S", tb.Cell(0, "when")))
	// Money, shading, the total.
	require.True(t, d("0.10").Equal(tb.Money(0, "amount")))
	require.False(t, b.Shaded("S", tb.Cell(0, "amount")))
	require.True(t, b.Shaded("S", tb.Cell(1, "amount")), "a marked figure is shaded")
	require.True(t, d("0.30").Equal(tb.Money(2, "amount")))
	f, err = b.F.GetCellFormula("S", tb.Cell(2, "amount"))
	require.NoError(t, err)
	require.Equal(t, "SUM(C4:C5)", f)
	// Only http(s) links.
	ok, _, _ := b.F.GetCellHyperLink("S", tb.Cell(0, "link"))
	require.False(t, ok, "javascript: is not linked")
	ok, target, _ := b.F.GetCellHyperLink("S", tb.Cell(1, "link"))
	require.True(t, ok)
	require.Equal(t, "https://example.org/a?b=1", target)
}

// A total that is not the sum of its parts is refused, by a penny.
func TestWriteRefusesWrongTotal(t *testing.T) {
	var out bytes.Buffer
	err := small("0.31").Write(&out)
	require.ErrorContains(t, err, "SUM(C4:C5) adds up to 0.30 but pcnfin's total is 0.31")
	require.Zero(t, out.Len(), "nothing written")
	across := &Book{Sheets: []*Sheet{{Name: "S", Columns: []Column{{"a", Money}, {"b", Money}, {"sum", Money}},
		Blocks: []Block{{Rows: [][]any{{d("1"), d("2"), SumAcross(0, 1, d("3.01"))}}}}}}}
	require.ErrorContains(t, across.Write(&out), "SUM(A4:B4) adds up to 3.00")
}

func TestFigures(t *testing.T) {
	require.Equal(t, "", Figures(false, des.Confirmed, des.Single, des.Uncertain))
	require.Equal(t, "projection, derived, carried", Figures(true, des.Derived, des.Carried, des.Derived))
}

// LibreOffice opens the workbook and shows the totals as pcnfin gives
// them, in £. Skipped where soffice is not installed (Debian:
// libreoffice-calc-nogui).
func TestLibreOffice(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, small("0.30").Write(&out))
	csv := wbtest.LibreOffice(t, out.Bytes())["S"]
	lines := strings.Split(strings.TrimSpace(csv), "\n")
	require.Equal(t, "total,,£0.30,", lines[len(lines)-1])
	require.Contains(t, csv, "1 Apr 2025,£0.10,")
}
