package scenario

import (
	"github.com/pcnfin/pcnfin/internal/names"

	"bytes"
	"fmt"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/strict"
	"github.com/shopspring/decimal"
)

// Scenario is a PCN to plan for, as a person writes it in a TOML file:
// its practices and their populations, its roster, the years to look at and
// the assumptions for years past the last published rule set.
//
//	name = "Riverside PCN"
//	years = ["2024/25", "2025/26"]
//	[[practices]]
//	name = "Riverside Surgery"
//	ods = "A12345"
//	registered = 12000
//	weighted = 13250.5
//	adjusted = 12500
//	care_home_beds = 40
//	[[staff]]
//	name = "Pharmacist A"
//	role = "clinical_pharmacist"
//	wte = 1.0            # or hours = 30 (÷ 37.5), or sessions = 6 for a GP (÷ 9)
//	start = 2024-04-01
//	end = 2025-03-31     # optional
//	annual_cost = 60000  # employer cost of 1 WTE a year; or salary = 48000 (on-costs added)
//	london = "outer"     # optional: inner or outer
//
// Numbers may be integers, floats with at most six decimal places, or
// strings; money has at most two places. See docs/scenario.md for every key.
type Scenario struct {
	Name      string         `json:"name"`
	Years     []des.Year     `json:"years,omitempty"`
	Practices []des.Practice `json:"practices"`
	// Populations gives practice figures for particular years; a year not
	// listed uses Practices (grown by the list growth assumption, if any).
	Populations map[des.Year][]des.Practice `json:"populations,omitempty"`
	Staff       []arrs.Staff                `json:"staff"`
	Assumptions Assumptions                 `json:"assumptions"`
	// IIF is the achievement the PCN expects on Investment and Impact Fund
	// indicators, for an estimate where the year has a sourced point value.
	IIF []IIFIndicator `json:"iif,omitempty"`
	// Sharing is how the PCN's money and costs are shared among its
	// practices (the network agreement), for practice statements.
	Sharing Sharing `json:"sharing"`
	// File is where the scenario was read from.
	File string `json:"-"`
	// OwnRules, when set, is a rule set of the user's own (a -rates file)
	// that must be used: Year and Run refuse to work out years that leave it
	// unused (a 2024/25 file with only 2025/26 asked for), rather than
	// silently use the embedded rules. It must also be among the rule sets
	// passed to them (rates.WithFile gives both).
	OwnRules *des.RuleSet `json:"-"`
	// popIndex is the index of each year's [[population]] block, and loc
	// finds lines in the file, for errors and notes found after loading.
	popIndex map[des.Year]int
	loc      *strict.Locator
}

// line finds the line of a field of the scenario file (its table's line
// when the key is absent), or 0.
func (sc *Scenario) line(path string) int {
	if sc == nil || sc.loc == nil {
		return 0
	}
	line := sc.loc.Line(path)
	if i := strings.LastIndexByte(path, '.'); line == 0 && i > 0 {
		line = sc.loc.Line(path[:i])
	}
	return line
}

// practicesPath is the field path of the practice list used for year y.
func (sc *Scenario) practicesPath(y des.Year) string {
	if k, ok := sc.popIndex[y]; ok {
		return fmt.Sprintf("population[%d].practices", k)
	}
	return "practices"
}

type mismatch struct {
	index int    // the practice in the block, or -1 for one left out
	msg   string // with %s for the year
}

// matchPractices checks that a [[population]] block names exactly the
// practices of [[practices]]: one left out would be paid nothing that year,
// a misspelt one would become a new practice.
func matchPractices(base, year []des.Practice) []mismatch {
	var names []string
	known := map[string]bool{}
	loose := map[string]string{}
	for _, p := range base {
		names = append(names, fmt.Sprintf("%q", p.Name))
		known[p.Name] = true
		loose[looseName(p.Name)] = p.Name
	}
	list := strings.Join(names, ", ")
	var out []mismatch
	given := map[string]bool{}
	for j, p := range year {
		given[p.Name] = true
		if known[p.Name] || strings.TrimSpace(p.Name) == "" {
			continue
		}
		msg := fmt.Sprintf("practice %q in the %%s population is not in [[practices]] (%s)", p.Name, list)
		if near, ok := loose[looseName(p.Name)]; ok {
			msg += fmt.Sprintf("; did you mean %q?", near)
			given[near] = true // reported here, not again as left out
		} else {
			msg += "; a [[population]] gives figures for the practices of [[practices]], under the same names"
		}
		out = append(out, mismatch{j, msg})
	}
	for _, p := range base {
		if !given[p.Name] {
			out = append(out, mismatch{-1,
				fmt.Sprintf("practice %q is missing from the %%s population: "+
					"a [[population]] gives every practice of [[practices]] (one left out would be paid nothing that year)", p.Name)})
		}
	}
	return out
}

