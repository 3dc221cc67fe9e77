package webui

// The practice and staff editor tables, drawn on the server from the
// scenario text (as static/tables.js reads it: line by line, so a scenario
// the loader refuses still shows its rows), so that the page does not move
// when the script starts: the script only wires them up, and draws them
// again only after an edit that adds or removes a row.

import (
	"fmt"
	"regexp"
	"strings"
)

// editorCol is a column of an editor table: the scenario key, its type (s
// string, n number, d date), heading and hint. tables.js has the same.
type editorCol struct{ Key, Type, Head, Hint string }

var editorCols = map[string][]editorCol{
	"practices": {{"name", "s", "Name", ""}, {"registered", "n", "Registered list", "patients"},
		{"weighted", "n", "Weighted list", "e.g. 13250.5"}, {"adjusted", "n", "Adjusted population", ""},
		{"care_home_beds", "n", "Care home beds", ""}},
	"staff": {{"name", "s", "Name", ""}, {"role", "s", "Role", ""}, {"wte", "n", "WTE", "e.g. 0.5"},
		{"hours", "n", "Hours a week", "instead of WTE"}, {"sessions", "n", "Sessions a week", "GPs"},
		{"start", "d", "Start", "YYYY-MM-DD"}, {"end", "d", "End", "YYYY-MM-DD, blank: none"},
		{"annual_cost", "n", "Annual cost, £", "1 WTE, with on-costs"}, {"salary", "n", "Salary, £", "instead of cost"},
		{"london", "s", "London weighting", "inner, outer, fringe"}},
}

// editorTable is one editor table as the page draws it.
type editorTable struct {
	Kind    string // practices or staff
	Caption string
	What    string // Practice or Staff, for the rows' labels
	Add     string // the add button's words
	Cols    []editorCol
	Rows    []editorRow
	// Open is the table shown rather than folded: one of its cells has a
	// problem.
	Open bool
}

type editorRow struct {
	N     int // from 1
	Name  string
	Cells []editorCell
}

type editorCell struct {
	ID, Key, Label, Aria, Value string
	Size                        int
	Number, Role                bool
	Options                     []roleOption // the role column's choices
	// Err is the problem shown beside the cell (its label and message),
	// ErrID the element's id.
	Err, ErrID string
}

// Summary says what the folded table holds: "Staff (9): Pharmacist A, …".
func (t editorTable) Summary() string {
	var names []string
	for i, r := range t.Rows {
		if i == 4 {
			names = append(names, fmt.Sprintf("and %d more", len(t.Rows)-4))
			break
		}
		names = append(names, r.Name)
	}
	s := fmt.Sprintf("%s (%d)", t.Caption, len(t.Rows))
	if len(names) > 0 {
		s += ": " + strings.Join(names, ", ")
	}
	return s
}

var (
	tomlKeyLine = regexp.MustCompile(`^\s*([a-z_]+)\s*=\s*(.*?)\s*(#.*)?$`)
	tomlQuoted  = regexp.MustCompile(`^".*"$`)
	tableHeader = regexp.MustCompile(`\s*#.*$`)
)

// tomlBlocks are the keys of each [[kind]] block of text, line by line, as
// tables.js's blocks() reads them.
func tomlBlocks(text, kind string) []map[string]string {
	var out []map[string]string
	var cur map[string]string
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			if cur != nil {
				out = append(out, cur)
				cur = nil
			}
			if tableHeader.ReplaceAllString(t, "") == "[["+kind+"]]" {
				cur = map[string]string{}
			}
			continue
		}
		if cur == nil {
			continue
		}
		if m := tomlKeyLine.FindStringSubmatch(line); m != nil {
			cur[m[1]] = m[2]
		}
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// shownValue is a raw TOML value as the cell shows it (tables.js's shown).
func shownValue(raw string) string {
	if tomlQuoted.MatchString(raw) {
		return strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(raw[1 : len(raw)-1])
	}
	return raw
}

