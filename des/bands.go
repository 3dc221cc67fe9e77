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

// BandRules is a loaded, validated set of bands, pay groups and pay awards
// (rates/bands.toml). It is immutable.
type BandRules struct {
	bands  []Band
	pays   []PayGroup
	awards []PayAward
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

type rawBandRules struct {
	Pay   []rawPayGroup `toml:"pay"`
	Band  []rawBand     `toml:"band"`
	Award []rawAward    `toml:"award"`
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
	if err := v.errs.err(); err != nil {
		return nil, err
	}
	return br, nil
}
