package des

// Completing one year alone. Complete reads two things of the rule sets
// other than the one it fills: the sourced ARRS maxima of every year (the
// band model's anchors) with the dates at which a band's figure may change,
// and, for a payment marked carry, the completed payment of the year
// before. Evidence and Carry hold just that, so that CompleteYear can
// complete one rule set without the others, and both can be written to
// JSON and read back exactly (package rates embeds them for its years).

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// Evidence is what the band model reads of one rule set, as stated, when
// it completes any rule set of the catalogue: its sourced ARRS maxima (the
// anchors: role, band, dates, figures and sources) and the dates at which
// a band's figure may change (the year's start, claims_from, each role's
// eligible_from and the date of each sourced maximum). It is immutable.
type Evidence struct {
	year    Year
	dates   []Date // sorted, each once
	anchors []anchor
}

// EvidenceOf returns the evidence a rule set gives, as its file states it
// (before Complete). It is the zero Evidence for a nil rule set.
func EvidenceOf(rs *RuleSet) Evidence {
	if rs == nil {
		return Evidence{}
	}
	e := Evidence{year: rs.year}
	addDate := func(d Date) {
		if !slices.Contains(e.dates, d) {
			e.dates = append(e.dates, d)
		}
	}
	addDate(rs.year.Start())
	addDate(rs.arrs.ClaimsFrom)
	for _, r := range rs.arrs.Roles {
		addDate(r.EligibleFrom)
		for k, mx := range r.Maxima {
			if !mx.Source.Confidence.Sourced() || mx.ClaimCap {
				continue
			}
			a := anchor{band: r.Band, role: r.ID, year: rs.year, from: mx.From, until: rs.year.End(), known: mx.Announced}
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
			a.src = [nZones]Source{mx.Source, mx.sourceFor(1), mx.sourceFor(2)}
			e.anchors = append(e.anchors, a)
			addDate(mx.From)
		}
	}
	slices.SortFunc(e.dates, func(a, b Date) int { return a.Compare(b) })
	return e
}

// evidenceOfAll is the evidence of each rule set, in the order given.
func evidenceOfAll(sets []*RuleSet) []Evidence {
	out := make([]Evidence, len(sets))
	for i, rs := range sets {
		out[i] = EvidenceOf(rs)
	}
	return out
}

// Year is the DES year of the rule set the evidence is from.
func (e Evidence) Year() Year { return e.year }

// Carry is what a rule set's carry marks take from the year before: that
// year, and its completed payments the marks name, each part reduced to
// its value in force at the end of the year (all that carrying reads). The
// zero Carry is "no rule set for the year before".
type Carry struct {
	from     Year
	payments []Payment
}

// CarryOf returns what rs carries from prev, the year before's rule set as
// Complete returns it. It is the zero Carry when prev is nil or not the
// year before rs's (as Complete carries nothing across a missing year).
func CarryOf(rs, prev *RuleSet) Carry {
	if rs == nil || prev == nil || prev.year != rs.year-1 {
		return Carry{}
	}
	var ids []string
	for _, p := range rs.payments {
		if slices.ContainsFunc(p.Parts, func(pt Part) bool { return pt.Carry }) {
			ids = append(ids, p.ID)
		}
	}
	for _, g := range rs.gaps {
		if g.Carry {
			ids = append(ids, g.Item)
		}
	}
	c := Carry{from: prev.year}
	for _, p := range prev.payments {
		if !slices.Contains(ids, p.ID) {
			continue
		}
		p = p.clone()
		for i := range p.Parts {
			if vs := p.Parts[i].InForce(Date{}); len(vs) > 0 {
				p.Parts[i].Values = vs[len(vs)-1:]
			}
		}
		c.payments = append(c.payments, p)
	}
	return c
}

// From is the year carried from (0 for the zero Carry).
func (c Carry) From() Year { return c.from }

// CompleteYear completes one rule set alone, exactly as Complete completes
// it among the others: carry is CarryOf(rs, the year before as Complete
// returns it), and evidence the Evidence of the other rule sets (an entry
// for rs's own year is replaced by rs's). It returns a copy; rs is not
// changed.
func CompleteYear(rs *RuleSet, carry Carry, evidence []Evidence, bands *BandRules,
	rates OnCostRates) (*RuleSet, error) {
	if bands == nil || rates == nil {
		return nil, fmt.Errorf("%w: CompleteYear needs band rules and on-cost rates", ErrMissing)
	}
	if rs == nil {
		return nil, fmt.Errorf("%w: a nil rule set", ErrMissing)
	}
	c := *rs
	c.payments = rs.Payments()
	c.arrs = rs.arrs.clone()
	c.gaps = slices.Clone(rs.gaps)
	var prev *RuleSet
	if carry.from != 0 && carry.from == rs.year-1 {
		prev = &RuleSet{year: carry.from, payments: carry.payments}
	}
	var errs Errors
	errs = append(errs, carryPayments(&c, prev)...)
	evs := make([]Evidence, 0, len(evidence)+1)
	for _, e := range evidence {
		if e.year != rs.year {
			evs = append(evs, e)
		}
	}
	evs = append(evs, EvidenceOf(&c))
	slices.SortStableFunc(evs, func(a, b Evidence) int { return int(a.year - b.year) })
	m := newBandModel(evs, bands, rates)
	errs = append(errs, m.completeRoles(&c)...)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return &c, nil
}

