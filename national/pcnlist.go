package national

import (
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/pcnfin/pcnfin/internal/names"
	"github.com/pcnfin/pcnfin/internal/strict"

	"github.com/pcnfin/pcnfin/des"

	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// PCN list files: one PCN a row, as NHS England's PCN lists and a finance
// team's spreadsheets give them.
//
//	pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds
//	U12345,Riverside PCN,NHS Example ICB,37300,39641.5,38260,102
//
// The header row is required. Its columns may come in any order, in any
// case, with spaces around them and with other columns besides (ignored);
// every one of the seven above must be there. A cell left empty is a figure
// not given: a payment that needs it reports an error rather than counting
// it as zero.

var pcnColumns = [...]string{"pcn_code", "pcn_name", "icb", "registered", "weighted", "adjusted", "care_home_beds"}

// PCNColumns returns the columns a PCN list file must have.
func PCNColumns() []string { return slices.Clone(pcnColumns[:]) }

// Default limits of ReadPCNs. England has about 1,250 PCNs.
const (
	DefaultMaxPCNRows  = 20_000
	DefaultMaxPCNBytes = 16 << 20
)

// PCNOptions tune ReadPCNs. The zero value stops at the first bad row and
// uses the default limits.
type PCNOptions struct {
	// SkipBad keeps going past bad rows: each is returned as an error in the
	// second result and left out of the first.
	SkipBad bool
	// MaxRows and MaxBytes bound the input (0: DefaultMaxPCNRows,
	// DefaultMaxPCNBytes; below 0: no limit). A larger input is an error,
	// not a truncation.
	MaxRows  int
	MaxBytes int64
}

// PCNRow is one row of a PCN list: the PCN's code, name and ICB, and the PCN
// itself as one practice named after the PCN carrying the row's figures.
type PCNRow struct {
	// Line is the row's line number in the file (the header is line 1).
	Line int
	Code string
	Name string
	ICB  string
	PCN  des.PCN
}

// ReadPCNs reads a PCN list (see PCNColumns). name is the file name
// errors report.
//
// A bad row (a non-numeric or negative figure, a fractional head count or
// bed count, a figure with more than six decimal places, the wrong number
// of cells, an empty or repeated PCN code) is a *FieldError with the file,
// the row's line, the column and what is wrong; it wraps ErrBadNumber for a
// cell that is not a number, ErrInvalid otherwise. Without opt.SkipBad the
// first bad row is the returned error; with it, the bad rows come back in
// the []error, in file order, and the good rows are kept.
//
// An input that cannot be read as a whole (no header, a required column
// missing or repeated, more rows or bytes than the limits allow, a read
// error), or a list with no good PCN rows (wrapping ErrMissing: there is
// nothing to work out), is always the returned error, also a *FieldError.
// The result is nil whenever the error is not.
func ReadPCNs(name string, r io.Reader, opt PCNOptions) ([]PCNRow, []error, error) {
	pr, err := NewPCNReader(name, r, opt)
	if err != nil {
		return nil, nil, err
	}
	var rows []PCNRow
	var bad []error
	for {
		chunk, b, err := pr.Next(nil, 4096)
		bad = append(bad, b...)
		rows = append(rows, chunk...)
		if errors.Is(err, io.EOF) && len(rows) == 0 {
			return nil, nil, &des.FieldError{File: name, Msg: "no PCN rows to work out", Err: des.ErrMissing}
		}
		if errors.Is(err, io.EOF) {
			return rows, bad, nil
		}
		if err != nil {
			return nil, nil, err
		}
	}
}

// PCNReader reads a PCN list a chunk of rows at a time (ReadPCNs reads
// it whole), so a long list is worked out in bounded memory: it holds the
// header and the PCN codes seen (to refuse a repeated one), not the rows.
// The rows, bad rows and errors are ReadPCNs's, in the same order.
type PCNReader struct {
	name     string
	opt      PCNOptions
	maxRows  int   // < 0: no limit
	maxBytes int64 // < 0: no limit
	cr       *csv.Reader
	header   []string
	col      map[string]int
	seen     map[string]int // code → line
	n        int            // data rows read (good and bad)
	err      error          // sticky: io.EOF or the error that stopped it
}

// NewPCNReader reads the header of a PCN list (see ReadPCNs; an error
// reading it is ReadPCNs's). opt.MaxRows or opt.MaxBytes below zero lift
// that limit.
func NewPCNReader(name string, r io.Reader, opt PCNOptions) (*PCNReader, error) {
	if r == nil {
		return nil, &des.FieldError{File: name, Msg: "no input to read (a nil io.Reader)", Err: des.ErrMissing}
	}
	pr := &PCNReader{name: name, opt: opt, maxRows: opt.MaxRows, maxBytes: opt.MaxBytes, seen: map[string]int{}}
	if pr.maxRows == 0 {
		pr.maxRows = DefaultMaxPCNRows
	}
	if pr.maxBytes == 0 {
		pr.maxBytes = DefaultMaxPCNBytes
	}
	if pr.maxBytes > 0 {
		r = &limitReader{r: r, left: pr.maxBytes}
	}
	pr.cr = csv.NewReader(bufio.NewReaderSize(r, 64<<10))
	pr.cr.FieldsPerRecord = -1 // checked here, to name the row
	pr.cr.ReuseRecord = true

	header, err := pr.cr.Read()
	if err != nil {
		switch {
		case errors.Is(err, io.EOF):
			return nil, pr.fail(0, "", "empty file: want a header row naming the columns %s", strings.Join(pcnColumns[:], ", "))
		case errors.Is(err, errTooBig):
			return nil, pr.fail(0, "", "file is larger than %d bytes", pr.maxBytes)
		}
		return nil, csvError(name, err)
	}
	for _, h := range header {
		if strings.ContainsRune(h, '\r') {
			return nil, pr.fail(1, "", "the lines end with a carriage return alone (CR, as old Mac spreadsheets save): "+
				"save the file with LF or CRLF line endings")
		}
	}
	pr.header = slices.Clone(header)
	pr.col = map[string]int{}
	for i, h := range pr.header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if _, dup := pr.col[h]; dup && isPCNColumn(h) {
			return nil, pr.fail(1, h, "column %q appears twice in the header", h)
		}
		if _, dup := pr.col[h]; !dup {
			pr.col[h] = i
		}
	}
	var missing []string
	for _, c := range pcnColumns {
		if _, ok := pr.col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, pr.fail(1, missing[0], "the header has no %s column (want %s, in any order)",
			strings.Join(missing, ", "), strings.Join(pcnColumns[:], ", "))
	}
	return pr, nil
}

