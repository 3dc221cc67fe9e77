package scenario

import (
	"fmt"
	"slices"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/shopspring/decimal"
)

// compareResults compares a PCN's ARRS position in two years: each pot's
// sum, claims and headroom (where there is more than one pot), the totals
// and cost (figures), and each person's claim with their reasons (staff).
func compareResults(a, b arrs.Result) (figures, staff []Change) {
	var potIDs []string
	for _, p := range append(slices.Clone(a.Pots), b.Pots...) {
		if !slices.Contains(potIDs, p.ID) {
			potIDs = append(potIDs, p.ID)
		}
	}
	potOf := func(r arrs.Result, id string) (arrs.Pot, bool) {
		i := slices.IndexFunc(r.Pots, func(p arrs.Pot) bool { return p.ID == id })
		if i < 0 {
			return arrs.Pot{}, false
		}
		return r.Pots[i], true
	}
	fields := []struct {
		what string
		get  func(arrs.Pot) decimal.Decimal
	}{
		{"sum", func(p arrs.Pot) decimal.Decimal { return p.Sum.Decimal() }},
		{"claims", func(p arrs.Pot) decimal.Decimal { return p.Claims.Decimal() }},
		{"headroom", func(p arrs.Pot) decimal.Decimal { return p.Headroom.Decimal() }},
	}
	if len(potIDs) > 1 {
		for _, id := range potIDs {
			x, okA := potOf(a, id)
			y, okB := potOf(b, id)
			for _, f := range fields {
				it := Change{ID: id + "." + f.what, Name: fmt.Sprintf("%s pot %s", id, f.what)}
				if okA {
					it.From = someMoney(f.get(x))
				}
				if okB {
					it.To = someMoney(f.get(y))
				}
				figures = append(figures, it)
			}
		}
	}
	over := func(r arrs.Result) string {
		if r.RunsOut != "" {
			return "over-committed from " + r.RunsOut
		}
		return ""
	}
	both := func(id, name string, x, y decimal.Decimal) Change {
		return Change{ID: id, Name: name, From: someMoney(x), To: someMoney(y)}
	}
	headroom := both("headroom", "Headroom (sum − claims)", a.Headroom.Decimal(), b.Headroom.Decimal())
	headroom.FromText, headroom.ToText = over(a), over(b)
	figures = append(figures,
		both("sum", "ARRS sum (every pot)", a.Sum.Decimal(), b.Sum.Decimal()),
		both("claims", "ARRS claims of the roster", a.Claims.Decimal(), b.Claims.Decimal()),
		headroom,
		both("cost", "Employer cost of the roster", a.Cost.Decimal(), b.Cost.Decimal()),
	)
	for i := range figures {
		figures[i].Difference = diffMoney(figures[i].From, figures[i].To)
	}

	var names []string
	for _, s := range append(slices.Clone(a.Staff), b.Staff...) {
		if !slices.Contains(names, s.Name) {
			names = append(names, s.Name)
		}
	}
	staffOf := func(r arrs.Result, n string) (arrs.StaffResult, bool) {
		i := slices.IndexFunc(r.Staff, func(s arrs.StaffResult) bool { return s.Name == n })
		if i < 0 {
			return arrs.StaffResult{}, false
		}
		return r.Staff[i], true
	}
	for _, n := range names {
		x, okA := staffOf(a, n)
		y, okB := staffOf(b, n)
		it := Change{ID: n}
		if okA {
			it.Name, it.From, it.FromText, it.FromCodes = x.Role, someMoney(x.Claim.Decimal()), arrs.JoinReasons(x.Reasons),
				reasonCodes(x.Reasons)
		}
		if okB {
			it.Name, it.To, it.ToText, it.ToCodes = y.Role, someMoney(y.Claim.Decimal()), arrs.JoinReasons(y.Reasons), reasonCodes(y.Reasons)
		}
		it.Difference = diffMoney(it.From, it.To)
		staff = append(staff, it)
	}
	return figures, staff
}

// reasonCodes lists the codes of reasons, once each.
func reasonCodes(rs []arrs.ReasonDetail) []string {
	var codes []string
	for _, r := range rs {
		if c := r.Reason.String(); c != "" && !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	return codes
}
