package derive

import (
	"github.com/pcnfin/pcnfin/des"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A decimal written to JSON by the evidence reads back with the same
// coefficient and exponent: "2.50" stays 250 × 10⁻², not 25 × 10⁻¹.
func TestExactDecimalKeepsItsExponent(t *testing.T) {
	for _, d := range []decimal.Decimal{decimal.RequireFromString("2.50"), decimal.RequireFromString("130.253"),
		decimal.RequireFromString("-0.0100"), decimal.New(7, 3), decimal.New(0, -2), decimal.NewFromInt(59000)} {
		b, err := exactDecimal(d).MarshalText()
		require.NoError(t, err)
		var back exactDecimal
		require.NoError(t, back.UnmarshalText(b))
		got := decimal.Decimal(back)
		require.True(t, got.Equal(d), "%s → %s", d, b)
		require.Equal(t, d.Exponent(), got.Exponent(), "%s → %s", d, b)
		require.Equal(t, d.Coefficient().String(), got.Coefficient().String(), "%s → %s", d, b)
	}
}

// Evidence written as text reads back the same, whatever its texts hold.
func TestEvidenceTextRoundTrip(t *testing.T) {
	src := func(doc, url string) des.Source { return des.Source{Document: doc, URL: url} }
	e := Evidence{year: 2025, dates: []des.Date{des.MustDate(2025, 4, 1), des.MustDate(2025, 10, 1)}, anchors: []anchor{
		{role: "paramedic", band: "7 8a", year: 2025, from: des.MustDate(2025, 4, 1), until: des.MustDate(2025, 9, 30),
			known: des.MustDate(2025, 3, 27), amt: [nZones]decimal.Decimal{decimal.RequireFromString("59000.00"), {},
				decimal.RequireFromString("66000")},
			src: [nZones]des.Source{src(`A "quoted" £ doc\twith a tab \\ and a newline`+"\n", "https://x/?a=1&b=2"),
				src(`A "quoted" £ doc\twith a tab \\ and a newline`+"\n", "https://x/?a=1&b=2"),
				src("inner London's own", "https://y")}},
		{role: "dietitian", band: "end", year: 2025, from: des.MustDate(2025, 10, 1), until: des.MustDate(2026, 3, 31),
			known: des.MustDate(2025, 10, 1), amt: [nZones]decimal.Decimal{decimal.New(7, 3)},
			src: [nZones]des.Source{src("", ""), src("outer", ""), src("", "")}},
	}}
	text, err := e.MarshalText()
	require.NoError(t, err)
	var back Evidence
	require.NoError(t, back.UnmarshalText(text))
	again, err := back.MarshalText()
	require.NoError(t, err)
	require.Equal(t, string(text), string(again))
	require.Equal(t, e.year, back.year)
	require.Equal(t, e.dates, back.dates)
	require.Len(t, back.anchors, len(e.anchors))
	for i, a := range e.anchors {
		b := back.anchors[i]
		require.Equal(t, a.src, b.src)
		require.Equal(t, []any{a.role, a.band, a.year, a.from, a.until, a.known}, []any{b.role, b.band, b.year, b.from,
			b.until, b.known})
		for z := range nZones {
			require.True(t, a.amt[z].Equal(b.amt[z]) && a.amt[z].Exponent() == b.amt[z].Exponent(), "%s", a.amt[z])
		}
	}
	for _, bad := range []string{"", "evidence 2025/26\n", "evidence 2025/26\ndates 2025-04-01\nend\nmore\n",
		"evidence 2025/26\ndates x\nend\n", "evidence 2025/26\ndates\nsource \"a\" \"b\"\nend\n",
		"evidence 2025/26\ndates\nanchor r \"b\" 2025-04-01 2026-03-31 2025-04-01 1 - -\nsource \"a\nend\n"} {
		require.Error(t, new(Evidence).UnmarshalText([]byte(bad)), "%q", bad)
	}
}
