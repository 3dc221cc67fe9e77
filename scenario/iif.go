package scenario

import (
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// The Investment and Impact Fund (IIF) is earned, not an entitlement: a PCN
// is paid for the points it achieves on a year's indicators. pcnfin does not
// forecast achievement; given the points a PCN expects on each indicator,
// it estimates the payment the way the DES states it:
//
//	points × point value × list-size adjustment × prevalence adjustment
//
// where the list-size adjustment is the PCN's list over the average PCN's
// and the prevalence adjustment the PCN's prevalence over the national (1
// for indicators that are not prevalence-based). Both adjustments are
// inputs: NHS England works them out from national data. Each indicator's
// estimate is rounded to the penny; the total is their sum. It is an
// estimate, and every result says so.

// IIFIndicator is the achievement a PCN expects on one indicator.
type IIFIndicator struct {
	Indicator string          `json:"indicator"`
	Points    decimal.Decimal `json:"points"`
	// ListSize and Prevalence are the adjustments (1 when not given).
	ListSize   decimal.Decimal `json:"list_size_adjustment"`
	Prevalence decimal.Decimal `json:"prevalence_adjustment"`
}

// IIFEstimate is the estimated IIF payment.
type IIFEstimate struct {
	Year       des.Year          `json:"year"`
	PointValue decimal.Decimal   `json:"point_value"`
	Lines      []IIFEstimateLine `json:"lines"`
	Total      decimal.Decimal   `json:"total"`
	Source     des.Source        `json:"source"`
	Note       string            `json:"note"`
}

// IIFEstimateLine is one indicator's estimate.
type IIFEstimateLine struct {
	IIFIndicator
	Amount  decimal.Decimal `json:"amount"`
	Explain string          `json:"explain"`
}

// estimateIIF estimates the IIF payment for the points expected on each
// indicator. It reports des.ErrNoRate when the year has no sourced point value.
func estimateIIF(rs *des.RuleSet, inds []IIFIndicator) (IIFEstimate, error) {
	if rs == nil {
		return IIFEstimate{}, fmt.Errorf("%w: no rule set", des.ErrMissing)
	}
	if rs.Year() == 0 {
		return IIFEstimate{}, fmt.Errorf("%w: the rule set has no year: make one with LoadRuleSet (or take one from package rates), "+
			"not a zero RuleSet", des.ErrMissing)
	}
	rules, ok := rs.IIF()
	if !ok {
		return IIFEstimate{}, fmt.Errorf("%w: no sourced IIF point value for %s", des.ErrNoRate, rs.Year())
	}
	e := IIFEstimate{Year: rs.Year(), PointValue: rules.PointValue, Total: decimal.Zero, Source: rules.Source,
		Note: "an ESTIMATE: IIF is paid on achievement, with adjustments NHS England works out after the year"}
	one := decimal.NewFromInt(1)
	points := decimal.Zero
	for i, in := range inds {
		if in.ListSize.IsZero() {
			in.ListSize = one
		}
		if in.Prevalence.IsZero() {
			in.Prevalence = one
		}
		if in.Points.IsNegative() || in.ListSize.IsNegative() || in.Prevalence.IsNegative() {
			return IIFEstimate{}, &des.FieldError{Field: fmt.Sprintf("iif[%d]", i),
				Msg: "points and adjustments must not be negative", Err: des.ErrInvalid}
		}
		points = points.Add(in.Points)
		amt := money.RoundPenny(in.Points.Mul(rules.PointValue).Mul(in.ListSize).Mul(in.Prevalence))
		ex := fmt.Sprintf("%s: %s points × %s × list size %s × prevalence %s = %s (estimate)", in.Indicator, in.Points,
			money.FormatRate(rules.PointValue), in.ListSize, in.Prevalence, money.Pounds(amt))
		e.Lines = append(e.Lines, IIFEstimateLine{IIFIndicator: in, Amount: amt, Explain: ex})
		e.Total = e.Total.Add(amt)
	}
	if rules.MaxPoints > 0 && points.GreaterThan(decimal.NewFromInt(rules.MaxPoints)) {
		return IIFEstimate{}, &des.FieldError{Field: "iif",
			Msg: fmt.Sprintf("%s points in all, more than the %d available in %s", points, rules.MaxPoints, rs.Year()),
			Err: des.ErrInvalid}
	}
	return e, nil
}

// Explain lists the indicators' estimates and the total.
func (e IIFEstimate) Explain() string {
	var parts []string
	for _, l := range e.Lines {
		parts = append(parts, l.Explain)
	}
	return fmt.Sprintf("IIF %s ESTIMATE: %s; total %s (point value source: %s <%s> [%s])", e.Year,
		strings.Join(parts, "; "), money.Pounds(e.Total), e.Source.Document, e.Source.URL, e.Source.Confidence)
}

// MarshalJSON writes the estimate with its explanation.
func (e IIFEstimate) MarshalJSON() ([]byte, error) {
	type line struct {
		IIFIndicator
		Amount  money.JSONMoney `json:"amount"`
		Explain string          `json:"explain"`
	}
	lines := make([]line, len(e.Lines))
	for i, l := range e.Lines {
		lines[i] = line{l.IIFIndicator, money.JSONMoney(l.Amount), l.Explain}
	}
	return json.Marshal(struct {
		Year       des.Year        `json:"year"`
		Total      money.JSONMoney `json:"total"`
		PointValue decimal.Decimal `json:"point_value"`
		Note       string          `json:"note"`
		Explain    string          `json:"explain"`
		Lines      []line          `json:"lines"`
		Source     des.Source      `json:"source"`
	}{e.Year, money.JSONMoney(e.Total), e.PointValue, e.Note, e.Explain(), lines, e.Source})
}
