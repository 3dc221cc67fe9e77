package reconcile

import (
	"github.com/shopspring/decimal"
)

// CashMonth is one month of the PCN's cash: money arriving (by the usual
// timing, and as the paid file says), salary and retained costs paid out.
type CashMonth struct {
	Month Month `json:"month"`
	// In is what the due lines bring in this month by their usual timing.
	In decimal.Decimal `json:"in"`
	// ARRSIn is the part of In that is ARRS reimbursement.
	ARRSIn    decimal.Decimal `json:"arrs_in"`
	StaffCost decimal.Decimal `json:"staff_cost"`
	Retained  decimal.Decimal `json:"retained"`
	// Net = In − StaffCost − Retained; Balance is the opening balance plus
	// every Net to this month.
	Net     decimal.Decimal `json:"net"`
	Balance decimal.Decimal `json:"balance"`
	// Received is what the paid file says arrived this month, and
	// ActualBalance the balance with it in place of In.
	Received      decimal.Decimal `json:"received"`
	ActualBalance decimal.Decimal `json:"actual_balance"`
	// ARRSBalance is the ARRS account alone: reimbursements in (usual
	// timing) less the roster's salary cost, from 0 on 1 April. It is what
	// the lag moves: the nominated payee pays the salaries and waits for the
	// claims, while the entitlements are shared out to the practices.
	ARRSBalance decimal.Decimal `json:"arrs_balance"`
}

// LowPoint is the lowest month-end balance and its month.
type LowPoint struct {
	ARRSLag int             `json:"arrs_lag_months"`
	Month   Month           `json:"month"`
	Balance decimal.Decimal `json:"balance"`
	// ARRSMonth and ARRSBalance are the ARRS account's lowest balance.
	ARRSMonth   Month           `json:"arrs_month"`
	ARRSBalance decimal.Decimal `json:"arrs_balance"`
}

// Cash is the PCN's cash over a year and the months after it until the
// last payment for the year arrives.
type Cash struct {
	Opening decimal.Decimal `json:"opening"`
	Months  []CashMonth     `json:"months"`
	// Low is the lowest balance by the usual timing; ActualLow by the paid
	// file (with an empty paid file, the costs alone).
	Low       LowPoint `json:"low"`
	ActualLow LowPoint `json:"actual_low"`
	// Lags is the low point with the ARRS reimbursement 0, 1, 2 and 3
	// months after the cost (the other payments as Timing says).
	Lags []LowPoint `json:"lags"`
}

// CashFlow is when the money actually moves: each due line arrives when its
// payment usually does (Timing: the ARRS reimbursement lag months after the
// cost), salary is paid in the month worked, retained amounts in monthly
// twelfths; the balance starts at opening on 1 April. paid, if not nil, adds
// what actually arrived, by the month paid. The flow runs from April to the
// month the last due line arrives (at least March), so a lag moves money
// past the year end rather than dropping it.
func CashFlow(due Due, paid *Paid, t Timing, opening decimal.Decimal) Cash {
	if len(t.Rules) == 0 && t.Default == nil {
		t = DefaultTiming(DefaultARRSLag)
	}
	c := flow(due, paid, t, opening)
	for lag := 0; lag <= 3; lag++ {
		c.Lags = append(c.Lags, flow(due, nil, t.WithLag(ARRS, lag), opening).Low)
	}
	return c
}

func flow(due Due, paid *Paid, t Timing, opening decimal.Decimal) Cash {
	first := FirstMonth(due.Year)
	in, arrsIn := map[int]int64{}, map[int]int64{}
	last := 11
	for _, l := range due.Lines {
		i := l.Month.Add(t.Rule(l.Payment).Lag).Since(first)
		in[i] += pennies(l.Amount)
		if l.Payment == ARRS {
			arrsIn[i] += pennies(l.Amount)
		}
		last = max(last, i)
	}
	got := map[int]int64{}
	if paid != nil {
		for _, p := range paid.Payments {
			i := p.Paid.Since(first)
			got[i] += pennies(p.Amount)
			last = max(last, i)
		}
	}
	c := Cash{Opening: opening}
	bal, actual := pennies(opening), pennies(opening)
	var arrsBal int64
	for i := 0; i <= last; i++ {
		var cost, ret int64
		if i < len(due.StaffCost) {
			cost = pennies(due.StaffCost[i])
		}
		if i < len(due.Retained) {
			ret = pennies(due.Retained[i])
		}
		net := in[i] - cost - ret
		bal += net
		arrsBal += arrsIn[i] - cost
		actual += got[i] - cost - ret
		cm := CashMonth{Month: first.Add(i), In: ofPennies(in[i]), ARRSIn: ofPennies(arrsIn[i]), StaffCost: ofPennies(cost),
			Retained: ofPennies(ret), Net: ofPennies(net), Balance: ofPennies(bal), Received: ofPennies(got[i]),
			ActualBalance: ofPennies(actual), ARRSBalance: ofPennies(arrsBal)}
		c.Months = append(c.Months, cm)
		if i == 0 || cm.Balance.LessThan(c.Low.Balance) {
			c.Low.ARRSLag, c.Low.Month, c.Low.Balance = t.Rule(ARRS).Lag, cm.Month, cm.Balance
		}
		if i == 0 || cm.ARRSBalance.LessThan(c.Low.ARRSBalance) {
			c.Low.ARRSMonth, c.Low.ARRSBalance = cm.Month, cm.ARRSBalance
		}
		if i == 0 || cm.ActualBalance.LessThan(c.ActualLow.Balance) {
			c.ActualLow.ARRSLag, c.ActualLow.Month, c.ActualLow.Balance = -1, cm.Month, cm.ActualBalance
		}
	}
	if paid == nil {
		c.ActualLow = LowPoint{}
	}
	return c
}
