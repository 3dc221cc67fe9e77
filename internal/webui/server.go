// Package webui serves pcnfin as a local web page and a JSON API: the page
// for PCN managers (a scenario in, each year's entitlements, claims,
// headroom and charts out, what was paid against what was due from a paid
// file (package reconcile), and the coverage of the rule tables), the API for
// developers of practice finance tools. Everything is served from the
// binary (embed, net/http, html/template); nothing is stored between
// requests. examples/web runs it.
//
// The API:
//
//	POST /api/forecast?year=2025/26,2026/27   scenario in the body → scenario.Forecast
//	POST /api/claims?year=2025/26             scenario → arrs.Result of the year
//	POST /api/afford?year=&role=&wte=&start=&annual_cost=&london=   → arrs.Affordability
//	GET  /api/years                           the DES years with rule sets
//	GET  /api/roles?year=2025/26              the year's claimable roles with their maxima
//
// A scenario is sent as TOML (Content-Type application/toml or text/plain)
// or as JSON (application/json) with the same keys as the TOML file; JSON is
// read strictly (one object, no key twice, nothing after it), turned into
// TOML and read by the same strict loader as the programs, so the same input
// gives the same answer and the same errors, told in the JSON's own lines.
// Errors are {"error", "field", "line"} with status 400; a body over
// MaxBody is 413; work past Config.Timeout is stopped with 503.
package webui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
)

// MaxBody bounds a request body (1 MiB; a large PCN's scenario is a few KiB).
const MaxBody = 1 << 20

// Config is what the server needs.
type Config struct {
	// Example is the scenario TOML the page starts with.
	Example []byte
	// Timeout bounds each request's work (DefaultTimeout when zero): past
	// it the answer is 503 with a message in words.
	Timeout time.Duration
	// PaidExample, if given, is offered beside the paid file's field: a
	// scenario and the paid file that goes with it.
	PaidExample PaidExample
	// Busy bounds the requests worked on at once (2 × GOMAXPROCS when
	// zero); one more waits for a place up to Timeout, then is answered 503.
	Busy int
}

// DefaultTimeout is Config.Timeout's default, well under the example
// server's 30 s write timeout so that the answer is still written.
const DefaultTimeout = 10 * time.Second

// Handler returns the web page and the API.
func Handler(cfg Config) http.Handler {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Busy <= 0 {
		cfg.Busy = 2 * runtime.GOMAXPROCS(0)
	}
	s := &server{cfg: cfg, busy: make(chan struct{}, cfg.Busy)}
	mux := http.NewServeMux()
	work := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, s.bounded(h)) }
	work("GET /{$}", s.page)
	work("POST /{$}", s.page)
	work("POST /download", s.download)
	work("GET /coverage", s.coverage)
	mux.HandleFunc("GET /static/{name}", serveStatic)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		r.SetPathValue("name", "favicon.svg")
		serveStatic(w, r)
	})
	work("POST /api/forecast", s.apiForecast)
	work("POST /api/claims", s.apiClaims)
	work("POST /api/afford", s.apiAfford)
	work("GET /api/years", s.apiYears)
	work("GET /api/roles", s.apiRoles)
	return secure(mux)
}

type server struct {
	cfg  Config
	busy chan struct{}
}

// bounded runs h under the server's deadline and its bound on work at
// once. A request past the deadline is answered 503 (JSON for the API, words
// for the page) and its late writes are dropped (http.TimeoutHandler); the
// library's work does not take a context, so a computation still under way
// finishes in the background, but it holds its place in the bound, so that
// no more than Busy of them ever run; the rest wait up to the deadline for
// a place and are then refused.
func (s *server) bounded(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := strings.HasPrefix(r.URL.Path, "/api/")
		select {
		case s.busy <- struct{}{}:
		default:
			wait := time.NewTimer(s.cfg.Timeout)
			defer wait.Stop()
			select {
			case s.busy <- struct{}{}:
			case <-r.Context().Done():
				return
			case <-wait.C:
				w.Header().Set("Retry-After", "5")
				busyAnswer(w, api, "the server is busy with other requests: try again in a few seconds")
				return
			}
		}
		msg := fmt.Sprintf("this took longer than %s and was stopped: try a smaller scenario", s.cfg.Timeout)
		body := msg
		if api {
			b, _ := json.Marshal(apiError{Error: msg})
			body = string(b)
		}
		done := make(chan struct{})
		inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer close(done)
			h(w, r)
		})
		go func() { <-done; <-s.busy }()
		th := http.TimeoutHandler(inner, s.cfg.Timeout, body)
		if api {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		}
		th.ServeHTTP(w, r)
	})
}

