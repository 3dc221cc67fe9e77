// Package golden compares the example programs' output with golden files in
// testdata/, for their tests. Run `go test ./examples/... -update` to
// rewrite the files after a change you mean, then review the diff.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update is the -update flag of the test binaries that import this package.
var Update = flag.Bool("update", false, "rewrite golden files")

// Check compares got with testdata/name.golden, or rewrites the file with
// -update. A difference fails the test with the first line that differs.
func Check(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *Update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: no golden file: run go test -update to write it", err)
	}
	if bytes.Equal(want, got) {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Fatalf("%s differs at line %d (run go test -update if the change is right, and review the diff):\n"+
				"want: %s\ngot:  %s", path, i+1, w, g)
		}
	}
}
