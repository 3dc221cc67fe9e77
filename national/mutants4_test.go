package national_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
)

// ReadRosters groups people by their PCN's ordinal in codes, so codes
// built by hand must give ordinals 0 to len(codes)−1, one a code (as
// ListCodes reads them). Others are an error, not a panic (an ordinal past
// the end, or below 0) nor two PCNs sharing one roster (two codes of one
// ordinal).
func TestReadRostersRefusesCodesWithBadOrdinals(t *testing.T) {
	head := "role,pcn_code,name,wte,hours,sessions,start,end,annual_cost,salary,london,band,written_agreement\n"
	staff := head + "clinical_pharmacist,G00002,Ann,1,,,2023-04-01,,50000.00,,,,\n"
	read := func(codes national.Codes) (r *national.Rosters, err error) {
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("codes %v: panic %v", codes, p)
			}
		}()
		r, _, err = national.ReadRosters("staff.csv", strings.NewReader(staff), codes, national.StaffOptions{})
		return r, err
	}
	for _, tc := range []struct {
		codes national.Codes
		says  string
	}{
		{national.Codes{"G00001": 0, "G00002": 5}, `"G00002" has ordinal 5; the codes' ordinals are 0 to 1`},
		{national.Codes{"G00001": 0, "G00002": 2}, `"G00002" has ordinal 2; the codes' ordinals are 0 to 1`}, // 2 = len
		{national.Codes{"G00002": -1}, `"G00002" has ordinal -1; the codes' ordinals are 0 to 0`},
		{national.Codes{"G00001": 0, "G00002": 0}, `"G00001" and "G00002" both have ordinal 0; the codes' ordinals are 0 to 1`},
		{national.Codes{"G00001": 1, "G00002": 1}, `"G00001" and "G00002" both have ordinal 1; the codes' ordinals are 0 to 1`},
	} {
		r, err := read(tc.codes)
		if r != nil || !errors.Is(err, des.ErrInvalid) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("codes %v: rosters %v, error %v; want one saying %s", tc.codes, r, err, tc.says)
		}
	}
	// Ordinals in another order than the codes' are fine: Ann is on
	// G00002's roster (ordinal 0), G00001's (ordinal 1) is empty.
	r, err := read(national.Codes{"G00001": 1, "G00002": 0})
	if err != nil || r == nil || r.Len() != 1 || len(r.Of("G00001")) != 0 {
		t.Fatalf("codes in another order: %v, %v", r, err)
	}
	if ann := r.Of("g00002"); len(ann) != 1 || ann[0].Name != "Ann" || ann[0].AnnualCost.String() != "50000" {
		t.Errorf("G00002's roster: %+v", ann)
	}
}

// The rosters keep the codes they were read against: a code added to them
// afterwards, with the next ordinal or one below 0, has an empty roster
// (Of, and Run's people), not a panic.
func TestRostersOfACodeAddedAfterReading(t *testing.T) {
	codes := national.Codes{"A1": 0}
	head := "role,pcn_code,name,wte,hours,sessions,start,end,annual_cost,salary,london,band,written_agreement\n"
	ros, _, err := national.ReadRosters("staff.csv", strings.NewReader(head), codes, national.StaffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	codes["B2"], codes["C3"] = 1, -1
	for _, c := range []string{"A1", "B2", "C3"} {
		if got := ros.Of(c); got != nil {
			t.Errorf("Of(%s) = %v, want none", c, got)
		}
	}
	list := "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n" +
		"A1,Alpha,,100,100,100,0\nB2,Beta,,100,100,100,0\nC3,Gamma,,100,100,100,0\n"
	people := map[string]int{}
	sink := &peopleSink{people}
	rep := &national.Report{}
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("Run: panic %v", p)
			}
		}()
		err = national.Run(rep, []*des.RuleSet{tinyRuleSet(t)}, ros, listOpt("list.csv", list), sink)
	}()
	if err != nil || len(people) != 3 || people["A1"]+people["B2"]+people["C3"] != 0 ||
		rep.Years[0].England.PCNs != 3 || rep.Years[0].England.People != 0 {
		t.Errorf("Run: %v, people %v", err, people)
	}
}

// peopleSink records each PCN's people by code.
type peopleSink struct{ people map[string]int }

