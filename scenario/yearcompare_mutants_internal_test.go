package scenario

import (
	"testing"
	"time"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Tests for the mutants that lived in yearcompare.go and iif.go at ae2304c
// (docs/mutation.md). Each is worked from the rule, with the text expected.

var (
	y24, y25 = des.Year(2024), des.Year(2025)
	dec      = decimal.RequireFromString
)

// yearPart is a part of a payment at one annual rate over the whole of year y.
func yearPart(y des.Year, basis des.Basis, practice, rate string) des.PartAmount {
	return des.PartAmount{Basis: basis, Practice: practice, Factor: decimal.NewFromInt(1), Stated: des.Annual,
		Period: [2]des.Date{y.Start(), y.End()}, Rates: []des.RateUsed{{Rate: dec(rate), From: y.Start(), To: y.End()}}}
}

func payment(id string, pennies int64, parts ...des.PartAmount) des.Amount {
	return des.Amount{ID: id, Name: id, Kind: des.KindPayment, Total: des.Pennies(pennies), Parts: parts}
}

// A payment only in the later year is "added" with its rates as the note,
// unless the earlier year's rule set has a gap note for it (yearcompare.go 150).
func TestAddedPaymentWithAndWithoutAGapNote(t *testing.T) {
	a := des.Entitlements{Year: y24}
	b := des.Entitlements{Year: y25, Payments: []des.Amount{
		payment("new", 150000, yearPart(y25, des.Registered, "", "1.50")),
		payment("gapped", 20000, yearPart(y25, des.Fixed, "", "200")),
	}}
	rsA := des.NewRuleSet(des.Contents{Year: y24, Gaps: []des.Gap{{Item: "gapped", What: "no source"}}})
	rsB := des.NewRuleSet(des.Contents{Year: y25})
	c := compareYears(a, b, rsA, rsB)
	require.Len(t, c.Payments, 2)
	// No gap note in 2024/25: "added", "registered £1.50 a year".
	require.Equal(t, StatusAdded, c.Payments[0].Status)
	require.Equal(t, "registered £1.50 a year", c.Payments[0].Detail)
	// A gap note in 2024/25: "not in 2024/25 (see its gap note)".
	require.Equal(t, "not in 2024/25 (see its gap note)", c.Payments[1].Status)
	require.Equal(t, "fixed £200.00 a year (2024/25 gap note: no source)", c.Payments[1].Detail)
}

func role(id string, eligible des.Date, reimb string, maxima ...des.Maximum) des.Role {
	return des.Role{ID: id, Name: id, EligibleFrom: eligible, Reimbursement: dec(reimb), Maxima: maxima}
}

func maxFrom(from des.Date, national string) des.Maximum {
	return des.Maximum{From: from, National: dec(national)}
}

// Roles in both years: the same maximum with a changed share is
// "reimbursement changed" (200); eligible from the year's start has no
// eligibility note (204), from later it has one; an added role eligible from
// the start and fully reimbursed has no note (209). The maximum at the end of
// the year is the From/To figure (318), and a role's maxima are written
// without "from" when the first is from its eligibility date (307), "not
// given (no source)" when there are none (298).
func TestCompareRolesStatusesAndNotes(t *testing.T) {
	oct25 := des.MustDate(2025, time.October, 1)
	rolesA := []des.Role{
		role("share", y24.Start(), "0.7", maxFrom(y24.Start(), "40000")),
		role("late", y24.Start(), "1", maxFrom(y24.Start(), "30000")),
		role("none", y24.Start(), "1"),
	}
	rolesB := []des.Role{
		role("share", y25.Start(), "1", maxFrom(y25.Start(), "40000")),
		role("late", oct25, "1", maxFrom(oct25, "30000")),
		role("none", y25.Start(), "1"),
		role("added", y25.Start(), "1", maxFrom(y25.Start(), "50000"), maxFrom(oct25, "51000")),
	}
	got := compareRoles(rolesA, rolesB, y25)
	require.Len(t, got, 4)

	share := got[0]
	// Same maxima text ("£40,000.00"), 70% → 100%.
	require.Equal(t, "£40,000.00", share.FromText)
	require.Equal(t, "£40,000.00", share.ToText)
	require.Equal(t, "reimbursement changed", share.Status)
	require.Equal(t, "reimbursed 70% → 100%", share.Detail)
	require.True(t, share.From.OK && share.To.OK)
	requireMoney(t, "40000.00", share.From.Value)
	requireMoney(t, "0.00", share.Difference.Value)

	late := got[1]
	// Eligible from 1 October 2025, its maximum from then too: no "from".
	require.Equal(t, "£30,000.00", late.ToText)
	require.Equal(t, StatusUnchanged, late.Status)
	require.Equal(t, "eligible from "+oct25.String(), late.Detail)

	none := got[2]
	require.Equal(t, "not given (no source)", none.FromText)
	require.Equal(t, "not given (no source)", none.ToText)
	require.Equal(t, StatusUnchanged, none.Status)
	require.Equal(t, "", none.Detail)
	require.False(t, none.From.OK)
	require.False(t, none.Difference.OK)

	added := got[3]
	require.Equal(t, StatusAdded, added.Status)
	require.Equal(t, "", added.Detail)
	// The second maximum says when it starts.
	require.Equal(t, "£50,000.00, then £51,000.00 from "+oct25.String(), added.ToText)
	require.True(t, added.To.OK)
	requireMoney(t, "51000.00", added.To.Value)
}

// A role whose first maximum is from after its eligibility date says so.
func TestDescribeMaximaFromAfterEligibility(t *testing.T) {
	oct25 := des.MustDate(2025, time.October, 1)
	require.Equal(t, "£30,000.00 from "+oct25.String(), describeMaxima(role("r", y25.Start(), "1", maxFrom(oct25, "30000"))))
}

// describePart: no practice prefix without a practice (238); ", then" only
// between rates and "from" only for the later ones (250).
func TestDescribePartPracticeAndRates(t *testing.T) {
	p := yearPart(y25, des.Registered, "", "1.50")
	require.Equal(t, "registered £1.50 a year", describePart(p))
	p.Practice = "Elm"
	require.Equal(t, "Elm: registered £1.50 a year", describePart(p))
	oct25 := des.MustDate(2025, time.October, 1)
	p = yearPart(y25, des.Registered, "", "1.50")
	p.Rates = []des.RateUsed{{Rate: dec("1.50"), From: y25.Start(), To: oct25.AddDays(-1)}, {Rate: dec("2"), From: oct25, To: y25.End()}}
	require.Equal(t, "registered £1.50, then £2.00 from "+oct25.String()+" a year", describePart(p))
}

// partChanges matches parts by position when both years have the same bases
// and practices (276–278), writing an unchanged part as such (286); else the
// whole lists.
func TestPartChangesMatchesPartsByBasisAndPractice(t *testing.T) {
	a := payment("p", 0, yearPart(y25, des.Fixed, "", "100"), yearPart(y25, des.Registered, "Elm", "1.50"))
	b := payment("p", 0, yearPart(y25, des.Fixed, "", "100"), yearPart(y25, des.Registered, "Elm", "2"))
	require.Equal(t, "unchanged: fixed £100.00 a year; Elm: registered £1.50 a year → Elm: registered £2.00 a year", partChanges(a, b))

	// Other bases at the same positions: the whole lists.
	c := payment("p", 0, yearPart(y25, des.Fixed, "", "100"), yearPart(y25, des.Weighted, "Elm", "2"))
	require.Equal(t, "fixed £100.00 a year + Elm: registered £1.50 a year → fixed £100.00 a year + Elm: weighted £2.00 a year", partChanges(a, c))

	// Another practice at the same position: the whole lists.
	d := payment("p", 0, yearPart(y25, des.Fixed, "", "100"), yearPart(y25, des.Registered, "Oak", "2"))
	require.Equal(t, "fixed £100.00 a year + Elm: registered £1.50 a year → fixed £100.00 a year + Oak: registered £2.00 a year", partChanges(a, d))

	// Fewer parts: the whole lists.
	e := payment("p", 0, yearPart(y25, des.Fixed, "", "100"))
	require.Equal(t, "fixed £100.00 a year + Elm: registered £1.50 a year → fixed £100.00 a year", partChanges(a, e))
}

// iif.go 89: a year with no stated maximum (MaxPoints 0) takes any number of
// points; one with a maximum refuses more.
func TestIIFMaxPointsZeroMeansNoMaximum(t *testing.T) {
	inds := []IIFIndicator{{Indicator: "X", Points: dec("10")}}
	rs := des.NewRuleSet(des.Contents{Year: y25, IIF: &des.IIFRules{PointValue: dec("200")}})
	e, err := estimateIIF(rs, inds)
	require.NoError(t, err)
	// 10 points × £200 × 1 × 1 = £2,000.00
	requireMoney(t, "2000.00", e.Total)
	rs = des.NewRuleSet(des.Contents{Year: y25, IIF: &des.IIFRules{PointValue: dec("200"), MaxPoints: 9}})
	_, err = estimateIIF(rs, inds)
	require.ErrorIs(t, err, des.ErrInvalid)
	rs = des.NewRuleSet(des.Contents{Year: y25, IIF: &des.IIFRules{PointValue: dec("200"), MaxPoints: 10}})
	_, err = estimateIIF(rs, inds)
	require.NoError(t, err)
}