// looseName is a name without case, spaces or punctuation, to suggest the
// practice a misspelt name meant.
func looseName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Assumptions are what the user expects for years past the last published
// rule set, and for population growth. Percentages are a year, e.g. 3.5.
type Assumptions struct {
	// PayUplift raises staff costs each year after the base year, and ARRS
	// role maxima in projected years.
	PayUplift decimal.Decimal `json:"pay_uplift_pct"`
	// ARRSGrowth raises the ARRS sum per weighted patient.
	ARRSGrowth decimal.Decimal `json:"arrs_growth_pct"`
	// EntitlementGrowth raises the other per-head rates.
	EntitlementGrowth decimal.Decimal `json:"entitlement_growth_pct"`
	// ListGrowth grows populations each year after the base year of Practices.
	ListGrowth decimal.Decimal `json:"list_growth_pct"`
	// CarryForward projects with the last published figures unchanged.
	CarryForward bool `json:"carry_forward"`
	// BaseYear is the year the Practices figures and the staff costs are
	// for; growth and uplift count from it. Zero means DefaultBaseYear.
	BaseYear des.Year `json:"base_year,omitempty"`
}

type rawStaff struct {
	Name       string     `toml:"name"`
	Role       string     `toml:"role"`
	WTE        des.Number `toml:"wte"`
	Hours      des.Number `toml:"hours"`
	Sessions   des.Number `toml:"sessions"`
	Start      des.Date   `toml:"start"`
	End        des.Date   `toml:"end"`
	AnnualCost des.Number `toml:"annual_cost"`
	Salary     des.Number `toml:"salary"`
	Band       string     `toml:"band"`
	Levy       bool       `toml:"levy"`
	London     string     `toml:"london"`
	// WrittenAgreement: a further mental health practitioner at the same
	// band reimbursed at up to 100% under a written agreement (Table 3b).
	WrittenAgreement bool   `toml:"written_agreement"`
	Employer         string `toml:"employer"`
	CostBasis        string `toml:"cost_basis"`
	ClaimBasis       string `toml:"claim_basis"`
}

type rawAssumptions struct {
	PayUplift         des.Number `toml:"pay_uplift_pct"`
	ARRSGrowth        des.Number `toml:"arrs_growth_pct"`
	EntitlementGrowth des.Number `toml:"entitlement_growth_pct"`
	ListGrowth        des.Number `toml:"list_growth_pct"`
	CarryForward      bool       `toml:"carry_forward"`
	BaseYear          des.Year   `toml:"base_year"`
}

type rawIIF struct {
	Indicator  string     `toml:"indicator"`
	Points     des.Number `toml:"points"`
	ListSize   des.Number `toml:"list_size_adjustment"`
	Prevalence des.Number `toml:"prevalence_adjustment"`
}

type rawPopulation struct {
	Year      des.Year       `toml:"year"`
	Practices []des.Practice `toml:"practices"`
}

type rawScenario struct {
	Name        string          `toml:"name"`
	Years       []des.Year      `toml:"years"`
	Practices   []des.Practice  `toml:"practices"`
	Population  []rawPopulation `toml:"population"`
	Staff       []rawStaff      `toml:"staff"`
	Assumptions rawAssumptions  `toml:"assumptions"`
	IIF         []rawIIF        `toml:"iif"`
	Sharing     *rawSharing     `toml:"sharing"`
}

// MaxBytes bounds a scenario file (4 MiB).
const MaxBytes = 4 << 20

