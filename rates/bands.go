package rates

import (
	_ "embed"
	"fmt"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"sync"

	"github.com/pcnfin/pcnfin/des"
)

// bandsTOML is the pay bands and the pay awards that moved the ARRS maxima,
// each award with its source: what the band model derives the maxima no
// source gives from (see bands.toml and derive.Complete).
//
//go:embed bands.toml
var bandsTOML []byte

var (
	bandsOnce sync.Once
	bands     *derive.BandRules
	bandsErr  error
)

// Bands returns the embedded band rules, parsed and validated once.
func Bands() (*derive.BandRules, error) {
	bandsOnce.Do(func() { bands, bandsErr = rulefile.ReadBands("rates/bands.toml", bandsTOML) })
	return bands, bandsErr
}

// complete runs the band model and the carrying of figures over rule sets,
// with the embedded bands and on-cost rules.
func complete(sets []*des.RuleSet) ([]*des.RuleSet, error) {
	b, rates, err := modelInputs()
	if err != nil {
		return nil, err
	}
	return derive.Complete(sets, b, rates)
}

// modelInputs are what the band model works from: the embedded bands and
// the embedded on-cost rates.
func modelInputs() (*derive.BandRules, derive.OnCostRates, error) {
	b, err := Bands()
	if err != nil {
		return nil, nil, err
	}
	oc, err := OnCosts()
	if err != nil {
		return nil, nil, err
	}
	return b, oc.RatesOn, nil
}

// Complete fills a rule set of your own (a local variation, a new year) as
// the embedded ones are filled: the maxima no source in it gives are derived
// by the band model from its own sourced figures and those of the embedded
// years, and payments it marks carry come from the year before (the
// embedded one, unless rs is that year's replacement). Its sourced figures
// always win. The result is labelled as the embedded sets are: derived or
// carried figures say so, and rs.SourcedOnly() refuses them. It parses no
// embedded year but the one before rs's (from the index, as Year).
func Complete(rs *des.RuleSet) (*des.RuleSet, error) {
	if rs == nil {
		return nil, fmt.Errorf("%w: no rule set", des.ErrMissing)
	}
	ix := theIndex()
	if ix == nil {
		return completeAmongAll(rs)
	}
	var prev *des.RuleSet
	if _, err := state(rs.Year() - 1); err == nil {
		if prev, err = Year(rs.Year() - 1); err != nil {
			return nil, err
		}
	}
	return derive.CompleteYear(rs, derive.CarryOf(rs, prev), ix.evs, ix.bands, ix.rates)
}

// completeAmongAll is Complete with every embedded year parsed (without a
// usable index): rs completed together with the others, in place of the
// embedded rule set for its year.
func completeAmongAll(rs *des.RuleSet) (*des.RuleSet, error) {
	if _, err := All(); err != nil {
		return nil, err
	}
	raw, err := parsed()
	if err != nil {
		return nil, err
	}
	list := []*des.RuleSet{rs}
	for _, o := range raw {
		if o.Year() != rs.Year() {
			list = append(list, o)
		}
	}
	out, err := complete(list)
	if err != nil {
		return nil, err
	}
	for _, o := range out {
		if o.Year() == rs.Year() {
			return o, nil
		}
	}
	return nil, fmt.Errorf("%w: %s", des.ErrUnknownYear, rs.Year())
}

// ModelValidation runs derive.LeaveOneOut over the embedded years as their
// files state them: every sourced national maximum derived again from the
// others alone.
func ModelValidation() ([]derive.Check, error) {
	b, rates, err := modelInputs()
	if err != nil {
		return nil, err
	}
	sets, err := parsed()
	if err != nil {
		return nil, err
	}
	return derive.LeaveOneOut(sets, b, rates)
}

// LondonValidation runs derive.LeaveOneOutLondon over the embedded years as
// their files state them: every sourced London maximum derived again from
// its national figure by the High Cost Area Supplement rule (or, for the
// GP, from the salary basis) with it left out.
func LondonValidation() ([]derive.Check, error) {
	b, rates, err := modelInputs()
	if err != nil {
		return nil, err
	}
	sets, err := parsed()
	if err != nil {
		return nil, err
	}
	return derive.LeaveOneOutLondon(sets, b, rates)
}
