package arrs

import (
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"strings"
	"sync"
	"time"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/shopspring/decimal"
)

// Options tune a calculation. The zero value uses the rules as last revised.
type Options struct {
	// AsAt, when set, uses only figures announced on or before that date.
	AsAt des.Date
	// SalaryCost turns a staff member's actual pay for a month into the
	// employer cost of that month (pay plus employer NI on the monthly pay
	// period, pension and, when the employer pays it, the levy), with the
	// arithmetic. It is needed only for staff given by salary rather than
	// annual cost; OnCostRules adapts the embedded on-cost tables. A cost
	// it gives that is negative, or too large for 64-bit pennies, is an
	// error naming the person's salary.
	SalaryCost SalaryCostFunc
}

// Pay is one month's actual pay of a person given by salary: the
// full-time salary × WTE × days employed ÷ (12 × days in the month),
// rounded half-up to the penny, treated as paid on Paid (the 15th of the
// month, so April's pay is in the tax year that starts on 6 April).
type Pay struct {
	Amount decimal.Decimal
	Paid   des.Date
	Levy   bool // the employer pays the apprenticeship levy
}

// PayCost is the employer cost of one month's pay: Cost (£, to the penny),
// Arithmetic (the month's sum written out so that it reproduces Cost by
// hand, rounding included) and Sources (the rules used).
type PayCost struct {
	Cost       decimal.Decimal
	Arithmetic string
	Sources    string
}

// SalaryCostFunc works out the employer cost of one month's actual pay.
// On-costs are worked out on the person's own pay, month by month, not at
// 1 WTE and scaled: employer NI is charged per pay period above the
// period's secondary threshold.
type SalaryCostFunc func(pay Pay) (PayCost, error)

// Plan is a rule set prepared for claims: each role's maximum, percentage
// and cap month by month, worked out once. A Plan is immutable and may be
// used by many goroutines at once, for as many PCNs as you like.
type Plan struct {
	rs         *des.RuleSet
	year       des.Year
	opt        Options
	claimsFrom int // first claimable month index (0 = April)
	roles      map[string]*rolePlan
	month      [12]monthInfo
	// claimsText says when claims start.
	claimsText string
	// compiled is the rule set's payments compiled for CalculateTotals,
	// made on first use.
	compileOnce sync.Once
	// sourced is the plan of the rule set's SourcedOnly copy, made on first
	// use (Result.ClaimsUnsourced); nil when the rule set is sourced-only.
	sourcedOnce   sync.Once
	sourced       *Plan
	sourcedErr    error
	unsourcedOnce sync.Once
	anyUnsourced  bool // a maximum no source gives is in force in some month
	needRegOnce   sync.Once
	needReg       bool // a cap depends on the PCN's registered list
	compiled      compiled
	roleCount     int // roles in the plan (rolePlan.idx runs 0 to roleCount-1)
	// bandRoles are the plans of roles paid at a range of bands, one a band,
	// keyed "role|band".
	bandRoles map[string]*rolePlan
}

type monthInfo struct {
	start, end  des.Date
	first, last int // the day numbers of start and end
	days        int
	label       string // "2024-04"
}

type zone int

const (
	national zone = iota
	outer
	inner
)

