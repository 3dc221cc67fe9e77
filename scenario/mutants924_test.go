package scenario_test

// Lived mutants of gremlins' run at 924aec8 (docs/mutation.md), each killed
// by the behaviour its doc states; each was applied by hand and seen to fail.

import (
	"errors"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

// A misspelt practice first in a [[population]] (index 0) is reported on its
// own name, population[0].practices[0].name, with the practice it meant, not
// on the block's practice list as one left out (scenario.go 359, m.index < 0).
func TestPopulationMisspeltFirstPracticeNamesItself(t *testing.T) {
	text := strings.Replace(twoPractices, "adjusted = 12500\n", "adjusted = 12500\ncare_home_beds = 3\n", 1) + `
[[population]]
year = "2025/26"
  [[population.practices]]
  name = "north road"
  registered = 12100
  weighted = 13100
  adjusted = 12600
  care_home_beds = 3
  [[population.practices]]
  name = "South Street"
  registered = 9050
  weighted = 9600
  adjusted = 9150
  care_home_beds = 0
`
	_, err := scenario.Load("p.toml", []byte(text))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.NotErrorIs(t, err, des.ErrMissing)
	var fe *des.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	require.Equal(t, "population[0].practices[0].name", fe.Field)
	require.Equal(t, 18, fe.Line) // 13 lines of [[practices]], a blank, then line 18: name = "north road"
	require.Contains(t, fe.Msg, `practice "north road" in the 2025/26 population is not in [[practices]]`)
	require.Contains(t, fe.Msg, `did you mean "North Road"?`)
}

// A [[staff]] line is one person: 45 hours a week is 45 ÷ 37.5 = 1.2 WTE,
// refused on hours, the message naming the line ("Tech"); 37.5 hours (1 WTE) is accepted
// (scenario.go 488, len(ps) == 0 && given == 1).
func TestStaffLineOverFullTimeIsRefused(t *testing.T) {
	text := strings.Replace(goodScenario, "hours = 30\n", "hours = 45\n", 1)
	_, err := scenario.Load("s.toml", []byte(text))
	require.ErrorIs(t, err, des.ErrInvalid)
	var fe *des.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	require.Equal(t, "staff[1].hours", fe.Field)
	require.Equal(t, "\"Tech\": 1.2 WTE: a [[staff]] line is one person, who cannot work more than full time (1 WTE = 37.5 hours "+
		"or 9 GP sessions a week); give each person a line of their own", fe.Msg)

	sc, err := scenario.Load("s.toml", []byte(strings.Replace(goodScenario, "hours = 30\n", "hours = 37.5\n", 1)))
	require.NoError(t, err)
	require.Equal(t, "1", sc.Staff[1].WTE.String())
}

// New refuses a staff line whose role no rule set knows, naming it
// (staff[0].role, `unknown role "paramedik"; known roles: …`); CheckRoles of
// a nil scenario is nil (scenario.go 517, sc == nil). A scenario built in
// code is not checked against the role catalogue as Load is, so only
// CheckRoles stands between it and the rules.
func TestNewRefusesARoleNoRuleSetKnows(t *testing.T) {
	var none *scenario.Scenario
	require.NoError(t, none.CheckRoles(nil))

	sc, err := scenario.Load("s.toml", []byte(goodScenario))
	require.NoError(t, err)
	sc.Staff[0].Role = "paramedik"
	_, err = scenario.New(sc, scenario.Options{})
	require.ErrorIs(t, err, des.ErrInvalid)
	var fe *des.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	require.Equal(t, "staff[0].role", fe.Field)
	require.True(t, strings.HasPrefix(fe.Msg, `unknown role "paramedik"; known roles: `), fe.Msg)
	require.Error(t, sc.CheckRoles(rates.Roles()))
	require.NoError(t, sc.CheckRoles([]string{"paramedik", "pharmacy_technician", "general_practitioner"}))
}

// An employer bears the whole cost of a staff line: employer alone is
// accepted (StaffShare{Employer}); employer with cost_basis is refused on
// staff[2].cost_basis with the message below (sharing.go 267).
func TestEmployerAloneOrWithCostBasis(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(goodScenario+"employer = \"Riverside Surgery\"\n"))
	require.NoError(t, err)
	require.Equal(t, scenario.StaffShare{Employer: "Riverside Surgery"}, sc.Sharing.Staff["GP"])

	_, err = scenario.Load("s.toml", []byte(goodScenario+"employer = \"Riverside Surgery\"\ncost_basis = \"weighted\"\n"))
	require.ErrorIs(t, err, des.ErrInvalid)
	var fe *des.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	require.Equal(t, "staff[2].cost_basis", fe.Field)
	require.Equal(t, "GP has an employer, who bears the whole cost: give employer or cost_basis, not both", fe.Msg)
}

