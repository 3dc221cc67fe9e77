package des

// Pay bands and pay awards: the data the band model (Complete) works from.
//
// NHS England sets one ARRS maximum per Agenda for Change band (or band
// variant, such as the 7-8a rate of clinical pharmacists), not per role: the
// band's weighted average salary plus employer on-costs. So a role's
// maximum in a period no source gives can be worked out from a sourced
// maximum of any role on the same band, moved through the pay awards
// between the two dates and re-costed under the on-cost rules of each date.
// BandRules holds the bands, the pay awards with the dates they reached the
// maxima, and the span over which the model was checked against the sourced
// figures (outside it other, weaker rules apply; see Complete).

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Band is a pay band an ARRS maximum is set at.
type Band struct {
	ID   string `json:"id"`   // "5", "7-8a", "gp"
	Name string `json:"name"` // "Agenda for Change band 5"
	// Pay is the pay group whose awards move the band's salary ("afc",
	// "ddrb").
	Pay string `json:"pay"`
	// Rank orders bands by pay, lowest first (the file's order): the
	// fallback rule moves a band with its nearest neighbour.
	Rank int `json:"rank"`
	// Of lists the bands a range band ("4-8a") spans; empty for one band.
	Of []string `json:"of,omitempty"`
}

// PayGroup is a group of staff whose pay moves by one award (Agenda for
// Change staff, or salaried GPs under the DDRB).
type PayGroup struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// ModelFrom and ModelTo bound the dates whose maxima the pay-award model
	// may derive: the span over which the awards are known and the model
	// reproduces the sourced figures.
	ModelFrom Date `json:"model_from"`
	ModelTo   Date `json:"model_to"`
	// Note says why the model's span is what it is.
	Note string `json:"note,omitempty"`
}

// PayAward is a pay award as it reached the ARRS maxima: from From, salaries
// rise by Percent. Announced, when later than From, makes it a backdated
// revision: maxima published before then did not include it.
type PayAward struct {
	Pay       string          `json:"pay"`
	From      Date            `json:"from"`
	Announced Date            `json:"announced,omitempty"`
	Percent   decimal.Decimal `json:"percent"`
	Source    Source          `json:"source"`
}

// Backdated reports whether the award was announced after it took effect.
func (a PayAward) Backdated() bool { return !a.Announced.IsZero() && a.Announced.After(a.From) }

// HCASZone is one zone of the Agenda for Change High Cost Area Supplement:
// Percent of basic pay, at least Min and at most Max £ a year.
type HCASZone struct {
	Percent decimal.Decimal `json:"percent"`
	Min     decimal.Decimal `json:"min"`
	Max     decimal.Decimal `json:"max"`
}

// Supplement is clamp(Percent% × basic, Min, Max).
func (h HCASZone) Supplement(basic decimal.Decimal) decimal.Decimal {
	v := basic.Mul(h.Percent).Shift(-2)
	if v.LessThan(h.Min) {
		v = h.Min
	}
	if v.GreaterThan(h.Max) {
		v = h.Max
	}
	return v
}

// HCAS is one pay year's High Cost Area Supplement (NHS terms and
// conditions, Annex 9) as it reached the ARRS maxima: from From (announced
// on Announced when later: a backdated revision) London maxima are the
// band's salary plus Outer or Inner, with on-costs (HCAS is pensionable).
// Fringe is recorded for completeness: the ARRS has no fringe zone. No row
// in force at a date means no London weighting then.
type HCAS struct {
	Pay       string   `json:"pay"`
	PayYear   string   `json:"pay_year"`
	From      Date     `json:"from"`
	Announced Date     `json:"announced,omitzero"`
	Outer     HCASZone `json:"outer"`
	Inner     HCASZone `json:"inner"`
	Fringe    HCASZone `json:"fringe"`
	Source    Source   `json:"source"`
}

