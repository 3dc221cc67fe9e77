package arrs_test

import (
	"os"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
)

// CSV rows of PCNs (the national example's input).
var badCSV = []bad{
	{"duplicate-code.csv", des.ErrInvalid, "pcn_code", 3, "already on line 2"},
	{"empty-code.csv", des.ErrInvalid, "pcn_code", 2, "missing PCN code"},
	{"fractional-head-count.csv", des.ErrInvalid, "registered", 2, "whole number"},
	{"missing-column.csv", des.ErrInvalid, "adjusted", 1, "no adjusted column"},
	{"negative.csv", des.ErrInvalid, "registered", 2, "negative"},
	{"non-numeric.csv", des.ErrBadNumber, "registered", 3, "not a number"},
	{"short-row.csv", des.ErrInvalid, "", 2, "6 cells, the header 7"},
	{"too-many-places.csv", des.ErrInvalid, "weighted", 2, "six decimal places"},
	// issue 24
	{"cr-line-endings.csv", des.ErrInvalid, "", 1, "end with a carriage return alone"},
	{"duplicate-code-case.csv", des.ErrInvalid, "pcn_code", 3, "PCN code u00001 is already on line 2"},
}

func readCSV(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, _, err = national.ReadPCNs(path, f, national.PCNOptions{})
	return err
}
