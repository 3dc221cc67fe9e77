package strict

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// An unknown key inside an inline table has no line of its own: it is
// reported at the line of the nearest enclosing key that has one, and a key
// on a line of its own at that line.
func TestLineOfAKeyInAnInlineTable(t *testing.T) {
	text := "# on-costs\n\nemployer_ni = [{from = 2025-04-06, colour = \"red\"}]\n\n[pension]\nrate = \"0.1438\"\nshade = 1\n"
	l := NewLocator(text)
	for path, want := range map[string]int{
		"employer_ni.colour": 3, // inside the inline table on line 3
		"employer_ni":        3,
		"pension.shade":      7,
		"pension":            5,
		"pension.tint.hue":   5, // neither tint nor hue is written: the table's header
		"nowhere.at.all":     0,
	} {
		if got := l.LineOf(KeyPath(toml.Key(strings.Split(path, ".")))); got != want {
			t.Errorf("LineOf(%s) = %d, want %d", path, got, want)
		}
	}
}
