package des

import (
	"fmt"
	"strconv"
	"time"

	"github.com/pcnfin/pcnfin/internal/strict"
)

// Date is a calendar day with no time of day and no zone, like 2024-04-01.
// The zero value is "no date" (IsZero reports true). Dates are comparable
// values, so == and the Before/After/Compare methods all work.
//
// A Date decodes from a TOML bare date (start = 2024-04-01), a TOML string
// ("2024-04-01") and JSON/text "2024-04-01". A bare TOML date is taken by its
// calendar fields, never by converting zones, so it cannot slip a day.
type Date struct {
	y int32
	m uint8
	d uint8
}

// NewDate returns the date y-m-d. It reports an error for a day that does not
// exist (2023-02-29) or a year outside 1900..2200.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < 1900 || y > 2200 {
		return Date{}, fmt.Errorf("%w: year %d out of range 1900..2200", ErrBadDate, y)
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d does not exist", ErrBadDate, y, int(m), d)
	}
	return Date{int32(y), uint8(m), uint8(d)}, nil
}

// MustDate is NewDate for literals in tests and examples; it panics on a bad date.
func MustDate(y int, m time.Month, d int) Date {
	dt, err := NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return dt
}

// ParseDate reads "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	if !isDateForm(s) {
		return Date{}, fmt.Errorf("%w: %q is not a date of the form YYYY-MM-DD", ErrBadDate, s)
	}
	y, _ := strconv.Atoi(s[0:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	return NewDate(y, time.Month(m), d) // "2025-02-30 does not exist"
}

// isDateForm reports whether s is of the form YYYY-MM-DD (ASCII digits).
func isDateForm(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// Year, Month and Day return the date's fields.
func (d Date) Year() int         { return int(d.y) }
func (d Date) Month() time.Month { return time.Month(d.m) }
func (d Date) Day() int          { return int(d.d) }

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d == Date{} }

// String prints the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var b [10]byte
	y := int(d.y)
	b[0], b[1], b[2], b[3] = byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10)
	b[4], b[7] = '-', '-'
	b[5], b[6] = '0'+d.m/10, '0'+d.m%10
	b[8], b[9] = '0'+d.d/10, '0'+d.d%10
	return string(b[:])
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.y != e.y:
		return cmp3(int(d.y), int(e.y))
	case d.m != e.m:
		return cmp3(int(d.m), int(e.m))
	default:
		return cmp3(int(d.d), int(e.d))
	}
}

func cmp3(a, b int) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// Before and After compare two dates.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }
func (d Date) After(e Date) bool  { return d.Compare(e) > 0 }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	return time.Date(int(d.y), time.Month(d.m), int(d.d), 0, 0, 0, 0, time.UTC)
}

// AddDays returns the date n days after d (before, for negative n).
//
// The zero Date ("no date") stays the zero Date, and so does a result
// outside the years NewDate accepts (1900 to 2200): no date is invented.
func (d Date) AddDays(n int) Date {
	// No date is 4,000,000 days (about 11,000 years) from another; a larger
	// n would wrap inside time.AddDate and land on some other date.
	if d.IsZero() || n > 4_000_000 || n < -4_000_000 {
		return Date{}
	}
	t := d.Time().AddDate(0, 0, n)
	nd, err := NewDate(t.Year(), t.Month(), t.Day())
	if err != nil {
		return Date{}
	}
	return nd
}

// Days returns the number of days from d to e (negative if e is before d).
func (d Date) Days(e Date) int { return e.DayNumber() - d.DayNumber() }

// DayNumber is the number of days from 1970-01-01 to d (negative before
// it), by the proleptic Gregorian calendar: the difference of two dates'
// day numbers is the days between them. The zero Date's is below every
// date's.
func (d Date) DayNumber() int {
	// days_from_civil (H. Hinnant): years from 1 March, in 400-year eras.
	y, m := int(d.y), int(d.m)
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + int(d.d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// FirstOfMonth reports whether d is the first day of its month.
func (d Date) FirstOfMonth() bool { return d.d == 1 }

// daysIn returns the number of days in month m of year y.
//
// It is 0 for a month that does not exist (m outside 1 to 12).
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	case time.January, time.March, time.May, time.July, time.August, time.October, time.December:
		return 31
	}
	return 0
}

// MarshalText prints YYYY-MM-DD (empty for the zero Date).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; empty text gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalTOML reads a bare TOML date (2024-04-01) or a string "2024-04-01".
// A TOML date-time with a time of day other than midnight is refused.
func (d *Date) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		if x.Year() == 0 && x.Month() == 1 && x.Day() == 1 {
			// a TOML local time (start = 00:00:00) arrives as a time on day
			// one of year 0: say what it is, not "year 0 out of range"
			return fmt.Errorf("%w: %s is a time of day, not a date; give a date like 2024-04-01", ErrBadDate,
				x.Format("15:04:05"))
		}
		if x.Hour() != 0 || x.Minute() != 0 || x.Second() != 0 || x.Nanosecond() != 0 {
			return fmt.Errorf("%w: %s has a time of day; give a date like 2024-04-01", ErrBadDate, x.Format(time.RFC3339))
		}
		y, m, dd := x.Date() // calendar fields as written, zone untouched
		nd, err := NewDate(y, m, dd)
		if err != nil {
			return err
		}
		*d = nd
		return nil
	case string:
		return d.UnmarshalText([]byte(x))
	default:
		return fmt.Errorf("%w: got %s %v, want a date like 2024-04-01", ErrBadDate, strict.Kind(v), v)
	}
}
