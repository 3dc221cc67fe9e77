package arrs

import "github.com/pcnfin/pcnfin/des"

// RollUpRows works out every row of a PCN list (des.ReadPCNCSV) under rs,
// workers PCNs at once (0: one per CPU), and adds them up by ICB, for
// England and by payment, by the roll-up National streams (RollUpStream,
// in checked pennies), keeping each PCN (Rollup.PCNs). file is the name
// errors report.
//
// A row that cannot be worked out (a figure a payment needs is missing) is a
// *des.FieldError naming the file, line and PCN (des.RowError). Without
// skipBad the first such row, in file order, is the error; with it, each is
// returned in the []error, left out of the totals and listed in
// Rollup.LeftOut.
func RollUpRows(rs *des.RuleSet, file string, rows []des.PCNRow, workers int,
	skipBad bool) (des.Rollup, []error, error) {
	plan, err := Compile(rs, Options{})
	if err != nil {
		return des.Rollup{}, nil, err
	}
	in := make([]PCNInput, len(rows))
	for i, r := range rows {
		in[i].PCN = r.PCN
	}
	acc := NewRollUpStream(plan)
	var pcns []des.RolledPCN
	var leftOut []error
	for i, r := range plan.CalculateEach(in, workers) {
		if r.Err != nil {
			err := des.RowError(file, rows[i], rs.Year(), r.Err)
			if !skipBad {
				return des.Rollup{}, nil, err
			}
			leftOut = append(leftOut, err)
			acc.LeaveOut(err)
			continue
		}
		acc.AddEntitlements(&rows[i], &r.Entitlements)
		if err := acc.Err(); err != nil {
			return des.Rollup{}, nil, nationalOverflow(file, err)
		}
		pcns = append(pcns, des.RolledPCN{Row: rows[i], Entitlements: r.Entitlements})
	}
	out := acc.Rollup()
	out.PCNs = pcns
	return out, leftOut, nil
}
