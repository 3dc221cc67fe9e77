package arrs_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"testing"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Issue 24: sums of pennies are checked; a total too large for 64 bits is
// an error naming the PCN and the total, never a wrapped figure.

// millionRuleSet is 2025/26 with core funding at £1,000,000 a patient (the
// largest rate the validator allows).
func millionRuleSet(t testing.TB) *des.RuleSet {
	b, err := os.ReadFile("../rates/2025-26.toml")
	require.NoError(t, err)
	first := true
	b = regexp.MustCompile(`rate = "[0-9.]+"`).ReplaceAllFunc(b, func(m []byte) []byte {
		if first {
			first = false
			return []byte(`rate = "1000000"`)
		}
		return m
	})
	path := t.TempDir() + "/own.toml"
	require.NoError(t, os.WriteFile(path, b, 0o600))
	_, rs, err := rates.WithFile(path)
	require.NoError(t, err)
	return rs
}

func TestNationalOverflowIsAnError(t *testing.T) {
	rs := millionRuleSet(t)
	var b bytes.Buffer
	b.WriteString("pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "S%d,PCN %d,ICB,100000000,100000000,100000000,0\n", i, i)
	}
	for _, explain := range []bool{false, true} {
		rep := des.Rollups{}
		opt := arrs.NationalOptions{File: "list.csv", Explain: explain, MaxRows: 2000,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b.Bytes())), nil }}
		err := arrs.National(&rep, []*des.RuleSet{rs}, opt, &nationalSink{})
		require.Error(t, err, "was: England -£84,467,440,737,095,556.16")
		require.ErrorIs(t, err, arrs.ErrOverflow)
		var oe *arrs.OverflowError
		require.True(t, errors.As(err, &oe))
		require.Regexp(t, `^list\.csv:\d+: (England|ICB ICB) .*: S\d+ \(PCN \d+\): .*is more than £92,233,720,368,547,758\.07`, err.Error())
		require.Len(t, rep.Years, 0, "no totals for a year that failed")
	}
}

// One PCN of 184,468 practices of 100 million patients: its registered
// total passes 2^64 millionths; the fast path hands it to the exact
// decimal path, which gives the exact figure (it wrapped to £32.5tn against
// an exact £327.8tn, and Batch.Result then said the input had changed).
func TestTotalsBeyond64BitsFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("184,468 practices")
	}
	rs := rates.All()[len(rates.All())-2]
	plan, err := arrs.Compile(rs, arrs.Options{})
	require.NoError(t, err)
	ps := make([]des.Practice, 184_468)
	for i := range ps {
		n := des.NumberOf(decimal.NewFromInt(100_000_000))
		ps[i] = des.Practice{Name: fmt.Sprintf("P%d", i), Registered: n, Weighted: n, Adjusted: n, CareHomeBeds: des.NumberOf(decimal.Zero)}
	}
	in := []arrs.PCNInput{{PCN: des.PCN{Name: "Huge", Practices: ps}}}
	batch, err := plan.CalculateAll(in)
	require.NoError(t, err)
	tot := batch.Totals(0)
	e, err := des.Entitle(rs, in[0].PCN, des.Options{})
	require.NoError(t, err)
	require.Equal(t, e.Total.StringFixed(2), fmt.Sprintf("%d.%02d", tot.Entitlements/100, tot.Entitlements%100))
	_, err = batch.Result(0)
	require.NoError(t, err)
}

func TestNationalZeroOptions(t *testing.T) {
	err := arrs.National(&des.Rollups{}, rates.All()[:1], arrs.NationalOptions{}, &nationalSink{})
	require.ErrorIs(t, err, des.ErrMissing)
	require.Contains(t, err.Error(), "NationalOptions.Open")
	require.ErrorIs(t, arrs.National(nil, nil, arrs.NationalOptions{}, nil), des.ErrMissing)
	s := arrs.NewRollUpStream(nil)
	require.ErrorIs(t, s.Err(), des.ErrMissing)
	s.Add(&des.PCNRow{}, &arrs.Totals{})
	_ = s.Rollup()
}

func TestOnCostRulesNil(t *testing.T) {
	f := arrs.OnCostRules(nil)
	require.NotNil(t, f)
	_, err := f(arrs.Pay{Amount: decimal.NewFromInt(2500), Paid: des.MustDate(2025, 4, 15)})
	require.ErrorIs(t, err, des.ErrMissing)
}
