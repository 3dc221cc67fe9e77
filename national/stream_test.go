package national_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// The streaming roll-up gives national.RollUp's totals exactly, in every year,
// from the fast path's Totals and from the explained path's entitlements.
func TestRollUpStreamMatchesRollUp(t *testing.T) {
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
	for _, rs := range rates.All() {
		t.Run(rs.Year().String(), func(t *testing.T) {
			plan, err := arrs.Compile(rs, arrs.Options{})
			require.NoError(t, err)
			var pcns []national.RolledPCN
			slow := national.NewRollUpStream(plan)
			for i, r := range plan.CalculateEach(in, 0) {
				require.NoError(t, r.Err)
				pcns = append(pcns, national.RolledPCN{Row: rows[i], Entitlements: r.Entitlements})
				slow.AddEntitlements(&rows[i], &r.Entitlements)
			}
			want := national.RollUp(rs, pcns)
			want.PCNs = nil
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)
			got, err := json.Marshal(slow.Rollup())
			require.NoError(t, err)
			require.JSONEq(t, string(wantJSON), string(got))

			fast := national.NewRollUpStream(plan)
			if !fast.TotalsExact() {
				t.Skip("Totals do not split by payment in this year")
			}
			tots, err := plan.CalculateTotalsN(in, 1)
			require.NoError(t, err)
			for i := range tots {
				fast.Add(&rows[i], &tots[i])
			}
			got, err = json.Marshal(fast.Rollup())
			require.NoError(t, err)
			require.JSONEq(t, string(wantJSON), string(got))
		})
	}
}
