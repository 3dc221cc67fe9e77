package national

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
)

// costOnly's memo gives oncost's own figure for every pay and date, asked
// once or again, across tax years and their first days.
func TestCostOnlyMemoIsPayCost(t *testing.T) {
	o, err := rates.OnCosts()
	if err != nil {
		t.Fatal(err)
	}
	f, direct := costOnly(o), o.CarriedForward()
	pays := []string{"0", "0.01", "416.99", "417.00", "417.01", "2500.00", "3123.45", "5833.33", "12000.10", "1234.5", "99"}
	for d := des.MustDate(2022, 3, 1); d.Before(des.MustDate(2028, 5, 1)); d = d.AddDays(5) {
		for _, levy := range []bool{false, true} {
			for round := 0; round < 2; round++ {
				for _, s := range pays {
					pay := arrs.Pay{Amount: decimal.RequireFromString(s), Paid: d, Levy: levy}
					got, gerr := f(pay)
					want, werr := direct.PayCost(pay.Amount, d, oncost.Options{Levy: levy})
					if (gerr != nil) != (werr != nil) || (gerr == nil && got.Cost.String() != want.Total.String()) {
						t.Fatalf("%s on %s (levy %v, round %d): memo %v %v, PayCost %v %v", s, d, levy, round, got.Cost,
							gerr, want.Total, werr)
					}
				}
			}
		}
	}
}
