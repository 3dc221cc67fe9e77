package des_test

import (
	"errors"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

func TestParseYear(t *testing.T) {
	good := map[string]string{"2024/25": "2024/25", "2024-25": "2024/25", "2024": "2024/25", " 2019/20 ": "2019/20", "1999/00": "1999/00", "2099/00": "2099/00"}
	for in, want := range good {
		y, err := des.ParseYear(in)
		require.NoError(t, err, in)
		require.Equal(t, want, y.String())
	}
	for _, in := range []string{"2024/26", "24/25", "abc", "", "2024/", "2024/2025", "20245", "2024.25", "-2024", "２０２４"} {
		_, err := des.ParseYear(in)
		require.ErrorIs(t, err, des.ErrBadYear, in)
	}
	y, _ := des.ParseYear("2024/25")
	require.Equal(t, "2024-04-01", y.Start().String())
	require.Equal(t, "2025-03-31", y.End().String())
	require.Equal(t, "2024-01-01", y.ReferenceDate().String())
	require.True(t, y.Contains(des.MustDate(2025, 3, 31)))
	require.False(t, y.Contains(des.MustDate(2025, 4, 1)))
	require.Equal(t, 11, y.MonthIndex(des.MustDate(2025, 3, 1)))
	require.Equal(t, "", des.Year(0).String())
}

func TestDates(t *testing.T) {
	d, err := des.ParseDate("2024-02-29")
	require.NoError(t, err)
	require.Equal(t, "2024-03-01", d.AddDays(1).String())
	_, err = des.ParseDate("2023-02-29")
	require.True(t, errors.Is(err, des.ErrBadDate))
	require.True(t, des.Date{}.IsZero())
	require.Equal(t, 29, des.DaysIn(2024, 2))
	require.Equal(t, 28, des.DaysIn(2100, 2))
	require.Equal(t, 365, des.MustDate(2024, 4, 1).Days(des.MustDate(2025, 4, 1)))
}

func FuzzParseYear(f *testing.F) {
	for _, s := range []string{"2024/25", "2024-25", "2024", "2024/26", "abc", "9999/00", "0000/01", "2024/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, err := des.ParseYear(s)
		if err != nil {
			if !errors.Is(err, des.ErrBadYear) {
				t.Fatalf("error %v does not wrap ErrBadYear", err)
			}
			return
		}
		// A parsed year prints in a form that parses back to itself.
		back, err := des.ParseYear(y.String())
		if err != nil || back != y {
			t.Fatalf("%q → %v → %q → %v, %v", s, y, y.String(), back, err)
		}
		if !y.Contains(y.Start()) || !y.Contains(y.End()) || y.Start().Days(y.End()) < 364 {
			t.Fatalf("year %v has a bad range", y)
		}
	})
}

// DayNumber is the days since 1970-01-01 for every date NewDate accepts,
// as time counts them, and the zero Date's is below them all.
func TestDayNumberEveryDate(t *testing.T) {
	first := des.MustDate(1900, 1, 1)
	require.Equal(t, -25567, first.DayNumber())
	require.Less(t, des.Date{}.DayNumber(), first.DayNumber())
	n := 0
	for d := first; !d.IsZero(); d = d.AddDays(1) {
		if got, want := d.DayNumber(), int(d.Time().Unix()/86400); got != want {
			t.Fatalf("%s: day number %d, want %d", d, got, want)
		}
		n++
	}
	require.Equal(t, 109_938, n) // 1900-01-01 to 2200-12-31: 301 years, 73 of them leap
	require.Equal(t, 366, des.MustDate(2024, 1, 1).Days(des.MustDate(2025, 1, 1)))
	require.Equal(t, -365, des.MustDate(2025, 3, 1).Days(des.MustDate(2024, 3, 1)))
}
