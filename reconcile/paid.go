package reconcile

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// The errors a paid file can give, for errors.Is. Each comes wrapped in a
// *ParseError naming the file, line and column.
var (
	ErrSyntax          = errors.New("CSV syntax error")
	ErrMissingColumn   = errors.New("missing column")
	ErrUnknownColumn   = errors.New("unknown column")
	ErrMissingValue    = errors.New("missing value")
	ErrUnknownPayment  = errors.New("unknown payment")
	ErrBadMonth        = errors.New("bad month")
	ErrOutsideYear     = errors.New("month outside the DES year")
	ErrBadAmount       = errors.New("bad amount")
	ErrNegative        = errors.New("negative amount")
	ErrDuplicate       = errors.New("duplicate row")
	ErrNotOnRoster     = errors.New("person not on the roster")
	ErrUnknownPractice = errors.New("unknown practice")
	ErrInvalid         = errors.New("invalid value")
)

// ParseError is one bad cell or row of a paid file. Line is the file's line
// (1: the header) and Column the field's number (1: the first), as
// encoding/csv counts them; Field is the column's name.
type ParseError struct {
	File   string
	Line   int
	Column int
	Field  string
	Msg    string
	Err    error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Errors is every problem a paid file has, in file order.
type Errors []*ParseError

func (es Errors) Error() string {
	var s []string
	for _, e := range es {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

// Unwrap lets errors.Is and errors.As see each problem.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Kind is what a paid row is.
type Kind string

// The kinds of paid row (the type column).
const (
	// Regular is the month's ordinary payment (the default).
	Regular Kind = "payment"
	// Arrears is a backdated revision: money for earlier months paid late
	// (the 2024/25 core funding revision, the 2025/26 ARRS uplift). Its
	// for column is required, a month or a range "2025-04..2025-07".
	Arrears Kind = "arrears"
	// Adjustment is a correction: it may be negative (a recovery). Its for
	// column is required, a month or a range.
	Adjustment Kind = "adjustment"
)

// Payment is one row of a paid file.
type Payment struct {
	Line    int    `json:"line"`
	Paid    Month  `json:"paid"`
	Payment string `json:"payment"`
	Kind    Kind   `json:"type"`
	// For and Through are the months it pays for (Through = For for one
	// month). Inferred says For came from the payment's usual timing, the
	// file not giving it.
	For      Month           `json:"for"`
	Through  Month           `json:"through"`
	Inferred bool            `json:"inferred,omitempty"`
	Who      string          `json:"who,omitempty"`
	Amount   decimal.Decimal `json:"amount"`
	Ref      string          `json:"reference,omitempty"`
}

// Paid is what a paid file says was received.
type Paid struct {
	File     string    `json:"file"`
	Payments []Payment `json:"payments"`
}

// The columns of a paid file. Names are matched without regard to case,
// spaces or hyphens ("Month paid" is month_paid).
var columns = []struct {
	name     string
	aliases  []string
	required bool
	help     string
}{
	{"paid", []string{"month_paid", "paid_month", "date_paid", "payment_date"}, true,
		"the month the money arrived, YYYY-MM (or a date YYYY-MM-DD)"},
	{"for", []string{"period", "month_for", "for_month", "month_claimed", "claim_month"}, false,
		"the month it pays for (YYYY-MM), or a range 2025-04..2025-07 for arrears; empty: the payment's usual timing"},
	{"payment", []string{"payment_id", "item"}, true, "the payment: an ID of the year (core_pcn_funding, …), arrs or iif"},
	{"type", []string{"kind"}, false, "payment (default), arrears or adjustment"},
	{"amount", []string{"amount_paid", "value"}, true, "pounds, at most two decimal places (£ and thousands commas allowed)"},
	{"person", []string{"staff", "staff_name"}, false, "for arrs: the person, as the scenario's [[staff]] name"},
	{"practice", nil, false, "for a payment paid to each practice (network_participation): the practice"},
	{"reference", []string{"ref", "remittance"}, false, "the payer's reference; the same reference twice is a duplicate"},
}

// aliases are the short names a paid file may use for a payment.
var aliases = map[string]string{
	"core": "core_pcn_funding", "core_funding": "core_pcn_funding",
	"npp": "network_participation", "participation": "network_participation",
	"ea": "enhanced_access", "chp": "care_home_premium", "care_home": "care_home_premium",
	"casp": "capacity_access_support", "caip": "capacity_access_improvement",
	"cd": "clinical_director", "arrs_claim": ARRS, "arrs_reimbursement": ARRS,
}

func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

// maxErrors is how many problems ReadPaid lists before it stops.
const maxErrors = 50

// ReadPaid reads a paid file: CSV with a header row naming its columns, in
// any order (docs/reconcile.md lists them), checked against
// what is due (the year, payment IDs, practices and roster) and the usual
// timing t, which places a row without a for month. Every bad row is
// reported (up to 50), each with its line and column, as Errors; nothing is
// dropped. name is the file's name for the messages.
func ReadPaid(name string, r io.Reader, due Due, t Timing) (Paid, error) {
	pr := &paidReader{name: name, due: due, t: t, cr: csv.NewReader(r)}
	pr.cr.ReuseRecord = false
	out := Paid{File: name}
	if err := pr.readHeader(); err != nil {
		return out, err
	}
	seen := map[string]int{}
	refs := map[string]int{}
	for len(pr.errs) < maxErrors {
		if !pr.next() {
			break
		}
		if pr.rec == nil {
			continue // a row of the wrong length, reported
		}
		before := len(pr.errs)
		p := Payment{Line: pr.line, Kind: Regular}
		for _, check := range rowChecks {
			check(pr, &p)
		}
		p.Ref, _ = pr.cell("reference")
		if len(pr.errs) > before || !pr.unique(p, seen, refs) {
			continue
		}
		out.Payments = append(out.Payments, p)
	}
	if len(pr.errs) > 0 {
		return out, pr.errs
	}
	return out, nil
}

// paidReader is ReadPaid's state: the CSV reader, the column of each
// canonical name (1-based; 0 when absent), the row being read and the
// problems found so far.
type paidReader struct {
	name   string
	due    Due
	t      Timing
	cr     *csv.Reader
	header []string
	col    map[string]int
	rec    []string
	line   int
	errs   Errors
}

func (pr *paidReader) fail(line, col int, field string, err error, format string, a ...any) {
	pr.errs = append(pr.errs, &ParseError{File: pr.name, Line: line, Column: col, Field: field,
		Msg: fmt.Sprintf(format, a...), Err: err})
}

// readHeader reads the header row into col: an error when the file cannot
// be read further (an empty file, a bad or unknown column, a missing one).
func (pr *paidReader) readHeader() error {
	header, err := pr.cr.Read()
	if err == io.EOF {
		pr.fail(1, 0, "", ErrMissingColumn, "the file is empty: want a header row (paid, payment, amount, …)")
		return pr.errs
	}
	if err != nil {
		return csvError(pr.name, err)
	}
	pr.header, pr.col = header, map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		canon := canonicalColumn(norm(h))
		switch {
		case canon == "":
			pr.fail(1, i+1, h, ErrUnknownColumn, "unknown column %q: want %s", h, columnNames())
		case pr.col[canon] > 0:
			pr.fail(1, i+1, h, ErrInvalid, "column %s given twice (columns %d and %d)", canon, pr.col[canon], i+1)
		default:
			pr.col[canon] = i + 1
		}
	}
	for _, c := range columns {
		if c.required && pr.col[c.name] == 0 {
			pr.fail(1, 0, c.name, ErrMissingColumn, "no %s column: %s", c.name, c.help)
		}
	}
	if len(pr.errs) > 0 {
		return pr.errs
	}
	return nil
}

// canonicalColumn is the column a normalised header names (the last of
// columns to match it), or "".
func canonicalColumn(n string) string {
	canon := ""
	for _, c := range columns {
		if n == c.name || slices.Contains(c.aliases, n) {
			canon = c.name
		}
	}
	return canon
}

// next reads the next row into rec and line: false at the end or on an
// error that stops reading; rec is nil for a row of the wrong length
// (reported).
func (pr *paidReader) next() bool {
	rec, err := pr.cr.Read()
	if err == io.EOF {
		return false
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) {
			pr.fail(pe.StartLine, 0, "", ErrSyntax, "%d fields, the header has %d", len(rec), len(pr.header))
			pr.rec = nil
			return true
		}
		pr.errs = append(pr.errs, csvError(pr.name, err))
		return false
	}
	pr.rec = rec
	pr.line, _ = pr.cr.FieldPos(0)
	return true
}

// cell is the row's value in column c, trimmed, and its column (0 when
// the file has no such column).
func (pr *paidReader) cell(c string) (string, int) {
	i := pr.col[c]
	if i == 0 {
		return "", 0
	}
	return strings.TrimSpace(pr.rec[i-1]), i
}

// rowChecks read a row's columns into a Payment, in this order (later
// checks use what earlier ones read), each reporting its own problems.
var rowChecks = []func(*paidReader, *Payment){
	(*paidReader).paidMonth,
	(*paidReader).kind,
	(*paidReader).payment,
	(*paidReader).amount,
	(*paidReader).person,
	(*paidReader).practice,
	(*paidReader).forMonths,
}

func (pr *paidReader) paidMonth(p *Payment) {
	v, c := pr.cell("paid")
	if v == "" {
		pr.fail(pr.line, c, "paid", ErrMissingValue, "no month paid: want YYYY-MM")
		return
	}
	m, err := ParseMonth(v)
	if err != nil {
		pr.fail(pr.line, c, "paid", ErrBadMonth, "%v", err)
		return
	}
	p.Paid = m
	y := pr.due.Year
	if inYear(y, m) < 0 && (m.Before(FirstMonth(y)) || m.Since(FirstMonth(y)) > 23) {
		pr.fail(pr.line, c, "paid", ErrOutsideYear, "paid %s: outside %s and the 12 months after it, when its "+
			"payments arrive (%s to %s)", m, y, FirstMonth(y), FirstMonth(y).Add(23))
	}
}

func (pr *paidReader) kind(p *Payment) {
	v, c := pr.cell("type")
	if v == "" {
		return
	}
	switch Kind(norm(v)) {
	case Regular, Arrears, Adjustment:
		p.Kind = Kind(norm(v))
	default:
		pr.fail(pr.line, c, "type", ErrInvalid, "type %q: want payment, arrears or adjustment", v)
	}
}

func (pr *paidReader) payment(p *Payment) {
	v, pc := pr.cell("payment")
	p.Payment = norm(v)
	if a, ok := aliases[p.Payment]; ok {
		p.Payment = a
	}
	switch {
	case v == "":
		pr.fail(pr.line, pc, "payment", ErrMissingValue, "no payment: want one of %s",
			strings.Join(pr.due.Payments, ", "))
	case !slices.Contains(pr.due.Payments, p.Payment):
		pr.fail(pr.line, pc, "payment", ErrUnknownPayment, "unknown payment %q: %s has %s (or the short names core, "+
			"npp, ea, chp, casp, caip, cd)", v, pr.due.Year, strings.Join(pr.due.Payments, ", "))
		p.Payment = ""
	}
}

func (pr *paidReader) amount(p *Payment) {
	v, c := pr.cell("amount")
	if v == "" {
		pr.fail(pr.line, c, "amount", ErrMissingValue, "no amount: want pounds, like 1234.56")
		return
	}
	d, err := parseAmount(v)
	if err != nil {
		pr.fail(pr.line, c, "amount", ErrBadAmount, "%q is not an amount: want pounds with at most two decimal "+
			"places, like 1234.56 or £1,234.56", v)
		return
	}
	p.Amount = d
	if d.IsNegative() && p.Kind != Adjustment {
		pr.fail(pr.line, c, "amount", ErrNegative, "%s is negative: only an adjustment (type adjustment) may take "+
			"money back", v)
	}
}

func (pr *paidReader) person(p *Payment) {
	person, c := pr.cell("person")
	switch {
	case p.Payment == ARRS:
		if person == "" {
			pr.fail(pr.line, c, "person", ErrMissingValue, "an arrs row names the person claimed for (a person "+
				"column with a [[staff]] name)")
		} else if !slices.Contains(pr.due.People, person) {
			pr.fail(pr.line, c, "person", ErrNotOnRoster, "%q is not on the roster of %s: want one of %s",
				person, pr.due.PCN, quoteList(pr.due.People))
		}
		p.Who = person
	case person != "" && p.Payment != "":
		pr.fail(pr.line, c, "person", ErrInvalid, "a person is given only for arrs, not %s", p.Payment)
	}
}

func (pr *paidReader) practice(p *Payment) {
	practice, c := pr.cell("practice")
	switch {
	case slices.Contains(pr.due.PaidToPractice, p.Payment):
		if practice == "" {
			pr.fail(pr.line, c, "practice", ErrMissingValue, "%s is paid to each practice: name the practice",
				p.Payment)
		} else if !slices.Contains(pr.due.Practices, practice) {
			pr.fail(pr.line, c, "practice", ErrUnknownPractice, "%q is not a practice of %s: want one of %s",
				practice, pr.due.PCN, quoteList(pr.due.Practices))
		}
		p.Who = practice
	case practice != "" && p.Payment != "":
		pr.fail(pr.line, c, "practice", ErrInvalid, "a practice is given only for a payment paid to each practice "+
			"(%s), not %s", strings.Join(pr.due.PaidToPractice, ", "), p.Payment)
	}
}

// forMonths reads the months a row pays for: the for column, or, without
// it, the year's last month for the IIF, else the paid month less the
// payment's usual lag.
func (pr *paidReader) forMonths(p *Payment) {
	y := pr.due.Year
	forText, fc := pr.cell("for")
	switch {
	case forText != "":
		pr.forRange(p, forText, fc)
	case p.Kind != Regular:
		pr.fail(pr.line, fc, "for", ErrMissingValue, "%s needs the month(s) it pays for: a month, or a range like "+
			"2025-04..2025-07", p.Kind)
	case p.Payment == IIF:
		p.For, p.Through, p.Inferred = FirstMonth(y).Add(11), FirstMonth(y).Add(11), true
	case !p.Paid.IsZero() && p.Payment != "":
		rule := pr.t.Rule(p.Payment)
		m := p.Paid.Add(-rule.Lag)
		if inYear(y, m) < 0 {
			_, paidCol := pr.cell("paid")
			pr.fail(pr.line, paidCol, "paid", ErrOutsideYear, "paid %s, %s usually pays for %s (%d month(s) before), "+
				"outside %s: give the month it pays for", p.Paid, p.Payment, m, rule.Lag, y)
		}
		p.For, p.Through, p.Inferred = m, m, true
	}
	if p.Payment == IIF && !p.For.IsZero() {
		p.For, p.Through = FirstMonth(y).Add(11), FirstMonth(y).Add(11) // the year
	}
}

// forRange reads a for column: a month or a range, within the year and
// not after the month paid.
func (pr *paidReader) forRange(p *Payment, forText string, fc int) {
	y := pr.due.Year
	from, to, err := parseRange(forText)
	if err != nil {
		pr.fail(pr.line, fc, "for", ErrBadMonth, "%v", err)
		return
	}
	p.For, p.Through = from, to
	if from != to && p.Kind == Regular {
		pr.fail(pr.line, fc, "for", ErrInvalid, "a range (%s) is for arrears or an adjustment (the type column); "+
			"a month's payment is for one month", forText)
	}
	for _, m := range []Month{from, to} {
		if inYear(y, m) < 0 {
			pr.fail(pr.line, fc, "for", ErrOutsideYear, "%s is outside %s (%s to %s)", m, y,
				FirstMonth(y), FirstMonth(y).Add(11))
			break
		}
	}
	if !p.Paid.IsZero() && p.Paid.Before(from) {
		pr.fail(pr.line, fc, "for", ErrInvalid, "paid %s, before the month it pays for (%s)", p.Paid, from)
	}
}

// unique reports whether p is the first row of its kind: not a repeat of a
// whole earlier row, nor of an earlier row's reference (each reported).
func (pr *paidReader) unique(p Payment, seen, refs map[string]int) bool {
	whole := strings.Join([]string{p.Paid.String(), p.Payment, string(p.Kind), p.For.String(), p.Through.String(),
		p.Who, p.Amount.StringFixed(2), p.Ref}, "\x00")
	if first, ok := seen[whole]; ok {
		pr.fail(pr.line, 0, "", ErrDuplicate, "repeats line %d; if it was really paid twice, give each row its "+
			"reference", first)
		return false
	}
	seen[whole] = pr.line
	if p.Ref != "" {
		if first, ok := refs[p.Ref]; ok {
			_, c := pr.cell("reference")
			pr.fail(pr.line, c, "reference", ErrDuplicate, "reference %q is already on line %d", p.Ref, first)
			return false
		}
		refs[p.Ref] = pr.line
	}
	return true
}

func columnNames() string {
	var s []string
	for _, c := range columns {
		s = append(s, c.name)
	}
	return strings.Join(s, ", ")
}

func quoteList(ss []string) string {
	var q []string
	for _, s := range ss {
		q = append(q, fmt.Sprintf("%q", s))
	}
	if len(q) == 0 {
		return "(none)"
	}
	return strings.Join(q, ", ")
}

func csvError(name string, err error) *ParseError {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.Line, Msg: pe.Err.Error(), Err: ErrSyntax}
	}
	return &ParseError{File: name, Msg: err.Error(), Err: err}
}

// parseAmount reads pounds: "1234.56", "£1,234.56", "-12.00"; at most two
// decimal places and 13 digits before the point.
func parseAmount(s string) (decimal.Decimal, error) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	s = strings.TrimPrefix(s, "£")
	if strings.Contains(s, ",") {
		intPart, _, _ := strings.Cut(s, ".")
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return decimal.Zero, errors.New("bad thousands separators")
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || len(intPart) > 13 || (hasPoint && (len(frac) < 1 || len(frac) > 2)) {
		return decimal.Zero, errors.New("not pounds")
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return decimal.Zero, errors.New("not a number")
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Zero, err
	}
	if neg {
		d = d.Neg()
	}
	return d, nil
}

func parseRange(s string) (Month, Month, error) {
	a, b, isRange := strings.Cut(s, "..")
	from, err := ParseMonth(a)
	if err != nil {
		return Month{}, Month{}, err
	}
	if !isRange {
		return from, from, nil
	}
	to, err := ParseMonth(b)
	if err != nil {
		return Month{}, Month{}, err
	}
	if to.Before(from) {
		return Month{}, Month{}, fmt.Errorf("range %s: ends before it starts", s)
	}
	return from, to, nil
}
