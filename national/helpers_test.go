package national_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

func requireMoney(t *testing.T, want string, amount any, msg ...any) {
	t.Helper()
	var got decimal.Decimal
	switch v := amount.(type) {
	case decimal.Decimal:
		got = v
	case des.Money:
		got = v.Decimal()
	default:
		t.Fatalf("requireMoney of a %T", amount)
	}
	if !decimal.RequireFromString(want).Equal(got) {
		t.Fatalf("want £%s, got £%s %v", want, got.StringFixed(2), msg)
	}
}

// syntheticNation makes n PCNs of 3–6 practices, the same every time (as
// arrs's benchmarks make them, without rosters).
func syntheticNation(n int) []arrs.PCNInput {
	r := rand.New(rand.NewPCG(2024, 25))
	out := make([]arrs.PCNInput, n)
	for i := range out {
		var ps []des.Practice
		for j := 0; j < 3+r.IntN(4); j++ {
			reg := int64(4000 + r.IntN(16000))
			ps = append(ps, des.Practice{Name: fmt.Sprintf("P%d-%d", i, j), Registered: des.WholeNumber(reg),
				Weighted: des.NumberOf(decimal.New(reg*int64(90+r.IntN(25)), -2)),
				Adjusted: des.NumberOf(decimal.New(reg*int64(92+r.IntN(20)), -2)), CareHomeBeds: des.WholeNumber(int64(r.IntN(80)))})
		}
		out[i] = arrs.PCNInput{PCN: des.PCN{Name: fmt.Sprintf("PCN %d", i), Practices: ps}}
	}
	return out
}
