package des

import (
	"errors"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/strict"
	"strings"
)

// Sentinel errors. Every error pcnfin returns wraps one of these (and usually
// a *FieldError that says where), so callers can test with errors.Is and
// errors.As.
var (
	ErrBadYear        = errors.New("bad DES year")
	ErrBadDate        = errors.New("bad date")
	ErrBadNumber      = strict.ErrBadNumber // "bad number"
	ErrSyntax         = errors.New("TOML syntax error")
	ErrUnknownKey     = errors.New("unknown key")
	ErrMissing        = errors.New("missing value")
	ErrInvalid        = errors.New("invalid value")
	ErrOverlap        = errors.New("overlapping dated values")
	ErrMissingFigure  = errors.New("missing population figure")
	ErrNoRate         = errors.New("no rate in force")
	ErrUnknownYear    = errors.New("no rule set for that year")
	ErrUnknownPayment = errors.New("unknown payment")
)

// FieldError says where bad input is: the file, the line (0 when unknown),
// the field as a dotted path (payment[2].part[0].rate), and what was wrong.
// It wraps one of the sentinel errors.
type FieldError struct {
	File  string
	Line  int
	Field string
	Msg   string
	Err   error
}

func (e *FieldError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *FieldError) Unwrap() error { return e.Err }

// Errors is a list of errors found in one input, reported together.
type Errors []error

// maxErrorsShown is how many of an Errors list its message shows; the
// rest are counted ("… and 4,998 more"), so a file with an error on every
// one of thousands of lines gives a message a person can read (every
// error stays in the list for errors.Is, errors.As and Unwrap).
const maxErrorsShown = 100

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i == maxErrorsShown {
			fmt.Fprintf(&b, "\n… and %d more (the first %d shown)", len(es)-i, i)
			break
		}
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As look at every error in the list.
func (es Errors) Unwrap() []error { return es }

// Err is the list as an error: nil when it is empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
