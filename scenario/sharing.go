package scenario

// How a PCN shares its money among its member practices (the network
// agreement), as a scenario file states it:
//
//	[sharing]
//	basis = "weighted"            # registered, weighted, adjusted, equal, or fixed
//	  [[sharing.fixed]]           # with basis = "fixed": one line a practice, adding up to 100
//	  practice = "Riverside Surgery"
//	  percent = 40
//	  [[sharing.payment]]         # a payment shared on another basis
//	  id = "care_home_premium"
//	  basis = "care_home_beds"    # any basis above, or care_home_beds
//	  [[sharing.retained]]        # kept by the PCN before sharing, e.g. clinical director pay
//	  name = "Clinical director"
//	  annual = 30000              # £ a year, paid in twelfths
//
//	[[staff]]
//	employer = "Riverside Surgery" # the practice that employs them and bears their cost
//	cost_basis = "equal"           # or: their cost shared on a basis (default: the sharing basis)
//	claim_basis = "weighted"       # optional: share their ARRS claim otherwise than their cost
//
// PCN-paid entitlements are shared on the payment's basis (the override, or
// the default); the Network Participation Payment is paid to each practice
// on its own figures and stays so; retained amounts are shared on the
// default basis as a cost; a staff member's cost goes to their employer, or
// is shared on their cost basis, and their ARRS claim follows their cost
// unless claim_basis says otherwise.

