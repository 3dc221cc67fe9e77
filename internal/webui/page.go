package webui

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/chart"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/pcnfin/pcnfin/statement"
	"github.com/shopspring/decimal"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticRoot embed.FS

var staticFS = func() fs.FS { return staticRoot }()

var tmpl = template.Must(template.New("").Funcs(template.FuncMap{
	"gbp":   func(d decimal.Decimal) string { return des.Pounds(d) },
	"badge": badge,
	"chart": func(r arrs.Result) template.HTML { return template.HTML(chart.Months(r)) },
	"years": func(f *scenario.Forecast) template.HTML { return template.HTML(chart.YearsInline(*f)) },
	"why":   why,
}).ParseFS(templateFS, "templates/*.html"))

// form is what the page's form holds.
type form struct {
	Scenario    string
	Years       string
	SourcedOnly bool
	Role        string
	WTE         string
	Start       string
}

// pageData is what the page shows.
type pageData struct {
	Form     form
	AllYears []des.Year
	Roles    []string
	Errors   []apiError
	Forecast *scenario.Forecast
	Afford   []arrs.Affordability
	AffErr   *apiError
	Name     string
	// Statements are the practices' statements, year by year (in the
	// order of Forecast.Years).
	Statements []statementView
}

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
	f := form{Scenario: string(s.cfg.Example)}
	d := pageData{Form: f, AllYears: rates.Years(), Roles: rates.Roles()}
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			http.Error(w, "the form is too large or malformed", http.StatusRequestEntityTooLarge)
			return
		}
		d.Form = form{Scenario: r.PostFormValue("scenario"), Years: r.PostFormValue("years"),
			SourcedOnly: r.PostFormValue("sourced_only") != "", Role: r.PostFormValue("role"),
			WTE: r.PostFormValue("wte"), Start: r.PostFormValue("start")}
	}
	d.run() // a first visit shows the example's results for the current year
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "page.html", d); err != nil {
		http.Error(w, "could not render the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	if len(d.Errors) > 0 {
		w.WriteHeader(http.StatusBadRequest)
	}
	_, _ = buf.WriteTo(w)
}

// run works the form out; on any error the page shows the errors and no
// results (never a half result).
func (d *pageData) run() {
	wb, err := scenario.Read("scenario", []byte(d.Form.Scenario), scenario.Options{SourcedOnly: d.Form.SourcedOnly})
	if err != nil {
		d.Errors = flatten(err)
		return
	}
	d.Name = wb.Scenario().Name
	ys, err := years(d.Form.Years, wb)
	if err != nil {
		d.Errors = flatten(err)
		return
	}
	f, err := wb.Forecast(ys...)
	if err != nil {
		d.Errors = flatten(err)
		return
	}
	sts, err := statement.Of(wb, ys...)
	if err != nil {
		d.Errors = flatten(err)
		return
	}
	for _, st := range sts {
		d.Statements = append(d.Statements, viewOf(st))
	}
	d.Forecast = &f
	if d.Form.Role != "" {
		if d.Afford, err = afford(wb, ys, d.Form.Role, d.Form.WTE, d.Form.Start, "", ""); err != nil {
			e := toAPIError(err)
			d.AffErr = &e
		}
	}
}

func flatten(err error) []apiError {
	e := toAPIError(err)
	if len(e.Errors) > 0 {
		return e.Errors
	}
	return []apiError{e}
}

// download returns the form's results as JSON, CSV or Markdown, or the
// scenario as TOML once it has loaded.
func (s *server) download(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form is too large or malformed", http.StatusRequestEntityTooLarge)
		return
	}
	text := r.PostFormValue("scenario")
	opt := scenario.Options{SourcedOnly: r.PostFormValue("sourced_only") != ""}
	wb, err := scenario.Read("scenario", []byte(text), opt)
	if err != nil {
		fail(w, err)
		return
	}
	format := r.PostFormValue("format")
	if format == "toml" {
		w.Header().Set("Content-Type", "application/toml; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="scenario.toml"`)
		_, _ = w.Write([]byte(text))
		return
	}
	ys, err := years(r.PostFormValue("years"), wb)
	if err != nil {
		fail(w, err)
		return
	}
	f, err := wb.Forecast(ys...)
	if err != nil {
		fail(w, err)
		return
	}
	switch format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="forecast.csv"`)
		fmt.Fprintln(w, "year,section,id,amount")
		for _, y := range f.Years {
			for _, a := range y.Entitlements.Payments {
				fmt.Fprintf(w, "%s,entitlement,%s,%s\n", y.Year, csvCell(a.ID), a.Total.StringFixed(2))
			}
			for _, st := range y.ARRS.Staff {
				fmt.Fprintf(w, "%s,claim,%s,%s\n", y.Year, csvCell(st.Name), st.Claim.StringFixed(2))
			}
			fmt.Fprintf(w, "%s,arrs,sum,%s\n%s,arrs,claims,%s\n%s,arrs,headroom,%s\n", y.Year, y.ARRS.Sum.StringFixed(2),
				y.Year, y.ARRS.Claims.StringFixed(2), y.Year, y.ARRS.Headroom.StringFixed(2))
		}
	case "markdown":
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="forecast.md"`)
		for _, y := range f.Years {
			fmt.Fprintf(w, "## %s, %s\n\n| payment | amount |\n|---|---:|\n", mdCell(f.Scenario), y.Year)
			for _, a := range y.Entitlements.Payments {
				fmt.Fprintf(w, "| %s | %s |\n", mdCell(a.ID), des.Pounds(a.Total))
			}
			fmt.Fprintf(w, "\n| staff | role | claim |\n|---|---|---:|\n")
			for _, st := range y.ARRS.Staff {
				fmt.Fprintf(w, "| %s | %s | %s |\n", mdCell(st.Name), mdCell(st.Role), des.Pounds(st.Claim))
			}
			fmt.Fprintf(w, "\nARRS sum %s; claims %s; headroom %s\n\n", des.Pounds(y.ARRS.Sum), des.Pounds(y.ARRS.Claims),
				des.Pounds(y.ARRS.Headroom))
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
		Text, Conf, URL, Doc string
	}
	type row struct {
		ID    string
		Cells []cell
	}
	sets := rates.All()
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
						c.Conf, c.URL, c.Doc = string(last.Source.Confidence), last.Source.URL, last.Source.Document
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
					c = cell{Text: des.Pounds(last.National), Conf: string(last.Source.Confidence), URL: last.Source.URL,
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