// LoadFile reads a scenario from a TOML file.
func LoadFile(path string) (*Scenario, error) {
	b, err := rulefile.ReadFileLimited(path, MaxBytes, "a scenario")
	if err != nil {
		return nil, err
	}
	return Load(path, b)
}

// Load decodes and checks a scenario. Decoding is strict: an
// unknown key, a wrong type, a float that would lose digits, an end before
// a start, a negative WTE or population is an error naming the file, line
// and field. Roles are checked against a rule set later (a role unknown in
// a year is a breach of that year, not a load error); use CheckRoles to
// refuse roles no rule set knows.
func Load(name string, data []byte) (*Scenario, error) {
	raw, md, err := decodeScenario(name, data)
	if err != nil {
		return nil, err
	}
	loc := strict.NewLocator(string(data))
	l := &scenarioLoader{name: name, loc: loc,
		sc: &Scenario{Name: raw.Name, Years: raw.Years, Practices: raw.Practices, File: name, loc: loc}}
	l.keys(md)
	if strings.TrimSpace(l.sc.Name) == "" {
		l.add("name", des.ErrMissing, "missing: give the PCN a name, e.g. name = \"Riverside PCN\"")
	}
	if len(raw.Practices) == 0 {
		l.add("practices", des.ErrMissing, "no [[practices]]: a PCN needs at least one practice")
	}
	l.practices("", raw.Practices)
	l.populations(raw.Population, raw.Practices)
	l.assumptions(raw.Assumptions)
	l.iif(raw.IIF)
	l.staff(raw.Staff)
	l.sc.Sharing = sharing(raw.Sharing, raw.Practices, raw.Staff, l.add)
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	return l.sc, nil
}

// decodeScenario bounds a scenario's size and shape and decodes it
// strictly; the first fault found is the error.
func decodeScenario(name string, data []byte) (*rawScenario, toml.MetaData, error) {
	if len(data) > MaxBytes {
		return nil, toml.MetaData{}, &des.FieldError{File: name,
			Msg: fmt.Sprintf("input is %d bytes; a scenario may be at most %d", len(data), MaxBytes), Err: des.ErrInvalid}
	}
	if err := rulefile.CheckShape(name, data); err != nil {
		return nil, toml.MetaData{}, err
	}
	var raw rawScenario
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&raw)
	if err != nil {
		pr := strict.Analyse(string(data), err, des.ErrSyntax, des.ErrInvalid, des.ErrBadNumber, des.ErrBadDate,
			des.ErrBadYear)
		return nil, md, &des.FieldError{File: name, Line: pr.Line, Field: pr.Field, Msg: pr.Msg, Err: pr.Err}
	}
	return &raw, md, nil
}

// scenarioLoader checks a decoded scenario, building the Scenario and
// collecting every fault, each at its line.
type scenarioLoader struct {
	name string
	loc  *strict.Locator
	sc   *Scenario
	errs des.Errors
}

// add records a fault at path (a missing key at its table's line).
func (l *scenarioLoader) add(path string, sentinel error, format string, args ...any) {
	line := l.loc.Line(path)
	if i := strings.LastIndexByte(path, '.'); line == 0 && i > 0 {
		line = l.loc.Line(path[:i]) // a missing key: point at its table
	}
	l.errs = append(l.errs, &des.FieldError{File: l.name, Line: line, Field: path, Msg: fmt.Sprintf(format, args...),
		Err: sentinel})
}

// keys refuses keys no scenario has and keys in the wrong case.
func (l *scenarioLoader) keys(md toml.MetaData) {
	for _, k := range md.Undecoded() {
		l.add(k.String(), des.ErrUnknownKey, "unknown key")
	}
	for _, k := range strict.MixedCaseKeys(md) {
		l.add(k.String(), des.ErrUnknownKey, "%s", strict.MixedCaseMessage(k))
	}
}

