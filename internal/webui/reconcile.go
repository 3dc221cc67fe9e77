package webui

// The page's "Did we get paid right?" section (issue 21): a paid file
// (uploaded or pasted) set against what the form's scenario is due for one
// year, through the reconcile package as the reconcile program does it.

import (
	"errors"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/report"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/reconcile"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
)

// PaidExample is a scenario with a paid file that goes with it (the
// reconcile program's, examples/reconcile/example), offered by the page
// beside its paid-file field.
type PaidExample struct {
	Name     string // what the page calls it: "Brookside PCN, 2025/26"
	Scenario []byte
	Paid     []byte
	Year     string
}

// paidForm is the section's fields.
type paidForm struct {
	// Paid is the paid file's text: pasted, or the uploaded file's
	// (which then fills the box, so that its lines can be fixed in place).
	Paid    string
	File    string // the uploaded file's name, if one was sent
	Year    string
	Lag     string
	Tol     string
	AsOf    string
	Opening string
}

// readPaidForm reads the section's fields from a parsed form; an uploaded
// file (paid_file) takes the place of the pasted text.
func readPaidForm(r *http.Request) paidForm {
	p := paidForm{Paid: strings.ReplaceAll(r.PostFormValue("paid"), "\r\n", "\n"), Year: r.PostFormValue("paid_year"),
		Lag: r.PostFormValue("arrs_lag"), Tol: r.PostFormValue("tolerance"), AsOf: r.PostFormValue("as_of"),
		Opening: r.PostFormValue("opening")}
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File["paid_file"]; len(fhs) > 0 && fhs[0].Size > 0 {
			if f, err := fhs[0].Open(); err == nil {
				b, err := io.ReadAll(io.LimitReader(f, MaxBody))
				_ = f.Close()
				if err == nil {
					p.Paid = strings.ReplaceAll(string(b), "\r\n", "\n")
					p.File = fhs[0].Filename
				}
			}
		}
	}
	return p
}

// parseRequestForm parses a POSTed form, URL-encoded or multipart (the
// page's form is multipart, for its file field).
func parseRequestForm(r *http.Request) error {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		return r.ParseMultipartForm(MaxBody)
	}
	return r.ParseForm()
}

// reconciled is the section's answer: as the reconcile program's JSON.
type reconciled struct {
	Reconciliation reconcile.Result  `json:"reconciliation"`
	Cash           reconcile.Cash    `json:"cash"`
	YearEnd        reconcile.YearEnd `json:"year_end"`
}

// Differences are the lines not paid right (every status but ok).
func (r reconciled) Differences() []reconcile.Row {
	var out []reconcile.Row
	for _, l := range r.Reconciliation.Rows {
		if l.Status != reconcile.OK {
			out = append(out, l)
		}
	}
	return out
}

// statusWords says a line's status for people.
func statusWords(s reconcile.Status) string {
	switch s {
	case reconcile.OK:
		return "paid right"
	case reconcile.WithArrear:
		return "paid in full, with arrears"
	case reconcile.Under:
		return "underpaid"
	case reconcile.Over:
		return "overpaid"
	case reconcile.Double:
		return "paid twice"
	case reconcile.Missing:
		return "missing"
	case reconcile.NotYet:
		return "not yet due"
	case reconcile.NotDue:
		return "paid, nothing due"
	}
	return strings.ReplaceAll(string(s), "_", " ")
}

// paymentName names a reconciled payment: the year's payments by their
// names, and ARRS claims and the IIF.
func paymentName(id string) string {
	switch id {
	case reconcile.ARRS:
		return "ARRS claims"
	case reconcile.IIF:
		return "Investment and Impact Fund"
	}
	return payName(id)
}

