package reconcile

import (
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/shopspring/decimal"
)

// Owed is an amount by payment and payee (a person for ARRS, a practice for
// a payment paid to each practice).
type Owed struct {
	Payment string          `json:"payment"`
	Who     string          `json:"who,omitempty"`
	Amount  decimal.Decimal `json:"amount"`
}

// PracticeEnd is one practice's part of the year-end position, by the
// network agreement's sharing of each line.
type PracticeEnd struct {
	Practice        string          `json:"practice"`
	ClaimsOutstand  decimal.Decimal `json:"claims_outstanding"`
	ArrearsStillDue decimal.Decimal `json:"arrears_still_due"`
	Overpaid        decimal.Decimal `json:"overpaid"`
}

// YearEnd is what is left at the year end: ARRS claims not yet paid, the
// ARRS sum not claimed, other payments still owed (arrears), and what was
// paid over (which may be recovered).
type YearEnd struct {
	// ClaimsOutstanding is each person's ARRS claims due but not paid (by
	// the paid file), missing, short or not yet due.
	ClaimsOutstanding      []Owed          `json:"claims_outstanding"`
	ClaimsOutstandingTotal decimal.Decimal `json:"claims_outstanding_total"`
	// Unclaimed is the ARRS sum less the year's claims; UnclaimedNote says
	// what becomes of it, with its source.
	Unclaimed     decimal.Decimal `json:"arrs_unclaimed"`
	UnclaimedNote string          `json:"arrs_unclaimed_note"`
	// ArrearsStillDue is each other payment's shortfall (missing, short or
	// not yet due lines), IIF included where estimated.
	ArrearsStillDue      []Owed          `json:"arrears_still_due"`
	ArrearsStillDueTotal decimal.Decimal `json:"arrears_still_due_total"`
	// Overpaid is each payment's excess (overpaid, double or not due).
	Overpaid      []Owed          `json:"overpaid"`
	OverpaidTotal decimal.Decimal `json:"overpaid_total"`
	// Practices is the same, practice by practice (each line shared as the
	// scenario's [sharing] shares it; the totals add up to the PCN's).
	Practices []PracticeEnd `json:"practices,omitempty"`
}

// Unshared names the year-end line of amounts no sharing rule places (the
// IIF, a payment nothing was due for).
const Unshared = "(not shared: no sharing rule for it)"

// The sources of what happens to unclaimed ARRS money.
const (
	srcKeptByICB = "from 2025/26 the ARRS money sits in ICB allocations and NHS England told Pulse PCN an " +
		"underspend 'will now be kept by ICBs' (https://www.thepharmacist.co.uk/in-practice/arrs-underspend-reached-88m-minister-reveals; " +
		"secondary)"
	srcNoRedistribution = "NHS England letter of 28 February 2024: 'In 2024/25 the mechanism which allows commissioners " +
		"to redistribute unclaimed funding … between PCNs will be removed' (https://healthcareleadernews.com/?p=25549; " +
		"secondary): it is lost to the PCN"
	srcRedistribution = "before 2024/25 the ICB could redistribute unclaimed ARRS funding to other PCNs in its area " +
		"(the same letter, which removed it); it is lost to this PCN"
)

// YearEndOf is the year-end position of a reconciled year.
func YearEndOf(due Due, res Result) YearEnd {
	var ye YearEnd
	byPerson := map[string]int64{}
	var people []string
	arrears, over := map[string]int64{}, map[string]int64{}
	var claimsTotal, arrTotal, overTotal, claimsDue int64
	shares := map[key][]decimal.Decimal{}
	for _, s := range due.Shares {
		shares[key{s.Payment, s.Who, s.Month}] = s.Weights
	}
	n := len(due.Practices)
	// index n: lines no sharing rule places (the IIF, a payment nothing was due for)
	pc, pa, po := make([]int64, n+1), make([]int64, n+1), make([]int64, n+1)
	share := func(r Row, amt int64, into []int64) {
		w := shares[key{r.Payment, r.Who, r.Month}]
		parts, err := split(amt, w)
		if len(w) != n || n == 0 || err != nil {
			into[n] += amt
			return
		}
		for i, p := range parts {
			into[i] += p
		}
	}
	for _, r := range res.Rows {
		d := pennies(r.Difference)
		if r.Payment == ARRS {
			claimsDue += pennies(r.Due)
		}
		switch {
		case d < 0 && r.Payment == ARRS:
			if _, ok := byPerson[r.Who]; !ok {
				people = append(people, r.Who)
			}
			byPerson[r.Who] -= d
			claimsTotal -= d
			share(r, -d, pc)
		case d < 0:
			arrears[r.Payment] -= d
			arrTotal -= d
			share(r, -d, pa)
		case d > 0:
			over[r.Payment] += d
			overTotal += d
			share(r, d, po)
		}
	}
	for _, p := range people {
		ye.ClaimsOutstanding = append(ye.ClaimsOutstanding, Owed{Payment: ARRS, Who: p, Amount: ofPennies(byPerson[p])})
	}
	for _, id := range due.Payments {
		if v := arrears[id]; v != 0 {
			ye.ArrearsStillDue = append(ye.ArrearsStillDue, Owed{Payment: id, Amount: ofPennies(v)})
		}
		if v := over[id]; v != 0 {
			ye.Overpaid = append(ye.Overpaid, Owed{Payment: id, Amount: ofPennies(v)})
		}
	}
	ye.ClaimsOutstandingTotal, ye.ArrearsStillDueTotal, ye.OverpaidTotal = ofPennies(claimsTotal), ofPennies(arrTotal),
		ofPennies(overTotal)
	left := pennies(due.ARRSSum) - claimsDue
	ye.Unclaimed = ofPennies(max(left, 0))
	switch {
	case left < 0:
		ye.UnclaimedNote = fmt.Sprintf("the claims due are %s more than the ARRS sum: the excess will not be reimbursed",
			money.Pounds(ofPennies(-left)))
	case int(due.Year) >= 2025:
		ye.UnclaimedNote = "not claimed by 31 March, it is lost to the PCN: " + srcKeptByICB
	case int(due.Year) == 2024:
		ye.UnclaimedNote = "not claimed by 31 March: " + srcNoRedistribution
	default:
		ye.UnclaimedNote = "not claimed by 31 March: " + srcRedistribution
	}
	for i, name := range append(due.Practices, Unshared) {
		if i == n && pc[n] == 0 && pa[n] == 0 && po[n] == 0 {
			break
		}
		ye.Practices = append(ye.Practices, PracticeEnd{Practice: name, ClaimsOutstand: ofPennies(pc[i]),
			ArrearsStillDue: ofPennies(pa[i]), Overpaid: ofPennies(po[i])})
	}
	return ye
}