type rolePlan struct {
	idx int // index among the plan's roles, for per-role scratch space
	// capWhole[m] is the month's headcount cap (normal, large PCN) as a
	// whole number, -1 where it is not whole (then compared as decimals).
	capWhole    [12][2]int64
	role        des.Role
	reimburseBP uint64 // reimbursement in basis points (10,000 = 100%)
	// subsequentBP is the subsequent share (des.Role.SubsequentReimbursement)
	// in basis points; 0 when the role has one share.
	subsequentBP uint64
	eligible     int // first eligible month index
	// max[m][z] is the maximum in pennies a year in month m for zone z;
	// -1 where no source gives one.
	max      [12][3]int64
	claimCap [12]bool
	// unsourced[m][z] is true when the maximum in month m for zone z is
	// derived or carried (no source gives it).
	unsourced [12][3]bool
	maxIdx    [12]int // index into maxima (in force), -1 for none
	maxima    []des.Maximum
	cap       [12]*des.Cap
	// maxText[k][z] describes maximum k for zone z, for explanations.
	maxText [][3]string
	// pctText is "× 100%" and the rule, for explanations; for a role with a
	// subsequent share, pctTexts[share] for the first at a band, a later
	// one without a written agreement, and a later one with it.
	pctText  string
	pctTexts [3]string
	// Reason texts that depend only on the role.
	noMaxText, eligibleText string
	// capTexts[c] says a person is beyond cap c: [0] at its limit, [1] at
	// its large-PCN limit.
	capTexts map[*des.Cap][2]string
}

// capText says a person is beyond a cap, at the limit that applies.
func (rp *rolePlan) capText(c *des.Cap, limit decimal.Decimal) string {
	t := rp.capTexts[c]
	if limit.Equal(c.Limit) {
		return t[0]
	}
	return t[1]
}

// Compile prepares a rule set for claims.
func Compile(rs *des.RuleSet, opt Options) (*Plan, error) {
	if rs == nil {
		return nil, fmt.Errorf("%w: no rule set", des.ErrMissing)
	}
	y := rs.Year()
	if y == 0 {
		return nil, fmt.Errorf("%w: the rule set has no year: make one with rulefile.Read (or take one from package "+
			"rates), not a zero des.RuleSet", des.ErrMissing)
	}
	a := rs.ARRS()
	p := &Plan{rs: rs, year: y, opt: opt, roles: map[string]*rolePlan{}}
	for m := 0; m < 12; m++ {
		yy, mm := y.Month(m)
		dim := time.Date(yy, mm+1, 0, 0, 0, 0, 0, time.UTC).Day() // the month's last day
		start, end := des.MustDate(yy, mm, 1), des.MustDate(yy, mm, dim)
		p.month[m] = monthInfo{start, end, start.DayNumber(), end.DayNumber(), dim, fmt.Sprintf("%04d-%02d", yy, int(mm))}
	}
	p.claimsFrom = y.MonthIndex(a.ClaimsFrom)
	p.claimsText = "claims in " + y.String() + " start " + a.ClaimsFrom.String()
	for _, r := range a.Roles {
		rp, err := p.rolePlan(r, p.roleCount)
		if err != nil {
			return nil, err
		}
		p.roles[r.ID] = rp
		// A role paid at a range of bands: one plan a band, chosen by the
		// person's band (Staff.Band); caps stay the role's.
		for band, ms := range r.BandMaxima {
			rb := r
			rb.Band, rb.Maxima, rb.BandMaxima = band, ms, nil
			bp, err := p.rolePlan(rb, p.roleCount)
			if err != nil {
				return nil, err
			}
			if p.bandRoles == nil {
				p.bandRoles = map[string]*rolePlan{}
			}
			p.bandRoles[r.ID+"|"+band] = bp
		}
		p.roleCount++
	}
	return p, nil
}

// rolePlan prepares one role (with its maxima) for claims.
func (p *Plan) rolePlan(r des.Role, idx int) (*rolePlan, error) {
	y, opt := p.year, p.opt
	rp := &rolePlan{role: r, idx: idx, eligible: y.MonthIndex(r.EligibleFrom), maxima: r.MaximaInForce(opt.AsAt)}
	if err := rp.shares(); err != nil {
		return nil, err
	}
	for m := 0; m < 12; m++ {
		rp.monthMaximum(m, p.month[m])
		rp.monthCap(m, p.month[m])
	}
	rp.makeCapTexts()
	rp.makeMaxTexts()
	rp.noMaxText = "no source found gives the " + r.ID + " maximum in force in " + y.String() +
		" for the months employed; pcnfin does not invent one (supply it with a rule set of your own)"
	rp.eligibleText = r.ID + " is claimable from " + r.EligibleFrom.String()
	rp.makePctTexts()
	return rp, nil
}

