package strict

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Problem is what the decoder's error says, made precise: the line and key
// it is about, a message without the decoder's prefix, and which of the
// caller's sentinel errors it is.
type Problem struct {
	Line  int
	Field string
	Msg   string
	Err   error
}

var lineRE = regexp.MustCompile(`line (\d+)`)

// Analyse turns an error from the TOML decoder into a Problem. syntax is
// the sentinel for a TOML syntax error and invalid for a value of the wrong
// type; refusals are the sentinels of the caller's own types (bad number,
// bad date, bad year), recognised by the message they start with.
func Analyse(text string, err error, syntax, invalid error, refusals ...error) Problem {
	pr := Problem{Err: syntax, Msg: err.Error()}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		pr.Line = pe.Position.Line
		if strings.Contains(pe.Message, "but got '\\n'") && pr.Line > 1 {
			pr.Line-- // the lexer has moved on to the next line
		}
		pr.Field = pe.LastKey
		pr.Msg = pe.Message
		if m := bigIntRE.FindStringSubmatch(pe.Message); m != nil {
			// An integer literal beyond int64: say so plainly.
			pr.Msg = fmt.Sprintf("%s is too large: no figure is that large", m[1])
			pr.Err = ErrBadNumber
			if l := valueLine(text, pe.LastKey, m[1]); l > 0 {
				pr.Line = l
			}
			return pr
		}
		if m := badDateRE.FindStringSubmatch(pe.Message); m != nil {
			// A bare date of the right form that no calendar has.
			pr.Msg = fmt.Sprintf("%s: the date does not exist", m[1])
			pr.Field = entryField(text, pr.Line, pr.Field)
			return pr
		}
		for _, s := range refusals {
			if strings.HasPrefix(pe.Message, s.Error()) {
				pr.Err = s
				// The decoder's line for a value our types refuse is the
				// last line with that key; find the line with the value.
				if l := valueLine(text, pe.LastKey, pe.Message); l > 0 {
					pr.Line = l
				}
				pr.Field = entryField(text, pr.Line, pr.Field)
			}
		}
		return pr
	}
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		pr.Line, _ = strconv.Atoi(m[1])
	}
	// "toml: line 16 (last key "payment.name"): incompatible types: TOML
	// value has type int64; …": the decoder's line is the key's last use;
	// find the first line with that key and a value of the type it names.
	if m := typeErrRE.FindStringSubmatch(err.Error()); m != nil {
		pr.Field = m[2]
		if l := typedLine(text, m[2], m[3]); l > 0 {
			pr.Line = l
		}
		pr.Msg = "wrong type: " + m[3] + " where " + m[4] + " belongs"
	}
	pr.Msg = strings.TrimPrefix(pr.Msg, "toml: ")
	pr.Err = invalid
	return pr
}

// valueLine finds the line "key = value" whose value the error message is
// about: a quoted value that the message quotes, or an unquoted value equal
// to the number the message names.
func valueLine(text, dottedKey, msg string) int {
	key := dottedKey
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	msgNum := math.NaN()
	if m := numRE.FindString(msg); m != "" {
		msgNum, _ = strconv.ParseFloat(m, 64)
	}
	for n, ln := range strings.Split(text, "\n") {
		k, val, ok := strings.Cut(ln, "=")
		if !ok || NormKey(k) != key {
			continue
		}
		val = strings.TrimSpace(val)
		if i := strings.Index(val, " #"); i >= 0 {
			val = strings.TrimSpace(val[:i])
		}
		if val == "" {
			continue
		}
		if strings.HasPrefix(val, `"`) || strings.HasPrefix(val, "'") {
			// the message may quote the value or give it bare
			// ("bad date: 2024-04-31 does not exist")
			inner := strings.Trim(val, `"'`)
			if strings.Contains(msg, val) || (inner != "" && strings.Contains(msg, inner)) {
				return n + 1
			}
			continue
		}
		if f, err := strconv.ParseFloat(strings.ReplaceAll(val, "_", ""), 64); err == nil && f == msgNum {
			return n + 1
		}
		if strings.Contains(msg, val) {
			return n + 1
		}
	}
	return 0
}

var (
	bigIntRE  = regexp.MustCompile(`([0-9_]{19,}) is out of range for int64`)
	badDateRE = regexp.MustCompile(`invalid datetime: "([0-9]{4}-[0-9]{2}-[0-9]{2})"`)
)

var numRE = regexp.MustCompile(`-?[0-9][0-9_]*(\.[0-9]+)?([eE][-+]?[0-9]+)?`)

var typeErrRE = regexp.MustCompile(`line (\d+) \(last key "([^"]+)"\): incompatible types: ` +
	`TOML value has type ([^;]+); destination has type (.+)$`)

