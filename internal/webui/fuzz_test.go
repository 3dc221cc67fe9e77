package webui_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/internal/webui"
)

// FuzzAPIScenario: whatever body arrives, as TOML or JSON, the API answers
// 200 or a 4xx with a JSON error, never a 5xx or a panic.
func FuzzAPIScenario(f *testing.F) {
	h := webui.Handler(webui.Config{Example: []byte(`name = "x"`)})
	f.Add([]byte(`{"name":"J","practices":[{"name":"P","registered":10000,"weighted":11000,"adjusted":10500,`+
		`"care_home_beds":0}]}`), true)
	f.Add([]byte(`{"name":"J","practices":[{"name":"P","registered":"1e400"}]}`), true)
	f.Add([]byte(`{"name":["x"],"staff":{"a":1}}`), true)
	f.Add([]byte("name = \"T\"\n[[practices]]\nname = \"P\"\nregistered = 100\nweighted = 100\nadjusted = 100\n"+
		"care_home_beds = 0\n"), false)
	f.Add([]byte("[[staff]]\nname = 1\n"), false)
	f.Fuzz(func(t *testing.T, body []byte, asJSON bool) {
		ct := "application/toml"
		if asJSON {
			ct = "application/json"
		}
		req := httptest.NewRequest(http.MethodPost, "/api/claims?year=2025/26", bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body.String())
		}
		if rec.Code != http.StatusOK && !bytes.Contains(rec.Body.Bytes(), []byte(`"error"`)) {
			t.Fatalf("status %d without a JSON error: %s", rec.Code, rec.Body.String())
		}
	})
}

// FuzzPagePaid: whatever paid file, options and scenario text the page's
// form sends (the editor tables are drawn from that text, line by line),
// the page answers 200 or 400 with its messages, never a 5xx or a panic.
func FuzzPagePaid(f *testing.F) {
	sc, err := os.ReadFile("../../examples/reconcile/example/example.toml")
	if err != nil {
		f.Fatal(err)
	}
	paid, err := os.ReadFile("../../examples/reconcile/example/example-paid.csv")
	if err != nil {
		f.Fatal(err)
	}
	h := webui.Handler(webui.Config{Example: sc})
	f.Add(string(sc), string(paid), "2", "2026-03", "0")
	f.Add(string(sc), "paid,payment,amount\n2025-04,core,\"£1,2\"\n", "x", "2025-13", "1e9")
	f.Add("[[staff]]\nname = \"\\\"\nwte = [\n[[practices]]\nname = 1", "paid\n", "-1", "", "")
	f.Fuzz(func(t *testing.T, scenario, paidText, lag, asOf, opening string) {
		form := url.Values{"scenario": {scenario}, "years": {"2025/26"}, "paid": {paidText}, "arrs_lag": {lag},
			"as_of": {asOf}, "opening": {opening}}
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest && rec.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
	})
}
