package arrs

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// Reason is why a month claims nothing (or less than its cost allows). Its
// text and JSON form is a code: "no_maximum".
type Reason uint8

// The reasons.
const (
	ReasonNone           Reason = iota
	ReasonNotARRSRole           // not_arrs_role: the role is not claimable in this DES year
	ReasonBeforeClaims          // before_claims_start: before the year's claims start (1 July 2019 in 2019/20)
	ReasonBeforeEligible        // before_eligible: before the role became claimable
	ReasonNoMaximum             // no_maximum: no source gives the role's maximum for the month
	ReasonCap                   // cap: beyond the cap on numbers for the role
	ReasonCapPartial            // cap_partial: only part of the WTE fits under the cap
)

var reasonCodes = [...]string{"", "not_arrs_role", "before_claims_start", "before_eligible", "no_maximum", "cap",
	"cap_partial"}

// String is the reason's code, "no_maximum" ("" for ReasonNone).
func (r Reason) String() string {
	if int(r) < len(reasonCodes) {
		return reasonCodes[r]
	}
	return fmt.Sprintf("reason(%d)", r)
}

var reasonTexts = [...]string{"", "not an ARRS role in the year", "before the year's claims started",
	"the role was not yet claimable in those months",
	"no source gives the role's maximum for those months, so nothing is claimed (a rule set of your own can supply it)",
	"beyond the cap on numbers for the role", "only part of the WTE fits under the cap"}

// Explain says in words what the reason means, for a legend under a table:
// "beyond the cap on numbers for the role" ("" for ReasonNone or an unknown
// reason). A ReasonDetail says what it means for one person.
func (r Reason) Explain() string {
	if int(r) < len(reasonTexts) {
		return reasonTexts[r]
	}
	return ""
}

