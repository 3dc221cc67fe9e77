package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/reconcile"
)

// Reconciliation is what the reconcile program prints (and the page
// downloads): due against paid, the cash flow and the year end, and its JSON.
type Reconciliation struct {
	Reconciliation reconcile.Result  `json:"reconciliation"`
	Cash           reconcile.Cash    `json:"cash"`
	YearEnd        reconcile.YearEnd `json:"year_end"`
	// Embedded tags the title as the embedded example; All lists every
	// line, not only those with a difference.
	Embedded bool `json:"-"`
	All      bool `json:"-"`
}

// Render is the reconciliation in every format the programs have.
func (r Reconciliation) Render() render.Report {
	return render.Report{Tables: r.tables, CSV: r.CSV, JSON: r}
}

// CSV is one row per line due or paid: due, paid and difference columns.
func (r Reconciliation) CSV() ([]string, [][]string) {
	res := r.Reconciliation
	var rows [][]string
	for _, l := range res.Rows {
		rows = append(rows, []string{res.Year, l.Month.String(), l.Payment, l.Who, render.Plain(l.Due),
			render.Plain(l.Paid), render.Plain(l.Difference), string(l.Status), l.Expected.String(),
			paidIn(l), l.Note, l.Explain})
	}
	return []string{"year", "month", "payment", "who", "due", "paid", "difference", "status", "expected",
		"paid_in", "note", "explain"}, rows
}

// paidIn is where a line's money came from: "2025-10 £203.17 arrears (line 61)".
func paidIn(l reconcile.Row) string {
	var s []string
	for _, x := range l.Receipts {
		t := fmt.Sprintf("%s %s", x.Paid, render.Plain(x.Amount))
		if x.Kind != reconcile.Regular {
			t += " " + string(x.Kind)
		}
		s = append(s, t+" (line "+strconv.Itoa(x.Line)+")")
	}
	return strings.Join(s, "; ")
}

