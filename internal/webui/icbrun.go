package webui

// The ICB view's calls to package national, kept in this one file: the PCN
// list's codes, the rosters and the run, as examples/national's runICB does
// them.

import (
	"bytes"
	"io"
	"strings"

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
// the staff file lists every bad row (national.ReadRosters with SkipBad)
// and then nothing is worked out. keep holds every PCN for the workbook.
func runICB(in icbInput, sink national.Sink, keep *[]workbook.ICBPCN) (*national.Report, []icbProblem) {
	rep := &national.Report{Data: in.ListName, StaffData: in.StaffName, Synthetic: in.Synthetic}
	if in.Synthetic {
		rep.Data = "SYNTHETIC SAMPLE: made-up PCNs and ICBs, not NHS data"
		rep.StaffData = "SYNTHETIC SAMPLE roster: made-up people, not NHS data"
	}
	const maxRows = 20000 // the national program's default -max-rows
	codes, err := national.ListCodes(in.ListName, bytes.NewReader(in.List), national.PCNOptionsFor(maxRows, false))
	if err != nil {
		return nil, []icbProblem{{"list", err}}
	}
	ros, bad, err := national.ReadRosters(in.StaffName, bytes.NewReader(in.Staff), codes,
		national.StaffOptions{SkipBad: true})
	if err != nil {
		return nil, []icbProblem{{"staff", err}}
	}
	if len(bad) > 0 {
		var ps []icbProblem
		for _, e := range bad {
			ps = append(ps, icbProblem{"staff", e})
		}
		return nil, ps
	}
	opt := national.Options{File: in.ListName, MaxRows: maxRows, Assumptions: in.Assumptions,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(in.List)), nil }}
	s := icbSink{next: sink, keep: keep}
	if err := national.Run(rep, []*des.RuleSet{in.RuleSet}, ros, opt, &s); err != nil {
		which := "list"
		if fe, ok := asFieldError(err); ok && fe.File == in.StaffName && in.StaffName != in.ListName {
			which = "staff"
		}
		return nil, []icbProblem{{which, err}}
	}
	return rep, nil
}

// icbSink hands the run on to a report writer, and keeps the PCNs for the
// workbook when asked.
type icbSink struct {
	next national.Sink
	keep *[]workbook.ICBPCN
}

func (s *icbSink) Begin(rep *national.Report, rs *des.RuleSet) error {
	if s.next != nil {
		return s.next.Begin(rep, rs)
	}
	return nil
}

func (s *icbSink) End(rep *national.Report, y *national.Year) error {
	if s.next != nil {
		return s.next.End(rep, y)
	}
	return nil
}

func (s *icbSink) PCNs(rep *national.Report, y des.Year, ps []national.PCN) error {
	if s.keep != nil {
		for _, p := range ps {
			row := *p.Row // valid only during the call
			row.Name, row.Code, row.ICB = strings.Clone(row.Name), strings.Clone(row.Code), strings.Clone(row.ICB)
			p.Row = &row
			*s.keep = append(*s.keep, workbook.ICBPCN{Year: y.String(), PCN: p})
		}
	}
	if s.next != nil {
		return s.next.PCNs(rep, y, ps)
	}
	return nil
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
