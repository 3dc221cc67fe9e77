// Package money formats and rounds the decimal amounts pcnfin's packages
// share (£1,234.56, rates, two-place JSON); it is no part of the library's
// surface: results carry des.Money.
package money

import (
	"strings"

	"github.com/shopspring/decimal"
)

// The rounding rule, the only one pcnfin uses: a payment for one month, and
// a monthly ARRS claim, is rounded half-up to the penny (half away from zero,
// which is half-up for the non-negative amounts the rules produce). A year's
// amount is the sum of its rounded months, so the parts always add up to the
// total. An allowance that is never paid as such (an ARRS sum) is rounded
// once, to the penny, over its whole period.

// RoundPenny rounds d half-up (away from zero) to two decimal places.
func RoundPenny(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// Pounds formats an amount as "£1,234,567.89" (negative as "-£12.00").
func Pounds(d decimal.Decimal) string {
	if e := d.Exponent(); e >= -2 && e <= 0 && d.NumDigits() <= 15 {
		// Whole pence already: the same text without the decimal's rescaling.
		p := d.CoefficientInt64()
		for ; e > -2; e-- {
			p *= 10
		}
		return PoundsPennies(p)
	}
	s := d.StringFixed(2)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	s = "£" + Thousands(s)
	if neg {
		s = "-" + s
	}
	return s
}

// Thousands puts commas into the integer part of a plain decimal string:
// "1234567.891" becomes "1,234,567.891".
func Thousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	b.WriteString(frac)
	return b.String()
}

// FormatRate formats a per-head rate as "£1.50" keeping every given digit
// beyond the pence ("£22.894", "£0.5143").
func FormatRate(d decimal.Decimal) string {
	p := Places(d)
	if p < 2 {
		p = 2
	}
	return "£" + Thousands(d.StringFixed(int32(p)))
}

// PoundsPennies formats an amount given in pennies as "£1,234,567.89",
// without going through a decimal.
func PoundsPennies(p int64) string {
	var buf [32]byte
	i := len(buf)
	neg := p < 0
	u := uint64(p)
	if neg {
		u = uint64(-p)
	}
	pence := u % 100
	u /= 100
	buf[i-1] = byte('0' + pence%10)
	buf[i-2] = byte('0' + pence/10)
	buf[i-3] = '.'
	i -= 3
	for n := 0; ; n++ {
		if n > 0 && n%3 == 0 {
			i--
			buf[i] = ','
		}
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	i--
	buf[i] = 0xa3 // '£' is C2 A3 in UTF-8
	i--
	buf[i] = 0xc2
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// JSONMoney is money as JSON and text: a string with exactly two decimal
// places ("11732.90"), whatever form the decimal inside has. Every result
// type of pcnfin writes its money through it.
type JSONMoney decimal.Decimal

// MarshalText writes the amount with two places.
func (m JSONMoney) MarshalText() ([]byte, error) {
	return []byte(decimal.Decimal(m).StringFixed(2)), nil
}

// UnmarshalText reads an amount.
func (m *JSONMoney) UnmarshalText(b []byte) error {
	d, err := decimal.NewFromString(string(b))
	*m = JSONMoney(d)
	return err
}

// Decimal returns the amount.
func (m JSONMoney) Decimal() decimal.Decimal { return decimal.Decimal(m) }

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
