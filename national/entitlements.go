package national

import (
	"github.com/pcnfin/pcnfin/arrs"

	"errors"
	"fmt"
	"io"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// NationalChunkRows is how many rows National reads, works out and hands on
// at a time.
const NationalChunkRows = 4096

// NationalOptions tune National.
type NationalOptions struct {
	File string                        // the name errors report
	Open func() (io.ReadCloser, error) // opens the list afresh (once a year)
	// MaxRows is the most PCN rows the list may have (0: no limit); the file
	// may then be DefaultMaxCSVBytes or 1 KiB a row, whichever is more.
	MaxRows int
	Workers int  // PCNs worked out at once (0: one per CPU)
	SkipBad bool // leave out bad rows and PCNs that cannot be worked out
	Explain bool // work every PCN out in full (NationalPCN.Explained)
	// BadRow is told of each bad row skipped (the first year only: every
	// year meets the same ones); LeftOut of each PCN left out of a year.
	BadRow  func(err error)
	LeftOut func(y des.Year, err error)
}

// NationalPCN is one PCN of a chunk, as worked out for a year.
type NationalPCN struct {
	Row          *PCNRow
	Entitlements decimal.Decimal // ARRS sums excluded
	ARRSSum      decimal.Decimal
	Explained    *des.Entitlements // only with NationalOptions.Explain
}

// NationalSink takes a national roll-up as it is worked out: Begin as a
// year's PCNs start (before its first chunk with a PCN, or its end), PCNs
// for each chunk (valid only during the call), End with its totals. rep is
// the report so far.
type NationalSink interface {
	Begin(rep *Rollups, rs *des.RuleSet) error
	PCNs(rep *Rollups, y des.Year, pcns []NationalPCN) error
	End(rep *Rollups, y *Rollup) error
}

// National works out every PCN of a list (PCNCSVReader) under each rule
// set in turn, reading the list once a year, NationalChunkRows rows at a
// time, and hands each chunk to sink before the next is read; only the
// running ICB and England totals are kept (RollUpStream), so a list of any
// length runs in bounded memory. Each year's totals and the bad rows skipped
// are added to rep.
//
// Without opt.SkipBad a bad row, or a PCN that cannot be worked out (a
// *des.FieldError naming the row, RowError), is the error; a list with
// no good rows is an error too.
func National(rep *Rollups, rss []*des.RuleSet, opt NationalOptions, sink NationalSink) error {
	switch {
	case rep == nil:
		return fmt.Errorf("%w: National needs a report to add to (rep is nil)", des.ErrMissing)
	case opt.Open == nil:
		return fmt.Errorf("%w: National needs NationalOptions.Open, to open the PCN list", des.ErrMissing)
	case sink == nil:
		return fmt.Errorf("%w: National needs a NationalSink to hand the PCNs to", des.ErrMissing)
	}
	for i, rs := range rss {
		if err := nationalYear(rep, rs, opt, sink, i == 0); err != nil {
			return err
		}
	}
	return nil
}

func nationalYear(rep *Rollups, rs *des.RuleSet, opt NationalOptions, sink NationalSink, first bool) error {
	plan, err := arrs.Compile(rs, arrs.Options{})
	if err != nil {
		return err
	}
	f, err := opt.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	csvOpt := CSVOptions{SkipBad: opt.SkipBad, MaxRows: -1, MaxBytes: -1}
	if opt.MaxRows > 0 {
		csvOpt.MaxRows, csvOpt.MaxBytes = opt.MaxRows, max(DefaultMaxCSVBytes, int64(opt.MaxRows)<<10)
	}
	pr, err := NewPCNCSVReader(opt.File, f, csvOpt)
	if err != nil {
		return err
	}
	acc := NewRollUpStream(plan)
	// The fast path where only totals are wanted; the explained path where
	// each PCN's payments are, or where Totals do not split by payment.
	fast := acc.TotalsExact() && !opt.Explain
	buf := make([]PCNRow, 0, NationalChunkRows)
	in := make([]arrs.PCNInput, 0, NationalChunkRows)
	started, good := false, 0
	for {
		rows, bad, rerr := pr.Next(buf, NationalChunkRows)
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return rerr
		}
		if first {
			for _, e := range bad {
				if opt.BadRow != nil {
					opt.BadRow(e)
				}
			}
			rep.BadRows += len(bad)
		}
		in = in[:0]
		for i := range rows {
			in = append(in, arrs.PCNInput{PCN: rows[i].PCN})
		}
		var batch *arrs.Batch
		var each []arrs.PCNResult
		if fast {
			batch = plan.CalculateBatch(in, opt.Workers)
		} else {
			each = plan.CalculateEach(in, opt.Workers)
		}
		var pcns []NationalPCN
		for i := range rows {
			row := &rows[i]
			var res *arrs.PCNResult
			perr := batch.Err(i)
			if each != nil {
				res = &each[i]
				perr = res.Err
			}
			if perr != nil {
				e := RowError(opt.File, *row, rs.Year(), perr)
				if !opt.SkipBad {
					return e
				}
				if opt.LeftOut != nil {
					opt.LeftOut(rs.Year(), e)
				}
				acc.LeaveOut(e)
				continue
			}
			if res == nil {
				t := batch.Totals(i)
				acc.Add(row, &t)
				if err := acc.Err(); err != nil {
					return nationalOverflow(opt.File, err)
				}
				var sum int64
				for _, x := range t.Sums {
					sum += x // each within the PCN's own checked total
				}
				pcns = append(pcns, NationalPCN{row, decimal.New(t.Entitlements, -2), decimal.New(sum, -2), nil})
				continue
			}
			acc.AddEntitlements(row, &res.Entitlements)
			if err := acc.Err(); err != nil {
				return nationalOverflow(opt.File, err)
			}
			rp := RolledPCN{Row: *row, Entitlements: res.Entitlements}
			p := NationalPCN{Row: row, Entitlements: res.Entitlements.Total, ARRSSum: rp.ARRSSum()}
			if opt.Explain {
				p.Explained = &res.Entitlements
			}
			pcns = append(pcns, p)
		}
		good += len(rows)
		if !started && (len(pcns) > 0 || rerr != nil) {
			if good == 0 && first {
				return &des.FieldError{File: opt.File, Msg: "no PCN rows to work out", Err: des.ErrMissing}
			}
			if err := sink.Begin(rep, rs); err != nil {
				return err
			}
			started = true
		}
		if err := sink.PCNs(rep, rs.Year(), pcns); err != nil {
			return err
		}
		if rerr != nil {
			break
		}
	}
	y := acc.Rollup()
	rep.Years = append(rep.Years, y)
	return sink.End(rep, &rep.Years[len(rep.Years)-1])
}

// nationalOverflow names the file in a roll-up's overflow error.
func nationalOverflow(file string, err error) error {
	var fe *des.FieldError
	if errors.As(err, &fe) && fe.File == "" {
		c := *fe
		c.File = file
		return &c
	}
	return err
}
