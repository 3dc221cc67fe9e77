package scenario

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/des/derive"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
)

// Options change how a scenario is worked out. The zero value is what most
// want: every figure as announced by now, staff given by salary costed by the
// embedded on-cost rules (rates.OnCosts).
type Options struct {
	// AsAt, when set, uses only figures announced on or before that date.
	AsAt des.Date
	// SalaryCost turns a salary into an employer cost (see arrs.Options);
	// nil means the embedded on-cost rules, arrs.OnCostRules(rates.OnCosts()).
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
	IIF *IIFEstimate `json:"iif_estimate,omitempty"`
	// Rules is the rule set the year was worked out with.
	Rules *des.RuleSet `json:"-"`
	// PCN is the year's PCN, as PCN(Year) gives it.
	PCN des.PCN `json:"-"`
	// Notes are what the scenario asked for that the year could not use
	// (an [[iif]] in a year with no sourced point value): said, not dropped.
	Notes []string `json:"notes,omitempty"`
}

// Forecast is a scenario worked out over one or more DES years.
type Forecast struct {
	Scenario string       `json:"scenario"`
	Years    []YearResult `json:"years"`
	// Notes are what the scenario gives that the forecast did not use (a
	// [[population]] for a year not computed), then each year's Notes,
	// prefixed with the year: everything a reader should be told.
	Notes []string `json:"notes,omitempty"`
}

// RuleSet returns the rule set for year y: the published one (the last of
// published for that year, so a user's own file listed after the embedded
// ones wins), else a projection from the latest published year before y with
// the scenario's assumptions. With opt.SourcedOnly it is the SourcedOnly copy.
func (sc *Scenario) RuleSet(y des.Year, published []*des.RuleSet, opt Options) (*des.RuleSet, error) {
	if sc == nil {
		return nil, fmt.Errorf("%w: no scenario", des.ErrMissing)
	}
	if y == 0 {
		return nil, fmt.Errorf("%w: no year", des.ErrMissing)
	}
	// nil and zero rule sets (not from rulefile.Read) are not rule sets
	published = slices.DeleteFunc(slices.Clone(published), func(p *des.RuleSet) bool { return p.Year() == 0 })
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
		p := derive.Projection{EntitlementGrowth: a.EntitlementGrowth, ARRSGrowth: a.ARRSGrowth, PayUplift: a.PayUplift}
		if rs, err = derive.ProjectFrom(published, y, p); err != nil {
			return nil, err
		}
	}
	if opt.SourcedOnly {
		rs = rs.SourcedOnly()
	}
	return rs, nil
}

// RuleSets returns the rule set (RuleSet) of each year asked for, in order,
// once each. A user's own rule set (OwnRules) that the years would leave
// unused is refused, as by Run.
func (sc *Scenario) RuleSets(years []des.Year, published []*des.RuleSet, opt Options) ([]*des.RuleSet, error) {
	if sc == nil {
		return nil, fmt.Errorf("%w: no scenario", des.ErrMissing)
	}
	ys := slices.Clone(years)
	slices.Sort(ys)
	ys = slices.Compact(ys)
	if err := sc.ownRulesUsed(ys, published); err != nil {
		return nil, err
	}
	var rss []*des.RuleSet
	for _, y := range ys {
		rs, err := sc.RuleSet(y, published, opt)
		if err != nil {
			return nil, err
		}
		rss = append(rss, rs)
	}
	return rss, nil
}

// Year works out one DES year of the scenario: its rule set (RuleSet), its
// PCN (PCN) and roster (Roster), the network entitlements and the ARRS
// claims. Every program's figures for a year come from here.
func (sc *Scenario) Year(y des.Year, published []*des.RuleSet, opt Options) (YearResult, error) {
	if sc == nil {
		return YearResult{}, fmt.Errorf("%w: no scenario", des.ErrMissing)
	}
	if err := sc.ownRulesUsed([]des.Year{y}, published); err != nil {
		return YearResult{}, err
	}
	return sc.year(y, published, opt)
}

// ownRulesUsed refuses a user's own rule set (OwnRules) that the years
// asked for would leave unused, or that is not among the rule sets given.
func (sc *Scenario) ownRulesUsed(ys []des.Year, published []*des.RuleSet) error {
	own := sc.OwnRules
	if own == nil {
		return nil
	}
	name := own.File()
	if name == "" {
		name = "the rule set of your own"
	}
	if !slices.Contains(published, own) {
		return &des.FieldError{File: name, Field: "year",
			Msg: fmt.Sprintf("the rule set of your own (%s) is not among the rule sets given to work out the scenario",
				own.Year()), Err: des.ErrInvalid}
	}
	if !slices.Contains(ys, own.Year()) {
		return &des.FieldError{File: name, Field: "year",
			Msg: fmt.Sprintf("this rule set is for %s, a year not being worked out (%s): it would be silently unused; "+
				"ask for %s, or leave the file out", own.Year(), yearList(ys), own.Year()), Err: des.ErrUnknownYear}
	}
	return nil
}

