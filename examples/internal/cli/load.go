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
	published, user, err := rates.WithFile(ratesFile)
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
	sc.OwnRules = user // a -rates file for a year not asked for is refused, not ignored
	return sc, published, nil
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

// Common holds the flags every program takes, with the same meaning and
// defaults everywhere: -year, -scenario, -rates, -format, -sourced-only.
type Common struct {
	Years       Years
	Scenario    string
	Rates       string
	Format      string
	SourcedOnly bool
}

// Flags registers the common flags on fs. unused maps a flag name to why it
// makes no sense for the program (or, starting "only", how little of it the
// program uses); its help says so.
func Flags(fs *flag.FlagSet, unused map[string]string) *Common {
	c := &Common{}
	help := func(name, text string) string {
		if why, ok := unused[name]; ok && strings.HasPrefix(why, "only") {
			return "PARTLY USED by this program: " + why
		} else if ok {
			return "NOT USED by this program: " + why
		}
		return text
	}
	fs.Var(&c.Years, "year", help("year", "DES year(s), e.g. 2025/26 or a comma list; a year past the last "+
		"published one is projected with the scenario's [assumptions] (default: the scenario's years, "+
		"else the current DES year on today's date, up to the latest published)"))
	fs.StringVar(&c.Scenario, "scenario", "", help("scenario", "scenario TOML file (default: the embedded example PCN)"))
	fs.StringVar(&c.Rates, "rates", "", help("rates", "a rule-set TOML file of your own, used for its year"))
	fs.StringVar(&c.Format, "format", "table", "output: table, csv, json or markdown")
	fs.BoolVar(&c.SourcedOnly, "sourced-only", false, help("sourced-only",
		"leave out every figure no source gives (derived or carried figures)"))
	return c
}

// DefaultYears is the years a program works on when -year is not given:
// the scenario's years, else the current DES year on today's date as the
// catalogue gives it (rates.CurrentYear).
func DefaultYears(asked []des.Year, sc *scenario.Scenario) []des.Year {
	if len(asked) > 0 {
		return asked
	}
	if sc != nil && len(sc.Years) > 0 {
		return sc.Years
	}
	return []des.Year{rates.CurrentYear(rates.Today())}
}

// Options returns the scenario options the common flags ask for, with the
// embedded on-cost rules for staff given by salary.
func (c *Common) Options() (scenario.Options, error) {
	salary, err := SalaryCost()
	return scenario.Options{SalaryCost: salary, SourcedOnly: c.SourcedOnly}, err
}

// Parse parses the program's arguments and checks the common flags: a known
// -format and no stray arguments, else exit status 2.
func (c *Common) Parse(fs *flag.FlagSet, args []string) {
	fs.Parse(args)
	CheckArgs(fs, c.Format)
}

// Load reads what the common flags name: the rule sets (embedded, with the
// -rates file in place of its year), the scenario (the embedded default
// without -scenario), and the scenario options (-sourced-only, and the
// embedded on-cost rules for staff given by salary).
func (c *Common) Load() (*scenario.Scenario, []*des.RuleSet, scenario.Options, error) {
	sc, published, err := Inputs(c.Scenario, c.Rates)
	if err != nil {
		return nil, nil, scenario.Options{}, err
	}
	opt, err := c.Options()
	return sc, published, opt, err
}

// Embedded is the title tag of output from the embedded default scenario.
func (c *Common) Embedded() string {
	if c.Scenario == "" {
		return " [embedded example scenario]"
	}
	return ""
}

// Print runs a program into a buffer and writes it to stdout only if it
// worked (no partial output passed off as complete); an error, including a
// failed write, goes to stderr with exit status 1.
func Print(run func(w io.Writer) error) {
	var out Output
	if err := run(&out); err != nil {
		Fail(err)
	}
	out.Flush(os.Stdout)
}
