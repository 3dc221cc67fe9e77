package webui_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/pcnfin/pcnfin/internal/webui"
	"github.com/stretchr/testify/require"
)

func example(t testing.TB) []byte {
	b, err := os.ReadFile("../../examples/internal/cli/default.toml")
	require.NoError(t, err)
	return b
}

func server(t testing.TB) *httptest.Server {
	ts := httptest.NewServer(webui.Handler(webui.Config{Example: example(t)}))
	t.Cleanup(ts.Close)
	return ts
}

func post(t testing.TB, url, ctype string, body []byte) (int, []byte, http.Header) {
	resp, err := http.Post(url, ctype, bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, b, resp.Header
}

func TestAPISuccess(t *testing.T) {
	ts := server(t)
	code, b, h := post(t, ts.URL+"/api/forecast?year=2025/26,2026/27", "application/toml", example(t))
	require.Equal(t, 200, code, string(b))
	require.Equal(t, "application/json; charset=utf-8", h.Get("Content-Type"))
	var f struct {
		Years []struct {
			Year         string `json:"year"`
			Entitlements []struct {
				ID     string `json:"id"`
				Amount string `json:"amount"`
			} `json:"entitlements"`
			ARRS struct {
				Claims string `json:"claims"`
			} `json:"arrs"`
		} `json:"years"`
	}
	require.NoError(t, json.Unmarshal(b, &f))
	require.Len(t, f.Years, 2)
	require.Equal(t, "386071.14", f.Years[0].ARRS.Claims)
	require.Equal(t, "416571.12", f.Years[1].ARRS.Claims)
	require.Equal(t, "core_pcn_funding", f.Years[0].Entitlements[0].ID)
	require.Equal(t, "112566.36", f.Years[0].Entitlements[0].Amount)

	code, b, _ = post(t, ts.URL+"/api/claims?year=2025/26", "text/plain", example(t))
	require.Equal(t, 200, code, string(b))
	require.Contains(t, string(b), `"claims": "386071.14"`)

	code, b, _ = post(t, ts.URL+"/api/afford?year=2025/26&role=paramedic&wte=1&start=2025-10-01&annual_cost=61000", "application/toml", example(t))
	require.Equal(t, 200, code, string(b))
	require.Contains(t, string(b), `"role": "paramedic"`)

	for _, u := range []string{"/api/years", "/api/roles?year=2025/26", "/coverage", "/", "/static/style.css", "/static/app.js"} {
		resp, err := http.Get(ts.URL + u)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, 200, resp.StatusCode, u)
		require.Contains(t, resp.Header.Get("Content-Security-Policy"), "script-src 'self'", u)
		require.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"), u)
	}
}

// A JSON scenario with the TOML file's keys gives the same answer as the TOML.
func TestJSONScenarioSameAsTOML(t *testing.T) {
	ts := server(t)
	js := `{"name": "J", "practices": [{"name": "P", "registered": 10000, "weighted": 11000.5, "adjusted": 10500, "care_home_beds": 3}],
	  "staff": [{"name": "A", "role": "paramedic", "wte": 1, "start": "2025-04-01", "annual_cost": 61000.25}]}`
	tm := "name = \"J\"\n[[practices]]\nname = \"P\"\nregistered = 10000\nweighted = 11000.5\nadjusted = 10500\ncare_home_beds = 3\n" +
		"[[staff]]\nname = \"A\"\nrole = \"paramedic\"\nwte = 1\nstart = 2025-04-01\nannual_cost = 61000.25\n"
	c1, b1, _ := post(t, ts.URL+"/api/forecast?year=2025/26", "application/json", []byte(js))
	c2, b2, _ := post(t, ts.URL+"/api/forecast?year=2025/26", "application/toml", []byte(tm))
	require.Equal(t, 200, c1, string(b1))
	require.Equal(t, 200, c2, string(b2))
	require.JSONEq(t, string(b2), string(b1))
}

