package render

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func evilTable() *Table {
	t := &Table{Title: "PCN\x1b[2J title", Header: []string{"name", "amount"}, Right: []bool{false, true}}
	t.Add("Line one\nline two", "1.00")
	t.Add("\x1b[31mred\x1b[0m | pipe\r\tTab\u202eevil", "-2.50")
	t.Notes = []string{"note\x07bell"}
	return t
}

func TestTextAndMarkdownAreSafe(t *testing.T) {
	for _, format := range []string{"table", "markdown"} {
		var b bytes.Buffer
		require.NoError(t, WriteTables(&b, format, evilTable()))
		out := b.String()
		require.NotContains(t, out, "\x1b", format+": no ANSI escape reaches the terminal")
		require.NotContains(t, out, "\r")
		require.NotContains(t, out, "\x07")
		require.NotContains(t, out, "\u202e")
		require.Contains(t, out, `Line one\nline two`, format+": a newline in a name is shown, not obeyed")
		require.Contains(t, out, `\x1b[31mred\x1b[0m`)
		require.Contains(t, out, `\u202eevil`)
		// One line per row: the title (and a blank), header, rule, two rows, the note.
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		rows := 0
		for _, l := range lines {
			if strings.Contains(l, "Line one") || strings.Contains(l, "red") {
				rows++
			}
		}
		require.Equal(t, 2, rows, format)
	}
	var md bytes.Buffer
	require.NoError(t, evilTable().WriteMarkdown(&md))
	require.Contains(t, md.String(), `\| pipe`, "a pipe cannot add a Markdown column")
}

func TestCSVIsSafe(t *testing.T) {
	var b bytes.Buffer
	rows := [][]string{
		{"=HYPERLINK(\"http://x\")", "-2.50"},
		{"+1+1", "1234.56"},
		{"-cmd|' /C calc'!A0", "-0.01"},
		{"@SUM(A1)", "x\ny\x1b"},
		{"plain", "-"},
	}
	require.NoError(t, WriteCSV(&b, []string{"name", "amount"}, rows))
	got, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Equal(t, [][]string{
		{"name", "amount"},
		{"'=HYPERLINK(\"http://x\")", "-2.50"}, // a formula is text; a negative number stays a number
		{"'+1+1", "1234.56"},
		{"'-cmd|' /C calc'!A0", "-0.01"},
		{"'@SUM(A1)", `x\ny\x1b`},
		{"plain", "'-"},
	}, got)
}

func TestClean(t *testing.T) {
	require.Equal(t, "Riverside PCN £1,234.56 – ok", Clean("Riverside PCN £1,234.56 – ok"))
	require.Equal(t, `a\x00b\x7fc\x9bd\u2066e`, Clean("a\x00b\x7fc\u009bd\u2066e"))
}
