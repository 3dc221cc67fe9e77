package oncost_test

import (
	"errors"
	"os"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/shopspring/decimal"
)

// FuzzLoadOnCosts feeds arbitrary text to the on-cost loader. It must never
// panic; every error must name a sentinel; and a file it accepts must give
// costs whose parts add up to the total.
func FuzzLoadOnCosts(f *testing.F) {
	if data, err := os.ReadFile("../../rates/oncosts.toml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(ocTestFile))
	f.Add([]byte(""))
	f.Add([]byte("[[employer_ni]]\nfrom = 2024-04-06\nrate = 0.138\n"))
	f.Add([]byte("[[pension]]\nfrom = 2024-04-01\nto = 2023-01-01\nrate = \"-1\"\n[[pension]]\nfrom = 2020-01-01\n"))
	f.Add([]byte("employer_ni = [{from = 2024-04-06, to = 2025-04-05, rate = \"0.138\", threshold = \"9100\", monthly_threshold = \"758\", source = \"s\", url = \"https://x\", confidence = \"single\"}]\n"))
	f.Add([]byte("[[employer_ni]]\nfrom = 9999-99-99\n[[gap]\n"))

	sentinels := []error{des.ErrSyntax, des.ErrUnknownKey, des.ErrMissing, des.ErrInvalid, des.ErrOverlap, des.ErrBadNumber, des.ErrBadDate}
	salaries := []decimal.Decimal{decimal.Zero, decimal.RequireFromString("52000"), decimal.RequireFromString("4999.995"), decimal.RequireFromString("1000000000000")}
	dates := []des.Date{des.MustDate(2019, 4, 1), des.MustDate(2022, 11, 6), des.MustDate(2024, 10, 1), des.MustDate(2025, 4, 6), des.MustDate(2026, 4, 5), des.MustDate(2100, 1, 1)}

	f.Fuzz(func(t *testing.T, data []byte) {
		oc, err := oncost.Load("fuzz.toml", data)
		if err != nil {
			if oc != nil {
				t.Fatal("an error and a result")
			}
			ok := false
			for _, s := range sentinels {
				if errors.Is(err, s) {
					ok = true
				}
			}
			if !ok {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			_ = err.Error()
			return
		}
		_ = oc.Gaps()
		for _, d := range dates {
			for _, s := range salaries {
				for _, levy := range []bool{false, true} {
					b, err := oc.EmployerCost(s, d, oncost.Options{Levy: levy})
					if err != nil {
						if !errors.Is(err, des.ErrNoRate) {
							t.Fatalf("%s %s: %v", d, s, err)
						}
						continue
					}
					sum := b.Salary.Add(b.EmployerNI).Add(b.Pension).Add(b.Levy)
					if !sum.Equal(b.Total) || b.EmployerNI.IsNegative() || b.Pension.IsNegative() || b.Levy.IsNegative() {
						t.Fatalf("%s %s: bad breakdown %+v", d, s, b)
					}
					_ = b.Explain()
				}
			}
		}
	})
}
