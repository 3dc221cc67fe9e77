package national_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
)

// The rosters hold people compactly; each comes back as the staff reader
// read them, decimals and all.
func TestRostersGiveBackEachPerson(t *testing.T) {
	pcns, staff := genList(60, 40, 2025)
	codes, err := national.ListCodes("pcns.csv", bytes.NewReader(pcns), national.PCNOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rs, bad, err := national.ReadRosters("staff.csv", bytes.NewReader(staff), codes, national.StaffOptions{SkipBad: true})
	if err != nil || len(bad) > 0 {
		t.Fatal(err, bad)
	}
	sr, err := national.NewStaffReader("staff.csv", bytes.NewReader(staff), national.StaffOptions{SkipBad: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]arrs.Staff{}
	for {
		rows, _, err := sr.Next(nil, 0)
		for _, r := range rows {
			want[r.PCN] = append(want[r.PCN], r.Staff)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for code, w := range want {
		got := rs.Of(code)
		if !reflect.DeepEqual(got, w) {
			t.Fatalf("PCN %s: the rosters give\n%+v\nthe reader read\n%+v", code, got, w)
		}
		n += len(got)
	}
	if n != rs.Len() || n == 0 {
		t.Fatalf("%d people compared, %d held", n, rs.Len())
	}
}

// Every PCN ranked (Top below 0, sorted once) is the order a long enough
// Top keeps by inserting each PCN.
func TestRankEveryPCNAsInserted(t *testing.T) {
	pcns, staff := genList(300, 20, 2025)
	codes, err := national.ListCodes("pcns.csv", bytes.NewReader(pcns), national.PCNOptionsFor(0, false))
	if err != nil {
		t.Fatal(err)
	}
	ros, _, err := national.ReadRosters("staff.csv", bytes.NewReader(staff), codes, national.StaffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rates.Year(2025)
	if err != nil {
		t.Fatal(err)
	}
	ranked := func(top int) []national.Ranked {
		rep := &national.Report{}
		opt := national.Options{File: "pcns.csv", Top: top,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(pcns)), nil }}
		if err := national.Run(rep, []*des.RuleSet{rs}, ros, opt, discard{}); err != nil {
			t.Fatal(err)
		}
		return rep.Years[0].Ranked
	}
	every, inserted := ranked(-1), ranked(1000)
	if len(every) != 300 || !reflect.DeepEqual(every, inserted) {
		t.Fatalf("every PCN ranked (%d) is not the order inserting keeps (%d)", len(every), len(inserted))
	}
	ties := 0
	for i := 1; i < len(every); i++ {
		if every[i].Unclaimed == every[i-1].Unclaimed {
			ties++
		}
	}
	t.Logf("%d PCNs, %d ties", len(every), ties)
}
