package derive

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
	"github.com/pcnfin/pcnfin/des"
	"slices"

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
	ModelFrom des.Date `json:"model_from"`
	ModelTo   des.Date `json:"model_to"`
	// Note says why the model's span is what it is.
	Note string `json:"note,omitempty"`
}

// PayAward is a pay award as it reached the ARRS maxima: from From, salaries
// rise by Percent. Announced, when later than From, makes it a backdated
// revision: maxima published before then did not include it.
type PayAward struct {
	Pay       string          `json:"pay"`
	From      des.Date        `json:"from"`
	Announced des.Date        `json:"announced,omitempty"`
	Percent   decimal.Decimal `json:"percent"`
	Source    des.Source      `json:"source"`
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
	Pay       string     `json:"pay"`
	PayYear   string     `json:"pay_year"`
	From      des.Date   `json:"from"`
	Announced des.Date   `json:"announced,omitzero"`
	Outer     HCASZone   `json:"outer"`
	Inner     HCASZone   `json:"inner"`
	Fringe    HCASZone   `json:"fringe"`
	Source    des.Source `json:"source"`
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
	From            des.Date        `json:"from"`
	Announced       des.Date        `json:"announced,omitzero"`
	Salary          decimal.Decimal `json:"salary"`
	LondonWeighting decimal.Decimal `json:"london_weighting"`
	Point           string          `json:"point"`
	Source          des.Source      `json:"source"`
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

// NewBandRules returns band rules holding copies of the pay groups, bands
// (in rank order), pay awards, High Cost Area Supplement rows and salary
// bases, each list oldest first. rulefile.ReadBands reads and checks them
// from a file such as rates/bands.toml; NewBandRules checks nothing.
func NewBandRules(pays []PayGroup, bands []Band, awards []PayAward, hcas []HCAS, bases []SalaryBasis) *BandRules {
	br := &BandRules{pays: slices.Clone(pays), bands: slices.Clone(bands), awards: slices.Clone(awards),
		hcas: slices.Clone(hcas), basis: slices.Clone(bases)}
	for i := range br.bands {
		br.bands[i].Of = slices.Clone(br.bands[i].Of)
	}
	return br
}
