package arrs_test

import (
	"encoding/json"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A result's JSON (money "1234.50", WTE and rates as strings) is the same
// whatever shopspring/decimal's package globals say, and reads back.
func TestResultJSONIgnoresDecimalGlobals(t *testing.T) {
	rs, err := rates.YearNamed("2024/25")
	require.NoError(t, err)
	p := des.PCN{Name: "Riverside PCN", Practices: []des.Practice{
		{Name: "Riverside Surgery", Registered: des.WholeNumber(20000), Weighted: des.WholeNumber(22000)}}}
	half, _ := arrs.WTEOf(decimal.RequireFromString("0.5"))
	roster := []arrs.Staff{{Name: "Physio", Role: "first_contact_physiotherapist", WTE: half,
		Start: des.MustDate(2024, 10, 1), AnnualCost: decimal.RequireFromString("65397.80")}}
	r, err := arrs.Calculate(rs, p, roster, arrs.Options{})
	require.NoError(t, err)
	plan, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	a, err := plan.Afford(p, roster, arrs.Hire{Role: "paramedic", WTE: half, Start: des.MustDate(2024, 6, 1)})
	require.NoError(t, err)

	old := decimal.MarshalJSONWithoutQuotes
	t.Cleanup(func() { decimal.MarshalJSONWithoutQuotes = old })
	decimal.MarshalJSONWithoutQuotes = false
	want, err := json.Marshal(r)
	require.NoError(t, err)
	wantA, err := json.Marshal(a)
	require.NoError(t, err)
	require.Contains(t, string(want), `"wte":"0.5"`)
	require.Contains(t, string(want), `"claims_unsourced":"0.00"`)
	decimal.MarshalJSONWithoutQuotes = true
	got, err := json.Marshal(r)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got))
	gotA, err := json.Marshal(a)
	require.NoError(t, err)
	require.Equal(t, string(wantA), string(gotA))

	var back arrs.Result
	require.NoError(t, json.Unmarshal(got, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	require.Equal(t, string(want), string(again))
	require.Equal(t, r.Claims, back.Claims)
	require.Equal(t, r.Staff[0].Months, back.Staff[0].Months)
}
