package scenario

import (
	"fmt"
	"slices"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
)

// Workbook is a scenario ready to be worked out: the front door of the
// library. Open (a file), Read (bytes) or New (a Scenario built in Go) make
// one with an Options value; its methods answer what every program and the
// web page ask (a year, a forecast, a comparison, what a hire would cost;
// the practices' statements are statement.Of), and they apply one set of
// defaults:
//
//   - The rule sets are the embedded ones (package rates), with the
//     scenario's own rule set (Scenario.OwnRules), if any, in place of its
//     year's; only the years worked out are parsed.
//   - Staff given by salary are costed with the embedded on-cost rules
//     unless Options.SalaryCost says otherwise.
//   - No years asked for means the scenario's years, else the DES year of
//     today's date (up to the latest published year): see Years.
//   - A hire (Afford) with no start date is in post from 1 April of each
//     year asked, so its claim is the year's cost of the post; a start
//     before the year means in post all year. A zero WTE means 1 WTE, and a
//     zero cost means at least the role's maximum (the claim is the maximum).
//
// Every error is returned, naming the file, line and field where it has
// them. A Workbook does not change its scenario; change the Scenario and
// call New again rather than change it under a Workbook in use.
type Workbook struct {
	sc  *Scenario
	opt Options
}

// Open reads the scenario file at path (LoadFile) and returns it ready to
// be worked out with opt; see New.
func Open(path string, opt Options) (*Workbook, error) {
	sc, err := LoadFile(path)
	if err != nil {
		return nil, err
	}
	return New(sc, opt)
}

// Read is Open for a scenario held in memory (Load); name is what its errors
// call it.
func Read(name string, data []byte, opt Options) (*Workbook, error) {
	sc, err := Load(name, data)
	if err != nil {
		return nil, err
	}
	return New(sc, opt)
}

// New returns sc ready to be worked out with opt. It refuses staff whose
// role neither the embedded rule sets nor sc.OwnRules knows (a typo, most
// likely), naming each such line.
func New(sc *Scenario, opt Options) (*Workbook, error) {
	if sc == nil {
		return nil, fmt.Errorf("%w: no scenario", des.ErrMissing)
	}
	known := rates.Roles()
	if sc.OwnRules != nil {
		for _, r := range sc.OwnRules.ARRS().Roles {
			known = append(known, r.ID)
		}
	}
	if err := sc.CheckRoles(known); err != nil {
		return nil, err
	}
	return &Workbook{sc: sc, opt: opt}, nil
}

// Scenario returns the workbook's scenario (nil for a zero Workbook).
func (w *Workbook) Scenario() *Scenario {
	if w == nil {
		return nil
	}
	return w.sc
}

// Years returns the years asked for, or when none are, the default: the
// scenario's years, else the DES year of today's date in the UK
// (rates.CurrentYear), up to the latest published year.
func (w *Workbook) Years(asked ...des.Year) []des.Year {
	switch {
	case len(asked) > 0:
		return slices.Clone(asked)
	case w.Scenario() != nil && len(w.sc.Years) > 0:
		return slices.Clone(w.sc.Years)
	}
	return []des.Year{rates.CurrentYear(rates.Today())}
}

// rules is the scenario and the rule sets that working out years needs.
func (w *Workbook) rules(years []des.Year) (*Scenario, []*des.RuleSet, error) {
	sc := w.Scenario()
	if sc == nil {
		return nil, nil, fmt.Errorf("%w: no scenario (use Open, Read or New)", des.ErrMissing)
	}
	published, err := rates.ForYears(years, sc.OwnRules)
	return sc, published, err
}

// Year works out one DES year: its rule set, PCN and roster, the network
// entitlements and the ARRS claims (YearResult.ARRS).
func (w *Workbook) Year(y des.Year) (YearResult, error) {
	sc, published, err := w.rules([]des.Year{y})
	if err != nil {
		return YearResult{}, err
	}
	return sc.Year(y, published, w.opt)
}

// Forecast works out each year asked for (none: Years()), in order, once
// each (Run).
func (w *Workbook) Forecast(years ...des.Year) (Forecast, error) {
	ys := w.Years(years...)
	sc, published, err := w.rules(ys)
	if err != nil {
		return Forecast{}, err
	}
	return Run(sc, ys, published, w.opt)
}

// RuleSets returns the rule set each year asked for (none: Years()) is
// worked out with, in order, once each: published, projected with the
// scenario's assumptions, or the scenario's own (Scenario.RuleSets).
func (w *Workbook) RuleSets(years ...des.Year) ([]*des.RuleSet, error) {
	ys := w.Years(years...)
	sc, published, err := w.rules(ys)
	if err != nil {
		return nil, err
	}
	return sc.RuleSets(ys, published, w.opt)
}

// Compare works out the years from and to and compares them (Compare).
func (w *Workbook) Compare(from, to des.Year) (Comparison, error) {
	sc, published, err := w.rules([]des.Year{from, to})
	if err != nil {
		return Comparison{}, err
	}
	return Compare(sc, from, to, published, w.opt)
}

// HireAnswer is "what more can we afford?" answered for one hire in one
// year.
type HireAnswer struct {
	// Year is the year without the hire, as Workbook.Year gives it.
	Year YearResult
	// Answer is the hire's claim, the headroom before and after, and the
	// largest WTE of the role the headroom funds.
	Answer arrs.Affordability
}

// Afford answers "what more can we afford?" for the hire h on top of the
// roster, in each year asked for, in order, once each. With no years asked
// it is the DES year of h.Start, or with no start either, Years(). In each
// year the hire is in post from h.Start, or from 1 April of the year when
// h.Start is zero or earlier; a start after a year is an error naming it.
// A zero h.WTE means 1 WTE; a zero h.AnnualCost means the hire costs at
// least the role's maximum. The rest of h is checked as a roster line is
// (arrs.Plan.Afford): a cost in pounds and pence, a known London zone.
func (w *Workbook) Afford(h arrs.Hire, years ...des.Year) ([]HireAnswer, error) {
	if len(years) == 0 && !h.Start.IsZero() {
		years = []des.Year{des.YearOf(h.Start)}
	}
	if h.WTE.IsZero() {
		one, err := arrs.WTEOf(decimal.NewFromInt(1))
		if err != nil {
			return nil, err
		}
		h.WTE = one
	}
	f, err := w.Forecast(years...)
	if err != nil {
		return nil, err
	}
	var out []HireAnswer
	for _, yr := range f.Years {
		hy := h
		if hy.Start.IsZero() || hy.Start.Before(yr.Year.Start()) {
			hy.Start = yr.Year.Start()
		}
		plan, err := compile(yr.Rules, w.opt)
		if err != nil {
			return nil, err
		}
		a, err := plan.Afford(yr.PCN, w.sc.Roster(yr.Year), hy)
		if err != nil {
			return nil, err
		}
		out = append(out, HireAnswer{Year: yr, Answer: a})
	}
	return out, nil
}
