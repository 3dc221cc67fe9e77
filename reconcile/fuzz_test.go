package reconcile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadPaid: any bytes give a paid file or errors, never a panic; every
// error is a *ParseError naming the file; every row read is a known payment
// for a month of the year with whole pennies, and reconciling it keeps the
// year's difference the sum of its rows.
func FuzzReadPaid(f *testing.F) {
	f.Add([]byte(file(exactly())))
	f.Add([]byte(header + "\n2025-09,core,,,2025-04..2025-08,50.00,arrears,\n2025-10,core,,,2025-05,-5.00,adjustment,R\n"))
	f.Add([]byte("\ufeffPaid,Payment,Amount\n2025-04,CORE,\"£1,234.56\"\n"))
	if files, err := filepath.Glob(filepath.Join("..", "testdata", "bad", "paid", "*.csv")); err == nil {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	if b, err := os.ReadFile(filepath.Join("..", "examples", "reconcile", "example", "example-paid.csv")); err == nil {
		f.Add(b)
	}
	d := tiny()
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ReadPaid("fuzz.csv", strings.NewReader(string(b)), d, DefaultTiming(1))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("not a *ParseError: %v", err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.csv") {
				t.Fatalf("the message does not name the file: %v", err)
			}
			return
		}
		for _, x := range p.Payments {
			if inYear(d.Year, x.For) < 0 || inYear(d.Year, x.Through) < 0 || x.Through.Before(x.For) {
				t.Fatalf("line %d: for %s..%s outside the year", x.Line, x.For, x.Through)
			}
			if x.Amount.Exponent() < -2 {
				t.Fatalf("line %d: %s is not whole pennies", x.Line, x.Amount)
			}
			if x.Amount.IsNegative() && x.Kind != Adjustment {
				t.Fatalf("line %d: negative %s", x.Line, x.Kind)
			}
		}
		r := Reconcile(d, p, Options{})
		var sum int64
		for _, x := range r.Rows {
			sum += pennies(x.Difference)
		}
		if sum != pennies(r.Total.Difference) {
			t.Fatalf("the year's difference %s is not the sum of its rows %d", r.Total.Difference, sum)
		}
	})
}
