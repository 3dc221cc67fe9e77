package des_test

import (
	"fmt"
	"github.com/pcnfin/pcnfin/des/rulefile"

	"github.com/pcnfin/pcnfin/des"
)

func ExampleParseYear() {
	y, err := des.ParseYear("2024-25")
	if err != nil {
		panic(err)
	}
	fmt.Println(y, y.Start(), y.End(), y.ReferenceDate())
	_, err = des.ParseYear("2024/26")
	fmt.Println(err)
	// Output:
	// 2024/25 2024-04-01 2025-03-31 2024-01-01
	// bad DES year: "2024/26": a DES year runs April to March, so 2024 is followed by 25
}

func ExampleEntitle() {
	rs, err := rulefile.Read("example.toml", []byte(`
year = "2022/23"
[[payment]]
id = "core_pcn_funding"
name = "Core PCN funding"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "1.50"
    source = "Network Contract DES 2022/23, core PCN funding"
    url = "https://www.england.nhs.uk/gp/investment/gp-contract/network-contract-directed-enhanced-service-des/"
    confidence = "confirmed"
`))
	if err != nil {
		panic(err)
	}
	pcn := des.PCN{Name: "Riverside PCN", Practices: []des.Practice{
		{Name: "Riverside Surgery", Registered: des.WholeNumber(20000)},
		{Name: "Hill Street", Registered: des.WholeNumber(25000)},
	}}
	e, err := des.Entitle(rs, pcn, des.Options{})
	if err != nil {
		panic(err)
	}
	core, _ := e.Payment("core_pcn_funding")
	fmt.Println(core.Total)
	fmt.Println(core.Months[0])
	// Output:
	// £67,500.00
	// £5,625.00
}
