package arrs

import (
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/pcnfin/pcnfin/internal/names"

	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// London is a staff member's London weighting zone.
type London string

const (
	NotLondon   London = ""
	OuterLondon London = "outer"
	InnerLondon London = "inner"
)

// WTE is a whole-time equivalent as an exact fraction, so that 30 hours
// (30 ÷ 37.5) and 4 GP sessions (4 ÷ 9) are held exactly. The zero value
// is 0 WTE.
type WTE struct {
	num, den int64
}

// Bounds on inputs, which keep the engine's integer arithmetic exact.
const (
	MaxWTE        = 10        // a roster line may stand for up to 10 WTE
	maxCostPounds = 1_000_000 // annual employer cost of 1 WTE
)

var maxCost = decimal.NewFromInt(maxCostPounds)

// tooCostly reports d > maxCost, without allocating for the usual amounts.
func tooCostly(d decimal.Decimal) bool {
	if d.IsZero() {
		return false
	}
	if e := d.Exponent(); e >= -2 && e <= 0 && d.NumDigits() <= 12 {
		c := d.CoefficientInt64()
		for ; e < 0; e++ {
			c = c / 10 // compare whole pounds: a penny more than the bound is caught below
		}
		if c < maxCostPounds {
			return false
		}
	}
	return d.GreaterThan(maxCost)
}

// WTEOf makes a WTE from a decimal such as 0.8 (at most four places).
func WTEOf(d decimal.Decimal) (WTE, error) {
	if d.IsNegative() || d.IsZero() {
		return WTE{}, fmt.Errorf("%w: WTE %s: want more than 0", des.ErrInvalid, d)
	}
	if money.Places(d) > 4 {
		return WTE{}, fmt.Errorf("%w: WTE %s: at most four decimal places", des.ErrInvalid, d)
	}
	if d.GreaterThan(decimal.NewFromInt(MaxWTE)) {
		return WTE{}, fmt.Errorf("%w: WTE %s: more than %d on one line", des.ErrInvalid, d, MaxWTE)
	}
	return ratio(d, decimal.NewFromInt(1))
}

// WTEHours makes a WTE from weekly hours over the hours of a full week (37.5
// for Agenda for Change roles).
func WTEHours(hours, fullWeek decimal.Decimal) (WTE, error) {
	if !hours.IsPositive() || !fullWeek.IsPositive() || money.Places(hours) > 2 || money.Places(fullWeek) > 2 {
		return WTE{}, fmt.Errorf("%w: %s hours a week, of %s in a full week: want positive hours and a positive full "+
			"week, each with at most two places", des.ErrInvalid, hours, fullWeek)
	}
	w, err := ratio(hours, fullWeek)
	if err == nil && w.overMax() {
		err = fmt.Errorf("%w: %s hours is more than %d WTE", des.ErrInvalid, hours, MaxWTE)
	}
	return w, err
}

// WTESessions makes a GP's WTE from sessions a week over a full week's
// sessions (9).
func WTESessions(sessions, full decimal.Decimal) (WTE, error) {
	if !sessions.IsPositive() || !full.IsPositive() || money.Places(sessions) > 2 || money.Places(full) > 2 {
		return WTE{}, fmt.Errorf("%w: %s sessions a week, of %s in a full week: want a positive number of sessions "+
			"and a positive full week, each with at most two places", des.ErrInvalid, sessions, full)
	}
	w, err := ratio(sessions, full)
	if err == nil && w.overMax() {
		err = fmt.Errorf("%w: %s sessions is more than %d WTE", des.ErrInvalid, sessions, MaxWTE)
	}
	return w, err
}

// ratio returns a/b reduced, for decimals with at most four places.
func ratio(a, b decimal.Decimal) (WTE, error) {
	scale := decimal.NewFromInt(10000)
	an, bn := a.Mul(scale), b.Mul(scale)
	if !an.IsInteger() || !bn.IsInteger() {
		return WTE{}, fmt.Errorf("%w: %s / %s: too many decimal places", des.ErrInvalid, a, b)
	}
	r := new(big.Rat).SetFrac(an.BigInt(), bn.BigInt())
	if !r.Num().IsInt64() || !r.Denom().IsInt64() {
		return WTE{}, fmt.Errorf("%w: %s / %s out of range", des.ErrInvalid, a, b)
	}
	return WTE{r.Num().Int64(), r.Denom().Int64()}, nil
}

// Decimal returns the WTE rounded to four places (exact where it can be).
func (w WTE) Decimal() decimal.Decimal {
	switch w.den {
	case 0:
		return decimal.Zero
	case 1:
		return decimal.New(w.num, 0)
	case 2, 4, 5, 10, 20, 25, 50, 100, 125, 200, 250, 500, 1000, 625, 1250, 2000, 2500, 5000, 10000:
		return decimal.New(w.num*(10000/w.den), -4) // exact in four places
	}
	return decimal.NewFromInt(w.num).DivRound(decimal.NewFromInt(w.den), 4)
}

// exact reports whether the WTE is exactly a decimal of four places.
func (w WTE) exact() bool { return w.den != 0 && 10000%w.den == 0 }

// overMax reports a WTE above MaxWTE: num > MaxWTE × den, where MaxWTE ×
// den is not formed when it would not fit in 64 bits (it is then more than
// any num).
func (w WTE) overMax() bool { return w.den <= math.MaxInt64/MaxWTE && w.num > MaxWTE*w.den }

// IsZero reports a zero WTE.
func (w WTE) IsZero() bool { return w.num == 0 }

// Mul returns w × k (k a small whole number), used to ask "what if twice as many".
func (w WTE) Mul(k int64) WTE { return WTE{w.num * k, w.den} }

func (w WTE) rat() *big.Rat {
	if w.den == 0 {
		return new(big.Rat)
	}
	return big.NewRat(w.num, w.den)
}

func (w WTE) String() string {
	if w.den != 0 && !w.exact() {
		return fmt.Sprintf("%d/%d", w.num, w.den)
	}
	return w.Decimal().String()
}

// MarshalText prints the WTE as a decimal (four places at most).
func (w WTE) MarshalText() ([]byte, error) { return []byte(w.Decimal().String()), nil }

// UnmarshalText reads what MarshalText writes: a decimal of at most four
// places, zero or more (a result's WTE; WTEOf checks a roster's).
func (w *WTE) UnmarshalText(b []byte) error {
	d, err := decimal.NewFromString(string(b))
	if err != nil {
		return fmt.Errorf("%w: WTE %q is not a number", des.ErrInvalid, b)
	}
	if d.IsNegative() {
		return fmt.Errorf("%w: WTE %s: want 0 or more", des.ErrInvalid, d)
	}
	v, err := ratio(d, decimal.NewFromInt(1))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// UnmarshalJSON reads a JSON string or number, as UnmarshalText.
func (w *WTE) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		return nil
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return w.UnmarshalText([]byte(s))
}

// Staff is one person (or one post) on a PCN's roster.
type Staff struct {
	Name string `json:"name"`
	Role string `json:"role"`
	WTE  WTE    `json:"wte"`
	// Start is the first day of employment; End the last (zero: no end).
	Start des.Date `json:"start"`
	End   des.Date `json:"end,omitempty"`
	// AnnualCost is the employer cost of 1 WTE for a year, salary plus
	// employer on-costs. When it is zero and Salary is set, the cost is
	// worked out from Salary with the on-cost rules (Options.OnCosts).
	AnnualCost decimal.Decimal `json:"annual_cost"`
	Salary     decimal.Decimal `json:"salary,omitempty"`
	Band       string          `json:"band,omitempty"`
	// Levy says the employer pays the apprenticeship levy on this salary.
	Levy   bool   `json:"levy,omitempty"`
	London London `json:"london,omitempty"`
	// WrittenAgreement says a written agreement with the employing provider
	// lets this person be reimbursed at the role's subsequent share
	// (des.Role.SubsequentReimbursement: mental health practitioners, up to
	// 100% for each MHP after the first at the same band, Table 3b). It
	// changes nothing for the first person of the role at a band, nor for a
	// role with one share.
	WrittenAgreement bool `json:"written_agreement,omitempty"`
}

// Validate checks one roster line: a name and a role in the catalogue
// (names.KnownRole; a role known but not claimable in the year claims £0
// with the reason not_arrs_role), a WTE above zero, an end
// not before the start, a cost (or salary) that is not negative and has at
// most two decimal places, a known London zone.
func (s Staff) Validate() error {
	var errs des.Errors
	bad := func(field, format string, args ...any) {
		errs = append(errs, &des.FieldError{Field: field, Msg: fmt.Sprintf(format, args...), Err: des.ErrInvalid})
	}
	missing := func(field, msg string) {
		errs = append(errs, &des.FieldError{Field: field, Msg: msg, Err: des.ErrMissing})
	}
	if strings.TrimSpace(s.Name) == "" {
		missing("name", "missing name")
	} else if msg := names.NameProblem(s.Name); msg != "" {
		bad("name", "%q %s", s.Name, msg)
	}
	if strings.TrimSpace(s.Role) == "" {
		missing("role", "missing role")
	} else if !names.KnownRole(s.Role) {
		bad("role", "%s", names.UnknownRoleMsg(s.Role))
	}
	if s.WTE.num <= 0 || s.WTE.den <= 0 {
		bad("wte", "WTE must be more than 0")
	} else if s.WTE.overMax() {
		bad("wte", "WTE %s is more than %d", s.WTE, MaxWTE)
	}
	if s.Start.IsZero() {
		missing("start", "missing start date, e.g. start = 2024-04-01")
	}
	if !s.End.IsZero() && s.End.Before(s.Start) {
		bad("end", "end %s is before start %s", s.End, s.Start)
	}
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{{"annual_cost", s.AnnualCost}, {"salary", s.Salary}} {
		switch {
		case f.v.IsNegative():
			bad(f.name, "%s is negative", f.v)
		case money.Places(f.v) > 2:
			bad(f.name, "%s has more than two decimal places (pounds and pence)", f.v)
		case tooCostly(f.v):
			bad(f.name, "%s is more than £%d a year", f.v, maxCostPounds)
		}
	}
	if s.AnnualCost.IsZero() && s.Salary.IsZero() {
		missing("annual_cost", "missing or £0: give annual_cost (employer cost of 1 WTE a year) or salary, "+
			"more than £0 (a cost brought to £0 by a negative pay_uplift_pct counts as £0 too)")
	}
	switch s.London {
	case NotLondon, OuterLondon, InnerLondon:
	default:
		bad("london", "%q: want inner, outer or nothing", s.London)
	}
	return errsOrNil(errs)
}

func errsOrNil(es des.Errors) error {
	if len(es) == 0 {
		return nil
	}
	return es
}
