package statement_test

// Issue 25: retained amounts are paid in twelfths rounded half-up to the
// penny (the package rule), and a penny left over between equal remainders
// goes to the practice listed first (Split's rule), each worked by hand.

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/pcnfin/pcnfin/statement"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Retained £30,000.10 a year: 3,000,010p ÷ 12 = 250,000.83p → 250,001p =
// £2,500.01 a month (truncated it would be £2,500.00). Shared equally
// between two practices listed Zed then Ash: 125,000.5p each, 125,000p
// each and the penny left to the first listed (the remainders tie), so Zed
// −£1,250.01 and Ash −£1,250.00 a month; the year −£15,000.12 and
// −£15,000.00; the PCN's cash flow −£2,500.01 a month, −£30,000.12 a year.
func TestRetainedTwelfthsRoundHalfUpAndTiesGoFirst(t *testing.T) {
	pcn := des.PCN{Name: "Two", Practices: []des.Practice{
		{Name: "Zed", Registered: des.WholeNumber(5000), Weighted: des.WholeNumber(5000), Adjusted: des.WholeNumber(5000), CareHomeBeds: des.WholeNumber(0)},
		{Name: "Ash", Registered: des.WholeNumber(5000), Weighted: des.WholeNumber(5000), Adjusted: des.WholeNumber(5000), CareHomeBeds: des.WholeNumber(0)},
	}}
	// A payment with no months (nothing paid this year) shares nothing.
	yr := scenario.YearResult{Year: 2025, PCN: pcn, Entitlements: des.Entitlements{Payments: []des.Amount{
		{ID: "none_this_year", PaidTo: des.PaidToPCN}}}}
	sh := scenario.Sharing{Basis: scenario.ShareRegistered,
		Retained: []scenario.Retained{{Name: "Clinical director", Annual: decimal.RequireFromString("30000.10")}}}
	st, err := statement.Build(yr, sh)
	require.NoError(t, err)
	line := func(name string) statement.Line {
		p, ok := st.Practice(name)
		require.True(t, ok)
		l, ok := p.Line(statement.Retained, "Clinical director")
		require.True(t, ok)
		return l
	}
	require.Len(t, st.CashFlow, 12, "a DES year has twelve months")
	for m := 0; m < 12; m++ {
		requireMoney(t, "-1250.01", line("Zed").Months[m], "Zed month ", m)
		requireMoney(t, "-1250.00", line("Ash").Months[m], "Ash month ", m)
		requireMoney(t, "2500.01", st.CashFlow[m].Retained, "cash flow month ", m)
		requireMoney(t, "-2500.01", st.CashFlow[m].Net, "cash flow net month ", m)
	}
	zed, _ := st.Practice("Zed")
	requireMoney(t, "-15000.12", zed.NetTotal)
	requireMoney(t, "-30000.12", st.CashFlow[11].Cumulative)
	requireMoney(t, "-30000.12", st.PCN.NetTotal)
}

// Split's tie rule on its own: 101p by weights 2:1:2 is 40.4, 20.2, 40.4:
// 40 + 20 + 40 = 100, one penny left; the first and third remainders tie
// (0.4) above the second's (0.2), so the first listed gets it: 41, 20, 40.
// Negated for a cost: −41, −20, −40.
func TestSplitTieGoesToTheFirstListed(t *testing.T) {
	w := []decimal.Decimal{decimal.NewFromInt(2), decimal.NewFromInt(1), decimal.NewFromInt(2)}
	got, err := statement.Split(101, w)
	require.NoError(t, err)
	require.Equal(t, []int64{41, 20, 40}, got)
	got, err = statement.Split(-101, w)
	require.NoError(t, err)
	require.Equal(t, []int64{-41, -20, -40}, got)
}

// Sharing weights may have up to 12 decimal places (more is refused): 100p
// by 0.000000000001 : 0.000000000003 is 25p and 75p.
func TestSplitWeightsOfTwelvePlaces(t *testing.T) {
	got, err := statement.Split(100, []decimal.Decimal{decimal.New(1, -12), decimal.New(3, -12)})
	require.NoError(t, err)
	require.Equal(t, []int64{25, 75}, got)
	_, err = statement.Split(100, []decimal.Decimal{decimal.New(1, -13), decimal.New(3, -12)})
	require.ErrorIs(t, err, des.ErrInvalid)
}

// Through a scenario file and its forecast: clinical director pay retained
// at £100.07 a year is 10,007p ÷ 12 = 833.92p → 834p = £8.34 a month (not
// £8.33 truncated), all borne by the one practice: −£8.34 a month, −£100.08
// a year on its retained line and in the PCN's cash flow.
func TestRetainedFromAScenarioFile(t *testing.T) {
	sc, err := scenario.Load("one.toml", []byte(`name = "One"
[[practices]]
name = "Only"
registered = 8000
weighted = 8000
adjusted = 8000
care_home_beds = 0
[sharing]
basis = "registered"
  [[sharing.retained]]
  name = "Clinical director"
  annual = 100.07
`))
	require.NoError(t, err)
	f, err := scenario.Run(sc, []des.Year{2025}, mustAll(rates.All()), scenario.Options{})
	require.NoError(t, err)
	st, err := statement.Build(f.Years[0], sc.Sharing)
	require.NoError(t, err)
	p, ok := st.Practice("Only")
	require.True(t, ok)
	l, ok := p.Line(statement.Retained, "Clinical director")
	require.True(t, ok)
	requireMoney(t, "-8.34", l.Months[0])
	requireMoney(t, "-100.08", l.Total)
	requireMoney(t, "8.34", st.CashFlow[5].Retained)
}
