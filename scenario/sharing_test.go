package scenario_test

import (
	"errors"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/stretchr/testify/require"
)

const sharingBase = `name = "S"
[[practices]]
name = "P1"
registered = 100
weighted = 100
adjusted = 100
care_home_beds = 0
[[practices]]
name = "P2"
registered = 200
weighted = 200
adjusted = 200
care_home_beds = 0
[[staff]]
name = "Ann"
role = "care_coordinator"
wte = 1
start = 2025-04-01
annual_cost = 30000
`

// Bad sharing rules are refused with the file, line and field.
func TestSharingBadInput(t *testing.T) {
	for _, c := range []struct{ name, extra, field, msg string }{
		{"percentages not adding to 100", "[sharing]\nbasis = \"fixed\"\n  [[sharing.fixed]]\n  practice = \"P1\"\n  percent = 40\n  [[sharing.fixed]]\n  practice = \"P2\"\n  percent = 50\n", "sharing.fixed[0].percent", "add up to 90, not 100"},
		{"unknown employer", "", "staff[0].employer", `practice "P3" is not one of the [[practices]]`},
		{"unknown payment", "[sharing]\n  [[sharing.payment]]\n  id = \"core_funding\"\n  basis = \"equal\"\n", "sharing.payment[0].id", `payment "core_funding"`},
		{"negative retained", "[sharing]\n  [[sharing.retained]]\n  name = \"CD\"\n  annual = -5\n", "sharing.retained[0].annual", "0 or more"},
		{"NPP shared", "[sharing]\n  [[sharing.payment]]\n  id = \"network_participation\"\n  basis = \"equal\"\n", "sharing.payment[0].id", "paid to each practice on its own figures"},
		{"bad basis", "[sharing]\nbasis = \"beds\"\n", "sharing.basis", `basis "beds"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := sharingBase
			if c.name == "unknown employer" {
				src += "employer = \"P3\"\n"
			}
			_, err := scenario.Load("s.toml", []byte(src+c.extra))
			require.Error(t, err)
			var fe *des.FieldError
			found := false
			for _, e := range err.(des.Errors) {
				if errors.As(e, &fe) && fe.Field == c.field {
					found = true
					require.Contains(t, fe.Msg, c.msg)
					require.Positive(t, fe.Line, "a line for %s", fe.Field)
					require.Equal(t, "s.toml", fe.File)
				}
			}
			require.True(t, found, "no error on %s in %v", c.field, err)
		})
	}
}

func TestSharingDefaults(t *testing.T) {
	sc, err := scenario.Load("s.toml", []byte(sharingBase))
	require.NoError(t, err)
	require.Equal(t, scenario.ShareWeighted, sc.Sharing.DefaultBasis())
	require.Equal(t, scenario.ShareWeighted, sc.Sharing.PaymentBasis("enhanced_access"))
}
