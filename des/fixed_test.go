package des

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// The integer path gives exactly what decimal arithmetic gives.
func TestMulDivPenniesMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < 20000; i++ {
		a := decimal.New(r.Int64N(10_000_000_000), -int32(r.IntN(7)))
		b := decimal.New(r.Int64N(1_000_000_000), -int32(r.IntN(7)))
		div := int64(1 + r.IntN(400))
		want := a.Mul(b).DivRound(decimal.NewFromInt(div), 2)
		got, ok := mulDivPennies(a, b, uint64(div))
		if !ok {
			continue
		}
		if !decimal.New(got, -2).Equal(want) {
			t.Fatalf("%s × %s ÷ %d: got %d pennies, want %s", a, b, div, got, want)
		}
	}
	// halves round up
	if p, _ := mulDivPennies(decimal.RequireFromString("0.005"), decimal.NewFromInt(1), 1); p != 1 {
		t.Fatalf("0.005 → %d pennies", p)
	}
	if _, ok := mulDivPennies(decimal.NewFromInt(-1), decimal.NewFromInt(1), 1); ok {
		t.Fatal("negative operands take the decimal path")
	}
}
