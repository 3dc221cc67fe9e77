package reconcile

// Tests written against mutants that lived in gremlins' run at ca8cf61
// (issue 25, round two): each is worked from the rule in docs/reconcile.md
// or the package doc, with the figure by hand.

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Timing: a payment without a rule takes the Default rule when there is
// one (under its own name), else the labelled assumption of lag 0.
func TestTimingRuleFallsBackToTheDefault(t *testing.T) {
	withDefault := Timing{Rules: []Rule{{Payment: ARRS, Lag: 1}}, Default: &Rule{Lag: 3, Text: "three"}}
	r := withDefault.Rule("core_pcn_funding")
	require.Equal(t, 3, r.Lag)
	require.Equal(t, "core_pcn_funding", r.Payment)
	require.Equal(t, "three", r.Text)
	require.Equal(t, 1, withDefault.Rule(ARRS).Lag)

	onlyRules := Timing{Rules: []Rule{{Payment: ARRS, Lag: 1}}}
	r = onlyRules.Rule("core_pcn_funding")
	require.Equal(t, 0, r.Lag)
	require.Equal(t, Assumption, r.Confidence)
	require.Equal(t, "core_pcn_funding", r.Payment)
}

// WithLag changes one payment's lag and keeps every other rule of the
// timing as it was (its own rules and its default, not DefaultTiming's).
func TestWithLagKeepsTheOtherRules(t *testing.T) {
	own := Timing{Rules: []Rule{{Payment: "core_pcn_funding", Lag: 2}, {Payment: ARRS, Lag: 1}}}
	w := own.WithLag(ARRS, 3)
	require.Equal(t, 3, w.Rule(ARRS).Lag)
	require.Equal(t, 2, w.Rule("core_pcn_funding").Lag, "core keeps its own lag of 2")
	require.Len(t, w.Rules, 2)
	require.Equal(t, 1, own.Rule(ARRS).Lag, "the original is not changed")

	// only a default of 4 months: ARRS set to 1, everything else still 4
	def := Timing{Default: &Rule{Lag: 4}}
	w = def.WithLag(ARRS, 1)
	require.Equal(t, 1, w.Rule(ARRS).Lag)
	require.Equal(t, 4, w.Rule("core_pcn_funding").Lag)
	require.Equal(t, 4, w.Rule("network_participation").Lag)

	// the zero Timing is DefaultTiming(2): core in its month, IIF in August
	// after the year (5 months after March)
	w = Timing{}.WithLag(ARRS, 3)
	require.Equal(t, 3, w.Rule(ARRS).Lag)
	require.Equal(t, DefaultTiming(DefaultARRSLag).Rule(IIF), w.Rule(IIF))
}

// CashFlow with DefaultTiming(1) (not the default lag of 2): the ARRS
// claim for April arrives in May. tiny(): April brings £100 + £10 = £110
// and pays £60 salary, balance £0 + £50 = £50; May brings £110 + April's £50
// claim − £60 = £100, balance £150. The actual low is marked lag −1.
func TestCashFlowUsesTheTimingGiven(t *testing.T) {
	d := tiny()
	paid := Paid{Payments: []Payment{{Paid: FirstMonth(d.Year), Payment: "core_pcn_funding", For: FirstMonth(d.Year),
		Through: FirstMonth(d.Year), Amount: dec("100.00")}}}
	c := CashFlow(d, &paid, DefaultTiming(1), decimal.Zero)
	require.Len(t, c.Months, 13)
	requirePounds(t, "110", c.Months[0].In)
	requirePounds(t, "50", c.Months[0].Balance)
	requirePounds(t, "160", c.Months[1].In)
	requirePounds(t, "150", c.Months[1].Balance)
	require.Equal(t, 1, c.Low.ARRSLag)
	require.Equal(t, -1, c.ActualLow.ARRSLag)
	// actual: April £100 − £60 = £40, then −£60 a month: lowest in March,
	// £40 − 11 × £60 = −£620
	requirePounds(t, "-620", c.ActualLow.Balance)
}

// Reconcile places each row by the timing given: with DefaultTiming(1) the
// ARRS claim for April is expected in May; with only a default of 3 months
// every payment is expected 3 months on.
func TestReconcileUsesTheTimingGiven(t *testing.T) {
	d := tiny()
	p := read(t, d, file(exactly()))
	r := Reconcile(d, p, Options{Timing: DefaultTiming(1)})
	require.Equal(t, "2025-05", row(t, r, ARRS, "A", "2025-04").Expected.String())
	require.Equal(t, "2025-04", row(t, r, "core_pcn_funding", "", "2025-04").Expected.String())
	require.Equal(t, 1, r.Timing[2].Lag)

	r = Reconcile(d, p, Options{Timing: Timing{Default: &Rule{Lag: 3}}})
	require.Equal(t, "2025-07", row(t, r, "core_pcn_funding", "", "2025-04").Expected.String())
	require.Equal(t, "2025-07", row(t, r, ARRS, "A", "2025-04").Expected.String())
}

