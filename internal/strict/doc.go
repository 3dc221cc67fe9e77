// Package strict holds the private plumbing of pcnfin's strict TOML loaders
// (rule sets, on-cost rules, scenarios): field paths and the line finder
// for error messages, the analysis of the decoder's errors, the refusal of
// mixed-case keys, and the exact decimal type the rate tables are read with.
// Nothing here is part of the public API; package des and the other loaders
// turn what it finds into *des.FieldError values.
package strict