// Zone is the supplement of zone z (1 outer, 2 inner London).
func (h HCAS) Zone(z int) HCASZone {
	if z == 2 {
		return h.Inner
	}
	return h.Outer
}

// SalaryBasis is the salary a band's maximum is re-based on from From
// (announced on Announced when later): a stated point of a pay range (the
// salaried GP range), not a weighted average moved by awards. The maximum
// is Salary plus on-costs; the London maximum (one figure, both zones) is
// Salary + LondonWeighting plus on-costs.
type SalaryBasis struct {
	Band            string          `json:"band"`
	From            Date            `json:"from"`
	Announced       Date            `json:"announced,omitzero"`
	Salary          decimal.Decimal `json:"salary"`
	LondonWeighting decimal.Decimal `json:"london_weighting"`
	Point           string          `json:"point"`
	Source          Source          `json:"source"`
}

// BandRules is a loaded, validated set of bands, pay groups and pay awards
// (rates/bands.toml). It is immutable.
type BandRules struct {
	bands  []Band
	pays   []PayGroup
	awards []PayAward
	hcas   []HCAS
	basis  []SalaryBasis
}

// HCAS lists the High Cost Area Supplement rows, oldest first.
func (b *BandRules) HCAS() []HCAS {
	if b == nil {
		return nil
	}
	return slices.Clone(b.hcas)
}

// Bases lists the salary bases, oldest first per band.
func (b *BandRules) Bases() []SalaryBasis {
	if b == nil {
		return nil
	}
	return slices.Clone(b.basis)
}

// Bands lists the bands, lowest first.
func (b *BandRules) Bands() []Band {
	if b == nil {
		return nil
	}
	return slices.Clone(b.bands)
}

// Band returns the band with the given ID.
func (b *BandRules) Band(id string) (Band, bool) {
	if b == nil {
		return Band{}, false
	}
	for _, x := range b.bands {
		if x.ID == id {
			return x, true
		}
	}
	return Band{}, false
}

// PayGroups lists the pay groups.
func (b *BandRules) PayGroups() []PayGroup {
	if b == nil {
		return nil
	}
	return slices.Clone(b.pays)
}

// Awards lists the pay awards, oldest first.
func (b *BandRules) Awards() []PayAward {
	if b == nil {
		return nil
	}
	return slices.Clone(b.awards)
}

func (b *BandRules) payGroup(id string) (PayGroup, bool) {
	for _, p := range b.pays {
		if p.ID == id {
			return p, true
		}
	}
	return PayGroup{}, false
}

type rawBand struct {
	ID   string   `toml:"id"`
	Name string   `toml:"name"`
	Pay  string   `toml:"pay"`
	Of   []string `toml:"of"`
}

type rawPayGroup struct {
	ID        string `toml:"id"`
	Name      string `toml:"name"`
	ModelFrom Date   `toml:"model_from"`
	ModelTo   Date   `toml:"model_to"`
	Note      string `toml:"note"`
}

type rawAward struct {
	Pay       string `toml:"pay"`
	From      Date   `toml:"from"`
	Announced Date   `toml:"announced"`
	Percent   exact  `toml:"percent"`
	rawSource
}

type rawHCASZone struct {
	Percent exact `toml:"percent"`
	Min     exact `toml:"min"`
	Max     exact `toml:"max"`
}

type rawHCAS struct {
	Pay       string      `toml:"pay"`
	PayYear   string      `toml:"pay_year"`
	From      Date        `toml:"from"`
	Announced Date        `toml:"announced"`
	Outer     rawHCASZone `toml:"outer"`
	Inner     rawHCASZone `toml:"inner"`
	Fringe    rawHCASZone `toml:"fringe"`
	rawSource
}

type rawBasis struct {
	Band            string `toml:"band"`
	From            Date   `toml:"from"`
	Announced       Date   `toml:"announced"`
	Salary          exact  `toml:"salary"`
	LondonWeighting exact  `toml:"london_weighting"`
	Point           string `toml:"point"`
	rawSource
}

