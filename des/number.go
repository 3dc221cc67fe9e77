package des

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pcnfin/pcnfin/internal/strict"
	"github.com/shopspring/decimal"
)

// Number is a population figure that may be left out: a decimal and whether
// it was given. A figure left out is never read as zero; a payment that
// needs it is an error naming it. In a scenario file a person may write it
// as a string, an integer, or a float with at most six decimal places
// (13250.5); a float with more digits than that is refused, not rounded.
type Number struct {
	d   decimal.Decimal
	set bool
}

// NumberOf returns a given Number with the value d.
func NumberOf(d decimal.Decimal) Number { return Number{d, true} }

// WholeNumber returns a given Number with the integer value i, for
// building PCNs in code: des.WholeNumber(20000).
func WholeNumber(i int64) Number { return Number{decimal.NewFromInt(i), true} }

// MustParseNumber returns a given Number from a plain decimal string such
// as "13250.5"; it panics on a malformed string, so use it for literals.
func MustParseNumber(s string) Number {
	d, err := strict.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return Number{d, true}
}

// Decimal returns the value (zero when the figure was left out).
func (x Number) Decimal() decimal.Decimal { return x.d }

// IsSet reports whether the figure was given.
func (x Number) IsSet() bool { return x.set }

// String prints the value exactly, or "" when it was left out.
func (x Number) String() string {
	if !x.set {
		return ""
	}
	return x.d.String()
}

// UnmarshalTOML implements toml.Unmarshaler.
func (x *Number) UnmarshalTOML(v any) error {
	if t, ok := v.(float64); ok {
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return fmt.Errorf("%w: %v is not a number", ErrBadNumber, t)
		}
		s := strconv.FormatFloat(t, 'f', -1, 64)
		if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > 6 {
			return fmt.Errorf("%w: %s has more than six decimal places as a TOML float; "+
				"write it as a string (\"%s\") to keep it exact", ErrBadNumber, s, s)
		}
		d, err := decimal.NewFromString(s)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrBadNumber, t)
		}
		*x = Number{d, true}
		return nil
	}
	var e strict.Exact
	if err := e.UnmarshalTOML(v); err != nil {
		return err
	}
	*x = Number{e.D, e.Set}
	return nil
}

// MarshalText prints the number exactly.
func (x Number) MarshalText() ([]byte, error) { return []byte(x.d.String()), nil }

// UnmarshalText reads a plain decimal such as "13250.5".
func (x *Number) UnmarshalText(b []byte) error {
	d, err := strict.ParseDecimal(string(b))
	if err != nil {
		return err
	}
	*x = Number{d, true}
	return nil
}
