package des

import (
	"errors"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// Money is an exact amount of pounds and pence: whole pennies in an int64
// (up to about £92 million million either way). It is the money of every
// result pcnfin gives.
//
// The zero value is £0.00. Money is comparable with ==. Arithmetic is
// checked: Add, Sub and Mul return ErrOverflow rather than a wrapped figure.
// For arithmetic with rates (more places than two) take Decimal and come
// back through RoundMoney, the one rounding rule (half-up to the penny).
//
// Its JSON (and text) form is a string with exactly two places,
// "1234.50", whatever shopspring/decimal's package globals say; it reads
// back from that string or a JSON number with at most two places.
// String formats it for people: "£1,234.50".
type Money struct{ p int64 }

// ErrOverflow is the sentinel of an amount too large for 64-bit pennies
// (about £92 million million): never a wrapped figure.
var ErrOverflow = errors.New("amount too large")

// Pennies is an amount given in pennies: Pennies(123450) is £1,234.50.
func Pennies(p int64) Money { return Money{p} }

var (
	maxMoney = decimal.NewFromInt(math.MaxInt64)
	minMoney = decimal.NewFromInt(math.MinInt64)
)

// MoneyOf is d as Money, exactly: an error wrapping ErrInvalid when d has
// more than two places, or ErrOverflow when its pennies do not fit.
func MoneyOf(d decimal.Decimal) (Money, error) {
	if e := d.Exponent(); e >= -2 && e <= 0 && d.NumDigits() <= 16 {
		p := d.CoefficientInt64() // fits: at most 16 digits, times at most 100
		for ; e > -2; e-- {
			p *= 10
		}
		return Money{p}, nil
	}
	p := d.Shift(2)
	if !p.IsInteger() {
		return Money{}, fmt.Errorf("%w: %s has more than two decimal places", ErrInvalid, d)
	}
	if p.GreaterThan(maxMoney) || p.LessThan(minMoney) {
		return Money{}, fmt.Errorf("%w: £%s", ErrOverflow, d.StringFixed(2))
	}
	return Money{p.IntPart()}, nil
}

// RoundMoney is d rounded half-up (away from zero) to the penny, as Money:
// d.Round(2) then MoneyOf. The error is ErrOverflow.
func RoundMoney(d decimal.Decimal) (Money, error) { return MoneyOf(d.Round(2)) }

// MustMoney is ParseMoney that panics on an error, for literals:
// des.MustMoney("1234.50").
func MustMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// ParseMoney reads a plain decimal amount with at most two places:
// "1234.5", "-12", "0.07" (no "£" and no commas).
func ParseMoney(s string) (Money, error) {
	if p, ok := parsePennies(s); ok {
		return Money{p}, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Money{}, fmt.Errorf("%w: %q is not an amount of money", ErrInvalid, s)
	}
	return MoneyOf(d)
}

// parsePennies reads the usual forms ("1234", "1234.5", "-1234.50") without
// a decimal; false for anything else (which ParseMoney then reads slowly).
func parsePennies(s string) (int64, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	whole, frac := s, ""
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			whole, frac = s[:i], s[i+1:]
			break
		}
	}
	if whole == "" || len(whole) > 16 || len(frac) > 2 || (len(frac) == 0 && len(whole) < len(s)) {
		return 0, false
	}
	var p int64
	for _, digits := range [2]string{whole, frac} {
		for i := 0; i < len(digits); i++ {
			c := digits[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			p = p*10 + int64(c-'0')
		}
	}
	for n := len(frac); n < 2; n++ {
		p *= 10
	}
	if neg {
		p = -p
	}
	return p, true
}

// Pennies is the amount in pennies.
func (m Money) Pennies() int64 { return m.p }

// Decimal is the amount as a decimal, exactly, for arithmetic with rates.
func (m Money) Decimal() decimal.Decimal {
	if m.p == 0 {
		return decimal.Zero
	}
	return decimal.New(m.p, -2)
}

// IsZero reports whether the amount is £0.00.
func (m Money) IsZero() bool { return m.p == 0 }

// Sign is -1, 0 or +1.
func (m Money) Sign() int {
	switch {
	case m.p < 0:
		return -1
	case m.p > 0:
		return 1
	}
	return 0
}

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.p < 0 }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.p > 0 }

// Cmp is -1, 0 or +1 as m is less than, equal to or more than n.
func (m Money) Cmp(n Money) int {
	switch {
	case m.p < n.p:
		return -1
	case m.p > n.p:
		return 1
	}
	return 0
}

// Add is m + n, or ErrOverflow (and zero) when the sum does not fit.
func (m Money) Add(n Money) (Money, error) {
	s := m.p + n.p
	if (n.p > 0 && s < m.p) || (n.p < 0 && s > m.p) {
		return Money{}, ErrOverflow
	}
	return Money{s}, nil
}

// Sub is m − n, or ErrOverflow (and zero) when the difference does not fit.
func (m Money) Sub(n Money) (Money, error) {
	s := m.p - n.p
	if (n.p < 0 && s < m.p) || (n.p > 0 && s > m.p) {
		return Money{}, ErrOverflow
	}
	return Money{s}, nil
}

// Mul is m × k, or ErrOverflow (and zero) when the product does not fit.
func (m Money) Mul(k int64) (Money, error) {
	if m.p == 0 || k == 0 {
		return Money{}, nil
	}
	r := m.p * k
	if r/k != m.p || (m.p == -1 && k == math.MinInt64) || (k == -1 && m.p == math.MinInt64) {
		return Money{}, ErrOverflow
	}
	return Money{r}, nil
}

// SumMoney adds the amounts, or ErrOverflow (and zero) when a partial sum
// does not fit.
func SumMoney(ms ...Money) (Money, error) {
	var s Money
	for _, m := range ms {
		var err error
		if s, err = s.Add(m); err != nil {
			return Money{}, err
		}
	}
	return s, nil
}

// String is the amount for people: "£1,234,567.89", "-£12.00".
func (m Money) String() string { return money.PoundsPennies(m.p) }

// Plain is the amount with two places and nothing else: "1234567.89",
// "-12.00" (its text and JSON form).
func (m Money) Plain() string { return string(m.AppendText(nil)) }

// AppendText appends Plain to b.
func (m Money) AppendText(b []byte) []byte {
	u := uint64(m.p)
	if m.p < 0 {
		b = append(b, '-')
		u = -u
	}
	b = strconv.AppendUint(b, u/100, 10)
	return append(b, '.', byte('0'+u%100/10), byte('0'+u%10))
}

// MarshalText writes Plain.
func (m Money) MarshalText() ([]byte, error) { return m.AppendText(nil), nil }

// UnmarshalText reads what ParseMoney reads.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalJSON writes Plain as a JSON string: "1234.50".
func (m Money) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '"')
	b = m.AppendText(b)
	return append(b, '"'), nil
}

// UnmarshalJSON reads a JSON string or number with at most two places;
// null leaves m as it is.
func (m *Money) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		return nil
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	return m.UnmarshalText([]byte(s))
}
