package derive

// Completing one year alone. Complete reads two things of the rule sets
// other than the one it fills: the sourced ARRS maxima of every year (the
// band model's anchors) with the dates at which a band's figure may change,
// and, for a payment marked carry, the completed payment of the year
// before. Evidence and Carry hold just that, so that CompleteYear can
// complete one rule set without the others. Evidence is written as text
// and Carry and BandRules as JSON, and read back exactly (package rates
// embeds them for its years, so that a program that needs one year parses
// one year).

import (
	"encoding/json"
	"fmt"
	"github.com/pcnfin/pcnfin/des"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Evidence is what the band model reads of one rule set, as stated, when
// it completes any rule set of the catalogue: its sourced ARRS maxima (the
// anchors: role, band, dates, figures, and the document and address of
// each figure's source, which derived figures cite) and the dates at which
// a band's figure may change (the year's start, claims_from, each role's
// eligible_from and the date of each sourced maximum). It is immutable.
type Evidence struct {
	year    des.Year
	dates   []des.Date // sorted, each once
	anchors []anchor
}

// EvidenceOf returns the evidence a rule set gives, as its file states it
// (before Complete). It is the zero Evidence for a nil rule set.
func EvidenceOf(rs *des.RuleSet) Evidence {
	if rs == nil {
		return Evidence{}
	}
	return evidenceOf(fillable(rs))
}

// evidenceOf is EvidenceOf of a rule set's contents.
func evidenceOf(rs *des.Contents) Evidence {
	e := Evidence{year: rs.Year}
	addDate := func(d des.Date) {
		if !slices.Contains(e.dates, d) {
			e.dates = append(e.dates, d)
		}
	}
	addDate(rs.Year.Start())
	addDate(rs.ARRS.ClaimsFrom)
	for _, r := range rs.ARRS.Roles {
		addDate(r.EligibleFrom)
		for k, mx := range r.Maxima {
			if !mx.Source.Confidence.Sourced() || mx.ClaimCap {
				continue
			}
			a := anchor{band: r.Band, role: r.ID, year: rs.Year, from: mx.From, until: rs.Year.End(), known: mx.Announced}
			if a.known.IsZero() {
				a.known = mx.From
			}
			for _, nx := range r.Maxima[k+1:] {
				if nx.From.After(mx.From) {
					a.until = nx.From.AddDays(-1)
					break
				}
			}
			a.amt = [nZones]decimal.Decimal{mx.National, mx.OuterLondon, mx.InnerLondon}
			for z := range nZones {
				s := mx.SourceFor(z) // the model cites the document and address only
				a.src[z] = des.Source{Document: s.Document, URL: s.URL}
			}
			e.anchors = append(e.anchors, a)
			addDate(mx.From)
		}
	}
	slices.SortFunc(e.dates, func(a, b des.Date) int { return a.Compare(b) })
	return e
}

// evidenceOfAll is the evidence of each rule set, in the order given.
func evidenceOfAll(sets []*des.Contents) []Evidence {
	out := make([]Evidence, len(sets))
	for i, rs := range sets {
		out[i] = evidenceOf(rs)
	}
	return out
}

// evidenceOfSets is the evidence of each rule set.
func evidenceOfSets(sets []*des.RuleSet) []Evidence {
	out := make([]Evidence, len(sets))
	for i, rs := range sets {
		out[i] = EvidenceOf(rs)
	}
	return out
}

// Year is the DES year of the rule set the evidence is from.
func (e Evidence) Year() des.Year { return e.year }

// Carry is what a rule set's carry marks take from the year before: that
// year, and its completed payments the marks name, each part reduced to
// its value in force at the end of the year (all that carrying reads). The
// zero Carry is "no rule set for the year before".
type Carry struct {
	from     des.Year
	payments []des.Payment
}

// CarryOf returns what rs carries from prev, the year before's rule set as
// Complete returns it. It is the zero Carry when prev is nil or not the
// year before rs's (as Complete carries nothing across a missing year).
func CarryOf(rsIn, prevIn *des.RuleSet) Carry {
	if rsIn == nil || prevIn == nil || prevIn.Year() != rsIn.Year()-1 {
		return Carry{}
	}
	rs, prev := fillable(rsIn), fillable(prevIn)
	var ids []string
	for _, p := range rs.Payments {
		if slices.ContainsFunc(p.Parts, func(pt des.Part) bool { return pt.Carry }) {
			ids = append(ids, p.ID)
		}
	}
	for _, g := range rs.Gaps {
		if g.Carry {
			ids = append(ids, g.Item)
		}
	}
	c := Carry{from: prev.Year}
	for _, p := range prev.Payments {
		if !slices.Contains(ids, p.ID) {
			continue
		}
		p = clonePayment(p)
		for i := range p.Parts {
			if vs := p.Parts[i].InForce(des.Date{}); len(vs) > 0 {
				p.Parts[i].Values = vs[len(vs)-1:]
			}
		}
		c.payments = append(c.payments, p)
	}
	return c
}

// From is the year carried from (0 for the zero Carry).
func (c Carry) From() des.Year { return c.from }

// CompleteYear completes one rule set alone, exactly as Complete completes
// it among the others: carry is CarryOf(rs, the year before as Complete
// returns it), and evidence the Evidence of the other rule sets (an entry
// for rs's own year is replaced by rs's). It returns a copy; rs is not
// changed.
func CompleteYear(rs *des.RuleSet, carry Carry, evidence []Evidence, bands *BandRules,
	rates OnCostRates) (*des.RuleSet, error) {
	if bands == nil || rates == nil {
		return nil, fmt.Errorf("%w: CompleteYear needs band rules and on-cost rates", des.ErrMissing)
	}
	if rs == nil {
		return nil, fmt.Errorf("%w: a nil rule set", des.ErrMissing)
	}
	c := fillable(rs)
	var prev *des.Contents
	if carry.from != 0 && carry.from == rs.Year()-1 {
		prev = &des.Contents{Year: carry.from, Payments: carry.payments}
	}
	var errs des.Errors
	errs = append(errs, carryPayments(c, prev)...)
	evs := make([]Evidence, 0, len(evidence)+1)
	for _, e := range evidence {
		if e.year != rs.Year() {
			evs = append(evs, e)
		}
	}
	evs = append(evs, evidenceOf(c))
	slices.SortStableFunc(evs, func(a, b Evidence) int { return int(a.year - b.year) })
	m := newBandModel(evs, bands, rates)
	errs = append(errs, m.completeRoles(c)...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return des.NewRuleSet(*c), nil
}

// exactDecimal is a decimal as JSON text that reads back with the same
// coefficient and exponent ("2.50" stays 250 × 10⁻², not 25 × 10⁻¹).
type exactDecimal decimal.Decimal

func (d exactDecimal) MarshalText() ([]byte, error) {
	return []byte(FormatExact(decimal.Decimal(d))), nil
}

func (d *exactDecimal) UnmarshalText(b []byte) error {
	v, err := ParseExact(string(b))
	*d = exactDecimal(v)
	return err
}

// FormatExact writes a decimal so that ParseExact reads it back with the
// same coefficient and exponent: "2.50" stays 250 × 10⁻², and 3 × 10⁴ is
// "3e4".
func FormatExact(d decimal.Decimal) string {
	switch e := d.Exponent(); {
	case e < 0:
		return d.StringFixed(-e)
	case e > 0:
		return d.Coefficient().String() + "e" + strconv.Itoa(int(e))
	}
	return d.String()
}

// ParseExact reads a decimal as FormatExact writes it, keeping its
// exponent, which must be within ±28 (a figure of the rules has a few
// places; "1e-99999999" would write out as a hundred million digits).
func ParseExact(s string) (decimal.Decimal, error) {
	v, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if e := v.Exponent(); e < -28 || e > 28 {
		return decimal.Decimal{}, fmt.Errorf("%w: %q: exponent %d is beyond ±28", des.ErrInvalid, s, e)
	}
	return v, nil
}

func (d exactDecimal) IsZero() bool { return decimal.Decimal(d).IsZero() }

// MarshalText writes the evidence as lines of text, one anchor a line, each
// source on the line after it:
//
//	evidence 2025/26
//	dates 2025-04-01 2025-06-01
//	anchor clinical_pharmacist "7-8a" 2025-04-01 2026-03-31 2025-03-27 71725 - -
//	source "Network Contract DES 2025/26 …" "https://…"
//	outer_source "…" "…"   (when the outer London figure's source differs)
//	inner_source "…" "…"
//	end
//
// An anchor's fields are the role, band, the first and last days it is
// the role's latest figure, the day it was known, and its national, outer
// and inner London figures ("-" for none), each with its exponent ("2.50"
// stays 2.50); text is quoted as in Go. UnmarshalText reads it back
// exactly; it is quick to read (package rates reads the evidence of every
// year whenever it completes one).
func (e Evidence) MarshalText() ([]byte, error) {
	var b []byte
	b = append(b, "evidence "...)
	b = append(b, e.year.String()...)
	b = append(b, "\ndates"...)
	for _, d := range e.dates {
		b = append(b, ' ')
		b = append(b, d.String()...)
	}
	b = append(b, '\n')
	for _, a := range e.anchors {
		b = append(b, "anchor "...)
		b = append(b, a.role...)
		b = append(b, ' ')
		b = strconv.AppendQuote(b, a.band)
		for _, d := range []des.Date{a.from, a.until, a.known} {
			b = append(b, ' ')
			b = append(b, d.String()...)
		}
		for _, v := range a.amt {
			b = append(b, ' ')
			if v.IsZero() {
				b = append(b, '-')
				continue
			}
			b = append(b, FormatExact(v)...)
		}
		for z, key := range []string{"source", "outer_source", "inner_source"} {
			if z > 0 && a.src[z] == a.src[0] {
				continue
			}
			b = append(b, "\n"+key+" "...)
			b = strconv.AppendQuote(b, a.src[z].Document)
			b = append(b, ' ')
			b = strconv.AppendQuote(b, a.src[z].URL)
		}
		b = append(b, '\n')
	}
	return append(b, "end\n"...), nil
}

// UnmarshalText reads evidence written by MarshalText.
func (e *Evidence) UnmarshalText(text []byte) error {
	rest := string(text)
	r := evidenceReader{out: Evidence{anchors: make([]anchor, 0, strings.Count(rest, "\nanchor "))}}
	var f []string
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		r.n++
		var err error
		done := false
		if f, err = textFields(f[:0], line); err == nil && len(f) == 0 {
			err = des.ErrSyntax
		}
		if err == nil {
			done, err = r.line(f[0], f[1:], rest == "")
		}
		if err != nil {
			return fmt.Errorf("evidence line %d: %q: %w", r.n, line, err)
		}
		if done {
			*e = r.out
			return nil
		}
	}
	return fmt.Errorf("evidence: %w: no end line", des.ErrSyntax)
}

// evidenceReader is UnmarshalText's state: the evidence so far, the
// anchor being read and the line number.
type evidenceReader struct {
	out Evidence
	a   *anchor // the last anchor read, which source lines belong to
	n   int
}

// line reads one line, its first word key and the rest args; last says
// it is the text's last line. It says whether the line ends the evidence;
// a line out of place is des.ErrSyntax.
func (r *evidenceReader) line(key string, args []string, last bool) (done bool, err error) {
	switch {
	case key == "evidence" && len(args) == 1 && r.n == 1:
		r.out.year, err = des.ParseYear(args[0])
	case key == "dates" && r.n == 2:
		err = r.dates(args)
	case key == "anchor" && len(args) == 8 && r.n > 2:
		err = r.anchor(args)
	case key == "source" && len(args) == 2 && r.a != nil:
		r.a.src = [nZones]des.Source{{Document: args[0], URL: args[1]}, {Document: args[0], URL: args[1]},
			{Document: args[0], URL: args[1]}}
	case key == "outer_source" && len(args) == 2 && r.a != nil:
		r.a.src[1] = des.Source{Document: args[0], URL: args[1]}
	case key == "inner_source" && len(args) == 2 && r.a != nil:
		r.a.src[2] = des.Source{Document: args[0], URL: args[1]}
	case key == "end" && len(args) == 0 && last && r.n > 2:
		return true, nil
	default:
		return false, des.ErrSyntax
	}
	return false, err
}

// dates reads the dates line: the as-at dates the evidence was taken on.
func (r *evidenceReader) dates(args []string) error {
	for _, t := range args {
		d, err := des.ParseDate(t)
		if err != nil {
			return err
		}
		r.out.dates = append(r.out.dates, d)
	}
	return nil
}

// anchor reads an anchor line: role, band, from, until, known, then an
// amount for each zone ("-" for none).
func (r *evidenceReader) anchor(args []string) error {
	r.out.anchors = append(r.out.anchors, anchor{role: args[0], band: args[1], year: r.out.year})
	a := &r.out.anchors[len(r.out.anchors)-1]
	r.a = a
	var err error
	for i, p := range []*des.Date{&a.from, &a.until, &a.known} {
		if *p, err = des.ParseDate(args[2+i]); err != nil {
			return err
		}
	}
	for z := range nZones {
		if t := args[5+z]; t != "-" {
			if a.amt[z], err = ParseExact(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// textFields appends the fields of a line of MarshalText to out: words
// separated by one space, or Go-quoted strings.
func textFields(out []string, line string) ([]string, error) {
	for line != "" {
		if line[0] != '"' {
			w, rest, _ := strings.Cut(line, " ")
			out, line = append(out, w), rest
			continue
		}
		i := 1
		for i < len(line) && line[i] != '"' {
			if line[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(line) {
			return nil, des.ErrSyntax
		}
		s, err := strconv.Unquote(line[:i+1])
		if err != nil {
			return nil, err
		}
		out, line = append(out, s), line[i+1:]
		if line != "" {
			if line[0] != ' ' {
				return nil, des.ErrSyntax
			}
			line = line[1:]
		}
	}
	return out, nil
}

type carryJSON struct {
	From     des.Year      `json:"from,omitzero"`
	Payments []paymentJSON `json:"payments,omitempty"`
}

type paymentJSON struct {
	ID     string     `json:"id"`
	Name   string     `json:"name"`
	PaidTo des.Payee  `json:"paid_to"`
	Kind   des.Kind   `json:"kind"`
	Pot    des.PotID  `json:"pot,omitempty"`
	Note   string     `json:"note,omitempty"`
	Parts  []partJSON `json:"parts"`
}

type partJSON struct {
	Basis  des.Basis   `json:"basis"`
	Stated des.Stated  `json:"stated"`
	From   des.Date    `json:"from"`
	To     des.Date    `json:"to"`
	Label  string      `json:"label,omitempty"`
	Scale  []stepJSON  `json:"scale,omitempty"`
	Values []valueJSON `json:"values"`
	Carry  bool        `json:"carry,omitempty"`
}

type stepJSON struct {
	Above  int64        `json:"above"`
	Factor exactDecimal `json:"factor"`
}

type valueJSON struct {
	Rate      exactDecimal `json:"rate"`
	From      des.Date     `json:"from"`
	Announced des.Date     `json:"announced,omitzero"`
	Source    des.Source   `json:"source"`
}

// MarshalJSON writes the carry; UnmarshalJSON reads it back exactly.
func (c Carry) MarshalJSON() ([]byte, error) {
	w := carryJSON{From: c.from}
	for _, p := range c.payments {
		pj := paymentJSON{ID: p.ID, Name: p.Name, PaidTo: p.PaidTo, Kind: p.Kind, Pot: p.Pot, Note: p.Note}
		for _, pt := range p.Parts {
			tj := partJSON{Basis: pt.Basis, Stated: pt.Stated, From: pt.From, To: pt.To, Label: pt.Label, Carry: pt.Carry}
			for _, s := range pt.Scale {
				tj.Scale = append(tj.Scale, stepJSON{Above: s.Above, Factor: exactDecimal(s.Factor)})
			}
			tj.Values = []valueJSON{}
			for _, v := range pt.Values {
				tj.Values = append(tj.Values, valueJSON{Rate: exactDecimal(v.Rate), From: v.From, Announced: v.Announced,
					Source: v.Source})
			}
			pj.Parts = append(pj.Parts, tj)
		}
		w.Payments = append(w.Payments, pj)
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a carry written by MarshalJSON.
func (c *Carry) UnmarshalJSON(b []byte) error {
	var w carryJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Carry{from: w.From}
	for _, pj := range w.Payments {
		p := des.Payment{ID: pj.ID, Name: pj.Name, PaidTo: pj.PaidTo, Kind: pj.Kind, Pot: pj.Pot, Note: pj.Note}
		for _, tj := range pj.Parts {
			pt := des.Part{Basis: tj.Basis, Stated: tj.Stated, From: tj.From, To: tj.To, Label: tj.Label, Carry: tj.Carry}
			for _, s := range tj.Scale {
				pt.Scale = append(pt.Scale, des.Step{Above: s.Above, Factor: decimal.Decimal(s.Factor)})
			}
			for _, v := range tj.Values {
				pt.Values = append(pt.Values, des.Value{Rate: decimal.Decimal(v.Rate), From: v.From, Announced: v.Announced,
					Source: v.Source})
			}
			p.Parts = append(p.Parts, pt)
		}
		c.payments = append(c.payments, p)
	}
	return nil
}

type bandRulesJSON struct {
	Pays   []PayGroup    `json:"pay_groups"`
	Bands  []Band        `json:"bands"`
	Awards []awardJSON   `json:"awards"`
	HCAS   []HCAS        `json:"hcas,omitempty"`
	Basis  []SalaryBasis `json:"basis,omitempty"`
}

type awardJSON struct {
	Pay       string       `json:"pay"`
	From      des.Date     `json:"from"`
	Announced des.Date     `json:"announced,omitzero"`
	Percent   exactDecimal `json:"percent"`
	Source    des.Source   `json:"source"`
}

// MarshalJSON writes the band rules; UnmarshalJSON reads them back exactly
// (they were validated when loaded by LoadBandRules, and are not again).
func (b *BandRules) MarshalJSON() ([]byte, error) {
	w := bandRulesJSON{Pays: b.pays, Bands: b.bands, HCAS: b.hcas, Basis: b.basis}
	for _, a := range b.awards {
		w.Awards = append(w.Awards, awardJSON{Pay: a.Pay, From: a.From, Announced: a.Announced,
			Percent: exactDecimal(a.Percent), Source: a.Source})
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads band rules written by MarshalJSON.
func (b *BandRules) UnmarshalJSON(data []byte) error {
	var w bandRulesJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*b = BandRules{pays: w.Pays, bands: w.Bands, hcas: w.HCAS, basis: w.Basis}
	for _, a := range w.Awards {
		b.awards = append(b.awards, PayAward{Pay: a.Pay, From: a.From, Announced: a.Announced,
			Percent: decimal.Decimal(a.Percent), Source: a.Source})
	}
	return nil
}
