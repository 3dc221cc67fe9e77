package statement_test

import (
	"math/rand"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/pcnfin/pcnfin/statement"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func twelve(s string) []decimal.Decimal {
	out := make([]decimal.Decimal, 12)
	for i := range out {
		out[i] = decimal.RequireFromString(s)
	}
	return out
}

func twelveMoney(s string) []des.Money {
	out := make([]des.Money, 12)
	for i := range out {
		out[i] = des.MustMoney(s)
	}
	return out
}

func requireMoney(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	require.True(t, decimal.RequireFromString(want).Equal(got), "want £%s, got £%s %v", want, got.StringFixed(2), msg)
}

// A worked example by hand: three practices, two sharing bases, one
// retained cost, staff hosted by different practices.
func TestWorkedExample(t *testing.T) {
	pcn := des.PCN{Name: "Three", Practices: []des.Practice{
		{Name: "P1", Registered: des.WholeNumber(1000), Weighted: des.WholeNumber(1500), Adjusted: des.WholeNumber(1000), CareHomeBeds: des.WholeNumber(0)},
		{Name: "P2", Registered: des.WholeNumber(2000), Weighted: des.WholeNumber(1500), Adjusted: des.WholeNumber(2000), CareHomeBeds: des.WholeNumber(0)},
		{Name: "P3", Registered: des.WholeNumber(3000), Weighted: des.WholeNumber(3000), Adjusted: des.WholeNumber(3000), CareHomeBeds: des.WholeNumber(0)},
	}}
	yr := scenario.YearResult{Year: 2025, PCN: pcn,
		Entitlements: des.Entitlements{Payments: []des.Amount{
			{ID: "enhanced_access", PaidTo: des.PaidToPCN, Months: twelveMoney("1000.00"), Total: des.MustMoney("12000")},
			{ID: "care_home_premium", PaidTo: des.PaidToPCN, Months: twelveMoney("100.00"), Total: des.MustMoney("1200")},
			{ID: "network_participation", PaidTo: des.PaidToPractice, Months: twelveMoney("30.00"), Parts: []des.PartAmount{
				{Practice: "P1", Months: twelveMoney("7.50")}, {Practice: "P2", Months: twelveMoney("7.50")}, {Practice: "P3", Months: twelveMoney("15.00")}}},
		}},
		ARRS: arrs.Result{Months: monthRows("2900.00", "3000.00"), Staff: []arrs.StaffResult{
			{Name: "A", CostMonths: twelveMoney("2000.00"), Months: twelveMoney("1900.00")},
			{Name: "B", CostMonths: twelveMoney("1000.00"), Months: twelveMoney("1000.00")},
		}},
	}
	sh := scenario.Sharing{Basis: scenario.ShareRegistered,
		Payments: map[string]scenario.ShareBasis{"care_home_premium": scenario.ShareEqual},
		Retained: []scenario.Retained{{Name: "Clinical director", Annual: decimal.NewFromInt(1000)}},
		Staff: map[string]scenario.StaffShare{
			"A": {Employer: "P2"},
			"B": {CostBasis: scenario.ShareEqual, ClaimBasis: scenario.ShareWeighted},
		}}
	st, err := statement.Build(yr, sh)
	require.NoError(t, err)
	p := func(name string) statement.Practice {
		pr, ok := st.Practice(name)
		require.True(t, ok)
		return pr
	}
	month := func(pr statement.Practice, k statement.Kind, id string) decimal.Decimal {
		l, ok := pr.Line(k, id)
		require.True(t, ok, "%s %s %s", pr.Name, k, id)
		return l.Months[0]
	}
	// Enhanced access £1,000.00 a month on registered lists 1:2:3:
	// 100,000p × 1/6 = 16,666 r4; × 2/6 = 33,333 r2; × 3/6 = 50,000 r0; one
	// penny left goes to the largest remainder (P1): 166.67, 333.33, 500.00.
	requireMoney(t, "166.67", month(p("P1"), statement.Income, "enhanced_access"))
	requireMoney(t, "333.33", month(p("P2"), statement.Income, "enhanced_access"))
	requireMoney(t, "500.00", month(p("P3"), statement.Income, "enhanced_access"))
	// Care home premium £100.00 equally: 3,333 r1 each; one penny left, the
	// remainders tie, so the first practice gets it: 33.34, 33.33, 33.33.
	requireMoney(t, "33.34", month(p("P1"), statement.Income, "care_home_premium"))
	requireMoney(t, "33.33", month(p("P2"), statement.Income, "care_home_premium"))
	// NPP stays with each practice: 7.50, 7.50, 15.00.
	requireMoney(t, "15.00", month(p("P3"), statement.OwnPay, "network_participation"))
	// Retained £1,000 a year: 100,000p ÷ 12 = 8,333.33 → 8,333p a month,
	// charged 1:2:3: 1,388 r5; 2,777 r4; 4,166 r3; two pennies left to P1
	// and P2: −13.89, −27.78, −41.66.
	requireMoney(t, "-13.89", month(p("P1"), statement.Retained, "Clinical director"))
	requireMoney(t, "-27.78", month(p("P2"), statement.Retained, "Clinical director"))
	requireMoney(t, "-41.66", month(p("P3"), statement.Retained, "Clinical director"))
	// A is employed by P2: the whole cost and the whole claim.
	requireMoney(t, "-2000.00", month(p("P2"), statement.Staff, "A"))
	requireMoney(t, "1900.00", month(p("P2"), statement.Claims, "A"))
	requireMoney(t, "0", month(p("P1"), statement.Staff, "A"))
	// B's cost £1,000.00 equally: −333.34, −333.33, −333.33; the claim
	// £1,000.00 on weighted lists 1,500:1,500:3,000 = 250.00, 250.00, 500.00.
	requireMoney(t, "-333.34", month(p("P1"), statement.Staff, "B"))
	requireMoney(t, "250.00", month(p("P1"), statement.Claims, "B"))
	requireMoney(t, "500.00", month(p("P3"), statement.Claims, "B"))
	// P1's month: 166.67 + 33.34 + 7.50 − 13.89 + 0 + 0 − 333.34 + 250.00 = 110.28.
	requireMoney(t, "110.28", p("P1").Net[0])
	requireMoney(t, "1323.36", p("P1").NetTotal) // 12 × 110.28
	// The PCN line is the sum of the practices, and equals the cash flow:
	// 1,000 + 100 + 30 + 1,900 + 1,000 − 2,000 − 1,000 − 83.33 = 946.67 a month.
	requireMoney(t, "946.67", st.PCN.Net[0])
	requireMoney(t, "946.67", st.CashFlow[0].Net)
	requireMoney(t, "11360.04", st.CashFlow[11].Cumulative)
	requireMoney(t, "11360.04", st.PCN.NetTotal)
}

