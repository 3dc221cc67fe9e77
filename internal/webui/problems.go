package webui

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
)

// problem is one error as the page shows it: in words, beside its field or
// cell, and in the summary at the top with a link to it.
type problem struct {
	// ID is the message's element id (err-1, err-2 …).
	ID string
	// Target is the id of the field the summary links to: years, role,
	// wte, start, or scenario (the script retargets a table cell's).
	Target string
	// Kind, Row (from 1) and Key locate a cell of the practices or staff
	// table; Cell is its element id (staff-2-wte).
	Kind string
	Row  int
	Key  string
	Cell string
	// Where names the place in words: "Staff row 2 (Pharmacist B), WTE".
	Where string
	// Label is the column's name (WTE), for the message beside the cell.
	Label string
	Msg   string
	Line  int
}

// fieldErrors lists err's problems, one error each.
func fieldErrors(err error) []error {
	var list des.Errors
	if errors.As(err, &list) && len(list) > 0 {
		var out []error
		for _, e := range list {
			out = append(out, fieldErrors(e)...)
		}
		return out
	}
	return []error{err}
}

// rowField is a loader's field path into a table: staff[1] (Pharmacist
// B).wte, practices[0].registered, staff[2].
var rowField = regexp.MustCompile(`^(practices|staff)\[(\d+)\](?: \((.*?)\))?(?:\.([A-Za-z_]+))?`)

// labels are the page's words for the scenario's keys and the form's fields.
var labels = map[string]string{
	"name": "name", "ods": "ODS code", "registered": "registered list", "weighted": "weighted list",
	"adjusted": "adjusted population", "care_home_beds": "care home beds", "role": "role", "wte": "WTE",
	"hours": "hours a week", "sessions": "sessions a week", "start": "start date", "end": "end date",
	"annual_cost": "annual cost", "salary": "salary", "london": "London weighting", "employer": "employer",
	"cost_basis": "cost basis", "claim_basis": "claim basis", "band": "band", "year": "years", "years": "years",
}

func label(key string) string {
	if l, ok := labels[key]; ok {
		return l
	}
	return strings.ReplaceAll(key, "_", " ")
}

// problemOf says err for people. n numbers it.
func problemOf(err error, n int) problem {
	p := problem{ID: "err-" + strconv.Itoa(n), Target: "scenario", Msg: err.Error()}
	var fe *des.FieldError
	if !errors.As(err, &fe) {
		return p
	}
	p.Line, p.Msg = fe.Line, fe.Msg
	if rest, ok := strings.CutPrefix(p.Msg, "bad number: "); ok {
		p.Msg = "not a number: " + rest
	}
	if rest, ok := strings.CutPrefix(p.Msg, "bad date: "); ok {
		p.Msg = "not a date: " + rest + " (write it as YYYY-MM-DD)"
	}
	switch fe.Field {
	case "year", "years":
		if fe.File == "" { // the Years box, not the scenario's years = […]
			p.Target, p.Label, p.Where = "years", "Years", "Years"
			return p
		}
	case "role", "wte", "start", "annual_cost", "london":
		if fe.File == "" {
			p.Target, p.Label = fe.Field, strings.ToUpper(label(fe.Field)[:1])+label(fe.Field)[1:]
			if fe.Field == "wte" {
				p.Label = "WTE"
			}
			p.Where = "What more can we afford, " + p.Label
			return p
		}
	}
	if m := rowField.FindStringSubmatch(fe.Field); m != nil {
		i, _ := strconv.Atoi(m[2])
		p.Kind, p.Row, p.Key = m[1], i+1, m[4]
		name := m[3]
		// "\"Pharmacist B\": invalid value: …": the name is said in Where.
		if q, rest, ok := strings.Cut(p.Msg, ": "); ok && strings.HasPrefix(q, `"`) {
			if uq, err := strconv.Unquote(q); err == nil {
				if name == "" {
					name = uq
				}
				p.Msg = rest
			}
		}
		what := "Staff"
		if p.Kind == "practices" {
			what = "Practice"
		}
		p.Where = fmt.Sprintf("%s row %d", what, p.Row)
		if name != "" {
			p.Where += " (" + name + ")"
		}
		if p.Key != "" {
			p.Label = label(p.Key)
			if p.Label != "WTE" && p.Label != "ODS code" {
				p.Label = strings.ToUpper(p.Label[:1]) + p.Label[1:]
			}
			p.Where += ", " + p.Label
			p.Cell = fmt.Sprintf("%s-%d-%s", p.Kind, p.Row, p.Key)
		}
		return p
	}
	if fe.Field != "" {
		p.Where = "Scenario, " + fe.Field
	} else {
		p.Where = "Scenario"
	}
	if p.Line > 0 {
		p.Where += fmt.Sprintf(" (line %d)", p.Line)
	}
	return p
}

// names are the rule sets' names for payments and roles, the latest year's
// where the years differ.
var names = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	sets, _ := rates.All() // names of the years that load; their errors are reported where they are used
	for _, rs := range sets {
		for _, p := range rs.Payments() {
			if p.Name != "" {
				out["pay:"+p.ID] = p.Name
			}
		}
		for _, r := range rs.ARRS().Roles {
			if r.Name != "" {
				out["role:"+r.ID] = r.Name
			}
		}
	}
	return out
})

// payName is a payment's name from the rule sets, else its id in words.
func payName(id string) string {
	if n, ok := names()["pay:"+id]; ok {
		return n
	}
	return strings.ReplaceAll(id, "_", " ")
}

