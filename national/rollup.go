package national

import (
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/money"

	"encoding/json"

	"github.com/shopspring/decimal"
)

// RolledPCN is one PCN of a roll-up: its row of a PCN list and its
// entitlements for the year.
type RolledPCN struct {
	Row          PCNRow
	Entitlements des.Entitlements
}

// Registered is the PCN's registered list (the sum of its practices' figures
// where given), and whether any practice gives one.
func (r RolledPCN) Registered() (decimal.Decimal, bool) {
	sum, ok := decimal.Zero, false
	for _, p := range r.Row.PCN.Practices {
		if v, has := p.Figure(des.Registered); has {
			sum, ok = sum.Add(v), true
		}
	}
	return sum, ok
}

// ARRSSum is the PCN's ARRS sums added up over every pot.
func (r RolledPCN) ARRSSum() decimal.Decimal {
	sum := decimal.Zero
	for _, a := range r.Entitlements.ARRSSums {
		sum = sum.Add(a.Total.Decimal())
	}
	return sum
}

// GroupTotal is a sum over a group of PCNs (an ICB, or England).
type GroupTotal struct {
	Name         string          `json:"name"`
	PCNs         int             `json:"pcns"`
	Registered   decimal.Decimal `json:"registered"`
	Entitlements decimal.Decimal `json:"entitlements"` // ARRS sums excluded
	ARRSSum      decimal.Decimal `json:"arrs_sum"`     // every pot
}

// PaymentTotal is one payment (or ARRS sum) added up over every PCN.
type PaymentTotal struct {
	ID     string          `json:"id"`
	Name   string          `json:"name"`
	Kind   des.Kind        `json:"kind,omitempty"`
	Amount decimal.Decimal `json:"amount"`
}

// Rollup is many PCNs' entitlements added up by ICB (alphabetical), for
// England and by payment, exactly: every total is a sum of the PCNs' amounts.
type Rollup struct {
	Year    des.Year
	RuleSet string // the rule set's title
	PCNs    []RolledPCN
	// LeftOut says which PCNs were left out of the totals, and why (set by the caller).
	LeftOut []string
	Gaps    []des.Gap
	// Unpaid are the gap items no payment pays, so in no total (RuleSet.Unpaid).
	Unpaid    []string
	ICBs      []GroupTotal
	England   GroupTotal
	ByPayment []PaymentTotal
}

// NoICB is the ICB name of PCNs whose row gives none.
const NoICB = "(no ICB given)"

// Rollups is one PCN list rolled up for one or more years.
type Rollups struct {
	Data      string   `json:"data"` // where the list came from
	Synthetic bool     `json:"synthetic"`
	BadRows   int      `json:"bad_rows_skipped,omitempty"`
	Years     []Rollup `json:"years"`
}

// MarshalJSON writes the total, money with two places.
func (t GroupTotal) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name         string          `json:"name"`
		PCNs         int             `json:"pcns"`
		Registered   decimal.Decimal `json:"registered"`
		Entitlements money.JSONMoney `json:"entitlements"`
		ARRSSum      money.JSONMoney `json:"arrs_sum"`
	}{t.Name, t.PCNs, t.Registered, money.JSONMoney(t.Entitlements), money.JSONMoney(t.ARRSSum)})
}

// MarshalJSON writes the total, money with two places.
func (p PaymentTotal) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID     string          `json:"id"`
		Name   string          `json:"name,omitempty"`
		Kind   des.Kind        `json:"kind,omitempty"`
		Amount money.JSONMoney `json:"amount"`
	}{p.ID, p.Name, p.Kind, money.JSONMoney(p.Amount)})
}

// MarshalJSON writes the PCN's row and amounts (not the explanations: a
// roll-up holds every PCN).
func (r RolledPCN) MarshalJSON() ([]byte, error) {
	reg := ""
	if v, ok := r.Registered(); ok {
		reg = v.String()
	}
	var pays []PaymentTotal
	for _, a := range append(append([]des.Amount(nil), r.Entitlements.Payments...), r.Entitlements.ARRSSums...) {
		pays = append(pays, PaymentTotal{ID: a.ID, Kind: a.Kind, Amount: a.Total.Decimal()})
	}
	return json.Marshal(struct {
		Line         int             `json:"line"`
		Code         string          `json:"pcn_code"`
		Name         string          `json:"name"`
		ICB          string          `json:"icb"`
		Registered   string          `json:"registered,omitempty"`
		Entitlements des.Money       `json:"entitlements"`
		ARRSSum      money.JSONMoney `json:"arrs_sum"`
		Payments     []PaymentTotal  `json:"payments"`
	}{r.Row.Line, r.Row.Code, r.Row.Name, r.Row.ICB, reg, r.Entitlements.Total, money.JSONMoney(r.ARRSSum()), pays})
}

// MarshalJSON writes the roll-up of one year.
func (r Rollup) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Year      des.Year       `json:"year"`
		RuleSet   string         `json:"rule_set"`
		PCNs      []RolledPCN    `json:"pcns"`
		ICBs      []GroupTotal   `json:"icbs"`
		England   GroupTotal     `json:"england"`
		ByPayment []PaymentTotal `json:"by_payment"`
		LeftOut   []string       `json:"left_out,omitempty"`
		Gaps      []des.Gap      `json:"gaps,omitempty"`
	}{r.Year, r.RuleSet, r.PCNs, r.ICBs, r.England, r.ByPayment, r.LeftOut, r.Gaps})
}
