package des

import (
	"slices"

	"github.com/shopspring/decimal"
)

// ARRSRules is the Additional Roles Reimbursement Scheme part of a DES year:
// from when claims may start, and the catalogue of eligible roles.
type ARRSRules struct {
	// ClaimsFrom is the first day claims may cover (1 July 2019 in 2019/20;
	// otherwise 1 April).
	ClaimsFrom Date   `json:"claims_from"`
	Roles      []Role `json:"roles"`
}

// Role is one reimbursable role in one DES year.
type Role struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Band is the Agenda for Change band (or pay basis) the maximum is built on.
	Band string `json:"band,omitempty"`
	// EligibleFrom is the first day the role may be claimed in this year.
	EligibleFrom Date `json:"eligible_from"`
	// Reimbursement is the share of cost reimbursed: 0.70 for clinical
	// pharmacists in 2019/20, 0.50 for jointly funded mental health
	// practitioners, 1 otherwise.
	Reimbursement decimal.Decimal `json:"reimbursement"`
	// SubsequentReimbursement, when above zero, is the share of cost
	// reimbursed for each further person of the role at the same band whose
	// roster line has a written agreement (Staff.WrittenAgreement): mental
	// health practitioners from 2024/25, 50% for the first MHP at a band
	// (Table 3a) and up to 100% for further MHPs at that band where a written
	// agreement with the mental health provider is in place (Table 3b). The
	// first person at a band (by start date, then name), and any later one
	// without an agreement, get Reimbursement. Zero: one share for everyone.
	SubsequentReimbursement decimal.Decimal `json:"subsequent_reimbursement,omitempty"`
	// Pot is the ARRS sum the role's claims count against ("main", or "gp"
	// for the 2024/25 GP ring-fence).
	Pot PotID `json:"pot"`
	// Hours is the working week of one WTE (37.5 for Agenda for Change roles);
	// Sessions the sessions in one WTE (9 for GPs). Zero when not stated.
	Hours    decimal.Decimal `json:"hours_per_wte,omitempty"`
	Sessions decimal.Decimal `json:"sessions_per_wte,omitempty"`
	Source   Source          `json:"source"`
	Maxima   []Maximum       `json:"maxima"`
	// BandMaxima are, for a role paid at a range of bands (mental health
	// practitioners, bands 4 to 8a), each band's maxima, by band ID; Maxima
	// is then the highest band's, used when a person's band is not given.
	BandMaxima map[string][]Maximum `json:"band_maxima,omitempty"`
	Caps       []Cap                `json:"caps,omitempty"`
}

// Maximum is a role's maximum reimbursable amount per WTE for a year, in
// force from From (the first of a month) until the next one.
type Maximum struct {
	From Date `json:"from"`
	// Announced, when set, is when the figure was published; a later
	// announcement with the same From is a backdated revision.
	Announced Date `json:"announced,omitempty"`
	// National, OuterLondon and InnerLondon are £ per WTE per year, employer
	// on-costs included. London figures are zero where no source gives them.
	National    decimal.Decimal `json:"national"`
	OuterLondon decimal.Decimal `json:"outer_london,omitempty"`
	InnerLondon decimal.Decimal `json:"inner_london,omitempty"`
	// ClaimCap is true when the source states the amount as the most that
	// may be claimed (after the reimbursement percentage), as 2019/20 did
	// for pharmacists (£37,810 = the 70% share); false when it is the most
	// cost that counts (the usual case).
	ClaimCap bool `json:"claim_cap,omitempty"`
	// Source is where the national figure comes from; for a derived or
	// carried figure its Document says by which rule and from what.
	Source Source `json:"source"`
	// OuterSource and InnerSource are where the London figures come from,
	// when not from Source (a sourced London figure beside a derived
	// national one, or the reverse); nil when Source covers them.
	OuterSource *Source `json:"outer_london_source,omitempty"`
	InnerSource *Source `json:"inner_london_source,omitempty"`
}

// Sourced reports whether every figure of the maximum comes from a source
// (none derived or carried).
func (mx Maximum) Sourced() bool {
	for z := 0; z < nZones; z++ {
		if mx.Zone(z).IsPositive() && !mx.SourceFor(z).Confidence.Sourced() {
			return false
		}
	}
	return true
}

