package webui

// The ICB view (issue 23): a PCN list and a staff file, uploaded or pasted,
// worked out for one year as `national -csv pcns.csv -staff staff.csv`
// does it: ICB and England totals of ARRS sums, claims and money left
// unclaimed, and the PCNs ranked by what they leave unclaimed, with the
// program's CSV, JSON and workbook as downloads posted from the form.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
)

// MaxICBBody bounds the ICB view's form (8 MiB: the two files together, a
// staff file of about 40,000 people; an ICB's is a few hundred KiB). Every
// other request keeps MaxBody.
const MaxICBBody = 8 << 20

// ICBSample is the synthetic PCN list and roster the ICB view offers
// (examples/national/sample): made-up PCNs and people, labelled so.
type ICBSample struct {
	List, Staff []byte
}

// icbForm is the ICB view's fields.
type icbForm struct {
	List, Staff         string
	ListFile, StaffFile string // uploaded files' names
	Year                string
	Sample              bool // the synthetic sample
}

// icbPage is what the ICB view shows.
type icbPage struct {
	Form      icbForm
	AllYears  []des.Year
	HasSample bool
	// Problems are every problem, for the summary; ListErrs and StaffErrs
	// go beside their files, YearErr beside the year.
	Problems            []problem
	ListErrs, StaffErrs []problem
	YearErr             string
	Report              *national.Report
	Year                *national.Year
	Note                string
	badDownload         bool
}

func (s *server) icbHasSample() bool {
	return len(s.cfg.ICBSample.List) > 0 && len(s.cfg.ICBSample.Staff) > 0
}

// icb is the ICB view's page: GET shows the form (?sample=synthetic works
// the synthetic sample out, a plain link), POST works the form out.
func (s *server) icb(w http.ResponseWriter, r *http.Request) {
	d := &icbPage{AllYears: rates.Years(), HasSample: s.icbHasSample()}
	d.Form.Year = rates.CurrentYear(rates.Today()).String()
	if r.Method == http.MethodGet {
		if r.URL.Query().Get("sample") == "synthetic" && d.HasSample {
			d.Form.Sample = true
			if y := r.URL.Query().Get("year"); y != "" {
				d.Form.Year = y
			}
			d.run(s, nil)
		}
		d.write(w)
		return
	}
	f, err := readICBForm(w, r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		return
	}
	d.Form = f
	d.run(s, nil)
	d.write(w)
}

// icbDownload sends the ICB view as CSV, JSON or the workbook; with a
// problem, the page with its messages (status 400).
func (s *server) icbDownload(w http.ResponseWriter, r *http.Request) {
	d := &icbPage{AllYears: rates.Years(), HasSample: s.icbHasSample()}
	f, err := readICBForm(w, r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		return
	}
	d.Form = f
	format := r.PostFormValue("format")
	var ct, name string
	switch format {
	case "csv":
		ct, name = "text/csv; charset=utf-8", "icb.csv"
	case "json":
		ct, name = "application/json; charset=utf-8", "icb.json"
	case "xlsx":
		ct, name = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "icb.xlsx"
	default:
		d.problem("", "Download", fmt.Sprintf("the format %q is not one of csv, json, xlsx", format), 0)
		d.badDownload = true
		d.write(w)
		return
	}
	var buf bytes.Buffer
	d.run(s, func(in icbInput) []icbProblem { return writeICB(&buf, in, format) })
	if len(d.Problems) > 0 {
		d.badDownload = true
		d.write(w)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = buf.WriteTo(w)
}

// readICBForm reads the form (multipart or URL-encoded, at most
// MaxICBBody); an uploaded file takes the place of its pasted text.
func readICBForm(w http.ResponseWriter, r *http.Request) (icbForm, error) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxICBBody)
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		err = r.ParseMultipartForm(MaxICBBody)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		return icbForm{}, fmt.Errorf("the form is too large (the two files may be %d MiB together) or malformed", MaxICBBody>>20)
	}
	f := icbForm{List: crlf(r.PostFormValue("pcn_list")), Staff: crlf(r.PostFormValue("staff")),
		Year: strings.TrimSpace(r.PostFormValue("year")), Sample: r.PostFormValue("sample") == "synthetic"}
	upload := func(field string, text, name *string) {
		if r.MultipartForm == nil {
			return
		}
		if fhs := r.MultipartForm.File[field]; len(fhs) > 0 && fhs[0].Size > 0 {
			if fh, err := fhs[0].Open(); err == nil {
				b, err := io.ReadAll(io.LimitReader(fh, MaxICBBody))
				_ = fh.Close()
				if err == nil {
					*text, *name = crlf(string(b)), fhs[0].Filename
				}
			}
		}
	}
	upload("pcn_list_file", &f.List, &f.ListFile)
	upload("staff_file", &f.Staff, &f.StaffFile)
	return f, nil
}

