package rates_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Every year's ARRS maxima against the figures the sources give (national,
// £ per WTE a year; "from" is when each took effect). See the source of
// each in the rate table.
func TestARRSMaximaAgainstSources(t *testing.T) {
	type mx struct{ from, amount string }
	want := map[string]map[string][]mx{
		"2019/20": {
			"clinical_pharmacist":            {{"2019-07-01", "37810"}}, // the 70% share, stated as the most claimable
			"social_prescribing_link_worker": {{"2019-07-01", "34113"}},
		},
		"2020/21": {
			"clinical_pharmacist":            {{"2020-04-01", "55670"}},
			"pharmacy_technician":            {{"2020-04-01", "35389"}},
			"social_prescribing_link_worker": {{"2020-04-01", "35389"}},
			"care_coordinator":               {{"2020-04-01", "29135"}},
			"nursing_associate":              {{"2020-10-01", "29135"}},
			"trainee_nursing_associate":      {{"2020-10-01", "25671"}},
			"podiatrist":                     {{"2020-04-01", "53724"}},
			"occupational_therapist":         {{"2020-04-01", "53724"}},
		},
		"2021/22": {
			"advanced_practitioner": {{"2021-04-01", "62705"}},
			"care_coordinator":      {{"2021-04-01", "29726"}},
		},
		"2022/23": {
			"clinical_pharmacist":            {{"2022-04-01", "57318"}, {"2022-10-01", "59312"}},
			"social_prescribing_link_worker": {{"2022-04-01", "36428"}, {"2022-10-01", "38187"}},
			"pharmacy_technician":            {{"2022-10-01", "38187"}},
		},
		"2023/24": {
			"clinical_pharmacist":           {{"2023-04-01", "59312"}, {"2023-07-01", "62340"}},
			"first_contact_physiotherapist": {{"2023-04-01", "59312"}, {"2023-07-01", "62340"}},
			"pharmacy_technician":           {{"2023-04-01", "38187"}, {"2023-07-01", "40159"}},
			"care_coordinator":              {{"2023-04-01", "31746"}, {"2023-07-01", "33396"}},
		},
		"2024/25": {
			"clinical_pharmacist":     {{"2024-04-01", "62340"}, {"2024-10-01", "65838"}},
			"pharmacy_technician":     {{"2024-10-01", "42437"}},
			"advanced_practitioner":   {{"2024-10-01", "72141"}},
			"enhanced_practice_nurse": {{"2024-04-01", "60401"}},
			"general_practitioner":    {{"2024-10-01", "92462"}},
		},
		"2025/26": {
			"clinical_pharmacist":           {{"2025-04-01", "66972"}},
			"pharmacy_technician":           {{"2025-04-01", "43352"}},
			"new_to_general_practice_nurse": {{"2025-04-01", "43352"}},
			"general_practice_nurse":        {{"2025-04-01", "53319"}},
			"consultant_nurse":              {{"2025-04-01", "102683"}},
			"healthcare_support_worker":     {{"2025-04-01", "32159"}},
			"general_practitioner":          {{"2025-04-01", "105882"}},
		},
	}
	for year, roles := range want {
		rs, err := rates.YearNamed(year)
		require.NoError(t, err)
		rs = rs.SourcedOnly() // the figures as sourced, without the band model's
		for id, ms := range roles {
			r, ok := rs.ARRS().Role(id)
			require.True(t, ok, "%s %s", year, id)
			got := r.MaximaInForce(des.Date{})
			require.Len(t, got, len(ms), "%s %s: %+v", year, id, got)
			for i, m := range ms {
				require.Equal(t, m.from, got[i].From.String(), "%s %s", year, id)
				require.True(t, decimal.RequireFromString(m.amount).Equal(got[i].National), "%s %s from %s: got %s", year, id, m.from, got[i].National)
				require.NotEmpty(t, got[i].Source.URL)
			}
		}
	}
	// The 2019/20 pharmacist figure is the claim cap at 70%.
	rs, _ := rates.YearNamed("2019/20")
	cp, _ := rs.ARRS().Role("clinical_pharmacist")
	require.True(t, cp.MaximaInForce(des.Date{})[0].ClaimCap)
	require.Equal(t, "0.7", cp.Reimbursement.String())
	// GPs: claimable from 1 October 2024, from their own pot in 2024/25
	// only; London figures where sourced.
	rs, _ = rates.YearNamed("2024/25")
	gp, _ := rs.ARRS().Role("general_practitioner")
	require.Equal(t, "2024-10-01", gp.EligibleFrom.String())
	require.Equal(t, des.PotGP, gp.Pot)
	require.Equal(t, "95233", gp.Maxima[0].InnerLondon.String())
	rs, _ = rates.YearNamed("2025/26")
	gp, _ = rs.ARRS().Role("general_practitioner")
	require.Equal(t, des.PotMain, gp.Pot)
	// Mental health practitioners were funded 50:50 with the trust in
	// 2021/22 to 2023/24.
	for _, y := range []string{"2021/22", "2022/23", "2023/24"} {
		rs, _ := rates.YearNamed(y)
		mhp, ok := rs.ARRS().Role("mental_health_practitioner")
		require.True(t, ok, y)
		require.Equal(t, "0.5", mhp.Reimbursement.String(), y)
	}
	// Roles claimable only from a date: nursing associates from 1 October 2020.
	rs, _ = rates.YearNamed("2020/21")
	na, _ := rs.ARRS().Role("nursing_associate")
	require.Equal(t, "2020-10-01", na.EligibleFrom.String())
}