func busyAnswer(w http.ResponseWriter, api bool, msg string) {
	if api {
		writeJSON(w, http.StatusServiceUnavailable, apiError{Error: msg})
		return
	}
	http.Error(w, msg, http.StatusServiceUnavailable)
}

// secure sets the security headers on every response: a Content-Security-
// Policy that allows no inline script or style, nosniff, no framing.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// apiError is the API's error body.
type apiError struct {
	Error string `json:"error"`
	Field string `json:"field,omitempty"`
	Line  int    `json:"line,omitempty"`
	// Errors lists every problem found, when there are several.
	Errors []apiError `json:"errors,omitempty"`
}

func toAPIError(err error) apiError {
	var list des.Errors
	if errors.As(err, &list) && len(list) > 0 {
		first := toAPIError(list[0])
		for _, e := range list {
			first.Errors = append(first.Errors, toAPIError(e))
		}
		return first
	}
	var fe *des.FieldError
	if errors.As(err, &fe) {
		return apiError{Error: fe.Error(), Field: fe.Field, Line: fe.Line}
	}
	return apiError{Error: err.Error()}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// errTooLarge is a body over MaxBody.
var errTooLarge = fmt.Errorf("%w: the request body is over %d bytes", des.ErrInvalid, MaxBody)

// errMediaType is a body of a type the API does not read.
var errMediaType = errors.New("send the scenario as application/toml (or text/plain) or application/json")

func fail(w http.ResponseWriter, err error) {
	status := http.StatusBadRequest
	switch {
	case errors.Is(err, errTooLarge):
		status = http.StatusRequestEntityTooLarge
	case errors.Is(err, errMediaType):
		status = http.StatusUnsupportedMediaType
	}
	writeJSON(w, status, toAPIError(err))
}

// readScenario opens the request's scenario, TOML or JSON as its
// Content-Type says, through the library's front door, as the programs do.
func readScenario(r *http.Request) (*scenario.Workbook, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBody+1))
	if err != nil {
		return nil, err
	}
	if len(body) > MaxBody {
		return nil, errTooLarge
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/toml", "text/plain", "text/x-toml", "":
		return scenario.Read("request", body, options(r))
	case "application/json":
		j, err := readJSON(body)
		if err != nil {
			return nil, err
		}
		text, err := j.toTOML()
		if err != nil {
			return nil, err
		}
		wb, err := scenario.Read("request", text, options(r))
		if err != nil {
			return nil, j.relocate(err)
		}
		return wb, nil
	default:
		return nil, errMediaType
	}
}

// years reads ?year= (comma-separated): the years asked, none for the
// library's default (scenario.Workbook.Years). At most 12, asked or, for
// wb, by default.
func years(q string, wb *scenario.Workbook) ([]des.Year, error) {
	var out []des.Year
	for _, s := range strings.Split(q, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		y, err := des.ParseYear(s)
		if err != nil {
			return nil, &des.FieldError{Field: "year", Msg: err.Error(), Err: des.ErrBadYear}
		}
		out = append(out, y)
	}
	if len(out) > 12 || (wb != nil && len(wb.Years(out...)) > 12) {
		return nil, &des.FieldError{Field: "year", Msg: "at most 12 years at once", Err: des.ErrInvalid}
	}
	return out, nil
}

// options are the request's: ?sourced_only=true (or a form's "on"). Every
// other default is the library's.
func options(r *http.Request) scenario.Options {
	return scenario.Options{SourcedOnly: r.FormValue("sourced_only") == "true" || r.FormValue("sourced_only") == "on"}
}

// oneOrMany is one year's value as it is, several as an array (as the
// programs print them).
func oneOrMany[T any](vs []T) any {
	if len(vs) == 1 {
		return vs[0]
	}
	return vs
}

func (s *server) apiForecast(w http.ResponseWriter, r *http.Request) {
	wb, err := readScenario(r)
	if err != nil {
		fail(w, err)
		return
	}
	ys, err := years(r.URL.Query().Get("year"), wb)
	if err != nil {
		fail(w, err)
		return
	}
	f, err := wb.Forecast(ys...)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, f)
}

