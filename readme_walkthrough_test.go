package pcnfin_test

import (
	"github.com/pcnfin/pcnfin/internal/names"

	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The README's "A first scenario" shows what the main example prints for
// examples/first.toml (up to the table of the year's gaps): keep it in step.
func TestREADMEWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the program")
	}
	out, err := exec.Command("go", "run", "./examples/forecast", "-scenario", "examples/first.toml").Output()
	if err != nil {
		t.Fatal(err)
	}
	shown, _, ok := strings.Cut(string(out), "gaps in the sources")
	if !ok {
		t.Fatalf("no table of gaps in:\n%s", out)
	}
	shown = shown[:strings.LastIndex(shown, "\n\n")]
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "$ go run ./examples/forecast -scenario examples/first.toml\n"+shown+"\n") {
		t.Fatalf("README.md's first scenario differs from `go run ./examples/forecast -scenario examples/first.toml`: paste\n%s", shown)
	}
	file, err := os.ReadFile("examples/first.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```toml\n"+string(file)+"```\n") {
		t.Fatal("README.md's first scenario does not show examples/first.toml as it is")
	}
}

// The README's table of role IDs lists every role of the catalogue, and
// nothing else but the scenario keys it names.
func TestREADMERoles(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(readme), "<!-- roles:begin -->")
	table, _, ok := strings.Cut(table, "<!-- roles:end -->")
	if !ok {
		t.Fatal("README.md has no roles:begin/roles:end table")
	}
	var listed []string
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(table, -1) {
		if m[1] != "band" && m[1] != "sessions" {
			listed = append(listed, m[1])
		}
	}
	slices.Sort(listed)
	if want := names.RoleIDs(); !slices.Equal(listed, want) {
		t.Fatalf("README.md's role IDs:\n%v\nthe catalogue (names.RoleIDs):\n%v", listed, want)
	}
}
