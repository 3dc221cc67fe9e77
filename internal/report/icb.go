package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"io"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/national"
	"github.com/shopspring/decimal"
)

// The ICB view (national.Run): every PCN's ARRS claims against its sums,
// what is left unclaimed, by ICB and for England.

// ICBWriter prints the ICB view as it is worked out, then Finish ends it.
// CSV, Markdown and JSON stream; the text table holds one year's PCN rows
// (its column widths need them all).
type ICBWriter interface {
	national.Sink
	Finish(rep *national.Report) error
	// Fail ends a report that stopped at err with a line saying so, where
	// rows are already out (JSON is left unclosed, so it does not parse).
	Fail(err error) error
}

// NewICB is an ICBWriter to w in format (table, csv, json or markdown).
func NewICB(w io.Writer, format string) ICBWriter {
	switch format {
	case "csv":
		return &icbCSV{cw: csv.NewWriter(w)}
	case "json":
		return &icbJSON{w: w}
	case "markdown":
		return &icbTable{w: w, markdown: true}
	}
	return &icbTable{w: w}
}

func pounds(p int64) decimal.Decimal { return decimal.New(p, -2) }
func gbp(p int64) string             { return money.PoundsPennies(p) }
func plainP(p int64) string          { return pounds(p).StringFixed(2) }

// Rules is a PCN's reasons as "cap ×2, before_eligible ×1".
func Rules(rs []national.RuleCount) string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s ×%d", r.Reason, r.People))
	}
	return strings.Join(out, ", ")
}

// UnclaimedNote says who keeps what is left unclaimed in year y.
func UnclaimedNote(y des.Year) string {
	return "Unclaimed: what the claims leave of the ARRS sums, pot by pot, " + unclaimedWho(y) + "; over: claims past a pot's " +
		"sum, which no one reimburses (sum = claims − over + unclaimed). Runs out: the first month cumulative " +
		"claims pass a sum. Rules: why some months claim less than they cost (a cap, a role not yet claimable, no " +
		"maximum), with the people each touches."
}

func unclaimedWho(y des.Year) string {
	if y < 2025 {
		return "returned to NHS England (before 2025/26)"
	}
	return "kept by the ICB (from 2025/26 ICBs keep the ARRS money PCNs do not claim)"
}

func icbTag(rep *national.Report) string {
	if rep.Synthetic {
		return " [" + rep.Data + "]"
	}
	return ""
}

// ICBCSVHeader is the ICB view's CSV header row: one row a PCN, then a
// year's ICB rows, England, and the PCNs ranked by unclaimed.
func ICBCSVHeader() []string {
	h := []string{"year", "level", "rank", "pcn_code", "name", "icb", "pcns", "people", "entitlements", "arrs_sum",
		"claims", "cost", "headroom", "unclaimed", "over_sum", "runs_out", "pcns_run_out", "rules"}
	for _, m := range []string{"apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "jan", "feb", "mar"} {
		h = append(h, "claims_"+m)
	}
	return append(h, "data")
}

func icbPCNCSV(y des.Year, p *national.PCN, data string) []string {
	r := []string{y.String(), "pcn", "", p.Row.Code, p.Row.Name, p.Row.ICB, "1", fmt.Sprint(p.People),
		plainP(p.Entitlements), plainP(p.Sum), plainP(p.Claims), plainP(p.Cost), plainP(p.Headroom()),
		plainP(p.Unclaimed), plainP(p.Over), p.RunsOut, boolCount(p.RunsOut != ""), Rules(p.Rules)}
	for _, m := range p.Months {
		r = append(r, plainP(m))
	}
	return append(r, data)
}