// practices checks a list of practices (the scenario's, or a
// population's under prefix): each practice's figures, and no name twice.
func (l *scenarioLoader) practices(prefix string, ps []des.Practice) {
	if err := (des.PCN{Practices: ps}).Validate(); err != nil {
		for _, e := range err.(des.Errors) {
			if fe, ok := e.(*des.FieldError); ok {
				l.add(prefix+fe.Field, fe.Err, "%s", fe.Msg)
			}
		}
	}
	seen := map[string]int{}
	for i, p := range ps {
		if j, dup := seen[names.NameKey(p.Name)]; dup && p.Name != "" {
			l.add(fmt.Sprintf("%spractices[%d].name", prefix, i), des.ErrInvalid,
				"practice %q is named twice (also practices[%d]); each practice is paid on its own figures", p.Name, j)
		}
		seen[names.NameKey(p.Name)] = i
	}
}

// populations checks and records [[population]]: one a year, each the
// same practices as the scenario's.
func (l *scenarioLoader) populations(pops []rawPopulation, base []des.Practice) {
	sc := l.sc
	for i, pop := range pops {
		at := fmt.Sprintf("population[%d]", i)
		if pop.Year == 0 {
			l.add(at+".year", des.ErrMissing, "missing year")
			continue
		}
		if sc.Populations == nil {
			sc.Populations = map[des.Year][]des.Practice{}
		}
		if _, dup := sc.Populations[pop.Year]; dup {
			l.add(at+".year", des.ErrInvalid, "a second population for %s", pop.Year)
		}
		sc.Populations[pop.Year] = pop.Practices
		if sc.popIndex == nil {
			sc.popIndex = map[des.Year]int{}
		}
		sc.popIndex[pop.Year] = i
		l.practices(at+".", pop.Practices)
		for _, m := range matchPractices(base, pop.Practices) {
			if m.index < 0 {
				l.add(at+".practices", des.ErrMissing, "%s", fmt.Sprintf(m.msg, pop.Year))
			} else {
				l.add(fmt.Sprintf("%s.practices[%d].name", at, m.index), des.ErrInvalid, "%s", fmt.Sprintf(m.msg, pop.Year))
			}
		}
	}
}

// assumptions checks and records [assumptions]: each growth a percentage
// from -50 to 100.
func (l *scenarioLoader) assumptions(a rawAssumptions) {
	l.sc.Assumptions = Assumptions{PayUplift: a.PayUplift.Decimal(), ARRSGrowth: a.ARRSGrowth.Decimal(),
		EntitlementGrowth: a.EntitlementGrowth.Decimal(), ListGrowth: a.ListGrowth.Decimal(),
		CarryForward: a.CarryForward, BaseYear: a.BaseYear}
	for _, f := range []struct {
		key string
		n   des.Number
	}{{"pay_uplift_pct", a.PayUplift}, {"arrs_growth_pct", a.ARRSGrowth},
		{"entitlement_growth_pct", a.EntitlementGrowth}, {"list_growth_pct", a.ListGrowth}} {
		if f.n.IsSet() && (f.n.Decimal().LessThan(decimal.NewFromInt(-50)) ||
			f.n.Decimal().GreaterThan(decimal.NewFromInt(100))) {
			l.add("assumptions."+f.key, des.ErrInvalid, "%s%% a year: want a percentage between -50 and 100", f.n.Decimal())
		}
	}
}

// iif checks and records [[iif]]: an indicator, the points expected and
// any adjustments.
func (l *scenarioLoader) iif(iif []rawIIF) {
	for i, in := range iif {
		at := fmt.Sprintf("iif[%d]", i)
		if strings.TrimSpace(in.Indicator) == "" {
			l.add(at+".indicator", des.ErrMissing, "missing indicator, e.g. indicator = \"CAN-04\"")
		}
		if !in.Points.IsSet() || in.Points.Decimal().IsNegative() {
			l.add(at+".points", des.ErrInvalid, "want the points expected, 0 or more")
		}
		for _, f := range []struct {
			k string
			n des.Number
		}{{"list_size_adjustment", in.ListSize}, {"prevalence_adjustment", in.Prevalence}} {
			if f.n.IsSet() && (!f.n.Decimal().IsPositive() || f.n.Decimal().GreaterThan(decimal.NewFromInt(10))) {
				l.add(at+"."+f.k, des.ErrInvalid, "%s: want a positive ratio (1 = average)", f.n.Decimal())
			}
		}
		l.sc.IIF = append(l.sc.IIF, IIFIndicator{Indicator: in.Indicator, Points: in.Points.Decimal(),
			ListSize: in.ListSize.Decimal(), Prevalence: in.Prevalence.Decimal()})
	}
}

