package cli

import "github.com/pcnfin/pcnfin/arrs"

// ClaimsReport is the JSON form of an ARRS result, amounts as decimal
// strings with two places.
type ClaimsReport struct {
	Scenario string           `json:"scenario"`
	Year     string           `json:"year"`
	Sum      string           `json:"sum"`
	Claims   string           `json:"claims"`
	Headroom string           `json:"headroom"`
	RunsOut  string           `json:"runs_out,omitempty"`
	Months   []MonthJSON      `json:"months"`
	Staff    []StaffClaimJSON `json:"staff"`
	Breaches []arrs.Breach    `json:"breaches,omitempty"`
}

// MonthJSON is one row of the claims schedule.
type MonthJSON struct {
	Month      string `json:"month"`
	Claim      string `json:"claim"`
	Cost       string `json:"cost"`
	Cumulative string `json:"cumulative"`
}

// StaffClaimJSON is one person's claim.
type StaffClaimJSON struct {
	Name    string   `json:"name"`
	Role    string   `json:"role"`
	WTE     string   `json:"wte"`
	Claim   string   `json:"claim"`
	Months  []string `json:"months"`
	Reasons []string `json:"reasons,omitempty"`
	Explain string   `json:"explain"`
}

// ClaimsJSON builds the JSON report of an ARRS result.
func ClaimsJSON(scenario string, r arrs.Result) ClaimsReport {
	out := ClaimsReport{Scenario: scenario, Year: r.Year.String(), Sum: Plain(r.Sum), Claims: Plain(r.Claims), Headroom: Plain(r.Headroom), RunsOut: r.RunsOut, Breaches: r.Breaches}
	for _, m := range r.Months {
		out.Months = append(out.Months, MonthJSON{m.Month, Plain(m.Claim), Plain(m.Cost), Plain(m.Cumulative)})
	}
	for _, s := range r.Staff {
		sj := StaffClaimJSON{Name: s.Name, Role: s.Role, WTE: s.WTE.String(), Claim: Plain(s.Claim), Reasons: s.Reasons, Explain: s.Explain()}
		for _, m := range s.Months {
			sj.Months = append(sj.Months, Plain(m))
		}
		out.Staff = append(out.Staff, sj)
	}
	return out
}