// shares sets the role's reimbursement and any subsequent share in basis
// points: whole basis points, from 0 to 100%.
func (rp *rolePlan) shares() error {
	r := rp.role
	ten4 := decimal.NewFromInt(10000)
	pct := r.Reimbursement.Mul(ten4)
	if !pct.IsInteger() || pct.IsNegative() || pct.GreaterThan(ten4) {
		return fmt.Errorf("%w: %s: reimbursement %s", des.ErrInvalid, r.ID, r.Reimbursement)
	}
	rp.reimburseBP = uint64(pct.IntPart())
	if r.SubsequentReimbursement.IsPositive() {
		sp := r.SubsequentReimbursement.Mul(ten4)
		if !sp.IsInteger() || sp.GreaterThan(ten4) {
			return fmt.Errorf("%w: %s: subsequent reimbursement %s", des.ErrInvalid, r.ID, r.SubsequentReimbursement)
		}
		rp.subsequentBP = uint64(sp.IntPart())
	}
	return nil
}

// monthMaximum sets month m's maximum (the last in force at its start) in
// each zone, in pennies, whether it is stated as a claim,
// and whether a source gives it.
func (rp *rolePlan) monthMaximum(m int, mi monthInfo) {
	rp.maxIdx[m] = -1
	rp.max[m] = [3]int64{-1, -1, -1}
	for k, mx := range rp.maxima {
		if !mx.From.After(mi.start) {
			rp.maxIdx[m] = k
		}
	}
	k := rp.maxIdx[m]
	if k < 0 {
		return
	}
	mx := rp.maxima[k]
	rp.max[m] = [3]int64{maximumPennies(mx.National), maximumPennies(mx.OuterLondon), maximumPennies(mx.InnerLondon)}
	rp.claimCap[m] = mx.ClaimCap
	for z := range rp.unsourced[m] {
		src := mx.SourceFor(z)
		if rp.max[m][z] < 0 {
			src = mx.Source // the national figure stands in
		}
		rp.unsourced[m][z] = !src.Confidence.Sourced()
	}
}

// monthCap sets month m's cap (the last covering the whole month) and its
// limits as whole numbers where they are.
func (rp *rolePlan) monthCap(m int, mi monthInfo) {
	for i := range rp.role.Caps {
		c := &rp.role.Caps[i]
		if !c.From.After(mi.start) && !c.To.Before(mi.end) {
			rp.cap[m] = c
		}
	}
	rp.capWhole[m] = [2]int64{-1, -1}
	if c := rp.cap[m]; c != nil {
		for k, lim := range []decimal.Decimal{c.Limit, c.LargeLimit} {
			if lim.IsInteger() && lim.Abs().LessThan(decimal.NewFromInt(1<<40)) {
				rp.capWhole[m][k] = lim.IntPart()
			}
		}
	}
}

// makeCapTexts makes the reason text of each cap, at its limit and at its
// large-PCN limit.
func (rp *rolePlan) makeCapTexts() {
	id := rp.role.ID
	rp.capTexts = map[*des.Cap][2]string{}
	for i := range rp.role.Caps {
		c := &rp.role.Caps[i]
		unit := " " + id + " in post at once"
		if c.Unit == des.CapWTE {
			unit = " WTE of " + id
		}
		var t [2]string
		for k, lim := range []decimal.Decimal{c.Limit, c.LargeLimit} {
			t[k] = "beyond the cap of " + lim.String() + unit + " (" + c.Source.Document + ")"
		}
		rp.capTexts[c] = t
	}
}

