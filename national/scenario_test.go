package national_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The done test of issue 23: the ICB and England totals equal the sum of
// each PCN worked out alone through the scenario path (scenario.New with
// the PCN's practice and roster → Year → ARRS), to the penny, for a
// generated list with part-year staff, London, caps and GPs.
func TestTotalsEqualEachPCNThroughTheScenarioPath(t *testing.T) {
	pcns, staff := genList(60, 12, 23)
	years := []des.Year{2024, 2025}
	var c collect
	rep, ros := runOn(t, pcns, staff, years, &c)
	require.Len(t, rep.Years, 2)
	var sawCap, sawBefore, sawOver, sawRunOut, sawLondon, sawGP bool
	for yi, y := range years {
		yr := rep.Years[yi]
		var want national.Total
		icbs := map[string]*national.Total{}
		for _, p := range c.pcns[y] {
			roster := ros.Of(p.Row.Code)
			for _, s := range roster {
				sawLondon = sawLondon || s.London != ""
				sawGP = sawGP || s.Role == "general_practitioner"
			}
			wb, err := scenario.New(&scenario.Scenario{Name: p.Row.Name, Practices: p.Row.PCN.Practices, Staff: roster},
				scenario.Options{})
			require.NoError(t, err)
			res, err := wb.Year(y)
			require.NoError(t, err, p.Row.Code)
			a := res.ARRS
			pennies := func(d interface{ StringFixed(int32) string }) string { return d.StringFixed(2) }
			money := func(p int64) string { return decimal.New(p, -2).StringFixed(2) }
			require.Equal(t, pennies(a.Sum.Decimal()), money(p.Sum), "%s %s sum", y, p.Row.Code)
			require.Equal(t, pennies(a.Claims.Decimal()), money(p.Claims), "%s %s claims", y, p.Row.Code)
			require.Equal(t, pennies(a.Cost.Decimal()), money(p.Cost), "%s %s cost", y, p.Row.Code)
			require.Equal(t, pennies(res.Entitlements.Total.Decimal()), money(p.Entitlements), "%s %s entitlements", y, p.Row.Code)
			require.Equal(t, a.RunsOut, p.RunsOut, "%s %s runs out", y, p.Row.Code)
			var unclaimed, over int64
			for _, pot := range a.Pots {
				h := pot.Headroom.Pennies()
				if h >= 0 {
					unclaimed += h
				} else {
					over -= h
				}
			}
			require.Equal(t, unclaimed, p.Unclaimed, "%s %s unclaimed", y, p.Row.Code)
			require.Equal(t, over, p.Over, "%s %s over", y, p.Row.Code)
			for m, row := range a.Months {
				require.Equal(t, pennies(row.Claim.Decimal()), money(p.Months[m]), "%s %s %s", y, p.Row.Code, row.Month)
				require.Equal(t, row.Month, yr.Months[m])
			}
			// The rules broken: the same reasons, the same people.
			reasons := map[string]int{}
			for _, s := range a.Staff {
				seen := map[string]bool{}
				for _, r := range s.Reasons {
					if !seen[r.Reason.String()] {
						seen[r.Reason.String()] = true
						reasons[r.Reason.String()]++
					}
				}
			}
			got := map[string]int{}
			for _, r := range p.Rules {
				got[r.Reason.String()] = r.People
				sawCap = sawCap || r.Reason.String() == "cap"
				sawBefore = sawBefore || r.Reason.String() == "before_eligible"
			}
			require.Equal(t, reasons, got, "%s %s reasons", y, p.Row.Code)
			sawOver = sawOver || p.Over > 0
			sawRunOut = sawRunOut || p.RunsOut != ""
			for _, t := range []*national.Total{&want, icbs[p.Row.ICB]} {
				if t == nil {
					t = &national.Total{Name: p.Row.ICB}
					icbs[p.Row.ICB] = t
				}
				t.PCNs++
				t.People += len(roster)
				t.Sum += a.Sum.Pennies()
				t.Claims += a.Claims.Pennies()
				t.Cost += a.Cost.Pennies()
				t.Entitlements += res.Entitlements.Total.Pennies()
				t.Unclaimed += unclaimed
				t.Over += over
				if a.RunsOut != "" {
					t.RunOut++
				}
				for m, row := range a.Months {
					t.Months[m] += row.Claim.Pennies()
				}
			}
		}
		want.Name = "England"
		require.Equal(t, want, yr.England, "%s England", y)
		require.Len(t, yr.ICBs, len(icbs))
		for _, g := range yr.ICBs {
			require.Equal(t, *icbs[g.Name], g, "%s %s", y, g.Name)
		}
		// Sum = claims − over + unclaimed, for England too.
		require.Equal(t, yr.England.Sum, yr.England.Claims-yr.England.Over+yr.England.Unclaimed)
		// Ranked: every PCN, largest unclaimed first.
		require.Len(t, yr.Ranked, len(c.pcns[y]))
		for i := 1; i < len(yr.Ranked); i++ {
			require.GreaterOrEqual(t, yr.Ranked[i-1].Unclaimed, yr.Ranked[i].Unclaimed)
		}
	}
	require.True(t, sawCap && sawBefore && sawOver && sawRunOut && sawLondon && sawGP,
		"cap %v before_eligible %v over %v runs out %v London %v GP %v", sawCap, sawBefore, sawOver, sawRunOut,
		sawLondon, sawGP)
}
