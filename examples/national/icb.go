package main

import (
	"fmt"
	"io"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
	"github.com/pcnfin/pcnfin/internal/report"
	"github.com/pcnfin/pcnfin/internal/workbook"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/scenario"
)

// runICB is the ICB view: the PCN list's codes, the rosters (bad staff rows
// on diag with -skip-bad), then every PCN year by year (national.Run).
func runICB(w, diag io.Writer, o options, a scenario.Assumptions, rss []*des.RuleSet) error {
	list, staff := national.File(o.csvFile), national.File(o.staffFile)
	if o.csvFile == "" {
		list = national.Bytes("(embedded sample.csv)", sampleCSV)
		list.Synthetic = national.SyntheticList
	}
	if o.staffSample {
		staff = national.Bytes("(embedded staff-sample.csv)", sampleStaff)
		staff.Synthetic = national.SyntheticStaff
	}
	opt := national.ICBOptions{MaxStaffRows: o.maxStaffRows,
		Options: national.Options{MaxRows: o.maxRows, Workers: o.workers, SkipBad: o.skipBad, Assumptions: a, Top: o.top,
			BadRow:  func(e error) { fmt.Fprintf(diag, "skipped bad row: %v\n", e) },
			LeftOut: func(y des.Year, e error) { fmt.Fprintf(diag, "left out of %s: %v\n", y, e) }},
		BadStaff: func(e error) { fmt.Fprintf(diag, "skipped bad staff row: %v\n", e) }}
	if o.format == render.XLSX {
		var keep []workbook.ICBPCN
		opt.Keep = func(y des.Year, p national.PCN) { keep = append(keep, workbook.ICBPCN{Year: y.String(), PCN: p}) }
		rep, _, err := national.ICB(list, staff, rss, opt, nil)
		if err != nil {
			return err
		}
		var notes []string
		if rep.Synthetic {
			notes = append(notes, "Data: "+rep.Data+"; staff: "+rep.StaffData+".")
		}
		for _, y := range rep.Years {
			notes = append(notes, y.Year.String()+": "+report.UnclaimedNote(y.Year))
		}
		if rep.BadRows+rep.BadStaff > 0 {
			notes = append(notes, fmt.Sprintf("%d bad PCN rows and %d bad staff rows skipped (listed on stderr); the "+
				"totals leave them out.", rep.BadRows, rep.BadStaff))
		}
		return workbook.ICB(rep, keep, notes).Write(w)
	}
	out := report.NewICB(w, o.format)
	rep, _, err := national.ICB(list, staff, rss, opt, out)
	if err != nil {
		if ferr := out.Fail(err); ferr != nil {
			fmt.Fprintf(diag, "writing the incomplete-report line: %v\n", ferr)
		}
		return err
	}
	return out.Finish(rep)
}
