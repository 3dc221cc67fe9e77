package main

import (
	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/arrs/scenario"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
)

// The JSON output: amounts are decimal strings with two places.
type report struct {
	Scenario string       `json:"scenario"`
	Years    []yearReport `json:"years"`
}

type yearReport struct {
	Year              string        `json:"year"`
	Projected         bool          `json:"projected,omitempty"`
	ProjectedFrom     string        `json:"projected_from,omitempty"`
	RuleSet           string        `json:"rule_set"`
	Entitlements      []entitlement `json:"entitlements"`
	EntitlementsTotal string        `json:"entitlements_total"`
	ARRS              arrsReport    `json:"arrs"`
	// Change from the year before, where there is one in the forecast.
	EntitlementsChange string     `json:"entitlements_change,omitempty"`
	ClaimsChange       string     `json:"claims_change,omitempty"`
	Gaps               []des.Gap  `json:"gaps,omitempty"`
	IIF                *iifReport `json:"iif_estimate,omitempty"`
}

type iifReport struct {
	Total      string `json:"total"`
	PointValue string `json:"point_value"`
	Note       string `json:"note"`
	Explain    string `json:"explain"`
}

type entitlement struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Amount  string `json:"amount"`
	Explain string `json:"explain"`
}

type arrsReport struct {
	Sum      string        `json:"sum"`
	Claims   string        `json:"claims"`
	Headroom string        `json:"headroom"`
	Cost     string        `json:"cost"`
	RunsOut  string        `json:"runs_out,omitempty"`
	Pots     []potReport   `json:"pots"`
	Staff    []staffReport `json:"staff"`
	Breaches []arrs.Breach `json:"breaches,omitempty"`
}

type potReport struct {
	ID       string `json:"id"`
	Pot      string `json:"pot"`
	Sum      string `json:"sum"`
	Claims   string `json:"claims"`
	Headroom string `json:"headroom"`
	RunsOut  string `json:"runs_out,omitempty"`
	Explain  string `json:"explain"`
}

type staffReport struct {
	Name    string   `json:"name"`
	Role    string   `json:"role"`
	WTE     string   `json:"wte"`
	Claim   string   `json:"claim"`
	Cost    string   `json:"cost"`
	Months  int      `json:"months_claimed"`
	Reasons []string `json:"reasons,omitempty"`
	Explain string   `json:"explain"`
}

func buildReport(f scenario.Forecast) report {
	r := report{Scenario: f.Scenario}
	for i, y := range f.Years {
		yr := yearReport{Year: y.Year.String(), Projected: y.Projected, RuleSet: y.RuleSet, EntitlementsTotal: cli.Plain(y.Entitlements.Total), Gaps: y.Gaps}
		if y.Projected {
			yr.ProjectedFrom = y.ProjectedFrom.String()
		}
		for _, a := range y.Entitlements.Payments {
			yr.Entitlements = append(yr.Entitlements, entitlement{ID: a.ID, Name: a.Name, Amount: cli.Plain(a.Amount), Explain: a.Explain()})
		}
		ar := y.ARRS
		yr.ARRS = arrsReport{Sum: cli.Plain(ar.Sum), Claims: cli.Plain(ar.Claims), Headroom: cli.Plain(ar.Headroom), Cost: cli.Plain(ar.Cost), RunsOut: ar.RunsOut, Breaches: ar.Breaches}
		for _, p := range ar.Pots {
			yr.ARRS.Pots = append(yr.ARRS.Pots, potReport{ID: p.ID, Pot: p.Pot, Sum: cli.Plain(p.Sum), Claims: cli.Plain(p.Claims), Headroom: cli.Plain(p.Headroom), RunsOut: p.RunsOut, Explain: p.Explain()})
		}
		for _, s := range ar.Staff {
			yr.ARRS.Staff = append(yr.ARRS.Staff, staffReport{Name: s.Name, Role: s.Role, WTE: s.WTE.String(), Claim: cli.Plain(s.Claim), Cost: cli.Plain(s.Cost), Months: s.MonthsClaimed, Reasons: s.Reasons, Explain: s.Explain()})
		}
		if y.IIF != nil {
			yr.IIF = &iifReport{Total: cli.Plain(y.IIF.Total), PointValue: y.IIF.PointValue.String(), Note: y.IIF.Note, Explain: y.IIF.Explain()}
		}
		if i > 0 {
			prev := f.Years[i-1]
			yr.EntitlementsChange = cli.Plain(y.Entitlements.Total.Sub(prev.Entitlements.Total))
			yr.ClaimsChange = cli.Plain(ar.Claims.Sub(prev.ARRS.Claims))
		}
		r.Years = append(r.Years, yr)
	}
	return r
}
