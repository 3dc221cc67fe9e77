// Package scenario is the front door of pcnfin: it reads a scenario (a PCN,
// its practices' populations, its roster and the assumptions for later
// years) and works it out, year by year, with one set of rules and defaults
// that every program, the web page and an embedder share.
//
// The rules:
//   - A year is worked out from its own rule set: the published one
//     (embedded in package rates, or a rule set of your own for its year),
//     else a projection from the latest published year by the scenario's
//     [assumptions]; a year past the last published one with no assumptions
//     is an error, never a silent carry.
//   - Populations grow by list_growth_pct and staff costs by pay_uplift_pct,
//     both counted from the scenario's base year (Assumptions.BaseYear, else
//     DefaultBaseYear), never from the years asked for: a person's claim in a
//     year is the same in every program, whichever other years are asked.
//   - A person given by salary is costed with the embedded on-cost rules
//     (employer NI and NHS Pension) unless Options.SalaryCost says otherwise.
//   - No years asked for means the scenario's years, else the DES year of
//     today's date (up to the latest published year).
//   - "What more can we afford?": a hire with no start date is in post from
//     1 April of each year asked, so its claim is the year's cost of the
//     post; with a start date, from that date (or all year, in a later year).
//     Its WTE is 1 and its cost at least the role's maximum unless given.
//   - Bad input is an error naming the file, line and field; every error is
//     returned, none dropped.
//
// Start with Open (a file), Read (bytes) or New (a Scenario built in Go),
// each with an Options value whose zero value is right for most: they give
// a Workbook, whose methods work out a year (Year; its ARRS claims are
// YearResult.ARRS), a forecast over years (Forecast), a comparison of two
// years (Compare) and what a hire would cost (Afford). Package statement
// shares a year among the practices (statement.Of).
//
// Load, LoadFile, Run, Compare and the Scenario methods are the parts the
// Workbook is made of, for callers that hold their own rule sets.
package scenario
