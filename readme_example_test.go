package pcnfin_test

import (
	"fmt"

	"github.com/pcnfin/pcnfin/scenario"
)

// readme is the code of the README's "As a library" section, as written
// there; Example runs it, so the README compiles and its output is checked.
func readme() error {
	wb, err := scenario.Open("scenario/testdata/salaried.toml", scenario.Options{}) // embedded rules, on-costs
	if err != nil {
		return err // names the file, line and field
	}
	yr, err := wb.Year(2025) // 2025/26: network entitlements and ARRS claims
	if err != nil {
		return err
	}
	for _, a := range yr.Entitlements.Payments {
		fmt.Println(a.ID, a.Total) // a.Explain(): the arithmetic and sources
	}
	for _, s := range yr.ARRS.Staff {
		fmt.Println(s.Name, s.Claim) // the pharmacist's salary gets its on-costs
	}
	fmt.Println(yr.ARRS.Claims, yr.ARRS.Headroom)
	return nil
}

func Example() {
	if err := readme(); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// core_pcn_funding £90,336.48
	// network_participation £54,591.00
	// enhanced_access £257,023.56
	// care_home_premium £0.00
	// capacity_access_support £97,844.04
	// capacity_access_improvement £41,937.48
	// Pharmacist A £63,939.48
	// Care coordinator B £14,400.00
	// £78,339.48 £747,221.52
}
