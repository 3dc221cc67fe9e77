package national_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
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

// ICB's staff row limit: MaxStaffRows people at most, none when 0; and
// ListBadStaff with no bad row gives the report.
func TestICBStaffLimitAndCleanListing(t *testing.T) {
	rs, err := rates.Year(2025)
	if err != nil {
		t.Fatal(err)
	}
	rss := []*des.RuleSet{rs}
	list := national.Bytes("pcns.csv", []byte("pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n"+
		"G00001,Alpha,NHS Zed ICB,10000,10000,10000,0\n"+
		"G00002,Beta,NHS Zed ICB,8000,8000,8000,0\n"))
	staff := national.Bytes("staff.csv", []byte(
		"role,pcn_code,name,wte,hours,sessions,start,end,annual_cost,salary,london,band,written_agreement\n"+
			"clinical_pharmacist,G00001,Ann,1,,,2023-04-01,,50000.00,,,,\n"+
			"paramedic,G00001,Bob,0.5,,,2023-04-01,,30000.00,,,,\n"+
			"care_coordinator,G00002,Cat,1,,,2023-04-01,,28000.00,,,,\n"))

	// Three people, a limit of two: the third (line 4) is past it.
	_, _, err = national.ICB(list, staff, rss, national.ICBOptions{MaxStaffRows: 2}, nil)
	var se *national.SourceError
	if !errors.As(err, &se) || se.Name != "staff.csv" ||
		!strings.HasPrefix(err.Error(), "staff.csv:4: more than 2 people (rows)") {
		t.Fatalf("three people past a limit of two: %v", err)
	}
	// No limit (0), a limit of exactly three, and ListBadStaff with no bad
	// row: a report of the three people, two PCNs in one ICB.
	for _, opt := range []national.ICBOptions{{}, {MaxStaffRows: 3}, {ListBadStaff: true}} {
		got, bad, err := national.ICB(list, staff, rss, opt, nil)
		if err != nil || len(bad) > 0 || got == nil {
			t.Fatalf("%+v: %v, bad %v, report %v", opt, err, bad, got)
		}
		y := got.Years[0]
		if got.People != 3 || y.England.PCNs != 2 || y.England.People != 3 || len(y.ICBs) != 1 || y.ICBs[0].PCNs != 2 {
			t.Fatalf("%+v: %d people, England %d PCNs %d people, ICBs %+v", opt, got.People, y.England.PCNs,
				y.England.People, y.ICBs)
		}
	}
}