func TestAPIBadInput(t *testing.T) {
	ts := server(t)
	base := "name = \"B\"\n[[practices]]\nname = \"P\"\nregistered = 100\nweighted = 100\nadjusted = 100\ncare_home_beds = 0\n"
	for _, c := range []struct {
		name, ctype, body string
		status            int
		field             string
		line              int
	}{
		{"malformed TOML", "application/toml", "name = \"B\nx", 400, "", 1},
		{"unknown role", "application/toml", base + "[[staff]]\nname = \"A\"\nrole = \"astronaut\"\nwte = 1\nstart = 2025-04-01\nannual_cost = 1\n", 400, "staff[0].role", 0},
		{"end before start", "application/toml", base + "[[staff]]\nname = \"A\"\nrole = \"paramedic\"\nwte = 1\nstart = 2025-04-01\nend = 2025-03-01\nannual_cost = 1\n", 400, "staff[0].end", 13},
		{"negative WTE", "application/toml", base + "[[staff]]\nname = \"A\"\nrole = \"paramedic\"\nwte = -1\nstart = 2025-04-01\nannual_cost = 1\n", 400, "staff[0].wte", 11},
		{"wrong content type", "image/png", base, 415, "", 0},
		{"bad JSON", "application/json", "{", 400, "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, b, _ := post(t, ts.URL+"/api/forecast?year=2025/26", c.ctype, []byte(c.body))
			require.Equal(t, c.status, code, string(b))
			var e struct {
				Error string `json:"error"`
				Field string `json:"field"`
				Line  int    `json:"line"`
			}
			require.NoError(t, json.Unmarshal(b, &e))
			require.NotEmpty(t, e.Error)
			if c.field != "" {
				require.Equal(t, c.field, e.Field, e.Error)
			}
			if c.line != 0 {
				require.Equal(t, c.line, e.Line, e.Error)
			}
		})
	}
	code, _, _ := post(t, ts.URL+"/api/forecast", "application/toml", bytes.Repeat([]byte("#"), webui.MaxBody+10))
	require.Equal(t, http.StatusRequestEntityTooLarge, code)
}

// 50 requests at once against one server: identical answers for identical
// input.
func TestConcurrentRequests(t *testing.T) {
	ts := server(t)
	var wg sync.WaitGroup
	out := make([]string, 50)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, b, _ := post(t, ts.URL+"/api/forecast?year=2024/25,2025/26", "application/toml", example(t))
			out[i] = string(b)
		}()
	}
	wg.Wait()
	for _, o := range out[1:] {
		require.Equal(t, out[0], o)
	}
	require.Contains(t, out[0], "386071.14")
}

// The page: a plain form post gives results; a bad field is shown with the
// programs' message and no half result; names with markup stay inert.
func TestPage(t *testing.T) {
	ts := server(t)
	// Opening the page shows the example PCN's current-year results.
	resp, err := http.Get(ts.URL + "/")
	require.NoError(t, err)
	first, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Contains(t, string(first), `id="results"`)
	require.Contains(t, string(first), "Riverside PCN (example)")
	require.Contains(t, string(first), "Practice statements, 2026/27")
	form := func(scen string) (int, string) {
		resp, err := http.PostForm(ts.URL+"/", map[string][]string{"scenario": {scen}, "years": {"2025/26"}})
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, html := form(string(example(t)))
	require.Equal(t, 200, code)
	require.Contains(t, html, `id="claims-2025-26">£386,071.14<`)
	require.Contains(t, html, `id="headroom-2025-26">£669,621.65<`)

	bad := strings.Replace(string(example(t)), "wte = 0.6", "wte = -0.6", 1)
	code, html = form(bad)
	require.Equal(t, 400, code)
	require.Contains(t, html, `id="errors"`)
	require.Contains(t, html, "staff[1].wte")
	require.NotContains(t, html, `id="results"`, "no half result")

	evil := strings.Replace(string(example(t)), `name = "Pharmacist A"`, `name = "<script>alert(1)</script>\u001b[31m"`, 1)
	code, html = form(evil)
	require.Equal(t, 200, code)
	require.NotContains(t, html, "<script>alert(1)")
	require.Contains(t, html, "&lt;script&gt;alert(1)&lt;/script&gt;")

	// Two years: the years side by side are the forecast program's chart (internal/chart), inline.
	resp, err = http.PostForm(ts.URL+"/", map[string][]string{"scenario": {string(example(t))}, "years": {"2024/25,2025/26"}})
	require.NoError(t, err)
	two, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	require.Contains(t, string(two), `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"`)
	require.Contains(t, string(two), "Entitlements + ARRS sum")
	require.NotContains(t, string(two), "<?xml", "no XML declaration inside HTML")
}

func BenchmarkAPIForecast(b *testing.B) {
	ts := server(b)
	body := example(b)
	for b.Loop() {
		code, _, _ := post(b, ts.URL+"/api/forecast?year=2026/27", "application/toml", body)
		if code != 200 {
			b.Fatal(code)
		}
	}
}

// Issue 20: the hire's checks are the library's, as for the headroom
// program: a cost with more than two places, a London zone that is not one,
// a start outside the year, each a 400 naming the field.
func TestAPIAffordBadHire(t *testing.T) {
	ts := server(t)
	for q, field := range map[string]string{
		"year=2025/26&role=paramedic&annual_cost=64000.555": "annual_cost",
		"year=2025/26&role=paramedic&london=north":          "london",
		"year=2024/25&role=paramedic&start=2025-10-01":      "start",
		"year=2025/26&wte=1":                                "role",
	} {
		code, b, _ := post(t, ts.URL+"/api/afford?"+q, "application/toml", example(t))
		require.Equal(t, 400, code, q)
		var e struct {
			Field string `json:"field"`
		}
		require.NoError(t, json.Unmarshal(b, &e))
		require.Equal(t, field, e.Field, "%s: %s", q, b)
	}
}