// With an empty paid file and no AsOf, the file covers up to the month
// before the year (March 2025 for 2025/26): every line is not yet due.
func TestEmptyFileAsOfIsTheMonthBeforeTheYear(t *testing.T) {
	d := tiny()
	r := Reconcile(d, Paid{}, Options{})
	require.Equal(t, "2025-03", r.AsOf.String())
	for _, x := range r.Rows {
		require.Equal(t, NotYet, x.Status, "%+v", x)
	}
}

// The tolerance is a size either way: −1 is the same as 1.
func TestNegativeTolerance(t *testing.T) {
	d := tiny()
	p := read(t, d, file(swap(t, exactly(), "2025-06,core,,,,100.00,,", "2025-06,core,,,,99.99,,")))
	r := Reconcile(d, p, Options{Tolerance: -1, Timing: DefaultTiming(1)})
	require.Equal(t, int64(1), r.Tolerance)
	require.Equal(t, OK, row(t, r, "core_pcn_funding", "", "2025-06").Status)
}

// An underpaid line's note says by how much, as a positive sum: June's
// core £90.00 against £100.00 is "£10.00 less than due".
func TestUnderpaidNote(t *testing.T) {
	d := tiny()
	p := read(t, d, file(swap(t, exactly(), "2025-06,core,,,,100.00,,", "2025-06,core,,,,90.00,,")))
	r := Reconcile(d, p, Options{Timing: DefaultTiming(1)})
	under := row(t, r, "core_pcn_funding", "", "2025-06")
	require.Equal(t, Under, under.Status)
	require.Equal(t, "£10.00 less than due", under.Note)
}

// Rows come in the order of due.Payments, then by payee, then by month,
// whatever order the lines were given in: here each month lists B's claim
// before A's and the core funding last.
func TestRowOrder(t *testing.T) {
	y := tiny().Year
	d := Due{Year: y, Practices: []string{"P1"}, People: []string{"A", "B"},
		Payments: []string{"core_pcn_funding", "network_participation", ARRS}}
	for m := 0; m < 2; m++ {
		mo := FirstMonth(y).Add(m)
		d.Lines = append(d.Lines,
			DueLine{Payment: ARRS, Who: "B", Month: mo, Amount: dec("1")},
			DueLine{Payment: ARRS, Who: "A", Month: mo, Amount: dec("1")},
			DueLine{Payment: "network_participation", Who: "P1", Month: mo, Amount: dec("1")},
			DueLine{Payment: "core_pcn_funding", Month: mo, Amount: dec("1")})
	}
	r := Reconcile(d, Paid{}, Options{})
	var got []string
	for _, x := range r.Rows {
		got = append(got, x.Payment+" "+x.Who+" "+x.Month.String())
	}
	require.Equal(t, []string{
		"core_pcn_funding  2025-04", "core_pcn_funding  2025-05",
		"network_participation P1 2025-04", "network_participation P1 2025-05",
		"arrs A 2025-04", "arrs A 2025-05",
		"arrs B 2025-04", "arrs B 2025-05",
	}, got)
	require.Equal(t, "0000", rank(d.Payments, "core_pcn_funding"))
	require.Equal(t, "0003", rank(d.Payments, "other"), "a payment not listed goes after every listed one")
}

// The year end shared among two practices by the network agreement's
// weights. tiny() with practices P1 and P2: the core funding shared 1:3,
// the NPP (P1's own) 1:0, A's ARRS claims 1:1. Paid: June's core missing
// (£100 arrears: P1 £25, P2 £75), August's NPP paid twice (£10 over: P1
// £10), May's claim £30.00 of £50.00 (£20 outstanding: £10 each). Every
// line is shared, so there is no "not shared" line.
func TestYearEndSharedByPractice(t *testing.T) {
	d := tiny()
	d.Practices = []string{"P1", "P2"}
	for _, l := range d.Lines {
		var w []decimal.Decimal
		switch l.Payment {
		case "core_pcn_funding":
			w = []decimal.Decimal{dec("1"), dec("3")}
		case "network_participation":
			w = []decimal.Decimal{dec("1"), dec("0")}
		default:
			w = []decimal.Decimal{dec("1"), dec("1")}
		}
		d.Shares = append(d.Shares, Share{Payment: l.Payment, Who: l.Who, Month: l.Month, Weights: w})
	}
	rows := exactly()
	rows = swap(t, rows, "2025-06,core,,,,100.00,,")
	rows = swap(t, rows, "2025-08,npp,P1,,,10.00,,", "2025-08,npp,P1,,,10.00,,X1", "2025-08,npp,P1,,,10.00,,X2")
	rows = swap(t, rows, "2025-06,arrs,,A,2025-05,50.00,,", "2025-06,arrs,,A,2025-05,30.00,,")
	r := Reconcile(d, read(t, d, file(rows)), Options{Timing: DefaultTiming(1)})
	ye := YearEndOf(d, r)

	require.Len(t, ye.ClaimsOutstanding, 1)
	requireMoney(t, "20.00", ye.ClaimsOutstanding[0].Amount)
	require.Len(t, ye.ArrearsStillDue, 1)
	require.Equal(t, "core_pcn_funding", ye.ArrearsStillDue[0].Payment)
	requireMoney(t, "100.00", ye.ArrearsStillDue[0].Amount)
	require.Len(t, ye.Overpaid, 1)
	require.Equal(t, "network_participation", ye.Overpaid[0].Payment)
	requireMoney(t, "10.00", ye.Overpaid[0].Amount)

	require.Len(t, ye.Practices, 2, "every line is shared: no not-shared line")
	p1, p2 := ye.Practices[0], ye.Practices[1]
	require.Equal(t, "P1", p1.Practice)
	require.Equal(t, "P2", p2.Practice)
	requireMoney(t, "10.00", p1.ClaimsOutstand)
	requireMoney(t, "10.00", p2.ClaimsOutstand)
	requireMoney(t, "25.00", p1.ArrearsStillDue)
	requireMoney(t, "75.00", p2.ArrearsStillDue)
	requireMoney(t, "10.00", p1.Overpaid)
	requireMoney(t, "0", p2.Overpaid)
}

