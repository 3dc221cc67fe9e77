package arrs

import (
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// Hire is a post a PCN is thinking of filling.
type Hire struct {
	Role  string
	WTE   WTE
	Start des.Date
	// AnnualCost is the employer cost of 1 WTE a year; zero means "costs at
	// least the maximum" (the claim is then the maximum).
	AnnualCost decimal.Decimal
	London     London
}

// Affordability answers "what more can we afford?" for one hire.
type Affordability struct {
	Role  string    `json:"role"`
	Pot   des.PotID `json:"pot"`
	Start des.Date  `json:"start"`
	// Claim is what the hire would claim in the rest of the year at the
	// WTE asked; ClaimPerWTE at 1 WTE.
	WTE         decimal.Decimal `json:"wte"`
	Claim       des.Money       `json:"claim"`
	ClaimPerWTE des.Money       `json:"claim_per_wte"`
	// HeadroomBefore and HeadroomAfter are the pot's headroom without and
	// with the hire.
	HeadroomBefore des.Money `json:"headroom_before"`
	HeadroomAfter  des.Money `json:"headroom_after"`
	// MaxWTE is the largest WTE of the role (in steps of 0.01) the pot's
	// remaining headroom could fund from Start to 31 March. When the hire
	// can claim nothing (no sourced maximum, not claimable that year),
	// MaxWTEKnown is false: the question has no answer from the rules.
	MaxWTE      decimal.Decimal `json:"max_wte"`
	MaxWTEKnown bool            `json:"max_wte_known"`
	Explain     string          `json:"explain"`
	// Reasons says why the hire claims less than it costs, if it does
	// (not claimable that year, no maximum sourced, a cap).
	Reasons []ReasonDetail `json:"reasons,omitempty"`
}

// Afford works out how much of the ARRS sum a hire would use on top of the
// roster, and the largest WTE of that role the remaining sum could fund.
// The hire is checked as a roster line is (Staff.Validate): a WTE above
// zero, a cost in pounds and pence that is not negative, a known London
// zone; its start must be in the plan's year.
func (p *Plan) Afford(pcn des.PCN, roster []Staff, h Hire) (Affordability, error) {
	if p == nil || p.rs == nil {
		return Affordability{}, errNoPlan
	}
	if !p.year.Contains(h.Start) {
		return Affordability{}, &des.FieldError{Field: "start",
			Msg: fmt.Sprintf("%s is not in the DES year %s", h.Start, p.year), Err: des.ErrInvalid}
	}
	rp := p.roles[h.Role]
	if rp == nil {
		return Affordability{}, &des.FieldError{Field: "role",
			Msg: fmt.Sprintf("%q is not an ARRS role in %s (roles: %v)", h.Role, p.year, p.Roles()), Err: des.ErrInvalid}
	}
	cost := h.AnnualCost
	if cost.IsZero() {
		cost = assumedCost(rp, h.London)
	}
	proposed := Staff{Name: "(proposed " + h.Role + ")", Role: h.Role, WTE: h.WTE, Start: h.Start, AnnualCost: cost,
		London: h.London}
	if err := proposed.Validate(); err != nil {
		return Affordability{}, err // the roster's rules: WTE, pounds and pence, a known London zone
	}
	base, err := p.Calculate(pcn, roster)
	if err != nil {
		return Affordability{}, err
	}
	pot, ok := base.Pot(rp.role.Pot)
	if !ok {
		return Affordability{}, fmt.Errorf("%w: no ARRS sum for pot %q in %s", des.ErrMissing, rp.role.Pot, p.year)
	}
	perWTE, _, reasons, err := p.hireClaim(pcn, roster, proposed, WTE{1, 1})
	if err != nil {
		return Affordability{}, err
	}
	claim, claimMonths, _, err := p.hireClaim(pcn, roster, proposed, h.WTE)
	if err != nil {
		return Affordability{}, err
	}
	after, err := pot.Headroom.Sub(claim)
	if err != nil {
		return Affordability{}, &OverflowError{PCN: pcn.Name, What: "the headroom after the hire"}
	}
	a := Affordability{Role: h.Role, Pot: rp.role.Pot, Start: h.Start, WTE: h.WTE.Decimal(),
		Claim: claim, ClaimPerWTE: perWTE, HeadroomBefore: pot.Headroom, HeadroomAfter: after,
		MaxWTE: decimal.Zero, Reasons: reasons}
	if a.MaxWTE, a.MaxWTEKnown, err = p.maxHireWTE(pcn, roster, proposed, pot.Headroom, perWTE); err != nil {
		return Affordability{}, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s from %s: ", h.Role, h.Start)
	if !perWTE.IsPositive() {
		b.WriteString("nothing can be claimed for this hire (see the reasons)")
	} else {
		fmt.Fprintf(&b, "%s a year per WTE counted (%s); claim %s%s", money.Pounds(cost), costNote(h.AnnualCost),
			claim, monthlySum(claimMonths))
		if !a.WTE.Equal(decimal.NewFromInt(1)) {
			fmt.Fprintf(&b, " at %s WTE, %s at 1 WTE", a.WTE, perWTE)
		}
	}
	fmt.Fprintf(&b, ". %s pot headroom %s before, %s after; ", a.Pot, a.HeadroomBefore,
		a.HeadroomAfter)
	if a.MaxWTEKnown {
		fmt.Fprintf(&b, "the headroom funds at most %s WTE of this role from %s", a.MaxWTE.StringFixed(2), h.Start)
	} else {
		b.WriteString("how much of this role the headroom funds cannot be worked out, " +
			"since the hire can claim nothing under the rules as sourced")
	}
	if a.MaxWTE.GreaterThan(decimal.NewFromInt(MaxWTE)) {
		b.WriteString(" (headroom ÷ claim per WTE; above one roster line's 10 WTE the monthly rounding is not re-checked)")
	}
	b.WriteString(".")
	a.Explain = b.String()
	return a, nil
}

// hireClaim is what the hire s claims at WTE w on top of the roster: the
// year's claim, each month's, and why it claims less than it costs.
func (p *Plan) hireClaim(pcn des.PCN, roster []Staff, s Staff, w WTE) (des.Money, []des.Money, []ReasonDetail,
	error) {
	s.WTE = w
	r, err := p.Calculate(pcn, append(append([]Staff(nil), roster...), s))
	if err != nil {
		return des.Money{}, nil, nil, err
	}
	for _, sr := range r.Staff {
		if sr.Name == s.Name && sr.Role == s.Role {
			return sr.Claim, sr.Months, sr.Reasons, nil
		}
	}
	return des.Money{}, nil, nil, nil
}

// maxHireWTE is the largest WTE of the hire s that headroom funds, and
// whether that can be worked out (not when the hire claims nothing at
// 1 WTE, perWTE). Claims are proportional to WTE before each month's
// rounding, so it starts from the ratio and, within what one roster line
// can hold, steps down by 0.01 until the rounded claim fits.
func (p *Plan) maxHireWTE(pcn des.PCN, roster []Staff, s Staff, headroom, perWTE des.Money) (decimal.Decimal,
	bool, error) {
	if !perWTE.IsPositive() {
		return decimal.Zero, false, nil
	}
	if !headroom.IsPositive() {
		return decimal.Zero, true, nil // no headroom left: 0 WTE
	}
	w := headroom.Decimal().Div(perWTE.Decimal()).Truncate(2)
	for w.IsPositive() && !w.GreaterThan(decimal.NewFromInt(MaxWTE)) {
		ww, _ := WTEOf(w)
		c, _, _, err := p.hireClaim(pcn, roster, s, ww)
		if err != nil {
			return decimal.Zero, false, err
		}
		if c.Cmp(headroom) <= 0 {
			break
		}
		w = w.Sub(decimal.New(1, -2))
	}
	return w, true, nil
}

// assumedCost is the cost a hire is assumed to have when none is given: the
// least cost at which every month claims its maximum, in the hire's own zone
// (the national maximum outside London). Where the maximum is the most that
// may be claimed after the reimbursement percentage (2019/20 pharmacists:
// £37,810 is the 70% share), that cost is the maximum ÷ the percentage.
func assumedCost(rp *rolePlan, london London) decimal.Decimal {
	z := national
	switch london {
	case OuterLondon:
		z = outer
	case InnerLondon:
		z = inner
	}
	cost := decimal.Zero
	for m := 0; m < 12; m++ {
		zm := rp.max[m][z]
		if zm < 0 {
			zm = rp.max[m][national] // no London figure: the national one applies, as in the claim
		}
		v := fromPennies(zm)
		if rp.claimCap[m] && rp.role.Reimbursement.IsPositive() {
			v = v.DivRound(rp.role.Reimbursement, 2) // the least whole-penny cost whose share reaches it
			for v.Mul(rp.role.Reimbursement).LessThan(fromPennies(zm)) {
				v = v.Add(decimal.New(1, -2))
			}
		}
		if v.GreaterThan(cost) {
			cost = v
		}
	}
	if cost.IsZero() {
		cost = decimal.NewFromInt(1) // no maximum: every month says why
	}
	return cost
}

func costNote(c decimal.Decimal) string {
	if c.IsZero() {
		return "assumed to cost at least the maximum, so the claim is the maximum"
	}
	return "the cost given"
}

// MarshalJSON writes the answer, money with two places; max_wte (two
// places) only when MaxWTEKnown.
func (a Affordability) MarshalJSON() ([]byte, error) {
	maxWTE := ""
	if a.MaxWTEKnown {
		maxWTE = a.MaxWTE.StringFixed(2)
	}
	return json.Marshal(struct {
		Year           des.Year       `json:"year"`
		Role           string         `json:"role"`
		Start          des.Date       `json:"start"`
		WTE            plainDecimal   `json:"wte"`
		Pot            des.PotID      `json:"pot"`
		HeadroomBefore des.Money      `json:"headroom_before"`
		Claim          des.Money      `json:"claim"`
		ClaimPerWTE    des.Money      `json:"claim_per_wte"`
		HeadroomAfter  des.Money      `json:"headroom_after"`
		MaxWTE         string         `json:"max_wte,omitempty"`
		MaxWTEKnown    bool           `json:"max_wte_known"`
		Reasons        []ReasonDetail `json:"reasons,omitempty"`
		Explain        string         `json:"explain"`
	}{Year: des.YearOf(a.Start), Role: a.Role, Start: a.Start, WTE: plainDecimal(a.WTE), Pot: a.Pot,
		HeadroomBefore: a.HeadroomBefore, Claim: a.Claim, ClaimPerWTE: a.ClaimPerWTE, HeadroomAfter: a.HeadroomAfter,
		MaxWTE: maxWTE, MaxWTEKnown: a.MaxWTEKnown, Reasons: a.Reasons, Explain: a.Explain})
}

// monthlySum writes a claim as the sum of its monthly claims, runs of equal
// months grouped, so that the figure reproduces by hand: " (the sum of its
// monthly claims, each rounded half-up to the penny: 6 × £12,741.67)".
// Months with no claim are left out.
func monthlySum(months []des.Money) string {
	var parts []string
	for i := 0; i < len(months); {
		j := i
		for j < len(months) && months[j] == months[i] {
			j++
		}
		if months[i].IsPositive() {
			parts = append(parts, fmt.Sprintf("%d × %s", j-i, months[i]))
		}
		i = j
	}
	if len(parts) == 0 {
		return ""
	}
	return " (the sum of its monthly claims, each worked out on the month's days employed and rounded half-up to the penny: " +
		strings.Join(parts, " + ") + ")"
}
