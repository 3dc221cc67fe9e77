package arrs

import (
	"encoding/json"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// Reason codes: why a month claims nothing (or less than its cost allows).
const (
	ReasonNotARRSRole    = "not_arrs_role"       // the role is not claimable in this DES year
	ReasonBeforeClaims   = "before_claims_start" // before the year's claims start (1 July 2019 in 2019/20)
	ReasonBeforeEligible = "before_eligible"     // before the role became claimable
	ReasonNoMaximum      = "no_maximum"          // no source gives the role's maximum for the month
	ReasonCap            = "cap"                 // beyond the cap on numbers for the role
	ReasonCapPartial     = "cap_partial"         // only part of the WTE fits under the cap
)

// Breach is a rule the roster breaks, for one person over a run of months.
type Breach struct {
	Staff  string `json:"staff"`
	Role   string `json:"role"`
	Rule   string `json:"rule"`
	From   string `json:"from"` // first month, "2024-04"
	To     string `json:"to"`   // last month
	Detail string `json:"detail"`
}

// StaffResult is one person's claim for the year.
type StaffResult struct {
	Name string          `json:"name"`
	Role string          `json:"role"`
	WTE  decimal.Decimal `json:"wte"`
	// Claim is the year's claim: the sum of Months.
	Claim decimal.Decimal `json:"claim"`
	// ClaimOnDerived is the part of Claim that rests on a maximum no source
	// gives (derived by the band model, or carried): the months in which
	// such a maximum limits the claim. Zero when every binding maximum is
	// sourced.
	ClaimOnDerived decimal.Decimal `json:"claim_on_derived"`
	// Cost is the employer cost of the person over the months employed in
	// the year (each month rounded to the penny).
	Cost decimal.Decimal `json:"cost"`
	// CostMonths is the employer cost month by month, April first (each
	// rounded to the penny; they add up to Cost).
	CostMonths []decimal.Decimal `json:"cost_months"`
	// Months is the monthly claim, April first.
	Months []decimal.Decimal `json:"months"`
	// MonthsClaimed counts months with a claim.
	MonthsClaimed int `json:"months_claimed"`
	// Maximum is the annual maximum per WTE used in the last month claimed
	// (for the person's London zone where there is one).
	Maximum decimal.Decimal `json:"maximum"`
	// Reimbursement is the percentage applied, as a fraction.
	Reimbursement decimal.Decimal `json:"reimbursement"`
	Reasons       []string        `json:"reasons,omitempty"`

	explainer *staffExplainer // writes Explain on demand
	explained string          // Explain, when read back from JSON
}

// Explain is a line a finance lead can check by hand: the person, their
// cost, the maxima used with their sources, the rule, the months claimed,
// the total and the reasons for any month that claims less. It is written
// when asked for, and marshalled to JSON as "explain".
func (s StaffResult) Explain() string {
	if s.explainer != nil {
		return s.explainer.explain()
	}
	return s.explained
}

type plainStaffResult StaffResult // StaffResult without its methods

// MarshalJSON writes the result with its explanation.
func (s StaffResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		plainStaffResult
		Explain string `json:"explain"`
	}{plainStaffResult(s), s.Explain()})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *StaffResult) UnmarshalJSON(b []byte) error {
	var v struct {
		plainStaffResult
		Explain string `json:"explain"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = StaffResult(v.plainStaffResult)
	s.explained = v.Explain
	return nil
}

// MonthRow is one month of the PCN's claims schedule.
type MonthRow struct {
	Month string          `json:"month"` // "2024-04"
	Claim decimal.Decimal `json:"claim"`
	Cost  decimal.Decimal `json:"cost"`
	// Cumulative is the claims from April to this month.
	Cumulative decimal.Decimal `json:"cumulative"`
}

// Pot is one ARRS sum and the claims against it.
type Pot struct {
	ID       string          `json:"id"`  // payment ID: "arrs", "arrs_gp"
	Pot      string          `json:"pot"` // "main", "gp"
	Sum      decimal.Decimal `json:"sum"`
	Claims   decimal.Decimal `json:"claims"`
	Headroom decimal.Decimal `json:"headroom"`
	// RunsOut is the month in which cumulative claims first exceed the
	// sum ("" if they never do).
	RunsOut string `json:"runs_out,omitempty"`

	sum       des.Amount // the sum as worked out, for Explain
	explained string     // Explain, when read back from JSON
}

// Explain says how the sum was worked out (the basis, rate and source).
func (p Pot) Explain() string {
	if p.sum.ID != "" {
		return p.sum.Explain()
	}
	return p.explained
}

type plainPot Pot

// MarshalJSON writes the pot with its explanation.
func (p Pot) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		plainPot
		Explain string `json:"explain"`
	}{plainPot(p), p.Explain()})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (p *Pot) UnmarshalJSON(b []byte) error {
	var v struct {
		plainPot
		Explain string `json:"explain"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Pot(v.plainPot)
	p.explained = v.Explain
	return nil
}

// Result is a PCN's ARRS position for one DES year.
type Result struct {
	Year des.Year `json:"year"`
	PCN  string   `json:"pcn"`
	// Sum, Claims and Headroom add up the pots. Headroom < 0 is
	// over-commitment.
	Sum      decimal.Decimal `json:"sum"`
	Claims   decimal.Decimal `json:"claims"`
	Headroom decimal.Decimal `json:"headroom"`
	// ClaimsOnDerived is how much of Claims rests on derived or carried
	// maxima (the sum of the staff's ClaimOnDerived).
	ClaimsOnDerived decimal.Decimal `json:"claims_on_derived"`
	// Cost is the roster's employer cost in the year.
	Cost     decimal.Decimal `json:"cost"`
	RunsOut  string          `json:"runs_out,omitempty"`
	Pots     []Pot           `json:"pots"`
	Staff    []StaffResult   `json:"staff"`
	Months   []MonthRow      `json:"months"`
	Breaches []Breach        `json:"breaches,omitempty"`
}

// Pot returns the pot with the given name ("main", "gp").
func (r Result) Pot(name string) (Pot, bool) {
	for _, p := range r.Pots {
		if p.Pot == name {
			return p, true
		}
	}
	return Pot{}, false
}

// OverCommitted reports whether claims exceed the sum in any pot.
func (r Result) OverCommitted() bool {
	for _, p := range r.Pots {
		if p.Headroom.IsNegative() {
			return true
		}
	}
	return false
}
