package strict

import (
	"sort"
	"strconv"
	"strings"
)

// The TOML decoder reports lines for syntax errors only. For errors found
// after decoding (a negative rate, overlapping dates) the loader finds the
// line itself from the field path, by walking the file's table headers:
// payment[2].part[0].value[1].rate is the "rate =" line inside the second
// [[payment.part.value]] of the first [[payment.part]] of the third
// [[payment]]. It relies only on headers and "key =" lines, which is how
// every rate table is written; when it cannot tell, it returns 0 and the
// error names the field alone.

// Elem is one step of a Path: a key or table Name, and Index, the element
// of an array of tables (-1 for a key or a plain table).
type Elem struct {
	Name  string
	Index int
}

// Path is a field as a list of steps: payment[2].part[0].rate.
type Path []Elem

// String prints the path as payment[2].part[0].rate.
func (p Path) String() string {
	var b strings.Builder
	for i, e := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(e.Name)
		if e.Index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(e.Index))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// With returns the path extended by an element of an array of tables
// (idx >= 0) or a table (idx -1).
func (p Path) With(name string, idx int) Path {
	q := make(Path, len(p), len(p)+1)
	copy(q, p)
	return append(q, Elem{name, idx})
}

// Key returns the path extended by a key.
func (p Path) Key(name string) Path { return p.With(name, -1) }

type header struct {
	line  int // 1-based
	name  string
	array bool
}

// Locator finds the line of a field in a TOML text. It relies only on
// headers and "key =" lines; when it cannot tell, Line returns 0.
//
// Its work is linear in the text: the headers are indexed by name once,
// and each field is found by a binary search among the headers of its
// name, so a file of 120,000 tables with an error in each is located in
// milliseconds (it took minutes when every error rescanned every header).
type Locator struct {
	text    string
	built   bool
	lines   []string
	headers []header
	byName  map[string][]int // header name → indices into headers, in order
	// firstKey is the first line of "key =" under each table name (the
	// table's name + "." + key; the bare key at the top), for key paths
	// without indices.
	firstKey map[string]int
}

// NewLocator indexes a text lazily: only a text with an error is split.
func NewLocator(text string) *Locator { return &Locator{text: text} }

func (l *Locator) build() {
	if l.built {
		return
	}
	l.built = true
	l.lines = strings.Split(l.text, "\n")
	l.byName = map[string][]int{}
	l.firstKey = map[string]int{}
	table := ""
	for i, ln := range l.lines {
		t := strings.TrimSpace(ln)
		if j := strings.IndexByte(t, '#'); j >= 0 && !strings.Contains(t[:j], "\"") {
			t = strings.TrimSpace(t[:j])
		}
		h := header{line: i + 1}
		switch {
		case strings.HasPrefix(t, "[[") && strings.HasSuffix(t, "]]"):
			h.name, h.array = NormKey(t[2:len(t)-2]), true
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			h.name = NormKey(t[1 : len(t)-1])
		default:
			if k, _, ok := strings.Cut(t, "="); ok {
				full := NormKey(k)
				if table != "" {
					full = table + "." + full
				}
				if _, seen := l.firstKey[full]; !seen {
					l.firstKey[full] = i + 1
				}
			}
			continue
		}
		table = h.name
		l.byName[h.name] = append(l.byName[h.name], len(l.headers))
		l.headers = append(l.headers, h)
	}
}

// NormKey trims the spaces and quotes of each part of a dotted key.
func NormKey(s string) string {
	parts := strings.Split(s, ".")
	for i := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(parts[i]), `"'`)
	}
	return strings.Join(parts, ".")
}

// LineOf returns the 1-based line of the field, or 0.
func (l *Locator) LineOf(p Path) int {
	if l == nil {
		return 0
	}
	l.build()
	if len(p) == 0 {
		return 0
	}
	if !indexed(p) {
		// A key path without indices, as the decoder's list of unknown
		// keys gives them (payment.part.value.ratee): look in every table
		// of that name, not only the first.
		return l.anywhere(p)
	}
	lo, hi := 1, len(l.lines)+1 // line range [lo, hi) of the current table
	prefix := ""
	for i, e := range p {
		full := e.Name
		if prefix != "" {
			full = prefix + "." + e.Name
		}
		last := i == len(p)-1
		if e.Index >= 0 || !last {
			// a table or an element of an array of tables: the first
			// header of that name in [lo, hi), or the Index-th
			idxs := l.byName[full]
			k := sort.Search(len(idxs), func(j int) bool { return l.headers[idxs[j]].line >= lo })
			if e.Index > 0 {
				k += e.Index
			}
			if k >= len(idxs) || l.headers[idxs[k]].line >= hi {
				if last || e.Index >= 0 {
					return l.keyLine(lo, hi, e.Name)
				}
				return 0
			}
			hi0 := idxs[k]
			found := l.headers[hi0].line
			lo = found
			// the table ends at the next header that is not one of its
			// own sub-tables
			for _, h := range l.headers[hi0+1:] {
				if h.line >= hi {
					break
				}
				if h.name == full || !strings.HasPrefix(h.name, full+".") {
					hi = h.line
					break
				}
			}
			prefix = full
			if last {
				return found
			}
			continue
		}
		return l.keyLine(lo, hi, e.Name)
	}
	return 0
}

func indexed(p Path) bool {
	for _, e := range p {
		if e.Index >= 0 {
			return true
		}
	}
	return false
}

// anywhere finds a path without indices: the header of a table of that
// name, else the first "key =" line in any table of the path's table name
// (the top of the file for a top-level key). A key no line spells (one
// inside an inline table, `ni = [{colour = "red"}]`) is at the line of the
// nearest enclosing key that has one.
func (l *Locator) anywhere(p Path) int {
	names := make([]string, len(p))
	for i, e := range p {
		names[i] = e.Name
	}
	for n := len(names); n > 0; n-- {
		full := strings.Join(names[:n], ".")
		if idxs := l.byName[full]; len(idxs) > 0 {
			return l.headers[idxs[0]].line
		}
		if line := l.firstKey[full]; line > 0 {
			return line
		}
	}
	return 0
}

// keyLine finds "name =" in [lo, hi) before the first sub-table header.
func (l *Locator) keyLine(lo, hi int, name string) int {
	for n := lo; n < hi && n <= len(l.lines); n++ {
		t := strings.TrimSpace(l.lines[n-1])
		if n > lo && strings.HasPrefix(t, "[") {
			break
		}
		if k, _, ok := strings.Cut(t, "="); ok && NormKey(k) == name {
			return n
		}
	}
	return 0
}

// Line returns the 1-based line of a field path such as "staff[3].wte" or
// "practices[0].weighted", or 0 when it cannot tell.
func (l *Locator) Line(path string) int {
	if l == nil {
		return 0
	}
	return l.LineOf(ParsePath(path))
}

// ParsePath reads a path such as "staff[3].wte".
func ParsePath(path string) Path {
	var p Path
	for _, seg := range strings.Split(path, ".") {
		name, idx := seg, -1
		if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
			n, err := strconv.Atoi(seg[i+1 : len(seg)-1])
			if err == nil {
				name, idx = seg[:i], n
			}
		}
		p = append(p, Elem{name, idx})
	}
	return p
}
