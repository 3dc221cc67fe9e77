package arrs_test

import (
	"bytes"
	"errors"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

// The bad-input catalogue: every file under testdata/bad with the error it
// must give. Each error is a *des.FieldError (or wraps one) naming the file,
// the field and, where the input has one, the line; errors.Is matches the
// sentinel.
type bad struct {
	file     string
	sentinel error
	field    string // the field the error names
	line     int    // 0: not a line-level error
	msg      string // a phrase the message must contain
}

var badRules = []bad{
	{"2023-24.toml", des.ErrInvalid, "year", 1, "named for 2023/24"},
	{"absurd-rate.toml", des.ErrInvalid, "payment[0].part[0].value[0].rate", 9, "no DES rate is that large"},
	{"bad-confidence.toml", des.ErrInvalid, "confidence", 12, "want confirmed, single or uncertain"},
	{"bad-year.toml", des.ErrBadYear, "year", 1, "2024 is followed by 25"},
	{"date-outside-year.toml", des.ErrInvalid, "arrs.role[0].max[0].from", 34, "outside the DES year"},
	{"duplicate-payment-id.toml", des.ErrInvalid, "payment[1].id", 15, "duplicate payment id"},
	{"duplicate-role.toml", des.ErrInvalid, "arrs.role[1].id", 40, "duplicate role id"},
	{"float-rate.toml", des.ErrBadNumber, "rate", 9, "TOML float"},
	{"malformed.toml", des.ErrSyntax, "", 6, "delimiter"},
	{"maximum-mid-month.toml", des.ErrInvalid, "arrs.role[0].max[0].from", 34, "first of a month"},
	{"missing-source.toml", des.ErrMissing, "payment[0].part[0].value[0].source", 8, "missing source"},
	{"missing-year.toml", des.ErrMissing, "year", 0, "want the DES year"},
	{"mixed-case-key.toml", des.ErrUnknownKey, "payment.part.value.RATE", 9, "keys are lower case"},
	{"negative-rate.toml", des.ErrInvalid, "payment[0].part[0].value[0].rate", 9, "negative"},
	{"overlapping-caps.toml", des.ErrOverlap, "arrs.role[0].cap[1].from", 46, "overlaps"},
	{"overlapping-values.toml", des.ErrOverlap, "payment[0].part[0].value[1].from", 15, "backdated revision needs announced dates"},
	{"period-not-whole-months.toml", des.ErrInvalid, "payment[0].part[0].from", 9, "whole months"},
	{"pot-without-sum.toml", des.ErrInvalid, "arrs.role[0].pot", 30, "no ARRS sum"},
	{"reimbursement-over-one.toml", des.ErrInvalid, "arrs.role[0].reimbursement", 30, "at most 1"},
	{"too-many-places.toml", des.ErrInvalid, "payment[0].part[0].value[0].rate", 9, "six decimal places"},
	{"unknown-key.toml", des.ErrUnknownKey, "payment.rat", 6, "unknown key"},
	// issue 11: a key inside an array of tables other than the first has its line
	{"unknown-key-nested.toml", des.ErrUnknownKey, "payment.part.value.ratee", 22, "unknown key"},
	{"unknown-role-id.toml", des.ErrInvalid, "arrs.role[0].id", 28, `unknown role "care_coordinater": not in the catalogue of ARRS roles (rates/README.md); did you mean "care_coordinator"?`},
	{"zero-maximum.toml", des.ErrInvalid, "arrs.role[0].max[0].amount", 35, "amount 0: every figure in a rule set is more than 0"},
	{"zero-rate.toml", des.ErrInvalid, "payment[0].part[0].value[0].rate", 9, "rate 0: every figure in a rule set is more than 0"},
	{"values-out-of-order.toml", des.ErrOverlap, "payment[0].part[0].value[1].from", 16, "date order"},
	{"wrong-type.toml", des.ErrInvalid, "payment.name", 5, "wrong type"},
	// issue 24: wrong money with exit 0
	{"duplicate-part.toml", des.ErrInvalid, "payment[0].part[1]", 13, "the same as part[0]: the payment would be paid twice over"},
	{"only-year.toml", des.ErrMissing, "payment", 0, `year = "2024/25" and nothing else`},
	{"huge-maximum.toml", des.ErrInvalid, "arrs.role[0].max[0].amount", 35, "no role maximum is that large"},
}

var badScenarios = []bad{
	{"absurd-population.toml", des.ErrInvalid, "practices[0].registered", 6, "population of England"},
	{"absurd-wte.toml", des.ErrInvalid, "staff[0].wte", 14, "more than 10"},
	{"bad-date.toml", des.ErrSyntax, "staff[0] (Pharmacist A).start", 15, "2024-02-30: the date does not exist"},
	{"bad-london.toml", des.ErrInvalid, "staff[0].london", 17, "want inner, outer"},
	{"duplicate-practice.toml", des.ErrInvalid, "practices[1].name", 12, "named twice"},
	{"duplicate-staff-name.toml", des.ErrInvalid, "staff[1].name", 19, "on the roster twice"},
	{"end-before-start.toml", des.ErrInvalid, "staff[0].end", 16, `"Pharmacist A": end 2023-04-01 is before start 2024-04-01`},
	{"float-loses-digits.toml", des.ErrBadNumber, "weighted", 7, "six decimal places"},
	{"fractional-head-count.toml", des.ErrInvalid, "practices[0].registered", 6, "whole number"},
	{"missing-figure.toml", des.ErrMissingFigure, "practices[0].adjusted", 4, `practice "Riverside Surgery" has no adjusted figure, which core_pcn_funding needs`},
	{"missing-name.toml", des.ErrMissing, "name", 0, "give the PCN a name"},
	{"mixed-case-key.toml", des.ErrUnknownKey, "staff.Start", 15, "keys are lower case"},
	{"money-too-precise.toml", des.ErrInvalid, "staff[0].annual_cost", 16, "two decimal places"},
	{"negative-population.toml", des.ErrInvalid, "practices[0].registered", 6, "negative"},
	{"negative-wte.toml", des.ErrInvalid, "staff[0].wte", 14, "more than 0"},
	{"no-cost.toml", des.ErrMissing, "staff[0].annual_cost", 11, "give annual_cost"},
	{"no-practices.toml", des.ErrMissing, "practices", 0, "at least one practice"},
	{"two-wte-forms.toml", des.ErrMissing, "staff[0].wte", 14, "exactly one of wte, hours"},
	{"unknown-key.toml", des.ErrUnknownKey, "practices.registerd", 6, "unknown key"},
	{"unknown-role.toml", des.ErrInvalid, "staff[0].role", 13, `"Pharmacist A": unknown role "clinical_pharmacyst": not in the catalogue of ARRS roles (rates/README.md); did you mean "clinical_pharmacist"?`},
	{"unknown-year.toml", des.ErrUnknownYear, "", 0, "[assumptions]"},
	// issue 11: nothing accepted silently
	{"population-practice-left-out.toml", des.ErrMissing, "population[0].practices", 18, `practice "P2" is missing from the 2025/26 population`},
	{"population-misspelt-practice.toml", des.ErrInvalid, "population[0].practices[1].name", 28, `practice "P 2" in the 2025/26 population is not in [[practices]] ("P1", "P2"); did you mean "P2"?`},
	{"population-unknown-practice.toml", des.ErrInvalid, "population[0].practices[0].name", 21, `practice "Northgate Surgery" in the 2025/26 population is not in [[practices]]`},
	{"sessions-not-a-gp.toml", des.ErrInvalid, "staff[0].sessions", 14, `"Pharmacist A": sessions are for GPs (general_practitioner), not clinical_pharmacist`},
	{"wte-over-one.toml", des.ErrInvalid, "staff[0].hours", 14, `"Pharmacist A": 1.2 WTE: a [[staff]] line is one person, who cannot work more than full time`},
	{"date-does-not-exist.toml", des.ErrBadDate, "staff[0] (Pharmacist A).start", 15, "2025-02-30 does not exist"},
	// Issue 19: a quoted date that no calendar has, on a person who is not
	// the last with a start: its own line (29, not the last start's 36) and
	// the person.
	{"date-quoted-not-last.toml", des.ErrBadDate, "staff[2] (Paramedic C).start", 29, "2024-04-31 does not exist"},
	{"number-too-large.toml", des.ErrBadNumber, "practices.registered", 6, "1234567890123456789012345678901 is too large"},
	// issue 24: untrue refusals, money without bounds, repeats after normalising
	{"zero-cost.toml", des.ErrInvalid, "staff[0].annual_cost", 16, "annual_cost is 0: the employer cost of a person is more than £0"},
	{"time-not-date.toml", des.ErrBadDate, "staff[0] (Pharmacist A).start", 15, "00:00:00 is a time of day, not a date"},
	{"retained-too-large.toml", des.ErrInvalid, "sharing.retained[0].annual", 21, "no amount a PCN keeps back is that large"},
	{"lookalike-practice.toml", des.ErrInvalid, "practices[1].name", 12, "mixes Latin letters with Cyrillic"},
	{"zero-width-practice.toml", des.ErrInvalid, "practices[1].name", 12, "invisible character (U+200B)"},
	{"fullwidth-practice.toml", des.ErrInvalid, "practices[1].name", 12, "is named twice (also practices[0])"},
	{"band-single-band-role.toml", des.ErrInvalid, "staff[0].band", 16, `"Pharmacist A": band "7": clinical_pharmacist is paid at one maximum whatever the band`},
}

// loadScenarioFully does what the example programs do with a scenario.
func loadScenarioFully(path string) error {
	sc, err := scenario.LoadFile(path)
	if err != nil {
		return err
	}
	if err := sc.CheckRoles(rates.Roles()); err != nil {
		return err
	}
	_, err = scenario.Run(sc, sc.Years, mustAll(rates.All()), scenario.Options{})
	return err
}

func checkBad(t *testing.T, c bad, path string, err error) {
	t.Helper()
	require.Error(t, err, "%s must be refused", c.file)
	require.ErrorIs(t, err, c.sentinel, err.Error())
	msg := err.Error()
	require.Contains(t, msg, filepath.Base(path), "the error names the file")
	require.Contains(t, msg, c.msg)
	if c.field != "" {
		require.Contains(t, msg, c.field)
	}
	if c.line > 0 {
		var fe *des.FieldError
		require.True(t, errors.As(err, &fe), "a *des.FieldError: %v", err)
		found := false
		var es des.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				if errors.As(e, &fe) && fe.Line == c.line {
					found = true
				}
			}
		} else {
			found = fe.Line == c.line
		}
		require.True(t, found, "line %d in %v", c.line, err)
	}
}

