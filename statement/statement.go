// Package statement shares a PCN's money among its member practices, month
// by month, and builds each practice's statement and the PCN's monthly cash
// flow.
//
// The rules:
//   - The nominated payee receives the PCN's entitlements and its ARRS
//     reimbursements and pays the staff; the network agreement (the
//     scenario's [sharing]) shares the rest among the practices.
//   - Each PCN-paid entitlement is shared month by month on its basis (a
//     per-payment override, or the default basis). The Network
//     Participation Payment is paid to each practice on its own figures and
//     stays with it.
//   - Retained amounts (clinical director pay, management costs) are kept by
//     the PCN before sharing: each is an annual amount paid in monthly
//     twelfths (each month rounded half-up to the penny) and charged to the
//     practices on the default basis.
//   - A staff member's monthly cost is borne by their employer, or shared on
//     their cost basis (default: the default basis); their ARRS claim
//     follows their cost unless a claim basis is given.
//   - Every split is exact (Split: largest remainder, ties to the practice
//     listed first), month by month; a year is the sum of its months. So
//     every line of the practices adds up to the PCN's line, every month.
//   - The cash flow uses the monthly amounts the engine computed (the
//     entitlements' Months, the claims' and costs' months): nothing is
//     worked out again.
package statement

import (
	"errors"
	"fmt"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
)

// Kind is what a statement line is.
type Kind string

// The kinds of line.
const (
	Income   Kind = "income"   // a share of a PCN-paid entitlement
	OwnPay   Kind = "own"      // paid to the practice on its own figures (the Network Participation Payment)
	Claims   Kind = "claims"   // a share of the ARRS reimbursement for a person
	Retained Kind = "retained" // a share of an amount the PCN keeps (a cost: negative)
	Staff    Kind = "staff"    // a share of a person's employer cost (negative)
)

// Line is one line of a statement: an amount month by month (April first)
// and its year, positive for money in and negative for money out.
type Line struct {
	Kind Kind `json:"kind"`
	// ID is the payment ID, the retained line's name or the staff member's name.
	ID string `json:"id"`
	// Basis says how it was shared: a basis ("weighted"), "employer", or
	// "own figures".
	Basis  string            `json:"basis"`
	Months []decimal.Decimal `json:"months"`
	Total  decimal.Decimal   `json:"total"`
}

// Practice is one practice's statement (or, as Statement.PCN, the PCN's:
// the sum of the practices).
type Practice struct {
	Name  string `json:"name"`
	Lines []Line `json:"lines"`
	// Net is what the practice gains (positive) or contributes (negative),
	// month by month and for the year.
	Net      []decimal.Decimal `json:"net"`
	NetTotal decimal.Decimal   `json:"net_total"`
}

// Line returns the practice's line of the given kind and ID.
func (p Practice) Line(k Kind, id string) (Line, bool) {
	for _, l := range p.Lines {
		if l.Kind == k && l.ID == id {
			return l, true
		}
	}
	return Line{}, false
}

// CashMonth is one month of the PCN's cash flow.
type CashMonth struct {
	Month string `json:"month"` // "2025-04"
	// Entitlements is each payment's amount in the month (by payment ID, in
	// rule-set order), including those paid to the practices directly.
	Entitlements []Flow          `json:"entitlements"`
	Claims       decimal.Decimal `json:"claims"`
	StaffCost    decimal.Decimal `json:"staff_cost"`
	Retained     decimal.Decimal `json:"retained"`
	// Net = entitlements + claims − staff cost − retained; Cumulative is the
	// net from April to this month.
	Net        decimal.Decimal `json:"net"`
	Cumulative decimal.Decimal `json:"cumulative"`
}

// Flow is one payment's amount in a month.
type Flow struct {
	ID     string          `json:"id"`
	Amount decimal.Decimal `json:"amount"`
}

// Statement is a PCN's money for one DES year, practice by practice and
// month by month.
type Statement struct {
	Year      des.Year    `json:"year"`
	PCN       Practice    `json:"pcn"`
	Practices []Practice  `json:"practices"`
	CashFlow  []CashMonth `json:"cash_flow"`
}

// Practice returns the statement of the practice with the given name.
func (s Statement) Practice(name string) (Practice, bool) {
	for _, p := range s.Practices {
		if p.Name == name {
			return p, true
		}
	}
	return Practice{}, false
}

// Of makes the statements of a workbook's scenario for each year asked for
// (none: the workbook's default years, scenario.Workbook.Years), in order,
// by the scenario's [sharing] rules.
func Of(wb *scenario.Workbook, years ...des.Year) ([]Statement, error) {
	f, err := wb.Forecast(years...)
	if err != nil {
		return nil, err
	}
	var sts []Statement
	for _, yr := range f.Years {
		st, err := Build(yr, wb.Scenario().Sharing)
		if err != nil {
			return nil, inScenario(wb.Scenario(), err)
		}
		sts = append(sts, st)
	}
	return sts, nil
}

