package arrs

import (
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"maps"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// Calculate works out a PCN's ARRS claims under a rule set. It compiles the
// rule set each time; to calculate many PCNs, Compile once and call
// Plan.Calculate.
func Calculate(rs *des.RuleSet, pcn des.PCN, roster []Staff, opt Options) (Result, error) {
	p, err := Compile(rs, opt)
	if err != nil {
		return Result{}, err
	}
	return p.Calculate(pcn, roster)
}

var errNoPlan = fmt.Errorf("%w: a Plan must come from Compile", des.ErrMissing)

// person is a roster line prepared for the monthly loop.
type person struct {
	s     *Staff
	idx   int
	rp    *rolePlan
	zone  zone
	num   uint64    // WTE numerator
	den   uint64    // WTE denominator
	from  int       // the day numbers of the first and last days employed
	to    int       // (the greatest int with no end date)
	costP [12]int64 // annual cost of 1 WTE (pennies), for staff given by annual_cost
	// actual is set for staff given by salary: cost[m] is then the month's
	// own employer cost of the person's actual pay (payCost), not costP
	// scaled by WTE and days.
	actual  bool
	payCost [12]int64
	claim   [12]int64
	cost    [12]int64
	reason  [12]Reason
	// derived[m] is true when month m's claim is limited by a maximum no
	// source gives (derived or carried).
	derived [12]bool
	// detail holds the text of cap reasons, which depend on the cap (other
	// reasons' text is made when asked for); nil when no cap applied.
	detail *[12]string
	costEx string
	// bp is the share of cost reimbursed in basis points: the role's, or
	// its subsequent share (share 2); share is 0 for the first person of a
	// role with a subsequent share at a band (or any person of another
	// role), 1 for a later one without a written agreement, 2 with one.
	bp    uint64
	share uint8
}

// Calculate works out a PCN's ARRS claims for a roster.
func (p *Plan) Calculate(pcn des.PCN, roster []Staff) (Result, error) {
	if p == nil || p.rs == nil {
		return Result{}, errNoPlan
	}
	if err := pcn.Validate(); err != nil {
		return Result{}, err
	}
	sums, err := p.sums(pcn)
	if err != nil {
		return Result{}, err
	}
	return p.calculate(pcn, roster, sums)
}

// calculate works out the claims of a validated PCN whose ARRS sums are known.
func (p *Plan) calculate(pcn des.PCN, roster []Staff, sums []des.Amount) (Result, error) {
	people, order, err := p.claimMonths(pcn, roster)
	if err != nil {
		return Result{}, err
	}
	r, err := p.result(pcn, people, order, sums)
	if err != nil {
		return Result{}, err
	}
	if p.hasUnsourced() {
		sp, err := p.sourcedPlan()
		if err != nil {
			return Result{}, err
		}
		if sp != nil {
			c, err := sp.claimsOf(&pcn, people, order)
			if err != nil {
				return Result{}, err
			}
			r.ClaimsUnsourced = des.Pennies(r.Claims.Pennies() - c) // two sums of non-negative pennies: no overflow
		}
	}
	return r, nil
}

// hasUnsourced reports whether the plan's rule set holds a figure no
// source gives (its SourcedOnly copy differs).
func (p *Plan) hasUnsourced() bool {
	p.unsourcedOnce.Do(func() {
		for _, roles := range []map[string]*rolePlan{p.roles, p.bandRoles} {
			for _, rp := range roles {
				for m := range rp.unsourced {
					for _, u := range rp.unsourced[m] {
						p.anyUnsourced = p.anyUnsourced || u
					}
				}
			}
		}
	})
	return p.anyUnsourced
}

// sourcedPlan is the plan of the rule set's SourcedOnly copy with the same
// options.
func (p *Plan) sourcedPlan() (*Plan, error) {
	p.sourcedOnce.Do(func() {
		p.sourced, p.sourcedErr = Compile(p.rs.SourcedOnly(), p.opt)
	})
	return p.sourced, p.sourcedErr
}

// claimMonths works out every person's months (people in roster order, and
// the fixed order in which caps take them), with the texts of cap reasons.
func (p *Plan) claimMonths(pcn des.PCN, roster []Staff) ([]person, []int, error) {
	people, order := make([]person, len(roster)), make([]int, len(roster))
	if err := p.months(&pcn, roster, people, order, make([]capState, p.roleCount), true); err != nil {
		return nil, nil, err
	}
	return people, order, nil
}

// months works out every person's months into people (roster order) and
// order (the fixed order in which caps take them: start date, name, role):
// the one claims path, for the explained result (details: the texts of cap
// reasons and of the cost of actual pay) and for the fast totals (the
// worker's buffers, no texts).
func (p *Plan) months(pcn *des.PCN, roster []Staff, people []person, order []int, caps []capState, details bool) error {
	var errs des.Errors
	for i := range roster {
		s := &roster[i]
		if e := p.prepare(&people[i], i, s, details); e != nil {
			errs = append(errs, prefixErr(fmt.Sprintf("staff[%d] (%s)", i, s.Name), e))
		}
		order[i] = i
	}
	if len(errs) > 0 {
		return errs
	}
	sortPeople(people, order)
	return p.run(pcn, people, order, caps, details)
}

// claimsOf is the year's claims of people prepared under another plan of
// the same year (the sourced-only plan: the same costs and order, this
// plan's roles and maxima), without the texts of reasons.
func (p *Plan) claimsOf(pcn *des.PCN, prepared []person, order []int) (int64, error) {
	buf := scratchPeople.Get().(*[]person)
	defer scratchPeople.Put(buf)
	if cap(*buf) < len(prepared) {
		*buf = make([]person, len(prepared))
	}
	people := (*buf)[:len(prepared)]
	for i := range prepared {
		pp := &people[i]
		from := &prepared[i]
		*pp = person{s: from.s, idx: from.idx, zone: from.zone, num: from.num, den: from.den, from: from.from,
			to: from.to, costP: from.costP, actual: from.actual, payCost: from.payCost}
		if err := p.setRole(pp); err != nil {
			return 0, prefixErr(fmt.Sprintf("staff[%d] (%s)", i, pp.s.Name), err)
		}
	}
	if err := p.run(pcn, people, order, make([]capState, p.roleCount), false); err != nil {
		return 0, err
	}
	var c int64
	for i := range people {
		for m := 0; m < 12; m++ {
			if !addInt(&c, people[i].claim[m]) {
				return 0, &OverflowError{PCN: pcn.Name, What: "the sourced-only claims"}
			}
		}
	}
	return c, nil
}

// scratchPeople holds people buffers for claimsOf, whose people are dropped
// as soon as their claims are added up.
var scratchPeople = sync.Pool{New: func() any { return new([]person) }}

// sortPeople puts order in the fixed order in which caps take people:
// start date, name, role.
func sortPeople(people []person, order []int) {
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := people[a].s, people[b].s
		if c := x.Start.Compare(y.Start); c != 0 {
			return c
		}
		if c := strings.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return strings.Compare(x.Role, y.Role)
	})
}

