package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/arrs/scenario"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
)

// Scenario loads the scenario file at path, or the embedded default when
// path is empty, and checks its roles against every embedded rule set (and
// the user's, if given).
func Scenario(path string, def []byte, extra ...*des.RuleSet) (*scenario.Scenario, error) {
	var sc *scenario.Scenario
	var err error
	if path == "" {
		sc, err = scenario.Load("(embedded default scenario)", def)
	} else {
		sc, err = scenario.LoadFile(path)
	}
	if err != nil {
		return nil, err
	}
	known := rates.Roles()
	for _, rs := range extra {
		for _, r := range rs.ARRS().Roles {
			known = append(known, r.ID)
		}
	}
	if err := sc.CheckRoles(known); err != nil {
		return nil, err
	}
	return sc, nil
}

// RuleSets returns the embedded rule sets, with the user's own file (if
// given) in place of the embedded one for its year.
func RuleSets(userFile string) ([]*des.RuleSet, *des.RuleSet, error) {
	if err := rates.Err(); err != nil {
		return nil, nil, err
	}
	all := rates.All()
	if userFile == "" {
		return all, nil, nil
	}
	user, err := des.LoadRuleSetFile(userFile)
	if err != nil {
		return nil, nil, err
	}
	out := []*des.RuleSet{}
	for _, rs := range all {
		if rs.Year() != user.Year() {
			out = append(out, rs)
		}
	}
	return append(out, user), user, nil
}

// Years is a repeatable flag of DES years ("2024/25", or a comma list).
type Years []des.Year

func (y *Years) String() string {
	var s []string
	for _, v := range *y {
		s = append(s, v.String())
	}
	return strings.Join(s, ",")
}

// Set parses one flag value.
func (y *Years) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		yr, err := des.ParseYear(part)
		if err != nil {
			return err
		}
		*y = append(*y, yr)
	}
	return nil
}

// Fail prints an error to stderr and exits with status 1.
func Fail(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}

// Output buffers a program's output, so that nothing is written if an
// error comes part way (no partial output passed off as complete).
type Output struct{ bytes.Buffer }

// Flush writes the buffered output to w.
func (o *Output) Flush(w io.Writer) {
	if _, err := w.Write(o.Bytes()); err != nil {
		Fail(err)
	}
}

// BadFlag reports a flag error and exits with status 2, as the flag package does.
func BadFlag(fs *flag.FlagSet, err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	fs.Usage()
	os.Exit(2)
}

// SalaryCost returns the embedded on-cost rules as a salary-to-cost function.
func SalaryCost() (arrs.SalaryCostFunc, error) {
	o, err := rates.OnCosts()
	if err != nil {
		return nil, err
	}
	return arrs.OnCostRules(o), nil
}

// Inputs loads what every program reads: the rule sets (embedded, with the
// user's -rates file in place of its year) and the scenario (the embedded
// default when scenarioFile is empty), roles checked against them.
func Inputs(scenarioFile, ratesFile string) (*scenario.Scenario, []*des.RuleSet, error) {
	published, user, err := RuleSets(ratesFile)
	if err != nil {
		return nil, nil, err
	}
	var extra []*des.RuleSet
	if user != nil {
		extra = append(extra, user)
	}
	sc, err := Scenario(scenarioFile, DefaultScenario, extra...)
	if err != nil {
		return nil, nil, err
	}
	return sc, published, nil
}

// Find returns the rule set for a year among those loaded.
func Find(published []*des.RuleSet, y des.Year) (*des.RuleSet, error) {
	for _, rs := range published {
		if rs.Year() == y {
			return rs, nil
		}
	}
	var ys []string
	for _, rs := range published {
		ys = append(ys, rs.Year().String())
	}
	return nil, fmt.Errorf("%w: %s (published: %s)", des.ErrUnknownYear, y, strings.Join(ys, ", "))
}

// CheckArgs ends flag parsing the same way in every program: a known
// -format and no stray arguments, else exit status 2.
func CheckArgs(fs *flag.FlagSet, format string) {
	if err := CheckFormat(format); err != nil {
		BadFlag(fs, err)
	}
	if fs.NArg() > 0 {
		BadFlag(fs, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
}
