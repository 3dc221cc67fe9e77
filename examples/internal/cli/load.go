// Package cli holds what the example programs share: the common flags, and
// loading the scenario and rule sets they name. Printing is internal/render.
package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
)

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

// BadFlag reports a flag error and exits with status 2, as the flag package does.
func BadFlag(fs *flag.FlagSet, err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	fs.Usage()
	os.Exit(2)
}

// Common holds the flags every program takes, with the same meaning and
// defaults everywhere: -year, -scenario, -rates, -format, -sourced-only.
type Common struct {
	Years       Years
	Scenario    string
	Rates       string
	Format      string
	SourcedOnly bool
	// Out is -o FILE: where the output goes instead of stdout (programs
	// that call WithWorkbook).
	Out string
	// workbook is set by WithWorkbook: the program offers -format xlsx.
	workbook bool
	// AsAt, set by a program's own -asat flag, uses figures as announced
	// by then.
	AsAt des.Date
	// AssumptionsOnly says the program reads only the scenario's
	// [assumptions] (national, coverage): its years are not the default.
	AssumptionsOnly bool
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

// WithWorkbook is for a program whose report has a workbook: it offers
// -format xlsx and registers -o FILE, which writes any format to a file
// instead of stdout, atomically (a temporary file beside it, renamed into
// place), and never over an input file. A workbook is written only with
// -o: not to a terminal or a pipe, because a shell's "> FILE" empties FILE
// before the program can check that it is not an input, and a failed run
// would leave half a workbook behind. Call it before Parse.
func (c *Common) WithWorkbook(fs *flag.FlagSet) *Common {
	c.workbook = true
	fs.StringVar(&c.Out, "o", "", "write the output to this file instead of stdout (atomically; never over an "+
		"input file); needed for -format xlsx")
	if f := fs.Lookup("format"); f != nil {
		f.Usage = "output: table, csv, json, markdown or xlsx (an Excel workbook: give -o FILE)"
	}
	return c
}

// Parse parses the program's arguments and checks the common flags: a known
// -format, -o where xlsx needs it and not naming an input, and no stray
// arguments, else exit status 2.
func (c *Common) Parse(fs *flag.FlagSet, args []string) {
	fs.Parse(args)
	formats := render.Formats
	if c.workbook {
		formats = append(slices.Clone(formats), render.XLSX)
	}
	if !slices.Contains(formats, c.Format) {
		BadFlag(fs, fmt.Errorf("-format %q: want one of %s", c.Format, strings.Join(formats, ", ")))
	}
	if c.Format == render.XLSX && c.Out == "" {
		BadFlag(fs, fmt.Errorf("-format xlsx: give -o FILE (a workbook is not written to stdout)"))
	}
	if c.Out == "-" {
		BadFlag(fs, fmt.Errorf("-o -: give a file name (-o is for writing a file, not stdout)"))
	}
	if fs.NArg() > 0 {
		BadFlag(fs, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
}

// Open opens what the common flags name through the library's front door
// (scenario.New): the scenario (the embedded example without -scenario),
// with the -rates file in place of its year's rule set, -sourced-only and
// AsAt. Every default (years, rule sets, on-costs, a hire's start) is the
// library's. With AssumptionsOnly the scenario's years are not a default.
func (c *Common) Open() (*scenario.Workbook, error) {
	var own *des.RuleSet
	var err error
	if c.Rates != "" {
		if own, err = rates.LoadOwn(c.Rates); err != nil {
			return nil, err
		}
	}
	var sc *scenario.Scenario
	if c.Scenario == "" {
		sc, err = scenario.Load("(embedded default scenario)", DefaultScenario)
	} else {
		sc, err = scenario.LoadFile(c.Scenario)
	}
	if err != nil {
		return nil, err
	}
	sc.OwnRules = own
	if c.AssumptionsOnly {
		sc.Years = nil
	}
	return scenario.New(sc, scenario.Options{AsAt: c.AsAt, SourcedOnly: c.SourcedOnly})
}

// Embedded is the title tag of output from the embedded default scenario.
func (c *Common) Embedded() string {
	if c.Scenario == "" {
		return " [embedded example scenario]"
	}
	return ""
}

// Print is Print to -o FILE when it is given: only when the run worked,
// atomically and never over the -scenario or -rates file
// (report.WriteFileAtomic); else to stdout.
func (c *Common) Print(run func(w io.Writer) error) {
	if c.Out == "" {
		Print(run)
		return
	}
	var out bytes.Buffer
	if err := run(&out); err != nil {
		Fail(err)
	}
	if err := report.WriteFileAtomic(c.Out, out.Bytes(), c.Scenario, c.Rates); err != nil {
		Fail(err)
	}
}

// Print runs a program into a buffer and writes it to stdout only if it
// worked (no partial output passed off as complete); an error, including a
// failed write, goes to stderr with exit status 1.
func Print(run func(w io.Writer) error) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		Fail(err)
	}
	if _, err := os.Stdout.Write(out.Bytes()); err != nil {
		Fail(err)
	}
}
