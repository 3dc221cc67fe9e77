package national

import (
	"errors"
	"fmt"
	"io"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// PCNTotals is one PCN of a chunk, as worked out for a year.
type PCNTotals struct {
	Row          *PCNRow
	Entitlements decimal.Decimal // ARRS sums excluded
	ARRSSum      decimal.Decimal
	Explained    *des.Entitlements // only with Options.Explain
}

// RollUpSink takes a national roll-up as it is worked out: Begin as a
// year's PCNs start (before its first chunk with a PCN, or its end), PCNs
// for each chunk (valid only during the call), End with its totals. rep is
// the report so far.
type RollUpSink interface {
	Begin(rep *Rollups, rs *des.RuleSet) error
	PCNs(rep *Rollups, y des.Year, pcns []PCNTotals) error
	End(rep *Rollups, y *Rollup) error
}

// RollUp works out every PCN's entitlements and ARRS sums, from a PCN list
// (PCNReader) under each rule set in turn, reading the list once a year,
// ChunkRows rows at a time, and hands each chunk to sink before the next is read; only the
// running ICB and England totals are kept (RollUpStream), so a list of any
// length runs in bounded memory. Each year's totals and the bad rows skipped
// are added to rep.
//
// Without opt.SkipBad a bad row, or a PCN that cannot be worked out (a
// *des.FieldError naming the row, RowError), is the error; a list with
// no good rows is an error too.
func RollUp(rep *Rollups, rss []*des.RuleSet, opt Options, sink RollUpSink) error {
	switch {
	case rep == nil:
		return fmt.Errorf("%w: national.RollUp needs a report to add to (rep is nil)", des.ErrMissing)
	case opt.Open == nil:
		return fmt.Errorf("%w: national.RollUp needs Options.Open, to open the PCN list", des.ErrMissing)
	case sink == nil:
		return fmt.Errorf("%w: national.RollUp needs a RollUpSink to hand the PCNs to", des.ErrMissing)
	}
	for i, rs := range rss {
		if err := nationalYear(rep, rs, opt, sink, i == 0); err != nil {
			return err
		}
	}
	return nil
}

func nationalYear(rep *Rollups, rs *des.RuleSet, opt Options, sink RollUpSink, first bool) error {
	plan, err := arrs.Compile(rs, opt.ARRS)
	if err != nil {
		return err
	}
	f, err := opt.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	pr, err := NewPCNReader(opt.File, f, PCNOptionsFor(opt.MaxRows, opt.SkipBad))
	if err != nil {
		return err
	}
	acc := NewRollUpStream(plan)
	// The fast path where only totals are wanted; the explained path where
	// each PCN's payments are, or where Totals do not split by payment.
	fast := acc.TotalsExact() && !opt.Explain
	buf := make([]PCNRow, 0, ChunkRows)
	in := make([]arrs.PCNInput, 0, ChunkRows)
	started, good := false, 0
	for {
		rows, bad, rerr := pr.Next(buf, ChunkRows)
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
		var pcns []PCNTotals
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
				pcns = append(pcns, PCNTotals{row, decimal.New(t.Entitlements, -2), decimal.New(sum, -2), nil})
				continue
			}
			acc.AddEntitlements(row, &res.Entitlements)
			if err := acc.Err(); err != nil {
				return nationalOverflow(opt.File, err)
			}
			rp := RolledPCN{Row: *row, Entitlements: res.Entitlements}
			p := PCNTotals{Row: row, Entitlements: res.Entitlements.Total.Decimal(), ARRSSum: rp.ARRSSum()}
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
