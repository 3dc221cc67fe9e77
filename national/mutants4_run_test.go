package national_test

import (
	"errors"
	"github.com/pcnfin/pcnfin/arrs"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// twoPotRules is a 2023/24 year of two ARRS pots: the main sum, £2 a
// weighted patient, for first contact physiotherapists (a maximum of
// £62,340 a year, reimbursed in full up to it), and a GP sum, £1 a
// weighted patient, for GPs (a maximum of £92,462), both claimable from
// April.
const twoPotRules = `year = "2023/24"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "2"
    source = "test"
    url = "https://example.org/sum"
    confidence = "confirmed"

[[payment]]
id = "arrs_gp"
name = "GP sum"
kind = "arrs_sum"
pot = "gp"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1"
    source = "test"
    url = "https://example.org/gp"
    confidence = "confirmed"

[arrs]
claims_from = 2023-04-01

  [[arrs.role]]
  id = "first_contact_physiotherapist"
  name = "First contact physiotherapist"
  source = "test"
  url = "https://example.org/fcp"
  confidence = "confirmed"
    [[arrs.role.max]]
    amount = "62340"
    source = "test"
    url = "https://example.org/fcpmax"
    confidence = "confirmed"

  [[arrs.role]]
  id = "general_practitioner"
  name = "GP"
  pot = "gp"
  source = "test"
  url = "https://example.org/gp"
  confidence = "confirmed"
    [[arrs.role.max]]
    amount = "92462"
    source = "test"
    url = "https://example.org/gpmax"
    confidence = "confirmed"
`

// keepPCNs records each PCN Run hands on, by code.
type keepPCNs map[string]national.PCN

func (k keepPCNs) Begin(*national.Report, *des.RuleSet) error { return nil }
func (k keepPCNs) End(*national.Report, *national.Year) error { return nil }
func (k keepPCNs) PCNs(_ *national.Report, _ des.Year, ps []national.PCN) error {
	for _, p := range ps {
		k[p.Row.Code] = p
	}
	return nil
}

// runTwoPots runs a list against a staff file under twoPotRules.
func runTwoPots(t *testing.T, list, staff string, opt national.Options) (*national.Report, keepPCNs) {
	t.Helper()
	rs, err := rulefile.Read("two.toml", []byte(twoPotRules))
	require.NoError(t, err)
	codes, err := national.ListCodes("list.csv", stringsReader(list), national.PCNOptions{})
	require.NoError(t, err)
	ros, bad, err := national.ReadRosters("staff.csv", stringsReader(staff), codes, national.StaffOptions{})
	require.NoError(t, err)
	require.Empty(t, bad)
	o := listOpt("list.csv", list)
	opt.File, opt.Open = o.File, o.Open
	rep, keep := &national.Report{}, keepPCNs{}
	require.NoError(t, national.Run(rep, []*des.RuleSet{rs}, ros, opt, keep))
	return rep, keep
}

const (
	twoPotList  = "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n"
	twoPotStaff = "role,pcn_code,name,wte,start,annual_cost\n"
)

// A PCN's run-out month is the first month in which its claims to date
// pass a pot's sum, the earlier of its pots'; April when April's claims
// alone pass it.
func TestRunRunsOutAtTheEarliestPot(t *testing.T) {
	list := twoPotList +
		"P1,Both,NHS Zed ICB,3000,3000,3000,0\n" + // main £6,000.00, GP £3,000.00
		"P2,April,NHS Zed ICB,100,100,100,0\n" // main £200.00, GP £100.00
	staff := twoPotStaff +
		"first_contact_physiotherapist,P1,Fay,1,2023-04-01,12000.00\n" + // £1,000.00 a month
		"general_practitioner,P1,Gus,1,2023-04-01,24000.00\n" + // £2,000.00 a month
		"first_contact_physiotherapist,P2,Hal,1,2023-04-01,12000.00\n"
	_, keep := runTwoPots(t, list, staff, national.Options{})

	// P1: main claims to date £1,000 × 7 = £7,000.00 pass £6,000.00 in
	// October (£6,000.00 to September does not pass it); GP claims £2,000 ×
	// 2 = £4,000.00 pass £3,000.00 in May. The earlier: May.
	p1 := keep["P1"]
	require.Equal(t, "2023-05", p1.RunsOut)
	require.Equal(t, int64(300_000), p1.Months[0]) // £1,000.00 + £2,000.00
	require.Equal(t, int64(3_600_000), p1.Claims)  // £12,000.00 + £24,000.00
	require.Equal(t, int64(900_000), p1.Sum)       // £6,000.00 + £3,000.00
	// Over: £12,000 − £6,000 + £24,000 − £3,000 = £27,000.00; nothing unclaimed.
	require.Equal(t, int64(2_700_000), p1.Over)
	require.Equal(t, int64(0), p1.Unclaimed)

	// P2: April's £1,000.00 alone passes the main sum of £200.00.
	require.Equal(t, "2023-04", keep["P2"].RunsOut)
}

// With a pay uplift the rosters' costs are raised once a year after the
// base year: £12,000.00 in 2022/23 prices, 5% a year, is £12,600.00 in
// 2023/24 (£1,050.00 a month, under the £62,340 maximum, all claimed).
func TestRunRaisesRostersByThePayUplift(t *testing.T) {
	list := twoPotList + "P1,Alpha,NHS Zed ICB,10000,10000,10000,0\n" // main £20,000.00
	staff := twoPotStaff + "first_contact_physiotherapist,P1,Fay,1,2023-04-01,12000.00\n"
	opt := national.Options{Assumptions: scenario.Assumptions{PayUplift: decimal.NewFromInt(5), BaseYear: 2022}}
	_, keep := runTwoPots(t, list, staff, opt)
	require.Equal(t, int64(1_260_000), keep["P1"].Cost)
	require.Equal(t, int64(1_260_000), keep["P1"].Claims)
	require.Equal(t, int64(105_000), keep["P1"].Months[0])
}

// The ICBs come in name order; Ranked holds the Top PCNs by what they
// leave unclaimed, largest first, numbered from 1 (with nobody on the
// rosters a PCN leaves its whole sum: £2 + £1 a weighted patient).
func TestRunRanksTheTopPCNsAndNamesICBsInOrder(t *testing.T) {
	list := twoPotList +
		"P1,One,NHS Beta ICB,100,100,100,0\n" + // £300.00
		"P2,Two,NHS Alpha ICB,300,300,300,0\n" + // £900.00
		"P3,Three,NHS Beta ICB,200,200,200,0\n" // £600.00
	for _, tc := range []struct {
		top  int
		want []string // code: rank, unclaimed
	}{
		{1, []string{"P2 1 90000"}},
		{2, []string{"P2 1 90000", "P3 2 60000"}},
		{-1, []string{"P2 1 90000", "P3 2 60000", "P1 3 30000"}},
	} {
		rep, _ := runTwoPots(t, list, twoPotStaff, national.Options{Top: tc.top})
		y := rep.Years[0]
		var got []string
		for _, r := range y.Ranked {
			got = append(got, r.Code+" "+itoa(r.Rank)+" "+itoa(int(r.Unclaimed)))
		}
		require.Equal(t, tc.want, got, "top %d", tc.top)
		require.Len(t, y.ICBs, 2)
		require.Equal(t, "NHS Alpha ICB", y.ICBs[0].Name)
		require.Equal(t, int64(90_000), y.ICBs[0].Unclaimed) // P2
		require.Equal(t, "NHS Beta ICB", y.ICBs[1].Name)
		require.Equal(t, int64(90_000), y.ICBs[1].Unclaimed) // P1 £300.00 + P3 £600.00
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func itoa(n int) string { return strconv.Itoa(n) }

// TotalsExact: a plan's Totals give each payment and each ARRS sum in a
// pot of its own (tinyRules: core funding and one sum; twoPotRules: two
// sums in two pots), but not two ARRS sums in one pot.
func TestRollUpStreamTotalsExact(t *testing.T) {
	onePot := tinyRules + `
[[payment]]
id = "arrs_more"
name = "A second ARRS sum in the main pot"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1"
    source = "test"
    url = "https://example.org/more"
    confidence = "single"
`
	for _, tc := range []struct {
		name, rules string
		exact       bool
	}{{"tiny", tinyRules, true}, {"two pots", twoPotRules, true}, {"two sums in one pot", onePot, false}} {
		rs, err := rulefile.Read(tc.name+".toml", []byte(tc.rules))
		require.NoError(t, err, tc.name)
		plan, err := arrs.Compile(rs, arrs.Options{})
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.exact, national.NewRollUpStream(plan).TotalsExact(), tc.name)
	}
}

// A total that would pass the largest int64 is the stream's error, naming
// the PCN and the total: an ICB's ("ICB NHS Zed ICB entitlements") when
// the ICB's passes it, England's when only England's does.
func TestRollUpStreamNamesTheTotalThatOverflows(t *testing.T) {
	plan, err := arrs.Compile(tinyRuleSet(t), arrs.Options{})
	require.NoError(t, err)
	totals := func(ent int64) *arrs.Totals {
		return &arrs.Totals{Entitlements: ent, Payments: make([]int64, len(plan.PaymentIDs())),
			Sums: make([]int64, len(plan.Pots())), Claims: make([]int64, len(plan.Pots()))}
	}
	for _, tc := range []struct {
		icb2, what string
	}{
		{"NHS Zed ICB", "ICB NHS Zed ICB entitlements"}, // both in one ICB
		{"NHS Yew ICB", "England entitlements"},         // one each
	} {
		s := national.NewRollUpStream(plan)
		s.Add(&national.PCNRow{Line: 2, Code: "A1", Name: "Alpha", ICB: "NHS Zed ICB"}, totals(math.MaxInt64))
		require.NoError(t, s.Err())
		s.Add(&national.PCNRow{Line: 3, Code: "B2", Name: "Beta", ICB: tc.icb2}, totals(1))
		var fe *des.FieldError
		var oe *arrs.OverflowError
		require.True(t, errors.As(s.Err(), &fe), "%v", s.Err())
		require.True(t, errors.As(s.Err(), &oe))
		require.Equal(t, 3, fe.Line)
		require.Equal(t, tc.what, fe.Field)
		require.Equal(t, "B2 (Beta)", oe.PCN)
		require.Equal(t, tc.what+" with this PCN added", oe.What)
	}
}