// reconcile sets the paid file against what wb's year is due. ys are the
// years the page worked out: the paid file's year is the field's, else
// their only one. Its problems go beside its fields, and the results above
// stand.
func (d *pageData) reconcile(wb *scenario.Workbook, ys []des.Year) {
	pf := d.Form.PaidForm
	bad := func(field, msg string) {
		p := problem{ID: "err-" + strconv.Itoa(len(d.Errors)+len(d.AffErrs)+len(d.PaidErrs)+1), Target: field,
			Where: "Did we get paid right?, " + paidLabels[field], Label: paidLabels[field], Msg: msg}
		d.PaidErrs = append(d.PaidErrs, p)
		if field != "paid" {
			d.FieldErr[field] = msg
		}
	}
	var year des.Year
	if s := strings.TrimSpace(pf.Year); s != "" {
		y, err := des.ParseYear(s)
		if err != nil {
			bad("paid_year", err.Error())
		}
		year = y
	} else if len(ys) == 1 {
		year = ys[0]
	} else {
		var names []string
		for _, y := range ys {
			names = append(names, y.String())
		}
		bad("paid_year", "the paid file is checked one year at a time: give its year (one of "+
			strings.Join(names, ", ")+")")
	}
	lag, tol := reconcile.DefaultARRSLag, int64(0)
	if s := strings.TrimSpace(pf.Lag); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 12 {
			bad("arrs_lag", fmt.Sprintf("want a whole number of months from 0 to 12, not %q", s))
		}
		lag = n
	}
	if s := strings.TrimSpace(pf.Tol); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			bad("tolerance", fmt.Sprintf("want a whole number of pennies, 0 or more, not %q", s))
		}
		tol = n
	}
	var asOf reconcile.Month
	if s := strings.TrimSpace(pf.AsOf); s != "" {
		m, err := reconcile.ParseMonth(s)
		if err != nil {
			bad("as_of", err.Error()+" (write it as YYYY-MM)")
		}
		asOf = m
	}
	opening := decimal.Zero
	if s := strings.TrimSpace(pf.Opening); s != "" {
		n, err := parseNumber(s)
		if err != nil || n.Decimal().Exponent() < -2 {
			bad("opening", fmt.Sprintf("want pounds with at most two decimal places, like 25000 or -1200.50, not %q", s))
		} else {
			opening = n.Decimal()
		}
	}
	if len(d.PaidErrs) > 0 {
		return
	}
	yr, err := wb.Year(year)
	if err != nil {
		bad("paid_year", err.Error())
		return
	}
	due, err := reconcile.DueFrom(yr, wb.Scenario().Sharing)
	if err != nil {
		bad("paid_year", err.Error())
		return
	}
	name := "the paid file"
	if pf.File != "" {
		name = pf.File
	}
	t := reconcile.DefaultTiming(lag)
	paid, err := reconcile.ReadPaid(name, strings.NewReader(pf.Paid), due, t)
	if err != nil {
		d.paidFileErrors(err)
		return
	}
	res := reconcile.Reconcile(due, paid, reconcile.Options{Tolerance: tol, Timing: t, AsOf: asOf})
	d.Reconciled = &reconciled{Reconciliation: res, Cash: reconcile.CashFlow(due, &paid, t, opening),
		YearEnd: reconcile.YearEndOf(due, res)}
}

// paidLabels are the section's fields in words.
var paidLabels = map[string]string{"paid": "Paid file", "paid_year": "Year paid for", "arrs_lag": "ARRS paid after",
	"tolerance": "Tolerance", "as_of": "Paid file covers up to", "opening": "Bank balance on 1 April"}

// paidFileErrors lists the paid file's problems by line and column, in
// words, beside the paid file's box.
func (d *pageData) paidFileErrors(err error) {
	var list reconcile.Errors
	var one *reconcile.ParseError
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = reconcile.Errors{one}
	default:
		list = reconcile.Errors{{Msg: err.Error()}}
	}
	for _, e := range list {
		where := "Paid file"
		if e.Line > 0 {
			where += fmt.Sprintf(", line %d", e.Line)
			if e.Column > 0 {
				where += fmt.Sprintf(", column %d", e.Column)
			}
		}
		if e.Field != "" {
			where += " (" + e.Field + ")"
		}
		d.PaidErrs = append(d.PaidErrs, problem{ID: "err-" + strconv.Itoa(len(d.Errors)+len(d.AffErrs)+len(d.PaidErrs)+1),
			Target: "paid", Where: where, Label: "Paid file", Msg: e.Msg, Line: e.Line})
	}
}

// reconcileCSV is the reconciliation as the reconcile program's CSV: one
// row a line, with due, paid and difference columns (report.Reconciliation).
func reconcileCSV(w io.Writer, r reconciled) error {
	h, rows := report.Reconciliation{Reconciliation: r.Reconciliation, Cash: r.Cash, YearEnd: r.YearEnd}.CSV()
	return render.WriteCSV(w, h, rows)
}

// downloadReconciled sends the reconciliation as CSV or JSON; without a
// paid file, or with a problem in it, the page with its messages.
func (s *server) downloadReconciled(w http.ResponseWriter, d *pageData, format string) {
	if d.Reconciled == nil {
		if len(d.PaidErrs) == 0 {
			d.PaidErrs = append(d.PaidErrs, problem{ID: "err-1", Target: "paid", Where: "Paid file", Label: "Paid file",
				Msg: "paste or upload the paid file to download its reconciliation"})
		}
		d.badDownload = true
		d.write(w)
		return
	}
	if format == "reconcile-csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="reconciliation.csv"`)
		_ = reconcileCSV(w, *d.Reconciled)
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="reconciliation.json"`)
	writeJSON(w, http.StatusOK, d.Reconciled)
}

// plainField is a labelled text field of the page with its hint and its
// problem, if any.
type plainField struct{ ID, Label, Hint, Value, Err string }

func fieldOf(d *pageData, id, label, hint, value string) plainField {
	return plainField{ID: id, Label: label, Hint: hint, Value: value, Err: d.FieldErr[id]}
}