// makeMaxTexts describes each maximum in each zone, with its source (the
// national figure's where a zone has none).
func (rp *rolePlan) makeMaxTexts() {
	for _, mx := range rp.maxima {
		var t [3]string
		for z, name := range []string{"national", "outer London", "inner London"} {
			amt := [3]decimal.Decimal{mx.National, mx.OuterLondon, mx.InnerLondon}[z]
			label := name
			src := mx.SourceFor(z) // a London figure explains its own derivation
			if !amt.IsPositive() {
				amt, src = mx.National, mx.Source
				if z > 0 {
					label = "national (no " + strings.Fields(name)[0] + "-London figure sourced)"
				}
			}
			txt := money.Pounds(amt) + " a year " + label + " from " + mx.From.String()
			if mx.ClaimCap {
				txt += " as the most that may be claimed"
			}
			t[z] = txt + " [" + src.Document + " <" + src.URL + "> " + string(src.Confidence) + "]"
		}
		rp.maxText = append(rp.maxText, t)
	}
}

// makePctTexts makes the claim rule's text, and for a role with a
// subsequent share the text for each share.
func (rp *rolePlan) makePctTexts() {
	r := rp.role
	pctOf := func(f decimal.Decimal) string {
		return "; claim = min(cost, maximum) × WTE × " + f.Mul(decimal.NewFromInt(100)).String() +
			"% per month, pro rata by days, rounded to the penny"
	}
	rp.pctText = pctOf(r.Reimbursement)
	if rp.subsequentBP > 0 {
		band := r.Band
		rp.pctTexts = [3]string{
			pctOf(r.Reimbursement) + " (the first " + r.ID + " at band " + band + ", by start date: " +
				r.Reimbursement.Mul(decimal.NewFromInt(100)).String() + "% whatever the agreement)",
			pctOf(r.Reimbursement) + " (a further " + r.ID + " at band " + band + " with no written agreement: up to " +
				r.SubsequentReimbursement.Mul(decimal.NewFromInt(100)).String() + "% needs one)",
			pctOf(r.SubsequentReimbursement) + " (a further " + r.ID + " at band " + band +
				" under a written agreement)",
		}
	}
}

// maximumPennies is a maximum in pennies (toPennies), or -1 for zero (no
// figure given).
func maximumPennies(d decimal.Decimal) int64 {
	if !d.IsPositive() {
		return -1
	}
	return toPennies(d)
}

// RuleSet is the rule set the plan was compiled from.
func (p *Plan) RuleSet() *des.RuleSet {
	if p == nil {
		return nil
	}
	return p.rs
}

// Year is the plan's DES year.
func (p *Plan) Year() des.Year {
	if p == nil {
		return 0
	}
	return p.year
}

// Roles lists the role IDs claimable in the plan's year.
func (p *Plan) Roles() []string {
	if p == nil || p.rs == nil {
		return nil
	}
	var out []string
	for _, r := range p.rs.ARRS().Roles {
		out = append(out, r.ID)
	}
	return out
}

// OnCostRules adapts on-cost tables (rates.OnCosts()) to work out the
// employer cost of a month's actual pay (oncost.Rules.PayCost: employer NI
// on the monthly pay period). A date after the last rule the tables state
// (a projected year, 2027/28 on) uses the last rules carried forward
// (oncost.Rules.CarriedForward), and the explanation says PROJECTION, as
// rate projections carry the last published figures; a forecast does not
// abort for want of a future employer NI rule.
func OnCostRules(o *oncost.Rules) SalaryCostFunc {
	if o == nil {
		// A function, not nil, so a caller that calls it gets an error
		// rather than a panic.
		return func(Pay) (PayCost, error) {
			return PayCost{}, fmt.Errorf("%w: no on-cost rules (arrs.OnCostRules(nil)): give annual_cost, "+
				"or load rates/oncosts.toml", des.ErrMissing)
		}
	}
	o = o.CarriedForward()
	return func(pay Pay) (PayCost, error) {
		b, err := o.PayCost(pay.Amount, pay.Paid, oncost.Options{Levy: pay.Levy})
		if err != nil {
			return PayCost{}, err
		}
		return PayCost{Cost: b.Total, Arithmetic: b.ExplainArithmetic(), Sources: b.SourcesText()}, nil
	}
}
