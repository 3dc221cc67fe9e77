package derive_test

import (
	"encoding/json"
	"github.com/pcnfin/pcnfin/des/derive"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// embeddedEvidence is each embedded year's evidence and carry, as package
// rates writes them into its index: the fuzz seeds.
func embeddedEvidence(f *testing.F) (texts, carries [][]byte) {
	f.Helper()
	var prev *des.RuleSet
	for _, rs := range mustAll(rates.All()) {
		raw, err := rates.AsStated(rs.Year())
		require.NoError(f, err)
		t, err := derive.EvidenceOf(raw).MarshalText()
		require.NoError(f, err)
		texts = append(texts, t)
		if prev != nil {
			c, err := json.Marshal(derive.CarryOf(raw, prev))
			require.NoError(f, err)
			carries = append(carries, c)
		}
		prev = rs
	}
	return texts, carries
}

// Evidence's text reader refuses what it cannot read with an error (never
// a panic), and what it reads writes a text that reads back to the same
// text.
func FuzzEvidenceText(f *testing.F) {
	texts, _ := embeddedEvidence(f)
	for _, t := range texts {
		f.Add(t)
	}
	f.Add([]byte("evidence 2024/25\ndates\nanchor r \"7\" 2024-04-01 2025-03-31 2024-03-01 1e3 - 0\nsource \"\" \"\"\nend\n"))
	f.Add([]byte("evidence 2024/25\ndates 2024-13-01\nend\n"))
	f.Add([]byte("evidence 2024/25\ndates\nanchor r \"7 2024-04-01\nend\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var e derive.Evidence
		if err := e.UnmarshalText(data); err != nil {
			require.NotEmpty(t, err.Error())
			return
		}
		once, err := e.MarshalText()
		require.NoError(t, err)
		var back derive.Evidence
		require.NoError(t, back.UnmarshalText(once), "%s", once)
		twice, err := back.MarshalText()
		require.NoError(t, err)
		require.Equal(t, string(once), string(twice))
		require.Equal(t, e.Year(), back.Year())
	})
}

// Carry's and BandRules' JSON readers refuse what they cannot read with an
// error, and what they read writes JSON that reads back to the same JSON.
func FuzzCarryAndBandsJSON(f *testing.F) {
	_, carries := embeddedEvidence(f)
	for _, c := range carries {
		f.Add(c)
	}
	bands, err := rates.Bands()
	require.NoError(f, err)
	b, err := json.Marshal(bands)
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"from":"2025/26","payments":[{"parts":[{"values":[{"rate":"1e-3","from":"2025-04-01"}]}]}]}`))
	f.Add([]byte(`{"awards":[{"percent":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c derive.Carry
		if json.Unmarshal(data, &c) == nil {
			roundTripJSON(t, &c, &derive.Carry{})
		}
		var br derive.BandRules
		if json.Unmarshal(data, &br) == nil {
			roundTripJSON(t, &br, &derive.BandRules{})
		}
	})
}

func roundTripJSON[T any](t *testing.T, v, back *T) {
	t.Helper()
	once, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(once, back), "%s", once)
	twice, err := json.Marshal(back)
	require.NoError(t, err)
	require.JSONEq(t, string(once), string(twice))
}