// MarshalText writes the code.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a code.
func (r *Reason) UnmarshalText(b []byte) error {
	for i, c := range reasonCodes {
		if c == string(b) {
			*r = Reason(i)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown ARRS reason %q", des.ErrInvalid, b)
}

// ReasonDetail is a reason with what it means for one person: "no source
// gives the role's maximum for 2025-04 to 2025-09". Its text and JSON form
// is "code: detail".
type ReasonDetail struct {
	Reason Reason
	Detail string
}

// String is "code: detail".
func (d ReasonDetail) String() string { return d.Reason.String() + ": " + d.Detail }

// MarshalText writes "code: detail".
func (d ReasonDetail) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "code: detail".
func (d *ReasonDetail) UnmarshalText(b []byte) error {
	code, detail, _ := strings.Cut(string(b), ": ")
	d.Detail = detail
	return d.Reason.UnmarshalText([]byte(code))
}

// BrokenRules are the breaches that are rules the roster breaks (a cap, a
// role not yet claimable or not claimable at all, claims not yet started),
// leaving out missing data: no_maximum is a figure no source gives, not a
// rule broken.
func (r Result) BrokenRules() []Breach {
	var out []Breach
	for _, b := range r.Breaches {
		if b.Rule != ReasonNoMaximum {
			out = append(out, b)
		}
	}
	return out
}

// Breach is a rule the roster breaks, for one person over a run of months.
type Breach struct {
	Staff  string `json:"staff"`
	Role   string `json:"role"`
	Rule   Reason `json:"rule"`
	From   string `json:"from"` // first month, "2024-04"
	To     string `json:"to"`   // last month
	Detail string `json:"detail"`
}

// StaffResult is one person's claim for the year.
type StaffResult struct {
	Name string `json:"name"`
	Role string `json:"role"`
	// WTE is the person's whole-time equivalent, exact (4 GP sessions is
	// 4/9); WTE.Decimal is it to four places, as the JSON writes it.
	WTE WTE `json:"wte"`
	// Claim is the year's claim: the sum of Months.
	Claim des.Money `json:"claim"`
	// ClaimOnDerived is the part of Claim that rests on a maximum no source
	// gives (derived by the band model, or carried): the months in which
	// such a maximum limits the claim. Zero when every binding maximum is
	// sourced.
	ClaimOnDerived des.Money `json:"claim_on_derived"`
	// Cost is the employer cost of the person over the months employed in
	// the year (each month rounded to the penny).
	Cost des.Money `json:"cost"`
	// CostMonths is the employer cost month by month, April first (each
	// rounded to the penny; they add up to Cost).
	CostMonths []des.Money `json:"cost_months"`
	// Months is the monthly claim, April first.
	Months []des.Money `json:"months"`
	// MonthsClaimed counts months with a claim.
	MonthsClaimed int `json:"months_claimed"`
	// Maximum is the annual maximum per WTE used in the last month claimed
	// (for the person's London zone where there is one).
	Maximum des.Money `json:"maximum"`
	// Reimbursement is the percentage applied, as a fraction.
	Reimbursement decimal.Decimal `json:"reimbursement"`
	Reasons       []ReasonDetail  `json:"reasons,omitempty"`

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

// plainDecimal is a decimal in JSON as a string of its exact digits ("0.5"),
// as shopspring/decimal writes it by default, whatever its package globals
// say.
type plainDecimal decimal.Decimal

// MarshalText writes the digits.
func (d plainDecimal) MarshalText() ([]byte, error) { return []byte(decimal.Decimal(d).String()), nil }

// UnmarshalJSON reads a JSON string or number.
func (d *plainDecimal) UnmarshalJSON(b []byte) error { return (*decimal.Decimal)(d).UnmarshalJSON(b) }

// staffJSON is StaffResult as JSON, in the order a reader wants it, with its
// explanation.
type staffJSON struct {
	Name           string         `json:"name"`
	Role           string         `json:"role"`
	WTE            WTE            `json:"wte"`
	Claim          des.Money      `json:"claim"`
	ClaimOnDerived des.Money      `json:"claim_on_derived"`
	Cost           des.Money      `json:"cost"`
	CostMonths     []des.Money    `json:"cost_months"`
	MonthsClaimed  int            `json:"months_claimed"`
	Maximum        des.Money      `json:"maximum"`
	Reimbursement  plainDecimal   `json:"reimbursement"`
	Months         []des.Money    `json:"months"`
	Reasons        []ReasonDetail `json:"reasons,omitempty"`
	Explain        string         `json:"explain"`
}

// MarshalJSON writes the result with its explanation.
func (s StaffResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(staffJSON{Name: s.Name, Role: s.Role, WTE: s.WTE, Claim: s.Claim,
		ClaimOnDerived: s.ClaimOnDerived, Cost: s.Cost, CostMonths: s.CostMonths, MonthsClaimed: s.MonthsClaimed,
		Maximum: s.Maximum, Reimbursement: plainDecimal(s.Reimbursement), Months: s.Months, Reasons: s.Reasons,
		Explain: s.Explain()})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *StaffResult) UnmarshalJSON(b []byte) error {
	var v staffJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = StaffResult{Name: v.Name, Role: v.Role, WTE: v.WTE, Claim: v.Claim,
		ClaimOnDerived: v.ClaimOnDerived, Cost: v.Cost, CostMonths: v.CostMonths, Months: v.Months,
		MonthsClaimed: v.MonthsClaimed, Maximum: v.Maximum, Reimbursement: decimal.Decimal(v.Reimbursement),
		Reasons: v.Reasons, explained: v.Explain}
	return nil
}

// MonthRow is one month of the PCN's claims schedule.
type MonthRow struct {
	Month string    `json:"month"` // "2024-04"
	Claim des.Money `json:"claim"`
	Cost  des.Money `json:"cost"`
	// Cumulative is the claims from April to this month.
	Cumulative des.Money `json:"cumulative"`
}

// Pot is one ARRS sum and the claims against it.
type Pot struct {
	ID       string    `json:"id"`  // payment ID: "arrs", "arrs_gp"
	Name     des.PotID `json:"pot"` // the pot: "main", "gp"
	Sum      des.Money `json:"sum"`
	Claims   des.Money `json:"claims"`
	Headroom des.Money `json:"headroom"`
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

// potFields is Pot without its methods: its exported fields are its JSON.
type potFields Pot

// MarshalJSON writes the pot with its explanation.
func (p Pot) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		potFields
		Explain string `json:"explain"`
	}{potFields(p), p.Explain()})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (p *Pot) UnmarshalJSON(b []byte) error {
	var v struct {
		potFields
		Explain string `json:"explain"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Pot(v.potFields)
	p.sum, p.explained = des.Amount{}, v.Explain
	return nil
}

// Result is a PCN's ARRS position for one DES year.
type Result struct {
	Year des.Year `json:"year"`
	PCN  string   `json:"pcn"`
	// Sum, Claims and Headroom add up the pots. Headroom < 0 is
	// over-commitment.
	Sum      des.Money `json:"sum"`
	Claims   des.Money `json:"claims"`
	Headroom des.Money `json:"headroom"`
	// ClaimsOnDerived is how much of Claims rests on derived or carried
	// maxima (the sum of the staff's ClaimOnDerived).
	ClaimsOnDerived des.Money `json:"claims_on_derived"`
	// ClaimsUnsourced is how much less the roster claims under the rule
	// set's SourcedOnly copy (what -sourced-only takes off Claims): every
	// claim that needs a figure no source gives, not only the months a
	// derived maximum binds (a role whose only maximum is derived claims
	// nothing without it; a London figure derived falls back to the sourced
	// national one). Zero when the rule set is already sourced-only.
	ClaimsUnsourced des.Money `json:"claims_unsourced"`
	// Cost is the roster's employer cost in the year.
	Cost     des.Money     `json:"cost"`
	RunsOut  string        `json:"runs_out,omitempty"`
	Pots     []Pot         `json:"pots"`
	Staff    []StaffResult `json:"staff"`
	Months   []MonthRow    `json:"months"`
	Breaches []Breach      `json:"breaches,omitempty"`
}

// Pot returns the pot with the given name ("main", "gp").
func (r Result) Pot(name des.PotID) (Pot, bool) {
	for _, p := range r.Pots {
		if p.Name == name {
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

// JoinReasons is "code: detail; code: detail".
func JoinReasons(rs []ReasonDetail) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.String())
	}
	return strings.Join(out, "; ")
}