// year is Year without the check of OwnRules (Run checks it for all its years).
func (sc *Scenario) year(y des.Year, published []*des.RuleSet, opt Options) (YearResult, error) {
	rs, err := sc.RuleSet(y, published, opt)
	if err != nil {
		return YearResult{}, err
	}
	pcn := sc.PCN(y)
	yr := YearResult{Year: y, RuleSet: rs.TitleAsAt(opt.AsAt), Gaps: rs.Gaps(), Rules: rs, PCN: pcn}
	if from, ok := rs.Projected(); ok {
		yr.Projected, yr.ProjectedFrom = true, from
	}
	if yr.Entitlements, err = des.Entitle(rs, pcn, des.Options{AsAt: opt.AsAt}); err != nil {
		return yr, sc.figureError(y, err)
	}
	if len(sc.IIF) > 0 {
		if _, ok := rs.IIF(); ok {
			est, err := estimateIIF(rs, sc.IIF)
			if err != nil {
				return yr, err
			}
			yr.IIF = &est
		} else {
			yr.Notes = append(yr.Notes,
				fmt.Sprintf("%s: [[iif]] not used: no source gives an IIF point value for %s, so no estimate is made",
					sc.Where("iif[0]"), y))
		}
	}
	if err := sc.checkBands(rs, published); err != nil {
		return yr, err
	}
	plan, err := compile(rs, opt)
	if err != nil {
		return yr, err
	}
	yr.ARRS, err = plan.Calculate(pcn, sc.Roster(y))
	return yr, sc.figureError(y, err)
}