// inScenario places an error of Build in the scenario whose sharing rules
// it applied: the file and the line of the field the error names (a
// *des.FieldError of Build names a [sharing] field but no file, as Build
// sees only the rules), or the file alone. Other errors, and a nil
// scenario, are returned as they are.
func inScenario(sc *scenario.Scenario, err error) error {
	var fe *des.FieldError
	if sc == nil || !errors.As(err, &fe) || fe.File != "" {
		return err
	}
	return fmt.Errorf("%s: %w", sc.Where(fe.Field), err)
}

// Build makes the statement of a scenario's year: yr is the year as
// scenario.Run or Scenario.Year worked it out, sh the sharing rules.
func Build(yr scenario.YearResult, sh scenario.Sharing) (Statement, error) {
	ps := yr.PCN.Practices
	if len(ps) == 0 {
		return Statement{}, fmt.Errorf("%w: the year has no practices (build it with scenario.Run or Scenario.Year)",
			des.ErrMissing)
	}
	b := &builder{yr: yr, sh: sh, ps: ps, lines: make([][]Line, len(ps))}
	for _, a := range yr.Entitlements.Payments {
		if a.PaidTo == des.PaidToPractice {
			b.ownPay(a)
			continue
		}
		if err := b.byBasis(Income, a.ID, sh.PaymentBasis(a.ID), penniesOf(a.Months), 1); err != nil {
			return Statement{}, err
		}
	}
	for _, r := range sh.Retained {
		if err := b.byBasis(Retained, r.Name, sh.DefaultBasis(), retainedMonths(r.Annual), -1); err != nil {
			return Statement{}, err
		}
	}
	for _, s := range yr.ARRS.Staff {
		if err := b.staff(s.Name, penniesOf(s.CostMonths), penniesOf(s.Months)); err != nil {
			return Statement{}, err
		}
	}
	st := Statement{Year: yr.Year}
	for i, p := range ps {
		st.Practices = append(st.Practices, practice(p.Name, b.lines[i]))
	}
	st.PCN = total(yr.PCN.Name, st.Practices)
	st.CashFlow = cashFlow(yr, sh)
	return st, nil
}

// builder gathers each practice's lines for Build.
type builder struct {
	yr    scenario.YearResult
	sh    scenario.Sharing
	ps    []des.Practice
	lines [][]Line // each practice's, in the order of ps
}

// weights are the practices' weights when shared by basis b; weights that
// are all 0 are an error naming the [sharing] field to change.
func (b *builder) weights(basis scenario.ShareBasis) ([]decimal.Decimal, error) {
	w := make([]decimal.Decimal, len(b.ps))
	for i, p := range b.ps {
		switch basis {
		case scenario.ShareEqual:
			w[i] = decimal.NewFromInt(1)
		case scenario.ShareFixed:
			v, ok := b.sh.Fixed[p.Name]
			if !ok {
				return nil, fmt.Errorf("%w: practice %q has no fixed percentage", des.ErrMissing, p.Name)
			}
			w[i] = v
		default:
			v, ok := p.Figure(des.Basis(basis))
			if !ok {
				return nil, &des.MissingFigureError{Practice: p.Name, Index: i, Field: string(basis), Payment: "sharing"}
			}
			w[i] = v
		}
	}
	for _, x := range w {
		if !x.IsZero() {
			return w, nil
		}
	}
	field := "sharing.basis"
	if basis == scenario.ShareFixed {
		field = "sharing.fixed"
	}
	return nil, &des.FieldError{Field: field, Err: des.ErrInvalid,
		Msg: fmt.Sprintf("shared by %s, but every practice's %s is 0 in %s: nothing to share by; "+
			"share by another basis (sharing.basis, a [[sharing.payment]] basis, or a person's cost_basis or claim_basis)",
			basis, basis, b.yr.Year)}
}

// share adds a line to every practice: the monthly amounts split by w.
func (b *builder) share(k Kind, id, basis string, months []int64, w []decimal.Decimal, sign int64) error {
	per := make([][]int64, len(b.ps))
	for i := range per {
		per[i] = make([]int64, 12)
	}
	for m, amt := range months {
		s, err := Split(sign*amt, w)
		if err != nil {
			return fmt.Errorf("%s %s: %w", k, id, err)
		}
		for i := range s {
			per[i][m] = s[i]
		}
	}
	for i := range per {
		b.lines[i] = append(b.lines[i], line(k, id, basis, per[i]))
	}
	return nil
}

// byBasis adds a line to every practice: the monthly amounts split by
// the weights of basis.
func (b *builder) byBasis(k Kind, id string, basis scenario.ShareBasis, months []int64, sign int64) error {
	w, err := b.weights(basis)
	if err != nil {
		return fmt.Errorf("%s %s: %w", k, id, err)
	}
	return b.share(k, id, string(basis), months, w, sign)
}

// ownPay adds a payment paid to each practice on its own figures: each
// practice's line is its own parts.
func (b *builder) ownPay(a des.Amount) {
	for i, p := range b.ps {
		own := make([]int64, 12)
		for _, pa := range a.Parts {
			if pa.Practice != p.Name {
				continue
			}
			for m, v := range pa.Months {
				own[m] += v.Pennies()
			}
		}
		b.lines[i] = append(b.lines[i], line(OwnPay, a.ID, "own figures", own))
	}
}