// staff checks and records [[staff]]: each line once by name, then its
// own figures.
func (l *scenarioLoader) staff(staff []rawStaff) {
	staffNames := map[string]int{}
	for i, rs := range staff {
		at := fmt.Sprintf("staff[%d]", i)
		key := names.NameKey(rs.Name)
		if j, dup := staffNames[key]; dup && key != "" {
			l.add(at+".name", des.ErrInvalid,
				"%q is on the roster twice (also staff[%d]); give each line its own name, e.g. \"%s (2)\"", rs.Name, j, rs.Name)
		}
		staffNames[key] = i
		l.sc.Staff = append(l.sc.Staff, l.staffLine(at, rs))
	}
}

// staffLine checks one staff line at path at, naming the person in each
// message where the line gives a name.
func (l *scenarioLoader) staffLine(at string, rs rawStaff) arrs.Staff {
	who := ""
	if strings.TrimSpace(rs.Name) != "" {
		who = fmt.Sprintf("%q: ", rs.Name) // the person, by name
	}
	s, problems := staffFrom(rs)
	for _, p := range problems {
		l.add(at+"."+p.field, p.err, "%s%s", who, p.msg)
	}
	if len(problems) == 0 {
		if err := s.Validate(); err != nil {
			for _, e := range err.(des.Errors) {
				fe := e.(*des.FieldError)
				l.add(at+"."+fe.Field, fe.Err, "%s%s", who, fe.Msg)
			}
		}
	}
	return s
}

type problem struct {
	field string
	err   error
	msg   string
}

func staffFrom(r rawStaff) (arrs.Staff, []problem) {
	s := arrs.Staff{Name: r.Name, Role: r.Role, Start: r.Start, End: r.End, AnnualCost: r.AnnualCost.Decimal(),
		Salary: r.Salary.Decimal(), Band: r.Band, Levy: r.Levy, London: arrs.London(r.London), WrittenAgreement: r.WrittenAgreement}
	var ps []problem
	given := 0
	for _, n := range []des.Number{r.WTE, r.Hours, r.Sessions} {
		if n.IsSet() {
			given++
		}
	}
	var err error
	switch {
	case given != 1:
		ps = append(ps, problem{"wte", des.ErrMissing,
			"give exactly one of wte, hours (a week, ÷ 37.5) or sessions (a week, ÷ 9)"})
	case r.WTE.IsSet():
		s.WTE, err = arrs.WTEOf(r.WTE.Decimal())
		if err != nil {
			ps = append(ps, problem{"wte", des.ErrInvalid, err.Error()})
		}
	case r.Hours.IsSet():
		s.WTE, err = arrs.WTEHours(r.Hours.Decimal(), decimal.RequireFromString("37.5"))
		if err != nil {
			ps = append(ps, problem{"hours", des.ErrInvalid, err.Error()})
		}
	case r.Sessions.IsSet() && !names.SessionalRole(r.Role):
		ps = append(ps, problem{"sessions", des.ErrInvalid,
			fmt.Sprintf("sessions are for GPs (general_practitioner), not %s: give wte or hours (a week, ÷ 37.5)", r.Role)})
	case r.Sessions.IsSet():
		s.WTE, err = arrs.WTESessions(r.Sessions.Decimal(), decimal.NewFromInt(9))
		if err != nil {
			ps = append(ps, problem{"sessions", des.ErrInvalid, err.Error()})
		}
	}
	if len(ps) == 0 && given == 1 && s.WTE.Decimal().GreaterThan(decimal.NewFromInt(1)) {
		field := "wte"
		if r.Hours.IsSet() {
			field = "hours"
		} else if r.Sessions.IsSet() {
			field = "sessions"
		}
		ps = append(ps, problem{field, des.ErrInvalid,
			fmt.Sprintf("%s WTE: a [[staff]] line is one person, who cannot work more than full time (1 WTE = 37.5 hours "+
				"or 9 GP sessions a week); give each person a line of their own", s.WTE.Decimal())})
	}
	if r.AnnualCost.IsSet() && r.Salary.IsSet() {
		ps = append(ps, problem{"salary", des.ErrInvalid, "give annual_cost or salary, not both"})
	}
	for _, f := range []struct {
		key string
		n   des.Number
	}{{"annual_cost", r.AnnualCost}, {"salary", r.Salary}} {
		if f.n.IsSet() && f.n.Decimal().IsZero() {
			ps = append(ps, problem{f.key, des.ErrInvalid, fmt.Sprintf("%s is %s: the employer cost of a person is "+
				"more than £0 (ARRS reimburses what is spent); give the cost of 1 WTE a year", f.key, f.n.Decimal())})
		}
	}
	return s, ps
}

