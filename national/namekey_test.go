package national

import (
	"testing"

	"github.com/pcnfin/pcnfin/internal/names"
)

// nameKey's ASCII shortcut gives names.NameKey's key.
func TestNameKeyShortcut(t *testing.T) {
	for _, s := range []string{"", " ", "Person 1-1", "person 1-1", "A  B", " A", "A ", "A\tB", "ＡＢ", "Zoë Smith",
		"O'Neil, Mary-Jane (2)", "MIXED case", "~!@#$%^&*()_+{}|:\"<>?", "a\u00a0b", "a\x00b", "K\u212a"} {
		if got, want := nameKey(s), names.NameKey(s); got != want {
			t.Errorf("nameKey(%q) = %q, names.NameKey %q", s, got, want)
		}
	}
}
