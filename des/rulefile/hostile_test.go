package rulefile_test

import (
	"github.com/pcnfin/pcnfin/internal/names"

	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Issue 24: a -rates file is read through a byte limit whatever size the
// file system reports, and its shape is checked before it is decoded.
func TestRuleSetHostileShapes(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, err := rulefile.ReadFile("/dev/zero")
		require.ErrorIs(t, err, des.ErrInvalid)
		require.Contains(t, err.Error(), "/dev/zero: file is more than 1048576 bytes; a rule set may be at most 1048576")
	}
	deep := []byte(`year = "2025/26"` + "\nx = " + strings.Repeat("{a=", 20_000) + "1" + strings.Repeat("}", 20_000) + "\n")
	_, err := rulefile.Read("deep.toml", deep)
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "deep.toml:2: tables or arrays nested more than 32 deep")
	many := []byte(`year = "2025/26"` + "\n" + strings.Repeat("[[payment]]\n", 20_000))
	_, err = rulefile.Read("many.toml", many)
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "many.toml:10002: more than 10000 tables")
}

func BenchmarkRuleSetHostile(b *testing.B) {
	deep := []byte(`year = "2025/26"` + "\nx = " + strings.Repeat("{a=", 20_000) + "1" + strings.Repeat("}", 20_000) + "\n")
	atLimit := []byte(`year = "2025/26"` + "\n" + strings.Repeat("[[payment]]\nidd = 1\n", 9_999))
	for _, c := range []struct {
		name string
		data []byte
	}{{"deep-20k", deep}, {"payments-9999-errors", atLimit}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := rulefile.Read(c.name, c.data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
	b.Run("dev-zero", func(b *testing.B) {
		for b.Loop() {
			if _, err := rulefile.ReadFile("/dev/zero"); err == nil {
				b.Fatal("accepted")
			}
		}
	})
}

// Issue 24: library calls with odd values give an error or the zero value
// their doc promises, never a panic or a wrong figure.
func TestHostileLibraryCalls(t *testing.T) {
	d := des.MustDate(2025, 4, 1)
	require.True(t, d.AddDays(math.MaxInt).IsZero(), "was 2024-12-31")
	require.True(t, d.AddDays(math.MinInt).IsZero())
	require.Equal(t, des.MustDate(2025, 4, 2), d.AddDays(1))

	_, _, err := national.ReadPCNs("nil.csv", nil, national.PCNOptions{})
	require.ErrorIs(t, err, des.ErrMissing)
	require.Contains(t, err.Error(), "nil.csv: no input to read")

	_, err = derive.Project(mustAll(rates.All())[0], mustAll(rates.All())[len(mustAll(rates.All()))-1].Year()+1,
		derive.Projection{EntitlementGrowth: decimal.NewFromInt(-200)})
	require.ErrorIs(t, err, des.ErrInvalid, "was −£186,332.64 of entitlements")
	require.Contains(t, err.Error(), "EntitlementGrowth: -200% a year: want more than -100%")

	_, _, err = national.ReadPCNs("cr.csv", strings.NewReader("pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\rU1,A,B,1,1,1,0\r"), national.PCNOptions{})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "cr.csv:1: the lines end with a carriage return alone", "was: no care_home_beds column")
}

func TestNamesNormalised(t *testing.T) {
	require.Equal(t, names.NameKey("Riverside  Surgery"), names.NameKey("ＲＩＶＥＲＳＩＤＥ surgery"))
	require.Equal(t, "U12345", names.CodeKey("u12345"))
	require.Contains(t, names.NameProblem("River\u200bside"), "U+200B")
	require.Contains(t, names.NameProblem("Rivеrside"), "Cyrillic")
	require.Empty(t, names.NameProblem("Two\nline name"), "control characters are kept and escaped on output")
	require.Empty(t, names.NameProblem("Αθήνα"), "one alphabet is fine")
}
