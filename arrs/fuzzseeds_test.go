package arrs_test

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// seedPerson is one roster line for a FuzzCalculate seed, in the terms of
// rosterFromBytes.
type seedPerson struct {
	role     string
	hundreds uint16 // WTE × 100
	start    int16  // days after 1 April
	endDays  uint8  // 0: open; else the end is start + 3 × endDays (odd values only)
	london   arrs.London
	pennies  uint32 // annual cost
}

func seedBytes(people ...seedPerson) []byte {
	roles := rates.Roles()
	var b []byte
	for _, p := range people {
		c := make([]byte, 10)
		i := slices.Index(roles, p.role)
		if i < 0 {
			panic(p.role)
		}
		c[0] = byte(i)
		binary.LittleEndian.PutUint16(c[1:3], p.hundreds-1)
		binary.LittleEndian.PutUint16(c[3:5], uint16(p.start))
		c[5] = p.endDays | 0
		switch p.london {
		case arrs.OuterLondon:
			c[5] |= 1 << 6
		case arrs.InnerLondon:
			c[5] |= 2 << 6
		}
		binary.LittleEndian.PutUint32(c[6:10], p.pennies)
		b = append(b, c...)
	}
	return b
}

type calcSeed struct {
	year     string
	reg, wgt uint32
	data     []byte
}

// calcSeeds reach real claims, caps and London in years where the roles
// are claimable.
func calcSeeds() []calcSeed {
	return []calcSeed{
		// 2025/26: London figures, the national fallback for a role with no
		// London figure, a part month, an end date.
		{"2025/26", 40000, 50000, seedBytes(
			seedPerson{"clinical_pharmacist", 100, 0, 0, arrs.InnerLondon, 9_000_000},
			seedPerson{"pharmacy_technician", 50, 75, 0, arrs.OuterLondon, 4_000_001},
			seedPerson{"consultant_nurse", 100, 0, 61, arrs.OuterLondon, 12_000_000},
		)},
		// 2019/20: claims from July, 70% capped at £37,810, headcount cap of
		// one pharmacist below 100,000 patients.
		{"2019/20", 50000, 50000, seedBytes(
			seedPerson{"clinical_pharmacist", 100, 0, 0, arrs.NotLondon, 6_000_000},
			seedPerson{"clinical_pharmacist", 100, 10, 0, arrs.NotLondon, 5_000_000},
			seedPerson{"social_prescribing_link_worker", 100, 0, 0, arrs.NotLondon, 3_000_000},
		)},
		// 2021/22: one advanced practitioner at once (the second is capped
		// until the first leaves); care coordinators in London on the
		// figure the High Cost Area Supplement gives. (No embedded year has a
		// WTE cap on a role with a sourced maximum, so cap_partial is reached
		// by the test rules only.)
		{"2021/22", 50000, 50000, seedBytes(
			seedPerson{"advanced_practitioner", 100, 0, 61, arrs.NotLondon, 7_000_000},
			seedPerson{"advanced_practitioner", 80, 5, 0, arrs.NotLondon, 7_000_000},
			seedPerson{"care_coordinator", 100, 30, 0, arrs.InnerLondon, 3_500_001},
		)},
		// 2020/21: London before London weighting existed (2021/22): the
		// national figure applies, the national fallback.
		{"2020/21", 50000, 50000, seedBytes(
			seedPerson{"care_coordinator", 100, 0, 0, arrs.InnerLondon, 3_500_001},
		)},
		// 2024/25: a GP from October in London; enhanced practice nurses
		// beyond their headcount cap; a maximum rising on 1 October.
		{"2024/25", 60000, 60000, seedBytes(
			seedPerson{"general_practitioner", 100, 0, 0, arrs.InnerLondon, 12_000_000},
			seedPerson{"enhanced_practice_nurse", 100, 0, 0, arrs.OuterLondon, 8_000_000},
			seedPerson{"enhanced_practice_nurse", 100, 1, 0, arrs.NotLondon, 8_000_000},
			seedPerson{"clinical_pharmacist", 100, 0, 0, arrs.OuterLondon, 9_000_000},
		)},
	}
}

func yearIndex(t testing.TB, year string) uint8 {
	y, err := des.ParseYear(year)
	require.NoError(t, err)
	i := slices.Index(rates.Years(), y)
	require.GreaterOrEqual(t, i, 0)
	return uint8(i)
}

// The seeds do what they are for: each claims, and between them they reach
// London figures, the national fallback and both kinds of cap.
func TestFuzzCalculateSeedsReachClaimsCapsAndLondon(t *testing.T) {
	var st monthStats
	for _, s := range calcSeeds() {
		rs, err := rates.YearNamed(s.year)
		require.NoError(t, err)
		p, err := arrs.Compile(rs, arrs.Options{})
		require.NoError(t, err)
		pc := pcn(int64(s.reg), int64(s.wgt))
		roster := rosterFromBytes(p.Year(), rates.Roles(), s.data)
		r, err := p.Calculate(pc, roster)
		require.NoError(t, err)
		require.True(t, r.Claims.IsPositive(), s.year)
		st.add(checkMonthly(t, p, pc, roster, r))
		checkInvariants(t, p, roster, r)
	}
	require.Positive(t, st.london)
	require.Positive(t, st.londonFallback)
	require.Positive(t, st.capped)
	require.Positive(t, st.claimCap)
	require.Positive(t, st.partMonths)
	require.Positive(t, st.ineligible)
}
