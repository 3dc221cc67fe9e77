package des

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Exact is a decimal number read from TOML in a rate table: it must be a
// string ("22.894") or an integer (120). A TOML float is refused, because a
// float is binary and the decoder keeps only six decimal places of it.
type Exact struct {
	D   decimal.Decimal
	Set bool
}

// UnmarshalTOML implements toml.Unmarshaler.
func (x *Exact) UnmarshalTOML(v any) error {
	switch t := v.(type) {
	case string:
		d, err := parseDecimal(t)
		if err != nil {
			return err
		}
		*x = Exact{d, true}
		return nil
	case int64:
		*x = Exact{decimal.NewFromInt(t), true}
		return nil
	case float64:
		return fmt.Errorf("%w: %v is a TOML float; write money and rates as strings (\"%v\") so no digit is lost", ErrBadNumber, t, strconv.FormatFloat(t, 'f', -1, 64))
	}
	return fmt.Errorf("%w: got %s %v, want a decimal string such as \"1.50\"", ErrBadNumber, tomlKind(v), v)
}

// Number is a decimal number read from a scenario file written by a person: a
// string, an integer, or a float with at most six decimal places (13250.5).
// A float with more digits than that is refused rather than rounded.
type Number struct {
	D   decimal.Decimal
	Set bool
}

// UnmarshalTOML implements toml.Unmarshaler.
func (x *Number) UnmarshalTOML(v any) error {
	switch t := v.(type) {
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return fmt.Errorf("%w: %v is not a number", ErrBadNumber, t)
		}
		s := strconv.FormatFloat(t, 'f', -1, 64)
		if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > 6 {
			return fmt.Errorf("%w: %s has more than six decimal places as a TOML float; write it as a string (\"%s\") to keep it exact", ErrBadNumber, s, s)
		}
		d, err := decimal.NewFromString(s)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrBadNumber, t)
		}
		*x = Number{d, true}
		return nil
	}
	var e Exact
	if err := e.UnmarshalTOML(v); err != nil {
		return err
	}
	*x = Number(e)
	return nil
}

// MarshalText prints the number exactly.
func (x Number) MarshalText() ([]byte, error) { return []byte(x.D.String()), nil }

// parseDecimal reads a plain decimal such as "1.50" or "-3", refusing
// exponents, thousands separators and anything else decimal.NewFromString
// would quietly accept.
func parseDecimal(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return decimal.Decimal{}, fmt.Errorf("%w: empty string, want a decimal such as \"1.50\"", ErrBadNumber)
	}
	digits, dot := 0, false
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' && !dot:
			dot = true
		case (r == '-' || r == '+') && i == 0:
		default:
			return decimal.Decimal{}, fmt.Errorf("%w: %q is not a plain decimal such as \"1.50\"", ErrBadNumber, s)
		}
	}
	if digits == 0 || digits > 30 {
		return decimal.Decimal{}, fmt.Errorf("%w: %q is not a plain decimal such as \"1.50\"", ErrBadNumber, s)
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%w: %q: %v", ErrBadNumber, s, err)
	}
	return d, nil
}

// ParseDecimal reads a plain decimal string such as "1.50" (no exponent,
// no separators).
func ParseDecimal(s string) (decimal.Decimal, error) { return parseDecimal(s) }

// Places returns the number of decimal places d needs (0 for integers);
// trailing zeros do not count, so "1.500" needs one.
func Places(d decimal.Decimal) int {
	if d.Exponent() >= 0 {
		return 0
	}
	if d.Exponent() == -1 || d.Exponent() == -2 {
		// the common cases, without formatting: strip a trailing zero
		c := d.CoefficientInt64()
		if d.Exponent() == -2 && c%10 == 0 {
			c /= 10
			if c%10 == 0 {
				return 0
			}
			return 1
		}
		if d.Exponent() == -2 {
			return 2
		}
		if c%10 == 0 {
			return 0
		}
		return 1
	}
	s := d.String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}