import (
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// ShareBasis is how an amount is shared among practices.
type ShareBasis string

// The sharing bases.
const (
	ShareRegistered   ShareBasis = "registered"     // in proportion to registered lists
	ShareWeighted     ShareBasis = "weighted"       // in proportion to weighted lists
	ShareAdjusted     ShareBasis = "adjusted"       // in proportion to adjusted populations
	ShareCareHomeBeds ShareBasis = "care_home_beds" // in proportion to aligned care-home beds
	ShareEqual        ShareBasis = "equal"          // the same to each practice
	ShareFixed        ShareBasis = "fixed"          // fixed percentages (Sharing.Fixed)
)

var shareBases = []ShareBasis{ShareRegistered, ShareWeighted, ShareAdjusted, ShareCareHomeBeds, ShareEqual, ShareFixed}

// Sharing is the network agreement's rules for sharing money among the
// member practices. The zero value shares everything on weighted lists.
type Sharing struct {
	// Basis is the default basis (weighted when empty).
	Basis ShareBasis `json:"basis"`
	// Fixed gives each practice's percentage for ShareFixed (adding up to 100).
	Fixed map[string]decimal.Decimal `json:"fixed,omitempty"`
	// Payments overrides the basis for a payment ID.
	Payments map[string]ShareBasis `json:"payments,omitempty"`
	// Retained are amounts the PCN keeps before sharing.
	Retained []Retained `json:"retained,omitempty"`
	// Staff says, by staff name, who bears a person's cost and claim.
	Staff map[string]StaffShare `json:"staff,omitempty"`
}

// Retained is an amount the PCN keeps before sharing (clinical director pay,
// management costs): an annual amount paid in monthly twelfths.
type Retained struct {
	Name   string          `json:"name"`
	Annual decimal.Decimal `json:"annual"`
}

// StaffShare says who bears one person's cost and receives their claim.
type StaffShare struct {
	// Employer is the practice that employs them; empty when their cost is
	// shared on CostBasis.
	Employer string `json:"employer,omitempty"`
	// CostBasis shares their cost when there is no Employer (default: the
	// sharing basis).
	CostBasis ShareBasis `json:"cost_basis,omitempty"`
	// ClaimBasis shares their ARRS claim otherwise than their cost.
	ClaimBasis ShareBasis `json:"claim_basis,omitempty"`
}

// PaymentBasis is the basis a payment is shared on.
func (s Sharing) PaymentBasis(id string) ShareBasis {
	if b, ok := s.Payments[id]; ok {
		return b
	}
	return s.DefaultBasis()
}

// DefaultBasis is the default basis (weighted when none is given).
func (s Sharing) DefaultBasis() ShareBasis {
	if s.Basis == "" {
		return ShareWeighted
	}
	return s.Basis
}

type rawFixed struct {
	Practice string     `toml:"practice"`
	Percent  des.Number `toml:"percent"`
}

type rawSharePayment struct {
	ID    string `toml:"id"`
	Basis string `toml:"basis"`
}

type rawRetained struct {
	Name   string     `toml:"name"`
	Annual des.Number `toml:"annual"`
}

type rawSharing struct {
	Basis    string            `toml:"basis"`
	Fixed    []rawFixed        `toml:"fixed"`
	Payment  []rawSharePayment `toml:"payment"`
	Retained []rawRetained     `toml:"retained"`
}

// maxRetained bounds a retained amount (£100,000,000 a year, beyond any
// PCN's income), which keeps every month's pennies far inside 64 bits.
var maxRetained = decimal.NewFromInt(100_000_000)

// knownPayments are the payment IDs a sharing override may name: every
// payment any DES year has paid (rates/README.md).
var knownPayments = []string{"core_pcn_funding", "clinical_director", "leadership_management", "network_participation",
	"extended_hours_access", "enhanced_access", "care_home_premium", "pcn_support", "capacity_access_support",
	"capacity_access_improvement"}

// sharing validates the [sharing] table and the staff sharing keys.
func sharing(raw *rawSharing, practices []des.Practice, staff []rawStaff,
	add func(path string, sentinel error, format string, args ...any)) Sharing {
	v := sharingValidator{add: add, names: make([]string, len(practices))}
	for i, p := range practices {
		v.names[i] = p.Name
	}
	if raw != nil {
		if raw.Basis != "" {
			v.s.Basis = v.basis("sharing.basis", raw.Basis, false)
		}
		v.fixed(raw.Fixed)
		v.payments(raw.Payment)
		v.retained(raw.Retained)
	}
	usesFixed := v.s.DefaultBasis() == ShareFixed
	for _, b := range v.s.Payments {
		usesFixed = usesFixed || b == ShareFixed
	}
	if v.staff(staff) {
		usesFixed = true
	}
	if usesFixed || len(v.s.Fixed) > 0 {
		at := "sharing.basis"
		if raw != nil && len(raw.Fixed) > 0 {
			at = "sharing.fixed[0].percent"
		}
		v.fixedTotal(at)
	}
	return v.s
}

// sharingValidator builds a Sharing, reporting each fault through add.
type sharingValidator struct {
	add   func(path string, sentinel error, format string, args ...any)
	names []string // the practices' names, in order
	s     Sharing
}

// basis checks a sharing basis (care_home_beds only where beds says a
// payment may be shared by it).
func (v *sharingValidator) basis(path, b string, beds bool) ShareBasis {
	sb := ShareBasis(b)
	if !slices.Contains(shareBases, sb) || (sb == ShareCareHomeBeds && !beds) {
		want := "registered, weighted, adjusted, equal or fixed"
		if beds {
			want = "registered, weighted, adjusted, care_home_beds, equal or fixed"
		}
		v.add(path, des.ErrInvalid, "basis %q: want %s", b, want)
	}
	return sb
}

// practice checks that name is one of the PCN's practices.
func (v *sharingValidator) practice(path, name string) {
	if !slices.Contains(v.names, name) {
		v.add(path, des.ErrInvalid, "practice %q is not one of the [[practices]] (%s)", name, strings.Join(v.names, ", "))
	}
}

// fixed checks and records [[sharing.fixed]]: one percentage a practice.
func (v *sharingValidator) fixed(fixed []rawFixed) {
	for i, f := range fixed {
		at := fmt.Sprintf("sharing.fixed[%d]", i)
		v.practice(at+".practice", f.Practice)
		if !f.Percent.IsSet() || f.Percent.Decimal().IsNegative() ||
			f.Percent.Decimal().GreaterThan(decimal.NewFromInt(100)) {
			v.add(at+".percent", des.ErrInvalid, "want a percentage from 0 to 100")
		}
		if v.s.Fixed == nil {
			v.s.Fixed = map[string]decimal.Decimal{}
		}
		if _, dup := v.s.Fixed[f.Practice]; dup {
			v.add(at+".practice", des.ErrInvalid, "practice %q has two fixed percentages", f.Practice)
		}
		v.s.Fixed[f.Practice] = f.Percent.Decimal()
	}
}

// payments checks and records [[sharing.payment]]: a basis for a payment
// the network shares, each payment once.
func (v *sharingValidator) payments(payments []rawSharePayment) {
	for i, p := range payments {
		at := fmt.Sprintf("sharing.payment[%d]", i)
		switch {
		case !slices.Contains(knownPayments, p.ID):
			v.add(at+".id", des.ErrInvalid, "payment %q: want one of %s", p.ID, strings.Join(knownPayments, ", "))
		case p.ID == "network_participation":
			v.add(at+".id", des.ErrInvalid,
				"the Network Participation Payment is paid to each practice on its own figures; it is not shared")
		}
		if v.s.Payments == nil {
			v.s.Payments = map[string]ShareBasis{}
		}
		if _, dup := v.s.Payments[p.ID]; dup {
			v.add(at+".id", des.ErrInvalid, "payment %q is shared twice", p.ID)
		}
		v.s.Payments[p.ID] = v.basis(at+".basis", p.Basis, true)
	}
}

// retained checks and records [[sharing.retained]]: named amounts the
// network keeps back, in pounds and pence.
func (v *sharingValidator) retained(retained []rawRetained) {
	for i, r := range retained {
		at := fmt.Sprintf("sharing.retained[%d]", i)
		if strings.TrimSpace(r.Name) == "" {
			v.add(at+".name", des.ErrMissing, "missing name, e.g. name = \"Clinical director\"")
		}
		if !r.Annual.IsSet() || r.Annual.Decimal().IsNegative() || money.Places(r.Annual.Decimal()) > 2 {
			v.add(at+".annual", des.ErrInvalid, "want an annual amount in pounds and pence, 0 or more")
		} else if r.Annual.Decimal().GreaterThan(maxRetained) {
			v.add(at+".annual", des.ErrInvalid, "%s is more than £%s a year: no amount a PCN keeps back is that large",
				r.Annual.Decimal(), maxRetained)
		}
		v.s.Retained = append(v.s.Retained, Retained{Name: r.Name, Annual: r.Annual.Decimal()})
	}
}

// staff checks and records each staff line's employer, cost_basis and
// claim_basis, and says whether any of them shares by fixed percentages.
func (v *sharingValidator) staff(staff []rawStaff) (usesFixed bool) {
	for i, rs := range staff {
		at := fmt.Sprintf("staff[%d]", i)
		if rs.Employer == "" && rs.CostBasis == "" && rs.ClaimBasis == "" {
			continue
		}
		ss := StaffShare{Employer: rs.Employer}
		if rs.Employer != "" {
			v.practice(at+".employer", rs.Employer)
			if rs.CostBasis != "" {
				v.add(at+".cost_basis", des.ErrInvalid,
					"%s has an employer, who bears the whole cost: give employer or cost_basis, not both", rs.Name)
			}
		}
		if rs.CostBasis != "" {
			ss.CostBasis = v.basis(at+".cost_basis", rs.CostBasis, false)
		}
		if rs.ClaimBasis != "" {
			ss.ClaimBasis = v.basis(at+".claim_basis", rs.ClaimBasis, false)
		}
		usesFixed = usesFixed || ss.CostBasis == ShareFixed || ss.ClaimBasis == ShareFixed
		if v.s.Staff == nil {
			v.s.Staff = map[string]StaffShare{}
		}
		v.s.Staff[rs.Name] = ss
	}
	return usesFixed
}

// fixedTotal checks, where anything shares by fixed percentages, that
// every practice has one and that they add up to 100; at is where to say so.
func (v *sharingValidator) fixedTotal(at string) {
	sum := decimal.Zero
	for _, n := range v.names {
		p, ok := v.s.Fixed[n]
		if !ok {
			v.add(at, des.ErrMissing, "practice %q has no fixed percentage: with a fixed basis every practice needs one", n)
		}
		sum = sum.Add(p)
	}
	if !sum.Equal(decimal.NewFromInt(100)) {
		v.add(at, des.ErrInvalid, "the fixed percentages add up to %s, not 100", sum)
	}
}
