package webui

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"html/template"
	"net/http"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/chart"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/internal/workbook"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/pcnfin/pcnfin/statement"
	"github.com/shopspring/decimal"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticRoot embed.FS

var tmpl = template.Must(template.New("").Funcs(template.FuncMap{
	"gbp":         gbp,
	"badge":       badge,
	"badgeLabel":  badgeLabel,
	"chart":       func(r arrs.Result) template.HTML { return template.HTML(chart.Months(r)) },
	"years":       yearsChart,
	"why":         why,
	"payName":     payName,
	"roleName":    roleName,
	"static":      staticURL,
	"statusWords": statusWords,
	"paymentName": paymentName,
	"fieldOf":     fieldOf,
	"pence":       money.PoundsPennies,
	"maxICB":      func() int { return MaxICBBody >> 20 },
}).ParseFS(templateFS, "templates/*.html"))

// gbp is an amount (a decimal or des.Money) as "£1,234.50".
func gbp(v any) (string, error) {
	switch v := v.(type) {
	case decimal.Decimal:
		return money.Pounds(v), nil
	case des.Money:
		return v.String(), nil
	}
	return "", fmt.Errorf("gbp of a %T", v)
}

// yearsChart is the forecast program's chart of the years, its caption
// naming the page's box rather than the program's flag.
func yearsChart(f *scenario.Forecast) template.HTML {
	svg := chart.YearsInline(*f)
	svg = strings.Replace(svg, "-sourced-only leaves them out", "the box Sourced figures only leaves them out", 1)
	return template.HTML(svg)
}

// form is what the page's form holds.
type form struct {
	Scenario    string
	Years       string
	SourcedOnly bool
	Role        string
	WTE         string
	Start       string
	// Last is the previous run's figures (lastRun as JSON), sent back by
	// the form so that the page can say what changed; nothing is kept on
	// the server.
	Last string
	// PaidForm is the "Did we get paid right?" section's fields.
	PaidForm paidForm
}

// readForm reads the page's form from a POST. A browser sends a
// textarea's lines ending CRLF; the scenario is kept with LF.
func readForm(r *http.Request) form {
	return form{Scenario: strings.ReplaceAll(r.PostFormValue("scenario"), "\r\n", "\n"),
		Years: r.PostFormValue("years"), SourcedOnly: r.PostFormValue("sourced_only") != "",
		Role: r.PostFormValue("role"), WTE: r.PostFormValue("wte"), Start: r.PostFormValue("start"),
		Last: r.PostFormValue("last"), PaidForm: readPaidForm(r)}
}

// pageData is what the page shows.
type pageData struct {
	Form     form
	AllYears []des.Year
	Roles    []roleOption
	// RolesJSON is Roles for the staff editor (its role column).
	RolesJSON string
	// Errors are the scenario's and the years' problems: with any, no
	// result is shown.
	Errors []problem
	// AffErrs are the afford panel's problems (the results stand).
	AffErrs []problem
	// PaidErrs are the paid file's and its section's problems (the
	// results above stand).
	PaidErrs []problem
	// Reconciled is the paid file set against what was due, when one was
	// given and read.
	Reconciled *reconciled
	// PaidExample is the example offered beside the paid file's field.
	PaidExample *PaidExample
	// badDownload is a download refused for a problem: the page is sent
	// with status 400.
	badDownload bool
	// FieldErr is the message shown beside each plain field (years, role,
	// wte, start) by its id.
	FieldErr map[string]string
	Forecast *scenario.Forecast
	Afford   []arrs.Affordability
	Name     string
	// Statements are the practices' statements, year by year (in the
	// order of Forecast.Years).
	Statements []statementView
	// Changes says what changed since the last run (nil on a first run).
	Changes []string
	// Unchanged is a run whose figures are those of the last run.
	Unchanged bool
	// Rounding notes, by staff name: an annual cost paid as months each
	// rounded to the penny.
	Rounding map[string]string
}

