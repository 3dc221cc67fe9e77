package national

import (
	"github.com/pcnfin/pcnfin/internal/names"

	"errors"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
)

// Rosters is every person of a staff file, each on the roster of a PCN of
// the list, in file order within a PCN. It holds the people (about 200
// bytes each) and not the PCN list: the list is streamed past it.
type Rosters struct {
	pcn    map[string]int32 // names.CodeKey of a PCN code → its ordinal in the list
	people []placed         // grouped by PCN ordinal, in file order within one
	at     []int32          // PCN ordinal k's people are people[at[k]:at[k+1]]
}

// placed is a person on the roster of the PCN with ordinal pcn.
type placed struct {
	pcn  int32
	line int32
	s    arrs.Staff
}

// Codes is the PCN list's codes: names.CodeKey of each good row's code, with
// its ordinal. ListCodes reads them.
type Codes map[string]int32

// ListCodes reads the PCN list's codes (its good rows', with opt.SkipBad;
// the first bad row is the error without it).
func ListCodes(name string, r io.Reader, opt PCNOptions) (Codes, error) {
	pr, err := NewPCNReader(name, r, opt)
	if err != nil {
		return nil, err
	}
	codes := Codes{}
	buf := make([]PCNRow, 0, 4096)
	for {
		rows, _, err := pr.Next(buf, 4096)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		for i := range rows {
			codes[names.CodeKey(rows[i].Code)] = int32(len(codes))
		}
		if err != nil {
			return codes, nil
		}
	}
}

// ReadRosters reads a staff file (NewStaffReader) and puts each person on
// the roster of their PCN in codes. A person whose PCN code is not in the
// list, and a person on a PCN's roster twice (the same names.NameKey; the
// later row is the bad one), are bad rows too, each a *des.FieldError
// naming the file, line and column. Without opt.SkipBad the first bad row
// in file order is the error; with it, the bad rows come back in file
// order, and the rest are kept.
func ReadRosters(name string, r io.Reader, codes Codes, opt StaffOptions) (*Rosters, []error, error) {
	sr, err := NewStaffReader(name, r, opt)
	if err != nil {
		return nil, nil, err
	}
	var all []placed
	var bad []error
	buf := make([]StaffRow, 0, 4096)
	firstBad := 0 // line of the row that stopped the reader (without SkipBad)
	var stop error
	for {
		rows, b, err := sr.Next(buf, 4096)
		bad = append(bad, b...)
		if err != nil && !errors.Is(err, io.EOF) {
			var fe *des.FieldError
			if opt.SkipBad || !errors.As(err, &fe) || fe.Line == 0 {
				return nil, nil, err
			}
			// A bad row: a repeat on an earlier line goes before it.
			stop, firstBad = err, fe.Line
		}
		for i := range rows {
			k, ok := codes[names.CodeKey(rows[i].PCN)]
			if !ok {
				e := &des.FieldError{File: name, Line: rows[i].Line, Field: "pcn_code", Err: des.ErrInvalid,
					Msg: fmt.Sprintf("%q: PCN code %q is not in the PCN list: every person belongs to a PCN of the list "+
						"(a row of the list that was bad and skipped counts as not there)", rows[i].Staff.Name, rows[i].PCN)}
				if !opt.SkipBad {
					stop, firstBad = e, rows[i].Line
					break
				}
				bad = append(bad, e)
				continue
			}
			all = append(all, placed{k, int32(rows[i].Line), rows[i].Staff})
		}
		if stop != nil || err != nil {
			break
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].pcn < all[j].pcn })
	// Repeats are left out in place: the people are held once.
	rs := &Rosters{pcn: codes, at: make([]int32, len(codes)+1)}
	onRoster := map[string]int32{}
	kept := all[:0]
	var byOrd []string // PCN codes by ordinal, made for the first repeat's message
	for i := 0; i < len(all); {
		j := i
		clear(onRoster)
		for ; j < len(all) && all[j].pcn == all[i].pcn; j++ {
			key := names.NameKey(all[j].s.Name)
			if at, dup := onRoster[key]; dup {
				if byOrd == nil {
					byOrd = make([]string, len(codes))
					for c, k := range codes {
						byOrd[k] = c
					}
				}
				bad = append(bad, &des.FieldError{File: name, Line: int(all[j].line), Field: "name", Err: des.ErrInvalid,
					Msg: fmt.Sprintf("%q is on the roster of PCN %s twice (also line %d); give each person a row of "+
						"their own name, e.g. \"%s (2)\"", all[j].s.Name, byOrd[all[j].pcn], at, all[j].s.Name)})
				continue
			}
			onRoster[key] = all[j].line
			rs.at[all[j].pcn+1]++
			kept = append(kept, all[j])
		}
		i = j
	}
	for k := 1; k < len(rs.at); k++ {
		rs.at[k] += rs.at[k-1]
	}
	rs.people = kept
	sortByLine(bad)
	if !opt.SkipBad {
		if len(bad) > 0 && (stop == nil || lineOf(bad[0]) < firstBad) {
			return nil, nil, bad[0]
		}
		if stop != nil {
			return nil, nil, stop
		}
	}
	return rs, bad, nil
}

func lineOf(err error) int {
	var fe *des.FieldError
	if errors.As(err, &fe) {
		return fe.Line
	}
	return 0
}

func sortByLine(errs []error) {
	slices.SortStableFunc(errs, func(a, b error) int { return lineOf(a) - lineOf(b) })
}

// Of is the roster of the PCN with the code (nil when none), a copy.
func (r *Rosters) Of(code string) []arrs.Staff {
	return r.AppendOf(nil, code)
}

// AppendOf appends the roster of the PCN with the code to dst.
func (r *Rosters) AppendOf(dst []arrs.Staff, code string) []arrs.Staff {
	if r == nil {
		return dst
	}
	k, ok := r.pcn[names.CodeKey(code)]
	if !ok || int(k)+1 >= len(r.at) {
		return dst
	}
	for _, p := range r.people[r.at[k]:r.at[k+1]] {
		dst = append(dst, p.s)
	}
	return dst
}

// Len is the number of people on every roster.
func (r *Rosters) Len() int {
	if r == nil {
		return 0
	}
	return len(r.people)
}
