package rates

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The index reader refuses what it cannot read with an error naming
// index.txt and the line (never a panic), and an index it reads writes a
// text that reads back to the same text.
func FuzzParseIndex(f *testing.F) {
	f.Add(indexText)
	f.Add([]byte("# pcnfin\nfile 2024-25.toml 12 34\nroles a b\non_costs 2024-04-06 0.1438 0.138 9100\n"))
	f.Add([]byte("year 2024/25\ncarry {}\nevidence 2024/25\ndates\nend\n"))
	f.Add([]byte("on_costs 2024-04-06 1e-99999999 0 0\n"))
	f.Add([]byte("year 2024/25\nevidence 2025/26\ndates\nend\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := parseIndex(data)
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), "index.txt:"), "%v", err)
			return
		}
		once, err := writeIndex(ix)
		require.NoError(t, err)
		back, err := parseIndex(once)
		require.NoError(t, err, "%s", once)
		twice, err := writeIndex(back)
		require.NoError(t, err)
		require.Equal(t, string(once), string(twice))
	})
}