// CapUnit is what a cap counts.
type CapUnit string

const (
	CapHeadcount CapUnit = "headcount"
	CapWTE       CapUnit = "wte"
)

// Cap limits how many of a role a PCN may claim for at once.
type Cap struct {
	From Date    `json:"from"`
	To   Date    `json:"to"`
	Unit CapUnit `json:"unit"`
	// Limit applies to a PCN whose registered list is at most LargeAbove;
	// LargeLimit above it (when LargeAbove is set).
	Limit      decimal.Decimal `json:"limit"`
	LargeLimit decimal.Decimal `json:"large_limit,omitempty"`
	LargeAbove int64           `json:"large_above,omitempty"`
	Source     Source          `json:"source"`
}

// Large reports whether LargeLimit applies to a PCN with the given
// registered list: the list is more than LargeAbove ("more than 100,000
// patients": a PCN of exactly 100,000 is not large) and a LargeLimit is set.
// It is the one statement of the rule; the claims engine asks it.
func (c Cap) Large(registered int64) bool {
	return c.LargeAbove > 0 && registered > c.LargeAbove && c.LargeLimit.IsPositive()
}

// LimitFor returns the cap for a PCN with the given registered list:
// LargeLimit when the PCN is Large, else Limit.
func (c Cap) LimitFor(registered int64) decimal.Decimal {
	if c.Large(registered) {
		return c.LargeLimit
	}
	return c.Limit
}

// Role returns the role with the given ID.
func (a ARRSRules) Role(id string) (Role, bool) {
	for _, r := range a.Roles {
		if r.ID == id {
			return r.clone(), true
		}
	}
	return Role{}, false
}

// MaximaInForce returns the role's maxima after backdated revisions (the
// last announced for each From, on or before asAt when asAt is set).
func (r Role) MaximaInForce(asAt Date) []Maximum {
	return inForce(r.Maxima, func(m Maximum) (Date, Date) { return m.From, m.Announced }, asAt)
}

func (a ARRSRules) clone() ARRSRules {
	a.Roles = slices.Clone(a.Roles)
	for i := range a.Roles {
		a.Roles[i] = a.Roles[i].clone()
	}
	return a
}

func (r Role) clone() Role {
	r.Maxima = slices.Clone(r.Maxima)
	if r.BandMaxima != nil {
		bm := make(map[string][]Maximum, len(r.BandMaxima))
		for k, v := range r.BandMaxima {
			bm[k] = slices.Clone(v)
		}
		r.BandMaxima = bm
	}
	r.Caps = slices.Clone(r.Caps)
	return r
}

// nZones is the number of zones a maximum has a figure for: national (0),
// outer London (1), inner London (2).
const nZones = 3

// Zone returns the maximum for zone z (0 national, 1 outer, 2 inner London).
func (mx Maximum) Zone(z int) decimal.Decimal {
	switch z {
	case 1:
		return mx.OuterLondon
	case 2:
		return mx.InnerLondon
	}
	return mx.National
}

// SourceFor returns the source of zone z's figure: national (0), outer London (1) or inner London (2).
func (mx Maximum) SourceFor(z int) Source {
	switch {
	case z == 1 && mx.OuterSource != nil:
		return *mx.OuterSource
	case z == 2 && mx.InnerSource != nil:
		return *mx.InnerSource
	}
	return mx.Source
}

// SetZone sets zone z's figure and its source.
func (mx *Maximum) SetZone(z int, v decimal.Decimal, s Source) {
	switch z {
	case 0:
		mx.National, mx.Source = v, s
		// London sources equal to the national one need not be repeated.
		if mx.OuterSource != nil && *mx.OuterSource == s {
			mx.OuterSource = nil
		}
		if mx.InnerSource != nil && *mx.InnerSource == s {
			mx.InnerSource = nil
		}
	case 1:
		mx.OuterLondon = v
		if s != mx.Source {
			mx.OuterSource = &s
		}
	case 2:
		mx.InnerLondon = v
		if s != mx.Source {
			mx.InnerSource = &s
		}
	}
}
