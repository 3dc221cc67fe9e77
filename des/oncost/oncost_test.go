package oncost_test

import (
	"errors"
	"fmt"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"github.com/pcnfin/pcnfin/internal/money"
	"strings"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A small on-cost file with short sources, for tests of the rules
// themselves; the embedded, cited figures are tested in package rates.
const ocTestFile = `# test on-costs
[[employer_ni]]
from = 2024-04-06
rate = "0.138"
threshold = "9100"
monthly_threshold = "758"
source = "test NI 2024/25"
url = "https://example.org/ni-2024"
confidence = "confirmed"

[[employer_ni]]
from = 2025-04-06
to = 2026-04-05
rate = "0.15"
threshold = "5000"
monthly_threshold = "417"
source = "test NI 2025/26"
url = "https://example.org/ni-2025"
confidence = "confirmed"

[[pension]]
from = 2024-04-01
to = 2026-03-31
rate = "0.1438"
source = "test pension"
url = "https://example.org/pension"
confidence = "confirmed"

[[apprenticeship_levy]]
from = 2017-04-06
to = 2026-04-05
rate = "0.005"
source = "test levy"
url = "https://example.org/levy"
confidence = "single"

[[gap]]
item = "later years"
what = "not known"
`

func ocDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// ocMoney compares a decimal with its expected value by Equal, never by
// reflection (one value has several internal forms).
func ocMoney(t *testing.T, want string, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	require.Truef(t, ocDec(want).Equal(got), "want %s, got %s %v", want, got.String(), fmt.Sprint(msgAndArgs...))
}

func ocLoad(t *testing.T) *oncost.Rules {
	t.Helper()
	oc, err := oncost.Load("test.toml", []byte(ocTestFile))
	require.NoError(t, err)
	return oc
}

func TestEmployerCostWorkedExample(t *testing.T) {
	oc := ocLoad(t)
	b, err := oc.EmployerCost(ocDec("52000"), des.MustDate(2024, 10, 1), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "52000.00", b.Salary)
	ocMoney(t, "5920.20", b.EmployerNI)
	ocMoney(t, "7477.60", b.Pension)
	ocMoney(t, "0", b.Levy)
	ocMoney(t, "65397.80", b.Total)
	ocMoney(t, "0.138", b.NIRate)
	ocMoney(t, "9100", b.NIThreshold)
	ocMoney(t, "0.1438", b.PensionRate)
	ocMoney(t, "0", b.LevyRate)
	require.Equal(t, des.MustDate(2024, 10, 1), b.From)
	require.Len(t, b.Sources, 2)
	require.Equal(t, "test NI 2024/25", b.Sources[0].Document)
	require.Equal(t, "test pension", b.Sources[1].Document)
	require.True(t, strings.HasPrefix(b.Explain(),
		"salary £52,000.00 + employer NI 13.8% × (£52,000.00 − £9,100.00) = £5,920.20 + pension 14.38% × £52,000.00 = £7,477.60 = £65,397.80 (sources: employer NI: test NI 2024/25, https://example.org/ni-2024 [confirmed]; pension: "), b.Explain())
}

// The rate in force is the one for the date: 5 April 2025 is still tax
// year 2024/25; 6 April 2025 is 2025/26.
func TestEmployerCostTaxYearBoundary(t *testing.T) {
	oc := ocLoad(t)
	b, err := oc.EmployerCost(ocDec("52000"), des.MustDate(2025, 4, 5), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "5920.20", b.EmployerNI)
	b, err = oc.EmployerCost(ocDec("52000"), oncost.TaxYearStart(2025), oncost.Options{})
	require.NoError(t, err)
	require.Equal(t, des.MustDate(2025, 4, 6), b.From)
	ocMoney(t, "7050.00", b.EmployerNI) // 15% × (52,000 − 5,000)
	ocMoney(t, "66527.60", b.Total)
}

func TestEmployerCostBelowThreshold(t *testing.T) {
	oc := ocLoad(t)
	for _, s := range []string{"8000", "9100", "0"} {
		b, err := oc.EmployerCost(ocDec(s), des.MustDate(2024, 6, 1), oncost.Options{})
		require.NoError(t, err)
		ocMoney(t, "0", b.EmployerNI, s)
		ocMoney(t, b.Salary.Add(b.Pension).String(), b.Total, s)
	}
	b, err := oc.EmployerCost(ocDec("8000"), des.MustDate(2024, 6, 1), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "1150.40", b.Pension)
	ocMoney(t, "9150.40", b.Total)
	require.Contains(t, b.Explain(), "employer NI 13.8% (salary not above the £9,100.00 threshold) = £0.00")
}

func TestEmployerCostLevy(t *testing.T) {
	oc := ocLoad(t)
	b, err := oc.EmployerCost(ocDec("52000"), des.MustDate(2024, 10, 1), oncost.Options{Levy: true})
	require.NoError(t, err)
	ocMoney(t, "260.00", b.Levy)
	ocMoney(t, "0.005", b.LevyRate)
	ocMoney(t, "65657.80", b.Total)
	require.Len(t, b.Sources, 3)
	require.Equal(t, "test levy", b.Sources[2].Document)
	require.Contains(t, b.Explain(), "+ apprenticeship levy 0.5% × £52,000.00 = £260.00 = £65,657.80")
	require.Contains(t, b.Explain(), "apprenticeship levy: test levy")

	// The levy's own coverage matters only when it is asked for.
	_, err = oc.EmployerCost(ocDec("52000"), des.MustDate(2026, 3, 1), oncost.Options{Levy: true})
	require.NoError(t, err)
}

// Each part is rounded half-up to the penny and the total is their sum.
func TestEmployerCostRounding(t *testing.T) {
	oc := ocLoad(t)
	// 73,114: NI 0.138 × 64,014 = 8,833.932; pension 0.1438 × 73,114 = 10,513.7932.
	b, err := oc.EmployerCost(ocDec("73114"), des.MustDate(2024, 10, 1), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "8833.93", b.EmployerNI)
	ocMoney(t, "10513.79", b.Pension)
	ocMoney(t, "92461.72", b.Total)
	// A salary with part-pennies is rounded first: 30000.005 → 30000.01.
	b, err = oc.EmployerCost(ocDec("30000.005"), des.MustDate(2024, 10, 1), oncost.Options{Levy: true})
	require.NoError(t, err)
	ocMoney(t, "30000.01", b.Salary)
	ocMoney(t, b.Salary.Add(b.EmployerNI).Add(b.Pension).Add(b.Levy).String(), b.Total)
	for _, d := range []decimal.Decimal{b.Salary, b.EmployerNI, b.Pension, b.Levy, b.Total} {
		require.LessOrEqual(t, money.Places(d), 2, d.String())
	}
}

func TestEmployerCostErrors(t *testing.T) {
	oc := ocLoad(t)
	_, err := oc.EmployerCost(ocDec("-1"), des.MustDate(2024, 10, 1), oncost.Options{})
	require.ErrorIs(t, err, des.ErrInvalid)
	_, err = oc.EmployerCost(ocDec("1"), des.Date{}, oncost.Options{})
	require.ErrorIs(t, err, des.ErrInvalid)

	for _, tc := range []struct {
		on    des.Date
		opt   oncost.Options
		field string
	}{
		{des.MustDate(2024, 4, 5), oncost.Options{}, "employer_ni"},       // before the first NI rule
		{des.MustDate(2026, 4, 6), oncost.Options{}, "employer_ni"},       // after the last NI rule's to
		{des.MustDate(2024, 4, 1), oncost.Options{}, "employer_ni"},       // NI starts 6 April
		{des.MustDate(2026, 4, 1), oncost.Options{}, "pension"},           // NI covers it, pension does not
		{des.MustDate(2026, 4, 5), oncost.Options{Levy: true}, "pension"}, // pension ends 31 March 2026
		{des.MustDate(2025, 6, 1), oncost.Options{Levy: true}, ""},        // all covered
		{des.MustDate(2016, 6, 1), oncost.Options{Levy: true}, "employer_ni"},
	} {
		_, err := oc.EmployerCost(ocDec("52000"), tc.on, tc.opt)
		if tc.field == "" {
			require.NoError(t, err, tc.on.String())
			continue
		}
		require.ErrorIs(t, err, des.ErrNoRate, tc.on.String())
		var fe *des.FieldError
		require.ErrorAs(t, err, &fe)
		require.Equal(t, tc.field, fe.Field, tc.on.String())
		require.Contains(t, err.Error(), tc.on.String())
	}

	// A file with no levy rules refuses the levy option, not the cost.
	noLevy := strings.Replace(ocTestFile, "[[apprenticeship_levy]]\nfrom = 2017-04-06\nto = 2026-04-05\nrate = \"0.005\"\nsource = \"test levy\"\nurl = \"https://example.org/levy\"\nconfidence = \"single\"\n", "", 1)
	require.NotEqual(t, ocTestFile, noLevy)
	oc2, err := oncost.Load("nolevy.toml", []byte(noLevy))
	require.NoError(t, err)
	_, err = oc2.EmployerCost(ocDec("52000"), des.MustDate(2024, 10, 1), oncost.Options{})
	require.NoError(t, err)
	_, err = oc2.EmployerCost(ocDec("52000"), des.MustDate(2024, 10, 1), oncost.Options{Levy: true})
	require.ErrorIs(t, err, des.ErrNoRate)

	var nilOC *oncost.Rules
	_, err = nilOC.EmployerCost(ocDec("1"), des.MustDate(2024, 10, 1), oncost.Options{})
	require.ErrorIs(t, err, des.ErrNoRate)
}

func TestOnCostsAccessorsReturnCopies(t *testing.T) {
	oc := ocLoad(t)
	ni := oc.EmployerNI()
	require.Len(t, ni, 2)
	require.Equal(t, des.MustDate(2025, 4, 5), ni[0].To, "a value without to runs to the day before the next")
	ocMoney(t, "9100", ni[0].Threshold)
	ni[0].Rate = ocDec("0.99")
	ocMoney(t, "0.138", oc.EmployerNI()[0].Rate)
	require.Len(t, oc.Pension(), 1)
	require.Len(t, oc.ApprenticeshipLevy(), 1)
	require.True(t, oc.Pension()[0].Threshold.IsZero())
	gaps := oc.Gaps()
	require.Equal(t, []des.Gap{{Item: "later years", What: "not known"}}, gaps)
	gaps[0].Item = "changed"
	require.Equal(t, "later years", oc.Gaps()[0].Item)
}

// ocLineOf returns the 1-based line of the n-th (from 1) line containing s.
func ocLineOf(t *testing.T, text, s string, n int) int {
	t.Helper()
	for i, ln := range strings.Split(text, "\n") {
		if strings.Contains(ln, s) {
			n--
			if n == 0 {
				return i + 1
			}
		}
	}
	t.Fatalf("%q not found", s)
	return 0
}

func TestLoadOnCostsErrors(t *testing.T) {
	type want struct {
		sentinel error
		field    string // "*": any field
		line     int    // 0: check only that some line is given; -1: none
	}
	sub := func(old, new string) string {
		t.Helper()
		out := strings.Replace(ocTestFile, old, new, 1)
		require.NotEqual(t, ocTestFile, out, "replacement %q not found", old)
		return out
	}
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"unknown key", sub("threshold = \"5000\"", "threshold = \"5000\"\nrat = \"0.1\""),
			[]want{{des.ErrUnknownKey, "employer_ni.rat", ocLineOf(t, ocTestFile, `threshold = "5000"`, 1) + 1}}},
		{"unknown table", ocTestFile + "\n[[holiday_pay]]\nrate = \"0.1\"\n",
			[]want{{des.ErrUnknownKey, "holiday_pay", strings.Count(ocTestFile, "\n") + 2}}},
		{"float rate", sub(`rate = "0.1438"`, `rate = 0.1438`),
			[]want{{des.ErrBadNumber, "pension[0].rate", ocLineOf(t, ocTestFile, `rate = "0.1438"`, 1)}}},
		{"float threshold", sub(`threshold = "5000"`, `threshold = 5000.0`),
			[]want{{des.ErrBadNumber, "employer_ni[1].threshold", ocLineOf(t, ocTestFile, `threshold = "5000"`, 1)}}},
		{"missing source", sub(`source = "test pension"`, ``),
			[]want{{des.ErrMissing, "pension[0].source", ocLineOf(t, ocTestFile, "[[pension]]", 1)}}},
		{"bad url", sub(`url = "https://example.org/levy"`, `url = "example.org/levy"`),
			[]want{{des.ErrMissing, "apprenticeship_levy[0].url", ocLineOf(t, ocTestFile, `url = "https://example.org/levy"`, 1)}}},
		{"bad confidence", sub(`confidence = "single"`, `confidence = "sure"`),
			[]want{{des.ErrInvalid, "apprenticeship_levy[0].confidence", ocLineOf(t, ocTestFile, `confidence = "single"`, 1)}}},
		{"negative rate", sub(`rate = "0.15"`, `rate = "-0.15"`),
			[]want{{des.ErrInvalid, "employer_ni[1].rate", ocLineOf(t, ocTestFile, `rate = "0.15"`, 1)}}},
		{"percent not fraction", sub(`rate = "0.138"`, `rate = "13.8"`),
			[]want{{des.ErrInvalid, "employer_ni[0].rate", ocLineOf(t, ocTestFile, `rate = "0.138"`, 1)}}},
		{"negative threshold", sub(`threshold = "9100"`, `threshold = "-1"`),
			[]want{{des.ErrInvalid, "employer_ni[0].threshold", ocLineOf(t, ocTestFile, `threshold = "9100"`, 1)}}},
		{"missing threshold", sub(`threshold = "9100"`, ``),
			[]want{{des.ErrMissing, "employer_ni[0].threshold", ocLineOf(t, ocTestFile, "[[employer_ni]]", 1)}}},
		{"missing monthly threshold", sub("monthly_threshold = \"417\"\n", ""),
			[]want{{des.ErrMissing, "employer_ni[1].monthly_threshold", ocLineOf(t, ocTestFile, "[[employer_ni]]", 2)}}},
		{"monthly threshold in tenths of a penny", sub(`monthly_threshold = "758"`, `monthly_threshold = "758.333"`),
			[]want{{des.ErrInvalid, "employer_ni[0].monthly_threshold", ocLineOf(t, ocTestFile, `monthly_threshold = "758"`, 1)}}},
		{"missing rate", sub(`rate = "0.005"`, ``),
			[]want{{des.ErrMissing, "apprenticeship_levy[0].rate", ocLineOf(t, ocTestFile, "[[apprenticeship_levy]]", 1)}}},
		{"missing from", sub("from = 2024-04-01\n", ""),
			[]want{{des.ErrMissing, "pension[0].from", ocLineOf(t, ocTestFile, "[[pension]]", 1)}}},
		{"out of order", sub("from = 2025-04-06", "from = 2023-04-06"),
			[]want{{des.ErrOverlap, "employer_ni[1].from", ocLineOf(t, ocTestFile, "from = 2025-04-06", 1)}}},
		{"same day", sub("from = 2025-04-06", "from = 2024-04-06"),
			[]want{{des.ErrOverlap, "employer_ni[1].from", ocLineOf(t, ocTestFile, "from = 2025-04-06", 1)}}},
		{"overlapping to", sub("from = 2024-04-06\nrate", "from = 2024-04-06\nto = 2025-04-06\nrate"),
			[]want{{des.ErrOverlap, "employer_ni[1].from", ocLineOf(t, ocTestFile, "from = 2025-04-06", 1) + 1}}},
		{"to before from", sub("to = 2026-03-31", "to = 2024-03-31"),
			[]want{{des.ErrInvalid, "pension[0].to", ocLineOf(t, ocTestFile, "to = 2026-03-31", 1)}}},
		{"last value open-ended", sub("to = 2026-03-31\n", ""),
			[]want{{des.ErrMissing, "pension[0].to", ocLineOf(t, ocTestFile, "[[pension]]", 1)}}},
		{"no pension", sub("[[pension]]\nfrom = 2024-04-01\nto = 2026-03-31\nrate = \"0.1438\"\nsource = \"test pension\"\nurl = \"https://example.org/pension\"\nconfidence = \"confirmed\"\n", ""),
			[]want{{des.ErrMissing, "pension", -1}}},
		{"empty gap", sub(`what = "not known"`, `what = ""`),
			[]want{{des.ErrMissing, "gap[0]", ocLineOf(t, ocTestFile, "[[gap]]", 1)}}},
		{"time of day", sub("from = 2024-04-01", "from = 2024-04-01T10:00:00"),
			[]want{{des.ErrBadDate, "pension[0].from", ocLineOf(t, ocTestFile, "from = 2024-04-01", 1)}}},
		{"syntax", sub("[[gap]]", "[[gap]"),
			[]want{{des.ErrSyntax, "*", ocLineOf(t, ocTestFile, "[[gap]]", 1)}}},
		{"syntax mid-line", sub(`what = "not known"`, `what = "not known" extra`),
			[]want{{des.ErrSyntax, "*", ocLineOf(t, ocTestFile, `what = "not known"`, 1)}}},
		{"unterminated string", sub(`source = "test pension"`, `source = "test pension`),
			[]want{{des.ErrSyntax, "*", ocLineOf(t, ocTestFile, `source = "test pension"`, 1)}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			oc, err := oncost.Load("bad.toml", []byte(tc.text))
			require.Error(t, err)
			require.Nil(t, oc)
			var all []*des.FieldError
			var es des.Errors
			if errors.As(err, &es) {
				for _, e := range es {
					var fe *des.FieldError
					require.ErrorAs(t, e, &fe)
					all = append(all, fe)
				}
			} else {
				var fe *des.FieldError
				require.ErrorAs(t, err, &fe)
				all = append(all, fe)
			}
			for _, w := range tc.want {
				require.ErrorIs(t, err, w.sentinel)
				found := false
				for _, fe := range all {
					if (fe.Field == w.field || w.field == "*") && errors.Is(fe, w.sentinel) {
						found = true
						require.Equal(t, "bad.toml", fe.File)
						switch {
						case w.line > 0:
							require.Equal(t, w.line, fe.Line, fe.Error())
							require.Contains(t, fe.Error(), fmt.Sprintf("bad.toml:%d: ", w.line))
						case w.line == 0:
							require.Positive(t, fe.Line, fe.Error())
						}
					}
				}
				require.True(t, found, "no %v error on %q in:\n%v", w.sentinel, w.field, err)
			}
		})
	}
}

