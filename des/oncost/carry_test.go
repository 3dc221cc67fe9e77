package oncost_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Past the last stated rule, EmployerCost refuses; CarriedForward carries
// the last rules as a marked projection.
func TestCarriedForwardIsAMarkedProjection(t *testing.T) {
	o, err := rates.OnCosts()
	require.NoError(t, err)
	on := des.MustDate(2028, 6, 1)
	_, err = o.EmployerCost(decimal.NewFromInt(48000), on, oncost.Options{Levy: true})
	require.ErrorIs(t, err, des.ErrNoRate, "the loaded rules are not carried")

	c := o.CarriedForward()
	b, err := c.EmployerCost(decimal.NewFromInt(48000), on, oncost.Options{Levy: true})
	require.NoError(t, err)
	last, err := o.EmployerCost(decimal.NewFromInt(48000), des.MustDate(2027, 3, 31), oncost.Options{Levy: true})
	require.NoError(t, err)
	require.True(t, b.Total.Equal(last.Total), "the last rules, unchanged: %s vs %s", b.Total, last.Total)
	require.True(t, b.Projected())
	require.False(t, last.Projected())
	require.Contains(t, b.Explain(), "PROJECTION")
	for _, s := range b.Sources {
		require.Equal(t, des.Carried, s.Confidence)
		require.Contains(t, s.Document, "PROJECTION:")
	}
	// Within the stated rules nothing changes.
	in, err := c.EmployerCost(decimal.NewFromInt(48000), des.MustDate(2026, 6, 1), oncost.Options{Levy: false})
	require.NoError(t, err)
	require.False(t, in.Projected())
	require.Nil(t, (*oncost.Rules)(nil).CarriedForward())
}
