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
	ch := &rollChunk{rs: rs, plan: plan, opt: opt, acc: acc, fast: acc.TotalsExact() && !opt.Explain,
		in: make([]arrs.PCNInput, 0, ChunkRows)}
	buf := make([]PCNRow, 0, ChunkRows)
	started, good := false, 0
	for {
		rows, bad, rerr := pr.Next(buf, ChunkRows)
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			return rerr
		}
		if first {
			rep.BadRows += skipped(opt, bad)
		}
		pcns, err := ch.work(rows)
		if err != nil {
			return err
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

// rollChunk works out a chunk of PCN rows for the roll-up: by the fast
// batch path (fast) or every PCN in full.
type rollChunk struct {
	rs   *des.RuleSet
	plan *arrs.Plan
	opt  Options
	acc  *RollUpStream
	fast bool
	in   []arrs.PCNInput
}

// work works the rows out and adds each to the running totals.
func (ch *rollChunk) work(rows []PCNRow) ([]PCNTotals, error) {
	ch.in = ch.in[:0]
	for i := range rows {
		ch.in = append(ch.in, arrs.PCNInput{PCN: rows[i].PCN})
	}
	var batch *arrs.Batch
	var each []arrs.PCNResult
	if ch.fast {
		batch = ch.plan.CalculateBatch(ch.in, ch.opt.Workers)
	} else {
		each = ch.plan.CalculateEach(ch.in, ch.opt.Workers)
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
			if err := ch.leaveOut(row, perr); err != nil {
				return nil, err
			}
			continue
		}
		var p PCNTotals
		var err error
		if res == nil {
			p, err = ch.totals(row, batch.Totals(i))
		} else {
			p, err = ch.explained(row, res)
		}
		if err != nil {
			return nil, err
		}
		pcns = append(pcns, p)
	}
	return pcns, nil
}

// leaveOut is a PCN that cannot be worked out: the error, or (SkipBad) one
// the roll-up leaves out.
func (ch *rollChunk) leaveOut(row *PCNRow, perr error) error {
	e := RowError(ch.opt.File, *row, ch.rs.Year(), perr)
	if !ch.opt.SkipBad {
		return e
	}
	if ch.opt.LeftOut != nil {
		ch.opt.LeftOut(ch.rs.Year(), e)
	}
	ch.acc.LeaveOut(e)
	return nil
}

// totals adds a PCN worked out by the fast path.
func (ch *rollChunk) totals(row *PCNRow, t arrs.Totals) (PCNTotals, error) {
	ch.acc.Add(row, &t)
	if err := ch.acc.Err(); err != nil {
		return PCNTotals{}, nationalOverflow(ch.opt.File, err)
	}
	var sum int64
	for _, x := range t.Sums {
		sum += x // each within the PCN's own checked total
	}
	return PCNTotals{row, decimal.New(t.Entitlements, -2), decimal.New(sum, -2), nil}, nil
}

// explained adds a PCN worked out in full.
func (ch *rollChunk) explained(row *PCNRow, res *arrs.PCNResult) (PCNTotals, error) {
	ch.acc.AddEntitlements(row, &res.Entitlements)
	if err := ch.acc.Err(); err != nil {
		return PCNTotals{}, nationalOverflow(ch.opt.File, err)
	}
	rp := RolledPCN{Row: *row, Entitlements: res.Entitlements}
	p := PCNTotals{Row: row, Entitlements: res.Entitlements.Total.Decimal(), ARRSSum: rp.ARRSSum()}
	if ch.opt.Explain {
		p.Explained = &res.Entitlements
	}
	return p, nil
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
