package national

import (
	"github.com/pcnfin/pcnfin/internal/names"

	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/strict"
	"github.com/shopspring/decimal"
)

// Staff files: one person a row, for every PCN of a PCN list, as an ICB's
// finance team keeps its ARRS claims.
//
//	pcn_code,name,role,wte,start,end,annual_cost,london
//	U12345,Pharmacist A,clinical_pharmacist,1,2025-04-01,,60000,
//
// The columns are named as a scenario file's [[staff]] keys, in any order
// and case, with other columns besides (ignored, and listed by
// StaffReader.Ignored so a caller can say so). pcn_code, name, role and
// start are required columns; so is at least one of wte, hours and
// sessions, and one of annual_cost and salary. A cell left empty is "not
// given", as a key left out of a scenario is.

// StaffColumns are the columns a staff file may have: the scenario's
// [[staff]] keys and pcn_code.
var staffColumns = [...]string{"pcn_code", "name", "role", "wte", "hours", "sessions", "start", "end",
	"annual_cost", "salary", "band", "levy", "london", "written_agreement"}

// StaffColumns returns the columns a staff file may have.
func StaffColumns() []string { return slices.Clone(staffColumns[:]) }

// Default limits of a staff file. England has about 40,000 people in ARRS
// roles; the default allows five times that.
const (
	DefaultMaxStaffRows  = 200_000
	DefaultMaxStaffBytes = 64 << 20
)

// StaffOptions tune a StaffReader. The zero value stops at the first bad
// row and uses the default limits.
type StaffOptions struct {
	// SkipBad keeps going past bad rows: each is returned as an error and
	// left out.
	SkipBad bool
	// MaxRows and MaxBytes bound the input (0: DefaultMaxStaffRows,
	// DefaultMaxStaffBytes; below 0: no limit). A larger input is an
	// error, not a truncation.
	MaxRows  int
	MaxBytes int64
	// KnownRole says whether a role ID is known (nil: names.KnownRole, the
	// catalogue). A role not known is a bad row; a role known but not
	// claimable in a year claims £0 with the reason not_arrs_role.
	KnownRole func(id string) bool
}

// StaffRow is one row of a staff file: the PCN code as written and the
// person.
type StaffRow struct {
	Line  int // the row's line in the file (the header is line 1)
	PCN   string
	Staff arrs.Staff
}

// StaffReader reads a staff file a chunk of rows at a time. It checks each
// row on its own (numbers, dates, role, WTE, cost); the PCN code and
// repeats are checked against the PCN list by Rosters.
type StaffReader struct {
	name     string
	opt      StaffOptions
	maxRows  int
	maxBytes int64
	cr       *csv.Reader
	header   []string
	col      map[string]int
	ignored  []string
	n        int
	err      error
	interned map[string]string // roles and bands, held once
}