type rawBandRules struct {
	Pay   []rawPayGroup `toml:"pay"`
	Band  []rawBand     `toml:"band"`
	Award []rawAward    `toml:"award"`
	HCAS  []rawHCAS     `toml:"hcas"`
	Basis []rawBasis    `toml:"basis"`
}

// LoadBandRules decodes and validates bands, pay groups and pay awards in
// the format of rates/bands.toml. name is used in error messages. Decoding
// is strict, as for rule sets: an unknown key, a missing source, an award
// for an unknown pay group, awards out of date order or a percentage outside
// 0-50 is an error naming the file, line and field.
func LoadBandRules(name string, data []byte) (*BandRules, error) {
	if len(data) > MaxRuleSetBytes {
		return nil, &FieldError{File: name,
			Msg: fmt.Sprintf("input is %d bytes; a band file may be at most %d", len(data), MaxRuleSetBytes), Err: ErrInvalid}
	}
	var raw rawBandRules
	v, err := decodeStrict(name, data, &raw)
	if err != nil {
		return nil, err
	}
	br := &BandRules{}
	root := fieldPath{}
	for i, rp := range raw.Pay {
		p := root.with("pay", i)
		g := PayGroup{ID: rp.ID, Name: rp.Name, ModelFrom: rp.ModelFrom, ModelTo: rp.ModelTo, Note: rp.Note}
		if !idRE.MatchString(g.ID) {
			v.add(p.key("id"), ErrInvalid, "id %q: want a snake_case identifier such as afc", g.ID)
		}
		if _, dup := br.payGroup(g.ID); dup {
			v.add(p.key("id"), ErrInvalid, "duplicate pay group %q", g.ID)
		}
		if g.ModelFrom.IsZero() || g.ModelTo.IsZero() || g.ModelTo.Before(g.ModelFrom) {
			v.add(p.key("model_from"), ErrInvalid,
				"want model_from and model_to, in order: the dates whose maxima the model may derive")
		}
		br.pays = append(br.pays, g)
	}
	for i, rb := range raw.Band {
		p := root.with("band", i)
		b := Band{ID: rb.ID, Name: rb.Name, Pay: rb.Pay, Rank: i, Of: rb.Of}
		if strings.TrimSpace(b.ID) == "" || strings.TrimSpace(b.Name) == "" {
			v.add(p, ErrMissing, "a band needs id and name")
		}
		if _, dup := br.Band(b.ID); dup {
			v.add(p.key("id"), ErrInvalid, "duplicate band %q", b.ID)
		}
		if _, ok := br.payGroup(b.Pay); !ok {
			v.add(p.key("pay"), ErrInvalid, "pay %q: want one of the [[pay]] groups", b.Pay)
		}
		for _, o := range b.Of {
			if _, ok := br.Band(o); !ok {
				v.add(p.key("of"), ErrInvalid, "band %q in of is not a band listed before this one", o)
			}
		}
		br.bands = append(br.bands, b)
	}
	for i, ra := range raw.Award {
		p := root.with("award", i)
		a := PayAward{Pay: ra.Pay, From: ra.From, Announced: ra.Announced, Percent: ra.Percent.D,
			Source: v.source(p, ra.rawSource)}
		if _, ok := br.payGroup(a.Pay); !ok {
			v.add(p.key("pay"), ErrInvalid, "pay %q: want one of the [[pay]] groups", a.Pay)
		}
		if a.From.IsZero() || !a.From.FirstOfMonth() {
			v.add(p.key("from"), ErrInvalid, "want from: the first of the month the award reached the maxima")
		}
		if !ra.Percent.Set || a.Percent.IsNegative() || a.Percent.GreaterThan(decimal.NewFromInt(50)) {
			v.add(p.key("percent"), ErrInvalid, "want a percentage from 0 to 50, e.g. percent = \"3.6\"")
		}
		for _, prev := range br.awards {
			if prev.Pay == a.Pay && !prev.From.Before(a.From) {
				v.add(p.key("from"), ErrOverlap, "awards of pay group %q must be in date order, one a date", a.Pay)
			}
		}
		br.awards = append(br.awards, a)
	}
	hundred := decimal.NewFromInt(100)
	for i, rh := range raw.HCAS {
		p := root.with("hcas", i)
		h := HCAS{Pay: rh.Pay, PayYear: rh.PayYear, From: rh.From, Announced: rh.Announced,
			Source: v.source(p, rh.rawSource)}
		if _, ok := br.payGroup(h.Pay); !ok {
			v.add(p.key("pay"), ErrInvalid, "pay %q: want one of the [[pay]] groups", h.Pay)
		}
		if h.From.IsZero() || !h.From.FirstOfMonth() {
			v.add(p.key("from"), ErrInvalid, "want from: the first of the month the supplement reached the maxima")
		}
		for _, zz := range []struct {
			name string
			raw  rawHCASZone
			out  *HCASZone
		}{{"outer", rh.Outer, &h.Outer}, {"inner", rh.Inner, &h.Inner}, {"fringe", rh.Fringe, &h.Fringe}} {
			zp := p.key(zz.name)
			if !zz.raw.Percent.Set || !zz.raw.Min.Set || !zz.raw.Max.Set {
				v.add(zp, ErrMissing, "want %s = { percent = \"15\", min = \"4550\", max = \"5735\" }", zz.name)
				continue
			}
			*zz.out = HCASZone{Percent: zz.raw.Percent.D, Min: zz.raw.Min.D, Max: zz.raw.Max.D}
			if !zz.out.Percent.IsPositive() || zz.out.Percent.GreaterThan(hundred) || zz.out.Min.IsNegative() ||
				zz.out.Max.LessThan(zz.out.Min) {
				v.add(zp, ErrInvalid, "want a percentage from 0 to 100 and 0 <= min <= max")
			}
		}
		for _, prev := range br.hcas {
			if prev.Pay == h.Pay && !prev.From.Before(h.From) {
				v.add(p.key("from"), ErrOverlap, "supplements of pay group %q must be in date order, one a date", h.Pay)
			}
		}
		br.hcas = append(br.hcas, h)
	}
	for i, rb := range raw.Basis {
		p := root.with("basis", i)
		s := SalaryBasis{Band: rb.Band, From: rb.From, Announced: rb.Announced, Salary: rb.Salary.D,
			LondonWeighting: rb.LondonWeighting.D, Point: rb.Point, Source: v.source(p, rb.rawSource)}
		if _, ok := br.Band(s.Band); !ok {
			v.add(p.key("band"), ErrInvalid, "band %q: want one of the [[band]] ids", s.Band)
		}
		if s.From.IsZero() || !s.From.FirstOfMonth() {
			v.add(p.key("from"), ErrInvalid, "want from: the first of the month the maxima were re-based")
		}
		if !rb.Salary.Set || !s.Salary.IsPositive() {
			v.add(p.key("salary"), ErrInvalid, "want a salary above zero, e.g. salary = \"82418\"")
		}
		if s.LondonWeighting.IsNegative() {
			v.add(p.key("london_weighting"), ErrInvalid, "want a London weighting of zero or more")
		}
		if strings.TrimSpace(s.Point) == "" {
			v.add(p.key("point"), ErrMissing, "want point: which point of which pay range the salary is")
		}
		for _, prev := range br.basis {
			if prev.Band == s.Band && !prev.From.Before(s.From) {
				v.add(p.key("from"), ErrOverlap, "bases of band %q must be in date order, one a date", s.Band)
			}
		}
		br.basis = append(br.basis, s)
	}
	if err := v.errs.err(); err != nil {
		return nil, err
	}
	return br, nil
}
