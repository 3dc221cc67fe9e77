package arrs

import (
	"fmt"
	"slices"
	"sort"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// YearResult is one DES year of a forecast: the network entitlements and
// the ARRS position.
type YearResult struct {
	Year des.Year `json:"year"`
	// Projected is set when no published rule set exists for the year and
	// the figures come from the scenario's assumptions.
	Projected     bool             `json:"projected,omitempty"`
	ProjectedFrom des.Year         `json:"projected_from,omitempty"`
	RuleSet       string           `json:"rule_set"`
	Entitlements  des.Entitlements `json:"entitlements"`
	ARRS          Result           `json:"arrs"`
	// Gaps are the figures the year's rule set leaves out for want of a
	// source: what the amounts above do not include.
	Gaps []des.Gap `json:"gaps,omitempty"`
	// IIF is an estimate of the Investment and Impact Fund payment from the
	// scenario's expected points, where the year has a sourced point value;
	// it is not part of the entitlements total.
	IIF *des.IIFEstimate `json:"iif_estimate,omitempty"`
}

// Forecast is a scenario worked out over one or more DES years.
type Forecast struct {
	Scenario string       `json:"scenario"`
	Years    []YearResult `json:"years"`
}

// RunForecast works out a scenario for each year asked for. published is
// every rule set available (e.g. rates.All(), plus a user's own); a year
// without one is projected from the latest published year before it with
// the scenario's assumptions, and marked as projected. Staff carry across
// years by their dates: a start in 2024/25 with no end is on the roster in
// every later year.
func RunForecast(sc *Scenario, years []des.Year, published []*des.RuleSet, opt Options) (Forecast, error) {
	if sc == nil {
		return Forecast{}, fmt.Errorf("%w: no scenario", des.ErrMissing)
	}
	f, err := runForecast(sc, years, published, opt)
	if err != nil && sc.File != "" {
		return f, fmt.Errorf("%s: %w", sc.File, err)
	}
	return f, err
}

func runForecast(sc *Scenario, years []des.Year, published []*des.RuleSet, opt Options) (Forecast, error) {
	if len(years) == 0 {
		return Forecast{}, fmt.Errorf("%w: no years to forecast", des.ErrMissing)
	}
	byYear := map[des.Year]*des.RuleSet{}
	for _, rs := range published {
		byYear[rs.Year()] = rs
	}
	ys := slices.Clone(years)
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	ys = slices.Compact(ys)
	base := sc.Assumptions.BaseYear
	if base == 0 {
		base = ys[0]
	}
	f := Forecast{Scenario: sc.Name}
	for _, y := range ys {
		rs := byYear[y]
		if rs == nil {
			var last *des.RuleSet
			for _, p := range published {
				if p.Year() < y && (last == nil || p.Year() > last.Year()) {
					last = p
				}
			}
			if last == nil {
				return Forecast{}, fmt.Errorf("%w: %s, and no earlier published year to project from", des.ErrUnknownYear, y)
			}
			a := sc.Assumptions
			if !a.CarryForward && a.PayUplift.IsZero() && a.ARRSGrowth.IsZero() && a.EntitlementGrowth.IsZero() {
				return Forecast{}, fmt.Errorf("%w: %s is past the last published rule set (%s); state [assumptions] in the scenario (pay_uplift_pct, arrs_growth_pct, entitlement_growth_pct) or carry_forward = true", des.ErrUnknownYear, y, last.Year())
			}
			var err error
			rs, err = des.ProjectFrom(published, y, des.Projection{EntitlementGrowth: a.EntitlementGrowth, ARRSGrowth: a.ARRSGrowth, PayUplift: a.PayUplift})
			if err != nil {
				return Forecast{}, err
			}
		}
		yr, err := forecastYear(sc, y, rs, base, opt)
		if err != nil {
			return Forecast{}, fmt.Errorf("%s: %w", y, err)
		}
		f.Years = append(f.Years, yr)
	}
	return f, nil
}

func forecastYear(sc *Scenario, y des.Year, rs *des.RuleSet, base des.Year, opt Options) (YearResult, error) {
	pcn := sc.PCN(y)
	yr := YearResult{Year: y, RuleSet: rs.Title(), Gaps: rs.Gaps()}
	if from, ok := rs.Projected(); ok {
		yr.Projected, yr.ProjectedFrom = true, from
	}
	var err error
	yr.Entitlements, err = des.Entitle(rs, pcn, des.Options{AsAt: opt.AsAt})
	if err != nil {
		return yr, err
	}
	if len(sc.IIF) > 0 {
		if _, ok := rs.IIF(); ok {
			est, err := des.EstimateIIF(rs, sc.IIF)
			if err != nil {
				return yr, err
			}
			yr.IIF = &est
		}
	}
	roster := sc.Staff
	if up := sc.Assumptions.PayUplift; !up.IsZero() && y > base {
		// The user's costs are for the base year; later years add the pay uplift.
		k := decimal.NewFromInt(1).Add(up.Div(decimal.NewFromInt(100))).Pow(decimal.NewFromInt(int64(y - base)))
		roster = slices.Clone(sc.Staff)
		for i := range roster {
			roster[i].AnnualCost = roster[i].AnnualCost.Mul(k).Round(2)
			roster[i].Salary = roster[i].Salary.Mul(k).Round(2)
		}
	}
	plan, err := Compile(rs, opt)
	if err != nil {
		return yr, err
	}
	yr.ARRS, err = plan.calculate(pcn, roster, yr.Entitlements.ARRSSums) // Entitle validated the PCN and worked out its sums
	return yr, err
}
