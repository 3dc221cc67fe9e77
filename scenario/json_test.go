package scenario_test

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

// Users' tools read the forecast JSON: these names must stay, and money is
// always a string with two places.
func TestForecastJSONContract(t *testing.T) {
	sc, err := scenario.Load("growing.toml", []byte(growingScenario))
	require.NoError(t, err)
	f, err := scenario.Run(sc, []des.Year{2024, 2025}, mustAll(rates.All()), scenario.Options{})
	require.NoError(t, err)
	b, err := json.Marshal(f)
	require.NoError(t, err)
	var v struct {
		Years []struct {
			Year         string `json:"year"`
			Entitlements []struct {
				ID, Amount, Explain string
			} `json:"entitlements"`
			EntitlementsTotal string `json:"entitlements_total"`
			ARRS              struct {
				Sum, Claims, Headroom string
				Staff                 []struct{ Name, Role, Claim string }
			} `json:"arrs"`
		} `json:"years"`
	}
	require.NoError(t, json.Unmarshal(b, &v))
	money := regexp.MustCompile(`^-?[0-9]+\.[0-9]{2}$`)
	require.Len(t, v.Years, 2)
	for _, y := range v.Years {
		require.NotEmpty(t, y.Year)
		require.NotEmpty(t, y.Entitlements)
		for _, e := range y.Entitlements {
			require.NotEmpty(t, e.ID)
			require.NotEmpty(t, e.Explain)
			require.Regexp(t, money, e.Amount)
		}
		for _, m := range []string{y.EntitlementsTotal, y.ARRS.Sum, y.ARRS.Claims, y.ARRS.Headroom} {
			require.Regexp(t, money, m)
		}
		require.NotEmpty(t, y.ARRS.Staff)
		for _, s := range y.ARRS.Staff {
			require.NotEmpty(t, s.Name)
			require.NotEmpty(t, s.Role)
			require.Regexp(t, money, s.Claim)
		}
	}
	// No amount anywhere is written with fewer than two places.
	require.NotRegexp(t, `"(amount|sum|claims|headroom|claim|cost|total)":"-?[0-9]+(\.[0-9])?"`, string(b))
}
