package reconcile

import (
	"encoding/json"

	"github.com/pcnfin/pcnfin/internal/money"
)

// Money in JSON is a string with two places ("2500.00"), as everywhere in
// the library (money.JSONMoney): each type below writes its amounts so, and
// reads them back.

type m = money.JSONMoney

func (r Row) MarshalJSON() ([]byte, error) {
	type plain Row
	return json.Marshal(struct {
		plain
		Due        m `json:"due"`
		Paid       m `json:"paid"`
		Difference m `json:"difference"`
	}{plain(r), m(r.Due), m(r.Paid), m(r.Difference)})
}

func (r *Row) UnmarshalJSON(b []byte) error {
	type plain Row
	var v struct {
		plain
		Due        m `json:"due"`
		Paid       m `json:"paid"`
		Difference m `json:"difference"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = Row(v.plain)
	r.Due, r.Paid, r.Difference = v.Due.Decimal(), v.Paid.Decimal(), v.Difference.Decimal()
	return nil
}

func (t Total) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]any{"payment": t.Payment, "due": m(t.Due), "paid": m(t.Paid),
		"difference": m(t.Difference)})
}

func (t *Total) UnmarshalJSON(b []byte) error {
	var v struct {
		Payment               string
		Due, Paid, Difference m
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*t = Total{Payment: v.Payment, Due: v.Due.Decimal(), Paid: v.Paid.Decimal(), Difference: v.Difference.Decimal()}
	return nil
}

func (x Receipt) MarshalJSON() ([]byte, error) {
	type plain Receipt
	return json.Marshal(struct {
		plain
		Amount m `json:"amount"`
	}{plain(x), m(x.Amount)})
}

func (o Owed) MarshalJSON() ([]byte, error) {
	type plain Owed
	return json.Marshal(struct {
		plain
		Amount m `json:"amount"`
	}{plain(o), m(o.Amount)})
}

func (p PracticeEnd) MarshalJSON() ([]byte, error) {
	type plain PracticeEnd
	return json.Marshal(struct {
		plain
		C m `json:"claims_outstanding"`
		A m `json:"arrears_still_due"`
		O m `json:"overpaid"`
	}{plain(p), m(p.ClaimsOutstand), m(p.ArrearsStillDue), m(p.Overpaid)})
}

func (y YearEnd) MarshalJSON() ([]byte, error) {
	type plain YearEnd
	return json.Marshal(struct {
		plain
		C m `json:"claims_outstanding_total"`
		U m `json:"arrs_unclaimed"`
		A m `json:"arrears_still_due_total"`
		O m `json:"overpaid_total"`
	}{plain(y), m(y.ClaimsOutstandingTotal), m(y.Unclaimed), m(y.ArrearsStillDueTotal), m(y.OverpaidTotal)})
}

func (c CashMonth) MarshalJSON() ([]byte, error) {
	type plain CashMonth
	return json.Marshal(struct {
		plain
		In  m `json:"in"`
		AI  m `json:"arrs_in"`
		SC  m `json:"staff_cost"`
		Ret m `json:"retained"`
		Net m `json:"net"`
		Bal m `json:"balance"`
		Rec m `json:"received"`
		AB  m `json:"actual_balance"`
		ARB m `json:"arrs_balance"`
	}{plain(c), m(c.In), m(c.ARRSIn), m(c.StaffCost), m(c.Retained), m(c.Net), m(c.Balance), m(c.Received),
		m(c.ActualBalance), m(c.ARRSBalance)})
}

func (l LowPoint) MarshalJSON() ([]byte, error) {
	type plain LowPoint
	return json.Marshal(struct {
		plain
		B  m `json:"balance"`
		AB m `json:"arrs_balance"`
	}{plain(l), m(l.Balance), m(l.ARRSBalance)})
}

func (d DueLine) MarshalJSON() ([]byte, error) {
	type plain DueLine
	return json.Marshal(struct {
		plain
		Amount m `json:"amount"`
	}{plain(d), m(d.Amount)})
}

func (p Payment) MarshalJSON() ([]byte, error) {
	type plain Payment
	return json.Marshal(struct {
		plain
		Amount m `json:"amount"`
	}{plain(p), m(p.Amount)})
}