// monthRows is the ARRS schedule's months with the same claim and cost.
func monthRows(claim, cost string) []arrs.MonthRow {
	var out []arrs.MonthRow
	for m := 0; m < 12; m++ {
		out = append(out, arrs.MonthRow{Month: "m", Claim: des.MustMoney(claim), Cost: des.MustMoney(cost)})
	}
	return out
}

func TestSplitRules(t *testing.T) {
	d := func(s ...string) []decimal.Decimal {
		var out []decimal.Decimal
		for _, x := range s {
			out = append(out, decimal.RequireFromString(x))
		}
		return out
	}
	got, err := statement.Split(100, d("1", "1", "1"))
	require.NoError(t, err)
	require.Equal(t, []int64{34, 33, 33}, got)
	got, _ = statement.Split(-100, d("1", "1", "1"))
	require.Equal(t, []int64{-34, -33, -33}, got)
	got, _ = statement.Split(7, d("0", "1", "0.5"))
	require.Equal(t, []int64{0, 5, 2}, got) // 4.67 r, 2.33 r: 4+2=6, one penny to the larger remainder (the second)
	_, err = statement.Split(10, d("0", "0"))
	require.ErrorIs(t, err, des.ErrInvalid)
	_, err = statement.Split(10, d("-1", "2"))
	require.ErrorIs(t, err, des.ErrInvalid)
	_, err = statement.Split(10, nil)
	require.ErrorIs(t, err, des.ErrInvalid)
}

