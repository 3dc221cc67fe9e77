package national_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/stretchr/testify/require"
)

// catalogueList is the PCN list the bad staff files are read against.
const catalogueList = "pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n" +
	"U00001,Riverside PCN,NHS Example ICB,37300,39641.5,38260,102\n" +
	"U00002,Hillside PCN,NHS Example ICB,30000,31000,30500,40\n"

// The bad staff files of the bad-input catalogue (testdata/bad/staff),
// each with the error it must give: a *des.FieldError naming the file, the
// line and the column.
var badStaff = []struct {
	file     string
	sentinel error
	field    string
	line     int
	msg      string
}{
	{"unknown-pcn.csv", des.ErrInvalid, "pcn_code", 3, `"Paramedic B": PCN code "U00009" is not in the PCN list`},
	{"unknown-role.csv", des.ErrInvalid, "role", 2, `unknown role "clinical_pharmacyst"`},
	{"duplicate-person.csv", des.ErrInvalid, "name", 4, `"pharmacist  a" is on the roster of PCN U00001 twice (also line 2)`},
	{"date-does-not-exist.csv", des.ErrBadDate, "start", 2, "2025-02-30 does not exist"},
	{"spreadsheet-date.csv", des.ErrBadDate, "start", 2, "not as a spreadsheet's 01/04/2025"},
	{"end-before-start.csv", des.ErrInvalid, "end", 2, "end 2024-04-01 is before start 2025-04-01"},
	{"wte-over-one.csv", des.ErrInvalid, "wte", 2, "1.2 WTE: a row is one person"},
	{"cost-and-salary.csv", des.ErrInvalid, "salary", 2, "give annual_cost or salary, not both"},
	{"missing-column.csv", des.ErrMissing, "role", 1, "the header has no role column"},
	{"sessions-not-a-gp.csv", des.ErrInvalid, "sessions", 2, "sessions are for GPs"},
	{"non-numeric-wte.csv", des.ErrBadNumber, "wte", 2, `"full" is not a number`},
	{"bad-london.csv", des.ErrInvalid, "london", 2, `"central": want inner, outer`},
	{"money-too-precise.csv", des.ErrInvalid, "annual_cost", 2, "two decimal places"},
	{"missing-name.csv", des.ErrMissing, "name", 2, "missing name"},
}

func readStaffFile(path string, skip bool) (*national.Rosters, []error, error) {
	codes, err := national.ListCodes("pcns.csv", strings.NewReader(catalogueList), national.PCNOptions{})
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return national.ReadRosters(path, f, codes, national.StaffOptions{SkipBad: skip})
}

func TestBadStaffCatalogue(t *testing.T) {
	all, _ := filepath.Glob("../testdata/bad/staff/*")
	require.Len(t, all, len(badStaff), "every file in testdata/bad/staff has its expected error here")
	for _, c := range badStaff {
		path := filepath.Join("../testdata/bad/staff", c.file)
		t.Run(c.file, func(t *testing.T) {
			_, _, err := readStaffFile(path, false)
			require.Error(t, err)
			require.ErrorIs(t, err, c.sentinel, err.Error())
			var fe *des.FieldError
			require.True(t, errors.As(err, &fe), "%T", err)
			require.Equal(t, c.line, fe.Line, err.Error())
			require.Equal(t, c.field, fe.Field, err.Error())
			require.Contains(t, err.Error(), path)
			require.Contains(t, err.Error(), c.msg)
			// With -skip-bad the row is named and the rest kept: nothing dropped quietly.
			if c.line > 1 {
				ros, bad, err := readStaffFile(path, true)
				require.NoError(t, err)
				require.NotEmpty(t, bad)
				require.Contains(t, bad[0].Error(), c.msg)
				n, _ := os.ReadFile(path)
				rows := strings.Count(string(n), "\n") - 1
				require.Equal(t, rows, ros.Len()+len(bad), "every row kept or named")
			}
		})
	}
}

// rowsReader makes a staff file of n rows as it is read, without holding it.
type rowsReader struct {
	n, i int
	buf  bytes.Buffer
}

func (r *rowsReader) Read(p []byte) (int, error) {
	for r.buf.Len() < len(p) && r.i <= r.n {
		if r.i == 0 {
			r.buf.WriteString("pcn_code,name,role,wte,start,annual_cost\n")
		} else {
			fmt.Fprintf(&r.buf, "U00001,Person %d,paramedic,1,2025-04-01,50000\n", r.i)
		}
		r.i++
	}
	if r.buf.Len() == 0 {
		return 0, io.EOF
	}
	return r.buf.Read(p)
}

// A million rows past the row limit is refused, not cut short, naming the
// first line past it, and is not held in memory on the way.
func TestMillionRowsPastTheLimit(t *testing.T) {
	codes, err := national.ListCodes("pcns.csv", strings.NewReader(catalogueList), national.PCNOptions{})
	require.NoError(t, err)
	n := national.DefaultMaxStaffRows + 1_000_000
	_, _, err = national.ReadRosters("huge.csv", &rowsReader{n: n}, codes, national.StaffOptions{MaxBytes: -1})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), fmt.Sprintf("huge.csv:%d: more than %d people", national.DefaultMaxStaffRows+2,
		national.DefaultMaxStaffRows))
	// And by bytes, with the default limit.
	_, _, err = national.ReadRosters("huge.csv", &rowsReader{n: n}, codes, national.StaffOptions{MaxRows: -1, MaxBytes: 1 << 20})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.Contains(t, err.Error(), "larger than")
}
