package arrs_test

import (
	"fmt"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
)

func ExampleCalculate() {
	rs, err := rates.YearNamed("2024/25")
	if err != nil {
		panic(err)
	}
	pcn := des.PCN{Name: "Riverside PCN", Practices: []des.Practice{
		{Name: "Riverside Surgery", Registered: des.WholeNumber(20000), Weighted: des.WholeNumber(22000)},
		{Name: "Hill Street", Registered: des.WholeNumber(25000), Weighted: des.WholeNumber(28000)},
	}}
	one, _ := arrs.WTEOf(decimal.NewFromInt(1))
	roster := []arrs.Staff{{
		Name: "Physio", Role: "first_contact_physiotherapist", WTE: one,
		Start: des.MustDate(2024, 10, 1), AnnualCost: decimal.RequireFromString("65397.80"),
	}}
	r, err := arrs.Calculate(rs, pcn, roster, arrs.Options{})
	if err != nil {
		panic(err)
	}
	main, _ := r.Pot("main")
	fmt.Println("sum", main.Sum)
	fmt.Println("physio claims", r.Staff[0].Claim, "over", r.Staff[0].MonthsClaimed, "months")
	fmt.Println("headroom", main.Headroom)
	// Output:
	// sum £1,144,700.00
	// physio claims £32,698.92 over 6 months
	// headroom £1,112,001.08
}

func ExamplePlan_Afford() {
	rs, _ := rates.YearNamed("2025/26")
	plan, _ := arrs.Compile(rs, arrs.Options{})
	pcn := des.PCN{Name: "Small PCN", Practices: []des.Practice{{Name: "A", Registered: des.WholeNumber(9000), Weighted: des.WholeNumber(10000)}}}
	one, _ := arrs.WTEOf(decimal.NewFromInt(1))
	a, err := plan.Afford(pcn, nil, arrs.Hire{Role: "clinical_pharmacist", WTE: one, Start: des.MustDate(2025, 10, 1)})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.HeadroomBefore, a.ClaimPerWTE, a.MaxWTE)
	// Output:
	// £266,310.00 £34,705.02 7.67
}
