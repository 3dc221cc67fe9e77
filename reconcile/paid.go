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
	out := Paid{File: name}
	cr := csv.NewReader(r)
	cr.ReuseRecord = false
	var errs Errors
	fail := func(line, col int, field string, err error, format string, a ...any) {
		errs = append(errs, &ParseError{File: name, Line: line, Column: col, Field: field,
			Msg: fmt.Sprintf(format, a...), Err: err})
	}
	header, err := cr.Read()
	if err == io.EOF {
		fail(1, 0, "", ErrMissingColumn, "the file is empty: want a header row (paid, payment, amount, …)")
		return out, errs
	}
	if err != nil {
		return out, csvError(name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		n := norm(h)
		canon := ""
		for _, c := range columns {
			if n == c.name || slices.Contains(c.aliases, n) {
				canon = c.name
			}
		}
		switch {
		case canon == "":
			fail(1, i+1, h, ErrUnknownColumn, "unknown column %q: want %s", h, columnNames())
		case col[canon] > 0:
			fail(1, i+1, h, ErrInvalid, "column %s given twice (columns %d and %d)", canon, col[canon], i+1)
		default:
			col[canon] = i + 1
		}
	}
	for _, c := range columns {
		if c.required && col[c.name] == 0 {
			fail(1, 0, c.name, ErrMissingColumn, "no %s column: %s", c.name, c.help)
		}
	}
	if len(errs) > 0 {
		return out, errs
	}
	seen := map[string]int{}
	refs := map[string]int{}
	for len(errs) < maxErrors {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) {
				fail(pe.StartLine, 0, "", ErrSyntax, "%d fields, the header has %d", len(rec), len(header))
				continue
			}
			errs = append(errs, csvError(name, err))
			break
		}
		line, _ := cr.FieldPos(0)
		cell := func(c string) (string, int) {
			i := col[c]
			if i == 0 {
				return "", 0
			}
			return strings.TrimSpace(rec[i-1]), i
		}
		before := len(errs)
		p := Payment{Line: line, Kind: Regular}
		if v, c := cell("paid"); v == "" {
			fail(line, c, "paid", ErrMissingValue, "no month paid: want YYYY-MM")
		} else if m, err := ParseMonth(v); err != nil {
			fail(line, c, "paid", ErrBadMonth, "%v", err)
		} else {
			p.Paid = m
			if inYear(due.Year, m) < 0 && (m.Before(FirstMonth(due.Year)) || m.Since(FirstMonth(due.Year)) > 23) {
				fail(line, c, "paid", ErrOutsideYear, "paid %s: outside %s and the 12 months after it, when its "+
					"payments arrive (%s to %s)", m, due.Year, FirstMonth(due.Year), FirstMonth(due.Year).Add(23))
			}
		}
		if v, c := cell("type"); v != "" {
			switch Kind(norm(v)) {
			case Regular, Arrears, Adjustment:
				p.Kind = Kind(norm(v))
			default:
				fail(line, c, "type", ErrInvalid, "type %q: want payment, arrears or adjustment", v)
			}
		}
		v, pc := cell("payment")
		p.Payment = norm(v)
		if a, ok := aliases[p.Payment]; ok {
			p.Payment = a
		}
		switch {
		case v == "":
			fail(line, pc, "payment", ErrMissingValue, "no payment: want one of %s", strings.Join(due.Payments, ", "))
		case !slices.Contains(due.Payments, p.Payment):
			fail(line, pc, "payment", ErrUnknownPayment, "unknown payment %q: %s has %s (or the short names core, "+
				"npp, ea, chp, casp, caip, cd)", v, due.Year, strings.Join(due.Payments, ", "))
			p.Payment = ""
		}
		if v, c := cell("amount"); v == "" {
			fail(line, c, "amount", ErrMissingValue, "no amount: want pounds, like 1234.56")
		} else if d, err := parseAmount(v); err != nil {
			fail(line, c, "amount", ErrBadAmount, "%q is not an amount: want pounds with at most two decimal places, "+
				"like 1234.56 or £1,234.56", v)
		} else {
			p.Amount = d
			if d.IsNegative() && p.Kind != Adjustment {
				fail(line, c, "amount", ErrNegative, "%s is negative: only an adjustment (type adjustment) may take "+
					"money back", v)
			}
		}
		person, perc := cell("person")
		practice, prc := cell("practice")
		switch {
		case p.Payment == ARRS:
			if person == "" {
				fail(line, perc, "person", ErrMissingValue, "an arrs row names the person claimed for (a person column "+
					"with a [[staff]] name)")
			} else if !slices.Contains(due.People, person) {
				fail(line, perc, "person", ErrNotOnRoster, "%q is not on the roster of %s: want one of %s",
					person, due.PCN, quoteList(due.People))
			}
			p.Who = person
		case person != "" && p.Payment != "":
			fail(line, perc, "person", ErrInvalid, "a person is given only for arrs, not %s", p.Payment)
		}
		switch {
		case slices.Contains(due.PaidToPractice, p.Payment):
			if practice == "" {
				fail(line, prc, "practice", ErrMissingValue, "%s is paid to each practice: name the practice",
					p.Payment)
			} else if !slices.Contains(due.Practices, practice) {
				fail(line, prc, "practice", ErrUnknownPractice, "%q is not a practice of %s: want one of %s",
					practice, due.PCN, quoteList(due.Practices))
			}
			p.Who = practice
		case practice != "" && p.Payment != "":
			fail(line, prc, "practice", ErrInvalid, "a practice is given only for a payment paid to each practice (%s), "+
				"not %s", strings.Join(due.PaidToPractice, ", "), p.Payment)
		}
		forText, fc := cell("for")
		if forText != "" {
			from, to, err := parseRange(forText)
			if err != nil {
				fail(line, fc, "for", ErrBadMonth, "%v", err)
			} else {
				p.For, p.Through = from, to
				if from != to && p.Kind == Regular {
					fail(line, fc, "for", ErrInvalid, "a range (%s) is for arrears or an adjustment (the type column); "+
						"a month's payment is for one month", forText)
				}
				for _, m := range []Month{from, to} {
					if inYear(due.Year, m) < 0 {
						fail(line, fc, "for", ErrOutsideYear, "%s is outside %s (%s to %s)", m, due.Year,
							FirstMonth(due.Year), FirstMonth(due.Year).Add(11))
						break
					}
				}
				if !p.Paid.IsZero() && p.Paid.Before(from) {
					fail(line, fc, "for", ErrInvalid, "paid %s, before the month it pays for (%s)", p.Paid, from)
				}
			}
		} else if p.Kind != Regular {
			fail(line, fc, "for", ErrMissingValue, "%s needs the month(s) it pays for: a month, or a range like "+
				"2025-04..2025-07", p.Kind)
		} else if p.Payment == IIF {
			p.For, p.Through, p.Inferred = FirstMonth(due.Year).Add(11), FirstMonth(due.Year).Add(11), true
		} else if !p.Paid.IsZero() && p.Payment != "" {
			rule := t.Rule(p.Payment)
			m := p.Paid.Add(-rule.Lag)
			if inYear(due.Year, m) < 0 {
				_, paidCol := cell("paid")
				fail(line, paidCol, "paid", ErrOutsideYear, "paid %s, %s usually pays for %s (%d month(s) before), outside "+
					"%s: give the month it pays for", p.Paid, p.Payment, m, rule.Lag, due.Year)
			}
			p.For, p.Through, p.Inferred = m, m, true
		}
		if p.Payment == IIF && !p.For.IsZero() {
			p.For, p.Through = FirstMonth(due.Year).Add(11), FirstMonth(due.Year).Add(11) // the year
		}
		p.Ref, _ = cell("reference")
		if len(errs) > before {
			continue
		}
		whole := strings.Join([]string{p.Paid.String(), p.Payment, string(p.Kind), p.For.String(), p.Through.String(),
			p.Who, p.Amount.StringFixed(2), p.Ref}, "\x00")
		if first, ok := seen[whole]; ok {
			fail(line, 0, "", ErrDuplicate, "repeats line %d; if it was really paid twice, give each row its "+
				"reference", first)
			continue
		}
		seen[whole] = line
		if p.Ref != "" {
			if first, ok := refs[p.Ref]; ok {
				_, c := cell("reference")
				fail(line, c, "reference", ErrDuplicate, "reference %q is already on line %d", p.Ref, first)
				continue
			}
			refs[p.Ref] = line
		}
		out.Payments = append(out.Payments, p)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
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
