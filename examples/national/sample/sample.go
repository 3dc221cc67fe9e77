// Package sample holds the national program's embedded SYNTHETIC data: a
// made-up PCN list and a made-up roster for it. Neither is NHS data. The
// program runs on them with no -csv (and -staff-sample), and the web page's
// ICB view offers them as its sample.
package sample

import _ "embed"

var (
	// List is a made-up list of 40 PCNs in 5 made-up ICBs, with realistic
	// list sizes (20,000 to 120,000), in the PCN list's columns
	// (des.ReadPCNCSV).
	//
	//go:embed sample.csv
	List []byte
	// Staff is a made-up roster for the PCNs of List (1,416 people):
	// part-year starts and leavers, London, salaries and costs, GPs by
	// sessions; some PCNs hire past their sums, some well short. One person
	// a row (national.NewStaffReader).
	//
	//go:embed staff-sample.csv
	Staff []byte
)
