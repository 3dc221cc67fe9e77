package arrs_test

import (
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
)

// rosterFromBytes turns fuzz bytes into a roster: 10 bytes a person (role,
// WTE, start and end offsets, cost, London zone).
func rosterFromBytes(y des.Year, roles []string, b []byte) []arrs.Staff {
	var out []arrs.Staff
	for len(b) >= 10 && len(out) < 60 {
		c := b[:10]
		b = b[10:]
		role := roles[int(c[0])%len(roles)]
		wte := decimal.New(int64(binary.LittleEndian.Uint16(c[1:3])%1000)+1, -2) // 0.01 … 10.00
		w, err := arrs.WTEOf(wte)
		if err != nil {
			continue
		}
		start := y.Start().AddDays(int(int16(binary.LittleEndian.Uint16(c[3:5]))) % 800)
		s := arrs.Staff{Name: fmt.Sprintf("S%02d", len(out)), Role: role, WTE: w, Start: start,
			AnnualCost: decimal.New(int64(binary.LittleEndian.Uint32(c[6:10])%100_000_000), -2)}
		if c[5]&1 == 1 {
			s.End = start.AddDays(int(c[5]) * 3)
		}
		switch c[5] >> 6 {
		case 1:
			s.London = arrs.OuterLondon
		case 2:
			s.London = arrs.InnerLondon
		}
		out = append(out, s)
	}
	return out
}

// FuzzCalculate runs the engine on fuzzed rosters for every published year:
// no panic, and every successful result obeys the money invariants, month
// by month (checkMonthly). Its seeds (calcSeeds) reach claims, caps and
// London; TestFuzzCalculateSeedsReachClaimsCapsAndLondon holds them to it.
func FuzzCalculate(f *testing.F) {
	f.Add(uint8(5), uint32(40000), uint32(50000), []byte("0123456789abcdefghijABCDEFGHIJ"))
	f.Add(uint8(0), uint32(100001), uint32(120000), []byte("\x00\x64\x00\x00\x00\x00\x10\x27\x00\x00\x00\x64\x00\x00\x00\x00\x10\x27\x00\x00"))
	f.Add(uint8(7), uint32(1), uint32(1), []byte{})
	for _, s := range calcSeeds() {
		f.Add(yearIndex(f, s.year), s.reg, s.wgt, s.data)
	}
	all := mustAll(rates.All())
	var plans []*arrs.Plan
	roles := rates.Roles() // every catalogued role; some are not claimable in early years
	for _, rs := range all {
		p, err := arrs.Compile(rs, arrs.Options{})
		if err != nil {
			f.Fatal(err)
		}
		plans = append(plans, p)
	}
	f.Fuzz(func(t *testing.T, yi uint8, reg, wgt uint32, data []byte) {
		p := plans[int(yi)%len(plans)]
		pc := pcn(int64(reg%10_000_000), int64(wgt%10_000_000))
		roster := rosterFromBytes(p.Year(), roles, data)
		r, err := p.Calculate(pc, roster)
		if err != nil {
			return // e.g. a staff line the validator refuses
		}
		checkInvariants(t, p, roster, r)
		checkMonthly(t, p, pc, roster, r)
	})
}
