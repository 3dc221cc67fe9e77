package des_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// Issue 11: 2019/20's gaps are about payments it pays (an unconfirmed rate
// or list date), so nothing is "left out" of its totals; 2021/22's
// leadership_management has no sourced rate and is not paid.
func TestUnpaidListsOnlyPaymentsLeftOut(t *testing.T) {
	rs, err := rates.YearNamed("2019/20")
	require.NoError(t, err)
	require.NotEmpty(t, rs.Gaps())
	require.Empty(t, rs.Unpaid())
	rs, err = rates.YearNamed("2021/22")
	require.NoError(t, err)
	require.Contains(t, rs.Unpaid(), "leadership_management")
	for _, id := range rs.Unpaid() {
		_, paid := rs.Payment(id)
		require.False(t, paid, id)
	}
}
