package arrs_test

import (
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A batch's full results, made on request, are the explained path's: the
// same JSON, explanations included, for every PCN. (Both sides run the
// explained path: this holds the batch's bookkeeping, which PCN's result is
// which; 30 PCNs do that as well as 80 did. Issue 25.)
func TestBatchResultIsTheExplainedResult(t *testing.T) {
	_, plan := plan2425(t)
	nation := syntheticNation(30, 30)
	batch, err := plan.CalculateAll(nation)
	require.NoError(t, err)
	all, err := batch.Results()
	require.NoError(t, err)
	each := plan.CalculateEach(nation, 1)
	for i := range nation {
		one, err := batch.Result(i)
		require.NoError(t, err)
		want, err := json.Marshal(each[i])
		require.NoError(t, err)
		got, err := json.Marshal(one)
		require.NoError(t, err)
		require.JSONEq(t, string(want), string(got), "PCN %d", i)
		got, err = json.Marshal(all[i])
		require.NoError(t, err)
		require.JSONEq(t, string(want), string(got), "PCN %d (Results)", i)
		require.Equal(t, each[i].ARRS.Staff[0].Explain(), one.ARRS.Staff[0].Explain())
	}
	_, err = batch.Result(len(nation))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "PCN 30 of a batch of 30")
	require.Equal(t, arrs.Totals{}, batch.Totals(-1))
	require.Equal(t, arrs.Totals{}, batch.Totals(len(nation)), "one past the last PCN")
	require.NotEqual(t, arrs.Totals{}, batch.Totals(len(nation)-1), "the last PCN")
	require.NoError(t, batch.Err(len(nation)), "one past the last PCN")
	require.NoError(t, batch.Err(-1))
	require.Nil(t, batch.Staff(len(nation)))
	require.Same(t, plan, batch.Plan())
}

// The batch keeps its input rather than copying it; a result asked for
// after the input changed is refused, not made from the new input.
func TestBatchResultRefusesAChangedInput(t *testing.T) {
	_, plan := plan2425(t)
	nation := syntheticNation(3, 10)
	batch, err := plan.CalculateAll(nation)
	require.NoError(t, err)
	nation[1].Roster[0].AnnualCost = nation[1].Roster[0].AnnualCost.Add(decimal.NewFromInt(20_000))
	nation[2].PCN.Practices[0].Weighted = des.WholeNumber(1)
	_, err = batch.Result(0)
	require.NoError(t, err)
	for _, i := range []int{1, 2} {
		_, err = batch.Result(i)
		require.ErrorIs(t, err, des.ErrInvalid)
		require.Contains(t, err.Error(), fmt.Sprintf("PCN %d (PCN %d): its input changed", i, i))
	}
	_, err = batch.Results()
	require.ErrorIs(t, err, des.ErrInvalid)
}

// CalculateBatch works out every PCN it can; one that cannot be worked out
// has its error, no totals and no staff, and the others are as they would
// be alone.
func TestCalculateBatchKeepsGoing(t *testing.T) {
	_, plan := plan2425(t)
	nation := syntheticNation(4, 8)
	nation[2].Roster[3].Role = "astronaut"
	b := plan.CalculateBatch(nation, 2)
	require.Equal(t, 4, b.Len())
	require.ErrorIs(t, b.Err(2), des.ErrInvalid)
	require.Contains(t, b.Err(2).Error(), "astronaut")
	require.Nil(t, b.Staff(2))
	require.Zero(t, b.Totals(2).Entitlements)
	_, err := plan.CalculateAll(nation)
	require.ErrorContains(t, err, "PCN 2 (PCN 2): ")
	for _, i := range []int{0, 1, 3} {
		require.NoError(t, b.Err(i))
		alone, err := plan.CalculateAll(nation[i : i+1])
		require.NoError(t, err)
		require.Equal(t, alone.Totals(0), b.Totals(i))
		require.Equal(t, alone.Staff(0), b.Staff(i))
		require.Positive(t, b.Totals(i).Claimed())
	}
	// Its JSON is what it holds: pennies, reason codes and errors.
	raw, err := json.Marshal(b)
	require.NoError(t, err)
	var v struct {
		Year     string
		Payments []string
		Pots     []string
		PCNs     []struct {
			PCN    string
			Error  string
			Totals *arrs.Totals
			Staff  []struct {
				Name    string
				Role    string
				Months  []int64 `json:"months_pennies"`
				Costs   []int64 `json:"cost_months_pennies"`
				Reasons []arrs.Reason
			}
		}
	}
	require.NoError(t, json.Unmarshal(raw, &v))
	require.Equal(t, "2024/25", v.Year)
	require.Equal(t, plan.PaymentIDs(), v.Payments)
	require.Equal(t, []string{"main", "gp"}, v.Pots)
	require.Len(t, v.PCNs, 4)
	require.Contains(t, v.PCNs[2].Error, "astronaut")
	require.Nil(t, v.PCNs[2].Totals)
	for _, i := range []int{0, 1, 3} {
		require.Equal(t, nation[i].PCN.Name, v.PCNs[i].PCN)
		require.Equal(t, b.Totals(i), *v.PCNs[i].Totals)
		for k, sp := range b.Staff(i) {
			got := v.PCNs[i].Staff[k]
			require.Equal(t, nation[i].Roster[k].Name, got.Name)
			require.Equal(t, nation[i].Roster[k].Role, got.Role)
			require.Equal(t, sp.Months, got.Months)
			require.Equal(t, sp.CostMonths, got.Costs)
			require.Equal(t, sp.Reasons, got.Reasons)
		}
	}
	raw, err = json.Marshal(&arrs.Batch{})
	require.NoError(t, err)
	require.JSONEq(t, `{"year":"","payments":null,"pots":null,"pcns":[]}`, string(raw))
}

