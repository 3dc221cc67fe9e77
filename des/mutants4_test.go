package des_test

// Lived mutants of des at 4c38092 (issue 25), each killed by a rule stated
// here with its figures worked by hand.

import (
	"fmt"
	"math"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/stretchr/testify/require"
)

// hugeRules is a rule set of one or two payments on the registered list at
// a rate of rate a head a year, for the whole of 2025/26; paidTo "practice"
// pays each practice on its own list.
func hugeRules(t *testing.T, payments int, rate, paidTo string) *des.RuleSet {
	t.Helper()
	src := "year = \"2025/26\"\n"
	for i := 1; i <= payments; i++ {
		src += fmt.Sprintf(`
[[payment]]
id = "p%d"
name = "Payment %d"
paid_to = %q
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = %q
    source = "test"
    url = "https://example.org/p%d"
    confidence = "confirmed"
`, i, i, paidTo, rate, i)
	}
	rs, err := rulefile.Read("huge.toml", []byte(src))
	require.NoError(t, err)
	return rs
}

// hugePCN is n practices of the largest figures a practice may have
// (100,000,000 on each basis, the population of England rounded up, which
// Validate allows; nothing bounds the number of practices).
func hugePCN(n int) des.PCN {
	pcn := des.PCN{Name: "Huge"}
	big := des.WholeNumber(100_000_000)
	for i := 0; i < n; i++ {
		pcn.Practices = append(pcn.Practices, des.Practice{Name: fmt.Sprintf("Practice %d", i+1),
			Registered: big, Weighted: big, Adjusted: big, CareHomeBeds: big})
	}
	return pcn
}

// A total past int64 pennies (£92,233,720,368,547,758.07) is refused, never
// wrapped, whether it is a part's year, a payment over its practices or the
// entitlements over the payments; Pennies leaves each to Entitle (lived
// mutant entitle.go:1011:8, `v > 0` → `v <= 0` in addChecked, which let a
// sum of positive pennies wrap). The rule file's largest rate, £1,000,000 a
// head, and the largest figures need about a thousand practices to get
// there.
func TestTotalPastInt64PenniesIsRefused(t *testing.T) {
	// A part's year: 1,000 practices are 10^11 registered; 10^11 ×
	// £1,000,000 ÷ 12 = £8,333,333,333,333,333.33… a month, rounded
	// 833,333,333,333,333,333 pennies, within the kernel's 2^62 =
	// 4,611,686,018,427,387,904; twelve months are
	// 9,999,999,999,999,999,996 pennies, past 2^63 − 1 =
	// 9,223,372,036,854,775,807 (at the twelfth month: eleven are
	// 9,166,666,666,666,666,663).
	t.Run("a part's year", func(t *testing.T) {
		e, err := des.NewEntitler(hugeRules(t, 1, "1000000", "pcn"), des.Options{})
		require.NoError(t, err)
		pcn := hugePCN(1000)
		en, err := e.Entitle(pcn)
		require.ErrorIs(t, err, des.ErrInvalid, "got a total of %s", en.Total)
		require.ErrorContains(t, err, "p1: invalid value: a part's year passes £92,233,720,368,547,758.07")
		out := make([]int64, 1)
		total, ok := e.Pennies(&pcn, out)
		require.False(t, ok, "Pennies gave %d (%d in all)", out[0], total)
	})

	// Each practice: 100,000,000 × £1,000,000 ÷ 12 = £8,333,333,333,333.333…
	// a month, rounded 833,333,333,333,333 pennies; its year is the twelve
	// rounded months, 9,999,999,999,999,996 pennies (a payment is the sum
	// of its rounded months). 922 practices are 9,219,999,999,999,996,312
	// pennies, within 2^63 − 1; 923 are 9,229,999,999,999,996,308, past it
	// (their months, 923 × 833,333,333,333,333, are within it).
	t.Run("a payment over its practices", func(t *testing.T) {
		e, err := des.NewEntitler(hugeRules(t, 1, "1000000", "practice"), des.Options{})
		require.NoError(t, err)
		pcn := hugePCN(922)
		en, err := e.Entitle(pcn)
		require.NoError(t, err)
		require.Equal(t, int64(9_219_999_999_999_996_312), en.Total.Pennies(), "922 practices")
		out := make([]int64, 1)
		total, ok := e.Pennies(&pcn, out)
		require.True(t, ok)
		require.Equal(t, int64(9_219_999_999_999_996_312), total)

		pcn = hugePCN(923)
		en, err = e.Entitle(pcn)
		require.ErrorIs(t, err, des.ErrInvalid, "got a total of %s", en.Total)
		require.ErrorContains(t, err, "p1: the total over the practices passes £92,233,720,368,547,758.07")
		total, ok = e.Pennies(&pcn, out)
		require.False(t, ok, "Pennies gave %d (%d in all)", out[0], total)
	})

	// Two payments to the PCN of 500 practices (5 × 10^10 registered):
	// each 5 × 10^10 × £1,000,000 = £5 × 10^16, 5 × 10^18 pennies (months
	// of 416,666,666,666,666,666.67 → …667 pennies, twelve of them
	// 5,000,000,000,000,000,004, the year rounded once 5 × 10^18 but past
	// the kernel's 2^62, so the months stand); the two are
	// 10,000,000,000,000,000,008 pennies, past 2^63 − 1.
	t.Run("the entitlements over the payments", func(t *testing.T) {
		e, err := des.NewEntitler(hugeRules(t, 2, "1000000", "pcn"), des.Options{})
		require.NoError(t, err)
		pcn := hugePCN(500)
		en, err := e.Entitle(pcn)
		require.ErrorIs(t, err, des.ErrInvalid, "got a total of %s", en.Total)
		require.ErrorContains(t, err, "the entitlements total with payment p2 passes £92,233,720,368,547,758.07")
		out := make([]int64, 2)
		total, ok := e.Pennies(&pcn, out)
		require.False(t, ok, "Pennies gave %v (%d in all)", out, total)
	})
}

