package des

import (
	"fmt"
	"github.com/pcnfin/pcnfin/internal/strict"
	"strconv"
	"strings"
	"time"
)

// Year is a DES year, 1 April to 31 March, named by the calendar year it
// starts in: Year(2024) is "2024/25", 1 April 2024 to 31 March 2025.
// The zero Year means "no year" and prints as "".
type Year int

// ParseYear reads "2024/25", "2024-25" or "2024". The two-digit end must
// follow the start ("2024/26" is an error), and the start must have four digits.
func ParseYear(s string) (Year, error) {
	t := strings.TrimSpace(s)
	start, end, two := t, "", false
	if i := strings.IndexAny(t, "/-"); i >= 0 {
		start, end, two = t[:i], t[i+1:], true
	}
	if len(start) != 4 || !allDigits(start) {
		return 0, fmt.Errorf("%w: %q: want a DES year like 2024/25, 2024-25 or 2024", ErrBadYear, s)
	}
	y, _ := strconv.Atoi(start)
	if y < 1900 || y > 2199 {
		return 0, fmt.Errorf("%w: %q: year out of range", ErrBadYear, s)
	}
	if two {
		if len(end) != 2 || !allDigits(end) {
			return 0, fmt.Errorf("%w: %q: the year after the separator must be two digits, as in 2024/25", ErrBadYear, s)
		}
		e, _ := strconv.Atoi(end)
		if e != (y+1)%100 {
			return 0, fmt.Errorf("%w: %q: a DES year runs April to March, so %d is followed by %02d", ErrBadYear, s, y,
				(y+1)%100)
		}
	}
	return Year(y), nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// String prints "2024/25" ("" for the zero Year).
func (y Year) String() string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf("%04d/%02d", int(y), (int(y)+1)%100)
}

// FileName is the year as used in rate-table file names: "2024-25".
func (y Year) FileName() string { return strings.Replace(y.String(), "/", "-", 1) }

// Start is 1 April of the year; End is the following 31 March.
func (y Year) Start() Date { return Date{int32(y), uint8(time.April), 1} }
func (y Year) End() Date   { return Date{int32(y) + 1, uint8(time.March), 31} }

// Contains reports whether d falls within the DES year.
func (y Year) Contains(d Date) bool { return !d.Before(y.Start()) && !d.After(y.End()) }

// YearOf returns the DES year a date falls in.
func YearOf(d Date) Year {
	if d.Month() >= time.April {
		return Year(d.Year())
	}
	return Year(d.Year() - 1)
}

// Month returns the i-th month of the year (0 = April … 11 = March) as the
// calendar year and month.
func (y Year) Month(i int) (int, time.Month) {
	if i < 0 || i > 11 {
		return 0, 0 // no such month: not invented
	}
	m := time.April + time.Month(i)
	if m > 12 {
		return int(y) + 1, m - 12
	}
	return int(y), m
}

// MonthIndex returns 0..11 for a date within the year (April = 0), or -1.
func (y Year) MonthIndex(d Date) int {
	if !y.Contains(d) {
		return -1
	}
	return (int(d.m) + 12 - 4) % 12
}

// ReferenceDate is 1 January before the year starts: the date at which NHS
// England fixes list sizes for most payments (1 January 2024 for 2024/25).
func (y Year) ReferenceDate() Date { return Date{int32(y), 1, 1} }

// MarshalText prints "2024/25".
func (y Year) MarshalText() ([]byte, error) { return []byte(y.String()), nil }

// UnmarshalText reads any form ParseYear accepts.
func (y *Year) UnmarshalText(b []byte) error {
	v, err := ParseYear(string(b))
	if err != nil {
		return err
	}
	*y = v
	return nil
}

// UnmarshalTOML reads a year string ("2024/25"), or an integer 2024.
func (y *Year) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case string:
		return y.UnmarshalText([]byte(x))
	case int64:
		return y.UnmarshalText([]byte(strconv.FormatInt(x, 10)))
	}
	return fmt.Errorf("%w: got %s %v, want a string like \"2024/25\"", ErrBadYear, strict.Kind(v), v)
}
