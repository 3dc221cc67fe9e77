package national_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/stretchr/testify/require"
)

// runCalls records the calls Run makes, in order, and each PCN's pennies
// by code.
type runCalls struct {
	calls    []string
	ent, sum map[string]int64
}

func (s *runCalls) Begin(_ *national.Report, rs *des.RuleSet) error {
	s.calls = append(s.calls, "begin "+rs.Year().String())
	return nil
}

func (s *runCalls) End(*national.Report, *national.Year) error {
	s.calls = append(s.calls, "end")
	return nil
}

func (s *runCalls) PCNs(_ *national.Report, _ des.Year, ps []national.PCN) error {
	s.calls = append(s.calls, fmt.Sprintf("pcns %d", len(ps)))
	if s.ent == nil {
		s.ent, s.sum = map[string]int64{}, map[string]int64{}
	}
	for _, p := range ps {
		s.ent[p.Row.Code], s.sum[p.Row.Code] = p.Entitlements, p.Sum
	}
	return nil
}

// noStaff is rosters with nobody on them.
func noStaff(t *testing.T) *national.Rosters {
	t.Helper()
	ros, _, err := national.ReadRosters("staff.csv", strings.NewReader("role,pcn_code,name,wte,start,annual_cost\n"),
		national.Codes{}, national.StaffOptions{})
	require.NoError(t, err)
	return ros
}

// Run's year begins before its first chunk with a PCN, or at its end when
// no PCN could be worked out; never for a year that fails before either.
// Bad rows are counted once, in the first year; a PCN that cannot be
// worked out is the error, or (SkipBad) left out and told.
func TestRunBeginsAYearAtItsFirstPCNOrItsEnd(t *testing.T) {
	rss := []*des.RuleSet{tinyRuleSet(t)}
	ros := noStaff(t)
	head := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n"
	const noWeighted = "list.csv:2: weighted: A1 (Alpha): no weighted figure, which 2022/23 arrs needs"

	// Two PCNs worked out, in pennies: A1 1.50 × 10,000 = £15,000.00 and
	// ARRS 16.696 × 12,000 = £200,352.00; B2 1.50 × 5,001 ÷ 12 = 625.125,
	// £625.13 a month, £7,501.56 a year, and ARRS 16.696 × 6,000.5 =
	// 100,184.348, £100,184.35.
	sink, rep := &runCalls{}, &national.Report{}
	list := head + "A1,Alpha,NHS Zed ICB,10000,12000,10000,0\n" + "B2,Beta,,5001,6000.5,5001,0\n"
	require.NoError(t, national.Run(rep, rss, ros, listOpt("list.csv", list), sink))
	require.Equal(t, []string{"begin 2022/23", "pcns 2", "end"}, sink.calls)
	require.Equal(t, map[string]int64{"A1": 1_500_000, "B2": 750_156}, sink.ent)
	require.Equal(t, map[string]int64{"A1": 20_035_200, "B2": 10_018_435}, sink.sum)
	require.Equal(t, int64(2_250_156), rep.Years[0].England.Entitlements) // 1,500,000 + 750,156
	require.Equal(t, int64(30_053_635), rep.Years[0].England.Sum)         // 20,035,200 + 10,018,435

	// One PCN with no weighted figure and one bad row (a negative count).
	opt := listOpt("list.csv", head+"A1,Alpha,,10000,,10000,0\n"+"B2,Beta,,-5,1,1,0\n")
	opt.SkipBad = true
	var told []string
	opt.LeftOut = func(y des.Year, err error) { told = append(told, y.String()+" "+err.Error()) }
	sink, rep = &runCalls{}, &national.Report{}
	require.NoError(t, national.Run(rep, rss, ros, opt, sink))
	require.Equal(t, []string{"begin 2022/23", "pcns 0", "end"}, sink.calls)
	require.Equal(t, 1, rep.BadRows) // B2
	require.Equal(t, []string{"2022/23 " + noWeighted}, told)
	require.Equal(t, []string{noWeighted}, rep.Years[0].LeftOut)
	require.Equal(t, 0, rep.Years[0].England.PCNs)

	// Without SkipBad the PCN is the error, and nothing is begun.
	sink = &runCalls{}
	err := national.Run(&national.Report{}, rss, ros, listOpt("list.csv", head+"A1,Alpha,,10000,,10000,0\n"), sink)
	require.EqualError(t, err, noWeighted)
	require.Empty(t, sink.calls)

	// A first chunk of PCNs that are all left out, then a row past the
	// limit: the chunk is handed on (empty), but the year never begins.
	var b strings.Builder
	b.WriteString(head)
	for i := range national.ChunkRows + 1 {
		fmt.Fprintf(&b, "L%d,Left %d,,100,,100,0\n", i, i)
	}
	opt = listOpt("list.csv", b.String())
	opt.SkipBad, opt.MaxRows = true, national.ChunkRows
	sink = &runCalls{}
	err = national.Run(&national.Report{}, rss, ros, opt, sink)
	require.ErrorContains(t, err, fmt.Sprintf("more than %d rows", national.ChunkRows))
	require.Equal(t, []string{"pcns 0"}, sink.calls)

	// A list of a chunk and one more PCN: begun before the first chunk.
	b.Reset()
	b.WriteString(head)
	for i := range national.ChunkRows + 1 {
		fmt.Fprintf(&b, "G%d,Good %d,,100,100,100,0\n", i, i)
	}
	sink, rep = &runCalls{}, &national.Report{}
	require.NoError(t, national.Run(rep, rss, ros, listOpt("list.csv", b.String()), sink))
	require.Equal(t, []string{"begin 2022/23", fmt.Sprintf("pcns %d", national.ChunkRows), "pcns 1", "end"}, sink.calls)
	// 4,097 PCNs of 100 patients: 1.50 × 100 = £150.00 each, £614,550.00 in all.
	require.Equal(t, int64(61_455_000), rep.Years[0].England.Entitlements)
}
