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
		ID      string  `json:"id"`
		Name    string  `json:"name"`
		PaidTo  Payee   `json:"paid_to"`
		Kind    Kind    `json:"kind"`
		Pot     PotID   `json:"pot,omitempty"`
		Amount  Money   `json:"amount"`
		Months  []Money `json:"months,omitempty"`
		Explain string  `json:"explain"`
	}{ID: a.ID, Name: a.Name, PaidTo: a.PaidTo, Kind: a.Kind, Pot: a.Pot, Amount: a.Total, Months: a.Months, Explain: a.Explain()})
}

// MarshalJSON writes the entitlements, money with two places.
func (e Entitlements) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Year     Year     `json:"year"`
		PCN      string   `json:"pcn"`
		Payments []Amount `json:"payments"`
		Total    Money    `json:"total"`
		ARRSSums []Amount `json:"arrs_sums"`
	}{Year: e.Year, PCN: e.PCN, Payments: e.Payments, Total: e.Total, ARRSSums: e.ARRSSums})
}
