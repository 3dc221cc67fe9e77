package des

import (
	"github.com/shopspring/decimal"
)

// IIFRules is a year's IIF point value, where a source gives one.
type IIFRules struct {
	PointValue decimal.Decimal `json:"point_value"`
	// MaxPoints is the most points available, where stated (0 if not).
	MaxPoints int64  `json:"max_points,omitempty"`
	Source    Source `json:"source"`
}

// IIF returns the year's IIF rules, and false when the rule set has no
// sourced point value.
func (r *RuleSet) IIF() (IIFRules, bool) {
	if r == nil || r.iif == nil {
		return IIFRules{}, false
	}
	return *r.iif, true
}
