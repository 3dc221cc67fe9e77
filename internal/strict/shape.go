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
	s := shapeScan{data: data, lim: lim, line: 1, lineStart: true}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			s.newline()
			continue
		case ' ', '\t', '\r':
			continue
		case '#':
			i = s.skipComment(i)
			continue
		}
		var err *ShapeError
		if i, err = s.token(i); err != nil {
			return err
		}
		if len(s.counts) > 0 && s.counts[len(s.counts)-1] > lim.Elements {
			return s.fail("an array of more than %d elements", lim.Elements)
		}
		s.lineStart = false
	}
	return nil
}

// shapeScan is CheckShape's state: where it is, the brackets open and
// what it has counted so far.
type shapeScan struct {
	data      []byte
	lim       Limits
	line      int
	stack     []byte // '[' or '{' for each open bracket
	counts    []int  // elements so far of each open bracket
	tables    int
	dots      int  // dotted-key parts since the last bracket, comma or equals
	lineStart bool // only spaces since the start of the line
}

func (s *shapeScan) fail(format string, args ...any) *ShapeError {
	return &ShapeError{Line: s.line, Msg: fmt.Sprintf(format, args...)}
}

func (s *shapeScan) newline() {
	s.line++
	s.lineStart = true
	s.dots = 0
}

// skipComment returns the index of the last byte of the comment starting
// at i (the newline after it is left to end the line).
func (s *shapeScan) skipComment(i int) int {
	for i+1 < len(s.data) && s.data[i+1] != '\n' {
		i++
	}
	return i
}

// token reads the byte at i, which is not a space, newline or comment,
// and returns the index of the last byte it used.
func (s *shapeScan) token(i int) (int, *ShapeError) {
	switch c := s.data[i]; c {
	case '"', '\'':
		if s.inArray() {
			s.counts[len(s.counts)-1]++
		}
		if i+2 < len(s.data) && s.data[i+1] == c && s.data[i+2] == c {
			return s.skipMultiline(i, c), nil
		}
		return s.skipString(i, c), nil
	case '[', '{':
		return i, s.open(c)
	case ']', '}':
		s.close()
	case ',', '=':
		s.dots = 0
	case '.':
		s.dots++
		if len(s.stack)+s.dots > s.lim.Depth {
			return i, s.fail("a key of more than %d parts: no key pcnfin reads is so deep", s.lim.Depth)
		}
	default:
		if s.inArray() && (i == 0 || !isValueByte(s.data[i-1])) {
			// the first byte of a scalar element of an array
			s.counts[len(s.counts)-1]++
		}
	}
	return i, nil
}

// inArray says whether the innermost open bracket is an array's.
func (s *shapeScan) inArray() bool {
	return len(s.stack) > 0 && s.stack[len(s.stack)-1] == '['
}

// skipMultiline skips the multi-line string whose three quotes c start at
// i, counting its lines, and returns the index of its last byte.
func (s *shapeScan) skipMultiline(i int, c byte) int {
	data, n := s.data, len(s.data)
	i += 3
	for ; i < n; i++ {
		if data[i] == '\n' {
			s.line++
		}
		if c == '"' && data[i] == '\\' {
			i++
			if i < n && data[i] == '\n' {
				s.line++
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
	return i
}

// skipString skips the one-line string whose quote c starts at i and
// returns the index of its closing quote; an unclosed string stops before
// the newline, which ends the line (the decoder says so).
func (s *shapeScan) skipString(i int, c byte) int {
	data, n := s.data, len(s.data)
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
	return i
}

// open opens an array or a table (a table header or an inline table),
// counting it as an element of the bracket it is in.
func (s *shapeScan) open(c byte) *ShapeError {
	if c == '{' || (len(s.stack) == 0 && s.lineStart) {
		s.tables++
		if s.tables > s.lim.Tables {
			return s.fail("more than %d tables: no scenario or rule set needs so many", s.lim.Tables)
		}
	}
	if len(s.stack) > 0 {
		s.counts[len(s.counts)-1]++
	}
	s.stack = append(s.stack, c)
	s.counts = append(s.counts, 0)
	s.dots = 0
	if len(s.stack) > s.lim.Depth {
		return s.fail("tables or arrays nested more than %d deep", s.lim.Depth)
	}
	return nil
}

func (s *shapeScan) close() {
	if len(s.stack) > 0 {
		s.stack, s.counts = s.stack[:len(s.stack)-1], s.counts[:len(s.counts)-1]
	}
	s.dots = 0
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
