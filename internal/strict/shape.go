package strict

import "fmt"

// Limits bound the shape of a TOML text, checked by CheckShape before it
// is decoded: the decoder's work grows faster than the text for deep
// nesting (20,000 nested inline tables take minutes), and every error
// found afterwards costs a little for each table.
type Limits struct {
	// Depth is the most nesting of tables, arrays and dotted-key parts
	// (a.b.c = 1 is 3 deep; x = {a = [1]} is 3 deep).
	Depth int
	// Tables is the most table headers and inline tables in the text.
	Tables int
	// Elements is the most elements in any one array.
	Elements int
}

// ShapeError is a text beyond a Limit: the line where it was passed and
// what was passed.
type ShapeError struct {
	Line int
	Msg  string
}

func (e *ShapeError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// CheckShape scans a TOML text without decoding it (one pass, no
// allocation beyond a small stack) and returns a *ShapeError for the first
// place it goes beyond lim, or nil. It knows just enough TOML to skip
// comments and the four kinds of string; anything it cannot read is left
// to the decoder to refuse.
func CheckShape(data []byte, lim Limits) *ShapeError {
	line := 1
	var stack []byte // '[' or '{' for each open bracket
	var counts []int // elements so far of each open bracket
	tables, dots := 0, 0
	lineStart := true // only spaces since the start of the line
	fail := func(format string, args ...any) *ShapeError {
		return &ShapeError{Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	n := len(data)
	for i := 0; i < n; i++ {
		c := data[i]
		switch c {
		case '\n':
			line++
			lineStart = true
			dots = 0
			continue
		case ' ', '\t', '\r':
			continue
		case '#':
			for i+1 < n && data[i+1] != '\n' {
				i++
			}
			continue
		case '"', '\'':
			if len(stack) > 0 && stack[len(stack)-1] == '[' {
				counts[len(counts)-1]++
			}
			multi := i+2 < n && data[i+1] == c && data[i+2] == c
			if multi {
				i += 3
				for ; i < n; i++ {
					if data[i] == '\n' {
						line++
					}
					if c == '"' && data[i] == '\\' {
						i++
						if i < n && data[i] == '\n' {
							line++
						}
						continue
					}
					if i+2 < n && data[i] == c && data[i+1] == c && data[i+2] == c {
						// up to two more quotes may belong to the string
						i += 2
						for i+1 < n && data[i+1] == c {
							i++
						}
						break
					}
				}
			} else {
				for i++; i < n && data[i] != c && data[i] != '\n'; i++ {
					if c == '"' && data[i] == '\\' {
						i++
						if i < n && data[i] == '\n' {
							i-- // let the newline end the line
						}
					}
				}
				if i < n && data[i] == '\n' {
					i-- // an unclosed string: the decoder says so
				}
			}
		case '[', '{':
			if c == '{' || (len(stack) == 0 && lineStart) {
				tables++
				if tables > lim.Tables {
					return fail("more than %d tables: no scenario or rule set needs so many", lim.Tables)
				}
			}
			if len(stack) > 0 {
				counts[len(counts)-1]++
			}
			stack = append(stack, c)
			counts = append(counts, 0)
			dots = 0
			if len(stack) > lim.Depth {
				return fail("tables or arrays nested more than %d deep", lim.Depth)
			}
		case ']', '}':
			if len(stack) > 0 {
				stack, counts = stack[:len(stack)-1], counts[:len(counts)-1]
			}
			dots = 0
		case ',', '=':
			dots = 0
		case '.':
			dots++
			if len(stack)+dots > lim.Depth {
				return fail("a key of more than %d parts: no key pcnfin reads is so deep", lim.Depth)
			}
		default:
			if len(stack) > 0 && stack[len(stack)-1] == '[' && (i == 0 || !isValueByte(data[i-1])) {
				// the first byte of a scalar element of an array
				counts[len(counts)-1]++
			}
		}
		if len(counts) > 0 && counts[len(counts)-1] > lim.Elements {
			return fail("an array of more than %d elements", lim.Elements)
		}
		lineStart = false
	}
	return nil
}

// isValueByte says whether b continues a bare value or key (so the byte
// after it does not start a new element).
func isValueByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' ||
		b == '_' || b == '-' || b == '+' || b == '.' || b == ':' || b == '"' || b == '\''
}

// FileLimits are the limits of every TOML file pcnfin reads (scenarios,
// rule sets): far beyond any real one (the largest rule set has under 100
// tables and nests 4 deep), and small enough that a file at the limits is
// decoded and checked in well under a second.
var FileLimits = Limits{Depth: 32, Tables: 10_000, Elements: 10_000}
