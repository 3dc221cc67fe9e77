package scenario

import (
	"encoding/json"
	"fmt"

	"github.com/pcnfin/pcnfin/des"
)

// Comparison is a scenario in two DES years, line by line: payments and
// their rates, the entitlements total, the ARRS position, each person's
// claim, and the ARRS roles and their maxima.
type Comparison struct {
	Scenario string
	From, To YearResult
	Payments []Change
	Total    Change
	ARRS     []Change
	Staff    []Change
	Roles    []Change
}

// Compare works out the scenario in years from and to (each by Year, as
// every program does) and compares them.
func Compare(sc *Scenario, from, to des.Year, published []*des.RuleSet, opt Options) (Comparison, error) {
	if from == to {
		return Comparison{}, fmt.Errorf("%w: want two different years to compare, got %s twice", des.ErrInvalid, from)
	}
	f, err := Run(sc, []des.Year{from, to}, published, opt)
	if err != nil {
		return Comparison{}, err
	}
	a, b := f.Years[0], f.Years[1]
	if a.Year != from {
		a, b = b, a
	}
	c := Comparison{Scenario: sc.Name, From: a, To: b}
	yc := compareYears(a.Entitlements, b.Entitlements, a.Rules, b.Rules)
	c.Payments, c.Total, c.Roles = yc.Payments, yc.Total, yc.Roles
	c.ARRS, c.Staff = compareResults(a.ARRS, b.ARRS)
	return c, nil
}

// comparedYear is how a side of a comparison reaches JSON.
type comparedYear struct {
	Year          des.Year  `json:"year"`
	RuleSet       string    `json:"rule_set"`
	Projected     bool      `json:"projected,omitempty"`
	ProjectedFrom des.Year  `json:"projected_from,omitempty"`
	Gaps          []des.Gap `json:"gaps,omitempty"`
}

func comparedYearOf(y YearResult) comparedYear {
	return comparedYear{y.Year, y.RuleSet, y.Projected, y.ProjectedFrom, y.Gaps}
}

// MarshalJSON writes the comparison: amounts with two places, "" where a
// year has none.
func (c Comparison) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Scenario string       `json:"scenario"`
		From     comparedYear `json:"from"`
		To       comparedYear `json:"to"`
		Payments []Change     `json:"payments"`
		Total    Change       `json:"entitlements_total"`
		ARRS     []Change     `json:"arrs"`
		Staff    []Change     `json:"staff"`
		Roles    []Change     `json:"roles"`
	}{c.Scenario, comparedYearOf(c.From), comparedYearOf(c.To), c.Payments, c.Total, c.ARRS, c.Staff, c.Roles})
}
