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
	seen     *readerCache
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
// the last rows; any other error stops the reader, comes with the good rows
// read before it (ReadRosters finds a repeat among them, an earlier bad
// row), and every later call returns it.
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
		return rows, nil, sr.err
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

// The staff columns by number, in staffColumns' order.
const (
	colPCN = iota
	colName
	colRole
	colWTE
	colHours
	colSessions
	colStart
	colEnd
	colCost
	colSalary
	colBand
	colLevy
	colLondon
	colWrittenAgreement
)

// maxCache bounds each of a StaffReader's caches of cells already checked.
const maxCache = 1 << 14

// readerCache holds what rows have shown already: the position of each
// staff column, PCN codes, roles, dates and working times already checked
// (good ones only; a bad cell is checked afresh, and named, every time).
type readerCache struct {
	at    [len(staffColumns)]int // the record's index of each staff column; -1: absent
	codes map[string]string      // PCN codes that passed names.NameProblem, held once
	roles map[string]string      // roles known, held once
	dates map[string]des.Date
	wtes  map[wteCell]arrs.WTE // working times above 0 and at most 1 WTE
}

type wteCell struct {
	col  int
	text string
}

func (sr *StaffReader) cache() *readerCache {
	if sr.seen == nil {
		c := &readerCache{codes: map[string]string{}, roles: map[string]string{}, dates: map[string]des.Date{},
			wtes: map[wteCell]arrs.WTE{}}
		for k, name := range staffColumns {
			c.at[k] = -1
			if i, ok := sr.col[name]; ok {
				c.at[k] = i
			}
		}
		sr.seen = c
	}
	return sr.seen
}

// staffCheck is one row being checked.
type staffCheck struct {
	sr   *StaffReader
	line int
	rec  []string
	row  StaffRow
}

// cell is column k's cell, trimmed ("" when the file has no such column).
func (c *staffCheck) cell(k int) string {
	if i := c.sr.seen.at[k]; i >= 0 {
		return strings.TrimSpace(c.rec[i])
	}
	return ""
}

// bad is the row's error: the person's name first, when the row gives one.
func (c *staffCheck) bad(field string, sentinel error, format string, args ...any) *des.FieldError {
	who := ""
	if c.row.Staff.Name != "" {
		who = fmt.Sprintf("%q: ", c.row.Staff.Name)
	}
	return &des.FieldError{File: c.sr.name, Line: c.line, Field: field, Msg: who + fmt.Sprintf(format, args...),
		Err: sentinel}
}

// staffChecks are a row's checks in the order its errors are reported.
var staffChecks = [...]func(*staffCheck) *des.FieldError{
	(*staffCheck).who, (*staffCheck).role, (*staffCheck).dates, (*staffCheck).workingTime, (*staffCheck).cost,
	(*staffCheck).zoneAndFlags, (*staffCheck).validate,
}

// row checks one person as a scenario's [[staff]] line is checked.
func (sr *StaffReader) row(line int, rec []string) (StaffRow, *des.FieldError) {
	sr.cache()
	c := staffCheck{sr: sr, line: line, rec: rec, row: StaffRow{Line: line}}
	if len(rec) != len(sr.header) {
		return StaffRow{}, c.bad("", des.ErrInvalid, "the row has %d cells, the header %d", len(rec), len(sr.header))
	}
	for _, check := range staffChecks {
		if fe := check(&c); fe != nil {
			return StaffRow{}, fe
		}
	}
	return c.row, nil
}

// who checks the PCN code and the name.
func (c *staffCheck) who() *des.FieldError {
	code := c.cell(colPCN)
	c.row.Staff.Name = strings.Clone(c.cell(colName))
	if held, ok := c.sr.seen.codes[code]; ok {
		c.row.PCN = held
	} else {
		c.row.PCN = strings.Clone(code)
		switch {
		case code == "":
			return c.bad("pcn_code", des.ErrMissing, "missing PCN code: every person belongs to a PCN of the list")
		case names.NameProblem(code) != "":
			return c.bad("pcn_code", des.ErrInvalid, "PCN code %q %s", code, names.NameProblem(code))
		}
		if len(c.sr.seen.codes) < maxCache {
			c.sr.seen.codes[c.row.PCN] = c.row.PCN
		}
	}
	if c.row.Staff.Name == "" {
		return c.bad("name", des.ErrMissing, "missing name")
	}
	return nil
}

