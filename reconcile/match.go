package reconcile

import (
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/shopspring/decimal"
	"slices"
	"strings"
)

// Status is what a reconciled line comes to.
type Status string

// The statuses, from the due figure against what was paid for its month.
const (
	OK         Status = "ok"          // paid, within the tolerance
	WithArrear Status = "arrears"     // paid in full once arrears (a backdated revision) paid later are counted
	Under      Status = "underpaid"   // less than due
	Over       Status = "overpaid"    // more than due, in one payment
	Double     Status = "double"      // paid more than once
	Missing    Status = "missing"     // nothing paid, and it should have arrived by AsOf
	NotYet     Status = "not_yet_due" // nothing (or less) paid, but its usual payment month is after AsOf
	NotDue     Status = "not_due"     // paid, but nothing is due for it
)

// Options change how a paid file is reconciled.
type Options struct {
	// Tolerance is the difference, in whole pennies either way, still
	// counted as paid right. Zero: exact to the penny.
	Tolerance int64
	// Timing is when each payment usually arrives (zero: DefaultTiming).
	Timing Timing
	// AsOf is the last month the paid file covers: a line whose usual
	// payment month is later is "not yet due", not "missing". Zero: the
	// latest month paid in the file (or, with an empty file, the month
	// before the year).
	AsOf Month
}

// Receipt is money paid towards one line: the row of the paid file it came
// from, the month it arrived and the part of the row's amount matched to
// this line (all of it, except for arrears over a range).
type Receipt struct {
	Line   int             `json:"line"`
	Paid   Month           `json:"paid"`
	Kind   Kind            `json:"type"`
	Amount decimal.Decimal `json:"amount"`
	Ref    string          `json:"reference,omitempty"`
}

// Row is one line due against what was paid for it.
type Row struct {
	Payment string          `json:"payment"`
	Who     string          `json:"who,omitempty"`
	Month   Month           `json:"month"`
	Due     decimal.Decimal `json:"due"`
	Paid    decimal.Decimal `json:"paid"`
	// Difference is Paid − Due: negative is owed to the PCN.
	Difference decimal.Decimal `json:"difference"`
	Status     Status          `json:"status"`
	// Expected is the month the due amount usually arrives (Timing).
	Expected Month     `json:"expected"`
	Receipts []Receipt `json:"receipts,omitempty"`
	// Note says in words what the status means for this line.
	Note    string `json:"note"`
	Explain string `json:"explain"`
}

// Total is a payment's due, paid and difference over the year.
type Total struct {
	Payment    string          `json:"payment"`
	Due        decimal.Decimal `json:"due"`
	Paid       decimal.Decimal `json:"paid"`
	Difference decimal.Decimal `json:"difference"`
}

// Result is a year reconciled: every line, each payment's totals and the
// year's (each the sum of its rows).
type Result struct {
	Year      string  `json:"year"`
	PCN       string  `json:"pcn"`
	File      string  `json:"file"`
	AsOf      Month   `json:"as_of"`
	Tolerance int64   `json:"tolerance_pennies"`
	Rows      []Row   `json:"rows"`
	Totals    []Total `json:"totals"`
	Total     Total   `json:"total"`
	// Timing is the rule each payment was placed by.
	Timing []Rule `json:"timing"`
}

