package arrs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// CompareResults compares a PCN's ARRS position in two years: each pot's
// sum, claims and headroom (where there is more than one pot), the totals
// and cost (figures), and each person's claim with their reasons (staff).
func CompareResults(a, b Result) (figures, staff []des.Change) {
	var potIDs []string
	for _, p := range append(slices.Clone(a.Pots), b.Pots...) {
		if !slices.Contains(potIDs, p.ID) {
			potIDs = append(potIDs, p.ID)
		}
	}
	potOf := func(r Result, id string) (Pot, bool) {
		i := slices.IndexFunc(r.Pots, func(p Pot) bool { return p.ID == id })
		if i < 0 {
			return Pot{}, false
		}
		return r.Pots[i], true
	}
	fields := []struct {
		what string
		get  func(Pot) decimal.Decimal
	}{
		{"sum", func(p Pot) decimal.Decimal { return p.Sum.Decimal() }},
		{"claims", func(p Pot) decimal.Decimal { return p.Claims.Decimal() }},
		{"headroom", func(p Pot) decimal.Decimal { return p.Headroom.Decimal() }},
	}
	if len(potIDs) > 1 {
		for _, id := range potIDs {
			x, okA := potOf(a, id)
			y, okB := potOf(b, id)
			for _, f := range fields {
				it := des.Change{ID: id + "." + f.what, Name: fmt.Sprintf("%s pot %s", id, f.what)}
				if okA {
					it.From = des.SomeMoney(f.get(x))
				}
				if okB {
					it.To = des.SomeMoney(f.get(y))
				}
				figures = append(figures, it)
			}
		}
	}
	over := func(r Result) string {
		if r.RunsOut != "" {
			return "over-committed from " + r.RunsOut
		}
		return ""
	}
	both := func(id, name string, x, y decimal.Decimal) des.Change {
		return des.Change{ID: id, Name: name, From: des.SomeMoney(x), To: des.SomeMoney(y)}
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
		figures[i].Difference = des.DiffMoney(figures[i].From, figures[i].To)
	}

	var names []string
	for _, s := range append(slices.Clone(a.Staff), b.Staff...) {
		if !slices.Contains(names, s.Name) {
			names = append(names, s.Name)
		}
	}
	staffOf := func(r Result, n string) (StaffResult, bool) {
		i := slices.IndexFunc(r.Staff, func(s StaffResult) bool { return s.Name == n })
		if i < 0 {
			return StaffResult{}, false
		}
		return r.Staff[i], true
	}
	for _, n := range names {
		x, okA := staffOf(a, n)
		y, okB := staffOf(b, n)
		it := des.Change{ID: n}
		if okA {
			it.Name, it.From, it.FromText, it.FromCodes = x.Role, des.SomeMoney(x.Claim.Decimal()), JoinReasons(x.Reasons),
				codesOf(x.Reasons)
		}
		if okB {
			it.Name, it.To, it.ToText, it.ToCodes = y.Role, des.SomeMoney(y.Claim.Decimal()), JoinReasons(y.Reasons), codesOf(y.Reasons)
		}
		it.Difference = des.DiffMoney(it.From, it.To)
		staff = append(staff, it)
	}
	return figures, staff
}

// JoinReasons is "code: detail; code: detail".
func JoinReasons(rs []ReasonDetail) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.String())
	}
	return strings.Join(out, "; ")
}

// codesOf lists the codes of reasons, once each.
func codesOf(rs []ReasonDetail) []string {
	var codes []string
	for _, r := range rs {
		if c := r.Reason.String(); c != "" && !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	return codes
}
