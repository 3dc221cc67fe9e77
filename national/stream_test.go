package national_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The streaming roll-up gives every total as the exact sum of its PCNs'
// amounts, in every year, and the same totals from the fast path's Totals as
// from the explained path's entitlements.
func TestRollUpStreamExactSums(t *testing.T) {
	nation := syntheticNation(300)
	rows := make([]national.PCNRow, len(nation))
	in := make([]arrs.PCNInput, len(nation))
	for i, n := range nation {
		icb := fmt.Sprintf("ICB %02d", i%11)
		if i%50 == 7 {
			icb = ""
		}
		rows[i] = national.PCNRow{Line: i + 2, Code: fmt.Sprintf("P%d", i), Name: n.PCN.Name, ICB: icb, PCN: n.PCN}
		in[i].PCN = n.PCN
	}
	for _, rs := range mustAll(rates.All()) {
		t.Run(rs.Year().String(), func(t *testing.T) {
			plan, err := arrs.Compile(rs, arrs.Options{})
			require.NoError(t, err)
			slow := national.NewRollUpStream(plan)
			ent, sum := decimal.Zero, decimal.Zero
			icbEnt := map[string]decimal.Decimal{}
			byPay := map[string]decimal.Decimal{}
			for i, r := range plan.CalculateEach(in, 0) {
				require.NoError(t, r.Err)
				slow.AddEntitlements(&rows[i], &r.Entitlements)
				p := national.RolledPCN{Row: rows[i], Entitlements: r.Entitlements}
				ent, sum = ent.Add(r.Entitlements.Total.Decimal()), sum.Add(p.ARRSSum())
				icb := rows[i].ICB
				if icb == "" {
					icb = national.NoICB
				}
				icbEnt[icb] = icbEnt[icb].Add(r.Entitlements.Total.Decimal())
				for _, a := range append(append([]des.Amount(nil), r.Entitlements.Payments...), r.Entitlements.ARRSSums...) {
					byPay[a.ID] = byPay[a.ID].Add(a.Total.Decimal())
				}
			}
			require.NoError(t, slow.Err())
			want := slow.Rollup()
			// Every total is the sum of its PCNs' amounts.
			require.Equal(t, len(rows), want.England.PCNs)
			requireMoney(t, ent.StringFixed(2), want.England.Entitlements)
			requireMoney(t, sum.StringFixed(2), want.England.ARRSSum)
			require.Len(t, want.ICBs, len(icbEnt))
			for _, g := range want.ICBs {
				requireMoney(t, icbEnt[g.Name].StringFixed(2), g.Entitlements, g.Name)
			}
			require.Len(t, want.ByPayment, len(rs.Payments()))
			for _, p := range want.ByPayment {
				requireMoney(t, byPay[p.ID].StringFixed(2), p.Amount, p.ID)
			}
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)

			fast := national.NewRollUpStream(plan)
			if !fast.TotalsExact() {
				t.Skip("Totals do not split by payment in this year")
			}
			tots, err := plan.CalculateTotalsN(in, 1)
			require.NoError(t, err)
			for i := range tots {
				fast.Add(&rows[i], &tots[i])
			}
			got, err := json.Marshal(fast.Rollup())
			require.NoError(t, err)
			require.JSONEq(t, string(wantJSON), string(got))
		})
	}
}
