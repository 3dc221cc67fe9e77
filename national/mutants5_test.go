package national_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/national"
	"github.com/stretchr/testify/require"
)

// Year.Ranked keeps the Top PCNs by what they leave unclaimed, largest
// first, ties in list order, numbered from 1; a PCN that outranks the last
// of a full list takes its place (the list does not grow past Top).
//
// tinyRuleSet, no staff: each PCN's unclaimed is its whole ARRS sum,
// 16.696 × its weighted population. In list order:
//
//	A 1,000 → £16,696.00, C 1,000 → £16,696.00 (a tie with A, listed after it),
//	B 2,000 → £33,392.00, D   500 → £8,348.00, E 1,500 → £25,044.00.
//
// Every PCN: B, E, A, C, D. Top 3: B, E, A (E comes after the list is
// full of A, C, B and outranks C; D does not outrank C). Top 1: B.
func TestRunRanksTheTopWhenALaterPCNOutranksAFullList(t *testing.T) {
	rss := []*des.RuleSet{tinyRuleSet(t)}
	list := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n" +
		"A,Alpha,,1000,1000,1000,0\n" +
		"C,Gamma,,1000,1000,1000,0\n" +
		"B,Beta,,2000,2000,2000,0\n" +
		"D,Delta,,500,500,500,0\n" +
		"E,Epsilon,,1500,1500,1500,0\n"
	unclaimed := map[string]int64{"A": 1_669_600, "C": 1_669_600, "B": 3_339_200, "D": 834_800, "E": 2_504_400}
	for _, tc := range []struct {
		top  int
		want []string
	}{
		{-1, []string{"B", "E", "A", "C", "D"}},
		{0, []string{"B", "E", "A", "C", "D"}}, // DefaultTop, 10
		{5, []string{"B", "E", "A", "C", "D"}},
		{3, []string{"B", "E", "A"}},
		{2, []string{"B", "E"}},
		{1, []string{"B"}},
	} {
		opt := listOpt("list.csv", list)
		opt.Top = tc.top
		rep := &national.Report{}
		require.NoError(t, national.Run(rep, rss, noStaff(t), opt, discard{}))
		var got []string
		for i, r := range rep.Years[0].Ranked {
			require.Equal(t, i+1, r.Rank, "Top %d", tc.top)
			require.Equal(t, unclaimed[r.Code], r.Unclaimed, "Top %d: %s", tc.top, r.Code)
			require.Equal(t, unclaimed[r.Code], r.Sum, "Top %d: %s", tc.top, r.Code)
			got = append(got, r.Code)
		}
		require.Equal(t, tc.want, got, "Top %d", tc.top)
	}
}

// TotalsExact is true when the plan's Totals hold every payment and each
// ARRS sum in a pot of its own, as in tinyRuleSet (core funding, one ARRS
// sum in pot main): RollUp then adds the fast path's Totals. Two ARRS sums
// in one pot cannot be told apart in Totals (one sum a pot), so TotalsExact
// is false and RollUp adds each PCN's explained payments instead, each sum
// its own figure.
//
// A1, 10,000 registered, 12,000 weighted: core 1.50 × 10,000 = £15,000.00;
// ARRS 16.696 × 12,000 = £200,352.00; a second ARRS sum in pot main of
// 2.00 a registered patient, 2.00 × 10,000 = £20,000.00; ARRS sums
// £220,352.00 in all.
func TestRollUpStreamTotalsExactOnlyForOneSumAPot(t *testing.T) {
	plan, err := arrs.Compile(tinyRuleSet(t), arrs.Options{})
	require.NoError(t, err)
	require.True(t, national.NewRollUpStream(plan).TotalsExact(), "core funding and one ARRS sum in pot main")

	rs, err := rulefile.Read("two.toml", []byte(tinyRules+`
[[payment]]
id = "arrs_extra"
name = "A second ARRS sum"
kind = "arrs_sum"
pot = "main"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "2.00"
    source = "test"
    url = "https://example.org/extra"
    confidence = "single"
`))
	require.NoError(t, err)
	plan, err = arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	require.False(t, national.NewRollUpStream(plan).TotalsExact(), "two ARRS sums in pot main")

	list := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n" +
		"A1,Alpha,NHS Zed ICB,10000,12000,10000,0\n"
	rep := national.Rollups{}
	require.NoError(t, national.RollUp(&rep, []*des.RuleSet{rs}, listOpt("list.csv", list), &callSink{}))
	y := rep.Years[0]
	want := map[string]string{"core_pcn_funding": "15000.00", "arrs": "200352.00", "arrs_extra": "20000.00"}
	require.Len(t, y.ByPayment, len(want))
	for _, p := range y.ByPayment {
		requireMoney(t, want[p.ID], p.Amount, p.ID)
	}
	requireMoney(t, "15000.00", y.England.Entitlements)
	requireMoney(t, "220352.00", y.England.ARRSSum) // 200,352.00 + 20,000.00
}

// bigCoreRules is a year paying core funding of £1,000,000 a registered
// patient (the largest rate a rule set may give) and an ARRS sum of £1.00
// a weighted patient.
const bigCoreRules = `year = "2022/23"

[[payment]]
id = "core_pcn_funding"
name = "Core PCN funding"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "1000000"
    source = "test"
    url = "https://example.org/core"
    confidence = "confirmed"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1.00"
    source = "test"
    url = "https://example.org/arrs"
    confidence = "single"
`

// A national total past int64 pennies is an error naming the total that
// overflows: England's when each PCN is in an ICB of its own (no ICB's
// total comes near the limit).
//
// Each PCN has 96,000,000 patients: core funding £1,000,000 × 96,000,000 =
// £96,000,000,000,000 a year, £8,000,000,000,000.00 a month exactly, so
// 9,600,000,000,000,000 pennies a PCN. The largest int64 is
// 9,223,372,036,854,775,807: 960 PCNs make 9,216,000,000,000,000,000,
// which fits; the 961st (S960, on line 962) would make
// 9,225,600,000,000,000,000, which does not. Its ICB's total is its own
// 9,600,000,000,000,000 pennies.
func TestRollUpOverflowNamesEnglandsTotal(t *testing.T) {
	rs, err := rulefile.Read("big.toml", []byte(bigCoreRules))
	require.NoError(t, err)
	var b strings.Builder
	b.WriteString("pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "S%d,PCN %d,ICB%d,96000000,96000000,96000000,0\n", i, i, i)
	}
	for _, explain := range []bool{false, true} {
		opt := listOpt("list.csv", b.String())
		opt.Explain, opt.MaxRows = explain, 2000
		err := national.RollUp(&national.Rollups{}, []*des.RuleSet{rs}, opt, &callSink{})
		require.ErrorIs(t, err, arrs.ErrOverflow, "explain %v", explain)
		require.Regexp(t, `^list\.csv:962: England entitlements: S960 \(PCN 960\): England entitlements with this PCN added is more than £92,233,720,368,547,758\.07`,
			err.Error(), "explain %v", explain)
	}
}