// NewStaffReader reads the header of a staff file. name is the file name
// errors report. A header that is not one (empty, a column twice, a
// required column missing) is a *des.FieldError.
func NewStaffReader(name string, r io.Reader, opt StaffOptions) (*StaffReader, error) {
	if r == nil {
		return nil, &des.FieldError{File: name, Msg: "no input to read (a nil io.Reader)", Err: des.ErrMissing}
	}
	sr := &StaffReader{name: name, opt: opt, maxRows: opt.MaxRows, maxBytes: opt.MaxBytes, interned: map[string]string{}}
	if sr.maxRows == 0 {
		sr.maxRows = DefaultMaxStaffRows
	}
	if sr.maxBytes == 0 {
		sr.maxBytes = DefaultMaxStaffBytes
	}
	if sr.opt.KnownRole == nil {
		sr.opt.KnownRole = names.KnownRole
	}
	if sr.maxBytes > 0 {
		r = &limitReader{r: r, left: sr.maxBytes}
	}
	sr.cr = csv.NewReader(bufio.NewReaderSize(r, 64<<10))
	sr.cr.FieldsPerRecord = -1
	sr.cr.ReuseRecord = true
	header, err := sr.cr.Read()
	if err != nil {
		switch {
		case errors.Is(err, io.EOF):
			return nil, sr.fail(0, "", des.ErrMissing, "empty file: want a header row naming the columns pcn_code, name, "+
				"role, start, wte (or hours or sessions) and annual_cost (or salary)")
		case errors.Is(err, errTooBig):
			return nil, sr.fail(0, "", des.ErrInvalid, "file is larger than %d bytes", sr.maxBytes)
		}
		return nil, csvError(name, err)
	}
	sr.header = slices.Clone(header)
	sr.col = map[string]int{}
	for i, h := range sr.header {
		if strings.ContainsRune(h, '\r') {
			return nil, sr.fail(1, "", des.ErrInvalid, "the lines end with a carriage return alone (CR, as old Mac "+
				"spreadsheets save): save the file with LF or CRLF line endings")
		}
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		known := slices.Contains(staffColumns[:], h)
		if _, dup := sr.col[h]; dup && known {
			return nil, sr.fail(1, h, des.ErrInvalid, "column %q appears twice in the header", h)
		}
		if !known {
			sr.ignored = append(sr.ignored, h)
			continue
		}
		sr.col[h] = i
	}
	for _, c := range []string{"pcn_code", "name", "role", "start"} {
		if _, ok := sr.col[c]; !ok {
			return nil, sr.fail(1, c, des.ErrMissing, "the header has no %s column (want pcn_code, name, role, start, "+
				"wte or hours or sessions, annual_cost or salary, in any order; optional: end, band, levy, london, "+
				"written_agreement)", c)
		}
	}
	if !sr.has("wte") && !sr.has("hours") && !sr.has("sessions") {
		return nil, sr.fail(1, "wte", des.ErrMissing, "the header has none of wte, hours, sessions: give one of them")
	}
	if !sr.has("annual_cost") && !sr.has("salary") {
		return nil, sr.fail(1, "annual_cost", des.ErrMissing, "the header has neither annual_cost nor salary: give one")
	}
	return sr, nil
}

func (sr *StaffReader) has(c string) bool { _, ok := sr.col[c]; return ok }

// Ignored is the header's columns that are not staff columns (left out of
// every row), for the caller to say so.
func (sr *StaffReader) Ignored() []string { return slices.Clone(sr.ignored) }

func (sr *StaffReader) fail(line int, field string, sentinel error, format string, args ...any) *des.FieldError {
	return &des.FieldError{File: sr.name, Line: line, Field: field, Msg: fmt.Sprintf(format, args...), Err: sentinel}
}

// Next reads up to n good rows (n ≤ 0: 4,096), appending them to rows[:0],
// with the bad rows met on the way (only with SkipBad; without it the first
// bad row is the error). At the end of the file the error is io.EOF, with
// the last rows; any other error stops the reader, and every later call
// returns it.
func (sr *StaffReader) Next(rows []StaffRow, n int) ([]StaffRow, []error, error) {
	if n <= 0 {
		n = 4096
	}
	rows = rows[:0]
	var bad []error
	for sr.err == nil && len(rows) < n {
		rec, err := sr.cr.Read()
		if errors.Is(err, io.EOF) {
			sr.err = io.EOF
			break
		}
		if errors.Is(err, errTooBig) {
			sr.err = sr.fail(0, "", des.ErrInvalid, "file is larger than %d bytes", sr.maxBytes)
			break
		}
		if sr.maxRows > 0 && sr.n >= sr.maxRows {
			line, _ := sr.cr.FieldPos(0)
			sr.err = sr.fail(line, "", des.ErrInvalid, "more than %d people (rows); the limit is there to bound "+
				"memory: raise it if the file is right", sr.maxRows)
			break
		}
		sr.n++
		var fe *des.FieldError
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				sr.err = csvError(sr.name, err)
				break
			}
			fe = csvError(sr.name, err)
		} else {
			line, _ := sr.cr.FieldPos(0)
			var row StaffRow
			if row, fe = sr.row(line, rec); fe == nil {
				rows = append(rows, row)
				continue
			}
		}
		if !sr.opt.SkipBad {
			sr.err = fe
			break
		}
		bad = append(bad, fe)
	}
	if sr.err != nil && !errors.Is(sr.err, io.EOF) {
		return nil, nil, sr.err
	}
	return rows, bad, sr.err
}

