package webui_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/internal/webui"
	"github.com/stretchr/testify/require"
)

// paidExample is the reconcile program's example, as examples/web offers it.
func paidExample(t testing.TB) webui.PaidExample {
	sc, err := os.ReadFile("../../examples/reconcile/example/example.toml")
	require.NoError(t, err)
	paid, err := os.ReadFile("../../examples/reconcile/example/example-paid.csv")
	require.NoError(t, err)
	return webui.PaidExample{Name: "Brookside PCN, 2025/26", Scenario: sc, Paid: paid, Year: "2025/26"}
}

func reconcileServer(t testing.TB) *httptest.Server {
	ts := httptest.NewServer(webui.Handler(webui.Config{Example: example(t), PaidExample: paidExample(t)}))
	t.Cleanup(ts.Close)
	return ts
}

// postForm posts the page's form as the browser does (multipart), with
// files given by field name.
func postForm(t testing.TB, url string, fields map[string]string, files map[string]string) (int, string, http.Header) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		require.NoError(t, mw.WriteField(k, v))
	}
	for k, v := range files {
		fw, err := mw.CreateFormFile(k, "paid.csv")
		require.NoError(t, err)
		_, _ = io.WriteString(fw, v)
	}
	require.NoError(t, mw.Close())
	code, b, h := post(t, url, mw.FormDataContentType(), body.Bytes())
	return code, string(b), h
}

