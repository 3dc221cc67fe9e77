package reconcile

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pcnfin/pcnfin/des"
)

// Month is a calendar month. The zero Month is "not given".
type Month struct {
	Year  int
	Month time.Month
}

// IsZero reports whether the month is not given.
func (m Month) IsZero() bool { return m.Month == 0 }

// String is "2025-04", or "" for the zero Month.
func (m Month) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month))
}

// MarshalText writes the month as "2025-04".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a month as ParseMonth does.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Month{}
		return nil
	}
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// index counts months from year 0, so months subtract.
func (m Month) index() int { return m.Year*12 + int(m.Month) - 1 }

func monthAt(i int) Month { return Month{Year: i / 12, Month: time.Month(i%12 + 1)} }

// Add returns the month n months later (earlier for n < 0).
func (m Month) Add(n int) Month { return monthAt(m.index() + n) }

// Since is the number of months from o to m (m − o).
func (m Month) Since(o Month) int { return m.index() - o.index() }

// Before reports whether m is earlier than o.
func (m Month) Before(o Month) bool { return m.index() < o.index() }

// ParseMonth reads "2025-04" or a date "2025-04-20" (the day is checked and
// then dropped).
func ParseMonth(s string) (Month, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	if len(parts) != 2 && len(parts) != 3 {
		return Month{}, fmt.Errorf("%q is not a month: want YYYY-MM, like 2025-04", s)
	}
	y, err1 := strconv.Atoi(parts[0])
	mo, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || len(parts[0]) != 4 || len(parts[1]) != 2 || y < 1900 || mo < 1 || mo > 12 {
		return Month{}, fmt.Errorf("%q is not a month: want YYYY-MM, like 2025-04", s)
	}
	if len(parts) == 3 {
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return Month{}, fmt.Errorf("%q is not a date: want YYYY-MM-DD, like 2025-04-20, or a month YYYY-MM", s)
		}
	}
	return Month{Year: y, Month: time.Month(mo)}, nil
}

// FirstMonth is April of a DES year.
func FirstMonth(y des.Year) Month { return Month{Year: int(y), Month: time.April} }

// inYear is the month's index in DES year y (April = 0), or −1.
func inYear(y des.Year, m Month) int {
	i := m.Since(FirstMonth(y))
	if i < 0 || i > 11 {
		return -1
	}
	return i
}
