package des_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

// A rate changing on the 1st of a month against one changing mid-month,
// and one changing on 15 February 2024 (a 29-day February), each worked by
// hand. The lists differ (registered 1,000, weighted 1,001, adjusted
// 10,000) so each payment is pinned to its basis.
const boundaryRules = `
year = "2023/24"

[[payment]]
id = "on_the_first"
name = "Rate change on 1 October"
  [[payment.part]]
  basis = "adjusted"
    [[payment.part.value]]
    rate = "6.00"
    source = "test"
    url = "https://example.org/a"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "7.20"
    from = 2023-10-01
    source = "test"
    url = "https://example.org/b"
    confidence = "confirmed"

[[payment]]
id = "mid_month"
name = "Rate change on 16 October"
  [[payment.part]]
  basis = "adjusted"
    [[payment.part.value]]
    rate = "6.00"
    source = "test"
    url = "https://example.org/a"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "7.20"
    from = 2023-10-16
    source = "test"
    url = "https://example.org/b"
    confidence = "confirmed"

[[payment]]
id = "leap"
name = "Rate change on 15 February 2024"
  [[payment.part]]
  basis = "registered"
    [[payment.part.value]]
    rate = "12"
    source = "test"
    url = "https://example.org/c"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "24"
    from = 2024-02-15
    source = "test"
    url = "https://example.org/d"
    confidence = "confirmed"

[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "12"
    source = "test"
    url = "https://example.org/e"
    confidence = "confirmed"
    [[payment.part.value]]
    rate = "24"
    from = 2024-02-15
    source = "test"
    url = "https://example.org/f"
    confidence = "confirmed"
`

func TestEntitlementBoundaryDates(t *testing.T) {
	rs, err := rulefile.Read("boundary.toml", []byte(boundaryRules))
	require.NoError(t, err)
	pc := des.PCN{Name: "B", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(1000), Weighted: des.WholeNumber(1001), Adjusted: des.WholeNumber(10000), CareHomeBeds: des.WholeNumber(0)}}}
	e, err := des.Entitle(rs, pc, des.Options{})
	require.NoError(t, err)

	// On the 1st: April–September £6 × 10,000 ÷ 12 = £5,000; October–March
	// £7.20 × 10,000 ÷ 12 = £6,000. Year 6 × 5,000 + 6 × 6,000 = £66,000.
	a, _ := e.Payment("on_the_first")
	requireMoney(t, "5000", a.Months[5])
	requireMoney(t, "6000", a.Months[6])
	requireMoney(t, "66000", a.Total)

	// Mid-month: October is 15 days at £6 and 16 at £7.20:
	// (6 × 15 + 7.2 × 16) × 10,000 ÷ (31 × 12) = 2,052,000 ÷ 372 = 5,516.129… → £5,516.13.
	// Year 6 × 5,000 + 5,516.13 + 5 × 6,000 = £65,516.13.
	b, _ := e.Payment("mid_month")
	requireMoney(t, "5000", b.Months[5])
	requireMoney(t, "5516.13", b.Months[6])
	requireMoney(t, "6000", b.Months[7])
	requireMoney(t, "65516.13", b.Total)
	require.Len(t, b.Parts[0].Rates, 2)
	require.Equal(t, "2023-10-15", b.Parts[0].Rates[0].To.String())
	require.Equal(t, "2023-10-16", b.Parts[0].Rates[1].From.String())

	// 29-day February: 14 days at £12 and 15 at £24 on 1,000 registered:
	// (12 × 14 + 24 × 15) × 1,000 ÷ (29 × 12) = 528,000 ÷ 348 = 1,517.241… → £1,517.24;
	// April–January 10 × £1,000, March £2,000: year £13,517.24.
	c, _ := e.Payment("leap")
	requireMoney(t, "1000", c.Months[9])
	requireMoney(t, "1517.24", c.Months[10])
	requireMoney(t, "2000", c.Months[11])
	requireMoney(t, "13517.24", c.Total)

	// The ARRS sum on 1,001 weighted, rounded once: 10 × 1,001 + 528 × 1,001 ÷ 348
	// + 24 × 1,001 ÷ 12 = 10,010 + 1,518.7586… + 2,002 = 13,530.7586… → £13,530.76.
	s, ok := e.ARRSSum("main")
	require.True(t, ok)
	requireMoney(t, "13530.76", s.Total)
}
