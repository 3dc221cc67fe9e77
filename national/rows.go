package national

import (
	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
)

// RollUpRows works out every row of a PCN list (ReadPCNs) under rs,
// workers PCNs at once (0: one per CPU), and adds them up by ICB, for
// England and by payment, by the roll-up RollUp streams (RollUpStream,
// in checked pennies), keeping each PCN (Rollup.PCNs). file is the name
// errors report.
//
// A row that cannot be worked out (a figure a payment needs is missing) is a
// *des.FieldError naming the file, line and PCN (RowError). Without
// skipBad the first such row, in file order, is the error; with it, each is
// returned in the []error, left out of the totals and listed in
// Rollup.LeftOut.
func RollUpRows(rs *des.RuleSet, file string, rows []PCNRow, workers int,
	skipBad bool) (Rollup, []error, error) {
	plan, err := arrs.Compile(rs, arrs.Options{})
	if err != nil {
		return Rollup{}, nil, err
	}
	in := make([]arrs.PCNInput, len(rows))
	for i, r := range rows {
		in[i].PCN = r.PCN
	}
	acc := NewRollUpStream(plan)
	var pcns []RolledPCN
	var leftOut []error
	for i, r := range plan.CalculateEach(in, workers) {
		if r.Err != nil {
			err := RowError(file, rows[i], rs.Year(), r.Err)
			if !skipBad {
				return Rollup{}, nil, err
			}
			leftOut = append(leftOut, err)
			acc.LeaveOut(err)
			continue
		}
		acc.AddEntitlements(&rows[i], &r.Entitlements)
		if err := acc.Err(); err != nil {
			return Rollup{}, nil, nationalOverflow(file, err)
		}
		pcns = append(pcns, RolledPCN{Row: rows[i], Entitlements: r.Entitlements})
	}
	out := acc.Rollup()
	out.PCNs = pcns
	return out, leftOut, nil
}
