package reconcile

import (
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// The payment IDs this package adds to a rule set's own (core_pcn_funding,
// network_participation, enhanced_access, …).
const (
	// ARRS is an Additional Roles Reimbursement Scheme claim for one person
	// and one month.
	ARRS = "arrs"
	// IIF is the Investment and Impact Fund payment for the year.
	IIF = "iif"
)

// Due is what a PCN is due in one DES year, line by line: what a paid file
// is checked against. DueFrom builds it from a scenario's year.
type Due struct {
	Year des.Year `json:"year"`
	PCN  string   `json:"pcn"`
	// Lines are the amounts due: one per payment, payee and month.
	Lines []DueLine `json:"lines"`
	// Payments are the payment IDs of the year, in rule-set order, then
	// "arrs" and "iif".
	Payments []string `json:"payments"`
	// Practices and People (the ARRS roster) are the names a paid file's
	// practice and person columns may give.
	Practices []string `json:"practices"`
	People    []string `json:"people"`
	// PaidToPractice lists the payments paid to each practice on its own
	// figures (the Network Participation Payment): their lines name the
	// practice.
	PaidToPractice []string `json:"paid_to_practice,omitempty"`
	// ARRSSum is the PCN's ARRS sum (every pot), for what is left unclaimed.
	ARRSSum decimal.Decimal `json:"arrs_sum"`
	// StaffCost and Retained are the roster's employer cost and the amounts
	// the PCN keeps (its [sharing] retained lines), month by month (April
	// first), for the cash flow: salary is paid in the month worked.
	StaffCost []decimal.Decimal `json:"staff_cost"`
	Retained  []decimal.Decimal `json:"retained"`
	// Shares says, for each line, how it falls to the practices (the
	// scenario's [sharing] rules): for the year end, per practice.
	Shares []Share `json:"-"`
}

// DueLine is one amount due: a payment, to whom (a person for ARRS, a
// practice for a payment paid to each practice; empty for the PCN), for one
// month (for IIF, March: the year), and how it was worked out.
type DueLine struct {
	Payment string          `json:"payment"`
	Who     string          `json:"who,omitempty"`
	Month   Month           `json:"month"`
	Amount  decimal.Decimal `json:"amount"`
	Explain string          `json:"explain"`
}

// Share is how one due line's money falls to the practices: Weights, one
// per Due.Practices, in the proportions the network agreement shares it.
type Share struct {
	Payment string
	Who     string
	Month   Month
	Weights []decimal.Decimal
}

type key struct {
	payment, who string
	month        Month
}

func (l DueLine) key() key { return key{l.Payment, l.Who, l.Month} }