// roleName is a role's name from the rule sets, else its id in words.
func roleName(id string) string {
	if n, ok := names()["role:"+id]; ok {
		return n
	}
	return strings.ReplaceAll(id, "_", " ")
}

// badgeLabel says a confidence in words: confirmed, one source, uncertain
// (sources conflict), derived or carried.
func badgeLabel(c des.Confidence) string {
	switch c {
	case des.Confirmed:
		return "confirmed"
	case des.Single:
		return "one source"
	case des.Uncertain:
		return "uncertain"
	case des.Derived:
		return "derived"
	case des.Carried:
		return "carried"
	}
	return string(c)
}

// roundingNotes says, for each person whose year's cost is not their
// annual cost to the penny, why: each month is rounded to the penny
// (£36,500 a year is 12 × £3,041.67 = £36,500.04).
func roundingNotes(sc *scenario.Scenario, f scenario.Forecast) map[string]string {
	annual := map[string]decimal.Decimal{}
	for _, st := range sc.Staff {
		if st.AnnualCost.IsPositive() {
			annual[st.Name] = st.AnnualCost
		}
	}
	out := map[string]string{}
	for _, y := range f.Years {
		for _, r := range y.ARRS.Staff {
			a, ok := annual[r.Name]
			if !ok || out[r.Name] != "" {
				continue
			}
			var month decimal.Decimal
			n, same := 0, true
			for _, m := range r.CostMonths {
				if m.IsZero() {
					continue
				}
				if n > 0 && !m.Decimal().Equal(month) {
					same = false
				}
				month = m.Decimal()
				n++
			}
			if n == 0 || !same {
				continue
			}
			exact := a.Mul(r.WTE.Decimal()).Mul(decimal.NewFromInt(int64(n))).Div(decimal.NewFromInt(12))
			if exact.Equal(r.Cost.Decimal()) {
				continue
			}
			at := ""
			if w := r.WTE.Decimal(); !w.Equal(decimal.NewFromInt(1)) {
				at = " at " + w.String() + " WTE"
			}
			out[r.Name] = fmt.Sprintf("%s a year%s is paid month by month, each month rounded to the penny: %d × %s = %s",
				money.Pounds(a), at, n, money.Pounds(month), money.Pounds(r.Cost.Decimal()))
		}
	}
	return out
}

// lastRun is what the page remembers of a run, in the form, to say what
// changed: each year's claims and headroom and each person's claim.
type lastRun struct {
	Year     string            `json:"y"`
	Claims   string            `json:"c"`
	Headroom string            `json:"h"`
	Staff    map[string]string `json:"s"`
}

// LastJSON is the run's figures for the form's hidden "last" field.
func (d pageData) LastJSON() string {
	if d.Forecast == nil {
		return d.Form.Last // an error between two runs: the last run stays the last
	}
	var out []lastRun
	for _, y := range d.Forecast.Years {
		l := lastRun{Year: y.Year.String(), Claims: y.ARRS.Claims.Plain(), Headroom: y.ARRS.Headroom.Plain(),
			Staff: map[string]string{}}
		for _, s := range y.ARRS.Staff {
			l.Staff[s.Name] = s.Claim.Plain()
		}
		out = append(out, l)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// compare says what changed since the run whose figures the form carried.
func (d *pageData) compare() {
	if d.Form.Last == "" || d.Forecast == nil {
		return
	}
	var last []lastRun
	if json.Unmarshal([]byte(d.Form.Last), &last) != nil {
		return
	}
	byYear := map[string]lastRun{}
	for _, l := range last {
		byYear[l.Year] = l
	}
	num := func(s string) (decimal.Decimal, bool) {
		v, err := decimal.NewFromString(s)
		return v, err == nil
	}
	change := func(what, before string, now decimal.Decimal) {
		b, ok := num(before)
		if !ok || b.Equal(now) {
			return
		}
		diff := now.Sub(b)
		sign := "+"
		if diff.IsNegative() {
			sign = "−"
		}
		d.Changes = append(d.Changes, fmt.Sprintf("%s: %s → %s (%s%s)", what, money.Pounds(b), money.Pounds(now), sign,
			money.Pounds(diff.Abs())))
	}
	compared := false
	for _, y := range d.Forecast.Years {
		l, ok := byYear[y.Year.String()]
		if !ok {
			continue
		}
		compared = true
		ys := y.Year.String()
		change(ys+" claims", l.Claims, y.ARRS.Claims.Decimal())
		change(ys+" headroom", l.Headroom, y.ARRS.Headroom.Decimal())
		seen := map[string]bool{}
		for _, s := range y.ARRS.Staff {
			seen[s.Name] = true
			if before, ok := l.Staff[s.Name]; ok {
				change(ys+" "+s.Name+"'s claim", before, s.Claim.Decimal())
			} else {
				d.Changes = append(d.Changes, fmt.Sprintf("%s %s: new, claim %s", ys, s.Name, money.Pounds(s.Claim.Decimal())))
			}
		}
		gone := make([]string, 0, len(l.Staff))
		for name := range l.Staff {
			if !seen[name] {
				gone = append(gone, name)
			}
		}
		sort.Strings(gone)
		for _, name := range gone {
			{
				if b, ok := num(l.Staff[name]); ok {
					d.Changes = append(d.Changes, fmt.Sprintf("%s %s: no longer in the scenario (claim was %s)", ys, name, money.Pounds(b)))
				}
			}
		}
	}
	d.Unchanged = compared && len(d.Changes) == 0
}
