package scenario_test

// Issue 25: lived mutants in scenario's error paths and notes, each killed
// by the behaviour its doc states.

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

const twoPractices = `name = "Two"
[[practices]]
name = "North Road"
registered = 12000
weighted = 13000
adjusted = 12500
[[practices]]
name = "South Street"
registered = 9000
weighted = 9500
adjusted = 9100
care_home_beds = 0
`

// Without [[iif]] no IIF estimate is made, in a year that has a point value
// (2024/25) too.
func TestNoIIFEstimateWithoutIIF(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(goodScenario))
	require.NoError(t, err)
	f, err := scenario.Run(sc, []des.Year{2024}, mustAll(rates.All()), scenario.Options{})
	require.NoError(t, err)
	require.Nil(t, f.Years[0].IIF)
	require.Empty(t, f.Notes)
}

// A figure the first practice lacks (care home beds, which the care home
// premium needs) is an error naming practices[0].care_home_beds and, the key
// being absent, the line of that practice's [[practices]] table (line 2).
func TestMissingFigureOfTheFirstPracticeNamesItsLine(t *testing.T) {
	sc, err := scenario.Load("two.toml", []byte(twoPractices))
	require.NoError(t, err)
	_, err = scenario.Run(sc, []des.Year{2024}, mustAll(rates.All()), scenario.Options{})
	require.Error(t, err)
	var fe *des.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	require.Equal(t, "practices[0].care_home_beds", fe.Field)
	require.Equal(t, "two.toml", fe.File)
	require.Equal(t, 2, fe.Line)
	var mf *des.MissingFigureError
	require.True(t, errors.As(err, &mf))
}

// An error that names no file line is prefixed with the file and the year;
// without a file name, with the year alone.
func TestRunErrorsNameTheFileAndYear(t *testing.T) {
	text := strings.Replace(twoPractices, "adjusted = 12500\n", "adjusted = 12500\ncare_home_beds = 3\n", 1)
	sc, err := scenario.Load("two.toml", []byte(text))
	require.NoError(t, err)
	_, err = scenario.Run(sc, []des.Year{2030}, mustAll(rates.All()), scenario.Options{}) // no [assumptions] to project
	require.ErrorIs(t, err, des.ErrUnknownYear)
	require.True(t, strings.HasPrefix(err.Error(), "two.toml: 2030/31: "), err.Error())
	sc.File = ""
	_, err = scenario.Run(sc, []des.Year{2030}, mustAll(rates.All()), scenario.Options{})
	require.True(t, strings.HasPrefix(err.Error(), "2030/31: "), err.Error())
}

// A [[population]] block must name exactly the practices of [[practices]]:
// one left out is reported on the block's practice list (not on a practice
// of it), a misspelt one on its own name with the practice it meant.
func TestPopulationPracticesMustMatch(t *testing.T) {
	text := strings.Replace(twoPractices, "adjusted = 12500\n", "adjusted = 12500\ncare_home_beds = 3\n", 1) + `
[[population]]
year = "2025/26"
  [[population.practices]]
  name = "North Road"
  registered = 12100
  weighted = 13100
  adjusted = 12600
  care_home_beds = 3
`
	_, err := scenario.Load("p.toml", []byte(text))
	require.ErrorIs(t, err, des.ErrMissing)
	var fe *des.FieldError
	require.True(t, errors.As(err, &fe), "%v", err)
	require.Equal(t, "population[0].practices", fe.Field)
	require.Contains(t, err.Error(), `practice "South Street" is missing from the 2025/26 population`)

	misspelt := text + `  [[population.practices]]
  name = "south-street"
  registered = 9050
  weighted = 9600
  adjusted = 9150
  care_home_beds = 0
`
	_, err = scenario.Load("p.toml", []byte(misspelt))
	require.ErrorIs(t, err, des.ErrInvalid)
	require.True(t, errors.As(err, &fe), "%v", err)
	require.Equal(t, "population[0].practices[1].name", fe.Field)
	require.Contains(t, err.Error(), `did you mean "South Street"?`)
	require.NotContains(t, err.Error(), "is missing from", "reported once, as misspelt")
	line := 1 + strings.Count(misspelt[:strings.Index(misspelt, `name = "south-street"`)], "\n")
	require.Contains(t, err.Error(), "p.toml:"+strconv.Itoa(line))
}

// Two practices (or roster lines) with no name are each refused for the
// missing name, not reported as the same name twice.
func TestTwoEmptyNamesAreNotDuplicates(t *testing.T) {
	text := strings.ReplaceAll(twoPractices, `name = "North Road"`, `name = ""`)
	text = strings.ReplaceAll(text, `name = "South Street"`, `name = ""`)
	_, err := scenario.Load("e.toml", []byte(text))
	require.Error(t, err)
	require.NotContains(t, err.Error(), "named twice")
	staff := strings.Replace(goodScenario, `name = "Pharmacist A"`, `name = ""`, 1)
	staff = strings.Replace(staff, `name = "Tech"`, `name = ""`, 1)
	_, err = scenario.Load("e.toml", []byte(staff))
	require.Error(t, err)
	require.NotContains(t, err.Error(), "on the roster twice")
}

// A scenario file may be up to scenario.MaxBytes long: exactly that many
// bytes load (padded with a comment); one more is refused.
func TestScenarioSizeLimit(t *testing.T) {
	pad := scenario.MaxBytes - len(goodScenario) - 1
	text := goodScenario + "#" + strings.Repeat("x", pad)
	require.Len(t, text, scenario.MaxBytes)
	_, err := scenario.Load("big.toml", []byte(text))
	require.NoError(t, err)
	_, err = scenario.Load("big.toml", []byte(text+"x"))
	require.ErrorIs(t, err, des.ErrInvalid)
}
