package arrs_test

// Issue 25: caps and subsequent shares through the explained path
// (Calculate), from hand-worked figures.

import (
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// capPharmacists works out two clinical pharmacists of testRules (70%,
// claims from 1 July 2023) from 1 July 2023 at £30,000, in a PCN of
// registered patients, with the pharmacist cap's limit replaced by limit.
// Each admitted claims £30,000 ÷ 12 × 70% = £1,750.00 a month, 9 × £1,750.00
// = £15,750.00 (under the £37,810 claim cap).
func capPharmacists(t *testing.T, limit string, registered int64) arrs.Result {
	t.Helper()
	rs, err := rulefile.Read("test.toml", []byte(strings.Replace(testRules, `limit = "1"`, `limit = "`+limit+`"`, 1)))
	require.NoError(t, err)
	jul := d(2023, 7, 1)
	r, err := arrs.Calculate(rs, pcn(registered, registered), []arrs.Staff{
		staff("A", "clinical_pharmacist", "1", jul, des.Date{}, 30000),
		staff("B", "clinical_pharmacist", "1", jul, des.Date{}, 30000),
	}, arrs.Options{})
	require.NoError(t, err)
	return r
}

// The pharmacist cap is 1, or 2 in a PCN of more than 100,000 registered
// patients: exactly 100,000 is not more (one pharmacist: £15,750.00),
// 100,001 is (two: £31,500.00).
func TestLargePCNCapIsMoreThanItsSize(t *testing.T) {
	requireMoney(t, "15750.00", capPharmacists(t, "1", 100000).Claims, "100,000 patients")
	requireMoney(t, "31500.00", capPharmacists(t, "1", 100001).Claims, "100,001 patients")
}

// A headcount cap of 0 admits no one (£0.00); one of 1.5 admits one person,
// as a second would make 2 > 1.5 (£15,750.00).
func TestHeadcountCapOfZeroAndOfAFraction(t *testing.T) {
	requireMoney(t, "0.00", capPharmacists(t, "0", 30000).Claims, "cap 0")
	requireMoney(t, "15750.00", capPharmacists(t, "1.5", 30000).Claims, "cap 1.5")
}

// A mental health practitioner employed for one day of the year is the first
// at the band, so a later one with a written agreement is reimbursed 100%;
// one who starts on the year's last day after another is a later one.
//
// By hand, 2025/26, band 5, cost £30,000 (under the band 5 maximum), 1 WTE:
//   - A from 1 June 2024 to 1 April 2025 (1 of April's 30 days), 50%:
//     £30,000 × 1/30 ÷ 12 × 50% = £41.666… → £41.67; B from 1 April 2025 with
//     an agreement, a later MHP at band 5, 100%: 12 × £2,500.00 = £30,000.00.
//   - C from 1 April 2025, the first: 50%, 12 × £1,250.00 = £15,000.00; D on
//     31 March 2026 only (1 of March's 31 days) with an agreement, a later
//     one, 100%: £30,000 × 1/31 ÷ 12 = £80.645… → £80.65 (at 50% it would be
//     £40.322… → £40.32).
func TestMHPOneDayInTheYearCountsAtTheBand(t *testing.T) {
	rs, err := rates.YearNamed("2025/26")
	require.NoError(t, err)
	mhp := func(name string, start, end des.Date, agreed bool) arrs.Staff {
		s := staff(name, "mental_health_practitioner", "1", start, end, 30000)
		s.Band, s.WrittenAgreement = "5", agreed
		return s
	}
	r, err := arrs.Calculate(rs, pcn(50000, 50000), []arrs.Staff{
		mhp("A", d(2024, 6, 1), d(2025, 4, 1), false),
		mhp("B", d(2025, 4, 1), des.Date{}, true),
	}, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "41.67", find(t, r, "A").Claim)
	requireMoney(t, "30000.00", find(t, r, "B").Claim)

	r, err = arrs.Calculate(rs, pcn(50000, 50000), []arrs.Staff{
		mhp("C", d(2025, 4, 1), des.Date{}, false),
		mhp("D", d(2026, 3, 31), des.Date{}, true),
	}, arrs.Options{})
	require.NoError(t, err)
	requireMoney(t, "15000.00", find(t, r, "C").Claim)
	requireMoney(t, "80.65", find(t, r, "D").Claim)
}
