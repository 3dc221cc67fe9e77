package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/internal/workbook/wbtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

type statementJSON []struct {
	Year      string
	PCN       practiceJSON
	Practices []practiceJSON
	CashFlow  []struct {
		Month                             string
		Claims, Retained, Net, Cumulative decimal.Decimal
		StaffCost                         decimal.Decimal `json:"staff_cost"`
	} `json:"cash_flow"`
}

type practiceJSON struct {
	Name  string
	Lines []struct {
		Kind, ID string
		Months   []decimal.Decimal
		Total    decimal.Decimal
	}
	Net      []decimal.Decimal
	NetTotal decimal.Decimal `json:"net_total"`
}

func penny(t *testing.T, want, got decimal.Decimal, what string) {
	t.Helper()
	require.True(t, want.Equal(got), "%s: workbook %s, JSON %s", what, got, want)
}

// The statements workbook holds the JSON's figures to the penny: each
// line's months and year, each practice's net, the PCN as the sum of the
// practices, the cash flow; every total a SUM of its parts.
func TestWorkbookEqualsJSON(t *testing.T) {
	c := cli.Common{Years: []des.Year{2024, 2025}}
	var js, xl bytes.Buffer
	c.Format = "json"
	require.NoError(t, run(&js, &c, ""))
	c.Format = "xlsx"
	require.NoError(t, run(&xl, &c, ""))
	var sts statementJSON
	require.NoError(t, json.Unmarshal(js.Bytes(), &sts))
	require.Len(t, sts, 2)

	b := wbtest.Open(t, xl.Bytes())
	require.Equal(t, []string{"Summary", "Statements", "Cash flow", "Sources"}, b.F.GetSheetList())
	require.Greater(t, b.CheckSums(), 2*4*14, "SUM formulas")
	sum, stm, cash := b.Table("Summary"), b.Table("Statements"), b.Table("Cash flow")
	for _, st := range sts {
		for _, p := range append(st.Practices, st.PCN) {
			for _, l := range p.Lines {
				if l.Total.IsZero() {
					continue
				}
				r := stm.Find("year", st.Year, "practice", p.Name, "line", l.ID, "kind", l.Kind)
				penny(t, l.Total, stm.Money(r, "year total"), st.Year+" "+p.Name+" "+l.ID)
				penny(t, l.Months[0], stm.Money(r, "Apr"), st.Year+" "+p.Name+" "+l.ID+" April")
				penny(t, l.Months[11], stm.Money(r, "Mar"), st.Year+" "+p.Name+" "+l.ID+" March")
			}
			r := stm.Find("year", st.Year, "practice", p.Name, "line", "net")
			penny(t, p.NetTotal, stm.Money(r, "year total"), st.Year+" "+p.Name+" net")
			penny(t, p.Net[5], stm.Money(r, "Sep"), st.Year+" "+p.Name+" net in September")
		}
		for _, p := range st.Practices {
			penny(t, p.NetTotal, sum.Money(sum.Find("year", st.Year, "practice", p.Name), "net"), "summary "+p.Name)
		}
		r := sum.Find("year", st.Year, "practice", st.PCN.Name+" (total)")
		penny(t, st.PCN.NetTotal, sum.Money(r, "net"), "summary PCN")
		f, err := b.F.GetCellFormula("Summary", sum.Cell(r, "net"))
		require.NoError(t, err)
		require.Equal(t, "SUM("+sum.Cell(r-len(st.Practices), "net")+":"+sum.Cell(r-1, "net")+")", f,
			"the PCN is the sum of its practices")

		for _, m := range st.CashFlow {
			r := cash.Find("year", st.Year, "month", wbtest.Serial(t, m.Month))
			penny(t, m.Net, cash.Money(r, "net"), m.Month+" net")
			penny(t, m.Cumulative, cash.Money(r, "cumulative"), m.Month+" cumulative")
			penny(t, m.StaffCost, cash.Money(r, "staff cost"), m.Month+" staff cost")
		}
		penny(t, st.PCN.NetTotal, cash.Money(cash.Find("year", st.Year, "month", "total"), "net"), "cash flow net")
	}
}

// With -practice the workbook has that practice, and the whole PCN as a
// line of its own, not a total of the one practice.
func TestWorkbookOnePractice(t *testing.T) {
	var xl bytes.Buffer
	require.NoError(t, run(&xl, &cli.Common{Format: "xlsx", Years: []des.Year{2025}}, "Mill Lane Practice"))
	b := wbtest.Open(t, xl.Bytes())
	b.CheckSums()
	sum := b.Table("Summary")
	require.Len(t, sum.Rows[0:2], 2)
	require.Equal(t, "Mill Lane Practice", sum.Get(0, "practice"))
	require.Contains(t, sum.Get(1, "practice"), "the whole PCN")
	f, err := b.F.GetCellFormula("Summary", sum.Cell(1, "net"))
	require.NoError(t, err)
	require.Empty(t, f, "the whole PCN is not a SUM of one practice")
}
