package des_test

import (
	"github.com/pcnfin/pcnfin/des/rulefile"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
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
	c := des.CompareYears(a, b, rsA, rsB)
	require.Equal(t, des.Year(2024), c.From)
	require.Equal(t, des.Year(2025), c.To)
	get := func(id string) des.Change {
		for _, it := range c.Payments {
			if it.ID == id {
				return it
			}
		}
		t.Fatalf("no %s in the comparison", id)
		return des.Change{}
	}

	// Core funding. 2024/25: 10,000 × £2.256792 / 12 = £1,880.66 and
	// 10,500 × £0.710208 / 12 = £621.432, a month £2,502.092 → £2,502.09,
	// × 12 = £30,025.08. 2025/26: 10,000 × £2.266 / 12 = £1,888.3333… and
	// 10,500 × £0.733 / 12 = £641.375, a month £2,529.7083… → £2,529.71,
	// × 12 = £30,356.52. Difference £331.44.
	core := get("core_pcn_funding")
	require.Equal(t, des.StatusRates, core.Status)
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
	require.Equal(t, des.StatusSame, npp.Status)
	requireMoney(t, "19371.00", npp.To.Value)
	requireMoney(t, "0", npp.Difference.Value)

	// The 2024/25 GP ring-fence is gone in 2025/26: removed, from an amount to none.
	gp := get("arrs_gp")
	require.Equal(t, des.StatusRemoved, gp.Status)
	require.True(t, gp.From.OK)
	require.False(t, gp.To.OK)
	require.True(t, gp.Difference.Value.Equal(gp.From.Value.Neg()))

	// The total is the entitlements' own, and its difference theirs.
	requireMoney(t, a.Total.String(), c.Total.From.Value)
	requireMoney(t, b.Total.Sub(a.Total).String(), c.Total.Difference.Value)
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
			require.Equal(t, des.StatusAdded, r.Status)
			return
		}
	}
	t.Fatal("consultant_nurse not in the role comparison")
}

// TestRollUpWorked adds up three PCNs given by hand, two in one ICB and one
// with no ICB.
func TestRollUpWorked(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	amt := func(id, total string) des.Amount {
		return des.Amount{ID: id, Total: decimal.RequireFromString(total)}
	}
	pcn := func(code, icb string, reg int64, core, npp, arrs string) national.RolledPCN {
		e := des.Entitlements{Payments: []des.Amount{amt("core_pcn_funding", core), amt("network_participation", npp)},
			ARRSSums: []des.Amount{amt("arrs", arrs)}}
		e.Total = e.Payments[0].Total.Add(e.Payments[1].Total)
		return national.RolledPCN{Row: national.PCNRow{Code: code, Name: code, ICB: icb, PCN: onePractice(reg, reg, reg, 0)},
			Entitlements: e}
	}
	r := national.RollUp(rs, []national.RolledPCN{
		pcn("X1", "NHS Zed ICB", 10000, "15000.00", "17610.00", "166960.00"),
		pcn("X2", "", 5000, "7500.01", "8805.02", "83480.03"),
		pcn("X3", "NHS Zed ICB", 20000, "30000.10", "35220.20", "333920.30"),
	})
	require.Equal(t, des.Year(2022), r.Year)
	require.Len(t, r.ICBs, 2)
	// Alphabetical: "(no ICB given)" sorts before "NHS Zed ICB".
	no, zed := r.ICBs[0], r.ICBs[1]
	require.Equal(t, national.NoICB, no.Name)
	require.Equal(t, 1, no.PCNs)
	requireMoney(t, "16305.03", no.Entitlements) // 7,500.01 + 8,805.02
	requireMoney(t, "83480.03", no.ARRSSum)
	require.Equal(t, "NHS Zed ICB", zed.Name)
	require.Equal(t, 2, zed.PCNs)
	require.True(t, zed.Registered.Equal(decimal.NewFromInt(30000)))
	// 15,000.00 + 17,610.00 + 30,000.10 + 35,220.20 = 97,830.30
	requireMoney(t, "97830.30", zed.Entitlements)
	requireMoney(t, "500880.30", zed.ARRSSum) // 166,960.00 + 333,920.30
	require.Equal(t, 3, r.England.PCNs)
	require.True(t, r.England.Registered.Equal(decimal.NewFromInt(35000)))
	requireMoney(t, "114135.33", r.England.Entitlements) // 97,830.30 + 16,305.03
	requireMoney(t, "584360.33", r.England.ARRSSum)      // 500,880.30 + 83,480.03
	// By payment, in the rule set's order, the ARRS sum among them.
	want := map[string]string{"core_pcn_funding": "52500.11", "network_participation": "61635.22",
		"extended_hours_access": "0", "enhanced_access": "0", "arrs": "584360.33"}
	require.Len(t, r.ByPayment, len(want))
	for _, p := range r.ByPayment {
		requireMoney(t, want[p.ID], p.Amount, p.ID)
	}
}

func TestReadPCNCSVFileAndRowError(t *testing.T) {
	dir := t.TempDir()
	head := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n"
	empty := filepath.Join(dir, "empty.csv")
	require.NoError(t, os.WriteFile(empty, []byte(head), 0o644))
	_, _, err := national.ReadPCNCSVFile(empty, national.CSVOptions{})
	require.ErrorIs(t, err, des.ErrMissing)
	require.EqualError(t, err, empty+": no PCN rows to work out")

	big := filepath.Join(dir, "big.csv")
	require.NoError(t, os.WriteFile(big, []byte(head+"T1,One,I,1,1,1,1\n"), 0o644))
	_, _, err = national.ReadPCNCSVFile(big, national.CSVOptions{MaxBytes: 10})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "at most 10")

	rows, bad, err := national.ReadPCNCSVFile(big, national.CSVOptions{})
	require.NoError(t, err)
	require.Empty(t, bad)
	require.Len(t, rows, 1)
	fe := national.RowError(big, rows[0], 2025, &des.MissingFigureError{Field: "weighted", Payment: "network_participation"})
	require.ErrorIs(t, fe, des.ErrMissingFigure)
	require.EqualError(t, fe, big+":2: weighted: T1 (One): no weighted figure, which 2025/26 network_participation needs")
}

// Issue 11: 2019/20's gaps are about payments it pays (an unconfirmed rate
// or list date), so nothing is "left out" of its totals; 2021/22's
// leadership_management has no sourced rate and is not paid.
func TestUnpaidListsOnlyPaymentsLeftOut(t *testing.T) {
	rs, err := rates.YearNamed("2019/20")
	require.NoError(t, err)
	require.NotEmpty(t, rs.Gaps())
	require.Empty(t, rs.Unpaid())
	rs, err = rates.YearNamed("2021/22")
	require.NoError(t, err)
	require.Contains(t, rs.Unpaid(), "leadership_management")
	for _, id := range rs.Unpaid() {
		_, paid := rs.Payment(id)
		require.False(t, paid, id)
	}
}
