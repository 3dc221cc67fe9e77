package scenario_test

import (
	"fmt"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/scenario"
)

// An embedder's program: open a scenario file (its pharmacist is given by
// salary, costed by the embedded on-cost rules) and print a year's claims.
// The zero Options are the embedded rule sets and on-cost rules.
func ExampleOpen() {
	wb, err := scenario.Open("testdata/salaried.toml", scenario.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	yr, err := wb.Year(2025) // 2025/26
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range yr.ARRS.Staff {
		fmt.Println(s.Name, s.Claim)
	}
	fmt.Println("claims", yr.ARRS.Claims, "of", yr.ARRS.Sum)
	// Output:
	// Pharmacist A £63,939.48
	// Care coordinator B £14,400.00
	// claims £78,339.48 of £825,561.00
}

// What more can we afford? A paramedic with no start date or WTE given is
// 1 WTE in post from 1 April, so the claim is the year's cost of the post;
// from 1 October, half of it.
func ExampleWorkbook_Afford() {
	wb, err := scenario.Open("testdata/salaried.toml", scenario.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range []arrs.Hire{{Role: "paramedic"}, {Role: "paramedic", Start: des.MustDate(2025, 10, 1)}} {
		answers, err := wb.Afford(h, 2025)
		if err != nil {
			fmt.Println(err)
			return
		}
		a := answers[0].Answer
		fmt.Println(a.Start, a.Claim, a.HeadroomAfter, a.MaxWTE.StringFixed(2))
	}
	// Output:
	// 2025-04-01 £67,271.04 £679,950.48 11.10
	// 2025-10-01 £33,635.52 £713,586.00 22.21
}
