package national

// The ICB view's one door: the PCN list's codes, the rosters, then Run.
// examples/national and the web page both come in by it.

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/pcnfin/pcnfin/des"
)

// The labels a report carries for the embedded synthetic samples.
const (
	SyntheticList  = "SYNTHETIC SAMPLE: made-up PCNs and ICBs, not NHS data"
	SyntheticStaff = "SYNTHETIC SAMPLE roster: made-up people, not NHS data"
)

// Source is an input file: its name (for errors) and how to open it afresh.
// Synthetic, when not "", is the report's label for a synthetic sample
// (SyntheticList, SyntheticStaff): the report then says Synthetic.
type Source struct {
	Name      string
	Open      func() (io.ReadCloser, error)
	Synthetic string
}

// File is the file at path, named by its path.
func File(path string) Source {
	return Source{Name: path, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// Bytes is b, named name.
func Bytes(name string, b []byte) Source {
	return Source{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }}
}

// label is what the report says the source is.
func (s Source) label() string {
	if s.Synthetic != "" {
		return s.Synthetic
	}
	return s.Name
}

// ICBOptions are Run's options (File and Open are the list's, set by ICB;
// SkipBad also skips bad staff rows) and the staff file's.
type ICBOptions struct {
	Options
	// MaxStaffRows is the most rows the staff file may have (0: no limit);
	// DefaultMaxStaffRows bounds the bytes too.
	MaxStaffRows int
	// ListBadStaff reads the whole staff file and, if a row is bad, returns
	// every bad row and works nothing out (no report).
	ListBadStaff bool
	// BadStaff is told of each bad staff row skipped (SkipBad), before the run.
	BadStaff func(err error)
	// Keep is told of each PCN worked out, its Row a copy that outlives the call
	// (a workbook is written whole).
	Keep func(y des.Year, p PCN)
}

// SourceError is a problem of one source: Name is the source's name. Its
// message is Err's.
type SourceError struct {
	Name string
	Err  error
}

func (e *SourceError) Error() string { return e.Err.Error() }
func (e *SourceError) Unwrap() error { return e.Err }

// ICB is the ICB view: the PCN list's codes (ListCodes), the staff file's
// rosters against them (ReadRosters), then every PCN under each rule set
// (Run) into sink (nil: none). It returns the report and the bad staff rows
// (skipped, or, with ListBadStaff, the reason there is no report). An error
// reading a source, or one Run returns naming the staff file, is a
// *SourceError.
func ICB(list, staff Source, rss []*des.RuleSet, opt ICBOptions, sink Sink) (*Report, []error, error) {
	rep := &Report{Data: list.label(), StaffData: staff.label(), Synthetic: list.Synthetic != "" || staff.Synthetic != ""}
	codes, err := readCodes(list, opt.MaxRows, opt.SkipBad)
	if err != nil {
		return nil, nil, &SourceError{list.Name, err}
	}
	sopt := StaffOptions{SkipBad: opt.SkipBad || opt.ListBadStaff, MaxRows: opt.MaxStaffRows}
	if opt.MaxStaffRows == 0 {
		sopt.MaxRows, sopt.MaxBytes = -1, -1
	}
	sf, err := staff.Open()
	if err != nil {
		return nil, nil, &SourceError{staff.Name, err}
	}
	ros, bad, err := ReadRosters(staff.Name, sf, codes, sopt)
	sf.Close()
	if err != nil {
		return nil, nil, &SourceError{staff.Name, err}
	}
	if opt.ListBadStaff && len(bad) > 0 {
		return nil, bad, nil
	}
	for _, e := range bad {
		if opt.BadStaff != nil {
			opt.BadStaff(e)
		}
	}
	rep.BadStaff = len(bad)
	ro := opt.Options
	ro.File, ro.Open = list.Name, list.Open
	if err := Run(rep, rss, ros, ro, &icbSink{next: sink, keep: opt.Keep}); err != nil {
		var fe *des.FieldError
		if errors.As(err, &fe) && fe.File == staff.Name && staff.Name != list.Name {
			err = &SourceError{staff.Name, err}
		} else {
			err = &SourceError{list.Name, err}
		}
		return rep, bad, err
	}
	return rep, bad, nil
}

func readCodes(list Source, maxRows int, skipBad bool) (Codes, error) {
	f, err := list.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ListCodes(list.Name, f, PCNOptionsFor(maxRows, skipBad))
}

// icbSink hands the run on to next (if any) and tells keep (if any) of each
// PCN, its row copied.
type icbSink struct {
	next Sink
	keep func(des.Year, PCN)
}

func (s *icbSink) Begin(rep *Report, rs *des.RuleSet) error {
	if s.next != nil {
		return s.next.Begin(rep, rs)
	}
	return nil
}

func (s *icbSink) End(rep *Report, y *Year) error {
	if s.next != nil {
		return s.next.End(rep, y)
	}
	return nil
}

func (s *icbSink) PCNs(rep *Report, y des.Year, ps []PCN) error {
	if s.keep != nil {
		for _, p := range ps {
			row := *p.Row // valid only during the call
			row.Name, row.Code, row.ICB = strings.Clone(row.Name), strings.Clone(row.Code), strings.Clone(row.ICB)
			p.Row = &row
			s.keep(y, p)
		}
	}
	if s.next != nil {
		return s.next.PCNs(rep, y, ps)
	}
	return nil
}
