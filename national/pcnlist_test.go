package national_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/stretchr/testify/require"
)

const goodPCNCSV = `pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds
U00001,Riverside PCN,NHS Example ICB,37300,39641.5,38260,102
U00002,"Hill, Dale and Vale PCN",NHS Example ICB,52100,50999.123456,51000,0
U00003,Coast PCN,NHS Other ICB,28000,,,
`

func TestReadPCNCSVGood(t *testing.T) {
	rows, bad, err := national.ReadPCNs("pcns.csv", strings.NewReader(goodPCNCSV), national.PCNOptions{})
	require.NoError(t, err)
	require.Empty(t, bad)
	require.Len(t, rows, 3)

	r := rows[0]
	require.Equal(t, 2, r.Line)
	require.Equal(t, "U00001", r.Code)
	require.Equal(t, "Riverside PCN", r.Name)
	require.Equal(t, "NHS Example ICB", r.ICB)
	require.Equal(t, "Riverside PCN", r.PCN.Name)
	require.Len(t, r.PCN.Practices, 1)
	p := r.PCN.Practices[0]
	require.Equal(t, "Riverside PCN", p.Name)
	requireMoney(t, "37300", p.Registered.Decimal())
	requireMoney(t, "39641.5", p.Weighted.Decimal())
	requireMoney(t, "38260", p.Adjusted.Decimal())
	requireMoney(t, "102", p.CareHomeBeds.Decimal())

	require.Equal(t, "Hill, Dale and Vale PCN", rows[1].Name)
	requireMoney(t, "50999.123456", rows[1].PCN.Practices[0].Weighted.Decimal())
	require.True(t, rows[1].PCN.Practices[0].CareHomeBeds.IsSet(), "0 is a figure, not a gap")

	// Empty cells are figures not given, and a payment needing one says so.
	c := rows[2].PCN.Practices[0]
	require.True(t, c.Registered.IsSet())
	require.False(t, c.Weighted.IsSet())
	require.False(t, c.Adjusted.IsSet())
	require.False(t, c.CareHomeBeds.IsSet())
	_, err = rows[2].PCN.Total(des.Weighted, "arrs")
	require.ErrorIs(t, err, des.ErrMissingFigure)
}

func TestReadPCNCSVHeader(t *testing.T) {
	// Any order, any case, spaces, a byte-order mark, extra columns, CRLF.
	in := "\uFEFF Registered ,ICB,Notes,PCN_Code,pcn_name,care_home_beds,WEIGHTED,adjusted\r\n" +
		"12000,NHS X ICB,ignored,U1,One PCN,5,13000.25,12500\r\n"
	rows, _, err := national.ReadPCNs("x.csv", strings.NewReader(in), national.PCNOptions{})
	require.NoError(t, err)
	require.Len(t, rows, 1)
	require.Equal(t, "U1", rows[0].Code)
	require.Equal(t, "NHS X ICB", rows[0].ICB)
	requireMoney(t, "12000", rows[0].PCN.Practices[0].Registered.Decimal())
	requireMoney(t, "13000.25", rows[0].PCN.Practices[0].Weighted.Decimal())

	// A name left empty falls back to the code.
	rows, _, err = national.ReadPCNs("x.csv", strings.NewReader(strings.Replace(in, "One PCN", "", 1)), national.PCNOptions{})
	require.NoError(t, err)
	require.Equal(t, "U1", rows[0].Name)

	for _, tc := range []struct{ in, field, msg string }{
		{"", "", "empty file"},
		{"pcn_code,pcn_name,icb,registered,weighted,adjusted\n", "care_home_beds", "no care_home_beds column"},
		{"pcn_code,pcn_name,registered,weighted,adjusted\n", "icb", "no icb, care_home_beds column"},
		{"pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds,Registered\n", "registered", "appears twice"},
	} {
		_, _, err := national.ReadPCNs("h.csv", strings.NewReader(tc.in), national.PCNOptions{SkipBad: true})
		var fe *des.FieldError
		require.ErrorAs(t, err, &fe, tc.in)
		require.ErrorIs(t, err, des.ErrInvalid)
		require.Equal(t, "h.csv", fe.File)
		require.Equal(t, tc.field, fe.Field)
		require.Contains(t, fe.Msg, tc.msg)
	}
	// Header only: no PCNs to work out (ReadPCNs); the streaming reader
	// just ends.
	const head = "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n"
	rows, bad, err := national.ReadPCNs("h.csv", strings.NewReader(head), national.PCNOptions{})
	require.ErrorIs(t, err, des.ErrMissing)
	require.EqualError(t, err, "h.csv: no PCN rows to work out")
	require.Nil(t, rows)
	require.Nil(t, bad)
	pr, err := national.NewPCNReader("h.csv", strings.NewReader(head), national.PCNOptions{})
	require.NoError(t, err)
	rows, bad, err = pr.Next(nil, 0)
	require.ErrorIs(t, err, io.EOF)
	require.Empty(t, rows)
	require.Empty(t, bad)
}

