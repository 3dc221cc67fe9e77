package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The README's coverage tables are this program's output: keep them in step
// with the rate tables.
func TestREADMETablesAreCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the program")
	}
	out, err := exec.Command("go", "run", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), strings.TrimRight(string(out), "\n")) {
		t.Fatal("README.md's coverage tables differ from `go run ./examples/coverage`: paste its output between the tables markers")
	}
}
