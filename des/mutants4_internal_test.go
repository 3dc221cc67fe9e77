package des

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// abovePopulation is d > 100,000,000, and for a figure of one to six
// places, as Validate passes it, it answers without allocating (its doc);
// a figure written with more places, all trailing zeros, which Places
// counts as whole, is answered exactly too (lived mutants population.go:
// 138:36 ×2 and 138:39 ×2 at 4c38092: the fast path's bound of −6 places
// moved, negated or made +6).
func TestAbovePopulationExactAndWithoutAllocating(t *testing.T) {
	for s, above := range map[string]bool{
		"13250.5":           false, // a weighted list: 13,250.5 is below 100,000,000
		"99999999.999999":   false, // six places, 0.000001 below
		"100000000.000000":  false, // six places, equal: not more
		"100000000.000001":  true,  // six places, 0.000001 above
		"100000000.1":       true,
		"1.00000000000":     false, // 1, with eleven places of zeros
		"100000001.0000000": true,  // 100,000,001, with seven places of zeros
	} {
		d := decimal.RequireFromString(s)
		require.Equal(t, above, abovePopulation(d), s)
		if e := d.Exponent(); e >= -6 && e < 0 {
			if n := testing.AllocsPerRun(20, func() { _ = abovePopulation(d) }); n != 0 {
				t.Errorf("abovePopulation(%s): %v allocations, want none", s, n)
			}
		}
	}
	// Validate takes a weighted list of 1 written with eleven places of
	// zeros (it has no places that count).
	pcn := PCN{Name: "P", Practices: []Practice{{Name: "A", Weighted: MustParseNumber("1.00000000000")}}}
	require.Equal(t, int32(-11), pcn.Practices[0].Weighted.d.Exponent())
	require.NoError(t, pcn.Validate())
}
