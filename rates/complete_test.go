package rates_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// A user's own rule set is completed as the embedded ones are: a sourced
// figure the user adds wins, and the roles they leave without a figure get
// the band model's, labelled derived.
func TestUserRuleSetIsCompleted(t *testing.T) {
	raw, err := rates.File(2026)
	require.NoError(t, err)
	// The user adds a sourced paramedic maximum for 2026/27.
	text := strings.Replace(string(raw), `  id = "paramedic"`, `  id = "paramedic"`, 1)
	i := strings.Index(text, `  id = "paramedic"`)
	j := strings.Index(text[i:], "\n\n") + i
	text = text[:j] + `

    [[arrs.role.max]]
    from = 2026-04-01
    amount = "70000"
    source = "Local ICB letter, table 1"
    url = "https://example.org/icb-letter"
    confidence = "single"` + text[j:]
	path := filepath.Join(t.TempDir(), "2026-27.toml")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	sets, user, err := rates.WithFile(path)
	require.NoError(t, err)
	require.NotNil(t, user)
	require.Len(t, sets, len(rates.Years()))
	para, ok := user.ARRS().Role("paramedic")
	require.True(t, ok)
	ms := para.MaximaInForce(des.Date{})
	require.Equal(t, "70000", ms[0].National.String())
	require.Equal(t, des.Single, ms[0].Source.Confidence)
	cp, _ := user.ARRS().Role("clinical_pharmacist")
	cms := cp.MaximaInForce(des.Date{})
	require.Equal(t, "71725", cms[0].National.String())
	require.Equal(t, des.Derived, cms[0].Source.Confidence)
	// the carried care home premium is filled too
	chp, ok := user.Payment("care_home_premium")
	require.True(t, ok)
	require.Equal(t, des.Carried, chp.Parts[0].Values[0].Source.Confidence)
	require.Equal(t, "130.253", chp.Parts[0].Values[0].Rate.String())
}
