package arrs_test

// Issue 25: the person's explanation, for mutants of explain() that no test
// caught (each maximum named once; names and bands of any length written in
// full).

import (
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// fcpExplained is the explanation, after the name, of a full-time first
// contact physiotherapist from 1 April 2023 costing £70,000 under the test
// rules (arrs_test.go). By hand: claims start 1 July 2023, so April to June
// claim nothing (before_claims_start); the maximum is £62,340 from April and
// £65,838 from October, both below the cost, at 100%: July to September
// £62,340 ÷ 12 = £5,195.00 each, 3 × £5,195.00 = £15,585.00; October to
// March £65,838 ÷ 12 = £5,486.50 each, 6 × £5,486.50 = £32,919.00; 9 months
// claimed, £48,504.00 in the year. Each maximum is named once, in the order
// it came into force, though each is in force for six months.
const fcpExplained = " (first_contact_physiotherapist, 1 WTE, from 2023-04-01): cost £70,000.00 a year per WTE; " +
	"maximum £62,340.00 a year national from 2023-04-01 [test <https://example.org/fcp1> confirmed], " +
	"£65,838.00 a year national from 2023-10-01 [test <https://example.org/fcp2> confirmed]; " +
	"claim = min(cost, maximum) × WTE × 100% per month, pro rata by days, rounded to the penny; " +
	"9 months claimed = £48,504.00 (before_claims_start: claims in 2023/24 start 2023-07-01)"

// Lived mutants at 14aa45b: calculate.go:886:18 (a maximum already named was
// named again for each further month it was in force), 899:22 (a role with
// one share lost its claim rule's text) and 909:17 (a claim resting on no
// derived maximum said "£0.00 of it rests on a maximum no source gives").
func TestExplainNamesEachMaximumOnce(t *testing.T) {
	r, err := plan(t).Calculate(pcn(40000, 50000),
		[]arrs.Staff{staff("F", "first_contact_physiotherapist", "1", d(2023, 4, 1), des.Date{}, 70000)})
	require.NoError(t, err)
	requireMoney(t, "48504.00", r.Staff[0].Claim.Decimal())
	require.Equal(t, "F"+fcpExplained, r.Staff[0].Explain())
}

// A name has no length limit (Staff.Validate), and the explanation writes a
// name of 1,000 characters in full, followed by the same text as for "F".
// Lived mutant calculate.go:847:14 at 14aa45b (the size hint subtracted the
// name's length, and strings.Builder.Grow panics on a negative size).
func TestExplainWritesALongNameInFull(t *testing.T) {
	name := strings.Repeat("Anna", 250)
	r, err := plan(t).Calculate(pcn(40000, 50000),
		[]arrs.Staff{staff(name, "first_contact_physiotherapist", "1", d(2023, 4, 1), des.Date{}, 70000)})
	require.NoError(t, err)
	require.Equal(t, name+fcpExplained, r.Staff[0].Explain())
}

// A role's band is free text ("the Agenda for Change band (or pay basis) the
// maximum is built on"), and for a role with a subsequent share the
// explanation quotes it in full. The test rules' mental health practitioner
// (50%, maximum £60,000, a cap of 1 WTE) given a subsequent share of 100% and
// a pay basis of 400 characters as its band: one MHP from 1 April 2023
// costing £30,000 is the first at the band, so 50% whatever the agreement.
// By hand: July to March £30,000 ÷ 12 = £2,500.00 × 50% = £1,250.00 a month,
// 9 × £1,250.00 = £11,250.00 (April to June before claims start).
// Lived mutant calculate.go:849:30 at 14aa45b (the size hint subtracted the
// share's text, and strings.Builder.Grow panics on a negative size).
func TestExplainQuotesALongBandInFull(t *testing.T) {
	rs, err := rulefile.Read("test.toml", []byte(testRules))
	require.NoError(t, err)
	band := strings.Repeat("band 6 to 7, ", 30) + "pay basis" // 13 × 30 + 9 = 399 characters
	c := rs.Contents()
	for i := range c.ARRS.Roles {
		if c.ARRS.Roles[i].ID == "mental_health_practitioner" {
			c.ARRS.Roles[i].SubsequentReimbursement = decimal.NewFromInt(1)
			c.ARRS.Roles[i].Band = band
		}
	}
	p, err := arrs.Compile(des.NewRuleSet(c), arrs.Options{})
	require.NoError(t, err)
	r, err := p.Calculate(pcn(40000, 50000),
		[]arrs.Staff{staff("M", "mental_health_practitioner", "1", d(2023, 4, 1), des.Date{}, 30000)})
	require.NoError(t, err)
	requireMoney(t, "11250.00", r.Staff[0].Claim.Decimal())
	require.Equal(t, "M (mental_health_practitioner, 1 WTE, from 2023-04-01): cost £30,000.00 a year per WTE; "+
		"maximum £60,000.00 a year national from 2023-04-01 [test <https://example.org/mhpmax> confirmed]; "+
		"claim = min(cost, maximum) × WTE × 50% per month, pro rata by days, rounded to the penny "+
		"(the first mental_health_practitioner at band "+band+", by start date: 50% whatever the agreement); "+
		"9 months claimed = £11,250.00 (before_claims_start: claims in 2023/24 start 2023-07-01)", r.Staff[0].Explain())
}

// The maxima named are those of the months employed, including months that
// claim nothing for a reason: a physiotherapist employed from 1 April to 30
// June 2023 claims nothing (the test rules' claims start on 1 July), and the
// maximum in force while employed is £62,340 from April; £65,838 from
// October, when the person is gone, is not named. 0 months claimed, £0.00.
// Lived mutant calculate.go:886:43 at 14aa45b (it named the maxima of the
// months not employed and skipped those of months with a reason).
func TestExplainNamesTheMaximaOfTheMonthsEmployed(t *testing.T) {
	r, err := plan(t).Calculate(pcn(40000, 50000),
		[]arrs.Staff{staff("G", "first_contact_physiotherapist", "1", d(2023, 4, 1), d(2023, 6, 30), 70000)})
	require.NoError(t, err)
	requireMoney(t, "0", r.Staff[0].Claim.Decimal())
	require.Equal(t, "G (first_contact_physiotherapist, 1 WTE, from 2023-04-01 to 2023-06-30): cost £70,000.00 a year per WTE; "+
		"maximum £62,340.00 a year national from 2023-04-01 [test <https://example.org/fcp1> confirmed]; "+
		"claim = min(cost, maximum) × WTE × 100% per month, pro rata by days, rounded to the penny; "+
		"0 months claimed = £0.00 (before_claims_start: claims in 2023/24 start 2023-07-01)", r.Staff[0].Explain())
}

// The reasons follow the claim in brackets, joined by "; ", and there are no
// brackets when there is no reason. Under the test rules:
//   - a physiotherapist from 1 July 2023 (when claims start) costing £70,000
//     claims every month employed: July to September £62,340 ÷ 12 =
//     £5,195.00, October to March £65,838 ÷ 12 = £5,486.50; 3 × £5,195.00 +
//     6 × £5,486.50 = £15,585.00 + £32,919.00 = £48,504.00, no reason;
//   - a GP (claimable from 1 October 2023) from 1 April 2023 costing
//     £120,000 claims October to March at £92,462 ÷ 12 = £7,705.1666… →
//     £7,705.17, 6 × £7,705.17 = £46,231.02; April to June are before claims
//     start and July to September before the GP is claimable: two reasons
//     (its maximum, given no date, is in force from 1 October, when the
//     role becomes claimable: des/rulefile).
//
// Lived mutants calculate.go:913:20 ×2 (len(e.reasons) > 0 → >= 0, <= 0) and
// 916:9 (i > 0 → i <= 0) at 14aa45b.
func TestExplainJoinsTheReasons(t *testing.T) {
	r, err := plan(t).Calculate(pcn(40000, 50000), []arrs.Staff{
		staff("J", "first_contact_physiotherapist", "1", d(2023, 7, 1), des.Date{}, 70000),
		staff("H", "general_practitioner", "1", d(2023, 4, 1), des.Date{}, 120000),
	})
	require.NoError(t, err)
	j, h := find(t, r, "J"), find(t, r, "H")
	requireMoney(t, "48504.00", j.Claim.Decimal())
	requireMoney(t, "46231.02", h.Claim.Decimal())
	require.Equal(t, "J (first_contact_physiotherapist, 1 WTE, from 2023-07-01): cost £70,000.00 a year per WTE; "+
		"maximum £62,340.00 a year national from 2023-04-01 [test <https://example.org/fcp1> confirmed], "+
		"£65,838.00 a year national from 2023-10-01 [test <https://example.org/fcp2> confirmed]; "+
		"claim = min(cost, maximum) × WTE × 100% per month, pro rata by days, rounded to the penny; "+
		"9 months claimed = £48,504.00", j.Explain())
	require.Equal(t, "H (general_practitioner, 1 WTE, from 2023-04-01): cost £120,000.00 a year per WTE; "+
		"maximum £92,462.00 a year national from 2023-10-01 [test <https://example.org/gpmax> confirmed]; "+
		"claim = min(cost, maximum) × WTE × 100% per month, pro rata by days, rounded to the penny; "+
		"6 months claimed = £46,231.02 (before_claims_start: claims in 2023/24 start 2023-07-01; "+
		"before_eligible: general_practitioner is claimable from 2023-10-01)", h.Explain())
}
