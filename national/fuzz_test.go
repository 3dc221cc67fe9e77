package national_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
)

// FuzzStaffCSV: any bytes as a staff file are read without a panic; every
// error is a *des.FieldError naming the file; with SkipBad every row is
// kept or named; a person is on the roster of a PCN of the list.
func FuzzStaffCSV(f *testing.F) {
	f.Add([]byte("pcn_code,name,role,wte,start,end,annual_cost,london\nU00001,A,clinical_pharmacist,1,2025-04-01,,60000,\n"))
	f.Add([]byte("pcn_code,name,role,sessions,start,salary,levy\nu00002, B ,general_practitioner,6,2024-10-01,90000,yes\n"))
	f.Add([]byte("pcn_code,name,role,hours,start,annual_cost,band,written_agreement\nU00001,C,mental_health_practitioner,30,2025-02-30,50000,7,true\n"))
	f.Add([]byte("\uFEFFPCN_CODE,Name,ROLE,wte,start,annual_cost\r\nU00001,\"D,\"\"x\"\"\",paramedic,0.5,01/04/2025,£55,000\r\n"))
	f.Add([]byte("pcn_code,name,role,wte,start,annual_cost\nU00001,A,paramedic,1,2025-04-01,1\nU00001,a,paramedic,1,2025-04-01,1\nX,b\n"))
	codes, err := national.ListCodes("pcns.csv", strings.NewReader(catalogueList), national.PCNOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, skip := range []bool{false, true} {
			ros, bad, err := national.ReadRosters("fuzz.csv", bytes.NewReader(data), codes,
				national.StaffOptions{SkipBad: skip, MaxRows: 1000})
			for _, e := range append(bad, err) {
				if e == nil {
					continue
				}
				var fe *des.FieldError
				if !errors.As(e, &fe) || !strings.Contains(e.Error(), "fuzz.csv") {
					t.Fatalf("not a *des.FieldError naming the file: %T %v", e, e)
				}
			}
			if err != nil {
				continue
			}
			n := ros.Of("U00001")
			m := ros.Of("U00002")
			if len(n)+len(m) != ros.Len() {
				t.Fatalf("%d people on the rosters, %d placed", ros.Len(), len(n)+len(m))
			}
			for _, s := range append(n, m...) {
				if err := s.Validate(); err != nil {
					t.Fatalf("a person kept is not valid: %v", err)
				}
			}
		}
	})
}