func TestBadInputCatalogue(t *testing.T) {
	all, _ := filepath.Glob("../testdata/bad/*/*")
	listed := map[string]bool{}
	for _, c := range badRules {
		path := filepath.Join("../testdata/bad/rules", c.file)
		listed[path] = true
		t.Run("rules/"+c.file, func(t *testing.T) {
			_, err := rulefile.ReadFile(path)
			checkBad(t, c, path, err)
		})
	}
	for _, c := range badScenarios {
		path := filepath.Join("../testdata/bad/scenarios", c.file)
		listed[path] = true
		t.Run("scenarios/"+c.file, func(t *testing.T) {
			checkBad(t, c, path, loadScenarioFully(path))
		})
	}
	for _, c := range badCSV {
		path := filepath.Join("../testdata/bad/csv", c.file)
		listed[path] = true
		t.Run("csv/"+c.file, func(t *testing.T) {
			checkBad(t, c, path, readCSV(path))
		})
	}
	for _, f := range all {
		// testdata/bad/paid is the reconcile package's (reconcile/catalogue_test.go).
		if strings.HasPrefix(f, filepath.Join("..", "testdata", "bad", "paid")) {
			continue
		}
		// testdata/bad/staff is the national package's (national/catalogue_test.go).
		if strings.HasPrefix(f, filepath.Join("..", "testdata", "bad", "staff")) {
			continue
		}
		if !listed[f] {
			t.Errorf("%s is in the catalogue but has no expected error here", f)
		}
	}
	// Huge inputs are refused before they are parsed.
	huge := bytes.Repeat([]byte("# padding\n"), rulefile.MaxBytes/10+1)
	_, err := rulefile.Read("huge.toml", huge)
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "huge.toml")
	_, err = scenario.Load("huge-scenario.toml", bytes.Repeat([]byte("# padding\n"), scenario.MaxBytes/10+1))
	require.ErrorIs(t, err, des.ErrInvalid)
	n := len(badRules) + len(badScenarios) + len(badCSV) + 2
	require.GreaterOrEqual(t, n, 30, "the catalogue has at least 30 bad inputs")
	t.Logf("bad-input catalogue: %d cases", n)
}
