package names

import (
	"slices"
	"strings"
)

// The catalogue of ARRS role IDs: every role any DES year has made
// claimable, as rates/README.md lists them. It is data, kept here rather
// than in package rates, so that every rule set is checked against it when
// it is loaded (LoadRuleSet refuses an [[arrs.role]] whose id is not here,
// e.g. care_coordinater) and so that package arrs can refuse a roster line
// whose role no DES year knows without depending on the embedded tables. A
// role new to the DES is added here, with its row in rates/README.md; a
// test in package rates checks the three agree.
var roleIDs = []string{
	"advanced_practitioner",
	"apprentice_physician_associate",
	"care_coordinator",
	"clinical_pharmacist",
	"consultant_nurse",
	"dietitian",
	"digital_transformation_lead",
	"enhanced_practice_nurse",
	"first_contact_physiotherapist",
	"general_practice_nurse",
	"general_practitioner",
	"gp_assistant",
	"health_wellbeing_coach",
	"healthcare_support_worker",
	"mental_health_practitioner",
	"new_to_general_practice_nurse",
	"nursing_associate",
	"occupational_therapist",
	"paramedic",
	"pharmacy_technician",
	"physician_associate",
	"podiatrist",
	"social_prescribing_link_worker",
	"trainee_nursing_associate",
}

// RoleIDs returns the catalogue of ARRS role IDs, sorted.
func RoleIDs() []string { return slices.Clone(roleIDs) }

// KnownRole reports whether id is in the catalogue of ARRS role IDs.
func KnownRole(id string) bool {
	_, ok := slices.BinarySearch(roleIDs, id)
	return ok
}

// SessionalRole reports whether a role's working time may be given in
// sessions (a GP's: 9 a week is 1 WTE). Every other role is given in WTE
// or hours.
func SessionalRole(id string) bool { return id == "general_practitioner" }

// UnknownRoleMsg is the message for a role ID not in the catalogue: it
// names the nearest known role when one is close (a typo, most likely).
func UnknownRoleMsg(id string) string {
	msg := "unknown role " + quote(id) + ": not in the catalogue of ARRS roles (rates/README.md)"
	if near := nearestRole(id); near != "" {
		return msg + "; did you mean " + quote(near) + "?"
	}
	return msg + "; known roles: " + strings.Join(roleIDs, ", ")
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// nearestRole is the known role within a few edits of id, or "".
func nearestRole(id string) string {
	if len(id) > 64 {
		return ""
	}
	best, bestD := "", 4
	for _, r := range roleIDs {
		if d := editDistance(strings.ToLower(id), r); d < bestD {
			best, bestD = r, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