func TestReadPCNCSVBadRows(t *testing.T) {
	const head = "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n"
	for _, tc := range []struct {
		row, field string
		sentinel   error
		msg        string
	}{
		{"U1,A,I,12k,1,1,1", "registered", des.ErrBadNumber, `"12k" is not a number`},
		{"U1,A,I,\"12,000\",1,1,1", "registered", des.ErrBadNumber, `"12,000" is not a number`},
		{"U1,A,I,1e4,1,1,1", "registered", des.ErrBadNumber, "not a number"},
		{"U1,A,I,NaN,1,1,1", "registered", des.ErrBadNumber, "not a number"},
		{"U1,A,I,-5,1,1,1", "registered", des.ErrInvalid, "-5 is negative"},
		{"U1,A,I,100.5,1,1,1", "registered", des.ErrInvalid, "want a whole number"},
		{"U1,A,I,100,1,1,2.5", "care_home_beds", des.ErrInvalid, "want a whole number"},
		{"U1,A,I,100,1.1234567,1,1", "weighted", des.ErrInvalid, "more than six decimal places"},
		{"U1,A,I,100,1,-0.5,1", "adjusted", des.ErrInvalid, "negative"},
		{"U1,A,I,100,1,1,1,extra", "", des.ErrInvalid, "the row has 8 cells, the header 7"},
		{"U1,A,I,100", "", des.ErrInvalid, "the row has 4 cells, the header 7"},
		{" ,A,I,100,1,1,1", "pcn_code", des.ErrInvalid, "missing PCN code"},
		{"U1,A,I,200000000,1,1,1", "registered", des.ErrInvalid, "more than the population of England"},
		{"U1,A \"quoted\" name,I,1,1,1,1", "", des.ErrInvalid, "bare \""},
	} {
		in := head + "U0,Good PCN,I,1000,1000,1000,0\n" + tc.row + "\nU9,Another,I,2000,2000,2000,1\n"
		// Without SkipBad the first bad row is the error.
		rows, bad, err := national.ReadPCNs("bad.csv", strings.NewReader(in), national.PCNOptions{})
		require.Nil(t, rows, tc.row)
		require.Nil(t, bad, tc.row)
		var fe *des.FieldError
		require.ErrorAs(t, err, &fe, tc.row)
		require.ErrorIs(t, err, tc.sentinel, tc.row)
		require.Equal(t, "bad.csv", fe.File)
		require.Equal(t, 3, fe.Line, tc.row)
		require.Equal(t, tc.field, fe.Field, tc.row)
		require.Contains(t, fe.Msg, tc.msg, tc.row)
		require.True(t, strings.HasPrefix(err.Error(), "bad.csv:3: "), err.Error())

		// With SkipBad it is reported and the others kept.
		rows, bad, err = national.ReadPCNs("bad.csv", strings.NewReader(in), national.PCNOptions{SkipBad: true})
		require.NoError(t, err, tc.row)
		require.Len(t, rows, 2, tc.row)
		require.Equal(t, "U0", rows[0].Code)
		require.Equal(t, "U9", rows[1].Code)
		require.Equal(t, 4, rows[1].Line)
		require.Len(t, bad, 1)
		require.ErrorAs(t, bad[0], &fe)
		require.Equal(t, 3, fe.Line)
	}
}

func TestReadPCNCSVDuplicateCodeAndLines(t *testing.T) {
	in := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n" +
		"U1,\"Two\nline name\",I,1,1,1,1\n" + // a quoted newline: the next row is on line 4
		"\n" + // blank lines are skipped
		"U1,Again,I,1,1,1,1\n"
	_, bad, err := national.ReadPCNs("d.csv", strings.NewReader(in), national.PCNOptions{SkipBad: true})
	require.NoError(t, err)
	require.Len(t, bad, 1)
	require.EqualError(t, bad[0], "d.csv:5: pcn_code: PCN code U1 is already on line 2")
}

func TestReadPCNCSVLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n")
	for i := range 11 {
		fmt.Fprintf(&b, "U%d,P%d,I,1000,1000,1000,0\n", i, i)
	}
	rows, _, err := national.ReadPCNs("big.csv", strings.NewReader(b.String()), national.PCNOptions{MaxRows: 11})
	require.NoError(t, err)
	require.Len(t, rows, 11)
	_, _, err = national.ReadPCNs("big.csv", strings.NewReader(b.String()), national.PCNOptions{MaxRows: 10, SkipBad: true})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.EqualError(t, err, "big.csv:12: more than 10 rows")

	_, _, err = national.ReadPCNs("big.csv", strings.NewReader(b.String()), national.PCNOptions{MaxBytes: 200})
	require.EqualError(t, err, "big.csv: file is larger than 200 bytes")
	var fe *des.FieldError
	require.True(t, errors.As(err, &fe))
}

func ExampleReadPCNs() {
	in := `pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds
U00001,Riverside PCN,NHS Example ICB,37300,39641.5,38260,102
U00002,Hill PCN,NHS Example ICB,41200.5,42000,41000,60
`
	rows, bad, err := national.ReadPCNs("pcns.csv", strings.NewReader(in), national.PCNOptions{SkipBad: true})
	if err != nil {
		panic(err)
	}
	for _, r := range rows {
		fmt.Println(r.Line, r.Code, r.Name, r.PCN.Practices[0].Registered.Decimal())
	}
	for _, e := range bad {
		fmt.Println(e)
	}
	// Output:
	// 2 U00001 Riverside PCN 37300
	// pcns.csv:3: registered: 41200.5: want a whole number
}
