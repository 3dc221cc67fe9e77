// Command compare shows what changed for one PCN between two DES years:
// payments added and removed, rates changed (old → new, part by part), each
// payment's amount and the difference, the ARRS sum, claims and headroom,
// each person's claim, and ARRS roles added, removed and with new maxima.
//
//	go run ./examples/compare                                  # embedded example PCN, earliest and latest published years
//	go run ./examples/compare -scenario my.toml -years 2019/20,2025/26 -format markdown
//
// Flags: -scenario FILE, -years FROM,TO (two years; a year past the last
// published one is projected with the scenario's [assumptions] and marked),
// -format table|csv|json|markdown, -rates FILE (a rule set of your own for
// its year).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/pcnfin/pcnfin/arrs/scenario"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
)

func main() {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	scenarioFlag := fs.String("scenario", "", "scenario TOML file (default: the embedded example PCN)")
	var years cli.Years
	fs.Var(&years, "years", "the two DES years to compare, FROM,TO (default: the earliest and latest published)")
	format := fs.String("format", "table", "output: table, csv, json or markdown")
	ratesFile := fs.String("rates", "", "a rule-set TOML file of your own, used for its year")
	fs.Parse(os.Args[1:])
	cli.CheckArgs(fs, *format)
	if len(years) != 0 && (len(years) != 2 || years[0] == years[1]) {
		cli.BadFlag(fs, fmt.Errorf("-years %s: want two different years, FROM,TO (e.g. 2019/20,2025/26)", years.String()))
	}
	var out cli.Output
	if err := run(&out, *scenarioFlag, years, *format, *ratesFile); err != nil {
		cli.Fail(err)
	}
	out.Flush(os.Stdout)
}

func run(w io.Writer, scenarioFile string, years []des.Year, format, ratesFile string) error {
	sc, published, err := cli.Inputs(scenarioFile, ratesFile)
	if err != nil {
		return err
	}
	if len(years) == 0 && len(published) > 0 {
		first, last := published[0].Year(), published[0].Year()
		for _, rs := range published {
			first, last = min(first, rs.Year()), max(last, rs.Year())
		}
		years = []des.Year{first, last}
	}
	if len(years) != 2 || years[0] == years[1] {
		return fmt.Errorf("%w: want two different years to compare, got %v", des.ErrInvalid, years)
	}
	salary, err := cli.SalaryCost()
	if err != nil {
		return err
	}
	f, err := scenario.Run(sc, years, published, scenario.Options{SalaryCost: salary})
	if err != nil {
		return err
	}
	var from, to scenario.YearResult
	for _, y := range f.Years {
		if y.Year == years[0] {
			from = y
		}
		if y.Year == years[1] {
			to = y
		}
	}
	rsFrom, err := ruleSetFor(sc, from, published)
	if err != nil {
		return err
	}
	rsTo, err := ruleSetFor(sc, to, published)
	if err != nil {
		return err
	}
	c := compare(sc.Name, from, to, rsFrom, rsTo)
	c.Embedded = scenarioFile == ""
	switch format {
	case "json":
		return cli.WriteJSON(w, c.json())
	case "csv":
		return c.writeCSV(w)
	}
	for _, t := range c.tables() {
		if format == "markdown" {
			err = t.WriteMarkdown(w)
		} else {
			err = t.WriteText(w)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ruleSetFor returns the rule set a forecast year was worked out with: the
// published one, or the same projection RunForecast made.
func ruleSetFor(sc *scenario.Scenario, y scenario.YearResult, published []*des.RuleSet) (*des.RuleSet, error) {
	find := func(yr des.Year) *des.RuleSet {
		i := slices.IndexFunc(published, func(rs *des.RuleSet) bool { return rs.Year() == yr })
		if i < 0 {
			return nil
		}
		return published[i]
	}
	if !y.Projected {
		if rs := find(y.Year); rs != nil {
			return rs, nil
		}
		return nil, fmt.Errorf("%w: %s", des.ErrUnknownYear, y.Year)
	}
	base := find(y.ProjectedFrom)
	if base == nil {
		return nil, fmt.Errorf("%w: %s", des.ErrUnknownYear, y.ProjectedFrom)
	}
	a := sc.Assumptions
	return des.Project(base, y.Year, des.Projection{EntitlementGrowth: a.EntitlementGrowth, ARRSGrowth: a.ARRSGrowth, PayUplift: a.PayUplift})
}