// Editors are the practice and staff tables, drawn from the scenario text.
func (d pageData) Editors() []editorTable { return d.editors() }

// Problems are all the page's problems, for the summary at its top.
func (d pageData) Problems() []problem {
	return append(append(append([]problem(nil), d.Errors...), d.AffErrs...), d.PaidErrs...)
}

type roleOption struct{ ID, Name string }

// statementView is a year's practice statements, summed by kind of line.
type statementView struct {
	Year  des.Year
	Rows  []statementRow
	Total statementRow
}

type statementRow struct {
	Practice                                  string
	Income, Own, Retained, Staff, Claims, Net decimal.Decimal
}

func viewOf(st statement.Statement) statementView {
	row := func(p statement.Practice) statementRow {
		r := statementRow{Practice: p.Name, Income: decimal.Zero, Own: decimal.Zero, Retained: decimal.Zero,
			Staff: decimal.Zero, Claims: decimal.Zero, Net: p.NetTotal}
		for _, l := range p.Lines {
			switch l.Kind {
			case statement.Income:
				r.Income = r.Income.Add(l.Total)
			case statement.OwnPay:
				r.Own = r.Own.Add(l.Total)
			case statement.Retained:
				r.Retained = r.Retained.Add(l.Total)
			case statement.Staff:
				r.Staff = r.Staff.Add(l.Total)
			case statement.Claims:
				r.Claims = r.Claims.Add(l.Total)
			}
		}
		return r
	}
	v := statementView{Year: st.Year, Total: row(st.PCN)}
	for _, p := range st.Practices {
		v.Rows = append(v.Rows, row(p))
	}
	return v
}

func (s *server) page(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
	d := newPage(form{Scenario: string(s.cfg.Example)})
	d.offer(s.cfg.PaidExample)
	if r.Method == http.MethodGet && r.URL.Query().Get("example") == "paid" && d.PaidExample != nil {
		// The reconcile example: its scenario, year and paid file, worked
		// out (a plain link, so it works without the script).
		ex := d.PaidExample
		d.Form = form{Scenario: string(ex.Scenario), Years: ex.Year, PaidForm: paidForm{Paid: string(ex.Paid), File: "example-paid.csv"}}
	}
	if r.Method == http.MethodPost {
		if err := parseRequestForm(r); err != nil {
			http.Error(w, "the form is too large or malformed", http.StatusRequestEntityTooLarge)
			return
		}
		d.Form = readForm(r)
	}
	d.run() // a first visit shows the example's results for the current year
	d.write(w)
}

func newPage(f form) *pageData {
	d := &pageData{Form: f, AllYears: rates.Years(), FieldErr: map[string]string{}}
	for _, id := range rates.Roles() {
		d.Roles = append(d.Roles, roleOption{id, roleName(id)})
	}
	type jr struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	var js []jr
	for _, o := range d.Roles {
		js = append(js, jr{o.ID, o.Name})
	}
	b, _ := json.Marshal(js)
	d.RolesJSON = string(b)
	return d
}

// write renders the page: 400 when the scenario or years are wrong.
func (d *pageData) write(w http.ResponseWriter) {
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "page.html", d); err != nil {
		http.Error(w, "could not render the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if len(d.Errors) > 0 || d.badDownload {
		w.WriteHeader(http.StatusBadRequest)
	}
	_, _ = buf.WriteTo(w)
}