func (s *server) apiClaims(w http.ResponseWriter, r *http.Request) {
	wb, err := readScenario(r)
	if err != nil {
		fail(w, err)
		return
	}
	ys, err := years(r.URL.Query().Get("year"), wb)
	if err != nil {
		fail(w, err)
		return
	}
	f, err := wb.Forecast(ys...)
	if err != nil {
		fail(w, err)
		return
	}
	var claims []arrs.Result
	for _, yr := range f.Years {
		claims = append(claims, yr.ARRS)
	}
	writeJSON(w, http.StatusOK, oneOrMany(claims))
}

func (s *server) apiAfford(w http.ResponseWriter, r *http.Request) {
	wb, err := readScenario(r)
	if err != nil {
		fail(w, err)
		return
	}
	q := r.URL.Query()
	ys, err := years(q.Get("year"), wb)
	if err != nil {
		fail(w, err)
		return
	}
	as, err := afford(wb, ys, q.Get("role"), q.Get("wte"), q.Get("start"), q.Get("annual_cost"), q.Get("london"))
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, oneOrMany(as))
}

// afford answers "what more can we afford?" for one hire in each year asked
// (scenario.Workbook.Afford, whose defaults and checks are the programs').
// Only the text of each field is read here.
func afford(wb *scenario.Workbook, ys []des.Year, role, wte, start, cost, london string) ([]arrs.Affordability, error) {
	if role == "" {
		return nil, &des.FieldError{Field: "role", Msg: "give the role to hire, e.g. paramedic", Err: des.ErrMissing}
	}
	h := arrs.Hire{Role: role, London: arrs.London(london)}
	if wte != "" {
		n, err := parseNumber(wte)
		if err != nil {
			return nil, &des.FieldError{Field: "wte", Msg: err.Error(), Err: des.ErrBadNumber}
		}
		if h.WTE, err = arrs.WTEOf(n.Decimal()); err != nil {
			return nil, &des.FieldError{Field: "wte", Msg: err.Error(), Err: des.ErrInvalid}
		}
	}
	if start != "" {
		var err error
		if h.Start, err = des.ParseDate(start); err != nil {
			return nil, &des.FieldError{Field: "start", Msg: err.Error(), Err: des.ErrBadDate}
		}
	}
	if cost != "" {
		c, err := parseNumber(cost)
		if err != nil {
			return nil, &des.FieldError{Field: "annual_cost", Msg: "want an annual cost in pounds, 0 or more",
				Err: des.ErrBadNumber}
		}
		h.AnnualCost = c.Decimal()
	}
	answers, err := wb.Afford(h, ys...)
	if err != nil {
		return nil, err
	}
	var out []arrs.Affordability
	for _, a := range answers {
		out = append(out, a.Answer)
	}
	return out, nil
}

func (s *server) apiYears(w http.ResponseWriter, r *http.Request) {
	type year struct {
		Year  des.Year `json:"year"`
		Title string   `json:"title"`
	}
	sets, err := rates.All()
	if err != nil {
		fail(w, err)
		return
	}
	var out []year
	for _, rs := range sets {
		out = append(out, year{rs.Year(), rs.Title()})
	}
	writeJSON(w, http.StatusOK, map[string]any{"years": out, "current": rates.CurrentYear(rates.Today())})
}

func (s *server) apiRoles(w http.ResponseWriter, r *http.Request) {
	ys, err := years(r.URL.Query().Get("year"), nil)
	if err != nil {
		fail(w, err)
		return
	}
	if len(ys) == 0 {
		ys = []des.Year{rates.CurrentYear(rates.Today())}
	}
	rs, err := rates.Year(ys[0])
	if err != nil {
		fail(w, &des.FieldError{Field: "year", Msg: err.Error(), Err: des.ErrUnknownYear})
		return
	}
	if r.URL.Query().Get("sourced_only") == "true" {
		rs = rs.SourcedOnly()
	}
	writeJSON(w, http.StatusOK, map[string]any{"year": rs.Year(), "roles": rs.ARRS().Roles})
}

func parseNumber(s string) (des.Number, error) {
	var n des.Number
	err := n.UnmarshalText([]byte(strings.TrimSpace(s)))
	return n, err
}