// run works out the months of people prepared and in order.
func (p *Plan) run(pcn *des.PCN, people []person, order []int, caps []capState, details bool) error {
	registered, err := p.capRegistered(pcn)
	if err != nil {
		return err
	}
	p.assignShares(people, order)
	for m := 0; m < 12; m++ {
		p.calculateMonth(m, people, order, registered, caps, details)
	}
	return nil
}

// capRegistered is the PCN's registered list (whole), when a cap of the
// plan depends on it (else 0, and a PCN without the figure is no error).
func (p *Plan) capRegistered(pcn *des.PCN) (int64, error) {
	p.needRegOnce.Do(func() {
		for _, rp := range p.roles {
			for _, c := range rp.cap {
				p.needReg = p.needReg || c != nil
			}
		}
	})
	if !p.needReg {
		return 0, nil
	}
	var reg int64
	for i := range pcn.Practices {
		n := pcn.Practices[i].Registered
		d := n.Decimal()
		if !n.IsSet() || d.Exponent() != 0 || d.NumDigits() > 15 || d.Sign() < 0 || !addInt(&reg, d.CoefficientInt64()) {
			registered, err := pcn.Total(des.Registered, "ARRS caps") // the error, or an unusual figure exactly
			return registered.IntPart(), err
		}
	}
	return reg, nil
}

func prefixErr(prefix string, err error) error {
	if fe, ok := err.(*des.FieldError); ok {
		c := *fe
		c.Field = prefix + "." + c.Field
		return &c
	}
	if es, ok := err.(des.Errors); ok {
		for i, e := range es {
			if fe, ok := e.(*des.FieldError); ok {
				c := *fe
				c.Field = prefix + "." + c.Field
				es[i] = &c
			}
		}
		return es
	}
	return fmt.Errorf("%s: %w", prefix, err)
}

func (p *Plan) prepare(pp *person, i int, s *Staff, details bool) error {
	if err := s.Validate(); err != nil {
		return err
	}
	*pp = person{s: s, idx: i, num: uint64(s.WTE.num), den: uint64(s.WTE.den), from: s.Start.DayNumber(),
		to: math.MaxInt}
	if !s.End.IsZero() {
		pp.to = s.End.DayNumber()
	}
	if err := p.setRole(pp); err != nil {
		return err
	}
	switch s.London {
	case OuterLondon:
		pp.zone = outer
	case InnerLondon:
		pp.zone = inner
	}
	if s.AnnualCost.IsPositive() {
		c := toPennies(s.AnnualCost)
		for m := range pp.costP {
			pp.costP[m] = c
		}
		return nil // the explanation states the cost when asked for
	}
	if p.opt.SalaryCost == nil {
		return &des.FieldError{Field: "salary",
			Msg: "a salary needs on-cost rules to become an employer cost (Options.SalaryCost); give annual_cost instead",
			Err: des.ErrMissing}
	}
	return p.preparePay(pp, s, details)
}

// setRole gives a person the plan's role (its maxima, percentage and caps):
// for a role paid at a range of bands, the person's band chooses the
// maxima (for other roles a band is the person's own, for reference).
func (p *Plan) setRole(pp *person) error {
	s := pp.s
	pp.rp = p.roles[s.Role]
	if s.Band != "" && pp.rp != nil && len(pp.rp.role.BandMaxima) > 0 {
		bp := p.bandRoles[s.Role+"|"+s.Band]
		if bp == nil {
			bands := slices.Sorted(maps.Keys(pp.rp.role.BandMaxima))
			return &des.FieldError{Field: "band", Err: des.ErrInvalid,
				Msg: fmt.Sprintf("band %q: %s is paid at band %s in %s", s.Band, s.Role, strings.Join(bands, ", "), p.year)}
		}
		pp.rp = bp
	}
	if pp.rp != nil {
		pp.bp = pp.rp.reimburseBP
	}
	return nil
}

