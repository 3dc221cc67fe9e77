package des

import (
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

type pathElem struct {
	name string
	idx  int // -1: a key or a plain table, not an array element
}

type fieldPath []pathElem

func (p fieldPath) String() string {
	var b strings.Builder
	for i, e := range p {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(e.name)
		if e.idx >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(e.idx))
			b.WriteByte(']')
		}
	}
	return b.String()
}

func (p fieldPath) with(name string, idx int) fieldPath {
	q := make(fieldPath, len(p), len(p)+1)
	copy(q, p)
	return append(q, pathElem{name, idx})
}

func (p fieldPath) key(name string) fieldPath { return p.with(name, -1) }

type header struct {
	line  int // 1-based
	name  string
	array bool
}

type locator struct {
	text    string
	built   bool
	lines   []string
	headers []header
}

// newLocator indexes a text lazily: only a text with an error is split.
func newLocator(text string) *locator { return &locator{text: text} }

func (l *locator) build() {
	if l.built {
		return
	}
	l.built = true
	l.lines = strings.Split(l.text, "\n")
	for i, ln := range l.lines {
		t := strings.TrimSpace(ln)
		if j := strings.IndexByte(t, '#'); j >= 0 && !strings.Contains(t[:j], "\"") {
			t = strings.TrimSpace(t[:j])
		}
		switch {
		case strings.HasPrefix(t, "[[") && strings.HasSuffix(t, "]]"):
			l.headers = append(l.headers, header{i + 1, normKey(t[2 : len(t)-2]), true})
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			l.headers = append(l.headers, header{i + 1, normKey(t[1 : len(t)-1]), false})
		}
	}
}

func normKey(s string) string {
	parts := strings.Split(s, ".")
	for i := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(parts[i]), `"'`)
	}
	return strings.Join(parts, ".")
}

// line returns the 1-based line of the field, or 0.
func (l *locator) line(p fieldPath) int {
	if l == nil {
		return 0
	}
	l.build()
	lo, hi := 1, len(l.lines)+1 // line range [lo, hi) of the current table
	prefix := ""
	for i, e := range p {
		full := e.name
		if prefix != "" {
			full = prefix + "." + e.name
		}
		last := i == len(p)-1
		if e.idx >= 0 || !last {
			// a table or an element of an array of tables
			n, found := -1, 0
			for _, h := range l.headers {
				if h.line < lo || h.line >= hi || h.name != full {
					continue
				}
				n++
				if e.idx < 0 || n == e.idx {
					found = h.line
					break
				}
			}
			if found == 0 {
				if last || e.idx >= 0 {
					return l.keyLine(lo, hi, e.name)
				}
				return 0
			}
			lo = found
			end := len(l.lines) + 1
			for _, h := range l.headers {
				if h.line > found && h.line < hi && (h.name == full || !strings.HasPrefix(h.name, full+".")) {
					end = h.line
					break
				}
			}
			if end < hi {
				hi = end
			}
			prefix = full
			if last {
				return found
			}
			continue
		}
		return l.keyLine(lo, hi, e.name)
	}
	return 0
}

// keyLine finds "name =" in [lo, hi) before the first sub-table header.
func (l *locator) keyLine(lo, hi int, name string) int {
	for n := lo; n < hi && n <= len(l.lines); n++ {
		t := strings.TrimSpace(l.lines[n-1])
		if n > lo && strings.HasPrefix(t, "[") {
			break
		}
		if k, _, ok := strings.Cut(t, "="); ok && normKey(k) == name {
			return n
		}
	}
	return 0
}

// Locator finds the line of a field in a TOML text, for error messages from
// loaders of other TOML files (scenarios) that check values after decoding.
type Locator struct{ l *locator }

// NewLocator indexes a TOML text.
func NewLocator(text string) *Locator { return &Locator{newLocator(text)} }

// Line returns the 1-based line of a field path such as "staff[3].wte" or
// "practices[0].weighted", or 0 when it cannot tell.
func (l *Locator) Line(path string) int {
	if l == nil {
		return 0
	}
	var p fieldPath
	for _, seg := range strings.Split(path, ".") {
		name, idx := seg, -1
		if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
			n, err := strconv.Atoi(seg[i+1 : len(seg)-1])
			if err == nil {
				name, idx = seg[:i], n
			}
		}
		p = append(p, pathElem{name, idx})
	}
	return l.l.line(p)
}
