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
