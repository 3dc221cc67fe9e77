package derive_test

import (
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// flatCosts: pension 14.38%, employer NI 15% above £5,000 on every date.
func flatCosts(des.Date) (decimal.Decimal, decimal.Decimal, decimal.Decimal, error) {
	return decimal.RequireFromString("0.1438"), decimal.RequireFromString("0.15"), decimal.NewFromInt(5000), nil
}

const testBands = `
[[pay]]
id = "afc"
name = "Agenda for Change"
model_from = 2022-10-01
model_to = 2027-03-31
[[pay]]
id = "ddrb"
name = "Salaried GPs"
model_from = 2025-04-01
model_to = 2027-03-31
[[band]]
id = "7-8a"
name = "band 7-8a"
pay = "afc"
[[band]]
id = "gp"
name = "GP"
pay = "ddrb"
[[award]]
pay = "ddrb"
from = 2025-10-01
percent = "10"
source = "test ddrb award"
url = "https://example.org/ddrb"
confidence = "confirmed"
[[award]]
pay = "afc"
from = 2025-04-01
announced = 2025-08-01
percent = "2"
source = "test backdated afc award"
url = "https://example.org/afc-back"
confidence = "confirmed"
[[award]]
pay = "afc"
from = 2025-11-01
percent = "5"
source = "test afc award"
url = "https://example.org/afc"
confidence = "confirmed"
[[hcas]]
pay = "afc"
pay_year = "test"
from = 2025-04-01
inner = { percent = "20", min = "5000", max = "8000" }
outer = { percent = "15", min = "4000", max = "6000" }
fringe = { percent = "5", min = "1000", max = "2000" }
source = "test HCAS"
url = "https://example.org/hcas"
confidence = "confirmed"
`

const testYear = `
year = "2025/26"
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
  [[arrs.role]]
  id = "clinical_pharmacist"
  name = "Clinical pharmacist"
  band = "7-8a"
  source = "test"
  url = "https://example.org/cp"
  confidence = "confirmed"
    [[arrs.role.max]]
    from = 2025-04-01
    announced = 2025-03-27
    amount = "66972"
    source = "test cp"
    url = "https://example.org/cp-max"
    confidence = "confirmed"
  [[arrs.role]]
  id = "general_practitioner"
  name = "GP"
  band = "gp"
  source = "test"
  url = "https://example.org/gp"
  confidence = "confirmed"
    [[arrs.role.max]]
    from = 2025-04-01
    amount = "105882"
    source = "test gp"
    url = "https://example.org/gp-max"
    confidence = "confirmed"
`

func completeTest(t *testing.T, bands string) *des.RuleSet {
	t.Helper()
	b, err := rulefile.ReadBands("bands.toml", []byte(bands))
	require.NoError(t, err)
	rs, err := rulefile.Read("y.toml", []byte(testYear))
	require.NoError(t, err)
	out, err := derive.Complete([]*des.RuleSet{rs}, b, flatCosts)
	require.NoError(t, err)
	return out[0]
}

// inForce is the role's maximum in force at on, as known on asAt.
func inForce(t *testing.T, rs *des.RuleSet, role string, on, asAt des.Date) des.Maximum {
	t.Helper()
	r, ok := rs.ARRS().Role(role)
	require.True(t, ok)
	var got *des.Maximum
	for _, mx := range r.MaximaInForce(asAt) {
		if !mx.From.After(on) {
			mx := mx
			got = &mx
		}
	}
	require.NotNil(t, got, "%s at %s", role, on)
	return *got
}

// costOf is salary s plus 14.38% and 15% above £5,000, half-up to £1.
func costOf(s decimal.Decimal) decimal.Decimal {
	d := decimal.RequireFromString
	return s.Mul(d("1.1438")).Add(s.Sub(d("5000")).Mul(d("0.15"))).Round(0)
}

// salaryOf backs a maximum out: (M + 750) ÷ 1.2938.
func salaryOf(m decimal.Decimal) decimal.Decimal {
	return m.Add(decimal.NewFromInt(750)).DivRound(decimal.RequireFromString("1.2938"), 12)
}

// A pay award moves only its own pay group's maxima: a DDRB award (GPs)
// leaves an Agenda for Change role's sourced figure standing, and an AfC
// award a GP's (kills `w.Pay == pay` → `!=` in awardMoves and
// backdatedBetween: issue 25).
func TestAwardsMoveOnlyTheirPayGroup(t *testing.T) {
	rs := completeTest(t, testBands)
	oct, nov := des.MustDate(2025, 10, 1), des.MustDate(2025, 11, 1)
	before := des.MustDate(2025, 7, 1) // before the backdated AfC award was announced

	// CP as known before August: the sourced £66,972 from April, still
	// sourced in October (the DDRB award of October is not its group's).
	cp := inForce(t, rs, "clinical_pharmacist", oct, before)
	requireMoney(t, "66972", cp.National)
	require.Equal(t, des.Confirmed, cp.Source.Confidence, cp.Source.Document)

	// GP: the DDRB award of October moves it by 10%; the AfC award of
	// November does not move it again.
	want := costOf(salaryOf(decimal.NewFromInt(105882)).Mul(decimal.RequireFromString("1.1")))
	gpOct := inForce(t, rs, "general_practitioner", oct, des.Date{})
	requireMoney(t, want.String(), gpOct.National, gpOct.Source.Document)
	gpNov := inForce(t, rs, "general_practitioner", nov, des.Date{})
	requireMoney(t, want.String(), gpNov.National, gpNov.Source.Document)
	gpSep := inForce(t, rs, "general_practitioner", des.MustDate(2025, 9, 1), des.Date{})
	requireMoney(t, "105882", gpSep.National, "the backdated AfC award does not revise a GP")
	require.Equal(t, des.Confirmed, gpSep.Source.Confidence)

	// CP as known now: the backdated 2% AfC award revises April (announced
	// 1 August), and the 5% AfC award moves November.
	s := salaryOf(decimal.NewFromInt(66972))
	two, five := decimal.RequireFromString("1.02"), decimal.RequireFromString("1.05")
	cpApr := inForce(t, rs, "clinical_pharmacist", des.MustDate(2025, 4, 1), des.Date{})
	requireMoney(t, costOf(s.Mul(two)).String(), cpApr.National, cpApr.Source.Document)
	require.Equal(t, des.MustDate(2025, 8, 1), cpApr.Announced)
	cpNov := inForce(t, rs, "clinical_pharmacist", nov, des.Date{})
	requireMoney(t, costOf(s.Mul(two).Mul(five)).String(), cpNov.National, cpNov.Source.Document)
	// ... and as known before the announcement, April is the sourced figure.
	requireMoney(t, "66972", inForce(t, rs, "clinical_pharmacist", des.MustDate(2025, 4, 1), before).National)

	// A backdated DDRB award does not revise an AfC role: with the DDRB
	// award backdated, CP's April figure as known in September is still
	// the sourced one.
	rs = completeTest(t, testBands+`
[[award]]
pay = "ddrb"
from = 2026-01-01
announced = 2026-02-01
percent = "7"
source = "test backdated ddrb"
url = "https://example.org/ddrb2"
confidence = "confirmed"
`)
	cp = inForce(t, rs, "clinical_pharmacist", oct, des.MustDate(2025, 7, 31))
	requireMoney(t, "66972", cp.National)
	require.Equal(t, des.Confirmed, cp.Source.Confidence)
}

// The HCAS rule, worked by hand on the test supplement: CP national
// £66,972 → salary £52,343.48; inner 20% = £10,468.70, above the £8,000
// maximum → £8,000; outer 15% = £7,851.52 → £6,000. Inner = (52,343.48 +
// 8,000) costed = £77,322.39 → £77,322; outer = £74,734.80 → £74,735.
func TestLondonByHCAS(t *testing.T) {
	rs := completeTest(t, testBands)
	cp := inForce(t, rs, "clinical_pharmacist", des.MustDate(2025, 4, 1), des.MustDate(2025, 7, 1))
	s := salaryOf(decimal.NewFromInt(66972))
	requireMoney(t, costOf(s.Add(decimal.NewFromInt(8000))).String(), cp.InnerLondon)
	requireMoney(t, costOf(s.Add(decimal.NewFromInt(6000))).String(), cp.OuterLondon)
	requireMoney(t, "77322", cp.InnerLondon)
	requireMoney(t, "74735", cp.OuterLondon)
	in := cp.SourceFor(2)
	require.Equal(t, des.Derived, in.Confidence)
	require.Contains(t, in.Document, "is a salary of £52,343.48")
	require.Contains(t, in.Document, "above the maximum, so held to it")
	require.Contains(t, in.Document, "rounded half-up to the pound = £77,322.00")
	require.NotEqual(t, cp.Source.Document, in.Document)
}

// A re-based band: the GP maximum is the stated salary plus on-costs, and
// the London figure adds the London weighting (both zones). £118,759 →
// £152,900 and £120,921 → £155,698 (the 2026/27 specification's Table 3c,
// as quoted); £82,418 → £105,882 and £84,580 → £108,680 (2025/26).
func TestGPRebasedOnSalary(t *testing.T) {
	requireMoney(t, "152900", costOf(decimal.NewFromInt(118759)))
	requireMoney(t, "155698", costOf(decimal.NewFromInt(120921)))
	bands := testBands + `
[[basis]]
band = "gp"
from = 2025-04-01
salary = "82418"
london_weighting = "2162"
point = "the test salary element"
source = "test basis"
url = "https://example.org/basis"
confidence = "confirmed"
`
	b, err := rulefile.ReadBands("bands.toml", []byte(bands))
	require.NoError(t, err)
	// The role states no figure: all from the basis.
	rs, err := rulefile.Read("y.toml", []byte(`
year = "2025/26"
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
  [[arrs.role]]
  id = "general_practitioner"
  name = "GP"
  band = "gp"
  source = "test"
  url = "https://example.org/gp"
  confidence = "confirmed"
`))
	require.NoError(t, err)
	out, err := derive.Complete([]*des.RuleSet{rs}, b, flatCosts)
	require.NoError(t, err)
	gp := inForce(t, out[0], "general_practitioner", des.MustDate(2025, 4, 1), des.Date{})
	requireMoney(t, "105882", gp.National, gp.Source.Document)
	requireMoney(t, "108680", gp.OuterLondon)
	requireMoney(t, "108680", gp.InnerLondon)
	require.Contains(t, gp.Source.Document, "derived by re-basing")
	// October: the 10% DDRB award moves the salary to £90,659.80.
	gp = inForce(t, out[0], "general_practitioner", des.MustDate(2025, 10, 1), des.Date{})
	requireMoney(t, costOf(decimal.RequireFromString("90659.80")).String(), gp.National, gp.Source.Document)
	requireMoney(t, costOf(decimal.RequireFromString("92821.80")).String(), gp.InnerLondon)
}

// Bad HCAS and basis rows are errors naming the field.
func TestBandRulesHCASAndBasisErrors(t *testing.T) {
	for _, c := range []struct{ add, field string }{
		{"[[hcas]]\npay = \"afc\"\npay_year = \"x\"\nfrom = 2026-04-01\ninner = { percent = \"20\", min = \"9000\", max = \"8000\" }\nouter = { percent = \"15\", min = \"1\", max = \"2\" }\nfringe = { percent = \"5\", min = \"1\", max = \"2\" }\nsource = \"s\"\nurl = \"https://example.org/x\"\nconfidence = \"single\"\n", "hcas[1].inner"},
		{"[[hcas]]\npay = \"afc\"\npay_year = \"x\"\nfrom = 2026-04-01\ninner = { percent = \"20\", min = \"1\", max = \"2\" }\nfringe = { percent = \"5\", min = \"1\", max = \"2\" }\nsource = \"s\"\nurl = \"https://example.org/x\"\nconfidence = \"single\"\n", "hcas[1].outer"},
		{"[[basis]]\nband = \"nope\"\nfrom = 2026-04-01\nsalary = \"1\"\npoint = \"p\"\nsource = \"s\"\nurl = \"https://example.org/x\"\nconfidence = \"single\"\n", "basis[0].band"},
		{"[[basis]]\nband = \"gp\"\nfrom = 2026-04-01\nsalary = \"0\"\npoint = \"p\"\nsource = \"s\"\nurl = \"https://example.org/x\"\nconfidence = \"single\"\n", "basis[0].salary"},
	} {
		_, err := rulefile.ReadBands("bands.toml", []byte(testBands+c.add))
		require.Error(t, err, c.field)
		require.ErrorContains(t, err, c.field)
	}
}

// A role's own figure superseded by a sourced revision (same date, later
// announcement) is kept for calculations as known before the revision
// (kills the date-and-announcement match in roleMaxima: issue 25).
func TestOwnFigureKeptBeforeItsSourcedRevision(t *testing.T) {
	b, err := rulefile.ReadBands("bands.toml", []byte(testBands))
	require.NoError(t, err)
	rs, err := rulefile.Read("y.toml", []byte(strings.Replace(testYear, `    confidence = "confirmed"
  [[arrs.role]]
  id = "general_practitioner"`, `    confidence = "confirmed"
    [[arrs.role.max]]
    from = 2025-04-01
    announced = 2025-09-01
    amount = "70000"
    source = "test cp revision"
    url = "https://example.org/cp-rev"
    confidence = "confirmed"
  [[arrs.role]]
  id = "general_practitioner"`, 1)))
	require.NoError(t, err)
	out, err := derive.Complete([]*des.RuleSet{rs}, b, flatCosts)
	require.NoError(t, err)
	apr := des.MustDate(2025, 4, 1)
	requireMoney(t, "66972", inForce(t, out[0], "clinical_pharmacist", apr, des.MustDate(2025, 7, 1)).National)
	requireMoney(t, "70000", inForce(t, out[0], "clinical_pharmacist", apr, des.MustDate(2025, 9, 2)).National)
	r, _ := out[0].ARRS().Role("clinical_pharmacist")
	n := 0
	for _, mx := range r.Maxima {
		if mx.From == apr && mx.National.Equal(decimal.NewFromInt(70000)) {
			n++
		}
	}
	require.Equal(t, 1, n, "the revision once: %+v", r.Maxima)
}
