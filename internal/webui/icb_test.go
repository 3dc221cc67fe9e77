package webui_test

import (
	"bytes"
	"encoding/json"
	"github.com/pcnfin/pcnfin/internal/money"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/examples/national/sample"
	"github.com/pcnfin/pcnfin/internal/webui"
	"github.com/shopspring/decimal"
)

// icbHandler is the page as examples/web serves it: the national program's
// default scenario (its assumptions) and the synthetic sample.
func icbHandler(t *testing.T) http.Handler {
	t.Helper()
	sc, err := os.ReadFile("../../examples/internal/cli/default.toml")
	if err != nil {
		t.Fatal(err)
	}
	return webui.Handler(webui.Config{Example: sc, ICBSample: webui.ICBSample{List: sample.List, Staff: sample.Staff}})
}

// postICB posts the ICB form as multipart, with the files uploaded.
func postICB(t *testing.T, h http.Handler, path string, files map[string][]byte, fields map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for name, b := range files {
		fw, err := mw.CreateFormFile(name, name+".csv")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(b)
	}
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	_ = mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

type icbJSON struct {
	Years []struct {
		Year    string `json:"year"`
		England struct {
			PCNs      int             `json:"pcns"`
			People    int             `json:"people"`
			Sum       decimal.Decimal `json:"arrs_sum"`
			Claims    decimal.Decimal `json:"claims"`
			Unclaimed decimal.Decimal `json:"unclaimed"`
			Over      decimal.Decimal `json:"over_sum"`
			RunOut    int             `json:"pcns_run_out"`
		} `json:"england"`
		ICBs []struct {
			Name      string          `json:"name"`
			Unclaimed decimal.Decimal `json:"unclaimed"`
		} `json:"icbs"`
		Ranked []struct {
			Code string `json:"pcn_code"`
		} `json:"ranked_by_unclaimed"`
	} `json:"years"`
}

// programJSON runs the national program on the synthetic sample.
func programJSON(t *testing.T, year string) []byte {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs examples/national")
	}
	bin := filepath.Join(t.TempDir(), "national")
	if out, err := exec.Command("go", "build", "-o", bin, "../../examples/national").CombinedOutput(); err != nil {
		t.Skipf("cannot build examples/national: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "-staff-sample", "-year", year, "-format", "json").Output()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The ICB view on the synthetic sample (the link, and the same files
// uploaded) shows the program's totals, and its JSON download is the
// program's JSON, byte for byte.
func TestICBViewMatchesProgram(t *testing.T) {
	h := icbHandler(t)
	want := programJSON(t, "2025/26")
	var prog icbJSON
	if err := json.Unmarshal(want, &prog); err != nil || len(prog.Years) != 1 {
		t.Fatalf("program JSON: %v", err)
	}
	eng := prog.Years[0].England

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/icb?sample=synthetic&year=2025/26", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("sample link: status %d: %s", rec.Code, rec.Body.String())
	}
	page := rec.Body.String()
	row := page[strings.Index(page, `id="icb-england"`):]
	row = row[:strings.Index(row, "</tr>")]
	for _, m := range []decimal.Decimal{eng.Sum, eng.Claims, eng.Unclaimed, eng.Over} {
		if s := money.Pounds(m); !strings.Contains(row, s) {
			t.Errorf("England row lacks %s: %s", s, row)
		}
	}
	if !strings.Contains(page, "SYNTHETIC SAMPLE") {
		t.Error("the sample is not labelled SYNTHETIC")
	}
	for _, r := range prog.Years[0].Ranked {
		if !strings.Contains(page, r.Code+", line") {
			t.Errorf("ranked PCN %s not shown", r.Code)
		}
	}

	// The JSON download of the sample, posted from the form.
	form := url.Values{"sample": {"synthetic"}, "year": {"2025/26"}, "format": {"json"}}
	req := httptest.NewRequest(http.MethodPost, "/icb/download", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want) {
		t.Fatalf("JSON download (status %d) is not the program's:\n%.600s\nwant\n%.600s", rec.Code, rec.Body.String(), want)
	}

	// Posted back from the page the sample filled (its boxes and the
	// hidden field), the download is still the sample's, labelled so.
	form = url.Values{"sample": {"synthetic"}, "pcn_list": {string(sample.List)},
		"staff": {strings.ReplaceAll(string(sample.Staff), "\n", "\r\n")}, "year": {"2025/26"}, "format": {"json"}}
	req = httptest.NewRequest(http.MethodPost, "/icb/download", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if !bytes.Equal(rec.Body.Bytes(), want) {
		t.Errorf("the sample posted back from its page (status %d) is not the program's JSON: %.300s", rec.Code, rec.Body.String())
	}

	// The same files uploaded: the same totals (the data labels are the
	// files' names).
	rec = postICB(t, h, "/icb/download", map[string][]byte{"pcn_list_file": sample.List, "staff_file": sample.Staff},
		map[string]string{"year": "2025/26", "format": "json"})
	var up icbJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &up); err != nil || len(up.Years) != 1 {
		t.Fatalf("upload: status %d, %v: %.300s", rec.Code, err, rec.Body.String())
	}
	ue := up.Years[0].England
	if ue.PCNs != eng.PCNs || ue.People != eng.People || !ue.Sum.Equal(eng.Sum) || !ue.Claims.Equal(eng.Claims) ||
		!ue.Unclaimed.Equal(eng.Unclaimed) || !ue.Over.Equal(eng.Over) || ue.RunOut != eng.RunOut {
		t.Errorf("uploaded files: England %+v, the program %+v", ue, eng)
	}
}

func TestICBDownloads(t *testing.T) {
	h := icbHandler(t)
	for format, check := range map[string]func([]byte) bool{
		"csv":  func(b []byte) bool { return bytes.HasPrefix(b, []byte("year,level,rank,pcn_code")) },
		"xlsx": func(b []byte) bool { return bytes.HasPrefix(b, []byte("PK")) },
		"json": func(b []byte) bool { return json.Valid(b) },
	} {
		rec := postICB(t, h, "/icb/download", map[string][]byte{"pcn_list_file": sample.List, "staff_file": sample.Staff},
			map[string]string{"year": "2025/26", "format": format})
		if rec.Code != http.StatusOK || !check(rec.Body.Bytes()) {
			t.Errorf("%s: status %d, %.200q", format, rec.Code, rec.Body.String())
		}
		if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "icb."+format) {
			t.Errorf("%s: Content-Disposition %q", format, cd)
		}
	}
}

// Bad rows are shown beside the right file, by line and column, and
// nothing is worked out.
func TestICBBadRows(t *testing.T) {
	h := icbHandler(t)
	list := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n" +
		"P1,One,NHS A ICB,30000,31000,30500,10\nP2,Two,NHS A ICB,20000,21000,20500,0\n"
	staff := "pcn_code,name,role,wte,start,annual_cost\nP1,Ann,clinical_pharmacist,1,2025-04-01,50000\n" +
		"P1,Bob,astronaut,1,2025-04-01,50000\nP9,Cat,paramedic,1,2025-04-01,50000\n"
	for _, c := range []struct {
		name        string
		list, staff string
		box, want   string
	}{
		{"unknown role", list, staff, `id="staff-errors"`, "Staff file, line 3, column 3 (role)"},
		{"PCN not in the list", list, staff, `id="staff-errors"`, "Staff file, line 4, column 1 (pcn_code)"},
		{"bad list row", strings.Replace(list, "20000,", "lots,", 1), staff, `id="pcn_list-errors"`, "PCN list, line 3, column 4 (registered)"},
		{"no staff file", list, "", `id="staff-errors"`, "upload or paste the staff file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := postICB(t, h, "/icb", map[string][]byte{"pcn_list_file": []byte(c.list), "staff_file": []byte(c.staff)},
				map[string]string{"year": "2025/26"})
			body := rec.Body.String()
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("status %d", rec.Code)
			}
			i := strings.Index(body, c.box)
			if i < 0 || !strings.Contains(body[i:i+strings.Index(body[i:], "</ul>")], c.want) {
				t.Fatalf("%q not beside %s:\n%s", c.want, c.box, body)
			}
			if strings.Contains(body, `id="icb-results"`) {
				t.Error("results shown with a problem")
			}
		})
	}
	// A download with a problem is the page with its messages.
	rec := postICB(t, h, "/icb/download", map[string][]byte{"pcn_list_file": []byte(list), "staff_file": []byte(staff)},
		map[string]string{"year": "2025/26", "format": "xlsx"})
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "astronaut") {
		t.Errorf("download with a bad row: status %d", rec.Code)
	}
	// The sample's hidden field with boxes changed: what is in the boxes is
	// worked out.
	rec = postICB(t, h, "/icb", nil, map[string]string{"sample": "synthetic", "pcn_list": list, "staff": staff, "year": "2025/26"})
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "astronaut") ||
		strings.Contains(rec.Body.String(), `name="sample"`) {
		t.Errorf("changed sample boxes: status %d", rec.Code)
	}
	// A bad year, beside the year.
	rec = postICB(t, h, "/icb", map[string][]byte{"pcn_list_file": []byte(list), "staff_file": []byte(staff)},
		map[string]string{"year": "1999/00"})
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `id="year-error"`) {
		t.Errorf("bad year: status %d", rec.Code)
	}
}

// The form may be MaxICBBody; past it, 413 in words.
func TestICBBodyBound(t *testing.T) {
	h := icbHandler(t)
	big := bytes.Repeat([]byte("P1,x,clinical_pharmacist,1,2025-04-01,1\n"), webui.MaxICBBody/40+10)
	rec := postICB(t, h, "/icb", map[string][]byte{"staff_file": big}, map[string]string{"year": "2025/26"})
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d", rec.Code)
	}
	// A GET of the page: the form, no results, no problems.
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/icb", nil))
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "error-summary") {
		t.Fatalf("GET /icb: status %d", rec.Code)
	}
}
