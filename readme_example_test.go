package pcnfin_test

import (
	"fmt"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
)

// readme is the code of the README's "As a library" section, as written
// there; Example runs it, so the README compiles and its output is checked.
func readme() error {
	rs, err := rates.Parse("2024/25") // the embedded, validated rule set
	if err != nil {
		return err
	}
	pcn := des.PCN{Name: "Riverside PCN", Practices: []des.Practice{{Name: "Riverside Surgery",
		Registered: des.WholeNumber(20000), Weighted: des.WholeNumber(22000), Adjusted: des.WholeNumber(21000),
		CareHomeBeds: des.WholeNumber(0)}}} // a figure left out is an error naming it, never a zero
	e, err := des.Entitle(rs, pcn, des.Options{}) // network entitlements
	if err != nil {
		return err
	}
	for _, a := range e.Payments {
		fmt.Println(a.ID, des.Pounds(a.Total)) // a.Explain(): the arithmetic and sources
	}
	one, err := arrs.WTEOf(decimal.NewFromInt(1))
	if err != nil {
		return err
	}
	physio := arrs.Staff{Name: "Physio", Role: "first_contact_physiotherapist", WTE: one,
		Start: des.MustDate(2024, 10, 1), AnnualCost: decimal.RequireFromString("65397.80")}
	r, err := arrs.Calculate(rs, pcn, []arrs.Staff{physio}, arrs.Options{})
	if err != nil {
		return err
	}
	fmt.Println(des.Pounds(r.Claims), des.Pounds(r.Headroom))
	return nil
}

func Example() {
	if err := readme(); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// core_pcn_funding £60,050.16
	// network_participation £38,742.00
	// enhanced_access £167,475.00
	// care_home_premium £0.00
	// capacity_access_support £68,208.00
	// capacity_access_improvement £29,232.00
	// £32,698.92 £499,635.08
}
