package national

import (
	"github.com/pcnfin/pcnfin/internal/names"

	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

// Rosters is every person of a staff file, each on the roster of a PCN of
// the list, in file order within a PCN. It holds the people (about 120
// bytes each, their names included) and not the PCN list: the list is
// streamed past it.
type Rosters struct {
	pcn    map[string]int32 // names.CodeKey of a PCN code → its ordinal in the list
	people []placed         // grouped by PCN ordinal, in file order within one
	at     []int32          // PCN ordinal k's people are people[at[k]:at[k+1]]
	held   heldText         // roles, bands and London zones, each held once
	wide   []decimal.Decimal
}

// placed is a person on the roster of the PCN with ordinal pcn, held
// compactly: roles, bands and zones as numbers into the rosters' text,
// amounts as their digits and exponent (arrs.Staff again on the way out,
// with the same decimals).
type placed struct {
	pcn, line          int32
	name               string
	wte                arrs.WTE
	start, end         des.Date
	cost, salary       amount
	role, band, london uint32
	levy, agreement    bool
}

// amount is a decimal as its coefficient c and exponent e (kind 1), the
// zero Decimal (kind 0: not given), or (kind 2) one too wide for an int64
// coefficient, Rosters.wide[c].
type amount struct {
	c    int64
	e    int32
	kind uint8
}

// heldText holds strings once, each by its number.
type heldText struct {
	num  map[string]uint32
	text []string
}

func (h *heldText) of(s string) uint32 {
	if n, ok := h.num[s]; ok {
		return n
	}
	if h.num == nil {
		h.num = map[string]uint32{}
	}
	n := uint32(len(h.text))
	h.text = append(h.text, s)
	h.num[s] = n
	return n
}

// hold makes a person compact.
func (r *Rosters) hold(pcn int32, line int, s *arrs.Staff) placed {
	return placed{pcn: pcn, line: int32(line), name: s.Name, wte: s.WTE, start: s.Start, end: s.End,
		cost: r.amountOf(s.AnnualCost), salary: r.amountOf(s.Salary), role: r.held.of(s.Role), band: r.held.of(s.Band),
		london: r.held.of(string(s.London)), levy: s.Levy, agreement: s.WrittenAgreement}
}

func (r *Rosters) amountOf(d decimal.Decimal) amount {
	switch {
	case d == decimal.Decimal{}:
		return amount{}
	case d.NumDigits() <= 18:
		return amount{c: d.CoefficientInt64(), e: d.Exponent(), kind: 1}
	}
	r.wide = append(r.wide, d)
	return amount{c: int64(len(r.wide) - 1), kind: 2}
}

func (r *Rosters) decimal(a amount) decimal.Decimal {
	switch a.kind {
	case 1:
		return decimal.New(a.c, a.e)
	case 2:
		return r.wide[a.c]
	}
	return decimal.Decimal{}
}

// staff is a person as arrs.Staff.
func (r *Rosters) staff(p *placed) arrs.Staff {
	return arrs.Staff{Name: p.name, Role: r.held.text[p.role], WTE: p.wte, Start: p.start, End: p.end,
		AnnualCost: r.decimal(p.cost), Salary: r.decimal(p.salary), Band: r.held.text[p.band], Levy: p.levy,
		London: arrs.London(r.held.text[p.london]), WrittenAgreement: p.agreement}
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
//
// codes is ListCodes' (or, built by hand, one ordinal of 0 to len(codes)−1
// a code; other codes are an error). The rosters keep it: change it after
// and a code added has no roster.
func ReadRosters(name string, r io.Reader, codes Codes, opt StaffOptions) (*Rosters, []error, error) {
	if err := codes.check(); err != nil {
		return nil, nil, err
	}
	sr, err := NewStaffReader(name, r, opt)
	if err != nil {
		return nil, nil, err
	}
	rd := &rosterReader{name: name, codes: codes, opt: opt, ord: map[string]int32{}, rs: &Rosters{pcn: codes}}
	buf := make([]StaffRow, 0, 4096)
	for {
		rows, b, err := sr.Next(buf, 4096)
		rd.bad = append(rd.bad, b...)
		if err != nil && !errors.Is(err, io.EOF) {
			var fe *des.FieldError
			if opt.SkipBad || !errors.As(err, &fe) || fe.Line == 0 {
				return nil, nil, err
			}
			// A bad row: a repeat on an earlier line goes before it.
			rd.stop, rd.firstBad = err, fe.Line
		}
		rd.place(rows)
		if rd.stop != nil || err != nil {
			break
		}
	}
	rs := rd.rosters()
	bad := rd.bad
	sortByLine(bad)
	if !opt.SkipBad {
		if len(bad) > 0 && (rd.stop == nil || lineOf(bad[0]) < rd.firstBad) {
			return nil, nil, bad[0]
		}
		if rd.stop != nil {
			return nil, nil, rd.stop
		}
	}
	return rs, bad, nil
}

// check says whether the codes' ordinals are 0 to len(c)−1, one a code,
// as the rosters are grouped by them.
func (c Codes) check() error {
	seen, held := make([]bool, len(c)), make([]string, len(c))
	for code, k := range c {
		if k < 0 || int(k) >= len(c) {
			return fmt.Errorf("%w: national.ReadRosters: PCN code %q has ordinal %d; the codes' ordinals are 0 to %d, "+
				"one a code (as ListCodes reads them)", des.ErrInvalid, code, k, len(c)-1)
		}
		if seen[k] {
			a, b := min(held[k], code), max(held[k], code)
			return fmt.Errorf("%w: national.ReadRosters: PCN codes %q and %q both have ordinal %d; the codes' ordinals "+
				"are 0 to %d, one a code (as ListCodes reads them)", des.ErrInvalid, a, b, k, len(c)-1)
		}
		seen[k], held[k] = true, code
	}
	return nil
}

// rosterReader puts the rows of a staff file on their PCNs' rosters.
type rosterReader struct {
	name     string
	codes    Codes
	opt      StaffOptions
	ord      map[string]int32 // PCN codes as the rows write them → ordinal
	rs       *Rosters         // the people's text and wide amounts, as they are read
	all      []placed         // in file order
	bad      []error
	stop     error // the row that stopped the reader (without SkipBad)
	firstBad int   // its line
}

// place puts rows on the rosters of their PCNs: a code not in the list is
// a bad row.
func (rd *rosterReader) place(rows []StaffRow) {
	for i := range rows {
		k, ok := rd.ordinal(rows[i].PCN)
		if !ok {
			e := &des.FieldError{File: rd.name, Line: rows[i].Line, Field: "pcn_code", Err: des.ErrInvalid,
				Msg: fmt.Sprintf("%q: PCN code %q is not in the PCN list: every person belongs to a PCN of the list "+
					"(a row of the list that was bad and skipped counts as not there)", rows[i].Staff.Name, rows[i].PCN)}
			if !rd.opt.SkipBad {
				rd.stop, rd.firstBad = e, rows[i].Line
				return
			}
			rd.bad = append(rd.bad, e)
			continue
		}
		rd.all = append(rd.all, rd.rs.hold(k, rows[i].Line, &rows[i].Staff))
	}
}

// ordinal is the list ordinal of a PCN code as a row writes it.
func (rd *rosterReader) ordinal(code string) (int32, bool) {
	if k, ok := rd.ord[code]; ok {
		return k, true
	}
	k, ok := rd.codes[names.CodeKey(code)]
	if ok && len(rd.ord) < 1<<20 {
		rd.ord[code] = k
	}
	return k, ok
}

// rosters groups the people by PCN ordinal, in file order within one (a
// stable counting sort), and leaves out repeats in place: the people are
// held once.
func (rd *rosterReader) rosters() *Rosters {
	n := len(rd.codes)
	rs := rd.rs
	rs.at = make([]int32, n+1)
	next := make([]int32, n+1)
	for _, p := range rd.all {
		next[p.pcn+1]++
	}
	for k := 1; k <= n; k++ {
		next[k] += next[k-1]
	}
	grouped := make([]placed, len(rd.all))
	for _, p := range rd.all {
		grouped[next[p.pcn]] = p
		next[p.pcn]++
	}
	rd.all = nil
	onRoster := map[string]int32{}
	kept := grouped[:0]
	var byOrd []string // PCN codes by ordinal, made for the first repeat's message
	for i := 0; i < len(grouped); {
		j := i
		clear(onRoster)
		for ; j < len(grouped) && grouped[j].pcn == grouped[i].pcn; j++ {
			p := &grouped[j]
			key := nameKey(p.name)
			if at, dup := onRoster[key]; dup {
				if byOrd == nil {
					byOrd = make([]string, len(rd.codes))
					for c, k := range rd.codes {
						byOrd[k] = c
					}
				}
				rd.bad = append(rd.bad, &des.FieldError{File: rd.name, Line: int(p.line), Field: "name", Err: des.ErrInvalid,
					Msg: fmt.Sprintf("%q is on the roster of PCN %s twice (also line %d); give each person a row of "+
						"their own name, e.g. \"%s (2)\"", p.name, byOrd[p.pcn], at, p.name)})
				continue
			}
			onRoster[key] = p.line
			rs.at[p.pcn+1]++
			kept = append(kept, *p)
		}
		i = j
	}
	for k := 1; k < len(rs.at); k++ {
		rs.at[k] += rs.at[k-1]
	}
	rs.people = kept
	return rs
}

// nameKey is names.NameKey: for a name of printable ASCII with single
// spaces between words (NFKC and the spacing leave it as it is), its lower
// case alone.
func nameKey(s string) string {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return names.NameKey(s)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c > '~' || c < ' ' {
			return names.NameKey(s)
		}
	}
	if strings.Contains(s, "  ") {
		return names.NameKey(s)
	}
	return strings.ToLower(s)
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
	from, to := r.span(code)
	dst = slices.Grow(dst, int(to-from))
	for i := from; i < to; i++ {
		dst = append(dst, r.staff(&r.people[i]))
	}
	return dst
}

// count is the number of people on the roster of the PCN with the code.
func (r *Rosters) count(code string) int {
	from, to := r.span(code)
	return int(to - from)
}

// span is where the roster of the PCN with the code is in r.people (an
// empty span when none).
func (r *Rosters) span(code string) (from, to int32) {
	if r == nil {
		return 0, 0
	}
	k, ok := r.pcn[names.CodeKey(code)]
	if !ok || k < 0 || int(k)+1 >= len(r.at) { // a code added to the codes after ReadRosters has none
		return 0, 0
	}
	return r.at[k], r.at[k+1]
}

// Len is the number of people on every roster.
func (r *Rosters) Len() int {
	if r == nil {
		return 0
	}
	return len(r.people)
}
