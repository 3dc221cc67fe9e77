package rates_test

import (
	"fmt"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
)

func ExampleYear() {
	rs, err := rates.Year(des.Year(2024))
	if err != nil {
		panic(err)
	}
	ea, _ := rs.Payment("enhanced_access")
	for _, v := range ea.Parts[0].Values {
		fmt.Println(v.Rate, "from", v.From, "announced", v.Announced, "["+string(v.Source.Confidence)+"]")
	}
	fmt.Println("in force:", ea.Parts[0].InForce(des.Date{})[0].Rate)
	// Output:
	// 7.674 from 2024-04-01 announced 2024-03-28 [confirmed]
	// 7.975 from 2024-04-01 announced 2024-09-26 [confirmed]
	// in force: 7.975
}

func ExampleYears() {
	fmt.Println(rates.Years())
	_, err := rates.YearNamed("2031/32")
	fmt.Println(err != nil)
	// Output:
	// [2019/20 2020/21 2021/22 2022/23 2023/24 2024/25 2025/26 2026/27]
	// true
}
