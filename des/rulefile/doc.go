// Package rulefile reads the rule files of the Network Contract DES: a
// year's rule set (rates/2024-25.toml and a user's own file in the same
// format) and the pay bands of the band model (rates/bands.toml).
//
// # The rules, in English
//
// A rule file is TOML, and reading it is strict: an unknown key, a wrong
// type, a float where a decimal string belongs ("2.218", never 2.218), a
// figure without a source document, URL and confidence, a negative rate,
// dated values that overlap, a date outside the year, or a year that does
// not match the file name (2024-25.toml holds 2024/25) is an error. Every
// error is a *des.FieldError naming the file, line and field and wrapping
// one of des's Err… sentinels (errors.Is), and all of a file's errors are
// reported at once (des.Errors). A file is at most MaxBytes, and a text
// deeper or wider than any rule set needs is refused before it is decoded
// (CheckShape).
//
// Read and ReadFile give the rule set as the file states it: only sourced
// figures. Package des/derive fills in what no source gives; package rates
// holds the official files, read and completed.
package rulefile
