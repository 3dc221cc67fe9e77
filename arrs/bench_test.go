package arrs_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// nationalRoles are 2024/25 roles: most with maxima, some without (their
// months still go through the loop and give a reason).
var nationalRoles = []string{"clinical_pharmacist", "pharmacy_technician", "first_contact_physiotherapist", "advanced_practitioner",
	"enhanced_practice_nurse", "general_practitioner", "care_coordinator", "social_prescribing_link_worker", "paramedic", "nursing_associate"}

// syntheticNation makes n PCNs of 3–6 practices with k staff each, the same
// every time.
func syntheticNation(n, k int) []arrs.PCNInput {
	r := rand.New(rand.NewPCG(2024, 25))
	y := des.Year(2024)
	out := make([]arrs.PCNInput, n)
	for i := range out {
		var ps []des.Practice
		for j := 0; j < 3+r.IntN(4); j++ {
			reg := int64(4000 + r.IntN(16000))
			ps = append(ps, des.Practice{Name: fmt.Sprintf("P%d-%d", i, j), Registered: des.WholeNumber(reg),
				Weighted: des.NumberOf(decimal.New(reg*int64(90+r.IntN(25)), -2)),
				Adjusted: des.NumberOf(decimal.New(reg*int64(92+r.IntN(20)), -2)), CareHomeBeds: des.WholeNumber(int64(r.IntN(80)))})
		}
		roster := make([]arrs.Staff, k)
		for j := range roster {
			w, _ := arrs.WTEOf(decimal.New(int64(20+r.IntN(81)), -2))
			s := arrs.Staff{Name: fmt.Sprintf("S%d", j), Role: nationalRoles[r.IntN(len(nationalRoles))], WTE: w,
				Start: y.Start().AddDays(r.IntN(500) - 300), AnnualCost: decimal.New(int64(2_500_000+r.IntN(8_000_000)), -2)}
			if r.IntN(4) == 0 {
				s.End = y.Start().AddDays(r.IntN(365))
				if s.End.Before(s.Start) {
					s.End = s.Start
				}
			}
			roster[j] = s
		}
		out[i] = arrs.PCNInput{PCN: des.PCN{Name: fmt.Sprintf("PCN %d", i), Practices: ps}, Roster: roster}
	}
	return out
}

// BenchmarkNationalYear: every PCN in England (about 1,250) with 40 staff
// each, for one DES year: entitlements and ARRS claims month by month, from
// an already loaded rule set (CalculateAll: pennies for every PCN and every
// person's month, on every core).
func BenchmarkNationalYear(b *testing.B) {
	plan, nation := nationalBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := plan.CalculateAll(nation); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNationalYearSerial is BenchmarkNationalYear on one goroutine.
func BenchmarkNationalYearSerial(b *testing.B) {
	plan, nation := nationalBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := plan.CalculateBatch(nation, 1).Err(0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNationalYearExplained is the national year worked out in full
// for every PCN at once (CalculateEach: decimals, reasons, breaches), what
// Batch.Results makes on request.
func BenchmarkNationalYearExplained(b *testing.B) {
	plan, nation := nationalBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r := plan.CalculateEach(nation, 0); r[0].Err != nil {
			b.Fatal(r[0].Err)
		}
	}
}

// BenchmarkBatchResult is one PCN of the national batch (40 staff) worked
// out in full on request.
func BenchmarkBatchResult(b *testing.B) {
	plan, nation := nationalBench(b)
	batch, err := plan.CalculateAll(nation)
	require.NoError(b, err)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := batch.Result(i % batch.Len()); err != nil {
			b.Fatal(err)
		}
	}
}

func nationalBench(b *testing.B) (*arrs.Plan, []arrs.PCNInput) {
	_, plan := plan2425(b)
	nation := syntheticNation(1250, 40)
	_, err := plan.CalculateTotals(nation[:1]) // compile the payments once
	require.NoError(b, err)
	return plan, nation
}

// Many goroutines compute many PCNs against one loaded rule set and get
// exactly what one goroutine gets (run with -race where available).
func TestConcurrentPCNsShareOneRuleSet(t *testing.T) {
	rs, plan := plan2425(t)
	nation := syntheticNation(60, 20)
	var err error
	serial := make([]arrs.Result, len(nation))
	for i, in := range nation {
		serial[i], err = plan.Calculate(in.PCN, in.Roster)
		require.NoError(t, err)
	}
	batch, err := plan.CalculateAll(nation)
	require.NoError(t, err)
	all, err := batch.Results()
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, in := range nation {
				r, err := plan.Calculate(in.PCN, in.Roster)
				if err != nil || !r.Claims.Decimal().Equal(serial[i].Claims.Decimal()) {
					t.Errorf("PCN %d: concurrent result differs: %v", i, err)
				}
				_, _ = des.Entitle(rs, in.PCN, des.Options{})
			}
		}()
	}
	wg.Wait()
	for i := range nation {
		require.True(t, all[i].ARRS.Claims.Decimal().Equal(serial[i].Claims.Decimal()))
		checkInvariants(t, plan, nation[i].Roster, all[i].ARRS)
	}
}

// BenchmarkPCNYear: one PCN with 40 staff for one DES year (compiled plan).
func BenchmarkPCNYear(b *testing.B) {
	rs, _ := rates.YearNamed("2024/25")
	plan, _ := arrs.Compile(rs, arrs.Options{})
	in := syntheticNation(1, 40)[0]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := plan.Calculate(in.PCN, in.Roster); err != nil {
			b.Fatal(err)
		}
	}
}

// plan2425 is the embedded 2024/25 rule set and its plan.
func plan2425(t testing.TB) (*des.RuleSet, *arrs.Plan) {
	t.Helper()
	rs, err := rates.YearNamed("2024/25")
	require.NoError(t, err)
	plan, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	return rs, plan
}
