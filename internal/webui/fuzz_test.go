package webui_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
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