func ExampleBatch() {
	rs, err := rates.YearNamed("2024/25")
	if err != nil {
		panic(err)
	}
	plan, err := arrs.Compile(rs, arrs.Options{})
	if err != nil {
		panic(err)
	}
	one, _ := arrs.WTEOf(decimal.NewFromInt(1))
	half, _ := arrs.WTEOf(decimal.RequireFromString("0.5"))
	var in []arrs.PCNInput
	for i, list := range []int64{30000, 52000} {
		in = append(in, arrs.PCNInput{
			PCN: des.PCN{Name: fmt.Sprintf("PCN %c", 'A'+i), Practices: []des.Practice{{Name: "Surgery",
				Registered: des.WholeNumber(list), Weighted: des.WholeNumber(list), Adjusted: des.WholeNumber(list),
				CareHomeBeds: des.WholeNumber(0)}}},
			Roster: []arrs.Staff{
				{Name: "Pharmacist", Role: "clinical_pharmacist", WTE: one, Start: des.MustDate(2023, 1, 1),
					AnnualCost: decimal.NewFromInt(60000)},
				{Name: "Paramedic", Role: "paramedic", WTE: half, Start: des.MustDate(2024, 10, 1),
					AnnualCost: decimal.NewFromInt(80000)},
			},
		})
	}
	batch, err := plan.CalculateAll(in)
	if err != nil {
		panic(err)
	}
	// Pennies for every PCN, straight from the batch.
	for i := 0; i < batch.Len(); i++ {
		t := batch.Totals(i)
		fmt.Printf("%s: claims %s, ARRS sums %s\n", in[i].PCN.Name, money.Pounds(decimal.New(t.Claimed(), -2)),
			money.Pounds(decimal.New(t.Sums[0]+t.Sums[1], -2)))
	}
	para := batch.Staff(1)[1]
	fmt.Println("paramedic, April:", money.Pounds(decimal.New(para.Months[0], -2)), "October:",
		money.Pounds(decimal.New(para.Months[6], -2)), "cost in October:", money.Pounds(decimal.New(para.CostMonths[6], -2)))
	// The full result of one PCN, made when asked for.
	r, err := batch.Result(1)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.ARRS.Staff[1].Name, "claims", money.Pounds(r.ARRS.Staff[1].Claim.Decimal()), "at most",
		money.Pounds(r.ARRS.Staff[1].Maximum.Decimal()), "a year per WTE")
	// Output:
	// PCN A: claims £75,948.00, ARRS sums £725,910.00
	// PCN B: claims £75,948.00, ARRS sums £1,258,244.00
	// paramedic, April: £0.00 October: £2,658.00 cost in October: £3,333.33
	// Paramedic claims £15,948.00 at most £63,792.00 a year per WTE
}

// A change that keeps every total but moves a person's months is refused
// too: two paramedics on the same cost swap halves of the year (A April to
// September, B October to March, then the other way round), so the PCN's
// cost, claims and each person's year are as before, but each month is not
// (a lived mutant at batch.go:257 compared no month).
func TestBatchResultRefusesMovedMonths(t *testing.T) {
	_, plan := plan2425(t)
	mk := func(name string, from, to des.Date) arrs.Staff {
		return arrs.Staff{Name: name, Role: "paramedic", WTE: wte("1"), Start: from, End: to,
			AnnualCost: decimal.NewFromInt(60_000)}
	}
	in := syntheticNation(1, 0)
	in[0].Roster = []arrs.Staff{
		mk("A", des.MustDate(2024, 4, 1), des.MustDate(2024, 9, 30)),
		mk("B", des.MustDate(2024, 10, 1), des.MustDate(2025, 3, 31)),
	}
	batch, err := plan.CalculateAll(in)
	require.NoError(t, err)
	_, err = batch.Result(0)
	require.NoError(t, err)
	in[0].Roster[0].Start, in[0].Roster[0].End = des.MustDate(2024, 10, 1), des.MustDate(2025, 3, 31)
	in[0].Roster[1].Start, in[0].Roster[1].End = des.MustDate(2024, 4, 1), des.MustDate(2024, 9, 30)
	_, err = batch.Result(0)
	require.ErrorIs(t, err, des.ErrInvalid)
	require.ErrorContains(t, err, "its input changed")
}