// preparePay works out a salaried person's employer cost month by month on
// the person's actual pay: the month's pay is salary × WTE × days employed
// ÷ (12 × days in the month), rounded half-up to the penny, paid on the
// 15th (so April's pay is in the tax year that starts on 6 April), and its
// on-costs are those of a monthly pay period (Options.SalaryCost). With
// details false (the fast path, which never shows it) the explanation of
// the cost is not written.
func (p *Plan) preparePay(pp *person, s *Staff, details bool) error {
	pp.actual = true
	salaryP := toPennies(s.Salary)
	type group struct {
		from, to string
		text     string
	}
	var groups []group
	var sources []string
	for m := 0; m < 12; m++ {
		days := p.daysEmployed(pp, m)
		if days == 0 {
			continue
		}
		dim := p.month[m].days
		payP := payPennies(salaryP, pp.num, pp.den, uint64(days), uint64(dim))
		pay := fromPennies(payP)
		c, err := p.opt.SalaryCost(Pay{Amount: pay, Paid: p.month[m].start.AddDays(14), Levy: s.Levy})
		if err != nil {
			return &des.FieldError{Field: "salary", Msg: err.Error(), Err: err}
		}
		switch { // the cost as a roster line's: not negative, and never a wrapped figure
		case c.Cost.IsNegative():
			return &des.FieldError{Field: "salary", Err: des.ErrInvalid,
				Msg: fmt.Sprintf("the employer cost of %s's pay of %s is %s: an employer cost is not negative (Options.SalaryCost)",
					p.month[m].label, money.Pounds(pay), c.Cost)}
		case c.Cost.Round(2).Shift(2).GreaterThan(maxPennies):
			return &des.FieldError{Field: "salary", Err: des.ErrOverflow,
				Msg: fmt.Sprintf("the employer cost of %s's pay of %s is %s: more than 64-bit pennies hold (Options.SalaryCost)",
					p.month[m].label, money.Pounds(pay), c.Cost)}
		}
		pp.payCost[m] = toPennies(c.Cost)
		if !details {
			continue
		}
		// the month's pay, written out
		var pt strings.Builder
		pt.WriteString(money.Pounds(s.Salary))
		pt.WriteString(" × ")
		pt.WriteString(s.WTE.String())
		if days != dim {
			pt.WriteString(" × " + strconv.Itoa(days) + "/" + strconv.Itoa(dim) + " days")
		}
		pt.WriteString(" ÷ 12 = ")
		if exact := payExact(salaryP, pp.num, pp.den, uint64(days), uint64(dim)); !exact {
			pt.WriteString(money.Pounds(pay) + " (to the nearest penny)")
		} else {
			pt.WriteString(money.Pounds(pay))
		}
		text := "pay " + pt.String() + "; cost " + strings.TrimPrefix(c.Arithmetic, "pay ")
		label := p.month[m].label
		if n := len(groups); n > 0 && groups[n-1].text == text && groups[n-1].to == p.month[m-1].label && m > 0 {
			groups[n-1].to = label
		} else {
			groups = append(groups, group{from: label, to: label, text: text})
		}
		if c.Sources != "" && !slices.Contains(sources, c.Sources) {
			sources = append(sources, c.Sources)
		}
	}
	if !details {
		return nil
	}
	var b strings.Builder
	b.WriteString("employer cost of actual pay (salary ")
	b.WriteString(money.Pounds(s.Salary))
	b.WriteString(" a year per WTE), month by month with employer NI per monthly pay period, each month paid on the 15th: ")
	for i, g := range groups {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(g.from)
		if g.to != g.from {
			b.WriteString(" to " + g.to + " each")
		}
		b.WriteString(": ")
		b.WriteString(g.text)
	}
	if len(sources) > 0 {
		b.WriteString(" (sources: " + strings.Join(sources, " | ") + ")")
	}
	pp.costEx = b.String()
	return nil
}

// payPennies is a month's pay in pennies: salary × WTE × days ÷ (12 × dim),
// rounded half-up once, in 128-bit integers (big integers only when a
// product or the pay would not fit in 64 bits).
func payPennies(salaryP int64, num, den, days, dim uint64) int64 {
	if n, d, ok := payFraction(salaryP, num, den, days, dim); ok {
		if q, ok := n.divRound(d); ok && q <= math.MaxInt64 {
			return int64(q)
		}
	}
	return payPenniesBig(salaryP, num, den, days, dim)
}

// payExact reports whether a month's pay is a whole number of pennies
// before rounding.
func payExact(salaryP int64, num, den, days, dim uint64) bool {
	if n, d, ok := payFraction(salaryP, num, den, days, dim); ok && n.hi < d {
		_, r := bits.Div64(n.hi, n.lo, d)
		return r == 0
	}
	return payExactBig(salaryP, num, den, days, dim)
}

