package webui

// The ICB view's calls to package national, kept in this one file: the PCN
// list's codes, the rosters and the run, as examples/national's runICB does
// them.

import (
	"errors"
	"io"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/internal/workbook"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/scenario"
)

// icbInput is what the ICB view works out: a PCN list, a staff file, one
// rule set (its year) and the assumptions that raise staff costs.
type icbInput struct {
	List, Staff         []byte
	ListName, StaffName string
	Synthetic           bool
	RuleSet             *des.RuleSet
	Assumptions         scenario.Assumptions
}

// icbProblem is a problem of one of the files: which ("list" or "staff")
// and the error.
type icbProblem struct {
	Which string
	Err   error
}

// maxStaffShown bounds the bad staff rows listed (the rest are counted).
const maxStaffShown = 50

// runICB works the input out into sink (a report writer, or nil for the
// page): without a problem, the report with its year. A bad row is a
// problem, never a half result: the PCN list stops at its first bad row;
// the staff file lists every bad row (ListBadStaff) and then nothing is
// worked out. keep holds every PCN for the workbook.
func runICB(in icbInput, sink national.Sink, keep *[]workbook.ICBPCN) (*national.Report, []icbProblem) {
	list, staff := national.Bytes(in.ListName, in.List), national.Bytes(in.StaffName, in.Staff)
	if in.Synthetic {
		list.Synthetic, staff.Synthetic = national.SyntheticList, national.SyntheticStaff
	}
	opt := national.ICBOptions{MaxStaffRows: national.DefaultMaxStaffRows, ListBadStaff: true,
		Options: national.Options{MaxRows: national.DefaultMaxPCNRows, Assumptions: in.Assumptions}}
	if keep != nil {
		opt.Keep = func(y des.Year, p national.PCN) { *keep = append(*keep, workbook.ICBPCN{Year: y.String(), PCN: p}) }
	}
	rep, bad, err := national.ICB(list, staff, []*des.RuleSet{in.RuleSet}, opt, sink)
	if err != nil {
		which := "list"
		var se *national.SourceError
		if errors.As(err, &se) {
			if se.Name == in.StaffName && in.StaffName != in.ListName {
				which = "staff"
			}
			err = se.Err
		}
		return nil, []icbProblem{{which, err}}
	}
	if len(bad) > 0 {
		var ps []icbProblem
		for _, e := range bad {
			ps = append(ps, icbProblem{"staff", e})
		}
		return nil, ps
	}
	return rep, nil
}

// writeICB writes the ICB view in format (csv or json, as the national
// program's -format) to w; xlsx is the program's workbook.
func writeICB(w io.Writer, in icbInput, format string) []icbProblem {
	if format == "xlsx" {
		var keep []workbook.ICBPCN
		rep, ps := runICB(in, nil, &keep)
		if ps != nil {
			return ps
		}
		var notes []string
		if rep.Synthetic {
			notes = append(notes, "Data: "+rep.Data+"; staff: "+rep.StaffData+".")
		}
		for _, y := range rep.Years {
			notes = append(notes, y.Year.String()+": "+report.UnclaimedNote(y.Year))
		}
		if err := workbook.ICB(rep, keep, notes).Write(w); err != nil {
			return []icbProblem{{"", err}}
		}
		return nil
	}
	out := report.NewICB(w, format)
	rep, ps := runICB(in, out, nil)
	if ps != nil {
		return ps
	}
	if err := out.Finish(rep); err != nil {
		return []icbProblem{{"", err}}
	}
	return nil
}

// unclaimedNote says who keeps what a year leaves unclaimed.
func unclaimedNote(y des.Year) string { return report.UnclaimedNote(y) }
