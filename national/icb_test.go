package national_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
)

// ICB is ListCodes, ReadRosters and Run wired as the program and the page
// wired them: the same report, the samples' labels, bad staff rows skipped
// or listed, and each problem named by its source.
func TestICBIsCodesRostersRun(t *testing.T) {
	pcns, staff := genList(80, 5, 2025)
	rs, err := rates.Year(2025)
	if err != nil {
		t.Fatal(err)
	}
	rss := []*des.RuleSet{rs}

	// By hand.
	codes, err := national.ListCodes("pcns.csv", bytes.NewReader(pcns), national.PCNOptionsFor(national.DefaultMaxPCNRows, false))
	if err != nil {
		t.Fatal(err)
	}
	ros, _, err := national.ReadRosters("staff.csv", bytes.NewReader(staff), codes, national.StaffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := &national.Report{Data: national.SyntheticList, StaffData: national.SyntheticStaff, Synthetic: true}
	opt := national.Options{File: "pcns.csv", MaxRows: national.DefaultMaxPCNRows,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(pcns)), nil }}
	if err := national.Run(want, rss, ros, opt, discard{}); err != nil {
		t.Fatal(err)
	}

	// By the door.
	list, st := national.Bytes("pcns.csv", pcns), national.Bytes("staff.csv", staff)
	list.Synthetic, st.Synthetic = national.SyntheticList, national.SyntheticStaff
	kept := 0
	iopt := national.ICBOptions{MaxStaffRows: national.DefaultMaxStaffRows,
		Options: national.Options{MaxRows: national.DefaultMaxPCNRows},
		Keep: func(y des.Year, p national.PCN) {
			if p.Row == nil || p.Row.Code == "" {
				t.Errorf("%s: a PCN kept without its row", y)
			}
			kept++
		}}
	got, bad, err := national.ICB(list, st, rss, iopt, nil)
	if err != nil || len(bad) > 0 {
		t.Fatal(err, bad)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ICB gives\n%+v\nby hand\n%+v", got, want)
	}
	if kept != 80 {
		t.Fatalf("%d PCNs kept, want 80", kept)
	}

	// Real files are named by their names.
	got, _, err = national.ICB(national.Bytes("pcns.csv", pcns), national.Bytes("staff.csv", staff), rss, iopt, nil)
	if err != nil || got.Data != "pcns.csv" || got.StaffData != "staff.csv" || got.Synthetic {
		t.Fatalf("%v: data %q, staff %q, synthetic %v", err, got.Data, got.StaffData, got.Synthetic)
	}

	// A bad staff row: the error; skipped (and told); or listed, with no report.
	badStaff := append(append([]byte{}, staff...), "nursing_associate,G00001,Bad,full,,,2023-04-01,,100.00,,,,\n"...)
	bst := national.Bytes("staff.csv", badStaff)
	_, _, err = national.ICB(list, bst, rss, iopt, nil)
	var se *national.SourceError
	var fe *des.FieldError
	if !errors.As(err, &se) || se.Name != "staff.csv" || !errors.As(err, &fe) || fe.Field != "wte" {
		t.Fatalf("a bad staff row: %v (%T)", err, err)
	}
	told := 0
	skip := iopt
	skip.SkipBad, skip.BadStaff = true, func(error) { told++ }
	got, bad, err = national.ICB(list, bst, rss, skip, nil)
	if err != nil || len(bad) != 1 || told != 1 || got.BadStaff != 1 || got.People != want.People {
		t.Fatalf("skipped: %v, bad %v, told %d, report %+v", err, bad, told, got)
	}
	listed := iopt
	listed.ListBadStaff = true
	got, bad, err = national.ICB(list, bst, rss, listed, nil)
	if err != nil || len(bad) != 1 || got != nil {
		t.Fatalf("listed: %v, bad %v, report %+v", err, bad, got)
	}

	// A bad list is the list's problem.
	_, _, err = national.ICB(national.Bytes("pcns.csv", []byte("nope\n")), st, rss, iopt, nil)
	if !errors.As(err, &se) || se.Name != "pcns.csv" {
		t.Fatalf("a bad list: %v (%T)", err, err)
	}
}
