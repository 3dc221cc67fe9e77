package scenario

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
)

// Options change how a scenario is worked out.
type Options struct {
	// AsAt, when set, uses only figures announced on or before that date.
	AsAt des.Date
	// SalaryCost turns a salary into an employer cost (see arrs.Options).
	SalaryCost arrs.SalaryCostFunc
	// SourcedOnly leaves out every figure no source gives (derived or
	// carried figures): each rule set used is replaced by its SourcedOnly copy.
	SourcedOnly bool
}

// YearResult is one DES year of a scenario: the network entitlements and
// the ARRS position.
type YearResult struct {
	Year des.Year `json:"year"`
	// Projected is set when no published rule set exists for the year and
	// the figures come from the scenario's assumptions.
	Projected     bool             `json:"projected,omitempty"`
	ProjectedFrom des.Year         `json:"projected_from,omitempty"`
	RuleSet       string           `json:"rule_set"`
	Entitlements  des.Entitlements `json:"entitlements"`
	ARRS          arrs.Result      `json:"arrs"`
	// Gaps are the figures the year's rule set leaves out for want of a
	// source: what the amounts above do not include.
	Gaps []des.Gap `json:"gaps,omitempty"`
	// IIF is an estimate of the Investment and Impact Fund payment from the
	// scenario's expected points, where the year has a sourced point value;
	// it is not part of the entitlements total.
	IIF *des.IIFEstimate `json:"iif_estimate,omitempty"`
	// Rules is the rule set the year was worked out with.
	Rules *des.RuleSet `json:"-"`
	// PCN is the year's PCN, as PCN(Year) gives it.
	PCN des.PCN `json:"-"`
}

// Forecast is a scenario worked out over one or more DES years.
type Forecast struct {
	Scenario string       `json:"scenario"`
	Years    []YearResult `json:"years"`
}

// RuleSet returns the rule set for year y: the published one (the last of
// published for that year, so a user's own file listed after the embedded
// ones wins), else a projection from the latest published year before y with
// the scenario's assumptions. With opt.SourcedOnly it is the SourcedOnly copy.
func (sc *Scenario) RuleSet(y des.Year, published []*des.RuleSet, opt Options) (*des.RuleSet, error) {
	var rs *des.RuleSet
	for _, p := range published {
		if p.Year() == y {
			rs = p
		}
	}
	if rs == nil {
		var last *des.RuleSet
		for _, p := range published {
			if p.Year() < y && (last == nil || p.Year() > last.Year()) {
				last = p
			}
		}
		if last == nil {
			return nil, fmt.Errorf("%w: %s, and no earlier published year to project from", des.ErrUnknownYear, y)
		}
		a := sc.Assumptions
		if !a.CarryForward && a.PayUplift.IsZero() && a.ARRSGrowth.IsZero() && a.EntitlementGrowth.IsZero() {
			return nil, fmt.Errorf("%w: %s is past the last published rule set (%s); state [assumptions] in the "+
				"scenario (pay_uplift_pct, arrs_growth_pct, entitlement_growth_pct) or carry_forward = true",
				des.ErrUnknownYear, y, last.Year())
		}
		var err error
		p := des.Projection{EntitlementGrowth: a.EntitlementGrowth, ARRSGrowth: a.ARRSGrowth, PayUplift: a.PayUplift}
		if rs, err = des.ProjectFrom(published, y, p); err != nil {
			return nil, err
		}
	}
	if opt.SourcedOnly {
		rs = rs.SourcedOnly()
	}
	return rs, nil
}

