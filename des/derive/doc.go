// Package derive works out the figures of the Network Contract DES that no
// source gives, each labelled as such: ARRS role maxima by the band model
// (Complete, CompleteYear), payments carried from the year before (a file's
// carry marks), and whole years projected past the last published one
// (Project, ProjectFrom).
//
// # The rules, in English
//
// NHS England sets one ARRS maximum per pay band, not per role: the band's
// salary plus employer on-costs. So a maximum no source gives is worked out
// from a sourced maximum on the same band, moved through the pay awards
// between the two dates and re-costed under the on-cost rules of each date
// (BandRules holds the bands, awards, London supplements and salary bases;
// rulefile.ReadBands reads them from rates/bands.toml). A sourced figure
// always wins; see Complete for the order the rules are tried in. A
// payment a rule set marks carry takes the value in force at the end of
// the year before. A projection grows the last published year's rates by
// the assumptions given (Projection) and says so in every source.
//
// Every figure made here has confidence des.Derived or des.Carried and a
// Source.Document naming the rule and the figures it came from;
// RuleSet.SourcedOnly leaves them out. LeaveOneOut and LeaveOneOutLondon
// check the band model against the sourced figures, one left out at a
// time.
package derive
