package scenario_test

// Issue 25: rules asserted through the front door (scenario.Run), each with
// its hand-worked figure.

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

func pharmacists1920(registered string) string {
	return `name = "Large PCN"
years = ["2019/20"]
[[practices]]
name = "A"
registered = ` + registered + `
weighted = 100000
adjusted = 100000
care_home_beds = 0
[[staff]]
name = "CP1"
role = "clinical_pharmacist"
wte = 1
start = 2019-07-01
annual_cost = 60000
[[staff]]
name = "CP2"
role = "clinical_pharmacist"
wte = 1
start = 2019-07-01
annual_cost = 60000
`
}

// 2019/20 funded one clinical pharmacist WTE, two for a PCN of "more than
// 100,000" patients (Pharmaceutical Journal): exactly 100,000 is one. Each
// costs £60,000, 70% = £42,000, above the £37,810 claim cap: £37,810 ÷ 12
// = £3,150.8333… → £3,150.83 a month, July-March 9 × = £28,357.47.
func TestExactly100000PatientsFundOnePharmacistIn2019(t *testing.T) {
	for reg, want := range map[string][2]string{
		"100000": {"28357.47", "0.00"},
		"100001": {"28357.47", "28357.47"},
	} {
		sc, err := scenario.Load("large.toml", []byte(pharmacists1920(reg)))
		require.NoError(t, err)
		f, err := scenario.Run(sc, []des.Year{2019}, mustAll(rates.All()), scenario.Options{})
		require.NoError(t, err)
		got := claims(f.Years[0].ARRS)
		require.Equal(t, want[0]+" of cost 45000.00", got["CP1"], "registered %s", reg) // cost 9 × £5,000
		require.Equal(t, want[1]+" of cost 45000.00", got["CP2"], "registered %s", reg)
	}
}

// April's pay is in the tax year starting 6 April (paid on the 15th): a
// physio on a £40,003 salary from April 2025 costs £3,333.58 pay + NI 15% ×
// (£3,333.58 − £417) = £437.487 → £437.49 + pension 14.38% × £3,333.58 =
// £479.368804 → £479.37 = £4,250.44 every month, April included (2024/25's
// 13.8% above £758 would give £4,168.38 in April); the year 12 × =
// £51,005.28, under the FCP maximum, so claimed in full.
func TestAprilSalaryCostThroughTheForecast(t *testing.T) {
	sc, err := scenario.Load("salary.toml", []byte(`name = "Salary PCN"
[[practices]]
name = "A"
registered = 30000
weighted = 30000
adjusted = 30000
care_home_beds = 0
[[staff]]
name = "Physio"
role = "first_contact_physiotherapist"
wte = 1
start = 2025-04-01
salary = 40003
`))
	require.NoError(t, err)
	salary, err := oncostFunc()
	require.NoError(t, err)
	f, err := scenario.Run(sc, []des.Year{2025}, mustAll(rates.All()), scenario.Options{SalaryCost: salary})
	require.NoError(t, err)
	s := f.Years[0].ARRS.Staff[0]
	require.Equal(t, "4250.44", s.CostMonths[0].Plain(), "April")
	require.Equal(t, "51005.28", s.Claim.Plain())
}

// The as-at date includes its own day for role maxima: the 2023/24 clinical
// pharmacist maximum rose from £59,312 to £62,340 from July, announced 2 June
// 2023. A pharmacist costing £90,000 from April claims 3 × £4,942.67 + 9 ×
// £5,195.00 = £61,583.01 as at 2 June 2023, 12 × £4,942.67 = £59,312.04 as
// at 1 June.
func TestForecastAsAtTheAnnouncementDay(t *testing.T) {
	sc, err := scenario.Load("asat.toml", []byte(`name = "As at PCN"
[[practices]]
name = "A"
registered = 30000
weighted = 30000
adjusted = 30000
care_home_beds = 0
[[staff]]
name = "CP"
role = "clinical_pharmacist"
wte = 1
start = 2023-04-01
annual_cost = 90000
`))
	require.NoError(t, err)
	for asAt, want := range map[des.Date]string{des.MustDate(2023, 6, 2): "61583.01", des.MustDate(2023, 6, 1): "59312.04"} {
		f, err := scenario.Run(sc, []des.Year{2023}, mustAll(rates.All()), scenario.Options{AsAt: asAt})
		require.NoError(t, err)
		require.Equal(t, want, f.Years[0].ARRS.Claims.Plain(), "as at %s", asAt)
	}
}
