package report

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "my.toml")
	require.NoError(t, os.WriteFile(in, []byte("name = \"x\"\n"), 0o600))
	// forecast -scenario my.toml -svg my.toml overwrote the scenario
	err := WriteFileAtomic(in, []byte("<svg/>"), in)
	require.ErrorContains(t, err, "will not write the output over an input file")
	link := filepath.Join(dir, "link.svg")
	require.NoError(t, os.Link(in, link))
	require.ErrorContains(t, WriteFileAtomic(link, []byte("<svg/>"), in), "over an input file")
	b, _ := os.ReadFile(in)
	require.Equal(t, "name = \"x\"\n", string(b), "the input is untouched")

	out := filepath.Join(dir, "chart.svg")
	require.NoError(t, WriteFileAtomic(out, []byte("<svg/>"), in))
	b, _ = os.ReadFile(out)
	require.Equal(t, "<svg/>", string(b))
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	require.Empty(t, left, "no temporary file left")
	require.Error(t, WriteFileAtomic(filepath.Join(dir, "no", "such", "dir.svg"), nil))
}
