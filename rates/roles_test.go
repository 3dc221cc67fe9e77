package rates_test

import (
	"github.com/pcnfin/pcnfin/internal/names"

	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// The catalogue of role IDs (names.RoleIDs), the roles of the embedded
// tables and the list in rates/README.md are the same.
func TestRoleCatalogueAgrees(t *testing.T) {
	require.Equal(t, names.RoleIDs(), rates.Roles(), "names.RoleIDs and the embedded tables")
	b, err := os.ReadFile("README.md")
	require.NoError(t, err)
	var row []byte
	for _, m := range regexp.MustCompile("(?m)^\\| `id` \\|(.*)\\|").FindAllSubmatch(b, -1) {
		if regexp.MustCompile("`clinical_pharmacist`").Match(m[1]) {
			row = m[1]
		}
	}
	require.NotNil(t, row, "the id row of [[arrs.role]] in rates/README.md")
	var listed []string
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllSubmatch(row, -1) {
		listed = append(listed, string(m[1]))
	}
	slices.Sort(listed)
	require.Equal(t, names.RoleIDs(), listed, "rates/README.md")
}
