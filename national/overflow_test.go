package national_test

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
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/stretchr/testify/require"
)

// Issue 24: sums of pennies are checked; a national total too large for
// 64 bits is an error naming the PCN and the total, never a wrapped figure.

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
		rep := national.Rollups{}
		opt := national.Options{File: "list.csv", Explain: explain, MaxRows: 2000,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b.Bytes())), nil }}
		err := national.RollUp(&rep, []*des.RuleSet{rs}, opt, &nationalSink{})
		require.Error(t, err, "was: England -£84,467,440,737,095,556.16")
		require.ErrorIs(t, err, arrs.ErrOverflow)
		var oe *arrs.OverflowError
		require.True(t, errors.As(err, &oe))
		require.Regexp(t, `^list\.csv:\d+: (England|ICB ICB) .*: S\d+ \(PCN \d+\): .*is more than £92,233,720,368,547,758\.07`, err.Error())
		require.Len(t, rep.Years, 0, "no totals for a year that failed")
	}
}

func TestNationalZeroOptions(t *testing.T) {
	err := national.RollUp(&national.Rollups{}, mustAll(rates.All())[:1], national.Options{}, &nationalSink{})
	require.ErrorIs(t, err, des.ErrMissing)
	require.Contains(t, err.Error(), "Options.Open")
	require.ErrorIs(t, national.RollUp(nil, nil, national.Options{}, nil), des.ErrMissing)
	s := national.NewRollUpStream(nil)
	require.ErrorIs(t, s.Err(), des.ErrMissing)
	s.Add(&national.PCNRow{}, &arrs.Totals{})
	_ = s.Rollup()
}