// run works the form out; on any error the page shows the errors and no
// results (never a half result).
func (d *pageData) run() {
	wb, err := scenario.Read("scenario", []byte(d.Form.Scenario), scenario.Options{SourcedOnly: d.Form.SourcedOnly})
	if err != nil {
		d.fail(err)
		return
	}
	d.Name = wb.Scenario().Name
	ys, err := years(d.Form.Years, wb)
	if err != nil {
		d.fail(err)
		return
	}
	f, err := wb.Forecast(ys...)
	if err != nil {
		d.fail(err)
		return
	}
	sts, err := statement.Of(wb, ys...)
	if err != nil {
		d.fail(err)
		return
	}
	for _, st := range sts {
		d.Statements = append(d.Statements, viewOf(st))
	}
	d.Forecast = &f
	d.Rounding = roundingNotes(wb.Scenario(), f)
	d.compare()
	if d.Form.Role != "" {
		if d.Afford, err = afford(wb, ys, d.Form.Role, d.Form.WTE, d.Form.Start, "", ""); err != nil {
			for i, e := range fieldErrors(err) {
				p := problemOf(e, len(d.Errors)+i+1)
				d.AffErrs = append(d.AffErrs, p)
				d.FieldErr[p.Target] = p.Msg
			}
		}
	}
	if strings.TrimSpace(d.Form.PaidForm.Paid) != "" {
		var worked []des.Year
		for _, y := range f.Years {
			worked = append(worked, y.Year)
		}
		d.reconcile(wb, worked)
	}
}

// offer names the paid-file example the page offers, if the server has one.
func (d *pageData) offer(ex PaidExample) {
	if len(ex.Scenario) > 0 && len(ex.Paid) > 0 {
		d.PaidExample = &ex
	}
}

// fail records the problems of err (a scenario's, or the years').
func (d *pageData) fail(err error) {
	for i, e := range fieldErrors(err) {
		p := problemOf(e, i+1)
		d.Errors = append(d.Errors, p)
		if p.Target != "scenario" {
			d.FieldErr[p.Target] = p.Msg
		}
	}
}

// download returns the form's results as JSON, CSV, Markdown or an Excel
// workbook (internal/workbook, as the forecast program's -format xlsx), or the
// scenario as TOML once it has loaded.
func (s *server) download(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
	if err := parseRequestForm(r); err != nil {
		http.Error(w, "the form is too large or malformed", http.StatusRequestEntityTooLarge)
		return
	}
	// The form as it is now (a download button posts the page's own form,
	// edits and all): worked out as "Work it out" would, and on a problem
	// the page with its messages rather than a file.
	d := newPage(readForm(r))
	d.offer(s.cfg.PaidExample)
	d.run()
	if len(d.Errors) > 0 {
		d.write(w)
		return
	}
	f := d.Forecast
	format := r.PostFormValue("format")
	if format == "reconcile-csv" || format == "reconcile-json" {
		s.downloadReconciled(w, d, format)
		return
	}
	if format == "toml" {
		w.Header().Set("Content-Type", "application/toml; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="scenario.toml"`)
		_, _ = w.Write([]byte(d.Form.Scenario))
		return
	}
	switch format {
	case "xlsx":
		var buf bytes.Buffer
		if err := workbook.Forecast(*f, "").Write(&buf); err != nil {
			d.fail(err)
			d.write(w)
			return
		}
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", `attachment; filename="forecast.xlsx"`)
		_, _ = buf.WriteTo(w)
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="forecast.csv"`)
		fmt.Fprintln(w, "year,section,id,amount")
		for _, y := range f.Years {
			for _, a := range y.Entitlements.Payments {
				fmt.Fprintf(w, "%s,entitlement,%s,%s\n", y.Year, csvCell(a.ID), a.Total.Plain())
			}
			for _, st := range y.ARRS.Staff {
				fmt.Fprintf(w, "%s,claim,%s,%s\n", y.Year, csvCell(st.Name), st.Claim.Plain())
			}
			fmt.Fprintf(w, "%s,arrs,sum,%s\n%s,arrs,claims,%s\n%s,arrs,headroom,%s\n", y.Year, y.ARRS.Sum.Plain(),
				y.Year, y.ARRS.Claims.Plain(), y.Year, y.ARRS.Headroom.Plain())
		}
	case "markdown":
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="forecast.md"`)
		for _, y := range f.Years {
			fmt.Fprintf(w, "## %s, %s\n\n| payment | amount |\n|---|---:|\n", mdCell(f.Scenario), y.Year)
			for _, a := range y.Entitlements.Payments {
				fmt.Fprintf(w, "| %s | %s |\n", mdCell(a.ID), a.Total.String())
			}
			fmt.Fprintf(w, "\n| staff | role | claim |\n|---|---|---:|\n")
			for _, st := range y.ARRS.Staff {
				fmt.Fprintf(w, "| %s | %s | %s |\n", mdCell(st.Name), mdCell(st.Role), money.Pounds(st.Claim.Decimal()))
			}
			fmt.Fprintf(w, "\nARRS sum %s; claims %s; headroom %s\n\n", money.Pounds(y.ARRS.Sum.Decimal()), money.Pounds(y.ARRS.Claims.Decimal()),
				money.Pounds(y.ARRS.Headroom.Decimal()))
		}
	default:
		w.Header().Set("Content-Disposition", `attachment; filename="forecast.json"`)
		writeJSON(w, http.StatusOK, f)
	}
}

