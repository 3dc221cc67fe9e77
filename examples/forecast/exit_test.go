package main

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The built program: bad input exits 1 with the error on stderr and
// nothing on stdout; a bad flag exits 2; good input exits 0.
func TestExitStatus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "forecast")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	bad, _ := filepath.Abs("../../testdata/bad")
	cases := []struct {
		args   []string
		status int
		stderr string
	}{
		{nil, 0, ""},
		{[]string{"-scenario", filepath.Join(bad, "scenarios/end-before-start.toml")}, 1, "end-before-start.toml:16: staff[0].end"},
		{[]string{"-scenario", filepath.Join(bad, "scenarios/unknown-role.toml")}, 1, `unknown role "clinical_pharmacyst"`},
		{[]string{"-scenario", filepath.Join(bad, "scenarios/missing-figure.toml")}, 1, "no adjusted figure"},
		{[]string{"-rates", filepath.Join(bad, "rules/float-rate.toml")}, 1, "float-rate.toml:9"},
		{[]string{"-format", "pdf"}, 2, `-format "pdf"`},
		{[]string{"-year", "2024/26"}, 2, "bad DES year"},
	}
	for _, c := range cases {
		cmd := exec.Command(bin, c.args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		status := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			status = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != c.status {
			t.Errorf("%v: exit %d, want %d (stderr %q)", c.args, status, c.status, stderr.String())
		}
		if !strings.Contains(stderr.String(), c.stderr) {
			t.Errorf("%v: stderr %q lacks %q", c.args, stderr.String(), c.stderr)
		}
		if c.status != 0 && stdout.Len() > 0 {
			t.Errorf("%v: wrote %d bytes of output despite failing", c.args, stdout.Len())
		}
		if c.status == 0 && stdout.Len() == 0 {
			t.Errorf("%v: no output", c.args)
		}
	}
}