// typedLine finds the first line "key = value" whose value is a literal of
// the TOML type the decoder names (int64, float64, string, bool, …).
func typedLine(text, dottedKey, typ string) int {
	key := dottedKey
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	for n, ln := range strings.Split(text, "\n") {
		k, val, ok := strings.Cut(ln, "=")
		if !ok || NormKey(k) != key {
			continue
		}
		val = strings.TrimSpace(val)
		var got string
		switch {
		case strings.HasPrefix(val, `"`) || strings.HasPrefix(val, "'"):
			got = "string"
		case val == "true" || val == "false":
			got = "bool"
		case strings.HasPrefix(val, "["):
			got = "[]"
		case strings.HasPrefix(val, "{"):
			got = "map"
		case strings.ContainsAny(val, ".eE") && !strings.Contains(val, "-") || strings.Contains(val, "inf") ||
			strings.Contains(val, "nan"):
			got = "float64"
		default:
			if _, err := strconv.ParseInt(strings.ReplaceAll(val, "_", ""), 0, 64); err == nil {
				got = "int64"
			}
		}
		if got != "" && strings.HasPrefix(typ, got) || (got == "[]" && strings.HasPrefix(typ, "[]")) ||
			(got == "map" && strings.HasPrefix(typ, "map")) {
			return n + 1
		}
	}
	return 0
}

// MixedCaseKeys lists the keys of a decoded TOML document written with a
// capital letter. The decoder matches keys to fields without regard to case,
// so "RATE" or "stArt" would quietly fill rate or start; every key pcnfin
// reads is lower case, so such a key is refused as unknown.
func MixedCaseKeys(md toml.MetaData) []toml.Key {
	var out []toml.Key
	for _, k := range md.Keys() {
		if last := k[len(k)-1]; strings.ToLower(last) != last {
			out = append(out, k)
		}
	}
	return out
}

// MixedCaseMessage is the message for a key MixedCaseKeys reports.
func MixedCaseMessage(k toml.Key) string {
	last := k[len(k)-1]
	return fmt.Sprintf("unknown key %q: keys are lower case (%q)", last, strings.ToLower(last))
}

// KeyPath turns a decoder key (payment.part.rate) into a path; array
// indexes are not known, so it points at the first match.
func KeyPath(k toml.Key) Path {
	p := Path{}
	for i, s := range k {
		if i == len(k)-1 {
			p = p.Key(s)
		} else {
			p = p.With(s, -1)
		}
	}
	return p
}

// KeyLines indexes the lines of a TOML text by full key path: a
// "key =" line inside a table is filed under the table's header joined to
// the key, and a table header under its own name. It is how the loader finds
// the line of a key the decoder did not use (the decoder gives no line).
func KeyLines(text string) map[string][]int {
	out := map[string][]int{}
	table := ""
	for n, ln := range strings.Split(text, "\n") {
		t := strings.TrimSpace(ln)
		var full string
		switch {
		case strings.HasPrefix(t, "#"):
			continue
		case strings.HasPrefix(t, "[["):
			i := strings.Index(t, "]]")
			if i < 2 {
				continue
			}
			table = NormKey(t[2:i])
			full = table
		case strings.HasPrefix(t, "["):
			i := strings.IndexByte(t, ']')
			if i < 1 {
				continue
			}
			table = NormKey(t[1:i])
			full = table
		default:
			key, _, ok := strings.Cut(t, "=")
			if !ok {
				continue
			}
			full = NormKey(key)
			if table != "" {
				full = table + "." + full
			}
		}
		out[full] = append(out[full], n+1)
	}
	return out
}

// entryField names the entry of an array of tables that line is in: for
// field "staff.start" on a line of the third [[staff]] table, whose name is
// "Paramedic C", it is "staff[2] (Paramedic C).start" (the entry's name or
// id, when it has one). field is returned unchanged when line is not in an
// entry of the array field names.
func entryField(text string, line int, field string) string {
	table, key, ok := strings.Cut(field, ".")
	if !ok || line <= 0 || strings.Contains(key, ".") {
		return field
	}
	lines := strings.Split(text, "\n")
	if line > len(lines) {
		return field
	}
	header := "[[" + table + "]]"
	idx, start := -1, -1
	for i := 0; i < line; i++ {
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, "[") {
			if j := strings.Index(t, "#"); j >= 0 {
				t = strings.TrimSpace(t[:j]) // a comment after a header
			}
		}
		switch {
		case strings.ReplaceAll(t, " ", "") == header:
			idx++
			start = i
		case strings.HasPrefix(t, "["):
			start = -1 // another table: not in an entry of this array
		}
	}
	if idx < 0 || start < 0 {
		return field
	}
	name := ""
	for i := start + 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, "[") {
			break
		}
		k, v, ok := strings.Cut(t, "=")
		if !ok {
			continue
		}
		if nk := NormKey(k); (nk == "name" || nk == "id") && name == "" {
			v = strings.TrimSpace(v)
			if q := v[:min(1, len(v))]; q == `"` || q == "'" {
				if j := strings.Index(v[1:], q); j >= 0 {
					v = v[:j+2] // the quoted string, without a comment after it
				}
			}
			if uq, err := strconv.Unquote(v); err == nil {
				name = uq
			} else {
				name = strings.Trim(v, `"'`)
			}
		}
	}
	if name != "" {
		return fmt.Sprintf("%s[%d] (%s).%s", table, idx, name, key)
	}
	return fmt.Sprintf("%s[%d].%s", table, idx, key)
}