func (sr *StaffReader) intern(s string) string {
	if v, ok := sr.interned[s]; ok {
		return v
	}
	if len(sr.interned) < 1024 {
		s = strings.Clone(s)
		sr.interned[s] = s
	}
	return s
}

var fullWeek, gpWeek = decimal.RequireFromString("37.5"), decimal.NewFromInt(9)

// row checks one person as a scenario's [[staff]] line is checked.
func (sr *StaffReader) row(line int, rec []string) (StaffRow, *des.FieldError) {
	who := ""
	bad := func(field string, sentinel error, format string, args ...any) (StaffRow, *des.FieldError) {
		return StaffRow{}, &des.FieldError{File: sr.name, Line: line, Field: field,
			Msg: who + fmt.Sprintf(format, args...), Err: sentinel}
	}
	if len(rec) != len(sr.header) {
		return bad("", des.ErrInvalid, "the row has %d cells, the header %d", len(rec), len(sr.header))
	}
	cell := func(c string) string {
		if i, ok := sr.col[c]; ok {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	row := StaffRow{Line: line, PCN: strings.Clone(cell("pcn_code"))}
	s := &row.Staff
	s.Name = strings.Clone(cell("name"))
	if s.Name != "" {
		who = fmt.Sprintf("%q: ", s.Name)
	}
	switch {
	case row.PCN == "":
		return bad("pcn_code", des.ErrMissing, "missing PCN code: every person belongs to a PCN of the list")
	case names.NameProblem(row.PCN) != "":
		return bad("pcn_code", des.ErrInvalid, "PCN code %q %s", row.PCN, names.NameProblem(row.PCN))
	case s.Name == "":
		return bad("name", des.ErrMissing, "missing name")
	}
	s.Role = cell("role")
	switch {
	case s.Role == "":
		return bad("role", des.ErrMissing, "missing role")
	case !sr.opt.KnownRole(s.Role):
		return bad("role", des.ErrInvalid, "%s", names.UnknownRoleMsg(s.Role))
	}
	s.Role = sr.intern(s.Role)
	var err error
	date := func(c string) (des.Date, *des.FieldError) {
		v := cell(c)
		if v == "" {
			return des.Date{}, nil
		}
		d, err := des.ParseDate(v)
		if err != nil {
			msg := err.Error()
			if strings.Count(v, "/") == 2 {
				msg += " (write a day as 2025-04-01, not as a spreadsheet's 01/04/2025)"
			}
			_, fe := bad(c, des.ErrBadDate, "%s", strings.TrimPrefix(msg, des.ErrBadDate.Error()+": "))
			return des.Date{}, fe
		}
		return d, nil
	}
	var fe *des.FieldError
	if s.Start, fe = date("start"); fe != nil {
		return StaffRow{}, fe
	}
	if s.Start.IsZero() {
		return bad("start", des.ErrMissing, "missing start date, e.g. 2024-04-01")
	}
	if s.End, fe = date("end"); fe != nil {
		return StaffRow{}, fe
	}
	if !s.End.IsZero() && s.End.Before(s.Start) {
		return bad("end", des.ErrInvalid, "end %s is before start %s", s.End, s.Start)
	}
	num := func(c string) (decimal.Decimal, bool, *des.FieldError) {
		v := cell(c)
		if v == "" {
			return decimal.Decimal{}, false, nil
		}
		d, err := strict.ParseDecimal(strings.ReplaceAll(strings.TrimPrefix(v, "£"), ",", ""))
		if err != nil {
			_, fe := bad(c, des.ErrBadNumber, "%q is not a number (write it plainly, as 60000 or 0.5)", v)
			return d, false, fe
		}
		if d.IsNegative() {
			_, fe := bad(c, des.ErrInvalid, "%s is negative", v)
			return d, false, fe
		}
		return d, true, nil
	}
	var given []string
	var wte, hours, sessions decimal.Decimal
	for _, f := range []struct {
		c  string
		to *decimal.Decimal
	}{{"wte", &wte}, {"hours", &hours}, {"sessions", &sessions}} {
		d, ok, fe := num(f.c)
		if fe != nil {
			return StaffRow{}, fe
		}
		if ok {
			*f.to = d
			given = append(given, f.c)
		}
	}
	if len(given) != 1 {
		field := "wte"
		if len(given) > 1 {
			field = given[1]
		}
		return bad(field, des.ErrMissing, "give exactly one of wte, hours (a week, ÷ 37.5) or sessions (a week, ÷ 9); "+
			"this row gives %d", len(given))
	}
	switch given[0] {
	case "wte":
		s.WTE, err = arrs.WTEOf(wte)
	case "hours":
		s.WTE, err = arrs.WTEHours(hours, fullWeek)
	case "sessions":
		if !names.SessionalRole(s.Role) {
			return bad("sessions", des.ErrInvalid, "sessions are for GPs (general_practitioner), not %s: give wte or "+
				"hours (a week, ÷ 37.5)", s.Role)
		}
		s.WTE, err = arrs.WTESessions(sessions, gpWeek)
	}
	if err != nil {
		return bad(given[0], des.ErrInvalid, "%s", err.Error())
	}
	if s.WTE.IsZero() {
		return bad(given[0], des.ErrInvalid, "WTE must be more than 0")
	}
	if s.WTE.Decimal().GreaterThan(decimal.NewFromInt(1)) {
		return bad(given[0], des.ErrInvalid, "%s WTE: a row is one person, who cannot work more than full time "+
			"(1 WTE = 37.5 hours or 9 GP sessions a week); give each person a row of their own", s.WTE.Decimal())
	}
	cost, hasCost, fe := num("annual_cost")
	if fe != nil {
		return StaffRow{}, fe
	}
	salary, hasSalary, fe := num("salary")
	if fe != nil {
		return StaffRow{}, fe
	}
	switch {
	case hasCost && hasSalary:
		return bad("salary", des.ErrInvalid, "give annual_cost or salary, not both")
	case !hasCost && !hasSalary:
		return bad("annual_cost", des.ErrMissing, "missing: give annual_cost (employer cost of 1 WTE a year) or salary")
	case hasCost && cost.IsZero(), hasSalary && salary.IsZero():
		c := "annual_cost"
		if hasSalary {
			c = "salary"
		}
		return bad(c, des.ErrInvalid, "%s is 0: the employer cost of a person is more than £0 (ARRS reimburses what "+
			"is spent); give the cost of 1 WTE a year", c)
	}
	s.AnnualCost, s.Salary = cost, salary
	s.Band = sr.intern(cell("band"))
	switch l := strings.ToLower(cell("london")); l {
	case "", "no", "false", "none":
	case "inner", "outer":
		s.London = arrs.London(l)
	default:
		return bad("london", des.ErrInvalid, "%q: want inner, outer or nothing", cell("london"))
	}
	for _, f := range []struct {
		c  string
		to *bool
	}{{"levy", &s.Levy}, {"written_agreement", &s.WrittenAgreement}} {
		switch v := strings.ToLower(cell(f.c)); v {
		case "", "false", "no", "n", "0":
		case "true", "yes", "y", "1":
			*f.to = true
		default:
			return bad(f.c, des.ErrInvalid, "%q: want true or false (or yes, no, 1, 0, or nothing)", cell(f.c))
		}
	}
	if err := s.Validate(); err != nil {
		var es des.Errors
		var fe *des.FieldError
		if errors.As(err, &es) && len(es) > 0 && errors.As(es[0], &fe) {
			return bad(fe.Field, fe.Err, "%s", fe.Msg)
		}
		return bad("", des.ErrInvalid, "%v", err)
	}
	return row, nil
}
