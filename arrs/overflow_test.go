package arrs_test

import (
	"fmt"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Issue 24: sums of pennies are checked; a total too large for 64 bits is
// an error naming the PCN and the total, never a wrapped figure.

// One PCN of 184,468 practices of 100 million patients: its registered
// total passes 2^64 millionths; the fast path hands it to the exact
// decimal path, which gives the exact figure (it wrapped to £32.5tn against
// an exact £327.8tn, and Batch.Result then said the input had changed).
func TestTotalsBeyond64BitsFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("184,468 practices")
	}
	rs := mustAll(rates.All())[len(mustAll(rates.All()))-2]
	plan, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	ps := make([]des.Practice, 184_468)
	for i := range ps {
		n := des.NumberOf(decimal.NewFromInt(100_000_000))
		ps[i] = des.Practice{Name: fmt.Sprintf("P%d", i), Registered: n, Weighted: n, Adjusted: n, CareHomeBeds: des.NumberOf(decimal.Zero)}
	}
	in := []arrs.PCNInput{{PCN: des.PCN{Name: "Huge", Practices: ps}}}
	batch, err := plan.CalculateAll(in)
	require.NoError(t, err)
	tot := batch.Totals(0)
	e, err := des.Entitle(rs, in[0].PCN, des.Options{})
	require.NoError(t, err)
	require.Equal(t, e.Total.Plain(), fmt.Sprintf("%d.%02d", tot.Entitlements/100, tot.Entitlements%100))
	_, err = batch.Result(0)
	require.NoError(t, err)
}

func TestOnCostRulesNil(t *testing.T) {
	f := arrs.OnCostRules(nil)
	require.NotNil(t, f)
	_, err := f(arrs.Pay{Amount: decimal.NewFromInt(2500), Paid: des.MustDate(2025, 4, 15)})
	require.ErrorIs(t, err, des.ErrMissing)
}
