package national

import "testing"

// A pot runs out in the first month whose claims to date are more than its
// sum; claims exactly equal to the sum do not run it out (as the claims
// engine's RunsOut: arrs.TestPotClaimsEqualToTheSumDoNotRunOut). £100.00 a
// month: a £1,200.00 sum is used up exactly in March and never runs out;
// £1,199.99 runs out in March (index 11); £250.00 in June (£300.00 > £250.00).
func TestRunsOutIsMoreThanTheSum(t *testing.T) {
	var months [12]int64
	for m := range months {
		months[m] = 100_00
	}
	for sum, want := range map[int64]int{1200_00: -1, 1199_99: 11, 250_00: 2, 300_00: 3, 0: 0} {
		if got := runsOut(&months, sum); got != want {
			t.Errorf("runsOut(12 × £100.00, %d pennies) = %d, want %d", sum, got, want)
		}
	}
	if got := runsOut(&[12]int64{}, 0); got != -1 {
		t.Errorf("no claims against a £0 sum run out in month %d, want never (-1)", got)
	}
}
