package national_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/national"
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