// role checks the role against the catalogue (StaffOptions.KnownRole).
func (c *staffCheck) role() *des.FieldError {
	role := c.cell(colRole)
	if held, ok := c.sr.seen.roles[role]; ok {
		c.row.Staff.Role = held
		return nil
	}
	switch {
	case role == "":
		return c.bad("role", des.ErrMissing, "missing role")
	case !c.sr.opt.KnownRole(role):
		return c.bad("role", des.ErrInvalid, "%s", names.UnknownRoleMsg(role))
	}
	c.row.Staff.Role = c.sr.intern(role)
	if len(c.sr.seen.roles) < maxCache {
		c.sr.seen.roles[c.row.Staff.Role] = c.row.Staff.Role
	}
	return nil
}

// date reads column k's date (zero when the cell is empty).
func (c *staffCheck) date(k int) (des.Date, *des.FieldError) {
	v := c.cell(k)
	if v == "" {
		return des.Date{}, nil
	}
	if d, ok := c.sr.seen.dates[v]; ok {
		return d, nil
	}
	d, err := des.ParseDate(v)
	if err != nil {
		msg := err.Error()
		if strings.Count(v, "/") == 2 {
			msg += " (write a day as 2025-04-01, not as a spreadsheet's 01/04/2025)"
		}
		return des.Date{}, c.bad(staffColumns[k], des.ErrBadDate, "%s", strings.TrimPrefix(msg, des.ErrBadDate.Error()+": "))
	}
	if len(c.sr.seen.dates) < maxCache {
		c.sr.seen.dates[strings.Clone(v)] = d
	}
	return d, nil
}

// dates checks the start (required) and the end (not before the start).
func (c *staffCheck) dates() *des.FieldError {
	s := &c.row.Staff
	var fe *des.FieldError
	if s.Start, fe = c.date(colStart); fe != nil {
		return fe
	}
	if s.Start.IsZero() {
		return c.bad("start", des.ErrMissing, "missing start date, e.g. 2024-04-01")
	}
	if s.End, fe = c.date(colEnd); fe != nil {
		return fe
	}
	if !s.End.IsZero() && s.End.Before(s.Start) {
		return c.bad("end", des.ErrInvalid, "end %s is before start %s", s.End, s.Start)
	}
	return nil
}

// num reads column k's amount (£ and thousands commas allowed); false when
// the cell is empty.
func (c *staffCheck) num(k int) (decimal.Decimal, bool, *des.FieldError) {
	v := c.cell(k)
	if v == "" {
		return decimal.Decimal{}, false, nil
	}
	d, err := strict.ParseDecimal(strings.ReplaceAll(strings.TrimPrefix(v, "£"), ",", ""))
	if err != nil {
		return d, false, c.bad(staffColumns[k], des.ErrBadNumber, "%q is not a number (write it plainly, as 60000 or 0.5)", v)
	}
	if d.IsNegative() {
		return d, false, c.bad(staffColumns[k], des.ErrInvalid, "%s is negative", v)
	}
	return d, true, nil
}

// workingTime checks that exactly one of wte, hours and sessions is given,
// and makes the WTE from it: above 0, at most 1.
func (c *staffCheck) workingTime() *des.FieldError {
	var given []int
	for _, k := range [...]int{colWTE, colHours, colSessions} {
		if c.cell(k) != "" {
			given = append(given, k)
		}
	}
	if len(given) == 1 {
		if w, ok := c.sr.seen.wtes[wteCell{given[0], c.cell(given[0])}]; ok {
			if given[0] == colSessions && !names.SessionalRole(c.row.Staff.Role) {
				return c.notSessional()
			}
			c.row.Staff.WTE = w
			return nil
		}
	}
	return c.workingTimeChecked()
}

func (c *staffCheck) notSessional() *des.FieldError {
	return c.bad("sessions", des.ErrInvalid, "sessions are for GPs (general_practitioner), not %s: give wte or "+
		"hours (a week, ÷ 37.5)", c.row.Staff.Role)
}