func (r Reconciliation) tables() []*render.Table {
	res, cash, ye := r.Reconciliation, r.Cash, r.YearEnd
	tag := ""
	if r.Embedded {
		tag = " [embedded example scenario and paid file]"
	}
	var ts []*render.Table
	sum := &render.Table{Title: fmt.Sprintf("%s: due against paid, %s (paid file %s, as of %s; tolerance %dp)%s",
		res.PCN, res.Year, res.File, res.AsOf, res.Tolerance, tag),
		Header: []string{"payment", "due", "paid", "difference"}, Right: []bool{false, true, true, true}}
	for _, t := range res.Totals {
		sum.Add(t.Payment, render.GBP(t.Due), render.GBP(t.Paid), render.GBP(t.Difference))
	}
	sum.Add("total", render.GBP(res.Total.Due), render.GBP(res.Total.Paid), render.GBP(res.Total.Difference))
	sum.Notes = []string{"difference = paid − due: negative is owed to the PCN. A payment counts towards the month " +
		"it pays for (the paid file's for column, else its usual timing below)."}
	ts = append(ts, sum)

	title := "lines with a difference, arrears or still to come"
	if r.All {
		title = "every line"
	}
	lines := &render.Table{Title: fmt.Sprintf("%s, %s: %s", res.PCN, res.Year, title),
		Header: []string{"month", "payment", "who", "due", "paid", "difference", "status", "what it means"},
		Right:  []bool{false, false, false, true, true, true, false, false}}
	for _, l := range res.Rows {
		if r.All || l.Status != reconcile.OK {
			lines.Add(l.Month.String(), l.Payment, l.Who, render.GBP(l.Due), render.GBP(l.Paid),
				render.GBP(l.Difference), string(l.Status), l.Note)
		}
	}
	if len(lines.Rows) == 0 {
		lines.Notes = []string{"every line paid right"}
	}
	lines.Notes = append(lines.Notes, "The explanation of each due figure is in the CSV and JSON (explain).")
	ts = append(ts, lines)

	ct := &render.Table{Title: fmt.Sprintf("%s, %s: cash by month (the usual timing; salary paid in the month "+
		"worked; opening balance %s)", res.PCN, res.Year, render.GBP(cash.Opening)),
		Header: []string{"month", "in (usual timing)", "of which ARRS", "staff cost", "retained", "net", "balance",
			"received (paid file)", "actual balance", "ARRS account"},
		Right: []bool{false, true, true, true, true, true, true, true, true, true}}
	for _, m := range cash.Months {
		ct.Add(m.Month.String(), render.GBP(m.In), render.GBP(m.ARRSIn), render.GBP(m.StaffCost),
			render.GBP(m.Retained), render.GBP(m.Net), render.GBP(m.Balance), render.GBP(m.Received),
			render.GBP(m.ActualBalance), render.GBP(m.ARRSBalance))
	}
	ct.Notes = []string{fmt.Sprintf("Low point (usual timing, ARRS %d months after the cost): %s in %s; as paid: "+
		"%s in %s. The ARRS account (claims in, salaries out: what the payee waits for) is lowest at %s in %s.",
		cash.Low.ARRSLag, render.GBP(cash.Low.Balance), cash.Low.Month, render.GBP(cash.ActualLow.Balance),
		cash.ActualLow.Month, render.GBP(cash.Low.ARRSBalance), cash.Low.ARRSMonth)}
	ts = append(ts, ct)

	lt := &render.Table{Title: "the cash low point against the ARRS reimbursement lag",
		Header: []string{"ARRS paid after the cost", "low point", "month", "ARRS account low point", "month"},
		Right:  []bool{false, true, false, true, false}}
	for _, l := range cash.Lags {
		lt.Add(fmt.Sprintf("%d month(s)", l.ARRSLag), render.GBP(l.Balance), l.Month.String(),
			render.GBP(l.ARRSBalance), l.ARRSMonth.String())
	}
	ts = append(ts, lt)

	yt := &render.Table{Title: fmt.Sprintf("%s, %s: the year end (as of %s)", res.PCN, res.Year, res.AsOf),
		Header: []string{"what", "payment", "who", "amount"}, Right: []bool{false, false, false, true}}
	for _, o := range ye.ClaimsOutstanding {
		yt.Add("ARRS claim outstanding", o.Payment, o.Who, render.GBP(o.Amount))
	}
	yt.Add("ARRS claims outstanding", "", "", render.GBP(ye.ClaimsOutstandingTotal))
	yt.Add("ARRS left unclaimed", "arrs", "", render.GBP(ye.Unclaimed))
	for _, o := range ye.ArrearsStillDue {
		yt.Add("still due", o.Payment, o.Who, render.GBP(o.Amount))
	}
	yt.Add("still due (arrears)", "", "", render.GBP(ye.ArrearsStillDueTotal))
	for _, o := range ye.Overpaid {
		yt.Add("paid over (may be recovered)", o.Payment, o.Who, render.GBP(o.Amount))
	}
	yt.Add("paid over", "", "", render.GBP(ye.OverpaidTotal))
	yt.Notes = []string{"ARRS left unclaimed: " + ye.UnclaimedNote}
	ts = append(ts, yt)

	if len(ye.Practices) > 0 {
		pt := &render.Table{Title: "the year end by practice (each line shared as the scenario's [sharing] shares it)",
			Header: []string{"practice", "ARRS claims outstanding", "still due", "paid over"},
			Right:  []bool{false, true, true, true}}
		for _, p := range ye.Practices {
			pt.Add(p.Practice, render.GBP(p.ClaimsOutstand), render.GBP(p.ArrearsStillDue), render.GBP(p.Overpaid))
		}
		ts = append(ts, pt)
	}

	tt := &render.Table{Title: "when each payment usually arrives (the rules used; confidence and source)",
		Header: []string{"payment", "months after", "confidence", "when, and the source"},
		Right:  []bool{false, true, false, false}}
	for _, rule := range res.Timing {
		tt.Add(rule.Payment, strconv.Itoa(rule.Lag), string(rule.Confidence), rule.Text+". Source: "+rule.Source)
	}
	ts = append(ts, tt)
	return ts
}