// retainedMonths is an amount kept back a year, in twelve equal months
// (each rounded half-up to the penny).
func retainedMonths(annual decimal.Decimal) []int64 {
	p := pennies(annual)
	each := (2*p + 12) / 24 // half-up twelfths
	months := make([]int64, 12)
	for m := range months {
		months[m] = each
	}
	return months
}

// staff adds a person's cost, shared by their employer or cost basis, and
// their claims, shared by their claim basis (the cost's when not given).
func (b *builder) staff(name string, cost, claims []int64) error {
	rule := b.sh.Staff[name]
	costW, costBasis, err := b.costWeights(name, rule)
	if err != nil {
		return err
	}
	claimW, claimBasis := costW, costBasis
	if rule.ClaimBasis != "" {
		w, err := b.weights(rule.ClaimBasis)
		if err != nil {
			return err
		}
		claimW, claimBasis = w, string(rule.ClaimBasis)
	}
	if err := b.share(Staff, name, costBasis, cost, costW, -1); err != nil {
		return err
	}
	return b.share(Claims, name, claimBasis, claims, claimW, 1)
}

// costWeights are the weights a person's cost is shared by, and the
// basis to show: all to the employer, or by their cost basis (the
// default basis when not given).
func (b *builder) costWeights(name string, rule scenario.StaffShare) ([]decimal.Decimal, string, error) {
	if rule.Employer == "" {
		basis := rule.CostBasis
		if basis == "" {
			basis = b.sh.DefaultBasis()
		}
		w, err := b.weights(basis)
		if err != nil {
			return nil, "", err
		}
		return w, string(basis), nil
	}
	costW, found := make([]decimal.Decimal, len(b.ps)), false
	for i, p := range b.ps {
		costW[i] = decimal.Zero
		if p.Name == rule.Employer {
			costW[i], found = decimal.NewFromInt(1), true
		}
	}
	if !found {
		return nil, "", fmt.Errorf("%w: %s's employer %q is not a practice of the PCN", des.ErrInvalid, name,
			rule.Employer)
	}
	return costW, "employer", nil
}

// total is the PCN's statement: each line the sum of the practices'.
func total(name string, ps []Practice) Practice {
	var ls []Line
	for k, l := range ps[0].Lines {
		sum := make([]int64, 12)
		for _, p := range ps {
			for m, v := range p.Lines[k].Months {
				sum[m] += pennies(v)
			}
		}
		ls = append(ls, line(l.Kind, l.ID, l.Basis, sum))
	}
	return practice(name, ls)
}

func practice(name string, ls []Line) Practice {
	net := make([]int64, 12)
	for _, l := range ls {
		for m, v := range l.Months {
			net[m] += pennies(v)
		}
	}
	p := Practice{Name: name, Lines: ls, Net: money(net)}
	p.NetTotal = sumOf(net)
	return p
}

func cashFlow(yr scenario.YearResult, sh scenario.Sharing) []CashMonth {
	var retained int64
	for _, r := range sh.Retained {
		retained += (2*pennies(r.Annual) + 12) / 24
	}
	var out []CashMonth
	var cum int64
	for m := 0; m < 12; m++ {
		cm := CashMonth{}
		var net int64
		for _, a := range yr.Entitlements.Payments {
			var v des.Money
			if m < len(a.Months) {
				v = a.Months[m]
			}
			cm.Entitlements = append(cm.Entitlements, Flow{ID: a.ID, Amount: v.Decimal()})
			net += v.Pennies()
		}
		if m < len(yr.ARRS.Months) {
			row := yr.ARRS.Months[m]
			cm.Month, cm.Claims, cm.StaffCost = row.Month, row.Claim.Decimal(), row.Cost.Decimal()
			net += row.Claim.Pennies() - row.Cost.Pennies()
		} else {
			yy, mm := yr.Year.Month(m)
			cm.Month = fmt.Sprintf("%04d-%02d", yy, int(mm))
			cm.Claims, cm.StaffCost = decimal.Zero, decimal.Zero
		}
		cm.Retained = decimal.New(retained, -2)
		net -= retained
		cum += net
		cm.Net, cm.Cumulative = decimal.New(net, -2), decimal.New(cum, -2)
		out = append(out, cm)
	}
	return out
}

func line(k Kind, id, basis string, months []int64) Line {
	return Line{Kind: k, ID: id, Basis: basis, Months: money(months), Total: sumOf(months)}
}

func penniesOf(ms []des.Money) []int64 {
	out := make([]int64, 12)
	for m := 0; m < 12 && m < len(ms); m++ {
		out[m] = ms[m].Pennies()
	}
	return out
}

// pennies is an amount already rounded to the penny, in pennies.
func pennies(d decimal.Decimal) int64 { return d.Shift(2).Round(0).IntPart() }

func money(ps []int64) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ps))
	for i, p := range ps {
		out[i] = decimal.New(p, -2)
	}
	return out
}

func sumOf(ps []int64) decimal.Decimal {
	var t int64
	for _, p := range ps {
		t += p
	}
	return decimal.New(t, -2)
}
