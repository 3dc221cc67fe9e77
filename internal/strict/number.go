package strict

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ErrBadNumber is the sentinel of a number refused while decoding; package
// des exports it as des.ErrBadNumber.
var ErrBadNumber = errors.New("bad number")

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
		d, err := ParseDecimal(t)
		if err != nil {
			return err
		}
		*x = Exact{d, true}
		return nil
	case int64:
		*x = Exact{decimal.NewFromInt(t), true}
		return nil
	case float64:
		return fmt.Errorf("%w: %v is a TOML float; write money and rates as strings (\"%v\") so no digit is lost",
			ErrBadNumber, t, strconv.FormatFloat(t, 'f', -1, 64))
	}
	return fmt.Errorf("%w: got %s %v, want a decimal string such as \"1.50\"", ErrBadNumber, Kind(v), v)
}

// ParseDecimal reads a plain decimal such as "1.50" or "-3", refusing
// exponents, thousands separators and anything else decimal.NewFromString
// would quietly accept.
func ParseDecimal(s string) (decimal.Decimal, error) {
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
	if digits == 0 {
		return decimal.Decimal{}, fmt.Errorf("%w: %q is not a plain decimal such as \"1.50\"", ErrBadNumber, s)
	}
	if digits > 30 {
		return decimal.Decimal{}, fmt.Errorf("%w: %q is too large: at most 30 digits", ErrBadNumber, s)
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%w: %q: %v", ErrBadNumber, s, err)
	}
	return d, nil
}

// Kind names the TOML type of a decoded value, for error messages.
func Kind(v any) string {
	switch v.(type) {
	case int64:
		return "integer"
	case float64:
		return "float"
	case string:
		return "string"
	case bool:
		return "boolean"
	case time.Time:
		return "date"
	case []any, []map[string]any:
		return "array"
	case map[string]any:
		return "table"
	}
	return fmt.Sprintf("%T", v)
}
