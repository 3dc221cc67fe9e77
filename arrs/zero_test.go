package arrs_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Zero values are safe: they give errors or empty answers, never a panic.
func TestZeroValues(t *testing.T) {
	var p arrs.Plan
	_, err := p.Calculate(des.PCN{}, nil)
	require.ErrorIs(t, err, des.ErrMissing)
	var np *arrs.Plan
	_, err = np.CalculateAll(nil)
	require.ErrorIs(t, err, des.ErrMissing)
	_, err = np.Afford(des.PCN{}, nil, arrs.Hire{})
	require.ErrorIs(t, err, des.ErrMissing)
	require.Nil(t, np.Roles())
	_, err = arrs.Calculate(nil, des.PCN{}, nil, arrs.Options{})
	require.ErrorIs(t, err, des.ErrMissing)
	_, err = scenario.Run(nil, nil, nil, scenario.Options{})
	require.ErrorIs(t, err, des.ErrMissing)
	var w arrs.WTE
	require.True(t, w.IsZero())
	require.Equal(t, "0", w.Decimal().String())
	var r arrs.Result
	require.False(t, r.OverCommitted())
	_, ok := r.Pot("main")
	require.False(t, ok)
	var rs des.RuleSet
	require.Empty(t, rs.Payments())
	require.Equal(t, "", rs.Year().String())
	_, err = des.Entitle(&rs, des.PCN{}, des.Options{})
	require.ErrorIs(t, err, des.ErrMissing, "a zero RuleSet has no year")
	var d des.Date
	require.True(t, d.IsZero())
	require.Equal(t, "", d.String())
}

func TestZeroOnCosts(t *testing.T) {
	var o oncost.Rules
	_, err := o.EmployerCost(decimal.NewFromInt(30000), des.MustDate(2024, 5, 1), oncost.Options{})
	require.Error(t, err)
}