// editors draws the two tables from the form's scenario text, each problem
// of a cell beside it.
func (d *pageData) editors() []editorTable {
	ps := d.problemsByPlace()
	var out []editorTable
	for _, kind := range []string{"practices", "staff"} {
		t := editorTable{Kind: kind, Caption: "Practices", What: "Practice", Add: "Add a practice", Cols: editorCols[kind]}
		if kind == "staff" {
			t.Caption, t.What, t.Add = "Staff", "Staff", "Add a person"
		}
		for i, b := range tomlBlocks(d.Form.Scenario, kind) {
			r := editorRow{N: i + 1, Name: t.What + " row " + fmt.Sprint(i+1)}
			if raw, ok := b["name"]; ok {
				r.Name = shownValue(raw)
			}
			for _, c := range t.Cols {
				cell := d.editorCell(kind, &t, &r, c, b)
				if ps.mark(&cell, kind, r.N, c.Key) {
					t.Open = true
				}
				r.Cells = append(r.Cells, cell)
			}
			t.Rows = append(t.Rows, r)
		}
		out = append(out, t)
	}
	return out
}

// placedProblems are the form's problems by the cell they are about, and
// (about a row, not a cell) by the row; the first of each.
type placedProblems struct {
	byCell, byRow map[string]problem
}

func (d *pageData) problemsByPlace() placedProblems {
	ps := placedProblems{byCell: map[string]problem{}, byRow: map[string]problem{}}
	for _, p := range d.Errors {
		if p.Kind == "" {
			continue
		}
		if p.Cell != "" {
			if _, ok := ps.byCell[p.Cell]; !ok {
				ps.byCell[p.Cell] = p
			}
		} else if _, ok := ps.byRow[fmt.Sprintf("%s-%d", p.Kind, p.Row)]; !ok {
			ps.byRow[fmt.Sprintf("%s-%d", p.Kind, p.Row)] = p
		}
	}
	return ps
}

// mark puts the cell's problem beside it (a row's problem beside its name
// cell): true when there is one.
func (ps placedProblems) mark(cell *editorCell, kind string, n int, key string) bool {
	p, ok := ps.byCell[cell.ID]
	if !ok && key == "name" {
		p, ok = ps.byRow[fmt.Sprintf("%s-%d", kind, n)]
	}
	if !ok {
		return false
	}
	cell.ErrID = "cell-" + p.ID
	cell.Err = p.Msg
	if p.Cell == cell.ID && p.Label != "" {
		cell.Err = p.Label + ": " + p.Msg
	} else if p.Cell == "" {
		cell.Err = p.Where + ": " + p.Msg
	}
	return true
}

// editorCell is row r's cell of column c, from its TOML block b.
func (d *pageData) editorCell(kind string, t *editorTable, r *editorRow, c editorCol, b map[string]string) editorCell {
	cell := editorCell{ID: fmt.Sprintf("%s-%d-%s", kind, r.N, c.Key), Key: c.Key, Label: c.Head,
		Aria:   fmt.Sprintf("%s, %s row %d (%s)", c.Head, strings.ToLower(t.What), r.N, r.Name),
		Number: c.Type == "n", Size: 8}
	if raw, ok := b[c.Key]; ok {
		cell.Value = shownValue(raw)
	}
	switch c.Type {
	case "s":
		cell.Size = 16
	case "d":
		cell.Size = 10
	}
	if c.Key == "role" && kind == "staff" {
		d.roleOptions(&cell)
	}
	return cell
}

// roleOptions makes a role cell a choice of the roles, with its own value
// added when it is not one of them.
func (d *pageData) roleOptions(cell *editorCell) {
	cell.Role = true
	known := false
	for _, o := range d.Roles {
		known = known || o.ID == cell.Value
	}
	cell.Options = d.Roles
	if !known && cell.Value != "" {
		cell.Options = append(append([]roleOption(nil), d.Roles...), roleOption{cell.Value, cell.Value})
	}
}
