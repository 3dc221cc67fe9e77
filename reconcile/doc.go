// Package reconcile answers "did we get paid right?": it sets what a PCN and
// its practices were paid (a paid file, ReadPaid) against what a DES year is
// due (Due, from a scenario's year by DueFrom), line by line (Reconcile), says
// when the money usually arrives and what that does to the PCN's cash
// (Timing, CashFlow), and what is left at the year end (YearEndOf).
//
// The rules:
//   - Money is whole pennies inside (int64) and decimals at the edges; due
//     figures are the engine's own rounded monthly amounts, so every total is
//     the sum of its lines.
//   - A payment counts towards the month it pays for (the paid file's for
//     column, else its usual timing), so a backdated revision paid late is
//     arrears of the months it pays for, not an overpayment.
//   - Each timing rule cites its source and confidence; where none was found
//     (the ARRS reimbursement interval) it is a labelled, configurable
//     assumption.
//   - A bad paid file is refused with every bad row named by file, line and
//     column (*ParseError, collected in Errors); nothing is dropped.
//
// Only fromscenario.go calls the scenario and statement packages.
package reconcile