func (pr *PCNReader) fail(line int, field, format string, args ...any) *des.FieldError {
	return &des.FieldError{File: pr.name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...), Err: des.ErrInvalid}
}

// Next reads up to n good rows (n ≤ 0: 4,096), appending them to rows[:0],
// with the bad rows met on the way (only with opt.SkipBad; without it the
// first bad row is the error). At the end of the list the error is io.EOF,
// with the last rows; any other error stops the reader, and every later
// call returns it.
func (pr *PCNReader) Next(rows []PCNRow, n int) ([]PCNRow, []error, error) {
	if n <= 0 {
		n = 4096
	}
	rows = rows[:0]
	var bad []error
	for pr.err == nil && len(rows) < n {
		rec, err := pr.cr.Read()
		if errors.Is(err, io.EOF) {
			pr.err = io.EOF
			break
		}
		if errors.Is(err, errTooBig) {
			pr.err = pr.fail(0, "", "file is larger than %d bytes", pr.maxBytes)
			break
		}
		if pr.maxRows > 0 && pr.n >= pr.maxRows {
			line, _ := pr.cr.FieldPos(0)
			pr.err = pr.fail(line, "", "more than %d rows", pr.maxRows)
			break
		}
		pr.n++
		var fe *des.FieldError
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				pr.err = csvError(pr.name, err)
				break
			}
			fe = csvError(pr.name, err)
		} else {
			line, _ := pr.cr.FieldPos(0)
			var row PCNRow
			row, fe = pcnRow(pr.name, line, rec, pr.header, pr.col, pr.seen)
			if fe == nil {
				pr.seen[names.CodeKey(row.Code)] = line
				rows = append(rows, row)
				continue
			}
		}
		if !pr.opt.SkipBad {
			pr.err = fe
			break
		}
		bad = append(bad, fe)
	}
	if pr.err != nil && !errors.Is(pr.err, io.EOF) {
		return nil, nil, pr.err
	}
	return rows, bad, pr.err
}

func isPCNColumn(h string) bool {
	for _, c := range pcnColumns {
		if c == h {
			return true
		}
	}
	return false
}

// csvError turns an encoding/csv error (a stray quote) into a *FieldError.
func csvError(name string, err error) *des.FieldError {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := fmt.Sprintf("%v (character %d of the line)", pe.Err, pe.Column)
		if pe.Line != pe.StartLine {
			msg = fmt.Sprintf("%v (line %d, character %d)", pe.Err, pe.Line, pe.Column)
		}
		return &des.FieldError{File: name, Line: pe.StartLine, Msg: msg, Err: des.ErrInvalid}
	}
	return &des.FieldError{File: name, Msg: err.Error(), Err: des.ErrInvalid}
}

