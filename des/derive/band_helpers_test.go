package derive_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Small rule files for the band model's tests (issue 25): a year's text
// with its roles, each role with its maxima.

// yearText is a rule set for year y ("2025/26") with the given roles.
func yearText(y string, roles ...string) string {
	return fmt.Sprintf(`
year = %q
[[payment]]
id = "arrs"
name = "ARRS sum"
kind = "arrs_sum"
  [[payment.part]]
  basis = "weighted"
    [[payment.part.value]]
    rate = "26.631"
    source = "test"
    url = "https://example.org/arrs"
    confidence = "confirmed"
[arrs]
`, y) + strings.Join(roles, "")
}

// roleText is a role on band with the given [[arrs.role.max]] tables
// (maxText) and extra role keys (such as eligible_from).
func roleText(id, band, extra string, maxima ...string) string {
	return fmt.Sprintf(`
  [[arrs.role]]
  id = %q
  name = %q
  band = %q
  source = "test"
  url = "https://example.org/%s"
  confidence = "confirmed"
%s`, id, id, band, id, extra) + strings.Join(maxima, "")
}

// maxText is a sourced maximum from a date, with extra keys (announced,
// outer_london, stated ...); its source document is "<id> <from>".
func maxText(from, amount, extra string) string {
	amt := ""
	if amount != "" {
		amt = fmt.Sprintf("    amount = %q\n", amount)
	}
	return fmt.Sprintf(`    [[arrs.role.max]]
    from = %s
%s%s    source = "sourced %s"
    url = "https://example.org/max-%s"
    confidence = "confirmed"
`, from, amt, extra, from, from)
}

// completeTexts reads the band rules and year texts and completes them.
func completeTexts(t *testing.T, bands string, rates derive.OnCostRates, years ...string) []*des.RuleSet {
	t.Helper()
	b, err := rulefile.ReadBands("bands.toml", []byte(bands))
	require.NoError(t, err)
	return completeWith(t, b, rates, years...)
}

func completeWith(t *testing.T, b *derive.BandRules, rates derive.OnCostRates, years ...string) []*des.RuleSet {
	t.Helper()
	var sets []*des.RuleSet
	for i, y := range years {
		rs, err := rulefile.Read(fmt.Sprintf("y%d.toml", i), []byte(y))
		require.NoError(t, err)
		sets = append(sets, rs)
	}
	out, err := derive.Complete(sets, b, rates)
	require.NoError(t, err)
	return out
}

// afcBands is a pay group "afc" (model span from October 2022) with the
// given bands (one [[band]] each, in rank order) and extra tables.
func afcBands(extra string, bands ...string) string {
	s := `
[[pay]]
id = "afc"
name = "Agenda for Change"
model_from = 2022-10-01
model_to = 2027-03-31
[[pay]]
id = "ddrb"
name = "Salaried GPs"
model_from = 2022-10-01
model_to = 2027-03-31
`
	for _, b := range bands {
		pay := "afc"
		if b == "gp" {
			pay = "ddrb"
		}
		s += fmt.Sprintf("[[band]]\nid = %q\nname = \"band %s\"\npay = %q\n", b, b, pay)
	}
	return s + extra
}

// awardText is a pay award of group pay from a date by percent.
func awardText(pay, from, percent string) string {
	return fmt.Sprintf(`[[award]]
pay = %q
from = %s
percent = %q
source = "test award %s"
url = "https://example.org/award"
confidence = "confirmed"
`, pay, from, percent, from)
}

// d is a decimal from a string.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// date is a des.Date from "YYYY-MM-DD".
func date(s string) des.Date {
	v, err := des.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}