// A ParseError names the file, then the line and column where it has them.
func TestParseErrorText(t *testing.T) {
	require.Equal(t, "p.csv: bad", (&ParseError{File: "p.csv", Msg: "bad"}).Error())
	require.Equal(t, "p.csv:3: amount: bad", (&ParseError{File: "p.csv", Line: 3, Field: "amount", Msg: "bad"}).Error())
	require.Equal(t, "p.csv:3:6: bad", (&ParseError{File: "p.csv", Line: 3, Column: 6, Msg: "bad"}).Error())
}

// ReadPaid lists at most 50 problems: 60 rows each with one bad amount
// give exactly 50.
func TestReadPaidStopsAtFiftyErrors(t *testing.T) {
	d := tiny()
	rows := make([]string, 60)
	for i := range rows {
		rows[i] = "2025-04,core,,,,ten,,"
	}
	_, err := ReadPaid("paid.csv", strings.NewReader(file(rows)), d, DefaultTiming(1))
	var es Errors
	require.True(t, errors.As(err, &es), "%v", err)
	require.Len(t, es, 50)
}

// A header saved by Excel starts with a byte-order mark: it is not part of
// the first column's name.
func TestReadPaidHeaderWithByteOrderMark(t *testing.T) {
	d := tiny()
	p, err := ReadPaid("paid.csv", strings.NewReader("\ufeff"+file(exactly())), d, DefaultTiming(1))
	require.NoError(t, err)
	require.Len(t, p.Payments, 36)
}

// A payment may arrive up to 23 months after April of its year (March two
// years on, 2027-03 for 2025/26), not 24.
func TestPaidMonthLimits(t *testing.T) {
	d := tiny()
	_, err := ReadPaid("paid.csv", strings.NewReader(file([]string{"2027-03,core,,,2026-03,1.00,,"})), d, DefaultTiming(1))
	require.NoError(t, err)
	_, err = ReadPaid("paid.csv", strings.NewReader(file([]string{"2027-04,core,,,2026-03,1.00,,"})), d, DefaultTiming(1))
	require.ErrorIs(t, err, ErrOutsideYear)
	_, err = ReadPaid("paid.csv", strings.NewReader(file([]string{"2025-03,core,,,2025-04,1.00,,"})), d, DefaultTiming(1))
	require.ErrorIs(t, err, ErrOutsideYear)
}

// Amounts: pounds with at most two places and at most 13 digits before the
// point, thousands separators in groups of three after a first group of one
// to three digits.
func TestParseAmountForms(t *testing.T) {
	for s, want := range map[string]string{
		"1,234.56": "1234.56", "123,456.78": "123456.78", "1,234,567": "1234567", "£12,345.6": "12345.60",
		"1.5": "1.50", "1234567890123": "1234567890123", "-1,000.00": "-1000",
	} {
		got, err := parseAmount(s)
		require.NoError(t, err, s)
		requireMoney(t, want, got, s)
	}
	for _, s := range []string{",123", "1234,567", "1,23", "1,2345", "1,,234", "12345678901234", "1.", "1.234", ""} {
		_, err := parseAmount(s)
		require.Error(t, err, s)
	}
}

// Months: YYYY-MM from 1900 on, months 01 to 12.
func TestParseMonthBounds(t *testing.T) {
	for _, s := range []string{"1900-01", "2025-01", "2025-12"} {
		_, err := ParseMonth(s)
		require.NoError(t, err, s)
	}
	for _, s := range []string{"1899-12", "2025-00", "2025-13"} {
		_, err := ParseMonth(s)
		require.Error(t, err, s)
	}
}