// csvCell quotes a cell, cleaned and neutralised as the programs' CSV is
// (render.CSVCell).
func csvCell(s string) string {
	s = render.CSVCell(s)
	if strings.ContainsAny(s, ",\"") {
		s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func mdCell(s string) string { return strings.ReplaceAll(render.Clean(s), "|", `\|`) }

func (s *server) coverage(w http.ResponseWriter, r *http.Request) {
	type cell struct {
		Text, URL, Doc string
		Conf           des.Confidence
	}
	type row struct {
		ID    string
		Cells []cell
	}
	sets, err := rates.All()
	if err != nil {
		fail(w, err)
		return
	}
	var ids []string
	seen := map[string]bool{}
	for _, rs := range sets {
		for _, p := range rs.Payments() {
			if !seen[p.ID] {
				seen[p.ID] = true
				ids = append(ids, p.ID)
			}
		}
	}
	var pays, roles []row
	for _, id := range ids {
		rw := row{ID: id}
		for _, rs := range sets {
			c := cell{Text: "–"}
			if p, ok := rs.Payment(id); ok {
				var parts []string
				for _, pt := range p.Parts {
					if v := pt.InForce(des.Date{}); len(v) > 0 {
						last := v[len(v)-1]
						parts = append(parts, "£"+last.Rate.String())
						c.Conf, c.URL, c.Doc = last.Source.Confidence, last.Source.URL, last.Source.Document
					}
				}
				c.Text = strings.Join(parts, " + ")
			}
			rw.Cells = append(rw.Cells, c)
		}
		pays = append(pays, rw)
	}
	for _, id := range rates.Roles() {
		rw := row{ID: id}
		for _, rs := range sets {
			c := cell{Text: "–"}
			if ro, ok := rs.ARRS().Role(id); ok {
				if ms := ro.MaximaInForce(des.Date{}); len(ms) > 0 {
					last := ms[len(ms)-1]
					c = cell{Text: money.Pounds(last.National), Conf: last.Source.Confidence, URL: last.Source.URL,
						Doc: last.Source.Document}
				} else {
					c.Text = "gap"
				}
			}
			rw.Cells = append(rw.Cells, c)
		}
		roles = append(roles, rw)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	data := map[string]any{"Years": rates.Years(), "Payments": pays, "Roles": roles}
	if err := tmpl.ExecuteTemplate(w, "coverage.html", data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// badge names a confidence for people: sourced, derived or carried.
func badge(c des.Confidence) string {
	switch {
	case c.Sourced():
		return "sourced"
	case c == des.Derived:
		return "derived"
	case c == des.Carried:
		return "carried"
	}
	return "projected"
}

// why is a person's reasons, joined.
func why(s arrs.StaffResult) string {
	var out []string
	for _, r := range s.Reasons {
		out = append(out, r.String())
	}
	return strings.Join(out, "; ")
}