// workingTimeChecked is workingTime for cells not seen before.
func (c *staffCheck) workingTimeChecked() *des.FieldError {
	var given []int
	var amount [len(staffColumns)]decimal.Decimal
	for _, k := range [...]int{colWTE, colHours, colSessions} {
		d, ok, fe := c.num(k)
		if fe != nil {
			return fe
		}
		if ok {
			amount[k] = d
			given = append(given, k)
		}
	}
	if len(given) != 1 {
		field := "wte"
		if len(given) > 1 {
			field = staffColumns[given[1]]
		}
		return c.bad(field, des.ErrMissing, "give exactly one of wte, hours (a week, ÷ 37.5) or sessions (a week, ÷ 9); "+
			"this row gives %d", len(given))
	}
	k := given[0]
	field := staffColumns[k]
	var w arrs.WTE
	var err error
	switch k {
	case colWTE:
		w, err = arrs.WTEOf(amount[k])
	case colHours:
		w, err = arrs.WTEHours(amount[k], fullWeek)
	case colSessions:
		if !names.SessionalRole(c.row.Staff.Role) {
			return c.notSessional()
		}
		w, err = arrs.WTESessions(amount[k], gpWeek)
	}
	switch {
	case err != nil:
		return c.bad(field, des.ErrInvalid, "%s", err.Error())
	case w.IsZero():
		return c.bad(field, des.ErrInvalid, "WTE must be more than 0")
	case w.Decimal().GreaterThan(decimal.NewFromInt(1)):
		return c.bad(field, des.ErrInvalid, "%s WTE: a row is one person, who cannot work more than full time "+
			"(1 WTE = 37.5 hours or 9 GP sessions a week); give each person a row of their own", w.Decimal())
	}
	c.row.Staff.WTE = w
	if len(c.sr.seen.wtes) < maxCache {
		c.sr.seen.wtes[wteCell{k, strings.Clone(c.cell(k))}] = w
	}
	return nil
}

// cost checks that exactly one of annual_cost and salary is given, above 0.
func (c *staffCheck) cost() *des.FieldError {
	cost, hasCost, fe := c.num(colCost)
	if fe != nil {
		return fe
	}
	salary, hasSalary, fe := c.num(colSalary)
	if fe != nil {
		return fe
	}
	switch {
	case hasCost && hasSalary:
		return c.bad("salary", des.ErrInvalid, "give annual_cost or salary, not both")
	case !hasCost && !hasSalary:
		return c.bad("annual_cost", des.ErrMissing, "missing: give annual_cost (employer cost of 1 WTE a year) or salary")
	case hasCost && cost.IsZero(), hasSalary && salary.IsZero():
		col := "annual_cost"
		if hasSalary {
			col = "salary"
		}
		return c.bad(col, des.ErrInvalid, "%s is 0: the employer cost of a person is more than £0 (ARRS reimburses what "+
			"is spent); give the cost of 1 WTE a year", col)
	}
	c.row.Staff.AnnualCost, c.row.Staff.Salary = cost, salary
	return nil
}

// zoneAndFlags reads the band, the London zone, levy and written_agreement.
func (c *staffCheck) zoneAndFlags() *des.FieldError {
	s := &c.row.Staff
	s.Band = c.sr.intern(c.cell(colBand))
	switch l := strings.ToLower(c.cell(colLondon)); l {
	case "", "no", "false", "none":
	case "inner", "outer":
		s.London = arrs.London(l)
	default:
		return c.bad("london", des.ErrInvalid, "%q: want inner, outer or nothing", c.cell(colLondon))
	}
	for _, f := range [...]struct {
		k  int
		to *bool
	}{{colLevy, &s.Levy}, {colWrittenAgreement, &s.WrittenAgreement}} {
		switch v := strings.ToLower(c.cell(f.k)); v {
		case "", "false", "no", "n", "0":
		case "true", "yes", "y", "1":
			*f.to = true
		default:
			return c.bad(staffColumns[f.k], des.ErrInvalid, "%q: want true or false (or yes, no, 1, 0, or nothing)",
				c.cell(f.k))
		}
	}
	return nil
}

// validate is the scenario's own check of a staff line (arrs.Staff.Validate).
func (c *staffCheck) validate() *des.FieldError {
	err := c.row.Staff.Validate()
	if err == nil {
		return nil
	}
	var es des.Errors
	var fe *des.FieldError
	if errors.As(err, &es) && len(es) > 0 && errors.As(es[0], &fe) {
		return c.bad(fe.Field, fe.Err, "%s", fe.Msg)
	}
	return c.bad("", des.ErrInvalid, "%v", err)
}
