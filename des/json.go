package des

import (
	"encoding/json"
)

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
