package national_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/national"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestRollUpStreamWorked adds up three PCNs given by hand, two in one ICB and one
// with no ICB.
func TestRollUpStreamWorked(t *testing.T) {
	b, err := os.ReadFile("testdata/worked-rules.toml") // des's testRules
	require.NoError(t, err)
	rs, err := rulefile.Read("worked-rules.toml", b)
	require.NoError(t, err)
	amt := func(id, total string) des.Amount {
		return des.Amount{ID: id, Total: des.MustMoney(total)}
	}
	pcn := func(code, icb string, reg int64, core, npp, arrs string) national.RolledPCN {
		e := des.Entitlements{Payments: []des.Amount{amt("core_pcn_funding", core), amt("network_participation", npp)},
			ARRSSums: []des.Amount{amt("arrs", arrs)}}
		e.Total, _ = e.Payments[0].Total.Add(e.Payments[1].Total)
		return national.RolledPCN{Row: national.PCNRow{Code: code, Name: code, ICB: icb, PCN: onePractice(reg, reg, reg, 0)},
			Entitlements: e}
	}
	plan, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	s := national.NewRollUpStream(plan)
	for _, p := range []national.RolledPCN{
		pcn("X1", "NHS Zed ICB", 10000, "15000.00", "17610.00", "166960.00"),
		pcn("X2", "", 5000, "7500.01", "8805.02", "83480.03"),
		pcn("X3", "NHS Zed ICB", 20000, "30000.10", "35220.20", "333920.30"),
	} {
		s.AddEntitlements(&p.Row, &p.Entitlements)
	}
	require.NoError(t, s.Err())
	r := s.Rollup()
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
	_, _, err := national.ReadPCNsFile(empty, national.PCNOptions{})
	require.ErrorIs(t, err, des.ErrMissing)
	require.EqualError(t, err, empty+": no PCN rows to work out")

	big := filepath.Join(dir, "big.csv")
	require.NoError(t, os.WriteFile(big, []byte(head+"T1,One,I,1,1,1,1\n"), 0o644))
	_, _, err = national.ReadPCNsFile(big, national.PCNOptions{MaxBytes: 10})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "at most 10")

	rows, bad, err := national.ReadPCNsFile(big, national.PCNOptions{})
	require.NoError(t, err)
	require.Empty(t, bad)
	require.Len(t, rows, 1)
	fe := national.RowError(big, rows[0], 2025, &des.MissingFigureError{Field: "weighted", Payment: "network_participation"})
	require.ErrorIs(t, fe, des.ErrMissingFigure)
	require.EqualError(t, fe, big+":2: weighted: T1 (One): no weighted figure, which 2025/26 network_participation needs")
}

func onePractice(reg, wtd, adj, beds int64) des.PCN {
	return des.PCN{Name: "P", Practices: []des.Practice{{Name: "P", Registered: des.WholeNumber(reg),
		Weighted: des.WholeNumber(wtd), Adjusted: des.WholeNumber(adj), CareHomeBeds: des.WholeNumber(beds)}}}
}
