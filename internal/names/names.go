package names

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Names and codes are compared after normalising, so that the same
// practice, person or PCN written two ways is caught as a repeat: Unicode
// NFKC (a full-width "Ｒｉｖｅｒｓｉｄｅ" or a ligature is the plain letters),
// runs of spaces as one, and case (lower for names, upper for codes). A
// character no one can see and no output shows (a zero-width space, a
// direction mark, a byte-order mark: Unicode's format characters) is
// refused outright (control characters such as a newline are kept, and
// shown as visible escapes), and so is a name that mixes
// Latin letters with Cyrillic or Greek ones (a look-alike "Rivеrside" with
// a Cyrillic е): either would make one practice count as two.

// NameKey is the form of a name that repeats are found by.
func NameKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFKC.String(s)), " "))
}

// CodeKey is the form of a code (a PCN or ODS code) that repeats are found
// by.
func CodeKey(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(norm.NFKC.String(s)), " "))
}

// NameProblem says what is wrong with a name or code as text (an
// invisible character, or Latin letters mixed with Cyrillic or Greek), or
// "" when nothing is.
func NameProblem(s string) string {
	var latin, other bool
	for _, r := range s {
		switch {
		case r == ' ':
		case unicode.Is(unicode.Cf, r):
			return fmt.Sprintf("contains an invisible character (U+%04X); type the name again without it", r)
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r):
			other = true
		}
	}
	if latin && other {
		return "mixes Latin letters with Cyrillic or Greek ones that look the same; type it again in one alphabet"
	}
	return ""
}
