package rulefile

import (
	"github.com/BurntSushi/toml"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/strict"
)

// The loaders' plumbing lives in internal/strict; these private adapters
// give the rule-set loader its short names.

// exact is a decimal read from a rate table: a string or an integer, never
// a TOML float.
type exact = strict.Exact

// fieldPath is a field as a list of steps: payment[2].part[0].rate.
type fieldPath []strict.Elem

func (p fieldPath) String() string { return strict.Path(p).String() }

func (p fieldPath) with(name string, idx int) fieldPath {
	return fieldPath(strict.Path(p).With(name, idx))
}

func (p fieldPath) key(name string) fieldPath { return p.with(name, -1) }

// locator finds the line of a field in a TOML text.
type locator struct{ l *strict.Locator }

func newLocator(text string) *locator { return &locator{strict.NewLocator(text)} }

// line returns the 1-based line of the field, or 0.
func (l *locator) line(p fieldPath) int {
	if l == nil {
		return 0
	}
	return l.l.LineOf(strict.Path(p))
}

func keyPath(k toml.Key) fieldPath { return fieldPath(strict.KeyPath(k)) }

func mixedCaseMsg(k toml.Key) string { return strict.MixedCaseMessage(k) }

// decodeError turns an error from the TOML decoder into a *FieldError with
// the file name, line and key, wrapping ErrSyntax (or ErrBadNumber,
// ErrBadDate, ErrBadYear when one of pcnfin's types refused a value).
func decodeError(name, text string, err error) error {
	pr := strict.Analyse(text, err, des.ErrSyntax, des.ErrInvalid, des.ErrBadNumber, des.ErrBadDate, des.ErrBadYear)
	return &des.FieldError{File: name, Line: pr.Line, Field: pr.Field, Msg: pr.Msg, Err: pr.Err}
}