// payFraction is a month's pay as n ÷ d pennies (salary × num × days over
// 12 × den × dim), and false when salaryP is negative or num × days or
// 12 × den × dim would not fit in 64 bits.
func payFraction(salaryP int64, num, den, days, dim uint64) (n u128, d uint64, ok bool) {
	if salaryP < 0 {
		return u128{}, 0, false
	}
	hi, nd := bits.Mul64(num, days)
	if hi != 0 {
		return u128{}, 0, false
	}
	if den > math.MaxUint64/12 {
		return u128{}, 0, false
	}
	hi, dd := bits.Mul64(12*den, dim)
	if hi != 0 || dd == 0 {
		return u128{}, 0, false
	}
	return mul64(uint64(salaryP), nd), dd, true
}

func payPenniesBig(salaryP int64, num, den, days, dim uint64) int64 {
	n := new(big.Int).Mul(big.NewInt(salaryP), bigProduct(num, days))
	d := bigProduct(12, den, dim)
	q, r := new(big.Int).QuoRem(n, d, new(big.Int))
	if r.Lsh(r, 1).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

func payExactBig(salaryP int64, num, den, days, dim uint64) bool {
	n := new(big.Int).Mul(big.NewInt(salaryP), bigProduct(num, days))
	d := bigProduct(12, den, dim)
	return new(big.Int).Rem(n, d).Sign() == 0
}

// bigProduct is the product of xs, exactly (the big-integer paths are for
// products that do not fit in 64 bits, so they must not be formed in them).
func bigProduct(xs ...uint64) *big.Int {
	r := big.NewInt(1)
	for _, x := range xs {
		r.Mul(r, new(big.Int).SetUint64(x))
	}
	return r
}

// assignShares gives each person of a role with a subsequent share (mental
// health practitioners: des.Role.SubsequentReimbursement) their share: the
// first at a band (in the fixed order: start date, name, role; people not
// employed in the year do not count) keeps the role's share, each later one
// at that band gets the subsequent share when their line has a written
// agreement, the role's share otherwise. The band is the person's (the
// maxima they claim on), or the role's when they give none.
func (p *Plan) assignShares(people []person, order []int) {
	var seen []*rolePlan // band plans already holding their first person
	for _, i := range order {
		pp := &people[i]
		rp := pp.rp
		if rp == nil || rp.subsequentBP == 0 {
			continue
		}
		if pp.to < p.month[0].first || pp.from > p.month[11].last {
			continue
		}
		if !slices.Contains(seen, rp) {
			seen = append(seen, rp)
			continue
		}
		pp.share = 1
		if pp.s.WrittenAgreement {
			pp.share, pp.bp = 2, rp.subsequentBP
		}
	}
}

// daysEmployed returns the days of month m within the person's employment.
func (p *Plan) daysEmployed(pp *person, m int) int {
	mi := &p.month[m]
	n := min(pp.to, mi.last) - max(pp.from, mi.first) + 1
	return max(n, 0)
}

type capState struct {
	used  bool
	count int64
	wte   *big.Rat // WTE admitted so far, for a cap in WTE
}

// calculateMonth computes month m for every person, in the fixed order.
// caps is scratch space, one per role of the plan; registered is the PCN's
// registered list (whole), for caps that depend on size. With details
// false the texts of cap reasons are not made (the totals path).
func (p *Plan) calculateMonth(m int, people []person, order []int, registered int64, caps []capState, details bool) {
	for i := range caps {
		caps[i] = capState{}
	}
	dim := uint64(p.month[m].days)
	for _, i := range order {
		pp := &people[i]
		days := p.daysEmployed(pp, m)
		if days == 0 {
			continue
		}
		// cost of the month, for information: the month's own cost of actual
		// pay, or annual × WTE × days ÷ (12 × dim)
		if pp.actual {
			pp.cost[m] = pp.payCost[m]
		} else {
			pp.cost[m] = claimPennies(uint64(pp.costP[m]), uint64(pp.costP[m]), pp.num, pp.den, uint64(days), dim, 10000, false)
		}
		if r := p.unclaimable(pp, m); r != ReasonNone {
			pp.reason[m] = r
			continue
		}
		rp := pp.rp
		num, wden := pp.num, pp.den
		if c := rp.cap[m]; c != nil {
			var admitted bool
			if num, wden, admitted = admit(pp, m, c, &caps[rp.idx], registered, details); !admitted {
				continue
			}
		}
		claimMonth(pp, m, uint64(days), dim, num, wden)
	}
}

// unclaimable is why month m of a person cannot be claimed at all, or
// ReasonNone: no ARRS role, before claims or the role's eligibility, or no
// maximum (a London figure alone serves a person in that zone).
func (p *Plan) unclaimable(pp *person, m int) Reason {
	rp := pp.rp
	switch {
	case rp == nil:
		return ReasonNotARRSRole
	case m < p.claimsFrom:
		return ReasonBeforeClaims
	case m < rp.eligible:
		return ReasonBeforeEligible
	case rp.max[m][national] < 0 && rp.max[m][pp.zone] < 0:
		return ReasonNoMaximum
	}
	return ReasonNone
}

// admit applies the role's cap c to a person in month m, st being the
// cap's use so far: it returns the WTE admitted (num/wden: all of it, or
// what fits under a cap in WTE), or false when none fits (the reason and,
// with details, its text set).
func admit(pp *person, m int, c *des.Cap, st *capState, registered int64, details bool) (num, wden uint64, admitted bool) {
	rp := pp.rp
	if !st.used {
		st.used = true
		if c.Unit == des.CapWTE {
			st.wte = new(big.Rat)
		}
	}
	large := c.Large(registered)
	limit := c.LimitFor(registered)
	num, wden = pp.num, pp.den
	switch c.Unit {
	case des.CapHeadcount:
		if !admitHead(rp, m, st, limit, large) {
			pp.refuseForCap(m, c, limit, details)
			return num, wden, false
		}
	case des.CapWTE:
		lim, _ := new(big.Rat).SetString(limit.String())
		room := new(big.Rat).Sub(lim, st.wte)
		w := pp.s.WTE.rat()
		if room.Sign() <= 0 {
			pp.refuseForCap(m, c, limit, details)
			return num, wden, false
		}
		if room.Cmp(w) < 0 {
			w = room
			pp.reason[m] = ReasonCapPartial
			if details {
				pp.setDetail(m, fmt.Sprintf("only %s WTE of %s fits under the cap of %s WTE (%s)",
					room.FloatString(4), pp.s.WTE, limit, c.Source.Document))
			}
			num, wden = w.Num().Uint64(), w.Denom().Uint64()
		}
		st.wte.Add(st.wte, w)
	}
	return num, wden, true
}

// admitHead counts one more person under a headcount cap of limit (the
// large PCN's when large), or says the cap is full.
func admitHead(rp *rolePlan, m int, st *capState, limit decimal.Decimal, large bool) bool {
	whole := rp.capWhole[m][0]
	if large {
		whole = rp.capWhole[m][1]
	}
	over := whole >= 0 && st.count+1 > whole
	if whole < 0 {
		over = decimal.NewFromInt(st.count + 1).GreaterThan(limit)
	}
	if over {
		return false
	}
	st.count++
	return true
}

// refuseForCap marks month m refused for a full cap (with details, the
// cap's text).
func (pp *person) refuseForCap(m int, c *des.Cap, limit decimal.Decimal, details bool) {
	pp.reason[m] = ReasonCap
	if details {
		pp.setDetail(m, pp.rp.capText(c, limit))
	}
}

// claimMonth works out the claim of month m for days employed of the
// month's dim, at num/wden WTE, and whether it rests on a derived maximum
// that binds.
func claimMonth(pp *person, m int, days, dim, num, wden uint64) {
	rp := pp.rp
	maxP := rp.max[m][pp.zone]
	if maxP < 0 {
		maxP = rp.max[m][national] // no London figure sourced: national used (explained)
	}
	var binds bool
	if pp.actual {
		pp.claim[m] = claimActualPennies(pp.payCost[m], maxP, pp.num, pp.den, num, wden, days, dim,
			pp.bp, rp.claimCap[m])
		binds = actualBinds(pp.payCost[m], maxP, pp.num, pp.den, days, dim, pp.bp, rp.claimCap[m])
	} else {
		pp.claim[m] = claimPennies(uint64(pp.costP[m]), uint64(maxP), num, wden, days, dim, pp.bp,
			rp.claimCap[m])
		// The maximum binds when the cost (or, for a maximum stated as a
		// claim, the reimbursed share of it) is above it.
		binds = pp.costP[m] > maxP
		if rp.claimCap[m] {
			binds = mul64(uint64(maxP), 10000).less(mul64(uint64(pp.costP[m]), pp.bp)) // in 128 bits: a vast maximum × 10,000 passes 2^64
		}
	}
	pp.derived[m] = binds && rp.unsourced[m][pp.zone]
}

// The one pennies contract of package arrs: amounts enter the monthly loop as
// int64 pennies through toPennies (exact for validated amounts of at most two
// places; anything else is rounded half-up to the penny) and leave it through
// fromPennies (exact).

// fromPennies is p pennies as pounds, exactly.
func fromPennies(p int64) decimal.Decimal {
	if p == 0 {
		return decimal.Zero // the one zero, without allocating
	}
	return decimal.New(p, -2)
}

// tally is a PCN's people added up: claims and cost by month, claims by pot
// (the plan's Pots order) and on derived maxima, in checked sums.
type tally struct {
	claim, cost [12]int64
	pots        [][12]int64
	onDerived   int64
}

// tally adds up people's months into t (t.pots holds a row per pot of the
// plan); false when a sum would pass the largest int64.
func (p *Plan) tally(t *tally, people []person, order []int) bool {
	pots := p.fast().pots
	t.claim, t.cost, t.onDerived = [12]int64{}, [12]int64{}, 0
	clear(t.pots)
	for _, i := range order {
		pp := &people[i]
		pot := des.PotMain
		if pp.rp != nil {
			pot = pp.rp.role.Pot
		}
		q := slices.Index(pots, pot)
		for m := 0; m < 12; m++ {
			if !addInt(&t.claim[m], pp.claim[m]) || !addInt(&t.cost[m], pp.cost[m]) ||
				q >= 0 && !addInt(&t.pots[q][m], pp.claim[m]) || pp.derived[m] && !addInt(&t.onDerived, pp.claim[m]) {
				return false
			}
		}
	}
	return true
}

// result is the explained result, built from the months worked out (months)
// and their tally.
func (p *Plan) result(pcn des.PCN, people []person, order []int, sums []des.Amount) (Result, error) {
	r := Result{Year: p.year, PCN: pcn.Name, Staff: make([]StaffResult, 0, len(order))}
	pots := p.fast().pots
	t := tally{pots: make([][12]int64, len(pots))}
	if !p.tally(&t, people, order) {
		return Result{}, &OverflowError{PCN: pcn.Name, What: "the claims or cost of a month"}
	}
	// one allocation a PCN for its people's months and explainers
	months := make([]des.Money, 24*len(order))
	ex := make([]staffExplainer, len(order))
	for k, i := range order {
		pp := &people[i]
		r.Staff = append(r.Staff, p.staffResult(pp, months[24*k:24*k+24:24*k+24], &ex[k]))
		r.Breaches = p.breaches(pp, r.Breaches)
	}
	r.Months = make([]MonthRow, 0, 12)
	r.ClaimsOnDerived = des.Pennies(t.onDerived)
	var cum, costTotal int64
	for m := 0; m < 12; m++ {
		if !addInt(&cum, t.claim[m]) || !addInt(&costTotal, t.cost[m]) {
			return Result{}, &OverflowError{PCN: pcn.Name, What: "the year's claims or cost"}
		}
		r.Months = append(r.Months, MonthRow{Month: p.month[m].label, Claim: des.Pennies(t.claim[m]),
			Cost: des.Pennies(t.cost[m]), Cumulative: des.Pennies(cum)})
	}
	r.Claims, r.Cost = des.Pennies(cum), des.Pennies(costTotal)
	for _, a := range sums {
		var pm [12]int64
		if q := slices.Index(pots, a.Pot); q >= 0 {
			pm = t.pots[q]
		}
		sum := a.Total // a sum is rounded to the penny
		var c int64
		runsOut := ""
		for m := 0; m < 12; m++ {
			c += pm[m] // within the checked year's claims
			if runsOut == "" && c > sum.Pennies() {
				runsOut = p.month[m].label
			}
		}
		pot := Pot{ID: a.ID, Name: a.Pot, Sum: sum, Claims: des.Pennies(c), RunsOut: runsOut, sum: a}
		var err error
		if pot.Headroom, err = sum.Sub(pot.Claims); err == nil {
			r.Sum, err = r.Sum.Add(sum)
		}
		if err != nil {
			return Result{}, &OverflowError{PCN: pcn.Name, What: "the ARRS sums or headroom"}
		}
		r.Pots = append(r.Pots, pot)
		if r.RunsOut == "" || (runsOut != "" && runsOut < r.RunsOut) {
			r.RunsOut = runsOut
		}
	}
	// Claims for a role whose pot has no sum (should not happen with a
	// validated rule set) still count in Claims, so Headroom stays honest.
	var err error
	if r.Headroom, err = r.Sum.Sub(r.Claims); err != nil {
		return Result{}, &OverflowError{PCN: pcn.Name, What: "the headroom"}
	}
	return r, nil
}

// staffResult is a person's explained result; months (24 long) holds its
// Months and CostMonths, ex its explainer.
func (p *Plan) staffResult(pp *person, months []des.Money, ex *staffExplainer) StaffResult {
	sr := StaffResult{Name: pp.s.Name, Role: pp.s.Role, WTE: pp.s.WTE, Months: months[:12:12],
		CostMonths: months[12:24:24], Reimbursement: decimal.Zero}
	var claim, cost, onDerived int64
	lastMax := -1
	for m := 0; m < 12; m++ {
		sr.Months[m], sr.CostMonths[m] = des.Pennies(pp.claim[m]), des.Pennies(pp.cost[m])
		claim += pp.claim[m]
		cost += pp.cost[m]
		if pp.derived[m] {
			onDerived += pp.claim[m]
		}
		if pp.claim[m] > 0 {
			sr.MonthsClaimed++
			lastMax = m
		}
	}
	sr.Claim, sr.ClaimOnDerived, sr.Cost = des.Pennies(claim), des.Pennies(onDerived), des.Pennies(cost)
	if rp := pp.rp; rp != nil {
		sr.Reimbursement = rp.role.Reimbursement
		if pp.share == 2 {
			sr.Reimbursement = rp.role.SubsequentReimbursement
		}
		if lastMax >= 0 {
			z := pp.zone
			if rp.max[lastMax][z] < 0 {
				z = national
			}
			sr.Maximum = des.Pennies(rp.max[lastMax][z])
		}
	}
	var seen [8]Reason
	n := 0
	for m := 0; m < 12; m++ {
		r := pp.reason[m]
		if r == ReasonNone {
			continue
		}
		dup := false
		for _, x := range seen[:n] {
			dup = dup || x == r
		}
		if dup {
			continue
		}
		if n < len(seen) {
			seen[n] = r
			n++
		}
		sr.Reasons = append(sr.Reasons, p.reasonLine(pp, m))
	}
	*ex = staffExplainer{p: p, pp: pp, claim: claim, onDerived: onDerived, monthsClaimed: sr.MonthsClaimed,
		reasons: sr.Reasons}
	sr.explainer = ex
	return sr
}

// staffExplainer writes a person's explanation when it is asked for (the
// batch path for every PCN in England need not build 50,000 of them).
type staffExplainer struct {
	p             *Plan
	pp            *person
	claim         int64
	onDerived     int64
	monthsClaimed int
	reasons       []ReasonDetail
}

func (e *staffExplainer) explain() string {
	p, pp := e.p, e.pp
	var b strings.Builder
	size := 128 + len(pp.s.Name) + len(pp.s.Role) + len(pp.costEx)
	if pp.rp != nil {
		size += len(pp.rp.pctText) + len(pp.rp.pctTexts[pp.share])
		for _, t := range pp.rp.maxText {
			size += len(t[pp.zone]) + 2
		}
	}
	b.Grow(size)
	b.WriteString(pp.s.Name)
	b.WriteString(" (")
	b.WriteString(pp.s.Role)
	b.WriteString(", ")
	b.WriteString(pp.s.WTE.String())
	b.WriteString(" WTE, from ")
	b.WriteString(pp.s.Start.String())
	if !pp.s.End.IsZero() {
		b.WriteString(" to ")
		b.WriteString(pp.s.End.String())
	}
	b.WriteString("): ")
	employed := false
	for m := 0; m < 12 && !employed; m++ {
		employed = p.daysEmployed(pp, m) > 0
	}
	if !employed {
		b.WriteString("not employed in " + p.year.String())
		return b.String()
	}
	if pp.costEx != "" {
		b.WriteString(pp.costEx)
	} else {
		b.WriteString("cost " + money.PoundsPennies(pp.costP[0]) + " a year per WTE")
	}
	if rp := pp.rp; rp != nil {
		b.WriteString("; maximum ")
		prev := -1
		first := true
		for m := 0; m < 12; m++ {
			k := rp.maxIdx[m]
			if k < 0 || k <= prev || (pp.reason[m] == ReasonNone && pp.claim[m] == 0) {
				continue
			}
			prev = k
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(rp.maxText[k][pp.zone])
		}
		if first {
			b.WriteString("none sourced for the months employed")
		}
		if rp.subsequentBP > 0 {
			b.WriteString(rp.pctTexts[pp.share])
		} else {
			b.WriteString(rp.pctText)
		}
	}
	b.WriteString("; ")
	b.WriteString(strconv.Itoa(e.monthsClaimed))
	b.WriteString(" months claimed = ")
	b.WriteString(money.PoundsPennies(e.claim))
	if e.onDerived > 0 {
		b.WriteString("; " + money.PoundsPennies(e.onDerived) +
			" of it rests on a maximum no source gives (derived or carried)")
	}
	if len(e.reasons) > 0 {
		b.WriteString(" (")
		for i, r := range e.reasons {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(r.String())
		}
		b.WriteString(")")
	}
	return b.String()
}

// breaches appends a person's reasons to out, grouped into runs of months.
func (p *Plan) breaches(pp *person, out []Breach) []Breach {
	start := len(out)
	for m := 0; m < 12; m++ {
		code := pp.reason[m]
		if code == ReasonNone || code == ReasonNoMaximum {
			continue // no maximum is missing data, not a rule broken (it is in the person's Reasons)
		}
		r := code
		if n := len(out); n > start && out[n-1].Rule == r && out[n-1].To == p.month[m-1].label && m > 0 {
			out[n-1].To = p.month[m].label
			continue
		}
		out = append(out, Breach{Staff: pp.s.Name, Role: pp.s.Role, Rule: r, From: p.month[m].label, To: p.month[m].label,
			Detail: p.detail(pp, m)})
	}
	return out
}

// detail says why a month claims nothing, for the reasons whose text does
// not depend on a cap (those are written when the cap is applied).
func (p *Plan) detail(pp *person, m int) string {
	if pp.detail != nil && pp.detail[m] != "" {
		return pp.detail[m]
	}
	switch pp.reason[m] {
	case ReasonNotARRSRole:
		return strconv.Quote(pp.s.Role) + " is not an ARRS role in " + p.year.String()
	case ReasonBeforeClaims:
		return p.claimsText
	case ReasonBeforeEligible:
		return pp.rp.eligibleText
	case ReasonNoMaximum:
		return pp.rp.noMaxText
	}
	return ""
}

// reasonLine is a month's reason with its detail.
func (p *Plan) reasonLine(pp *person, m int) ReasonDetail {
	return ReasonDetail{pp.reason[m], p.detail(pp, m)}
}

func (pp *person) setDetail(m int, text string) {
	if pp.detail == nil {
		pp.detail = new([12]string)
	}
	pp.detail[m] = text
}

// toPennies converts an amount to pennies: exactly for a validated amount (at
// most two places, at most £1,000,000), without allocating in the common
// cases; anything else is rounded half-up (away from zero) to the penny.
func toPennies(d decimal.Decimal) int64 {
	switch e := d.Exponent(); {
	case e == -2:
		return d.CoefficientInt64()
	case e == -1:
		return d.CoefficientInt64() * 10
	case e >= 0 && e <= 6:
		c := d.CoefficientInt64()
		for i := int32(0); i < e+2; i++ {
			c *= 10
		}
		return c
	}
	return d.Shift(2).Round(0).IntPart()
}

// Input bounds within which claimPennies stays in 64/128-bit integers: a
// WTE fraction from a roster line (at most four places, or hours or
// sessions with two) has a small numerator and denominator; only a WTE cut
// by a cap in WTE can exceed them, and then the exact big-integer path runs.
// A maximum of smallMax pennies (about £343 million) or more, which only a
// rule set of one's own can give, takes that path too: below it max × WTE
// numerator × days < 2^35 × 2^24 × 2^5 = 2^64.
const (
	smallWTE = 1 << 24
	smallMax = 1 << 35
)

// claimPennies is one month's claim in pennies, exactly:
//
//	min(cost × WTE × days ÷ (12 × dim), max × WTE × days ÷ (12 × dim)) × pct
//
// rounded half-up once (or, for a maximum stated as a claim cap, the min of
// cost × pct and that cap). costP and maxP are pennies a year; reimburseBP is the
// reimbursement in basis points (10,000 = 100%).
func claimPennies(costP, maxP, num, den, days, dim, reimburseBP uint64, claimCap bool) int64 {
	if num < smallWTE && den < smallWTE && maxP < smallMax {
		// costP ≤ 10^8, maxP < 2^35, num < 2^24, days ≤ 31: the products fit in 64 bits.
		D := 12 * den * dim
		costN := costP * num * days // over D
		maxN := maxP * num * days   // over D
		var claimN u128             // over D × 10,000
		if claimCap {
			a, b := mul64(costN, reimburseBP), mul64(maxN, 10000)
			claimN = a
			if b.less(a) {
				claimN = b
			}
		} else {
			claimN = mul64(min(costN, maxN), reimburseBP)
		}
		if q, ok := claimN.divRound(D * 10000); ok {
			return int64(q)
		}
	}
	return claimBig(costP, maxP, num, den, days, dim, reimburseBP, claimCap)
}

// claimActualPennies is one month's claim in pennies for a person costed on
// actual pay, exactly:
//
//	min(costM × share, max × WTEc × days ÷ (12 × dim)) × pct
//
// rounded half-up once, where costM is the month's employer cost of the
// person's pay (pennies), WTEc = cNum/cDen the WTE claimed (the person's
// pNum/pDen, or less under a cap in WTE) and share = WTEc ÷ the person's
// WTE. For a maximum stated as a claim cap: min(costM × share × pct, that
// cap's share).
func claimActualPennies(costM, maxP int64, pNum, pDen, cNum, cDen, days, dim, reimburseBP uint64, claimCap bool) int64 {
	if cNum == pNum && cDen == pDen && pNum < smallWTE && pDen < smallWTE && costM >= 0 && costM < 1<<31 &&
		maxP < smallMax {
		D := 12 * pDen * dim
		costN := uint64(costM) * D         // over D
		maxN := uint64(maxP) * pNum * days // over D
		var claimN u128                    // over D × 10,000
		if claimCap {
			a, b := mul64(costN, reimburseBP), mul64(maxN, 10000)
			claimN = a
			if b.less(a) {
				claimN = b
			}
		} else {
			claimN = mul64(min(costN, maxN), reimburseBP)
		}
		if q, ok := claimN.divRound(D * 10000); ok {
			return int64(q)
		}
	}
	r := func(a, b uint64) *big.Rat {
		return new(big.Rat).SetFrac(new(big.Int).SetUint64(a), new(big.Int).SetUint64(b))
	}
	share := new(big.Rat).Quo(r(cNum, cDen), r(pNum, pDen))
	cost := new(big.Rat).Mul(new(big.Rat).SetInt64(costM), share)
	mx := new(big.Rat).Mul(new(big.Rat).SetInt64(maxP), new(big.Rat).SetFrac(bigProduct(cNum, days), bigProduct(cDen, 12, dim)))
	pct := r(reimburseBP, 10000)
	var claim *big.Rat
	if claimCap {
		claim = new(big.Rat).Mul(cost, pct)
		if mx.Cmp(claim) < 0 {
			claim = mx
		}
	} else {
		claim = cost
		if mx.Cmp(cost) < 0 {
			claim = mx
		}
		claim = new(big.Rat).Mul(claim, pct)
	}
	q, rem := new(big.Int).QuoRem(claim.Num(), claim.Denom(), new(big.Int))
	if rem.Lsh(rem, 1).Cmp(claim.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}

// actualBinds reports whether the maximum binds on a month costed on actual
// pay: the month's cost (or its reimbursed share, for a maximum stated as a
// claim) is above the maximum's share for the person's WTE and days.
func actualBinds(costM, maxP int64, num, den, days, dim, reimburseBP uint64, claimCap bool) bool {
	c := new(big.Int).Mul(big.NewInt(costM), bigProduct(12, den, dim))
	m := new(big.Int).Mul(big.NewInt(maxP), bigProduct(num, days))
	if claimCap {
		c.Mul(c, new(big.Int).SetUint64(reimburseBP))
		m.Mul(m, big.NewInt(10000))
	}
	return c.Cmp(m) > 0
}

// claimBig is claimPennies in arbitrary precision.
func claimBig(costP, maxP, num, den, days, dim, reimburseBP uint64, claimCap bool) int64 {
	b := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	mul := func(xs ...*big.Int) *big.Int {
		r := big.NewInt(1)
		for _, x := range xs {
			r.Mul(r, x)
		}
		return r
	}
	costN := mul(b(costP), b(num), b(days))
	maxN := mul(b(maxP), b(num), b(days))
	var claimN *big.Int
	if claimCap {
		a, c := mul(costN, b(reimburseBP)), mul(maxN, b(10000))
		claimN = a
		if c.Cmp(a) < 0 {
			claimN = c
		}
	} else {
		m := costN
		if maxN.Cmp(costN) < 0 {
			m = maxN
		}
		claimN = mul(m, b(reimburseBP))
	}
	d := mul(b(12), b(den), b(dim), b(10000))
	q, r := new(big.Int).QuoRem(claimN, d, new(big.Int))
	if r.Lsh(r, 1).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64()
}
