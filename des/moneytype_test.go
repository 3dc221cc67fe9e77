package des_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func TestMoneyZeroValue(t *testing.T) {
	var m des.Money
	require.True(t, m.IsZero())
	require.Equal(t, "£0.00", m.String())
	require.Equal(t, "0.00", m.Plain())
	b, err := json.Marshal(m)
	require.NoError(t, err)
	require.Equal(t, `"0.00"`, string(b))
	require.True(t, m.Decimal().Equal(decimal.Zero))
}

func TestMoneyText(t *testing.T) {
	for _, c := range []struct {
		p            int64
		plain, human string
	}{
		{0, "0.00", "£0.00"}, {5, "0.05", "£0.05"}, {-5, "-0.05", "-£0.05"}, {123450, "1234.50", "£1,234.50"},
		{-100, "-1.00", "-£1.00"}, {100000000, "1000000.00", "£1,000,000.00"},
		{math.MaxInt64, "92233720368547758.07", "£92,233,720,368,547,758.07"},
		{math.MinInt64, "-92233720368547758.08", "-£92,233,720,368,547,758.08"},
	} {
		m := des.Pennies(c.p)
		require.Equal(t, c.plain, m.Plain())
		require.Equal(t, c.human, m.String())
		require.Equal(t, c.plain, m.Decimal().StringFixed(2))
		back, err := des.ParseMoney(c.plain)
		require.NoError(t, err)
		require.Equal(t, m, back)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		require.Equal(t, `"`+c.plain+`"`, string(b))
		var j des.Money
		require.NoError(t, json.Unmarshal(b, &j))
		require.Equal(t, m, j)
		require.NoError(t, json.Unmarshal([]byte(c.plain), &j), "a JSON number")
		require.Equal(t, m, j)
		d, err := des.MoneyOf(m.Decimal())
		require.NoError(t, err)
		require.Equal(t, m, d)
	}
}

func TestMoneyParse(t *testing.T) {
	for s, want := range map[string]int64{"1": 100, "1.5": 150, "-1.05": -105, "0.07": 7, "1e2": 10000,
		"1.50000": 150, "+3": 300, "12345678901234567.89": 1234567890123456789} {
		m, err := des.ParseMoney(s)
		require.NoError(t, err, s)
		require.Equal(t, want, m.Pennies(), s)
	}
	for _, s := range []string{"", "1.234", "£1", "1,000", "abc", ".", "-", "92233720368547758.08"} {
		_, err := des.ParseMoney(s)
		require.Error(t, err, s)
	}
	_, err := des.ParseMoney("1.234")
	require.ErrorIs(t, err, des.ErrInvalid)
	_, err = des.ParseMoney("92233720368547758.08")
	require.ErrorIs(t, err, des.ErrOverflow)
	var m des.Money
	require.Error(t, json.Unmarshal([]byte(`"1.001"`), &m))
	require.Error(t, json.Unmarshal([]byte(`true`), &m))
	m = des.Pennies(7)
	require.NoError(t, json.Unmarshal([]byte(`null`), &m))
	require.Equal(t, des.Pennies(7), m)
}

func TestMoneyOfAndRound(t *testing.T) {
	m, err := des.MoneyOf(decimal.RequireFromString("1234.5"))
	require.NoError(t, err)
	require.Equal(t, des.Pennies(123450), m)
	_, err = des.MoneyOf(decimal.RequireFromString("0.125"))
	require.ErrorIs(t, err, des.ErrInvalid)
	m, err = des.RoundMoney(decimal.RequireFromString("0.125"))
	require.NoError(t, err)
	require.Equal(t, des.Pennies(13), m, "half-up")
	m, err = des.RoundMoney(decimal.RequireFromString("-0.125"))
	require.NoError(t, err)
	require.Equal(t, des.Pennies(-13), m, "half away from zero")
	_, err = des.MoneyOf(decimal.RequireFromString("1e30"))
	require.ErrorIs(t, err, des.ErrOverflow)
	m, err = des.MoneyOf(decimal.New(math.MaxInt64, -2))
	require.NoError(t, err)
	require.Equal(t, des.Pennies(math.MaxInt64), m)
	_, err = des.MoneyOf(decimal.New(math.MaxInt64, -2).Add(decimal.New(1, -2)))
	require.ErrorIs(t, err, des.ErrOverflow)
}