// Run returns an error that names its file as it is (it names the file,
// line and year already: "two.toml:2: …"), and prefixes the year to one
// that names no file (forecast.go 319, fe.File != "").
func TestRunErrorNamingItsFileIsNotPrefixedAgain(t *testing.T) {
	sc, err := scenario.Load("two.toml", []byte(twoPractices))
	require.NoError(t, err)
	_, err = scenario.Run(sc, []des.Year{2024}, mustAll(rates.All()), scenario.Options{})
	require.Error(t, err)
	require.True(t, strings.HasPrefix(err.Error(), "two.toml:2: practices[0].care_home_beds: "), err.Error())

	sc.File = "" // a scenario built in code: its field error names no file
	_, err = scenario.Run(sc, []des.Year{2024}, mustAll(rates.All()), scenario.Options{})
	require.Error(t, err)
	require.True(t, strings.HasPrefix(err.Error(), "2024/25: "), err.Error())
}

// A role that only the scenario's own rule set (OwnRules) claims is known to
// New: with own rules (built in code, as a rule file's roles must be in the
// catalogue that the embedded sets already cover) claiming my_pharmacist, a
// staff line of that role gets through; without them it is refused
// (open.go 68).
func TestNewKnowsTheRolesOfTheScenariosOwnRules(t *testing.T) {
	own := des.NewRuleSet(des.Contents{Year: 2024, ARRS: des.ARRSRules{Roles: []des.Role{{ID: "my_pharmacist"}}}})
	sc, err := scenario.Load("s.toml", []byte(goodScenario))
	require.NoError(t, err)
	sc.Staff[0].Role = "my_pharmacist"
	_, err = scenario.New(sc, scenario.Options{})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), `unknown role "my_pharmacist"`)
	sc.OwnRules = own
	_, err = scenario.New(sc, scenario.Options{})
	require.NoError(t, err)
}

// Where names a field as file:line, its table's line when the key is absent,
// the file alone when neither is in the file, and "scenario" for a scenario
// with no file: never a line 0 (forecast.go 278, l > 0). In goodScenario the
// second [[staff]] table is line 18 and its hours line 21.
func TestWhereNeverNamesLineZero(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(goodScenario))
	require.NoError(t, err)
	require.Equal(t, "s.toml:21", sc.Where("staff[1].hours"))
	require.Equal(t, "s.toml:18", sc.Where("staff[1].salary"))
	require.Equal(t, "s.toml", sc.Where("sharing.basis"))
	require.Equal(t, "scenario", (&scenario.Scenario{}).Where("sharing.basis"))
}

// A year with no published rule set is projected from the latest published
// year before it, which the error names when there are no [assumptions]:
// 2030/31 is past 2026/27, the last embedded year; 2018/19 has no earlier
// year at all (forecast.go 90: p.Year() < y, last == nil).
func TestRuleSetProjectsFromTheLatestEarlierYear(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(goodScenario))
	require.NoError(t, err)
	published := mustAll(rates.All())
	_, err = sc.RuleSet(2030, published, scenario.Options{})
	require.ErrorIs(t, err, des.ErrUnknownYear)
	require.Contains(t, err.Error(), "2030/31 is past the last published rule set (2026/27); state [assumptions]")
	_, err = sc.RuleSet(2018, published, scenario.Options{})
	require.ErrorIs(t, err, des.ErrUnknownYear)
	require.Contains(t, err.Error(), "2018/19, and no earlier published year to project from")

	sc.Assumptions.CarryForward = true
	rs, err := sc.RuleSet(2030, published, scenario.Options{})
	require.NoError(t, err)
	require.Equal(t, des.Year(2030), rs.Year())
}