func pcnRow(name string, line int, rec, header []string, col map[string]int,
	seen map[string]int) (PCNRow, *des.FieldError) {
	bad := func(field string, sentinel error, format string, args ...any) (PCNRow, *des.FieldError) {
		return PCNRow{}, &des.FieldError{File: name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...), Err: sentinel}
	}
	if len(rec) != len(header) {
		return bad("", des.ErrInvalid, "the row has %d cells, the header %d", len(rec), len(header))
	}
	cell := func(c string) string { return strings.TrimSpace(rec[col[c]]) }
	row := PCNRow{Line: line, Code: cell("pcn_code"), Name: cell("pcn_name"), ICB: cell("icb")}
	if row.Code == "" {
		return bad("pcn_code", des.ErrInvalid, "missing PCN code")
	}
	if msg := names.NameProblem(row.Code); msg != "" {
		return bad("pcn_code", des.ErrInvalid, "PCN code %q %s", row.Code, msg)
	}
	if msg := names.NameProblem(row.Name); msg != "" {
		return bad("pcn_name", des.ErrInvalid, "PCN name %q %s", row.Name, msg)
	}
	if at, dup := seen[names.CodeKey(row.Code)]; dup {
		return bad("pcn_code", des.ErrInvalid, "PCN code %s is already on line %d", row.Code, at)
	}
	if row.Name == "" {
		row.Name = row.Code
	}
	pr := des.Practice{Name: row.Name}
	for _, f := range []struct {
		col   string
		whole bool
		to    *des.Number
	}{
		{"registered", true, &pr.Registered},
		{"weighted", false, &pr.Weighted},
		{"adjusted", false, &pr.Adjusted},
		{"care_home_beds", true, &pr.CareHomeBeds},
	} {
		s := cell(f.col)
		if s == "" {
			continue
		}
		d, err := strict.ParseDecimal(s)
		if err != nil {
			return bad(f.col, des.ErrBadNumber, "%q is not a number (write it plainly, as 12000 or 13250.5)", s)
		}
		switch {
		case d.IsNegative():
			return bad(f.col, des.ErrInvalid, "%s is negative", s)
		case f.whole && !d.IsInteger():
			return bad(f.col, des.ErrInvalid, "%s: want a whole number", s)
		case money.Places(d) > 6:
			return bad(f.col, des.ErrInvalid, "%s has more than six decimal places", s)
		case d.GreaterThan(decimal.NewFromInt(100_000_000)):
			return bad(f.col, des.ErrInvalid, "%s is more than the population of England", s)
		}
		*f.to = des.NumberOf(d)
	}
	row.PCN = des.PCN{Name: row.Name, Practices: []des.Practice{pr}}
	return row, nil
}

var errTooBig = errors.New("input too large")

// limitReader fails with errTooBig once more than left bytes are read.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, errTooBig
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, errTooBig
	}
	return n, err
}

// ReadPCNsFile reads the PCN list file at path (see ReadPCNs), refusing
// a file larger than opt.MaxBytes (default DefaultMaxPCNBytes) before
// reading it.
func ReadPCNsFile(path string, opt PCNOptions) ([]PCNRow, []error, error) {
	maxBytes := opt.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxPCNBytes
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if maxBytes > 0 && fi.Size() > maxBytes {
		return nil, nil, &des.FieldError{File: path, Msg: fmt.Sprintf("file is %d bytes; at most %d", fi.Size(), maxBytes),
			Err: des.ErrInvalid}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return ReadPCNs(path, f, opt)
}

// RowError names the file, line and PCN of err, an error working out row
// for year y. A missing figure (*MissingFigureError) names the column and
// the payment that needs it, and wraps ErrMissingFigure; any other error is
// wrapped as it is.
func RowError(file string, row PCNRow, y des.Year, err error) *des.FieldError {
	var mf *des.MissingFigureError
	if errors.As(err, &mf) {
		return &des.FieldError{File: file, Line: row.Line, Field: mf.Field, Err: des.ErrMissingFigure,
			Msg: fmt.Sprintf("%s (%s): no %s figure, which %s %s needs", row.Code, row.Name, mf.Field, y, mf.Payment)}
	}
	return &des.FieldError{File: file, Line: row.Line, Msg: fmt.Sprintf("%s (%s): %s: %v", row.Code, row.Name, y, err),
		Err: err}
}
