package derive_test

import (
	"encoding/json"
	"github.com/pcnfin/pcnfin/des/derive"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/rulesetdiff"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// roundTripText writes evidence as text and reads it back, and checks that
// the copy writes the same text.
func roundTripText(t *testing.T, e derive.Evidence) derive.Evidence {
	t.Helper()
	b, err := e.MarshalText()
	require.NoError(t, err)
	var out derive.Evidence
	require.NoError(t, out.UnmarshalText(b))
	again, err := out.MarshalText()
	require.NoError(t, err)
	require.Equal(t, string(b), string(again))
	return out
}

// roundTrip writes v to JSON and reads it back, and checks that the copy
// writes the same JSON.
func roundTrip[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out T
	require.NoError(t, json.Unmarshal(b, &out))
	again, err := json.Marshal(out)
	require.NoError(t, err)
	require.JSONEq(t, string(b), string(again))
	return out
}

// CompleteYear gives every embedded year exactly what Complete gives it
// among all the years (every figure, source text, confidence and decimal
// exponent), from the year's own rule set, the evidence of the years (read
// back from text) and what the year carries (read back from JSON), with the
// band rules read back from JSON; and leaves its input as it was.
func TestCompleteYearIsComplete(t *testing.T) {
	bands, err := rates.Bands()
	require.NoError(t, err)
	oc, err := rates.OnCosts()
	require.NoError(t, err)
	var raw []*des.RuleSet
	for _, y := range rates.Years() {
		rs, err := rates.AsStated(y)
		require.NoError(t, err)
		raw = append(raw, rs)
	}
	full, err := derive.Complete(raw, bands, oc.RatesOn)
	require.NoError(t, err)
	bandsBack := roundTrip(t, bands)
	require.Equal(t, bands.Bands(), bandsBack.Bands())
	require.Equal(t, bands.PayGroups(), bandsBack.PayGroups())
	require.Equal(t, len(bands.Awards()), len(bandsBack.Awards()))
	var evs []derive.Evidence
	for _, rs := range raw {
		evs = append(evs, roundTripText(t, derive.EvidenceOf(rs)))
	}
	for i, rs := range raw {
		var prev *des.RuleSet
		if i > 0 {
			prev = full[i-1]
		}
		before := rulesetdiff.Dump(rs)
		carry := roundTrip(t, derive.CarryOf(rs, prev))
		got, err := derive.CompleteYear(rs, carry, evs, bandsBack, oc.RatesOn)
		require.NoError(t, err)
		require.Empty(t, rulesetdiff.Diff(full[i], got))
		require.Equal(t, before, rulesetdiff.Dump(rs), "%s: the input changed", rs.Year())
		// Without the year's own evidence among the others it is the same.
		others := append(append([]derive.Evidence(nil), evs[:i]...), evs[i+1:]...)
		got, err = derive.CompleteYear(rs, carry, others, bands, oc.RatesOn)
		require.NoError(t, err)
		require.Empty(t, rulesetdiff.Diff(full[i], got))
	}
}

// Carrying needs the year before: without it a year that carries is an
// error naming the field, as in Complete.
func TestCompleteYearWithoutTheYearBefore(t *testing.T) {
	bands, err := rates.Bands()
	require.NoError(t, err)
	oc, err := rates.OnCosts()
	require.NoError(t, err)
	ys := rates.Years()
	last, err := rates.AsStated(ys[len(ys)-1])
	require.NoError(t, err)
	_, err = derive.CompleteYear(last, derive.Carry{}, nil, bands, oc.RatesOn)
	_, want := derive.Complete([]*des.RuleSet{last}, bands, oc.RatesOn)
	require.Error(t, want)
	require.ErrorIs(t, err, des.ErrMissing)
	require.Equal(t, want.Error(), err.Error())
	_, err = derive.CompleteYear(nil, derive.Carry{}, nil, bands, oc.RatesOn)
	require.ErrorIs(t, err, des.ErrMissing)
	_, err = derive.CompleteYear(last, derive.Carry{}, nil, nil, oc.RatesOn)
	require.ErrorIs(t, err, des.ErrMissing)
}