// Reconcile matches what was paid against what was due, line by line: a
// row of the paid file counts towards the month it pays for (its for
// column, else its usual timing), not the month it arrived, so a backdated
// revision paid late is arrears of the months it pays for, not an
// overpayment of the month it arrived in.
//
// Arrears or an adjustment over a range of months fill each month's
// shortfall (due less what its other rows paid), oldest first, after every
// regular payment is counted; what is left over goes to the last month of
// the range (an overpayment there). A negative adjustment takes back from
// each month's excess, oldest first, the rest from the last month.
func Reconcile(due Due, paid Paid, opt Options) Result {
	t := opt.Timing
	if len(t.Rules) == 0 && t.Default == nil {
		t = DefaultTiming(DefaultARRSLag)
	}
	asOf := opt.AsOf
	if asOf.IsZero() {
		asOf = FirstMonth(due.Year).Add(-1)
		for _, p := range paid.Payments {
			if asOf.Before(p.Paid) {
				asOf = p.Paid
			}
		}
	}
	tol := opt.Tolerance
	if tol < 0 {
		tol = -tol
	}
	type acc struct {
		due      int64
		explain  string
		receipts []Receipt
		got      int64
	}
	lines := map[key]*acc{}
	var order []key
	get := func(k key) *acc {
		a, ok := lines[k]
		if !ok {
			a = &acc{}
			lines[k] = a
			order = append(order, k)
		}
		return a
	}
	for _, l := range due.Lines {
		a := get(l.key())
		a.due += pennies(l.Amount)
		a.explain = l.Explain
	}
	add := func(k key, p Payment, amt int64) {
		a := get(k)
		a.got += amt
		a.receipts = append(a.receipts, Receipt{Line: p.Line, Paid: p.Paid, Kind: p.Kind, Amount: ofPennies(amt), Ref: p.Ref})
	}
	var spread []Payment
	for _, p := range paid.Payments {
		if p.For == p.Through {
			add(key{p.Payment, p.Who, p.For}, p, pennies(p.Amount))
		} else {
			spread = append(spread, p)
		}
	}
	slices.SortStableFunc(spread, func(a, b Payment) int { return a.Paid.Since(b.Paid) })
	for _, p := range spread {
		left := pennies(p.Amount)
		n := p.Through.Since(p.For)
		for i := 0; i <= n && left != 0; i++ {
			k := key{p.Payment, p.Who, p.For.Add(i)}
			a := get(k)
			take := left
			if i < n {
				gap := a.due - a.got // owed (> 0) or overpaid (< 0)
				switch {
				case left > 0:
					take = min(left, max(gap, 0))
				default:
					take = max(left, min(gap, 0))
				}
			}
			if take != 0 {
				add(k, p, take)
				left -= take
			}
		}
	}
	slices.SortStableFunc(order, func(a, b key) int {
		if c := strings.Compare(rank(due.Payments, a.payment), rank(due.Payments, b.payment)); c != 0 {
			return c
		}
		if c := strings.Compare(a.who, b.who); c != 0 {
			return c
		}
		return a.month.Since(b.month)
	})
	res := Result{Year: due.Year.String(), PCN: due.PCN, File: paid.File, AsOf: asOf, Tolerance: tol}
	totals := map[string]*Total{}
	var tDue, tPaid int64
	for _, k := range order {
		a := lines[k]
		rule := t.Rule(k.payment)
		row := Row{Payment: k.payment, Who: k.who, Month: k.month, Due: ofPennies(a.due), Paid: ofPennies(a.got),
			Difference: ofPennies(a.got - a.due), Expected: k.month.Add(rule.Lag), Receipts: a.receipts, Explain: a.explain}
		row.Status, row.Note = status(a.due, a.got, tol, a.receipts, row.Expected, asOf)
		res.Rows = append(res.Rows, row)
		tt, ok := totals[k.payment]
		if !ok {
			tt = &Total{Payment: k.payment}
			totals[k.payment] = tt
		}
		tt.Due, tt.Paid = tt.Due.Add(row.Due), tt.Paid.Add(row.Paid)
		tt.Difference = tt.Paid.Sub(tt.Due)
		tDue += a.due
		tPaid += a.got
	}
	for _, id := range due.Payments {
		if tt, ok := totals[id]; ok {
			res.Totals = append(res.Totals, *tt)
		}
	}
	res.Total = Total{Payment: "total", Due: ofPennies(tDue), Paid: ofPennies(tPaid), Difference: ofPennies(tPaid - tDue)}
	for _, id := range due.Payments {
		res.Timing = append(res.Timing, t.Rule(id))
	}
	return res
}

func rank(ids []string, id string) string {
	i := slices.Index(ids, id)
	if i < 0 {
		i = len(ids)
	}
	return fmt.Sprintf("%04d", i)
}

func status(due, got, tol int64, rs []Receipt, expected, asOf Month) (Status, string) {
	diff := got - due
	regular, late := 0, 0
	var lateMonths []string
	for _, r := range rs {
		if r.Kind == Regular {
			regular++
		} else if r.Amount.IsPositive() {
			late++
			lateMonths = append(lateMonths, r.Paid.String())
		}
	}
	within := diff >= -tol && diff <= tol
	switch {
	case due == 0 && got != 0 && !within:
		return NotDue, fmt.Sprintf("%s paid, but nothing is due for this month", money.Pounds(ofPennies(got)))
	case within && late > 0:
		return WithArrear, fmt.Sprintf("paid in full with arrears paid %s (a backdated revision), not an overpayment",
			strings.Join(lateMonths, ", "))
	case within:
		return OK, "paid right"
	case regular >= 2 && diff > tol:
		return Double, fmt.Sprintf("paid %d times: %s more than due", regular, money.Pounds(ofPennies(diff)))
	case got == 0 && asOf.Before(expected):
		return NotYet, fmt.Sprintf("usually arrives %s, after %s (the paid file's last month)", expected, asOf)
	case got == 0:
		return Missing, fmt.Sprintf("nothing paid; it usually arrives %s", expected)
	case diff < 0 && asOf.Before(expected):
		return NotYet, fmt.Sprintf("%s of it still to come: usually arrives %s, after %s", money.Pounds(ofPennies(-diff)),
			expected, asOf)
	case diff < 0:
		return Under, fmt.Sprintf("%s less than due", money.Pounds(ofPennies(-diff)))
	default:
		return Over, fmt.Sprintf("%s more than due", money.Pounds(ofPennies(diff)))
	}
}

// pennies is an amount of at most two decimal places, in pennies.
func pennies(d decimal.Decimal) int64 { return d.Shift(2).Round(0).IntPart() }

func ofPennies(p int64) decimal.Decimal { return decimal.New(p, -2) }