// Checked arithmetic: an overflow is ErrOverflow, never a wrapped figure.
func TestMoneyChecked(t *testing.T) {
	big, small := des.Pennies(math.MaxInt64), des.Pennies(math.MinInt64)
	one := des.Pennies(1)
	_, err := big.Add(one)
	require.ErrorIs(t, err, des.ErrOverflow)
	_, err = small.Sub(one)
	require.ErrorIs(t, err, des.ErrOverflow)
	_, err = small.Add(des.Pennies(-1))
	require.ErrorIs(t, err, des.ErrOverflow)
	_, err = des.Pennies(0).Sub(small)
	require.ErrorIs(t, err, des.ErrOverflow)
	_, err = big.Mul(2)
	require.ErrorIs(t, err, des.ErrOverflow)
	_, err = small.Mul(-1)
	require.ErrorIs(t, err, des.ErrOverflow)
	_, err = des.Pennies(-1).Mul(math.MinInt64)
	require.ErrorIs(t, err, des.ErrOverflow)
	_, err = des.SumMoney(big, one)
	require.ErrorIs(t, err, des.ErrOverflow)
	s, err := des.SumMoney(big, des.Pennies(-1), one)
	require.NoError(t, err)
	require.Equal(t, big, s)
	d, err := big.Sub(big)
	require.NoError(t, err)
	require.True(t, d.IsZero())
	p, err := des.Pennies(-3).Mul(4)
	require.NoError(t, err)
	require.Equal(t, des.Pennies(-12), p)
	require.Equal(t, -1, p.Sign())
	require.Equal(t, 1, one.Cmp(p))
}

// Money's JSON does not follow shopspring/decimal's package global.
func TestMoneyJSONIgnoresDecimalGlobals(t *testing.T) {
	old := decimal.MarshalJSONWithoutQuotes
	t.Cleanup(func() { decimal.MarshalJSONWithoutQuotes = old })
	v := struct {
		A des.Money   `json:"a"`
		B []des.Money `json:"b"`
	}{des.Pennies(123450), []des.Money{des.Pennies(1), {}}}
	want := `{"a":"1234.50","b":["0.01","0.00"]}`
	for _, g := range []bool{false, true} {
		decimal.MarshalJSONWithoutQuotes = g
		b, err := json.Marshal(v)
		require.NoError(t, err)
		require.Equal(t, want, string(b))
	}
}

func ExampleMoney() {
	price := des.MustMoney("1234.5")
	fmt.Println(price)         // for people
	fmt.Println(price.Plain()) // as text
	b, _ := json.Marshal(price)
	fmt.Println(string(b)) // as JSON, whatever decimal's globals say
	total, err := price.Add(des.Pennies(99))
	fmt.Println(total, err)
	// Output:
	// £1,234.50
	// 1234.50
	// "1234.50"
	// £1,235.49 <nil>
}

func ExampleRoundMoney() {
	// A rate with more places than the penny: work in decimals, round once.
	perHead := decimal.RequireFromString("1.4395")
	m, err := des.RoundMoney(perHead.Mul(decimal.NewFromInt(10_001)))
	fmt.Println(m, err)
	// Output: £14,396.44 <nil>
}

func ExampleMoney_Add() {
	_, err := des.Pennies(math.MaxInt64).Add(des.Pennies(1))
	fmt.Println(errors.Is(err, des.ErrOverflow))
	// Output: true
}

func ExampleMoney_UnmarshalJSON() {
	var v struct{ A, B des.Money }
	err := json.Unmarshal([]byte(`{"A": "1234.50", "B": 12.5}`), &v)
	fmt.Println(v.A, v.B, err)
	// Output: £1,234.50 £12.50 <nil>
}
