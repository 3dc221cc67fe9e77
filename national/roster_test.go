package national_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
)

// ListCodes without SkipBad: the first bad row of the list is the error,
// naming its file, line and column.
func TestListCodesBadRow(t *testing.T) {
	list := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n" +
		"G00001,Alpha,NHS Zed ICB,10000,10000,10000,0\n" +
		"G00002,Beta,NHS Zed ICB,-8000,8000,8000,0\n"
	_, err := national.ListCodes("pcns.csv", strings.NewReader(list), national.PCNOptions{})
	var fe *des.FieldError
	if !errors.As(err, &fe) || fe.File != "pcns.csv" || fe.Line != 3 || fe.Field != "registered" {
		t.Fatalf("a negative count on line 3: %v", err)
	}
	codes, err := national.ListCodes("pcns.csv", strings.NewReader(list), national.PCNOptions{SkipBad: true})
	if err != nil || len(codes) != 1 {
		t.Fatalf("skipped: %v, codes %v", err, codes)
	}
}

// Without SkipBad the first bad row in file order is the error: a repeat
// of a person, or a PCN code not in the list, found before a row the
// staff reader refuses, is named rather than the later row.
func TestReadRostersFirstBadRowInFileOrder(t *testing.T) {
	codes, err := national.ListCodes("pcns.csv", strings.NewReader(
		"pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n"+
			"G00001,Alpha,NHS Zed ICB,10000,10000,10000,0\n"), national.PCNOptions{})
	if err != nil {
		t.Fatal(err)
	}
	head := "role,pcn_code,name,wte,hours,sessions,start,end,annual_cost,salary,london,band,written_agreement\n"
	ann := "clinical_pharmacist,G00001,Ann,1,,,2023-04-01,,50000.00,,,,\n"
	badWTE := "nursing_associate,G00001,Dee,full,,,2023-04-01,,30000.00,,,,\n" // line 4
	for _, tc := range []struct {
		line3, field string
	}{
		{"paramedic,G00001,ann,0.5,,,2023-04-01,,30000.00,,,,\n", "name"},     // Ann again
		{"paramedic,G09999,Bob,0.5,,,2023-04-01,,30000.00,,,,\n", "pcn_code"}, // not in the list
	} {
		staff := head + ann + tc.line3 + badWTE
		_, _, err := national.ReadRosters("staff.csv", strings.NewReader(staff), codes, national.StaffOptions{})
		var fe *des.FieldError
		if !errors.As(err, &fe) || fe.File != "staff.csv" || fe.Line != 3 || fe.Field != tc.field {
			t.Errorf("line 3 bad (%s), line 4 bad (wte): %v", tc.field, err)
		}
		// With SkipBad both, in file order.
		_, bad, err := national.ReadRosters("staff.csv", strings.NewReader(staff), codes, national.StaffOptions{SkipBad: true})
		var f3, f4 *des.FieldError
		if err != nil || len(bad) != 2 || !errors.As(bad[0], &f3) || !errors.As(bad[1], &f4) ||
			f3.Line != 3 || f3.Field != tc.field || f4.Line != 4 || f4.Field != "wte" {
			t.Errorf("skipped: %v, bad %v", err, bad)
		}
	}
}
