package des

import (
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/pcnfin/pcnfin/internal/names"

	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Practice is one GP practice of a PCN with its population figures at the
// reference date (1 January before the DES year). A figure that was not
// given has Set == false; a payment that needs it reports an error rather
// than treating it as zero.
type Practice struct {
	Name string `json:"name" toml:"name"`
	ODS  string `json:"ods,omitempty" toml:"ods"`
	// Registered is the registered list (a head count).
	Registered Number `json:"registered" toml:"registered"`
	// Weighted is the Carr-Hill (global sum) weighted list.
	Weighted Number `json:"weighted" toml:"weighted"`
	// Adjusted is the PCN adjusted population NHS England publishes.
	Adjusted Number `json:"adjusted" toml:"adjusted"`
	// CareHomeBeds is the number of aligned care-home beds.
	CareHomeBeds Number `json:"care_home_beds" toml:"care_home_beds"`
}

// Figure returns the practice's figure for a basis (1 for Fixed).
func (p Practice) Figure(b Basis) (decimal.Decimal, bool) {
	var n Number
	switch b {
	case Registered:
		n = p.Registered
	case Weighted:
		n = p.Weighted
	case Adjusted:
		n = p.Adjusted
	case CareHomeBeds:
		n = p.CareHomeBeds
	case Fixed:
		return decimal.NewFromInt(1), true
	}
	return n.d, n.set
}

// PCN is a Primary Care Network: a name and its member practices. PCN
// figures are the sums of the practices' figures.
type PCN struct {
	Name      string     `json:"name"`
	Practices []Practice `json:"practices"`
}

// MissingFigureError is returned when a payment needs a figure a practice
// does not give. It wraps ErrMissingFigure.
type MissingFigureError struct {
	Practice string // practice name
	Index    int    // position in the PCN's list
	Field    string // registered, weighted, adjusted, care_home_beds
	Payment  string // the payment that needs it
}

func (e *MissingFigureError) Error() string {
	return fmt.Sprintf("practices[%d] (%s): no %s figure, which %s needs", e.Index, e.Practice, e.Field, e.Payment)
}

// Unwrap returns ErrMissingFigure.
func (e *MissingFigureError) Unwrap() error { return ErrMissingFigure }

// Total returns the PCN's figure for a basis: the sum over its practices.
// Fixed gives 1. A practice without the figure gives a *MissingFigureError
// naming payment as the one that needs it.
func (p PCN) Total(b Basis, payment string) (decimal.Decimal, error) {
	if b == Fixed {
		return decimal.NewFromInt(1), nil
	}
	sum := decimal.Zero
	if len(p.Practices) == 0 {
		return sum, &MissingFigureError{Practice: "(none)", Index: -1, Field: string(b), Payment: payment}
	}
	for i, pr := range p.Practices {
		v, ok := pr.Figure(b)
		if !ok {
			return decimal.Zero, &MissingFigureError{Practice: pr.Name, Index: i, Field: string(b), Payment: payment}
		}
		sum = sum.Add(v)
	}
	return sum, nil
}

// Validate checks the figures that are given: none negative, head counts
// and beds whole numbers, weighted and adjusted figures with at most six
// decimal places, and a name for each practice.
func (p PCN) Validate() error {
	var errs Errors
	for i, pr := range p.Practices {
		at := fmt.Sprintf("practices[%d]", i)
		if strings.TrimSpace(pr.Name) == "" {
			errs = append(errs, &FieldError{Field: at + ".name", Msg: "missing practice name", Err: ErrMissing})
		} else if msg := names.NameProblem(pr.Name); msg != "" {
			errs = append(errs, &FieldError{Field: at + ".name", Msg: fmt.Sprintf("practice %q %s", pr.Name, msg),
				Err: ErrInvalid})
		}
		for _, f := range []struct {
			name  string
			n     Number
			whole bool
		}{{"registered", pr.Registered, true}, {"weighted", pr.Weighted, false}, {"adjusted", pr.Adjusted, false},
			{"care_home_beds", pr.CareHomeBeds, true}} {
			if !f.n.set {
				continue
			}
			switch {
			case f.n.d.IsNegative():
				errs = append(errs, &FieldError{Field: at + "." + f.name, Msg: fmt.Sprintf("%s is negative", f.n.d),
					Err: ErrInvalid})
			case f.whole && !f.n.d.IsInteger():
				errs = append(errs, &FieldError{Field: at + "." + f.name, Msg: fmt.Sprintf("%s: want a whole number", f.n.d),
					Err: ErrInvalid})
			case money.Places(f.n.d) > 6:
				errs = append(errs, &FieldError{Field: at + "." + f.name,
					Msg: fmt.Sprintf("%s has more than six decimal places", f.n.d), Err: ErrInvalid})
			case abovePopulation(f.n.d):
				errs = append(errs, &FieldError{Field: at + "." + f.name,
					Msg: fmt.Sprintf("%s is more than the population of England", f.n.d), Err: ErrInvalid})
			}
		}
	}
	return errs.Err()
}

var maxPopulation = decimal.NewFromInt(100_000_000)

// abovePopulation reports d > maxPopulation, without allocating for a
// figure of at most six places (every figure Validate lets past Places).
func abovePopulation(d decimal.Decimal) bool {
	if e := d.Exponent(); e <= 0 && e >= -6 && d.NumDigits() <= 18 {
		limit := int64(100_000_000)
		for ; e < 0; e++ {
			limit *= 10
		}
		return d.CoefficientInt64() > limit
	}
	return d.GreaterThan(maxPopulation)
}
