package rulefile_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// testRules is a small rule set (a copy of des's entitle_test.go fixture).
const testRules = `
year = "2022/23"

[[payment]]
id = "core_pcn_funding"
name = "Core PCN funding"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "1.50"
    source = "test"
    url = "https://example.org/core"
    confidence = "confirmed"

[[payment]]
id = "network_participation"
name = "Network Participation Payment"
paid_to = "practice"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "1.761"
    source = "test"
    url = "https://example.org/npp"
    confidence = "confirmed"

[[payment]]
id = "extended_hours_access"
name = "Extended hours access"
  [[payment.part]]
  basis = "registered"
  stated = "period"
  from = 2022-04-01
  to = 2022-09-30
    [[payment.part.value]]
    rate = "0.720"
    source = "test"
    url = "https://example.org/eha"
    confidence = "confirmed"

[[payment]]
id = "enhanced_access"
name = "Enhanced access"
  [[payment.part]]
  basis = "adjusted"
    [[payment.part.value]]
    rate = "7.00"
    from = 2022-04-01
    announced = 2022-03-01
    source = "test original"
    url = "https://example.org/ea"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "8.00"
    from = 2022-04-01
    announced = 2022-09-26
    source = "test revision"
    url = "https://example.org/ea2"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "9.00"
    from = 2022-10-16
    source = "test mid-month change"
    url = "https://example.org/ea3"
    confidence = "uncertain"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "16.696"
    source = "test"
    url = "https://example.org/arrs"
    confidence = "single"
`

func testPCN() des.PCN {
	return des.PCN{Name: "Test PCN", Practices: []des.Practice{
		{Name: "A", Registered: des.WholeNumber(20000), Weighted: des.MustParseNumber("20000.5"), Adjusted: des.WholeNumber(19000), CareHomeBeds: des.WholeNumber(10)},
		{Name: "B", Registered: des.WholeNumber(25000), Weighted: des.MustParseNumber("29999.5"), Adjusted: des.WholeNumber(26000), CareHomeBeds: des.WholeNumber(0)},
	}}
}

func checkEntitlementInvariants(t *testing.T, e des.Entitlements) {
	t.Helper()
	total := decimal.Zero
	for _, p := range e.Payments {
		sum := decimal.Zero
		for _, m := range p.Months {
			if m.IsNegative() {
				t.Fatalf("%s: negative month %s", p.ID, m)
			}
			sum = sum.Add(m.Decimal())
		}
		if !sum.Equal(p.Total.Decimal()) {
			t.Fatalf("%s: months %s ≠ amount %s", p.ID, sum, p.Total)
		}
		parts := decimal.Zero
		for _, pa := range p.Parts {
			parts = parts.Add(pa.Amount.Decimal())
		}
		if !parts.Equal(p.Total.Decimal()) {
			t.Fatalf("%s: parts %s ≠ amount %s", p.ID, parts, p.Total)
		}
		total = total.Add(p.Total.Decimal())
	}
	if !total.Equal(e.Total.Decimal()) {
		t.Fatalf("payments %s ≠ total %s", total, e.Total)
	}
}