func TestLoadOnCostsTooLarge(t *testing.T) {
	_, err := oncost.Load("big.toml", make([]byte, rulefile.MaxBytes+1))
	require.ErrorIs(t, err, des.ErrInvalid)
}

func ExampleRules_EmployerCost() {
	oc, err := oncost.Load("example.toml", []byte(`
[[employer_ni]]
from = 2024-04-06
to = 2025-04-05
rate = "0.138"
threshold = "9100"
monthly_threshold = "758"
source = "HMRC rates and thresholds 2024 to 2025"
url = "https://www.gov.uk/guidance/rates-and-thresholds-for-employers-2024-to-2025"
confidence = "confirmed"

[[pension]]
from = 2024-04-01
to = 2025-03-31
rate = "0.1438"
source = "NHSBSA employer contribution rates 2024/25"
url = "https://nhsbsa.nhs.uk/nhs-pension-scheme-employer-contribution-rates-202425"
confidence = "confirmed"
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// A band 7 first contact physiotherapist on £52,000 in 2024/25.
	b, err := oc.EmployerCost(decimal.RequireFromString("52000"), des.MustDate(2024, 10, 1), oncost.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Total.StringFixed(2))
	fmt.Println(b.Explain())
	// Output:
	// 65397.80
	// salary £52,000.00 + employer NI 13.8% × (£52,000.00 − £9,100.00) = £5,920.20 + pension 14.38% × £52,000.00 = £7,477.60 = £65,397.80 (sources: employer NI: HMRC rates and thresholds 2024 to 2025, https://www.gov.uk/guidance/rates-and-thresholds-for-employers-2024-to-2025 [confirmed]; pension: NHSBSA employer contribution rates 2024/25, https://nhsbsa.nhs.uk/nhs-pension-scheme-employer-contribution-rates-202425 [confirmed])
}

// An unknown key repeated in several tables of an array is reported once per
// occurrence, each on its own line.
func TestLoadOnCostsUnknownKeyLines(t *testing.T) {
	text := strings.Replace(ocTestFile, `threshold = "9100"`, "threshold = \"9100\"\nbasis = \"x\"", 1)
	text = strings.Replace(text, `threshold = "5000"`, "threshold = \"5000\"\nbasis = \"y\"", 1)
	_, err := oncost.Load("bad.toml", []byte(text))
	require.ErrorIs(t, err, des.ErrUnknownKey)
	var es des.Errors
	require.ErrorAs(t, err, &es)
	var lines []int
	for _, e := range es {
		var fe *des.FieldError
		require.ErrorAs(t, e, &fe)
		require.Equal(t, "employer_ni.basis", fe.Field)
		lines = append(lines, fe.Line)
	}
	require.Equal(t, []int{ocLineOf(t, text, `basis = "x"`, 1), ocLineOf(t, text, `basis = "y"`, 1)}, lines)
}

// NIRound: to the nearest penny, half a penny or less disregarded (SSCR
// 2001 reg. 12(1); HMRC NIM11002): not half-up, not truncation.
func TestNIRound(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"124.955", "124.95"},  // exactly ½p: disregarded (half-up gives 124.96)
		{"124.9551", "124.96"}, // more than ½p: up (truncation gives 124.95)
		{"124.956", "124.96"},
		{"124.954", "124.95"},
		{"0.0015", "0"},
		{"0.006", "0.01"},
		{"7", "7"},
	} {
		ocMoney(t, tc.want, oncost.NIRound(ocDec(tc.in)), tc.in)
	}
}

// PayCost on the test rules: a month's pay of £2,000 on 15 May 2024 (13.8%
// above the £758 monthly threshold): NI 13.8% × £1,242 = £171.396 → £171.40,
// pension 14.38% × £2,000 = £287.60, total £2,459.00; and the text shows the
// exact product and its penny.
func TestPayCostMonth(t *testing.T) {
	oc, err := oncost.Load("t.toml", []byte(ocTestFile))
	require.NoError(t, err)
	b, err := oc.PayCost(ocDec("2000"), des.MustDate(2024, 5, 15), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "758", b.NIThreshold)
	ocMoney(t, "171.40", b.EmployerNI)
	ocMoney(t, "287.60", b.Pension)
	ocMoney(t, "2459.00", b.Total)
	require.Contains(t, b.ExplainArithmetic(),
		"pay £2,000.00 + employer NI 13.8% × (£2,000.00 − £758.00 monthly threshold) = £171.396 → £171.40")
	_, err = oc.PayCost(ocDec("-1"), des.MustDate(2024, 5, 15), oncost.Options{})
	require.ErrorIs(t, err, des.ErrInvalid)
	require.ErrorContains(t, err, "pay")
}
