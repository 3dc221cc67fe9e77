package webui_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pcnfin/pcnfin/internal/webui"
	"github.com/stretchr/testify/require"
)

type apiErr struct {
	Error string `json:"error"`
	Field string `json:"field"`
	Line  int    `json:"line"`
}

// Issue 24: a JSON body is read strictly (a key twice, data after the
// object, too deep: refused), and the loader's errors are told in the
// JSON's own field paths and lines, not the hidden TOML's.
func TestAPIJSONStrict(t *testing.T) {
	ts := server(t)
	good := `{"name": "J",
 "practices": [{"name": "P", "registered": 10000, "weighted": 11000, "adjusted": 10500, "care_home_beds": 0}],
 "staff": [
  {"name": "A", "role": "paramedic", "wte": 1, "start": "2025-04-01", "annual_cost": 61000},
  {"name": "B",
   "role": "paramedic",
   "wte": "abc",
   "start": "2025-04-01",
   "annual_cost": 61000}
 ]}`
	for _, c := range []struct {
		name, body, field, in string
		line                  int
	}{
		{"a key twice", strings.Replace(good, `"annual_cost": 61000}`, `"annual_cost": 61000, "annual_cost": 1}`, 1), "staff[0].annual_cost", "given twice", 4},
		{"trailing data", `{"name":"x"} garbage`, "", "more after", 1},
		{"two objects", "{\"name\":\"x\"}\n{}", "", "more after", 2},
		{"not an object", `[1]`, "", "JSON object", 1},
		{"too deep", `{"a":` + strings.Repeat(`[`, 5000), "", "deep", 1},
		{"syntax", "{\"name\": \"x\",\n\n \"staff\": [}", "", "bad JSON", 3},
		{"a bad number on its own line", good, "staff[1] (B).wte", "not a plain decimal", 7},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, b, _ := post(t, ts.URL+"/api/forecast?year=2025/26", "application/json", []byte(c.body))
			require.Equal(t, 400, code, string(b))
			var e apiErr
			require.NoError(t, json.Unmarshal(b, &e))
			require.Contains(t, e.Error, c.in)
			require.Equal(t, c.field, e.Field, e.Error)
			require.Equal(t, c.line, e.Line, e.Error)
			require.NotContains(t, e.Error, "scenario:", "no hidden file named")
		})
	}
}

// Issue 22: static files carry a content-hash ETag and answer 304; the page
// names them with their hash and they may be kept a year; /static/ lists
// nothing; there is a favicon.
func TestStaticFiles(t *testing.T) {
	ts := server(t)
	get := func(path string, hdr ...string) *http.Response {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		_, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp
	}
	resp, err := http.Get(ts.URL + "/")
	require.NoError(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	u := regexpFind(t, string(page), `/static/app\.js\?v=[0-9a-f]{16}`)
	r := get(u)
	require.Equal(t, 200, r.StatusCode)
	require.Contains(t, r.Header.Get("Cache-Control"), "immutable")
	etag := r.Header.Get("ETag")
	require.NotEmpty(t, etag)
	require.Equal(t, 304, get("/static/app.js", "If-None-Match", etag).StatusCode)
	require.Equal(t, "no-cache", get("/static/app.js").Header.Get("Cache-Control"))
	require.Equal(t, 404, get("/static/").StatusCode, "no directory listing")
	require.Equal(t, 404, get("/static/nothing.js").StatusCode)
	fav := get("/favicon.ico")
	require.Equal(t, 200, fav.StatusCode)
	require.Equal(t, "image/svg+xml", fav.Header.Get("Content-Type"))
}

func regexpFind(t *testing.T, s, re string) string {
	t.Helper()
	m := regexpMust(re).FindString(s)
	require.NotEmpty(t, m, "no %s in the page", re)
	return m
}

// Issue 24: work past the deadline is stopped with 503 and a message in
// words (JSON for the API), never left running on the connection.
func TestDeadline(t *testing.T) {
	ts := httptest.NewServer(webui.Handler(webui.Config{Example: example(t), Timeout: time.Nanosecond, Busy: 8}))
	defer ts.Close()
	code, b, h := post(t, ts.URL+"/api/forecast?year=2025/26", "application/toml", example(t))
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Equal(t, "application/json; charset=utf-8", h.Get("Content-Type"))
	var e apiErr
	require.NoError(t, json.Unmarshal(b, &e))
	require.Contains(t, e.Error, "longer than")
	resp, err := http.Get(ts.URL + "/")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	require.Contains(t, string(body), "was stopped")
}

func regexpMust(re string) *regexp.Regexp { return regexp.MustCompile(re) }

// The page's downloads post the form as it is now: an edit not yet worked
// out is in them; the workbook is one (a zip with the workbook part); the
// scenario comes back with LF line endings.
func TestDownloadsFromTheForm(t *testing.T) {
	ts := server(t)
	scen := strings.ReplaceAll(strings.Replace(string(example(t)), "annual_cost = 36500", "annual_cost = 36500\nend = 2026-09-30", 1), "\n", "\r\n")
	get := func(format string) (int, http.Header, string) {
		resp, err := http.PostForm(ts.URL+"/download", map[string][]string{"scenario": {scen}, "years": {"2026/27"}, "format": {format}})
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(b)
	}
	code, _, csv := get("csv")
	require.Equal(t, 200, code, csv)
	require.Contains(t, csv, "2026/27,claim,Social prescriber,18250.02", "six months of £3,041.67")
	code, h, x := get("xlsx")
	require.Equal(t, 200, code)
	require.Contains(t, h.Get("Content-Disposition"), "forecast.xlsx")
	require.True(t, strings.HasPrefix(x, "PK"), "a zip")
	require.Contains(t, x, "xl/workbook.xml")
	code, _, toml := get("toml")
	require.Equal(t, 200, code)
	require.NotContains(t, toml, "\r")
	require.Contains(t, toml, "end = 2026-09-30\n")
	// A problem: the page with its message, not a file.
	scen = strings.Replace(scen, "wte = 0.6", `wte = "abc"`, 1)
	code, h, page := get("csv")
	require.Equal(t, 400, code)
	require.Contains(t, h.Get("Content-Type"), "text/html")
	require.Contains(t, page, "Staff row 2 (Pharmacist B), WTE: not a number")
}