// Mul is exact whenever the product fits in int64 pennies, and ErrOverflow
// only when it does not (lived mutants moneytype.go:189:24, 189:27 ×2,
// 189:35: the special case of −1 × the least int64 refused other products
// of −1 and of the least int64).
func TestMoneyMulAtTheEdgesOfInt64(t *testing.T) {
	for _, c := range []struct {
		m, k int64
		want int64 // the product, when it fits
		over bool
	}{
		// −1p × 5 = −5p.
		{m: -1, k: 5, want: -5},
		// −1p × 9,223,372,036,854,775,807 = −9,223,372,036,854,775,807p,
		// which fits (the least int64 is one less).
		{m: -1, k: math.MaxInt64, want: -math.MaxInt64},
		// 1p × the least int64 is the least int64, −£92,233,720,368,547,758.08.
		{m: 1, k: math.MinInt64, want: math.MinInt64},
		{m: math.MinInt64, k: 1, want: math.MinInt64},
		// 3p × the least int64 is three times past it.
		{m: 3, k: math.MinInt64, over: true},
		// −1 × the least int64 is 2^63, one past the most.
		{m: -1, k: math.MinInt64, over: true},
		{m: math.MinInt64, k: -1, over: true},
	} {
		got, err := des.Pennies(c.m).Mul(c.k)
		if c.over {
			require.ErrorIs(t, err, des.ErrOverflow, "%d × %d gave %d", c.m, c.k, got.Pennies())
			continue
		}
		require.NoError(t, err, "%d × %d", c.m, c.k)
		require.Equal(t, c.want, got.Pennies(), "%d × %d", c.m, c.k)
	}
	got, err := des.Pennies(1).Mul(math.MinInt64)
	require.NoError(t, err)
	require.Equal(t, "-£92,233,720,368,547,758.08", got.String())
}

// An empty JSON string is not an amount; the error quotes what was inside
// the quotes (nothing), not the JSON text (lived mutant moneytype.go:254:12,
// `len(s) >= 2` → `> 2`, which read `""` itself).
func TestMoneyFromAnEmptyJSONString(t *testing.T) {
	var m des.Money
	err := m.UnmarshalJSON([]byte(`""`))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.EqualError(t, err, `invalid value: "" is not an amount of money`)
	require.NoError(t, m.UnmarshalJSON([]byte(`"0.07"`)))
	require.Equal(t, int64(7), m.Pennies())
}

// A PCN with no practices has no figure for a payment to sum: the error
// names no practice, "(none)" at index −1, not a position in the list
// (lived mutants population.go:80:62 ×2, −1 → 1).
func TestMissingFigureOfAPCNWithoutPractices(t *testing.T) {
	_, err := des.PCN{Name: "Empty"}.Total(des.Registered, "core")
	require.ErrorIs(t, err, des.ErrMissingFigure)
	var mf *des.MissingFigureError
	require.ErrorAs(t, err, &mf)
	require.Equal(t, -1, mf.Index)
	require.EqualError(t, err, "practices[-1] ((none)): no registered figure, which core needs")
}

// A DES year starts in 1900 to 2199, so that its 1 April to 31 March lies
// within the dates a Date holds (1900 to 2200): "1900/01" and "2199/00"
// (which ends on 31 March 2200) are read, "1899/00" and "2200/01" are not
// (lived mutants year.go:28:7 and 28:19, the bounds made exclusive).
func TestParseYearBounds(t *testing.T) {
	for s, want := range map[string]des.Year{"1900/01": 1900, "1900": 1900, "2199/00": 2199, "2199-00": 2199} {
		y, err := des.ParseYear(s)
		require.NoError(t, err, s)
		require.Equal(t, want, y, s)
	}
	y, err := des.ParseYear("2199/00")
	require.NoError(t, err)
	require.Equal(t, des.MustDate(2200, 3, 31), y.End())
	for _, s := range []string{"1899/00", "1899", "2200/01", "2200"} {
		_, err := des.ParseYear(s)
		require.ErrorIs(t, err, des.ErrBadYear, s)
		require.ErrorContains(t, err, "year out of range", s)
	}
}

// A rule set's Year is the year it was read for; a nil rule set's is 0
// (lived mutant ruleset.go:279:7, `r == nil` → `r != nil`).
func TestRuleSetYear(t *testing.T) {
	rs := hugeRules(t, 1, "1.50", "pcn")
	require.Equal(t, des.Year(2025), rs.Year())
	require.Equal(t, "2025/26", rs.Year().String())
	var none *des.RuleSet
	require.Equal(t, des.Year(0), none.Year())
}
