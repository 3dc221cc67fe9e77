package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

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
	rep := &national.Report{Data: o.csvFile, StaffData: o.staffFile, Synthetic: o.staffSample}
	list, staffName := o.csvFile, o.staffFile
	openList := func() (io.ReadCloser, error) { return os.Open(o.csvFile) }
	openStaff := func() (io.ReadCloser, error) { return os.Open(o.staffFile) }
	if o.csvFile == "" {
		rep.Synthetic = true
		list = "(embedded sample.csv)"
		openList = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(sampleCSV)), nil }
	}
	if o.staffSample {
		staffName = "(embedded staff-sample.csv)"
		openStaff = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(sampleStaff)), nil }
	}
	if rep.Synthetic {
		rep.Data = "SYNTHETIC SAMPLE: made-up PCNs and ICBs, not NHS data"
		if o.staffSample {
			rep.StaffData = "SYNTHETIC SAMPLE roster: made-up people, not NHS data"
		}
	}
	f, err := openList()
	if err != nil {
		return err
	}
	codes, err := national.ListCodes(list, f, national.PCNOptionsFor(o.maxRows, o.skipBad))
	f.Close()
	if err != nil {
		return err
	}
	sf, err := openStaff()
	if err != nil {
		return err
	}
	sopt := national.StaffOptions{SkipBad: o.skipBad, MaxRows: o.maxStaffRows}
	if o.maxStaffRows == 0 {
		sopt.MaxRows, sopt.MaxBytes = -1, -1
	}
	ros, bad, err := national.ReadRosters(staffName, sf, codes, sopt)
	sf.Close()
	if err != nil {
		return err
	}
	for _, e := range bad {
		fmt.Fprintf(diag, "skipped bad staff row: %v\n", e)
	}
	rep.BadStaff = len(bad)
	opt := national.Options{File: list, Open: openList, MaxRows: o.maxRows, Workers: o.workers, SkipBad: o.skipBad,
		Assumptions: a, Top: o.top,
		BadRow:  func(e error) { fmt.Fprintf(diag, "skipped bad row: %v\n", e) },
		LeftOut: func(y des.Year, e error) { fmt.Fprintf(diag, "left out of %s: %v\n", y, e) }}
	if o.format == render.XLSX {
		var keep keepPCNs
		if err := national.Run(rep, rss, ros, opt, &keep); err != nil {
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
		return workbook.ICB(rep, keep.pcns, notes).Write(w)
	}
	out := report.NewICB(w, o.format)
	if err := national.Run(rep, rss, ros, opt, out); err != nil {
		if ferr := out.Fail(err); ferr != nil {
			fmt.Fprintf(diag, "writing the incomplete-report line: %v\n", ferr)
		}
		return err
	}
	return out.Finish(rep)
}

// keepPCNs holds every PCN for the workbook (a workbook is written whole).
type keepPCNs struct{ pcns []workbook.ICBPCN }

func (k *keepPCNs) Begin(*national.Report, *des.RuleSet) error { return nil }
func (k *keepPCNs) End(*national.Report, *national.Year) error { return nil }
func (k *keepPCNs) PCNs(_ *national.Report, y des.Year, ps []national.PCN) error {
	for _, p := range ps {
		row := *p.Row
		row.Name, row.Code, row.ICB = strings.Clone(row.Name), strings.Clone(row.Code), strings.Clone(row.ICB)
		p.Row = &row
		k.pcns = append(k.pcns, workbook.ICBPCN{Year: y.String(), PCN: p})
	}
	return nil
}