func crlf(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

var icbLabels = map[string]string{"list": "PCN list", "staff": "Staff file", "year": "Year", "": "ICB view"}

// problem adds a problem beside field ("list", "staff", "year").
func (d *icbPage) problem(field, where, msg string, line int) {
	p := problem{ID: "icb-err-" + strconv.Itoa(len(d.Problems)+1), Target: icbTarget(field), Where: where,
		Label: icbLabels[field], Msg: msg, Line: line}
	d.Problems = append(d.Problems, p)
	switch field {
	case "list":
		d.ListErrs = append(d.ListErrs, p)
	case "staff":
		d.StaffErrs = append(d.StaffErrs, p)
	case "year":
		d.YearErr = msg
	}
}

func icbTarget(field string) string {
	switch field {
	case "list":
		return "pcn_list"
	case "staff":
		return "staff"
	case "year":
		return "year"
	}
	return "icb-form"
}

// run works the form out (work, if given, writes a download instead of
// the page's figures).
func (d *icbPage) run(s *server, work func(icbInput) []icbProblem) {
	in := icbInput{ListName: "the PCN list", StaffName: "the staff file"}
	// The sample, by its link or by the form that it filled (a hidden
	// field says so): unless a file was uploaded or a box changed, when
	// what is in the boxes is worked out, as the user's.
	ex := s.cfg.ICBSample
	same := func(box string, b []byte) bool { return box == "" || box == string(b) }
	if d.Form.Sample && d.HasSample && d.Form.ListFile == "" && d.Form.StaffFile == "" &&
		same(d.Form.List, ex.List) && same(d.Form.Staff, ex.Staff) {
		in.List, in.Staff, in.Synthetic = ex.List, ex.Staff, true
		in.ListName, in.StaffName = "(embedded sample.csv)", "(embedded staff-sample.csv)"
		// The sample fills the boxes, so that it can be changed and run
		// again, or downloaded.
		d.Form.List, d.Form.Staff = string(in.List), string(in.Staff)
	} else {
		d.Form.Sample = false
		in.List, in.Staff = []byte(d.Form.List), []byte(d.Form.Staff)
		if d.Form.ListFile != "" {
			in.ListName = d.Form.ListFile
		}
		if d.Form.StaffFile != "" {
			in.StaffName = d.Form.StaffFile
		}
		if in.StaffName == in.ListName {
			in.StaffName += " (staff)"
		}
		if strings.TrimSpace(d.Form.List) == "" {
			d.problem("list", "PCN list", "upload or paste the PCN list (CSV: pcn_code, pcn_name, icb, registered, "+
				"weighted, adjusted, care_home_beds)", 0)
		}
		if strings.TrimSpace(d.Form.Staff) == "" {
			d.problem("staff", "Staff file", "upload or paste the staff file (CSV: pcn_code and the scenario's staff "+
				"keys: name, role, wte or hours or sessions, start, end, annual_cost or salary, …)", 0)
		}
	}
	y, err := des.ParseYear(d.Form.Year)
	if err != nil {
		d.problem("year", "Year", err.Error(), 0)
	}
	if len(d.Problems) > 0 {
		return
	}
	rs, a, err := icbRules(s.cfg.Example, y)
	if err != nil {
		d.problem("year", "Year", err.Error(), 0)
		return
	}
	in.RuleSet, in.Assumptions = rs, a
	var ps []icbProblem
	if work != nil {
		ps = work(in)
	} else {
		var rep *national.Report
		if rep, ps = runICB(in, nil, nil); ps == nil && len(rep.Years) == 1 {
			d.Report, d.Year, d.Note = rep, &rep.Years[0], unclaimedNote(y)
		}
	}
	for i, p := range ps {
		if i == maxStaffShown {
			d.problem(p.Which, icbLabels[p.Which], fmt.Sprintf("and %d more bad rows", len(ps)-i), 0)
			break
		}
		src := d.Form.List
		if p.Which == "staff" {
			src = string(in.Staff)
		} else if p.Which == "list" {
			src = string(in.List)
		}
		where, msg, line := locate(p.Which, p.Err, src)
		d.problem(p.Which, where, msg, line)
	}
}

// icbRules is the year's rule set, with the assumptions of the page's
// example scenario (the national program's: the embedded default
// scenario's [assumptions], its years not a default).
func icbRules(example []byte, y des.Year) (*des.RuleSet, scenario.Assumptions, error) {
	sc, err := scenario.Load("(the page's example scenario)", example)
	if err != nil {
		sc, err = scenario.Load("(no scenario)", []byte(`name = "ICB view"`))
		if err != nil {
			return nil, scenario.Assumptions{}, err
		}
	}
	sc.Years = nil
	wb, err := scenario.New(sc, scenario.Options{})
	if err != nil {
		return nil, scenario.Assumptions{}, err
	}
	rss, err := wb.RuleSets(y)
	if err != nil {
		return nil, scenario.Assumptions{}, err
	}
	return rss[0], sc.Assumptions, nil
}

func asFieldError(err error) (*des.FieldError, bool) {
	var fe *des.FieldError
	ok := errors.As(err, &fe)
	return fe, ok
}

// locate says where a file's problem is, in words: "Staff file, line 5,
// column 3 (wte)", the column counted from 1 in the file's header.
func locate(which string, err error, src string) (where, msg string, line int) {
	where = icbLabels[which]
	fe, ok := asFieldError(err)
	if !ok {
		return where, err.Error(), 0
	}
	msg = fe.Msg
	if fe.Line > 0 {
		where += fmt.Sprintf(", line %d", fe.Line)
	}
	if fe.Field != "" {
		if col := columnOf(src, fe.Field); col > 0 {
			where += fmt.Sprintf(", column %d (%s)", col, fe.Field)
		} else {
			where += " (" + fe.Field + ")"
		}
	}
	if msg == "" {
		msg = err.Error()
	}
	return where, msg, fe.Line
}

// columnOf is the column (from 1) named name in src's header row, 0 if
// none.
func columnOf(src, name string) int {
	cr := csv.NewReader(strings.NewReader(src))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return 0
	}
	for i, h := range head {
		h = strings.TrimPrefix(h, "\ufeff")
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i + 1
		}
	}
	return 0
}

func (d *icbPage) write(w http.ResponseWriter) {
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "icb.html", d); err != nil {
		http.Error(w, "could not render the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if len(d.Problems) > 0 {
		w.WriteHeader(http.StatusBadRequest)
	}
	_, _ = buf.WriteTo(w)
}