// checkBands refuses a band on a staff line whose role is paid at one
// maximum whatever the band: in rs and in every published rule set (a
// band chooses the maximum only for a role paid at a range of bands, such
// as mental health practitioners, and would otherwise be silently unused).
func (sc *Scenario) checkBands(rs *des.RuleSet, published []*des.RuleSet) error {
	var errs des.Errors
	for i, s := range sc.Staff {
		if s.Band == "" || !knownRole(rs, s.Role) || paidByBand(s.Role, rs, published) {
			continue
		}
		path := fmt.Sprintf("staff[%d].band", i)
		errs = append(errs, &des.FieldError{File: sc.File, Line: sc.line(path), Field: path, Err: des.ErrInvalid,
			Msg: fmt.Sprintf("%q: band %q: %s is paid at one maximum whatever the band (a band chooses the maximum "+
				"only for a role paid at a range of bands, such as mental_health_practitioner); leave band out",
				s.Name, s.Band, s.Role)})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// knownRole reports whether rs has the role id.
func knownRole(rs *des.RuleSet, id string) bool {
	return slices.ContainsFunc(rs.ARRS().Roles, func(r des.Role) bool { return r.ID == id })
}

// paidByBand reports whether any of the rule sets pays the role id at a
// range of bands.
func paidByBand(id string, rs *des.RuleSet, published []*des.RuleSet) bool {
	for _, set := range append([]*des.RuleSet{rs}, published...) {
		for _, r := range set.ARRS().Roles {
			if r.ID == id && len(r.BandMaxima) > 0 {
				return true
			}
		}
	}
	return false
}

// compile compiles a year's claims engine with opt's on-cost rules, the
// embedded ones when opt gives none: the one place a scenario's salaries
// meet their on-costs.
func compile(rs *des.RuleSet, opt Options) (*arrs.Plan, error) {
	cost := opt.SalaryCost
	if cost == nil {
		o, err := rates.OnCosts()
		if err != nil {
			return nil, err
		}
		cost = arrs.OnCostRules(o)
	}
	return arrs.Compile(rs, arrs.Options{AsAt: opt.AsAt, SalaryCost: cost})
}

// Where names a field of the scenario (a path such as "sharing.basis") as
// file:line, the file alone when the field is not in it, "scenario" when
// the scenario has no file: for notes, and for errors found after loading
// (statement.Of uses it to place a sharing rule that cannot be applied).
func (sc *Scenario) Where(path string) string {
	w := sc.File
	if w == "" {
		w = "scenario"
	}
	if l := sc.line(path); l > 0 {
		w += fmt.Sprintf(":%d", l)
	}
	return w
}

// figureError turns a missing population figure into an error naming the
// file, line and field of the practice that lacks it.
func (sc *Scenario) figureError(y des.Year, err error) error {
	var mf *des.MissingFigureError
	if err == nil || !errors.As(err, &mf) || mf.Index < 0 {
		return err
	}
	path := fmt.Sprintf("%s[%d].%s", sc.practicesPath(y), mf.Index, mf.Field)
	return &des.FieldError{File: sc.File, Line: sc.line(path), Field: path,
		Msg: fmt.Sprintf("%s: practice %q has no %s figure, which %s needs", y, mf.Practice, mf.Field, mf.Payment), Err: mf}
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
	ys = slices.Compact(ys)
	if err := sc.ownRulesUsed(ys, published); err != nil {
		return Forecast{}, err
	}
	f := Forecast{Scenario: sc.Name}
	for _, y := range ys {
		yr, err := sc.year(y, published, opt)
		if err != nil {
			var fe *des.FieldError
			if errors.As(err, &fe) && fe.File != "" {
				return Forecast{}, err // it names the file, line and year
			}
			err = fmt.Errorf("%s: %w", y, err)
			if sc.File != "" {
				err = fmt.Errorf("%s: %w", sc.File, err)
			}
			return Forecast{}, err
		}
		f.Years = append(f.Years, yr)
	}
	var unused []des.Year
	for py := range sc.Populations {
		if !slices.Contains(ys, py) {
			unused = append(unused, py)
		}
	}
	slices.Sort(unused)
	for _, py := range unused {
		f.Notes = append(f.Notes,
			fmt.Sprintf("%s: the [[population]] for %s is not used: it is not among the years computed (%s)",
				sc.Where(fmt.Sprintf("population[%d]", sc.popIndex[py])), py, yearList(ys)))
	}
	for _, yr := range f.Years {
		for _, n := range yr.Notes {
			f.Notes = append(f.Notes, yr.Year.String()+": "+n)
		}
	}
	return f, nil
}

func yearList(ys []des.Year) string {
	var s []string
	for _, y := range ys {
		s = append(s, y.String())
	}
	return strings.Join(s, ", ")
}

// yearJSON is a year of a forecast as JSON. Users' tools read these names:
// year, entitlements[{id, amount, explain}], entitlements_total and
// arrs{sum, claims, headroom, staff[{name, role, claim}]}. Add fields; do
// not rename these.
type yearJSON struct {
	Year               des.Year     `json:"year"`
	Projected          bool         `json:"projected,omitempty"`
	ProjectedFrom      des.Year     `json:"projected_from,omitempty"`
	RuleSet            string       `json:"rule_set"`
	Entitlements       []des.Amount `json:"entitlements"`
	EntitlementsTotal  des.Money    `json:"entitlements_total"`
	ARRSSums           []des.Amount `json:"arrs_sums,omitempty"`
	ARRS               arrs.Result  `json:"arrs"`
	EntitlementsChange *des.Money   `json:"entitlements_change,omitempty"`
	ClaimsChange       *des.Money   `json:"claims_change,omitempty"`
	Gaps               []des.Gap    `json:"gaps,omitempty"`
	IIF                *IIFEstimate `json:"iif_estimate,omitempty"`
	Notes              []string     `json:"notes,omitempty"`
}

func (y YearResult) json(prev *YearResult) (yearJSON, error) {
	j := yearJSON{Year: y.Year, Projected: y.Projected, ProjectedFrom: y.ProjectedFrom, RuleSet: y.RuleSet,
		Entitlements: y.Entitlements.Payments, EntitlementsTotal: y.Entitlements.Total,
		ARRSSums: y.Entitlements.ARRSSums, ARRS: y.ARRS, Gaps: y.Gaps, IIF: y.IIF, Notes: y.Notes}
	if prev != nil {
		e, err := y.Entitlements.Total.Sub(prev.Entitlements.Total)
		if err != nil {
			return yearJSON{}, fmt.Errorf("%s: the entitlements change: %w", y.Year, err)
		}
		c, err := y.ARRS.Claims.Sub(prev.ARRS.Claims)
		if err != nil {
			return yearJSON{}, fmt.Errorf("%s: the claims change: %w", y.Year, err)
		}
		j.EntitlementsChange, j.ClaimsChange = &e, &c
	}
	return j, nil
}

// MarshalJSON writes the year, money with two places.
func (y YearResult) MarshalJSON() ([]byte, error) {
	j, err := y.json(nil)
	if err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// MarshalJSON writes the forecast, money with two places; each year after
// the first also has its change from the year before.
func (f Forecast) MarshalJSON() ([]byte, error) {
	years := make([]yearJSON, len(f.Years))
	for i, y := range f.Years {
		var prev *YearResult
		if i > 0 {
			prev = &f.Years[i-1]
		}
		var err error
		if years[i], err = y.json(prev); err != nil {
			return nil, err
		}
	}
	return json.Marshal(struct {
		Scenario string     `json:"scenario"`
		Years    []yearJSON `json:"years"`
		Notes    []string   `json:"notes,omitempty"`
	}{f.Scenario, years, f.Notes})
}
