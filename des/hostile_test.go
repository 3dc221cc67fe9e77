package des_test

import (
	"os"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/stretchr/testify/require"
)

// Issue 24: a -rates file is read through a byte limit whatever size the
// file system reports, and its shape is checked before it is decoded.
func TestRuleSetHostileShapes(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, err := des.LoadRuleSetFile("/dev/zero")
		require.ErrorIs(t, err, des.ErrInvalid)
		require.Contains(t, err.Error(), "/dev/zero: file is more than 1048576 bytes; a rule set may be at most 1048576")
	}
	deep := []byte(`year = "2025/26"` + "\nx = " + strings.Repeat("{a=", 20_000) + "1" + strings.Repeat("}", 20_000) + "\n")
	_, err := des.LoadRuleSet("deep.toml", deep)
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "deep.toml:2: tables or arrays nested more than 32 deep")
	many := []byte(`year = "2025/26"` + "\n" + strings.Repeat("[[payment]]\n", 20_000))
	_, err = des.LoadRuleSet("many.toml", many)
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "many.toml:10002: more than 10000 tables")
}

func BenchmarkRuleSetHostile(b *testing.B) {
	deep := []byte(`year = "2025/26"` + "\nx = " + strings.Repeat("{a=", 20_000) + "1" + strings.Repeat("}", 20_000) + "\n")
	atLimit := []byte(`year = "2025/26"` + "\n" + strings.Repeat("[[payment]]\nidd = 1\n", 9_999))
	for _, c := range []struct {
		name string
		data []byte
	}{{"deep-20k", deep}, {"payments-9999-errors", atLimit}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := des.LoadRuleSet(c.name, c.data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
	b.Run("dev-zero", func(b *testing.B) {
		for b.Loop() {
			if _, err := des.LoadRuleSetFile("/dev/zero"); err == nil {
				b.Fatal("accepted")
			}
		}
	})
}
