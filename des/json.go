package des

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// JSONMoney is money as JSON and text: a string with exactly two decimal
// places ("11732.90"), whatever form the decimal inside has. Every result
// type of pcnfin writes its money through it.
type JSONMoney decimal.Decimal

// MarshalText writes the amount with two places.
func (m JSONMoney) MarshalText() ([]byte, error) {
	return []byte(decimal.Decimal(m).StringFixed(2)), nil
}

// UnmarshalText reads an amount.
func (m *JSONMoney) UnmarshalText(b []byte) error {
	d, err := decimal.NewFromString(string(b))
	*m = JSONMoney(d)
	return err
}

// Decimal returns the amount.
func (m JSONMoney) Decimal() decimal.Decimal { return decimal.Decimal(m) }

// JSONMoneys converts a list of amounts.
func JSONMoneys(ds []decimal.Decimal) []JSONMoney {
	if ds == nil {
		return nil
	}
	out := make([]JSONMoney, len(ds))
	for i, d := range ds {
		out[i] = JSONMoney(d)
	}
	return out
}

// Decimals converts a list of amounts back.
func Decimals(ms []JSONMoney) []decimal.Decimal {
	if ms == nil {
		return nil
	}
	out := make([]decimal.Decimal, len(ms))
	for i, m := range ms {
		out[i] = decimal.Decimal(m)
	}
	return out
}

// MarshalJSON writes the amount with its explanation (the arithmetic and
// sources); the parts are in the explanation.
func (a Amount) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID      string      `json:"id"`
		Name    string      `json:"name"`
		PaidTo  Payee       `json:"paid_to"`
		Kind    Kind        `json:"kind"`
		Pot     PotID       `json:"pot,omitempty"`
		Amount  JSONMoney   `json:"amount"`
		Months  []JSONMoney `json:"months,omitempty"`
		Explain string      `json:"explain"`
	}{a.ID, a.Name, a.PaidTo, a.Kind, a.Pot, JSONMoney(a.Total), JSONMoneys(a.Months), a.Explain()})
}

// MarshalJSON writes the entitlements, money with two places.
func (e Entitlements) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Year     Year      `json:"year"`
		PCN      string    `json:"pcn"`
		Payments []Amount  `json:"payments"`
		Total    JSONMoney `json:"total"`
		ARRSSums []Amount  `json:"arrs_sums"`
	}{e.Year, e.PCN, e.Payments, JSONMoney(e.Total), e.ARRSSums})
}

// MarshalJSON writes the estimate with its explanation.
func (e IIFEstimate) MarshalJSON() ([]byte, error) {
	type line struct {
		IIFIndicator
		Amount  JSONMoney `json:"amount"`
		Explain string    `json:"explain"`
	}
	lines := make([]line, len(e.Lines))
	for i, l := range e.Lines {
		lines[i] = line{l.IIFIndicator, JSONMoney(l.Amount), l.Explain}
	}
	return json.Marshal(struct {
		Year       Year            `json:"year"`
		Total      JSONMoney       `json:"total"`
		PointValue decimal.Decimal `json:"point_value"`
		Note       string          `json:"note"`
		Explain    string          `json:"explain"`
		Lines      []line          `json:"lines"`
		Source     Source          `json:"source"`
	}{e.Year, JSONMoney(e.Total), e.PointValue, e.Note, e.Explain(), lines, e.Source})
}

// MarshalJSON writes the total, money with two places.
func (t GroupTotal) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name         string          `json:"name"`
		PCNs         int             `json:"pcns"`
		Registered   decimal.Decimal `json:"registered"`
		Entitlements JSONMoney       `json:"entitlements"`
		ARRSSum      JSONMoney       `json:"arrs_sum"`
	}{t.Name, t.PCNs, t.Registered, JSONMoney(t.Entitlements), JSONMoney(t.ARRSSum)})
}

// MarshalJSON writes the total, money with two places.
func (p PaymentTotal) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID     string    `json:"id"`
		Name   string    `json:"name,omitempty"`
		Kind   Kind      `json:"kind,omitempty"`
		Amount JSONMoney `json:"amount"`
	}{p.ID, p.Name, p.Kind, JSONMoney(p.Amount)})
}

// MarshalJSON writes the PCN's row and amounts (not the explanations: a
// roll-up holds every PCN).
func (r RolledPCN) MarshalJSON() ([]byte, error) {
	reg := ""
	if v, ok := r.Registered(); ok {
		reg = v.String()
	}
	var pays []PaymentTotal
	for _, a := range append(append([]Amount(nil), r.Entitlements.Payments...), r.Entitlements.ARRSSums...) {
		pays = append(pays, PaymentTotal{ID: a.ID, Kind: a.Kind, Amount: a.Total})
	}
	return json.Marshal(struct {
		Line         int            `json:"line"`
		Code         string         `json:"pcn_code"`
		Name         string         `json:"name"`
		ICB          string         `json:"icb"`
		Registered   string         `json:"registered,omitempty"`
		Entitlements JSONMoney      `json:"entitlements"`
		ARRSSum      JSONMoney      `json:"arrs_sum"`
		Payments     []PaymentTotal `json:"payments"`
	}{r.Row.Line, r.Row.Code, r.Row.Name, r.Row.ICB, reg, JSONMoney(r.Entitlements.Total), JSONMoney(r.ARRSSum()), pays})
}

// MarshalJSON writes the roll-up of one year.
func (r Rollup) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Year      Year           `json:"year"`
		RuleSet   string         `json:"rule_set"`
		PCNs      []RolledPCN    `json:"pcns"`
		ICBs      []GroupTotal   `json:"icbs"`
		England   GroupTotal     `json:"england"`
		ByPayment []PaymentTotal `json:"by_payment"`
		LeftOut   []string       `json:"left_out,omitempty"`
		Gaps      []Gap          `json:"gaps,omitempty"`
	}{r.Year, r.RuleSet, r.PCNs, r.ICBs, r.England, r.ByPayment, r.LeftOut, r.Gaps})
}
