package rulefile

import (
	"fmt"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/shopspring/decimal"
)

type rawBand struct {
	ID   string   `toml:"id"`
	Name string   `toml:"name"`
	Pay  string   `toml:"pay"`
	Of   []string `toml:"of"`
}

type rawPayGroup struct {
	ID        string   `toml:"id"`
	Name      string   `toml:"name"`
	ModelFrom des.Date `toml:"model_from"`
	ModelTo   des.Date `toml:"model_to"`
	Note      string   `toml:"note"`
}

type rawAward struct {
	Pay       string   `toml:"pay"`
	From      des.Date `toml:"from"`
	Announced des.Date `toml:"announced"`
	Percent   exact    `toml:"percent"`
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
	From      des.Date    `toml:"from"`
	Announced des.Date    `toml:"announced"`
	Outer     rawHCASZone `toml:"outer"`
	Inner     rawHCASZone `toml:"inner"`
	Fringe    rawHCASZone `toml:"fringe"`
	rawSource
}

type rawBasis struct {
	Band            string   `toml:"band"`
	From            des.Date `toml:"from"`
	Announced       des.Date `toml:"announced"`
	Salary          exact    `toml:"salary"`
	LondonWeighting exact    `toml:"london_weighting"`
	Point           string   `toml:"point"`
	rawSource
}

type rawBandRules struct {
	Pay   []rawPayGroup `toml:"pay"`
	Band  []rawBand     `toml:"band"`
	Award []rawAward    `toml:"award"`
	HCAS  []rawHCAS     `toml:"hcas"`
	Basis []rawBasis    `toml:"basis"`
}

// ReadBands decodes and validates bands, pay groups and pay awards in
// the format of rates/bands.toml. name is used in error messages. Decoding
// is strict, as for rule sets: an unknown key, a missing source, an award
// for an unknown pay group, awards out of date order or a percentage outside
// 0-50 is an error naming the file, line and field.
func ReadBands(name string, data []byte) (*derive.BandRules, error) {
	if len(data) > MaxBytes {
		return nil, &des.FieldError{File: name,
			Msg: fmt.Sprintf("input is %d bytes; a band file may be at most %d", len(data), MaxBytes), Err: des.ErrInvalid}
	}
	var raw rawBandRules
	v, err := decodeStrict(name, data, &raw)
	if err != nil {
		return nil, err
	}
	b := bandFile{v: v}
	for i, r := range raw.Pay {
		b.payGroup(fieldPath{}.with("pay", i), r)
	}
	for i, r := range raw.Band {
		b.band(fieldPath{}.with("band", i), i, r)
	}
	for i, r := range raw.Award {
		b.award(fieldPath{}.with("award", i), r)
	}
	for i, r := range raw.HCAS {
		b.hcas(fieldPath{}.with("hcas", i), r)
	}
	for i, r := range raw.Basis {
		b.basis(fieldPath{}.with("basis", i), r)
	}
	if err := v.errs.Err(); err != nil {
		return nil, err
	}
	return derive.NewBandRules(b.pays, b.bands, b.awards, b.hcass, b.bases), nil
}

// bandFile is a band file as it is checked, one table at a time: each
// table's rows may name only the rows of the tables before.
type bandFile struct {
	v      *validator
	pays   []derive.PayGroup
	bands  []derive.Band
	awards []derive.PayAward
	hcass  []derive.HCAS
	bases  []derive.SalaryBasis
}

func (b *bandFile) hasPay(id string) bool {
	for _, p := range b.pays {
		if p.ID == id {
			return true
		}
	}
	return false
}

func (b *bandFile) hasBand(id string) bool {
	for _, x := range b.bands {
		if x.ID == id {
			return true
		}
	}
	return false
}

func (b *bandFile) payGroup(p fieldPath, r rawPayGroup) {
	v := b.v
	g := derive.PayGroup{ID: r.ID, Name: r.Name, ModelFrom: r.ModelFrom, ModelTo: r.ModelTo, Note: r.Note}
	if !idRE.MatchString(g.ID) {
		v.add(p.key("id"), des.ErrInvalid, "id %q: want a snake_case identifier such as afc", g.ID)
	}
	if b.hasPay(g.ID) {
		v.add(p.key("id"), des.ErrInvalid, "duplicate pay group %q", g.ID)
	}
	if g.ModelFrom.IsZero() || g.ModelTo.IsZero() || g.ModelTo.Before(g.ModelFrom) {
		v.add(p.key("model_from"), des.ErrInvalid,
			"want model_from and model_to, in order: the dates whose maxima the model may derive")
	}
	b.pays = append(b.pays, g)
}

func (b *bandFile) band(p fieldPath, rank int, r rawBand) {
	v := b.v
	x := derive.Band{ID: r.ID, Name: r.Name, Pay: r.Pay, Rank: rank, Of: r.Of}
	if strings.TrimSpace(x.ID) == "" || strings.TrimSpace(x.Name) == "" {
		v.add(p, des.ErrMissing, "a band needs id and name")
	}
	if b.hasBand(x.ID) {
		v.add(p.key("id"), des.ErrInvalid, "duplicate band %q", x.ID)
	}
	if !b.hasPay(x.Pay) {
		v.add(p.key("pay"), des.ErrInvalid, "pay %q: want one of the [[pay]] groups", x.Pay)
	}
	for _, o := range x.Of {
		if !b.hasBand(o) {
			v.add(p.key("of"), des.ErrInvalid, "band %q in of is not a band listed before this one", o)
		}
	}
	b.bands = append(b.bands, x)
}

