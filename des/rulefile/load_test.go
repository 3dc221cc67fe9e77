package rulefile_test

import (
	"errors"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

func TestLoadRuleSetErrorsNameFileLineAndField(t *testing.T) {
	base := testRules
	cases := []struct {
		name, from, to string
		sentinel       error
		line           int
		field          string
	}{
		{"float rate", `rate = "1.50"`, `rate = 1.50`, des.ErrBadNumber, 10, "rate"},
		{"unknown key", `name = "Core PCN funding"`, "name = \"Core PCN funding\"\nrat = \"1\"", des.ErrUnknownKey, 7, "payment.rat"},
		{"negative rate", `rate = "1.761"`, `rate = "-1.761"`, des.ErrInvalid, 22, "payment[1].part[0].value[0].rate"},
		{"missing source", `source = "test"` + "\n    url = \"https://example.org/core\"", `url = "https://example.org/core"`, des.ErrMissing, 0, "payment[0].part[0].value[0].source"},
		{"bad confidence", `confidence = "single"`, `confidence = "probably"`, des.ErrInvalid, 0, "payment[4].part[0].value[0].confidence"},
		{"bad basis", `basis = "weighted"`, `basis = "weigthed"`, des.ErrInvalid, 20, "payment[1].part[0].basis"},
		{"date outside year", `from = 2022-10-16`, `from = 2023-10-16`, des.ErrInvalid, 0, "payment[3].part[0].value[2].from"},
		{"revision without announced", `announced = 2022-09-26`, ``, des.ErrOverlap, 0, "payment[3].part[0].value[1].from"},
		{"year mismatch", `year = "2022/23"`, `year = "2021/22"`, des.ErrInvalid, 2, "year"},
		{"bad year", `year = "2022/23"`, `year = "2022/24"`, des.ErrBadYear, 2, "year"},
		{"syntax", `[[payment]]`, `[[payment]`, des.ErrSyntax, 4, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(base, c.from, c.to, 1)
			require.NotEqual(t, base, text, "replacement did not apply")
			_, err := rulefile.Read("rates/2022-23.toml", []byte(text))
			require.Error(t, err)
			require.ErrorIs(t, err, c.sentinel, err.Error())
			var fe *des.FieldError
			require.True(t, errors.As(err, &fe), err.Error())
			require.Equal(t, "rates/2022-23.toml", fe.File)
			// find the error for the field we broke
			found := false
			var es des.Errors
			if errors.As(err, &es) {
				for _, e := range es {
					var f *des.FieldError
					if errors.As(e, &f) && strings.Contains(f.Field, c.field) {
						found = true
						fe = f
					}
				}
			} else {
				found = strings.Contains(fe.Field, c.field)
			}
			require.True(t, found, "no error for field %q in %v", c.field, err)
			if c.line > 0 {
				require.Equal(t, c.line, fe.Line, err.Error())
			}
			require.Contains(t, err.Error(), "rates/2022-23.toml")
		})
	}
}

// Every embedded and test rule set loads; each one seeds the fuzzer.
func FuzzLoadRuleSet(f *testing.F) {
	f.Add([]byte(testRules))
	files, _ := filepath.Glob("../rates/20*.toml")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := rulefile.Read("fuzz.toml", data)
		if err != nil {
			var fe *des.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a *FieldError: %v", err)
			}
			return
		}
		// A rule set that loads can be used: entitlements for a PCN with
		// every figure given never fail, and obey the money invariants.
		// (A part marked carry has no value until derive.Complete fills it
		// from the year before: entitlements then fail with ErrNoRate.)
		for _, p := range rs.Payments() {
			for _, pt := range p.Parts {
				if pt.Carry {
					if _, err := des.Entitle(rs, testPCN(), des.Options{}); !errors.Is(err, des.ErrNoRate) {
						t.Fatalf("an uncompleted carry part: want ErrNoRate, got %v", err)
					}
					return
				}
			}
		}
		e, err := des.Entitle(rs, testPCN(), des.Options{})
		if err != nil {
			t.Fatalf("a rule set that loads fails to entitle: %v", err)
		}
		checkEntitlementInvariants(t, e)
		// and as known on any date in the year, before revisions
		for _, asAt := range []des.Date{rs.Year().Start(), rs.Year().End()} {
			e, err := des.Entitle(rs, testPCN(), des.Options{AsAt: asAt})
			if err != nil && !errors.Is(err, des.ErrNoRate) {
				t.Fatalf("as at %s: %v", asAt, err)
			}
			if err == nil {
				checkEntitlementInvariants(t, e)
			}
		}
	})
}