// CheckRoles refuses staff whose role no rule set knows (a typo, most
// likely), naming the line and listing the known roles.
func (sc *Scenario) CheckRoles(known []string) error {
	if sc == nil {
		return nil
	}
	var errs des.Errors
	for i, s := range sc.Staff {
		if !slices.Contains(known, s.Role) {
			errs = append(errs, &des.FieldError{File: sc.File, Field: fmt.Sprintf("staff[%d].role", i),
				Msg: fmt.Sprintf("unknown role %q; known roles: %s", s.Role, strings.Join(known, ", ")), Err: des.ErrInvalid})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// DefaultBaseYear is the base year of a scenario that does not state
// base_year: 2025/26, the latest DES year with published role maxima when
// this default was set. It is a constant, so a result never depends on the
// years asked for, nor on rate tables added later.
const DefaultBaseYear = des.Year(2025)

// BaseYear is the year the scenario's practice figures and staff costs are
// for: Assumptions.BaseYear, else DefaultBaseYear.
func (sc *Scenario) BaseYear() des.Year {
	if sc == nil {
		return DefaultBaseYear
	}
	if sc.Assumptions.BaseYear != 0 {
		return sc.Assumptions.BaseYear
	}
	return DefaultBaseYear
}

// PCN returns the scenario's PCN for a year: the year's own population if
// given, else the base practices grown by list_growth_pct once for each
// year after the base year (registered lists rounded to whole patients,
// weighted and adjusted figures to two places).
func (sc *Scenario) PCN(y des.Year) des.PCN {
	if sc == nil {
		return des.PCN{}
	}
	if ps, ok := sc.Populations[y]; ok {
		return des.PCN{Name: sc.Name, Practices: ps}
	}
	ps := slices.Clone(sc.Practices)
	base := sc.BaseYear()
	if g := sc.Assumptions.ListGrowth; !g.IsZero() && y > base {
		f := derive.GrowthFactor(g, int(y-base))
		grow := func(n des.Number, places int32) des.Number {
			if !n.IsSet() {
				return n
			}
			return des.NumberOf(n.Decimal().Mul(f).Round(places))
		}
		for i := range ps {
			ps[i].Registered = grow(ps[i].Registered, 0)
			ps[i].Weighted = grow(ps[i].Weighted, 2)
			ps[i].Adjusted = grow(ps[i].Adjusted, 2)
		}
	}
	return des.PCN{Name: sc.Name, Practices: ps}
}

// Roster returns the scenario's staff for a year: each person's annual cost
// (or salary) raised by pay_uplift_pct once for each year after the base
// year, rounded half-up to the penny. Staff carry across years by their
// dates; the claims engine counts only the days each person is in post.
func (sc *Scenario) Roster(y des.Year) []arrs.Staff {
	if sc == nil {
		return nil
	}
	roster := slices.Clone(sc.Staff)
	base := sc.BaseYear()
	if up := sc.Assumptions.PayUplift; !up.IsZero() && y > base {
		k := derive.GrowthFactor(up, int(y-base))
		for i := range roster {
			roster[i].AnnualCost = roster[i].AnnualCost.Mul(k).Round(2)
			roster[i].Salary = roster[i].Salary.Mul(k).Round(2)
		}
	}
	return roster
}
