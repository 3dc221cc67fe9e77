package scenario_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

// Issue 20: the obvious embedding, LoadFile then Year with zero Options,
// works for a staff line given by salary: the embedded on-cost rules are
// the default (it failed with "no on-cost rules").
func TestZeroOptionsCostSalaries(t *testing.T) {
	sc, err := scenario.LoadFile("testdata/salaried.toml")
	require.NoError(t, err)
	yr, err := sc.Year(2025, mustAll(rates.All()), scenario.Options{})
	require.NoError(t, err)
	require.Equal(t, "63939.48", yr.ARRS.Staff[0].Claim.Plain())
}

// The zero Workbook and a nil one give errors, never a panic; New refuses a
// nil scenario and a role no rule set knows.
func TestWorkbookZeroAndBad(t *testing.T) {
	for _, wb := range []*scenario.Workbook{nil, {}} {
		_, err := wb.Year(2025)
		require.ErrorIs(t, err, des.ErrMissing)
		_, err = wb.Forecast()
		require.ErrorIs(t, err, des.ErrMissing)
		_, err = wb.Afford(arrs.Hire{Role: "paramedic"})
		require.ErrorIs(t, err, des.ErrMissing)
		_, err = wb.Compare(2024, 2025)
		require.ErrorIs(t, err, des.ErrMissing)
		_, err = wb.RuleSets()
		require.ErrorIs(t, err, des.ErrMissing)
		require.Nil(t, wb.Scenario())
		require.Len(t, wb.Years(), 1)
	}
	_, err := scenario.New(nil, scenario.Options{})
	require.ErrorIs(t, err, des.ErrMissing)
	_, err = scenario.Read("typo.toml", []byte(`name = "P"
[[practices]]
name = "A"
registered = 1000
[[staff]]
name = "X"
role = "paramedik"
wte = 1
start = 2025-04-01
annual_cost = 40000
`), scenario.Options{})
	var fe *des.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "staff[0].role", fe.Field)
	require.Contains(t, fe.Msg, `unknown role "paramedik"`)
}

// Years: those asked, else the scenario's, else one (today's DES year).
func TestWorkbookYears(t *testing.T) {
	wb, err := scenario.Open("testdata/salaried.toml", scenario.Options{})
	require.NoError(t, err)
	require.Equal(t, []des.Year{rates.CurrentYear(rates.Today())}, wb.Years())
	require.Equal(t, []des.Year{2024, 2019}, wb.Years(2024, 2019))
	wb.Scenario().Years = []des.Year{2023}
	require.Equal(t, []des.Year{2023}, wb.Years())
}

// Afford: one hire, the same rule everywhere. No start: from 1 April of
// each year asked; a start before a year: in post all that year; a start
// after it: an error naming the start; no years asked: the start's year.
func TestWorkbookAffordStart(t *testing.T) {
	wb, err := scenario.Open("testdata/salaried.toml", scenario.Options{})
	require.NoError(t, err)
	as, err := wb.Afford(arrs.Hire{Role: "paramedic"}, 2025)
	require.NoError(t, err)
	require.Len(t, as, 1)
	require.Equal(t, des.MustDate(2025, 4, 1), as[0].Answer.Start)
	require.Equal(t, "67271.04", as[0].Answer.Claim.Plain())
	require.Equal(t, "1", as[0].Answer.WTE.String())

	oct := arrs.Hire{Role: "paramedic", Start: des.MustDate(2025, 10, 1)}
	as, err = wb.Afford(oct) // no years: 2025/26, the start's
	require.NoError(t, err)
	require.Len(t, as, 1)
	require.Equal(t, des.Year(2025), as[0].Year.Year)
	require.Equal(t, "33635.52", as[0].Answer.Claim.Plain())

	as, err = wb.Afford(oct, 2025, 2026) // 2025/26 from October, 2026/27 all year
	require.NoError(t, err)
	require.Len(t, as, 2)
	require.Equal(t, des.MustDate(2026, 4, 1), as[1].Answer.Start)
	require.Equal(t, as[1].Answer.ClaimPerWTE.String(), as[1].Answer.Claim.String())

	_, err = wb.Afford(oct, 2024)
	var fe *des.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "start", fe.Field)
	require.Contains(t, fe.Msg, "2025-10-01 is not in the DES year 2024/25")
}
