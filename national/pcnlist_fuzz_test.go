package national_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
)

// FuzzReadPCNs: any input either reads or is refused with a *FieldError;
// every row read passes PCN.Validate; bad rows are *FieldErrors naming a line.
func FuzzReadPCNs(f *testing.F) {
	for _, seed := range []string{
		goodPCNCSV,
		"pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n",
		"PCN_CODE;pcn_name\n",
		"\uFEFFcare_home_beds,adjusted,weighted,registered,icb,pcn_name,pcn_code,x\r\n0,1.5,2.25,3,I,N,C,y\r\n",
		"pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\nU1,\"a\nb\",I,1,1,1,1\nU1,x,I,1,1,1,1\n",
		"pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\nU1,a \"b\",I,1,1,1,1\nU2,\"unterminated",
		"pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\nU1,a,I,-1,1e3,0.0000001,1.5\n,,,,,,\n",
		"pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\nU1,a,I,99999999999999999999999999999999,1,1,1\n",
		"\"",
		"",
	} {
		f.Add([]byte(seed), false)
		f.Add([]byte(seed), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, skip bool) {
		rows, bad, err := national.ReadPCNs("fuzz.csv", bytes.NewReader(data), national.PCNOptions{SkipBad: skip, MaxRows: 1000})
		if err != nil {
			var fe *des.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a *FieldError: %T %v", err, err)
			}
			if rows != nil || bad != nil {
				t.Fatalf("rows or bad rows returned with an error")
			}
			return
		}
		if !skip && len(bad) > 0 {
			t.Fatalf("bad rows returned without SkipBad")
		}
		for _, e := range bad {
			var fe *des.FieldError
			if !errors.As(e, &fe) || fe.Line < 2 || fe.File != "fuzz.csv" {
				t.Fatalf("bad row error %T %v: want a *FieldError with a line", e, e)
			}
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if r.Code == "" || seen[r.Code] || r.Line < 2 {
				t.Fatalf("row %+v: empty or repeated code, or no line", r)
			}
			seen[r.Code] = true
			if err := r.PCN.Validate(); err != nil {
				t.Fatalf("row on line %d does not validate: %v", r.Line, err)
			}
		}
	})
}
