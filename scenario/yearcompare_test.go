package scenario

import (
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func onePractice(reg, wtd, adj, beds int64) des.PCN {
	return des.PCN{Name: "P", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(reg),
		Weighted: des.WholeNumber(wtd), Adjusted: des.WholeNumber(adj), CareHomeBeds: des.WholeNumber(beds)}}}
}

// TestCompareYearsWorked compares a one-practice PCN (10,000 registered,
// 11,000 weighted, 10,500 adjusted, no beds) in 2024/25 and 2025/26 under
// the embedded rule sets. Each monthly payment is rounded half-up to the
// penny and a year is twelve such months.
func TestCompareYearsWorked(t *testing.T) {
	rsA, err := rates.YearNamed("2024/25")
	require.NoError(t, err)
	rsB, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	pcn := onePractice(10000, 11000, 10500, 0)
	a, err := des.Entitle(rsA, pcn, des.Options{})
	require.NoError(t, err)
	b, err := des.Entitle(rsB, pcn, des.Options{})
	require.NoError(t, err)
	c := compareYears(a, b, rsA, rsB)
	require.Equal(t, des.Year(2024), c.From)
	require.Equal(t, des.Year(2025), c.To)
	get := func(id string) Change {
		for _, it := range c.Payments {
			if it.ID == id {
				return it
			}
		}
		t.Fatalf("no %s in the comparison", id)
		return Change{}
	}

	// Core funding. 2024/25: 10,000 × £2.256792 / 12 = £1,880.66 and
	// 10,500 × £0.710208 / 12 = £621.432, a month £2,502.092 → £2,502.09,
	// × 12 = £30,025.08. 2025/26: 10,000 × £2.266 / 12 = £1,888.3333… and
	// 10,500 × £0.733 / 12 = £641.375, a month £2,529.7083… → £2,529.71,
	// × 12 = £30,356.52. Difference £331.44.
	core := get("core_pcn_funding")
	require.Equal(t, StatusRates, core.Status)
	requireMoney(t, "30025.08", core.From.Value)
	requireMoney(t, "30356.52", core.To.Value)
	requireMoney(t, "331.44", core.Difference.Value)

	// Enhanced access. 10,500 × £7.975 / 12 = £6,978.125 → £6,978.13, × 12
	// = £83,737.56; 10,500 × £8.427 / 12 = £7,373.625 → £7,373.63, × 12 =
	// £88,483.56. Difference £4,746.00.
	ea := get("enhanced_access")
	requireMoney(t, "83737.56", ea.From.Value)
	requireMoney(t, "88483.56", ea.To.Value)
	requireMoney(t, "4746.00", ea.Difference.Value)

	// The NPP: 11,000 × £1.761 / 12 = £1,614.25 a month, £19,371.00 both years.
	npp := get("network_participation")
	require.Equal(t, StatusSame, npp.Status)
	requireMoney(t, "19371.00", npp.To.Value)
	requireMoney(t, "0", npp.Difference.Value)

	// The 2024/25 GP ring-fence is gone in 2025/26: removed, from an amount to none.
	gp := get("arrs_gp")
	require.Equal(t, StatusRemoved, gp.Status)
	require.True(t, gp.From.OK)
	require.False(t, gp.To.OK)
	require.True(t, gp.Difference.Value.Equal(gp.From.Value.Neg()))

	// The total is the entitlements' own, and its difference theirs.
	requireMoney(t, a.Total.Plain(), c.Total.From.Value)
	requireMoney(t, b.Total.Decimal().Sub(a.Total.Decimal()).String(), c.Total.Difference.Value)
	sum := decimal.Zero
	for _, it := range c.Payments {
		if !strings.Contains(it.Name, "ARRS sum") {
			sum = sum.Add(it.Difference.Value)
		}
	}
	requireMoney(t, c.Total.Difference.Value.String(), sum, "payment differences add up to the total's")

	// Roles: consultant_nurse first claimable in 2025/26.
	for _, r := range c.Roles {
		if r.ID == "consultant_nurse" {
			require.Equal(t, StatusAdded, r.Status)
			return
		}
	}
	t.Fatal("consultant_nurse not in the role comparison")
}

// Comparing 2023/24 with 2024/25 names the MHP's change of rule: a flat
// 50% before, 50% for the first at a band and 100% for further MHPs under a
// written agreement after.
func TestCompareNamesTheMHPShares(t *testing.T) {
	a, err := rates.YearNamed("2023/24")
	require.NoError(t, err)
	b, err := rates.YearNamed("2024/25")
	require.NoError(t, err)
	pcn := des.PCN{Name: "test", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(30000), Weighted: des.WholeNumber(30000), Adjusted: des.WholeNumber(30000), CareHomeBeds: des.WholeNumber(50)}}}
	ea, err := des.Entitle(a, pcn, des.Options{})
	require.NoError(t, err)
	eb, err := des.Entitle(b, pcn, des.Options{})
	require.NoError(t, err)
	c := compareYears(ea, eb, a, b)
	for _, r := range c.Roles {
		if r.ID == "mental_health_practitioner" {
			require.Contains(t, r.Detail, "reimbursed 50% → 50% (first at a band), 100% (further, with a written agreement)")
			return
		}
	}
	t.Fatal("no mental_health_practitioner row")
}

func requireMoney(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	if !decimal.RequireFromString(want).Equal(got) {
		t.Fatalf("want £%s, got £%s %v", want, got.StringFixed(2), msg)
	}
}