func boolCount(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func icbTotalCSV(y des.Year, level string, t *national.Total, data string) []string {
	icb := t.Name
	if level == "england" {
		icb = ""
	}
	r := []string{y.String(), level, "", "", t.Name, icb, fmt.Sprint(t.PCNs), fmt.Sprint(t.People),
		plainP(t.Entitlements), plainP(t.Sum), plainP(t.Claims), plainP(t.Cost), plainP(t.Sum - t.Claims),
		plainP(t.Unclaimed), plainP(t.Over), "", fmt.Sprint(t.RunOut), ""}
	for _, m := range t.Months {
		r = append(r, plainP(m))
	}
	return append(r, data)
}

// ICBTotalsCSV is a year's ICB, England and ranking rows of the CSV.
func ICBTotalsCSV(rep *national.Report, y *national.Year) [][]string {
	var rows [][]string
	for i := range y.ICBs {
		rows = append(rows, icbTotalCSV(y.Year, "icb", &y.ICBs[i], rep.Data))
	}
	rows = append(rows, icbTotalCSV(y.Year, "england", &y.England, rep.Data))
	for _, r := range y.Ranked {
		row := make([]string, len(ICBCSVHeader()))
		copy(row, []string{y.Year.String(), "rank_unclaimed", fmt.Sprint(r.Rank), r.Code, r.Name, r.ICB, "1", "", "",
			plainP(r.Sum), plainP(r.Claims), "", plainP(r.Sum - r.Claims), plainP(r.Unclaimed), "", r.RunsOut})
		row[len(row)-1] = rep.Data
		rows = append(rows, row)
	}
	return rows
}

type icbCSV struct {
	cw     *csv.Writer
	header bool
}

func (c *icbCSV) write(cells ...string) error {
	for i := range cells {
		cells[i] = render.CSVCell(cells[i])
	}
	return c.cw.Write(cells)
}

func (c *icbCSV) Begin(*national.Report, *des.RuleSet) error {
	if c.header {
		return nil
	}
	c.header = true
	return c.write(ICBCSVHeader()...)
}

func (c *icbCSV) PCNs(rep *national.Report, y des.Year, pcns []national.PCN) error {
	for i := range pcns {
		if err := c.write(icbPCNCSV(y, &pcns[i], rep.Data)...); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *icbCSV) End(rep *national.Report, y *national.Year) error {
	for _, row := range ICBTotalsCSV(rep, y) {
		if err := c.write(row...); err != nil {
			return err
		}
	}
	c.cw.Flush()
	return c.cw.Error()
}

func (c *icbCSV) Finish(*national.Report) error { return nil }

func (c *icbCSV) Fail(err error) error {
	if !c.header {
		return nil
	}
	cells := make([]string, len(ICBCSVHeader()))
	cells[0] = incomplete(err)
	if err := c.write(cells...); err != nil {
		return err
	}
	c.cw.Flush()
	return c.cw.Error()
}

// icbTable prints text or Markdown.
type icbTable struct {
	w        io.Writer
	markdown bool
	t        *render.Table
	wrote    bool
}

func (t *icbTable) format() string {
	if t.markdown {
		return "markdown"
	}
	return "table"
}

func (t *icbTable) Begin(rep *national.Report, rs *des.RuleSet) error {
	t.t = &render.Table{
		Title: fmt.Sprintf("ARRS claims against each PCN's sum, and what is left unclaimed, %s (%s)%s", rs.Year(),
			rs.Title(), icbTag(rep)),
		Header: []string{"line", "PCN code", "PCN", "ICB", "people", "ARRS sum", "claims", "unclaimed", "over",
			"runs out", "rules"},
		Right: []bool{true, false, false, false, true, true, true, true, true, false, false},
	}
	if !t.markdown {
		return nil
	}
	t.wrote = true
	var b bytes.Buffer
	if err := (&render.Table{Title: t.t.Title, Header: t.t.Header, Right: t.t.Right}).WriteMarkdown(&b); err != nil {
		return err
	}
	_, err := t.w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
	return err
}

func (t *icbTable) PCNs(_ *national.Report, _ des.Year, pcns []national.PCN) error {
	for i := range pcns {
		p := &pcns[i]
		cells := []string{fmt.Sprint(p.Row.Line), p.Row.Code, p.Row.Name, p.Row.ICB, fmt.Sprint(p.People), gbp(p.Sum),
			gbp(p.Claims), gbp(p.Unclaimed), gbp(p.Over), p.RunsOut, Rules(p.Rules)}
		if !t.markdown {
			t.t.Add(cells...)
			continue
		}
		for i, c := range cells {
			cells[i] = strings.ReplaceAll(render.Clean(c), "|", "\\|")
		}
		if _, err := io.WriteString(t.w, "| "+strings.Join(cells, " | ")+" |\n"); err != nil {
			return err
		}
	}
	return nil
}

func icbNotes(rep *national.Report, y *national.Year) []string {
	var n []string
	if rep.Synthetic {
		n = append(n, "Data: "+rep.Data+"; staff: "+rep.StaffData+". Give -csv FILE -staff FILE for your own.")
	}
	n = append(n, UnclaimedNote(y.Year))
	if len(y.Unpaid) > 0 {
		n = append(n, fmt.Sprintf("%s leaves out figures no source gives (not invented, so not in these amounts): %s.",
			y.Year, strings.Join(y.Unpaid, ", ")))
	}
	if rep.BadRows > 0 {
		n = append(n, plural(rep.BadRows, "bad PCN row")+" skipped (listed on stderr); the totals leave them out.")
	}
	if rep.BadStaff > 0 {
		n = append(n, plural(rep.BadStaff, "bad staff row")+" skipped (listed on stderr); the claims leave them out.")
	}
	if len(y.LeftOut) > 0 {
		n = append(n, fmt.Sprintf("%s left out of %s (listed on stderr); the totals leave them out.",
			plural(len(y.LeftOut), "PCN"), y.Year))
	}
	return n
}

// ICBTables are a year's totals: by ICB and for England, England month by
// month, and the PCNs that leave the most unclaimed.
func ICBTables(rep *national.Report, y *national.Year) []*render.Table {
	tag := icbTag(rep)
	it := &render.Table{
		Title:  fmt.Sprintf("ARRS sums, claims and money left unclaimed by ICB and for England, %s%s", y.Year, tag),
		Header: []string{"ICB", "PCNs", "people", "ARRS sum", "claims", "unclaimed", "over", "PCNs run out"},
		Right:  []bool{false, true, true, true, true, true, true, true},
		Notes: []string{"England is the sum of every PCN worked out from the files. Unclaimed, if the rosters " +
			"stand all year: " + unclaimedWho(y.Year) + "."},
	}
	for _, g := range append(append([]national.Total(nil), y.ICBs...), y.England) {
		it.Add(g.Name, fmt.Sprint(g.PCNs), fmt.Sprint(g.People), gbp(g.Sum), gbp(g.Claims), gbp(g.Unclaimed), gbp(g.Over),
			fmt.Sprint(g.RunOut))
	}
	mt := &render.Table{
		Title:  fmt.Sprintf("England's ARRS claims month by month, %s%s", y.Year, tag),
		Header: []string{"month", "claims", "cumulative", "sum left"},
		Right:  []bool{false, true, true, true},
	}
	var cum int64
	for m, c := range y.England.Months {
		cum += c // within England's checked claims total
		mt.Add(y.Months[m], gbp(c), gbp(cum), gbp(y.England.Sum-cum))
	}
	tables := []*render.Table{it, mt}
	if len(y.Ranked) > 0 {
		rt := &render.Table{
			Title:  fmt.Sprintf("PCNs ranked by what they leave unclaimed, %s (top %d)%s", y.Year, len(y.Ranked), tag),
			Header: []string{"rank", "line", "PCN code", "PCN", "ICB", "ARRS sum", "claims", "unclaimed", "runs out"},
			Right:  []bool{true, true, false, false, false, true, true, true, false},
		}
		for _, r := range y.Ranked {
			rt.Add(fmt.Sprint(r.Rank), fmt.Sprint(r.Line), r.Code, r.Name, r.ICB, gbp(r.Sum), gbp(r.Claims),
				gbp(r.Unclaimed), r.RunsOut)
		}
		tables = append(tables, rt)
	}
	return tables
}

func (t *icbTable) End(rep *national.Report, y *national.Year) error {
	notes := icbNotes(rep, y)
	if t.markdown {
		var b strings.Builder
		for _, n := range notes {
			b.WriteString("\n" + render.Clean(n) + "\n")
		}
		b.WriteString("\n")
		if _, err := io.WriteString(t.w, b.String()); err != nil {
			return err
		}
	} else {
		t.t.Notes = notes
		t.wrote = true
		if err := t.t.WriteText(t.w); err != nil {
			return err
		}
	}
	t.t = nil
	return render.WriteTables(t.w, t.format(), ICBTables(rep, y)...)
}

func (t *icbTable) Finish(*national.Report) error { return nil }

func (t *icbTable) Fail(err error) error {
	if !t.wrote {
		return nil
	}
	if t.markdown {
		_, err = io.WriteString(t.w, "\n**"+render.Clean(incomplete(err))+"**\n")
		return err
	}
	_, err = io.WriteString(t.w, "\n"+render.Clean(incomplete(err))+"\n")
	return err
}

// icbJSON streams one JSON value: {"data", "staff_data", "synthetic",
// "years": [{"year", "rule_set", "months", "pcns": [...], "icbs",
// "england", "ranked_by_unclaimed", "left_out"}], "people",
// "bad_rows_skipped", "bad_staff_skipped"}, money as strings with two
// places. A run that fails leaves it unclosed, so it does not parse.
type icbJSON struct {
	w     io.Writer
	years int
	pcns  int
}

// ICBPCNJSON is a PCN of the ICB view's JSON.
type ICBPCNJSON struct {
	Line         int                  `json:"line"`
	Code         string               `json:"pcn_code"`
	Name         string               `json:"name"`
	ICB          string               `json:"icb"`
	People       int                  `json:"people"`
	Entitlements money.JSONMoney      `json:"entitlements"`
	Sum          money.JSONMoney      `json:"arrs_sum"`
	Claims       money.JSONMoney      `json:"claims"`
	Cost         money.JSONMoney      `json:"cost"`
	Headroom     money.JSONMoney      `json:"headroom"`
	Unclaimed    money.JSONMoney      `json:"unclaimed"`
	Over         money.JSONMoney      `json:"over_sum"`
	RunsOut      string               `json:"runs_out,omitempty"`
	Months       []money.JSONMoney    `json:"months"`
	Rules        []national.RuleCount `json:"rules,omitempty"`
}

// ICBTotalJSON is an ICB's or England's totals in the JSON.
type ICBTotalJSON struct {
	Name         string            `json:"name"`
	PCNs         int               `json:"pcns"`
	People       int               `json:"people"`
	Entitlements money.JSONMoney   `json:"entitlements"`
	Sum          money.JSONMoney   `json:"arrs_sum"`
	Claims       money.JSONMoney   `json:"claims"`
	Cost         money.JSONMoney   `json:"cost"`
	Unclaimed    money.JSONMoney   `json:"unclaimed"`
	Over         money.JSONMoney   `json:"over_sum"`
	RunOut       int               `json:"pcns_run_out"`
	Months       []money.JSONMoney `json:"months"`
}

func months(ps [12]int64) []money.JSONMoney {
	out := make([]money.JSONMoney, 12)
	for i, p := range ps {
		out[i] = money.JSONMoney(pounds(p))
	}
	return out
}

func totalJSON(t *national.Total) ICBTotalJSON {
	return ICBTotalJSON{t.Name, t.PCNs, t.People, money.JSONMoney(pounds(t.Entitlements)), money.JSONMoney(pounds(t.Sum)),
		money.JSONMoney(pounds(t.Claims)), money.JSONMoney(pounds(t.Cost)), money.JSONMoney(pounds(t.Unclaimed)),
		money.JSONMoney(pounds(t.Over)), t.RunOut, months(t.Months)}
}

func (j *icbJSON) put(s string) error { _, err := io.WriteString(j.w, s); return err }

func (j *icbJSON) value(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func (j *icbJSON) Begin(rep *national.Report, rs *des.RuleSet) error {
	var head string
	if j.years == 0 {
		d, _ := j.value(rep.Data)
		s, _ := j.value(rep.StaffData)
		head = fmt.Sprintf("{\n  \"data\": %s,\n  \"staff_data\": %s,\n  \"synthetic\": %v,\n  \"years\": [\n", d, s,
			rep.Synthetic)
	} else {
		head = ",\n"
	}
	j.years++
	j.pcns = 0
	title, _ := j.value(rs.Title())
	ms, _ := j.value(monthLabels(rs.Year()))
	return j.put(head + fmt.Sprintf("    {\n      \"year\": %q,\n      \"rule_set\": %s,\n      \"months\": %s,\n"+
		"      \"pcns\": [", rs.Year().String(), title, ms))
}

func monthLabels(y des.Year) []string {
	var out []string
	for m := range 12 {
		yy, mo := int(y), 4+m
		if mo > 12 {
			yy, mo = yy+1, mo-12
		}
		out = append(out, fmt.Sprintf("%04d-%02d", yy, mo))
	}
	return out
}

func (j *icbJSON) PCNs(_ *national.Report, _ des.Year, pcns []national.PCN) error {
	var b strings.Builder
	for i := range pcns {
		p := &pcns[i]
		v, err := j.value(ICBPCNJSON{p.Row.Line, p.Row.Code, p.Row.Name, p.Row.ICB, p.People,
			money.JSONMoney(pounds(p.Entitlements)), money.JSONMoney(pounds(p.Sum)), money.JSONMoney(pounds(p.Claims)),
			money.JSONMoney(pounds(p.Cost)), money.JSONMoney(pounds(p.Headroom())), money.JSONMoney(pounds(p.Unclaimed)),
			money.JSONMoney(pounds(p.Over)), p.RunsOut, months(p.Months), p.Rules})
		if err != nil {
			return err
		}
		if j.pcns > 0 {
			b.WriteString(",")
		}
		j.pcns++
		b.WriteString("\n        " + v)
	}
	return j.put(b.String())
}

func (j *icbJSON) End(rep *national.Report, y *national.Year) error {
	var icbs []ICBTotalJSON
	for i := range y.ICBs {
		icbs = append(icbs, totalJSON(&y.ICBs[i]))
	}
	type ranked struct {
		Rank      int             `json:"rank"`
		Line      int             `json:"line"`
		Code      string          `json:"pcn_code"`
		Name      string          `json:"name"`
		ICB       string          `json:"icb"`
		Sum       money.JSONMoney `json:"arrs_sum"`
		Claims    money.JSONMoney `json:"claims"`
		Unclaimed money.JSONMoney `json:"unclaimed"`
		RunsOut   string          `json:"runs_out,omitempty"`
	}
	var rk []ranked
	for _, r := range y.Ranked {
		rk = append(rk, ranked{r.Rank, r.Line, r.Code, r.Name, r.ICB, money.JSONMoney(pounds(r.Sum)),
			money.JSONMoney(pounds(r.Claims)), money.JSONMoney(pounds(r.Unclaimed)), r.RunsOut})
	}
	var b strings.Builder
	b.WriteString("\n      ],\n")
	for _, f := range []struct {
		k string
		v any
	}{{"icbs", icbs}, {"england", totalJSON(&y.England)}, {"ranked_by_unclaimed", rk},
		{"unclaimed_note", UnclaimedNote(y.Year)}, {"left_out", y.LeftOut}, {"gaps", y.Gaps}} {
		v, err := j.value(f.v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "      %q: %s,\n", f.k, v)
	}
	s := strings.TrimSuffix(b.String(), ",\n") + "\n    }"
	return j.put(s)
}

func (j *icbJSON) Finish(rep *national.Report) error {
	return j.put(fmt.Sprintf("\n  ],\n  \"people\": %d,\n  \"bad_rows_skipped\": %d,\n  \"bad_staff_skipped\": %d\n}\n",
		rep.People, rep.BadRows, rep.BadStaff))
}

func (j *icbJSON) Fail(error) error { return nil }
