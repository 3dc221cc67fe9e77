package webui_test

import (
	"bytes"
	"flag"
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

// FuzzPagePaid made almost no progress under -fuzz (4 to 12 runs in 25 s).
// Each new input that widens coverage is minimized before fuzzing goes on,
// for up to -fuzzminimizetime (60 s by default), and go's minimizer tries
// removing every byte and then every run of bytes: some n² runs for n bytes
// of strings. A run of this target works out a forecast, its statements and
// a reconciliation and renders the whole page (2 to 10 ms with coverage
// instrumentation); seeded with the reconcile example (6 KB of strings) one
// minimization used up the whole budget. So its seeds are small (the example
// itself is checked by TestPagePaidExample through the same checks), and
// unless -fuzzminimizetime is given, a new input is minimized for at most
// minimizeRuns runs: the corpus keeps it a little longer, what is checked
// is the same.
const minimizeRuns = "200x"

const (
	fuzzScenario = "name = \"F\"\n[sharing]\nbasis = \"weighted\"\n[[practices]]\nname = \"P\"\nregistered = 9000\n" +
		"weighted = 9500\nadjusted = 9200\ncare_home_beds = 5\n[[staff]]\nname = \"A\"\nrole = \"clinical_pharmacist\"\n" +
		"wte = 1\nstart = 2024-04-01\nannual_cost = 72000\n"
	fuzzPaid = "paid,for,payment,type,person,practice,amount,reference\n2025-04,,core_pcn_funding,,,,1,R1\n" +
		"2025-05,,npp,,,P,2.50,R2\n2025-06,2025-04,arrs,,A,,5581.00,R3\n2025-10,2025-04..2025-06,arrs,arrears,A,,609.51,R4\n"
)

// checkPagePaid posts the page's form with a paid file and its options: the
// answer is 200 or 400 with its messages (413 for a form past MaxBody),
// never a 5xx or a panic.
func checkPagePaid(t *testing.T, h http.Handler, scenario, paidText, lag, asOf, opening string) {
	t.Helper()
	form := url.Values{"scenario": {scenario}, "years": {"2025/26"}, "paid": {paidText}, "arrs_lag": {lag},
		"as_of": {asOf}, "opening": {opening}}
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest && rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
}

// FuzzPagePaid: whatever paid file, options and scenario text the page's
// form sends (the editor tables are drawn from that text, line by line),
// the page answers 200 or 400 with its messages, never a 5xx or a panic.
func FuzzPagePaid(f *testing.F) {
	minimizeAtMost(minimizeRuns)
	h := webui.Handler(webui.Config{Example: []byte(fuzzScenario)})
	f.Add(fuzzScenario, fuzzPaid, "2", "2026-03", "0")
	f.Add(fuzzScenario, "paid,payment,amount\n2025-04,core,\"£1,2\"\n", "x", "2025-13", "1e9")
	f.Add("[[staff]]\nname = \"\\\"\nwte = [\n[[practices]]\nname = 1", "paid\n", "-1", "", "")
	f.Fuzz(func(t *testing.T, scenario, paidText, lag, asOf, opening string) {
		checkPagePaid(t, h, scenario, paidText, lag, asOf, opening)
	})
}

// TestPagePaidExample runs FuzzPagePaid's checks on the reconcile example
// (its scenario and paid file, with an underpayment, a missing month, an
// arrear and an overpayment) and on its paid file beside a broken scenario.
func TestPagePaidExample(t *testing.T) {
	sc, err := os.ReadFile("../../examples/reconcile/example/example.toml")
	if err != nil {
		t.Fatal(err)
	}
	paid, err := os.ReadFile("../../examples/reconcile/example/example-paid.csv")
	if err != nil {
		t.Fatal(err)
	}
	h := webui.Handler(webui.Config{Example: sc})
	checkPagePaid(t, h, string(sc), string(paid), "2", "2026-03", "0")
	checkPagePaid(t, h, string(sc), "paid,payment,amount\n2025-04,core,\"£1,2\"\n", "x", "2025-13", "1e9")
	checkPagePaid(t, h, string(sc)+"\n[[staff]]\nname = 1\n", string(paid), "", "", "")
}

// minimizeAtMost sets -test.fuzzminimizetime to limit unless the command
// line gave it (the coordinator reads it when f.Fuzz is called).
func minimizeAtMost(limit string) {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		_ = flag.Set("test.fuzzminimizetime", limit)
	}
}