// text is a page's words, tags dropped and spaces squeezed.
func text(s string) string {
	s = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// The paid file, set against the form's scenario, as the reconcile program
// sets it (docs/reconcile.md's example output): the summary by payment, the
// lines with a difference with their status in words, the cash low point
// and the lag table, the year end.
func TestPageReconcile(t *testing.T) {
	ts := reconcileServer(t)
	ex := paidExample(t)
	check := func(page string) {
		got := text(page)
		for _, want := range []string{
			"Did we get paid right? Brookside PCN (example), 2025/26",
			"Network Participation Payment £60,402.36 £62,574.26 £2,171.90",
			"Enhanced access £277,248.36 £276,248.36 -£1,000.00",
			"ARRS claims £99,410.04 £82,841.70 -£16,568.34",
			"Total £688,376.76 £673,654.69 -£14,722.07",
			"2025-12 Network Participation Payment Orchard Practice £2,171.90 £4,343.80 £2,171.90 paid twice",
			"2025-06 Enhanced access £23,104.03 £22,104.03 -£1,000.00 underpaid",
			"2025-11 Care home premium £325.63 £0.00 -£325.63 missing nothing paid; it usually arrives 2025-11",
			"2025-09 Capacity and Access Support Payment (CASP) £8,795.27 £9,795.27 £1,000.00 overpaid",
			"2025-04 ARRS claims Pharmacist A £5,784.17 £5,784.17 £0.00 paid in full, with arrears",
			"2026-02 ARRS claims Care coordinator £2,500.00 £0.00 -£2,500.00 not yet due",
			// The low point against the lag: the program's table.
			"0 months £45,364.73 2025-04 -£2,589.96 2026-03",
			"1 month £37,080.56 2025-04 -£10,874.13 2026-03",
			"3 months £37,080.56 2025-04 -£27,442.47 2026-03",
			"ARRS sum left unclaimed",
		} {
			require.Contains(t, got, want)
		}
		require.NotContains(t, got, "There is a problem")
	}
	// Offered as an example: a plain link, worked out.
	resp, err := http.Get(ts.URL + "/?example=paid")
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	check(string(b))
	require.Contains(t, string(b), `href="/?example=paid#reconcile"`, "the example offered")

	// Uploaded, and pasted.
	fields := map[string]string{"scenario": string(ex.Scenario), "years": "2025/26"}
	code, page, _ := postForm(t, ts.URL+"/", fields, map[string]string{"paid_file": string(ex.Paid)})
	require.Equal(t, 200, code)
	check(page)
	require.Contains(t, page, "paid,for,payment,type", "the uploaded file fills the box, to be corrected in place")
	fields["paid"] = strings.ReplaceAll(string(ex.Paid), "\n", "\r\n")
	code, page, _ = postForm(t, ts.URL+"/", fields, nil)
	require.Equal(t, 200, code)
	check(page)
	// A year's choice is needed when several years are worked out.
	fields["years"] = "2025/26,2026/27"
	_, page, _ = postForm(t, ts.URL+"/", fields, nil)
	require.Contains(t, text(page), "Year paid for: the paid file is checked one year at a time: give its year (one of 2025/26, 2026/27)")
	fields["paid_year"] = "2025/26"
	_, page, _ = postForm(t, ts.URL+"/", fields, nil)
	check(page)
}

// A bad paid file: every problem in words beside the paid file's box, by
// line and column, in the summary at the top linking to it; the forecast
// stands. A bad option is said beside its own field.
func TestPageReconcileErrors(t *testing.T) {
	ts := reconcileServer(t)
	ex := paidExample(t)
	bad := "paid,payment,person,amount\n2025-04,core,,12.3.4\n2025-06,arrs,Pharmacist Z,100\n"
	fields := map[string]string{"scenario": string(ex.Scenario), "years": "2025/26"}
	code, page, _ := postForm(t, ts.URL+"/", fields, map[string]string{"paid_file": bad})
	require.Equal(t, 200, code)
	got := text(page)
	require.Contains(t, got, "There are 2 problems")
	require.Contains(t, got, `Paid file, line 2, column 4 (amount): "12.3.4" is not an amount`)
	require.Contains(t, got, `Paid file, line 3, column 3 (person): "Pharmacist Z" is not on the roster`)
	require.Regexp(t, `<a href="#paid">Paid file, line 2, column 4`, page, "the summary links to the box")
	require.Regexp(t, `<textarea id="paid" name="paid" rows="6" spellcheck="false" aria-invalid="true" aria-describedby="paid-errors">`, page)
	require.Contains(t, page, `id="claims-2025-26"`, "the forecast stands")
	require.NotContains(t, page, `id="reconcile"`, "no half reconciliation")

	fields["paid"] = string(ex.Paid)
	fields["arrs_lag"] = "13"
	fields["as_of"] = "March"
	fields["opening"] = "12.345"
	_, page, _ = postForm(t, ts.URL+"/", fields, nil)
	got = text(page)
	require.Contains(t, got, `ARRS paid after, months: want a whole number of months from 0 to 12, not "13"`)
	require.Contains(t, got, "Paid file covers up to: ")
	require.Contains(t, got, "Bank balance on 1 April, £: want pounds with at most two decimal places")
	require.Contains(t, page, `id="arrs_lag" name="arrs_lag" value="13" aria-describedby="arrs_lag-hint arrs_lag-error" aria-invalid="true"`)

	// A download without a paid file is the page, saying so.
	delete(fields, "paid")
	delete(fields, "arrs_lag")
	delete(fields, "as_of")
	delete(fields, "opening")
	fields["format"] = "reconcile-csv"
	code, page, _ = postForm(t, ts.URL+"/download", fields, nil)
	require.Equal(t, 400, code)
	require.Contains(t, text(page), "Paid file: paste or upload the paid file to download its reconciliation")
}

// The downloads: the reconciliation as CSV (due, paid and difference
// columns, one row a line, adding up to the totals) and JSON (the
// program's), from the form as it is now.
func TestPageReconcileDownloads(t *testing.T) {
	ts := reconcileServer(t)
	ex := paidExample(t)
	fields := map[string]string{"scenario": string(ex.Scenario), "years": "2025/26", "paid": string(ex.Paid),
		"format": "reconcile-csv", "arrs_lag": "1"}
	code, body, h := postForm(t, ts.URL+"/download", fields, nil)
	require.Equal(t, 200, code, body)
	require.Equal(t, `attachment; filename="reconciliation.csv"`, h.Get("Content-Disposition"))
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"year", "month", "payment", "who", "due", "paid", "difference", "status", "expected",
		"paid_in", "note", "explain"}, rows[0])
	var due, paid, diff int64
	pennies := func(s string) int64 {
		neg := strings.HasPrefix(s, "-")
		s = strings.TrimPrefix(s, "-")
		var n int64
		for _, c := range strings.ReplaceAll(s, ".", "") {
			n = n*10 + int64(c-'0')
		}
		if neg {
			return -n
		}
		return n
	}
	for _, r := range rows[1:] {
		due += pennies(r[4])
		paid += pennies(r[5])
		diff += pennies(r[6])
		require.Equal(t, pennies(r[5])-pennies(r[4]), pennies(r[6]), "difference = paid − due: %v", r)
	}
	require.Equal(t, int64(68837676), due)
	require.Equal(t, int64(67365469), paid)
	require.Equal(t, int64(-1472207), diff)

	fields["format"] = "reconcile-json"
	code, body, h = postForm(t, ts.URL+"/download", fields, nil)
	require.Equal(t, 200, code, body)
	require.Equal(t, `attachment; filename="reconciliation.json"`, h.Get("Content-Disposition"))
	var j struct {
		Reconciliation struct {
			Total struct{ Difference string }
		}
		Cash struct {
			Low struct {
				Lag int `json:"arrs_lag_months"`
			}
			Lags []any
		}
		YearEnd map[string]any `json:"year_end"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &j))
	require.Equal(t, "-14722.07", j.Reconciliation.Total.Difference)
	require.Equal(t, 1, j.Cash.Low.Lag, "the lag asked")
	require.Len(t, j.Cash.Lags, 4)
	require.Contains(t, j.YearEnd, "arrs_unclaimed")
}