func (s *peopleSink) Begin(*national.Report, *des.RuleSet) error { return nil }
func (s *peopleSink) End(*national.Report, *national.Year) error { return nil }
func (s *peopleSink) PCNs(_ *national.Report, _ des.Year, ps []national.PCN) error {
	for _, p := range ps {
		s.people[p.Row.Code] = p.People
	}
	return nil
}

// PCNOptionsFor: a row limit of 0 is none (below 0 for the reader, whose
// own 0 is DefaultMaxPCNRows); a limit n bounds the rows at n and the
// bytes at DefaultMaxPCNBytes (16 MiB = 16,777,216) or 1 KiB a row,
// whichever is more.
func TestPCNOptionsForARowLimit(t *testing.T) {
	for _, tc := range []struct {
		rows int
		skip bool
		want national.PCNOptions
	}{
		{0, false, national.PCNOptions{MaxRows: -1, MaxBytes: -1}},
		{0, true, national.PCNOptions{SkipBad: true, MaxRows: -1, MaxBytes: -1}},
		{1, false, national.PCNOptions{MaxRows: 1, MaxBytes: 16_777_216}},                         // 1 KiB < 16 MiB
		{16_384, true, national.PCNOptions{SkipBad: true, MaxRows: 16_384, MaxBytes: 16_777_216}}, // 16,384 KiB = 16 MiB
		{20_000, false, national.PCNOptions{MaxRows: 20_000, MaxBytes: 20_480_000}},               // 20,000 × 1,024
	} {
		if got := national.PCNOptionsFor(tc.rows, tc.skip); got != tc.want {
			t.Errorf("PCNOptionsFor(%d, %v) = %+v, want %+v", tc.rows, tc.skip, got, tc.want)
		}
	}
}

// Repeats are found by names.NameKey, which reads any run of white space
// (a tab as well as a space) as one space: a name of control characters
// and a tab ("\x01\t\x01", no printable character in it) is the same
// person as "\x01 \x01" on the same roster, so the later row is the bad
// one.
func TestReadRostersRepeatOfAControlCharacterName(t *testing.T) {
	codes := national.Codes{"G00001": 0}
	head := "role,pcn_code,name,wte,hours,sessions,start,end,annual_cost,salary,london,band,written_agreement\n"
	staff := head + "clinical_pharmacist,G00001,\"\x01 \x01\",1,,,2023-04-01,,50000.00,,,,\n" +
		"paramedic,G00001,\"\x01\t\x01\",1,,,2023-04-01,,40000.00,,,,\n" // line 3
	ros, bad, err := national.ReadRosters("staff.csv", strings.NewReader(staff), codes, national.StaffOptions{SkipBad: true})
	var fe *des.FieldError
	if err != nil || len(bad) != 1 || !errors.As(bad[0], &fe) || fe.Line != 3 || fe.Field != "name" {
		t.Fatalf("a repeat on line 3: %v, bad %v", err, bad)
	}
	if got := ros.Of("G00001"); len(got) != 1 || got[0].Name != "\x01 \x01" || got[0].Role != "clinical_pharmacist" {
		t.Errorf("the roster: %+v", got)
	}
}

// AppendOf appends a roster to dst as append does: in dst's own room when
// it has room for the roster (Run sizes each chunk's slab for its rosters
// and appends them into it). G00002's roster is one person, after
// G00001's three, so a dst with room for one keeps its array.
func TestAppendOfUsesTheRoomOfDst(t *testing.T) {
	codes := national.Codes{"G00001": 0, "G00002": 1}
	head := "role,pcn_code,name,wte,hours,sessions,start,end,annual_cost,salary,london,band,written_agreement\n"
	staff := head + "clinical_pharmacist,G00001,Ann,1,,,2023-04-01,,50000.00,,,,\n" +
		"clinical_pharmacist,G00001,Bob,1,,,2023-04-01,,50000.00,,,,\n" +
		"clinical_pharmacist,G00001,Cy,1,,,2023-04-01,,50000.00,,,,\n" +
		"paramedic,G00002,Dee,1,,,2023-04-01,,40000.00,,,,\n"
	ros, _, err := national.ReadRosters("staff.csv", strings.NewReader(staff), codes, national.StaffOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dst := make([]arrs.Staff, 0, 1)
	got := ros.AppendOf(dst, "G00002")
	if len(got) != 1 || got[0].Name != "Dee" || &got[0] != &dst[:1][0] {
		t.Errorf("AppendOf(dst with room for one, G00002) = %+v (len %d, cap %d), not in dst's array", got, len(got), cap(got))
	}
}
