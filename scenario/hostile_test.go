package scenario_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

// Issue 24: the worst shapes of a small file are refused quickly, with the
// file, the line and what was passed.

const hostileHead = "name = \"x\"\n[[practices]]\nname = \"a\"\nregistered = 1\nweighted = 1\nadjusted = 1\ncare_home_beds = 0\n"

func hostileShapes() map[string][]byte {
	return map[string][]byte{
		// 1.2 MB: took 490 s (every error's line rescanned every header)
		"empty-staff-120k.toml": []byte(hostileHead + strings.Repeat("[[staff]]\n", 120_000)),
		// took 120 s in the decoder
		"deep-inline-20k.toml": []byte("name = " + strings.Repeat("{a=", 20_000) + "1" + strings.Repeat("}", 20_000) + "\n"),
		"deep-array-20k.toml":  []byte("name = " + strings.Repeat("[", 20_000) + "1" + strings.Repeat("]", 20_000) + "\n"),
		"deep-dotted.toml":     []byte(strings.Repeat("a.", 5_000) + "a = 1\n"),
		"long-array.toml":      []byte("years = [" + strings.Repeat(`"2025/26",`, 200_000) + "]\n"),
	}
}

var hostileWant = map[string]string{
	"empty-staff-120k.toml": "empty-staff-120k.toml:10007: more than 10000 tables",
	"deep-inline-20k.toml":  "deep-inline-20k.toml:1: tables or arrays nested more than 32 deep",
	"deep-array-20k.toml":   "deep-array-20k.toml:1: tables or arrays nested more than 32 deep",
	"deep-dotted.toml":      "deep-dotted.toml:1: a key of more than 32 parts",
	"long-array.toml":       "long-array.toml:1: an array of more than 10000 elements",
}

func TestHostileShapesRefused(t *testing.T) {
	for name, data := range hostileShapes() {
		t.Run(name, func(t *testing.T) {
			_, err := scenario.Load(name, data)
			require.ErrorIs(t, err, des.ErrInvalid)
			var fe *des.FieldError
			require.True(t, errors.As(err, &fe))
			require.Contains(t, err.Error(), hostileWant[name])
		})
	}
}

// At the limit (9,998 tables, each with an unknown key and four missing
// values), every error is located in one pass and the message shows the
// first 100.
func TestManyErrorsLinear(t *testing.T) {
	data := []byte(hostileHead + strings.Repeat("[[staff]]\nfoo = 1\n", 9_998))
	_, err := scenario.Load("many.toml", data)
	require.ErrorIs(t, err, des.ErrUnknownKey)
	msg := err.Error()
	require.Contains(t, msg, "many.toml:9: staff.foo: unknown key")
	require.Contains(t, msg, "more (the first 100 shown)")
	require.Less(t, len(msg), 20_000)
	var es des.Errors
	require.True(t, errors.As(err, &es))
	last := es[len(es)-1].(*des.FieldError)
	require.Equal(t, "staff[9997].wte", last.Field)
	require.Equal(t, 8+2*9997, last.Line, "the last table's line, found by index")
}

func TestDevZeroRefused(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := scenario.LoadFile("/dev/zero")
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "/dev/zero: file is more than 4194304 bytes; a scenario may be at most 4194304")
}

func BenchmarkHostileShapes(b *testing.B) {
	shapes := hostileShapes()
	shapes["many-errors-9998.toml"] = []byte(hostileHead + strings.Repeat("[[staff]]\nfoo = 1\n", 9_998))
	for name, data := range shapes {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := scenario.Load(name, data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
	b.Run("dev-zero", func(b *testing.B) {
		for b.Loop() {
			if _, err := scenario.LoadFile("/dev/zero"); err == nil {
				b.Fatal("accepted")
			}
		}
	})
}
