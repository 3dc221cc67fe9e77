package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/workbook/wbtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

type claimsJSON struct {
	Year                        string
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
	Breaches []struct{ Staff string }
}

func penny(t *testing.T, want, got decimal.Decimal, what string, args ...any) {
	t.Helper()
	require.True(t, want.Equal(got), "%s: workbook %s, JSON %s", fmt.Sprintf(what, args...), got, want)
}

// The claims workbook holds the JSON's figures to the penny: each month,
// each person month by month and for the year, the pots; every total a SUM.
func TestWorkbookEqualsJSON(t *testing.T) {
	for _, y := range []des.Year{2019, 2024, 2025} {
		t.Run(y.String(), func(t *testing.T) {
			c := cli.Common{Years: []des.Year{y}}
			var js, xl bytes.Buffer
			c.Format = "json"
			require.NoError(t, run(&js, &c, false))
			c.Format = "xlsx"
			require.NoError(t, run(&xl, &c, false))
			var r claimsJSON
			require.NoError(t, json.Unmarshal(js.Bytes(), &r))

			b := wbtest.Open(t, xl.Bytes())
			require.Greater(t, b.CheckSums(), 12+3, "SUM formulas")
			months, people, pots := b.Table("ARRS by month"), b.Table("ARRS by person"), b.Table("ARRS sums")
			for _, m := range r.Months {
				i := months.Find("month", wbtest.Serial(t, m.Month))
				penny(t, m.Claim, months.Money(i, "claims"), "%s claims", m.Month)
				penny(t, m.Cost, months.Money(i, "cost"), "%s cost", m.Month)
				penny(t, m.Cumulative, months.Money(i, "cumulative"), "%s cumulative", m.Month)
				penny(t, r.Sum.Sub(m.Cumulative), months.Money(i, "sum left"), "%s sum left", m.Month)
			}
			i := months.Find("month", "total")
			penny(t, r.Claims, months.Money(i, "claims"), "claims total")
			penny(t, r.Cost, months.Money(i, "cost"), "cost total")
			heads := []string{"Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"}
			for _, s := range r.Staff {
				i := people.Find("staff", s.Name)
				penny(t, s.Claim, people.Money(i, "year claim"), "%s claim", s.Name)
				penny(t, s.Cost, people.Money(i, "employer cost"), "%s cost", s.Name)
				for m, h := range heads {
					penny(t, s.Months[m], people.Money(i, h+" claim"), "%s %s", s.Name, h)
				}
			}
			i = people.Find("staff", "total")
			penny(t, r.Claims, people.Money(i, "year claim"), "people total")
			penny(t, r.ClaimsOnDerived, people.Money(i, "of which on derived or carried maxima"), "on derived")
			for _, p := range r.Pots {
				i := pots.Find("payment", p.ID)
				penny(t, p.Sum, pots.Money(i, "sum"), "%s sum", p.ID)
				penny(t, p.Headroom, pots.Money(i, "headroom"), "%s headroom", p.ID)
			}
			penny(t, r.Headroom, pots.Money(pots.Find("pot", "total"), "headroom"), "headroom")
			if len(r.Breaches) > 0 {
				require.Contains(t, b.F.GetSheetList(), "Rules broken")
			}
			require.Contains(t, b.F.GetSheetList(), "Sources")
		})
	}
}

// Several years: one workbook, each year's block adding up to that year's
// JSON totals.
func TestWorkbookSeveralYears(t *testing.T) {
	c := cli.Common{Years: []des.Year{2024, 2025}}
	var js, xl bytes.Buffer
	c.Format = "json"
	require.NoError(t, run(&js, &c, false))
	c.Format = "xlsx"
	require.NoError(t, run(&xl, &c, false))
	var rs []claimsJSON
	require.NoError(t, json.Unmarshal(js.Bytes(), &rs))
	require.Len(t, rs, 2)
	b := wbtest.Open(t, xl.Bytes())
	require.Greater(t, b.CheckSums(), 2*(12+3))
	months, people, sum := b.Table("ARRS by month"), b.Table("ARRS by person"), b.Table("Summary")
	for _, r := range rs {
		penny(t, r.Claims, months.Money(months.Find("year", r.Year, "month", "total"), "claims"), "%s claims", r.Year)
		penny(t, r.Claims, people.Money(people.Find("year", r.Year, "staff", "total"), "year claim"), "%s people", r.Year)
		penny(t, r.Headroom, sum.Money(sum.Find("year", r.Year), "headroom"), "%s headroom", r.Year)
		for _, s := range r.Staff {
			penny(t, s.Claim, people.Money(people.Find("year", r.Year, "staff", s.Name), "year claim"), "%s %s", r.Year, s.Name)
		}
	}
}