// Year works out one DES year of the scenario: its rule set (RuleSet), its
// PCN (PCN) and roster (Roster), the network entitlements and the ARRS
// claims. Every program's figures for a year come from here.
func (sc *Scenario) Year(y des.Year, published []*des.RuleSet, opt Options) (YearResult, error) {
	if sc == nil {
		return YearResult{}, fmt.Errorf("%w: no scenario", des.ErrMissing)
	}
	rs, err := sc.RuleSet(y, published, opt)
	if err != nil {
		return YearResult{}, err
	}
	pcn := sc.PCN(y)
	yr := YearResult{Year: y, RuleSet: rs.Title(), Gaps: rs.Gaps(), Rules: rs, PCN: pcn}
	if from, ok := rs.Projected(); ok {
		yr.Projected, yr.ProjectedFrom = true, from
	}
	if yr.Entitlements, err = des.Entitle(rs, pcn, des.Options{AsAt: opt.AsAt}); err != nil {
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
	plan, err := arrs.Compile(rs, arrs.Options{AsAt: opt.AsAt, SalaryCost: opt.SalaryCost})
	if err != nil {
		return yr, err
	}
	yr.ARRS, err = plan.Calculate(pcn, sc.Roster(y))
	return yr, err
}

// Run works out a scenario for each year asked for (in order, once each).
// published is every rule set available (e.g. rates.All(), plus a user's
// own); a year without one is projected (see RuleSet) and marked as
// projected. Each year is worked out by Year, on its own: a year's result
// does not depend on which other years were asked for.
func Run(sc *Scenario, years []des.Year, published []*des.RuleSet, opt Options) (Forecast, error) {
	if sc == nil {
		return Forecast{}, fmt.Errorf("%w: no scenario", des.ErrMissing)
	}
	if len(years) == 0 {
		return Forecast{}, fmt.Errorf("%w: no years to forecast", des.ErrMissing)
	}
	ys := slices.Clone(years)
	slices.Sort(ys)
	f := Forecast{Scenario: sc.Name}
	for _, y := range slices.Compact(ys) {
		yr, err := sc.Year(y, published, opt)
		if err != nil {
			err = fmt.Errorf("%s: %w", y, err)
			if sc.File != "" {
				err = fmt.Errorf("%s: %w", sc.File, err)
			}
			return Forecast{}, err
		}
		f.Years = append(f.Years, yr)
	}
	return f, nil
}

// yearJSON is a year of a forecast as JSON. Users' tools read these names:
// year, entitlements[{id, amount, explain}], entitlements_total and
// arrs{sum, claims, headroom, staff[{name, role, claim}]}. Add fields; do
// not rename these.
type yearJSON struct {
	Year               des.Year         `json:"year"`
	Projected          bool             `json:"projected,omitempty"`
	ProjectedFrom      des.Year         `json:"projected_from,omitempty"`
	RuleSet            string           `json:"rule_set"`
	Entitlements       []des.Amount     `json:"entitlements"`
	EntitlementsTotal  des.JSONMoney    `json:"entitlements_total"`
	ARRSSums           []des.Amount     `json:"arrs_sums,omitempty"`
	ARRS               arrs.Result      `json:"arrs"`
	EntitlementsChange *des.JSONMoney   `json:"entitlements_change,omitempty"`
	ClaimsChange       *des.JSONMoney   `json:"claims_change,omitempty"`
	Gaps               []des.Gap        `json:"gaps,omitempty"`
	IIF                *des.IIFEstimate `json:"iif_estimate,omitempty"`
}

func (y YearResult) json(prev *YearResult) yearJSON {
	j := yearJSON{Year: y.Year, Projected: y.Projected, ProjectedFrom: y.ProjectedFrom, RuleSet: y.RuleSet,
		Entitlements: y.Entitlements.Payments, EntitlementsTotal: des.JSONMoney(y.Entitlements.Total),
		ARRSSums: y.Entitlements.ARRSSums, ARRS: y.ARRS, Gaps: y.Gaps, IIF: y.IIF}
	if prev != nil {
		e := des.JSONMoney(y.Entitlements.Total.Sub(prev.Entitlements.Total))
		c := des.JSONMoney(y.ARRS.Claims.Sub(prev.ARRS.Claims))
		j.EntitlementsChange, j.ClaimsChange = &e, &c
	}
	return j
}

// MarshalJSON writes the year, money with two places.
func (y YearResult) MarshalJSON() ([]byte, error) { return json.Marshal(y.json(nil)) }

// MarshalJSON writes the forecast, money with two places; each year after
// the first also has its change from the year before.
func (f Forecast) MarshalJSON() ([]byte, error) {
	years := make([]yearJSON, len(f.Years))
	for i, y := range f.Years {
		var prev *YearResult
		if i > 0 {
			prev = &f.Years[i-1]
		}
		years[i] = y.json(prev)
	}
	return json.Marshal(struct {
		Scenario string     `json:"scenario"`
		Years    []yearJSON `json:"years"`
	}{f.Scenario, years})
}