// Properties over generated PCNs and bases: shares add up to the amount;
// reordering practices changes no share except among tied remainders;
// equal weights split evenly to the penny.
func TestSplitProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	for i := 0; i < 3000; i++ {
		n := 1 + rng.Intn(8)
		w := make([]decimal.Decimal, n)
		for k := range w {
			w[k] = decimal.New(rng.Int63n(5_000_000), -int32(rng.Intn(4)))
		}
		w[rng.Intn(n)] = decimal.NewFromInt(1 + rng.Int63n(90000))
		amt := rng.Int63n(10_000_000_00) - 1_000_000_00
		s, err := statement.Split(amt, w)
		require.NoError(t, err)
		var sum int64
		for _, x := range s {
			sum += x
		}
		require.Equal(t, amt, sum)
		// reversed order: each share within a penny, identical where weights differ from all others
		rw := make([]decimal.Decimal, n)
		for k := range w {
			rw[n-1-k] = w[k]
		}
		r, err := statement.Split(amt, rw)
		require.NoError(t, err)
		for k := range s {
			diff := s[k] - r[n-1-k]
			require.LessOrEqual(t, diff*diff, int64(1))
			unique := true
			for j := range w {
				if j != k && w[j].Equal(w[k]) {
					unique = false
				}
			}
			if unique && diff != 0 {
				// allowed only if remainders tie: exact share fractional parts equal
				// across some pair; check the share is floor or ceil of the exact share
				exact := decimal.NewFromInt(amt).Mul(w[k]).Div(sumW(w))
				require.True(t, decimal.NewFromInt(s[k]).Sub(exact).Abs().LessThan(decimal.NewFromInt(1)))
			}
		}
		eq := make([]decimal.Decimal, n)
		for k := range eq {
			eq[k] = decimal.NewFromInt(1)
		}
		e, _ := statement.Split(amt, eq)
		for k := 1; k < n; k++ {
			d := e[0] - e[k]
			require.True(t, d == 0 || d == 1 || d == -1, "equal weights split evenly")
		}
	}
}

func sumW(w []decimal.Decimal) decimal.Decimal {
	t := decimal.Zero
	for _, x := range w {
		t = t.Add(x)
	}
	return t
}

// The embedded example's statement: every line of the practices adds up to
// the PCN's, every month, and the PCN's net equals the cash flow's.
func TestEmbeddedExampleAddsUp(t *testing.T) {
	sc, err := scenario.Load("example.toml", []byte(exampleTOML))
	require.NoError(t, err)
	for _, y := range []des.Year{2024, 2025, 2026} {
		yr, err := sc.Year(y, mustAll(rates.All()), scenario.Options{})
		require.NoError(t, err)
		st, err := statement.Build(yr, sc.Sharing)
		require.NoError(t, err)
		for k, l := range st.PCN.Lines {
			for m := 0; m < 12; m++ {
				sum := decimal.Zero
				for _, p := range st.Practices {
					require.Equal(t, l.ID, p.Lines[k].ID)
					sum = sum.Add(p.Lines[k].Months[m])
				}
				require.True(t, sum.Equal(l.Months[m]), "%s %s month %d", l.Kind, l.ID, m)
			}
		}
		for m := 0; m < 12; m++ {
			require.True(t, st.PCN.Net[m].Equal(st.CashFlow[m].Net), "%s month %d: %s vs %s", y, m, st.PCN.Net[m], st.CashFlow[m].Net)
		}
		// Claims and costs come from the engine's months, not re-derived.
		for _, s := range yr.ARRS.Staff {
			l, ok := st.PCN.Line(statement.Claims, s.Name)
			require.True(t, ok)
			require.True(t, l.Total.Equal(s.Claim.Decimal()), s.Name)
			c, _ := st.PCN.Line(statement.Staff, s.Name)
			require.True(t, c.Total.Neg().Equal(s.Cost.Decimal()), s.Name)
		}
	}
}

const exampleTOML = `
name = "Example"
[sharing]
basis = "weighted"
  [[sharing.payment]]
  id = "care_home_premium"
  basis = "care_home_beds"
  [[sharing.retained]]
  name = "Clinical director"
  annual = 32000
[[practices]]
name = "A"
registered = 12000
weighted = 13250.5
adjusted = 12500
care_home_beds = 40
[[practices]]
name = "B"
registered = 15500
weighted = 15980.25
adjusted = 15710
care_home_beds = 62
[[staff]]
name = "Pharmacist"
role = "clinical_pharmacist"
wte = 1
start = 2023-04-01
annual_cost = 62000.22
employer = "B"
[[staff]]
name = "Link worker"
role = "social_prescribing_link_worker"
wte = 1
start = 2024-07-15
annual_cost = 36500
cost_basis = "equal"
claim_basis = "registered"
`