// exactDecimal is a decimal as JSON text that reads back with the same
// coefficient and exponent ("2.50" stays 250 × 10⁻², not 25 × 10⁻¹).
type exactDecimal decimal.Decimal

func (d exactDecimal) MarshalText() ([]byte, error) {
	v := decimal.Decimal(d)
	if e := v.Exponent(); e < 0 {
		return []byte(v.StringFixed(-e)), nil
	} else if e > 0 {
		return []byte(v.Coefficient().String() + "e" + strconv.Itoa(int(e))), nil
	}
	return []byte(v.String()), nil
}

func (d *exactDecimal) UnmarshalText(b []byte) error {
	v, err := decimal.NewFromString(string(b))
	*d = exactDecimal(v)
	return err
}

func (d exactDecimal) IsZero() bool { return decimal.Decimal(d).IsZero() }

type evidenceJSON struct {
	Year    Year         `json:"year"`
	Dates   []Date       `json:"dates"`
	Anchors []anchorJSON `json:"anchors,omitempty"`
}

type anchorJSON struct {
	Role        string       `json:"role"`
	Band        string       `json:"band"`
	From        Date         `json:"from"`
	Until       Date         `json:"until"`
	Known       Date         `json:"known"`
	National    exactDecimal `json:"national,omitzero"`
	OuterLondon exactDecimal `json:"outer_london,omitzero"`
	InnerLondon exactDecimal `json:"inner_london,omitzero"`
	Source      Source       `json:"source"`
	OuterSource *Source      `json:"outer_london_source,omitempty"`
	InnerSource *Source      `json:"inner_london_source,omitempty"`
}

// MarshalJSON writes the evidence; UnmarshalJSON reads it back exactly.
func (e Evidence) MarshalJSON() ([]byte, error) {
	w := evidenceJSON{Year: e.year, Dates: e.dates}
	for _, a := range e.anchors {
		j := anchorJSON{Role: a.role, Band: a.band, From: a.from, Until: a.until, Known: a.known,
			National: exactDecimal(a.amt[0]), OuterLondon: exactDecimal(a.amt[1]), InnerLondon: exactDecimal(a.amt[2]),
			Source: a.src[0]}
		if a.src[1] != a.src[0] {
			j.OuterSource = &a.src[1]
		}
		if a.src[2] != a.src[0] {
			j.InnerSource = &a.src[2]
		}
		w.Anchors = append(w.Anchors, j)
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads evidence written by MarshalJSON.
func (e *Evidence) UnmarshalJSON(b []byte) error {
	var w evidenceJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = Evidence{year: w.Year, dates: w.Dates}
	for _, j := range w.Anchors {
		a := anchor{band: j.Band, role: j.Role, year: w.Year, from: j.From, until: j.Until, known: j.Known,
			amt: [nZones]decimal.Decimal{decimal.Decimal(j.National), decimal.Decimal(j.OuterLondon),
				decimal.Decimal(j.InnerLondon)},
			src: [nZones]Source{j.Source, j.Source, j.Source}}
		if j.OuterSource != nil {
			a.src[1] = *j.OuterSource
		}
		if j.InnerSource != nil {
			a.src[2] = *j.InnerSource
		}
		e.anchors = append(e.anchors, a)
	}
	return nil
}

type carryJSON struct {
	From     Year          `json:"from,omitzero"`
	Payments []paymentJSON `json:"payments,omitempty"`
}

type paymentJSON struct {
	ID     string     `json:"id"`
	Name   string     `json:"name"`
	PaidTo Payee      `json:"paid_to"`
	Kind   Kind       `json:"kind"`
	Pot    PotID      `json:"pot,omitempty"`
	Note   string     `json:"note,omitempty"`
	Parts  []partJSON `json:"parts"`
}

type partJSON struct {
	Basis  Basis       `json:"basis"`
	Stated Stated      `json:"stated"`
	From   Date        `json:"from"`
	To     Date        `json:"to"`
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
	From      Date         `json:"from"`
	Announced Date         `json:"announced,omitzero"`
	Source    Source       `json:"source"`
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
		p := Payment{ID: pj.ID, Name: pj.Name, PaidTo: pj.PaidTo, Kind: pj.Kind, Pot: pj.Pot, Note: pj.Note}
		for _, tj := range pj.Parts {
			pt := Part{Basis: tj.Basis, Stated: tj.Stated, From: tj.From, To: tj.To, Label: tj.Label, Carry: tj.Carry}
			for _, s := range tj.Scale {
				pt.Scale = append(pt.Scale, Step{Above: s.Above, Factor: decimal.Decimal(s.Factor)})
			}
			for _, v := range tj.Values {
				pt.Values = append(pt.Values, Value{Rate: decimal.Decimal(v.Rate), From: v.From, Announced: v.Announced,
					Source: v.Source})
			}
			p.Parts = append(p.Parts, pt)
		}
		c.payments = append(c.payments, p)
	}
	return nil
}
