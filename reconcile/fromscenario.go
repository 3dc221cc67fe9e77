package reconcile

// This file is the one place the package calls scenario and statement: the
// front door (scenario) is being reworked, so only this file should need to
// follow it.

import (
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"slices"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/pcnfin/pcnfin/statement"
	"github.com/shopspring/decimal"
)

// DueFrom is what a scenario's year is due, line by line: yr as
// scenario.Run or Scenario.Year worked it out, sh the scenario's [sharing]
// rules (they place the retained costs in the cash flow and say how each
// line falls to the practices).
//
// Each monthly entitlement is the engine's own monthly amount; the Network
// Participation Payment is one line per practice; each person's ARRS claim
// is one line per month (the engine's monthly claim); the IIF is one line
// for the year (March), where the scenario estimates it.
func DueFrom(yr scenario.YearResult, sh scenario.Sharing) (Due, error) {
	st, err := statement.Build(yr, sh)
	if err != nil {
		return Due{}, err
	}
	d := Due{Year: yr.Year, PCN: yr.PCN.Name, ARRSSum: yr.ARRS.Sum.Decimal()}
	for _, p := range yr.PCN.Practices {
		d.Practices = append(d.Practices, p.Name)
	}
	first := FirstMonth(yr.Year)
	// weights: each practice's part of a statement line in month m.
	weights := func(k statement.Kind, id string, m int) []decimal.Decimal {
		w := make([]decimal.Decimal, len(st.Practices))
		for i, p := range st.Practices {
			w[i] = decimal.Zero
			if l, ok := p.Line(k, id); ok && m < len(l.Months) {
				w[i] = l.Months[m].Abs()
			}
		}
		return w
	}
	for _, a := range yr.Entitlements.Payments {
		d.Payments = append(d.Payments, a.ID)
		annual := fmt.Sprintf("%s for the year: %s", a.Total.String(), a.Explain())
		if a.PaidTo == des.PaidToPractice {
			d.PaidToPractice = append(d.PaidToPractice, a.ID)
			for _, part := range a.Parts {
				i := slices.Index(d.Practices, part.Practice)
				for m, v := range part.Months {
					mo := first.Add(m)
					d.Lines = append(d.Lines, DueLine{Payment: a.ID, Who: part.Practice, Month: mo, Amount: v.Decimal(),
						Explain: fmt.Sprintf("%s's month %d of 12 (%s) of %s", part.Practice, m+1, mo, annual)})
					w := make([]decimal.Decimal, len(d.Practices))
					for j := range w {
						w[j] = decimal.Zero
					}
					if i >= 0 {
						w[i] = decimal.NewFromInt(1)
					}
					d.Shares = append(d.Shares, Share{Payment: a.ID, Who: part.Practice, Month: mo, Weights: w})
				}
			}
			continue
		}
		for m, v := range a.Months {
			mo := first.Add(m)
			d.Lines = append(d.Lines, DueLine{Payment: a.ID, Month: mo, Amount: v.Decimal(),
				Explain: fmt.Sprintf("month %d of 12 (%s) of %s", m+1, mo, annual)})
			d.Shares = append(d.Shares, Share{Payment: a.ID, Month: mo, Weights: weights(statement.Income, a.ID, m)})
		}
	}
	d.Payments = append(d.Payments, ARRS, IIF)
	for _, s := range yr.ARRS.Staff {
		d.People = append(d.People, s.Name)
		for m, v := range s.Months {
			if v.IsZero() {
				continue
			}
			mo := first.Add(m)
			d.Lines = append(d.Lines, DueLine{Payment: ARRS, Who: s.Name, Month: mo, Amount: v.Decimal(),
				Explain: fmt.Sprintf("%s's claim for %s (the month's cost, up to the role's maximum): %s", s.Name, mo,
					s.Explain())})
			d.Shares = append(d.Shares, Share{Payment: ARRS, Who: s.Name, Month: mo,
				Weights: weights(statement.Claims, s.Name, m)})
		}
	}
	if yr.IIF != nil {
		mo := first.Add(11)
		d.Lines = append(d.Lines, DueLine{Payment: IIF, Month: mo, Amount: money.RoundPenny(yr.IIF.Total),
			Explain: "the scenario's IIF ESTIMATE for the year (expected points × point value × adjustments), " +
				"paid after the year end"})
	}
	for _, cm := range st.CashFlow {
		d.StaffCost = append(d.StaffCost, cm.StaffCost)
		d.Retained = append(d.Retained, cm.Retained)
	}
	return d, nil
}

// split shares pennies among practices in proportion to weights, exactly
// (statement.Split: largest remainder).
var split = statement.Split
