package webui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/pcnfin/pcnfin/des"
)

// maxJSONDepth bounds the nesting of a JSON body (a scenario needs 4).
const maxJSONDepth = 32

// jsonBody is a JSON scenario read strictly: one object, no key twice, no
// data after it, nested at most maxJSONDepth deep; with the line of each
// key, by its field path as the loader names fields (staff[1].wte), so that
// an error is told in the JSON's own lines.
type jsonBody struct {
	src   []byte
	value map[string]any
	lines map[string]int
}

// readJSON reads b as jsonBody. Its errors are des.FieldErrors on "request"
// with the JSON's line and path.
func readJSON(b []byte) (*jsonBody, error) {
	j := &jsonBody{src: b, lines: map[string]int{}}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := j.value1(dec, "", 0)
	if err != nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, j.fail(0, "", "want a JSON object {…} with the scenario's keys")
	}
	if _, err := dec.Token(); err != io.EOF {
		off := dec.InputOffset()
		return nil, j.fail(off, "", "there is more after the scenario's closing }: send one JSON object")
	}
	j.value = m
	return j, nil
}

func (j *jsonBody) line(off int64) int {
	if off > int64(len(j.src)) {
		off = int64(len(j.src))
	}
	return 1 + bytes.Count(j.src[:off], []byte("\n"))
}

func (j *jsonBody) fail(off int64, field, msg string) error {
	return &des.FieldError{File: "request", Line: j.line(off), Field: field, Msg: msg, Err: des.ErrSyntax}
}

func (j *jsonBody) syntax(dec *json.Decoder, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return j.fail(se.Offset, "", "bad JSON: "+se.Error())
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return j.fail(int64(len(j.src)), "", "bad JSON: it ends before the scenario does")
	}
	return j.fail(dec.InputOffset(), "", "bad JSON: "+err.Error())
}

// value1 reads one value at path.
func (j *jsonBody) value1(dec *json.Decoder, path string, depth int) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, j.syntax(dec, err)
	}
	d, ok := tok.(json.Delim)
	if !ok {
		if n, ok := tok.(json.Number); ok {
			return n.String(), nil // numbers as written: the loader reads strings exactly
		}
		return tok, nil
	}
	if depth >= maxJSONDepth {
		return nil, j.fail(dec.InputOffset(), "", fmt.Sprintf("nested more than %d deep", maxJSONDepth))
	}
	switch d {
	case '{':
		m := map[string]any{}
		first := map[string]int{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, j.syntax(dec, err)
			}
			k, _ := kt.(string)
			p := k
			if path != "" {
				p = path + "." + k
			}
			ln := j.line(dec.InputOffset())
			if at, dup := first[k]; dup {
				return nil, &des.FieldError{File: "request", Line: ln, Field: p,
					Msg: fmt.Sprintf("the key %q is given twice (first on line %d)", k, at), Err: des.ErrInvalid}
			}
			first[k] = ln
			j.lines[p] = ln
			if m[k], err = j.value1(dec, p, depth+1); err != nil {
				return nil, err
			}
		}
		if _, err := dec.Token(); err != nil {
			return nil, j.syntax(dec, err)
		}
		return m, nil
	default: // '['
		var a []any
		for i := 0; dec.More(); i++ {
			p := path + "[" + strconv.Itoa(i) + "]"
			j.lines[p] = j.line(dec.InputOffset() + 1)
			v, err := j.value1(dec, p, depth+1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		if _, err := dec.Token(); err != nil {
			return nil, j.syntax(dec, err)
		}
		return a, nil
	}
}

// toTOML writes the scenario as TOML with the same keys, for the loader.
func (j *jsonBody) toTOML() ([]byte, error) {
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(j.value); err != nil {
		return nil, &des.FieldError{File: "request", Msg: "this JSON has no scenario shape: " + err.Error(), Err: des.ErrInvalid}
	}
	return buf.Bytes(), nil
}

// nameInField is the " (Pharmacist B)" the loader puts after a row's index.
var nameInField = regexp.MustCompile(`\] \([^)]*\)`)

// lineOf is the JSON line of a loader's field path (staff[1] (Pharmacist
// B).wte), or of the nearest enclosing key given; 0 when none is.
func (j *jsonBody) lineOf(field string) int {
	p := nameInField.ReplaceAllString(field, "]")
	for p != "" {
		if n, ok := j.lines[p]; ok {
			return n
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return 0
}

// relocate tells the loader's errors, found in the TOML made from the JSON,
// in the JSON's own lines: each error's line is its field's line in the
// JSON (none when the field is not in it).
func (j *jsonBody) relocate(err error) error {
	var list des.Errors
	if errors.As(err, &list) {
		out := make(des.Errors, 0, len(list))
		for _, e := range list {
			out = append(out, j.relocate(e))
		}
		return out
	}
	var fe *des.FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.File, c.Line = "request", j.lineOf(fe.Field)
		return &c
	}
	return err
}
