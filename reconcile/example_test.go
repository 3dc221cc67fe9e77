package reconcile_test

import (
	"fmt"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/reconcile"
	"github.com/shopspring/decimal"
)

// A PCN due £100.00 of core funding a month (in reconcile.DueFrom's shape,
// built here by hand) was paid £90.00 for April to June, then £30.00 of
// arrears for them in July: each of those months is paid in full with
// arrears, not July overpaid. August is missing.
func Example() {
	due := reconcile.Due{Year: des.Year(2025), PCN: "Example PCN", Payments: []string{"core_pcn_funding"}}
	for m := 0; m < 5; m++ {
		due.Lines = append(due.Lines, reconcile.DueLine{Payment: "core_pcn_funding",
			Month: reconcile.FirstMonth(due.Year).Add(m), Amount: decimal.RequireFromString("100.00")})
	}
	paid, err := reconcile.ReadPaid("paid.csv", strings.NewReader(`paid,payment,type,for,amount
2025-04,core,,,90.00
2025-05,core,,,90.00
2025-06,core,,,90.00
2025-07,core,,,100.00
2025-07,core,arrears,2025-04..2025-06,30.00
2025-08,core,,,0.00
`), due, reconcile.DefaultTiming(reconcile.DefaultARRSLag))
	if err != nil {
		fmt.Println(err)
		return
	}
	res := reconcile.Reconcile(due, paid, reconcile.Options{AsOf: reconcile.Month{Year: 2025, Month: 9}})
	for _, r := range res.Rows {
		fmt.Println(r.Month, r.Due.StringFixed(2), r.Paid.StringFixed(2), r.Difference.StringFixed(2), r.Status)
	}
	fmt.Println("year", res.Total.Difference.StringFixed(2))
	// Output:
	// 2025-04 100.00 100.00 0.00 arrears
	// 2025-05 100.00 100.00 0.00 arrears
	// 2025-06 100.00 100.00 0.00 arrears
	// 2025-07 100.00 100.00 0.00 ok
	// 2025-08 100.00 0.00 -100.00 missing
	// year -100.00
}

// ReadPaid names every bad row by line and column.
func ExampleReadPaid() {
	due := reconcile.Due{Year: des.Year(2025), PCN: "Example PCN", Payments: []string{"core_pcn_funding"}}
	_, err := reconcile.ReadPaid("paid.csv", strings.NewReader("paid,payment,amount\n2025-04,core,ten pounds\n2025-05,coer,10.00\n"),
		due, reconcile.Timing{})
	fmt.Println(err)
	// Output:
	// paid.csv:2:3: amount: "ten pounds" is not an amount: want pounds with at most two decimal places, like 1234.56 or £1,234.56
	// paid.csv:3:2: payment: unknown payment "coer": 2025/26 has core_pcn_funding (or the short names core, npp, ea, chp, casp, caip, cd)
}
