package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/workbook/wbtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// forecastJSON is what the test reads of -format json.
type forecastJSON struct {
	Years []struct {
		Year         string
		Projected    bool
		Entitlements []struct {
			ID     string
			Amount decimal.Decimal
		}
		EntitlementsTotal decimal.Decimal `json:"entitlements_total"`
		ARRS              struct {
			Sum, Claims, Headroom, Cost decimal.Decimal
			ClaimsOnDerived             decimal.Decimal `json:"claims_on_derived"`
			Pots                        []struct {
				ID                    string
				Sum, Claims, Headroom decimal.Decimal
			}
			Staff []struct {
				Name        string
				Claim, Cost decimal.Decimal
				Months      []decimal.Decimal
			}
			Months []struct {
				Month                   string
				Claim, Cost, Cumulative decimal.Decimal
			}
		}
	}
}

func requirePenny(t *testing.T, want, got decimal.Decimal, what string, args ...any) {
	t.Helper()
	require.True(t, want.Equal(got), "%s: workbook %s, JSON %s", fmt.Sprintf(what, args...), got, want)
}

// The workbook of every published year and a projected one holds the
// JSON's figures to the penny, its totals are SUMs of their parts, its
// months are dates and its projected and derived figures are shaded.
func TestWorkbookEqualsJSON(t *testing.T) {
	c := cli.Common{Scenario: "testdata/projection.toml", Years: years(2019, 2027)}
	var js, xl bytes.Buffer
	c.Format = "json"
	require.NoError(t, run(&js, &c, "", des.Date{}))
	c.Format = "xlsx"
	require.NoError(t, run(&xl, &c, "", des.Date{}))
	var f forecastJSON
	require.NoError(t, json.Unmarshal(js.Bytes(), &f))
	require.Len(t, f.Years, 9)

	b := wbtest.Open(t, xl.Bytes())
	require.Equal(t, []string{"Summary", "Entitlements", "ARRS sums", "ARRS by month", "ARRS by person", "Gaps", "Sources"},
		b.F.GetSheetList())
	require.Greater(t, b.CheckSums(), 9*5, "SUM formulas")

	sum, ent, pots, months, people := b.Table("Summary"), b.Table("Entitlements"), b.Table("ARRS sums"),
		b.Table("ARRS by month"), b.Table("ARRS by person")
	for _, y := range f.Years {
		i := sum.Find("year", y.Year)
		requirePenny(t, y.EntitlementsTotal, sum.Money(i, "entitlements"), "summary entitlements %s", y.Year)
		requirePenny(t, y.ARRS.Sum, sum.Money(i, "ARRS sum"), "summary ARRS sum %s", y.Year)
		requirePenny(t, y.ARRS.Claims, sum.Money(i, "ARRS claims"), "summary claims %s", y.Year)
		requirePenny(t, y.ARRS.Headroom, sum.Money(i, "headroom"), "summary headroom %s", y.Year)
		if y.Projected {
			require.Contains(t, sum.Get(i, "figures"), "projection", y.Year)
			require.True(t, b.Shaded("Summary", sum.Cell(i, "entitlements")), "projected %s shaded", y.Year)
		}

		first := -1
		for _, e := range y.Entitlements {
			r := ent.Find("year", y.Year, "payment", e.ID)
			if first < 0 {
				first = r
			}
			requirePenny(t, e.Amount, ent.Money(r, "amount"), "%s %s", y.Year, e.ID)
			if y.Projected {
				require.True(t, b.Shaded("Entitlements", ent.Cell(r, "amount")), "projected %s %s shaded", y.Year, e.ID)
			}
		}
		if len(y.Entitlements) > 0 {
			r := ent.Find("year", y.Year, "payment", "total")
			requirePenny(t, y.EntitlementsTotal, ent.Money(r, "amount"), "entitlements total %s", y.Year)
			formula, err := b.F.GetCellFormula("Entitlements", ent.Cell(r, "amount"))
			require.NoError(t, err)
			require.Equal(t, "SUM("+ent.Cell(first, "amount")+":"+ent.Cell(r-1, "amount")+")", formula,
				"%s total over exactly the year's payments", y.Year)
		}

		for _, p := range y.ARRS.Pots {
			r := pots.Find("year", y.Year, "payment", p.ID)
			requirePenny(t, p.Sum, pots.Money(r, "sum"), "%s %s sum", y.Year, p.ID)
			requirePenny(t, p.Headroom, pots.Money(r, "headroom"), "%s %s headroom", y.Year, p.ID)
		}
		r := pots.Find("year", y.Year, "pot", "total")
		requirePenny(t, y.ARRS.Headroom, pots.Money(r, "headroom"), "%s headroom total", y.Year)

		for _, m := range y.ARRS.Months {
			r := months.Find("year", y.Year, "month", wbtest.Serial(t, m.Month))
			requirePenny(t, m.Claim, months.Money(r, "claims"), "%s %s claims", y.Year, m.Month)
			requirePenny(t, m.Cumulative, months.Money(r, "cumulative"), "%s %s cumulative", y.Year, m.Month)
			require.Equal(t, "mmm yyyy", b.NumFmt("ARRS by month", months.Cell(r, "month")), "a month is a date")
		}
		r = months.Find("year", y.Year, "month", "total")
		requirePenny(t, y.ARRS.Claims, months.Money(r, "claims"), "%s claims total", y.Year)
		requirePenny(t, y.ARRS.Cost, months.Money(r, "cost"), "%s cost total", y.Year)

		for _, s := range y.ARRS.Staff {
			r := people.Find("year", y.Year, "staff", s.Name)
			requirePenny(t, s.Claim, people.Money(r, "year claim"), "%s %s claim", y.Year, s.Name)
			requirePenny(t, s.Cost, people.Money(r, "employer cost"), "%s %s cost", y.Year, s.Name)
			requirePenny(t, s.Months[6], people.Money(r, "Oct claim"), "%s %s October", y.Year, s.Name)
		}
		r = people.Find("year", y.Year, "staff", "total")
		requirePenny(t, y.ARRS.Claims, people.Money(r, "year claim"), "%s people total", y.Year)
		requirePenny(t, y.ARRS.ClaimsOnDerived, people.Money(r, "of which on derived or carried maxima"), "%s on derived", y.Year)
	}

	// The sources link to their documents, and derived figures are shaded.
	src := b.Table("Sources")
	links, shaded := 0, 0
	for i := range src.Rows {
		if ok, target, _ := b.F.GetCellHyperLink("Sources", src.Cell(i, "link")); ok {
			require.Equal(t, src.Get(i, "link"), target)
			links++
		}
		if conf := src.Get(i, "confidence"); conf == "derived" || conf == "carried" {
			require.True(t, b.Shaded("Sources", src.Cell(i, "figure")), "row %d: %s figure shaded", i, conf)
			shaded++
		}
	}
	require.Greater(t, links, 100, "links")
	require.Greater(t, shaded, 0, "derived or carried figures")
}

// LibreOffice opens the workbook and shows each year's entitlements and
// claims totals as the JSON gives them.
func TestWorkbookInLibreOffice(t *testing.T) {
	c := cli.Common{Years: years(2024, 2026)}
	var js, xl bytes.Buffer
	c.Format = "json"
	require.NoError(t, run(&js, &c, "", des.Date{}))
	c.Format = "xlsx"
	require.NoError(t, run(&xl, &c, "", des.Date{}))
	sheets := wbtest.LibreOffice(t, xl.Bytes())
	var f forecastJSON
	require.NoError(t, json.Unmarshal(js.Bytes(), &f))
	for _, y := range f.Years {
		require.Contains(t, sheets["Entitlements"], fmt.Sprintf("%s,total,,,%q", y.Year, money.Pounds(y.EntitlementsTotal)))
		require.Contains(t, sheets["ARRS by month"], fmt.Sprintf("%s,total,%q", y.Year, money.Pounds(y.ARRS.Claims)))
	}
}
