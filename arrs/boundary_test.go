package arrs_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

// Boundary dates, with the test rules (2023/24: claims from 1 July 2023;
// first contact physiotherapist maximum £62,340 from April and £65,838 from
// 1 October; pharmacist at 70% capped at one in post). Every figure is
// worked by hand in the comment beside it. A physio costing £60,000 (under
// both maxima) claims £5,000 a whole month; part months are £60,000 × days
// ÷ (12 × days in the month), rounded half-up.
func TestBoundaryDates(t *testing.T) {
	p := plan(t)
	cases := []struct {
		name       string
		start, end des.Date
		cost       int64
		months     map[int]string // month index (0 = April) → claim; others zero
		claim      string
	}{
		// Ends on the last day of a month: September is whole, October nothing.
		{"end on the last day of a month", d(2023, 7, 1), d(2023, 9, 30), 60000,
			map[int]string{3: "5000", 4: "5000", 5: "5000"}, "15000"},
		// Ends on the 1st: one day of October's 31 counts (the end date is
		// inclusive): 60,000 ÷ 372 = 161.2903… → £161.29.
		{"end on the 1st", d(2023, 7, 1), d(2023, 10, 1), 60000,
			map[int]string{3: "5000", 4: "5000", 5: "5000", 6: "161.29"}, "15161.29"},
		// Starts on 31 August: one day of August, then September–March whole:
		// £161.29 + 7 × £5,000.
		{"start on the 31st", d(2023, 8, 31), des.Date{}, 60000,
			map[int]string{4: "161.29", 5: "5000", 6: "5000", 7: "5000", 8: "5000", 9: "5000", 10: "5000", 11: "5000"}, "35161.29"},
		// Starts on 29 February 2024: one day of February's 29: 60,000 ÷ 348 =
		// 172.4137… → £172.41; March £5,000.
		{"start on 29 February", d(2024, 2, 29), des.Date{}, 60000,
			map[int]string{10: "172.41", 11: "5000"}, "5172.41"},
		// Ends on 29 February 2024: February is a whole month (8 × £5,000, July–February).
		{"end on 29 February", d(2023, 7, 1), d(2024, 2, 29), 60000,
			map[int]string{3: "5000", 4: "5000", 5: "5000", 6: "5000", 7: "5000", 8: "5000", 9: "5000", 10: "5000"}, "40000"},
		// Ends on 28 February 2024: 28 of 29 days: 60,000 × 28 ÷ 348 = 4,827.586… → £4,827.59.
		{"end on 28 February in a leap year", d(2024, 1, 1), d(2024, 2, 28), 60000,
			map[int]string{9: "5000", 10: "4827.59"}, "9827.59"},
		// A cost of £80,000 is above both maxima. Employed 16 September to 15
		// October, across the rise on 1 October: September 15/30 × 62,340 ÷ 12
		// = £2,597.50; October 15/31 × 65,838 ÷ 12 = 987,570 ÷ 372 = 2,654.7580… → £2,654.76.
		{"a maximum changing on the 1st, employed across it", d(2023, 9, 16), d(2023, 10, 15), 80000,
			map[int]string{5: "2597.50", 6: "2654.76"}, "5252.26"},
		// Whole months either side of the change: September £5,195, October £5,486.50.
		{"a maximum changing on the 1st, whole months", d(2023, 9, 1), d(2023, 10, 31), 80000,
			map[int]string{5: "5195", 6: "5486.50"}, "10681.50"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{staff("F", "first_contact_physiotherapist", "1", c.start, c.end, c.cost)})
			require.NoError(t, err)
			s := r.Staff[0]
			for m := 0; m < 12; m++ {
				want, ok := c.months[m]
				if !ok {
					want = "0"
				}
				requireMoney(t, want, s.Months[m].Decimal(), "month", m, s.Explain())
			}
			requireMoney(t, c.claim, s.Claim.Decimal(), s.Explain())
		})
	}
}

// A headcount cap of one counts who is in post in each month, with end
// dates inclusive: pharmacists at 70% of £50,000 claim £2,916.67 a month
// (35,000 ÷ 12 = 2,916.666…).
func TestBoundaryHeadcountCapHandOver(t *testing.T) {
	p := plan(t)
	// A leaves on 30 September, B starts on 1 October: no overlap, both claim.
	r, err := p.Calculate(pcn(40000, 50000), []arrs.Staff{
		staff("A", "clinical_pharmacist", "1", d(2023, 7, 1), d(2023, 9, 30), 50000),
		staff("B", "clinical_pharmacist", "1", d(2023, 10, 1), des.Date{}, 50000),
	})
	require.NoError(t, err)
	requireMoney(t, "8750.01", find(t, r, "A").Claim.Decimal(), "3 × 2,916.67")
	requireMoney(t, "17500.02", find(t, r, "B").Claim.Decimal(), "6 × 2,916.67")
	for _, b := range r.Breaches {
		require.NotEqual(t, arrs.ReasonCap, b.Rule, "%+v", b)
	}

	// A leaves on 1 October: A is in post on 1 October, so keeps October's
	// place (35,000 ÷ 372 = 94.086… → £94.09) and B is beyond the cap in
	// October, claiming November–March only.
	r, err = p.Calculate(pcn(40000, 50000), []arrs.Staff{
		staff("A", "clinical_pharmacist", "1", d(2023, 7, 1), d(2023, 10, 1), 50000),
		staff("B", "clinical_pharmacist", "1", d(2023, 10, 1), des.Date{}, 50000),
	})
	require.NoError(t, err)
	a, b := find(t, r, "A"), find(t, r, "B")
	requireMoney(t, "94.09", a.Months[6].Decimal(), a.Explain())
	requireMoney(t, "8844.10", a.Claim.Decimal(), "3 × 2,916.67 + 94.09")
	requireMoney(t, "0", b.Months[6].Decimal(), b.Explain())
	requireMoney(t, "14583.35", b.Claim.Decimal(), "5 × 2,916.67")
	requireReason(t, b, arrs.ReasonCap)
}

// ARRS maxima change only on the 1st of a month: a mid-month maximum is
// refused when the rules are loaded, naming the field.
func TestBoundaryMidMonthMaximumRefused(t *testing.T) {
	bad := `
year = "2023/24"
[arrs]
  [[arrs.role]]
  id = "first_contact_physiotherapist"
  name = "First contact physiotherapist"
  source = "test"
  url = "https://example.org/fcp"
  confidence = "confirmed"
    [[arrs.role.max]]
    from = 2023-10-16
    amount = "65838"
    source = "test"
    url = "https://example.org/fcp2"
    confidence = "confirmed"
`
	_, err := rulefile.Read("mid.toml", []byte(bad))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.ErrorContains(t, err, "first of a month")
}
