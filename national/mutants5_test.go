package national_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
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
