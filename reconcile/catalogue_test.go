package reconcile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// The bad paid files of the bad-input catalogue (testdata/bad/paid), each
// read against tiny() with the default timing (ARRS two months after the
// cost): the error it must give, with its line, column and field.
var badPaid = []struct {
	file     string
	sentinel error
	line     int
	column   int // 0: the row as a whole (or a column that is not there)
	field    string
	msg      string
}{
	{"unknown-payment.csv", ErrUnknownPayment, 3, 2, "payment", `unknown payment "corr"`},
	{"month-outside-year.csv", ErrOutsideYear, 3, 2, "for", "2025-03 is outside 2025/26 (2025-04 to 2026-03)"},
	{"paid-long-after.csv", ErrOutsideYear, 3, 1, "paid", "paid 2028-01: outside 2025/26 and the 12 months after it"},
	{"negative.csv", ErrNegative, 2, 3, "amount", "only an adjustment (type adjustment) may take money back"},
	{"duplicate.csv", ErrDuplicate, 4, 0, "", "repeats line 2; if it was really paid twice, give each row its reference"},
	{"duplicate-reference.csv", ErrDuplicate, 3, 4, "reference", `reference "PCSE-1" is already on line 2`},
	{"person-not-on-roster.csv", ErrNotOnRoster, 3, 4, "person", `"Pharmacist Z" is not on the roster of Tiny PCN: want one of "A"`},
	{"text-amount.csv", ErrBadAmount, 2, 3, "amount", `"one hundred" is not an amount`},
	{"amount-too-precise.csv", ErrBadAmount, 2, 3, "amount", "at most two decimal places"},
	{"missing-column.csv", ErrMissingColumn, 1, 0, "amount", "no amount column"},
	{"unknown-column.csv", ErrUnknownColumn, 1, 4, "vat", `unknown column "vat"`},
	{"arrears-without-for.csv", ErrMissingValue, 2, 0, "for", "arrears needs the month(s) it pays for"},
	{"short-row.csv", ErrSyntax, 3, 0, "", "2 fields, the header has 3"},
	{"bad-month.csv", ErrBadMonth, 2, 1, "paid", `"April 2025" is not a month: want YYYY-MM`},
	{"practice-missing.csv", ErrMissingValue, 2, 0, "practice", "network_participation is paid to each practice"},
	{"arrs-paid-for-before-year.csv", ErrOutsideYear, 2, 1, "paid", "arrs usually pays for 2025-02 (2 month(s) before)"},
}

func TestBadPaidFiles(t *testing.T) {
	dir := filepath.Join("..", "testdata", "bad", "paid")
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	require.NoError(t, err)
	require.Len(t, files, len(badPaid), "every file in %s has its case here, and every case its file", dir)
	for _, c := range badPaid {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, c.file))
			require.NoError(t, err)
			defer f.Close()
			_, err = ReadPaid(c.file, f, tiny(), DefaultTiming(DefaultARRSLag))
			require.Error(t, err, "%s must be refused", c.file)
			require.ErrorIs(t, err, c.sentinel, err.Error())
			var pe *ParseError
			require.True(t, errors.As(err, &pe), "a *ParseError: %v", err)
			var es Errors
			require.True(t, errors.As(err, &es))
			found := false
			for _, e := range es {
				if errors.Is(e, c.sentinel) {
					found, pe = true, e
					break
				}
			}
			require.True(t, found)
			require.Equal(t, c.file, pe.File)
			require.Equal(t, c.line, pe.Line, pe.Error())
			require.Equal(t, c.column, pe.Column, pe.Error())
			require.Equal(t, c.field, pe.Field, pe.Error())
			require.Contains(t, pe.Error(), c.msg)
			require.Contains(t, err.Error(), c.file, "the message names the file")
		})
	}
}
