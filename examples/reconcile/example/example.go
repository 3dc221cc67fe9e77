// Package example holds the reconcile program's embedded example: a
// two-practice PCN in 2025/26 (Brookside PCN) and what it was paid, with an
// underpayment, a missing month, a double payment, a backdated arrear and an
// overpayment in it. The program runs on it with no arguments, and the web
// page offers it beside its paid-file field.
package example

import _ "embed"

var (
	// Scenario is the example PCN's scenario (TOML).
	//go:embed example.toml
	Scenario []byte
	// Paid is its paid file (CSV, docs/reconcile.md), which goes only with
	// Scenario.
	//go:embed example-paid.csv
	Paid []byte
)

// Year is the DES year the example is paid for.
const Year = "2025/26"