func (b *bandFile) award(p fieldPath, r rawAward) {
	v := b.v
	a := derive.PayAward{Pay: r.Pay, From: r.From, Announced: r.Announced, Percent: r.Percent.D,
		Source: v.source(p, r.rawSource)}
	if !b.hasPay(a.Pay) {
		v.add(p.key("pay"), des.ErrInvalid, "pay %q: want one of the [[pay]] groups", a.Pay)
	}
	if a.From.IsZero() || !a.From.FirstOfMonth() {
		v.add(p.key("from"), des.ErrInvalid, "want from: the first of the month the award reached the maxima")
	}
	if !r.Percent.Set || a.Percent.IsNegative() || a.Percent.GreaterThan(decimal.NewFromInt(50)) {
		v.add(p.key("percent"), des.ErrInvalid, "want a percentage from 0 to 50, e.g. percent = \"3.6\"")
	}
	for _, prev := range b.awards {
		if prev.Pay == a.Pay && !prev.From.Before(a.From) {
			v.add(p.key("from"), des.ErrOverlap, "awards of pay group %q must be in date order, one a date", a.Pay)
		}
	}
	b.awards = append(b.awards, a)
}

func (b *bandFile) hcas(p fieldPath, r rawHCAS) {
	v := b.v
	h := derive.HCAS{Pay: r.Pay, PayYear: r.PayYear, From: r.From, Announced: r.Announced,
		Source: v.source(p, r.rawSource)}
	if !b.hasPay(h.Pay) {
		v.add(p.key("pay"), des.ErrInvalid, "pay %q: want one of the [[pay]] groups", h.Pay)
	}
	if h.From.IsZero() || !h.From.FirstOfMonth() {
		v.add(p.key("from"), des.ErrInvalid, "want from: the first of the month the supplement reached the maxima")
	}
	h.Outer = b.hcasZone(p.key("outer"), r.Outer)
	h.Inner = b.hcasZone(p.key("inner"), r.Inner)
	h.Fringe = b.hcasZone(p.key("fringe"), r.Fringe)
	for _, prev := range b.hcass {
		if prev.Pay == h.Pay && !prev.From.Before(h.From) {
			v.add(p.key("from"), des.ErrOverlap, "supplements of pay group %q must be in date order, one a date", h.Pay)
		}
	}
	b.hcass = append(b.hcass, h)
}

func (b *bandFile) hcasZone(p fieldPath, r rawHCASZone) derive.HCASZone {
	if !r.Percent.Set || !r.Min.Set || !r.Max.Set {
		b.v.add(p, des.ErrMissing, "want %s = { percent = \"15\", min = \"4550\", max = \"5735\" }", p[len(p)-1].Name)
		return derive.HCASZone{}
	}
	z := derive.HCASZone{Percent: r.Percent.D, Min: r.Min.D, Max: r.Max.D}
	if !z.Percent.IsPositive() || z.Percent.GreaterThan(decimal.NewFromInt(100)) || z.Min.IsNegative() ||
		z.Max.LessThan(z.Min) {
		b.v.add(p, des.ErrInvalid, "want a percentage from 0 to 100 and 0 <= min <= max")
	}
	return z
}

func (b *bandFile) basis(p fieldPath, r rawBasis) {
	v := b.v
	s := derive.SalaryBasis{Band: r.Band, From: r.From, Announced: r.Announced, Salary: r.Salary.D,
		LondonWeighting: r.LondonWeighting.D, Point: r.Point, Source: v.source(p, r.rawSource)}
	if !b.hasBand(s.Band) {
		v.add(p.key("band"), des.ErrInvalid, "band %q: want one of the [[band]] ids", s.Band)
	}
	if s.From.IsZero() || !s.From.FirstOfMonth() {
		v.add(p.key("from"), des.ErrInvalid, "want from: the first of the month the maxima were re-based")
	}
	if !r.Salary.Set || !s.Salary.IsPositive() {
		v.add(p.key("salary"), des.ErrInvalid, "want a salary above zero, e.g. salary = \"82418\"")
	}
	if s.LondonWeighting.IsNegative() {
		v.add(p.key("london_weighting"), des.ErrInvalid, "want a London weighting of zero or more")
	}
	if strings.TrimSpace(s.Point) == "" {
		v.add(p.key("point"), des.ErrMissing, "want point: which point of which pay range the salary is")
	}
	for _, prev := range b.bases {
		if prev.Band == s.Band && !prev.From.Before(s.From) {
			v.add(p.key("from"), des.ErrOverlap, "bases of band %q must be in date order, one a date", s.Band)
		}
	}
	b.bases = append(b.bases, s)
}
