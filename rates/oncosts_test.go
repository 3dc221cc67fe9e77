package rates_test

import (
	"bytes"
	"fmt"
	"github.com/pcnfin/pcnfin/internal/money"
	"strings"
	"sync"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func ocDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// ocMoney compares decimals with Equal, never by reflection.
func ocMoney(t *testing.T, want string, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	require.Truef(t, ocDec(want).Equal(got), "want %s, got %s %v", want, got.String(), fmt.Sprint(msgAndArgs...))
}

func ocEmbedded(t *testing.T) *oncost.Rules {
	t.Helper()
	oc, err := rates.OnCosts()
	require.NoError(t, err)
	require.NotNil(t, oc)
	return oc
}

// The worked example of oncosts.md §5 (THC Primary Care): a £52,000 band 7
// first contact physiotherapist in 2024/25 costs £65,397.80.
func TestOnCostsWorkedExample2024(t *testing.T) {
	oc := ocEmbedded(t)
	b, err := oc.EmployerCost(ocDec("52000"), des.MustDate(2024, 10, 1), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "5920.20", b.EmployerNI)
	ocMoney(t, "7477.60", b.Pension)
	ocMoney(t, "0", b.Levy)
	ocMoney(t, "65397.80", b.Total)
	ocMoney(t, "0.138", b.NIRate)
	ocMoney(t, "9100", b.NIThreshold)
	ocMoney(t, "0.1438", b.PensionRate)
	require.Len(t, b.Sources, 2)
	require.Equal(t, des.Confirmed, b.Sources[0].Confidence)
	require.Equal(t, des.Confirmed, b.Sources[1].Confidence)
	require.True(t, strings.HasPrefix(b.Explain(),
		"salary £52,000.00 + employer NI 13.8% × (£52,000.00 − £9,100.00) = £5,920.20 + pension 14.38% × £52,000.00 = £7,477.60 = £65,397.80 (sources: employer NI: "), b.Explain())

	// The 2024/25 ARRS GP maximum (SSLMC): £73,114 → £92,461.72.
	b, err = oc.EmployerCost(ocDec("73114"), des.MustDate(2024, 10, 1), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "92461.72", b.Total)
}

// 2025/26: 15% above £5,000. The 2025/26 ARRS GP maximum (Humberside LMC,
// £105,882) is £82,418 plus on-costs.
func TestOnCosts2025(t *testing.T) {
	oc := ocEmbedded(t)
	b, err := oc.EmployerCost(ocDec("82418"), oncost.TaxYearStart(2025), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "0.15", b.NIRate)
	ocMoney(t, "5000", b.NIThreshold)
	ocMoney(t, "11612.70", b.EmployerNI)
	ocMoney(t, "11851.71", b.Pension)
	ocMoney(t, "105882.41", b.Total)

	b, err = oc.EmployerCost(ocDec("52000"), des.MustDate(2025, 10, 1), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "7050.00", b.EmployerNI)
	ocMoney(t, "66527.60", b.Total)

	// 1-5 April 2025 are still in tax year 2024/25.
	b, err = oc.EmployerCost(ocDec("52000"), des.YearOf(des.MustDate(2025, 6, 1)).Start(), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "0.138", b.NIRate)
	ocMoney(t, "9100", b.NIThreshold)
}

// 2022/23: 15.05% from 6 April to 5 November 2022 (the Health and Social
// Care Levy rise), 13.8% from 6 November 2022.
func TestOnCosts2022LevyMonths(t *testing.T) {
	oc := ocEmbedded(t)
	for _, tc := range []struct {
		on              des.Date
		rate, ni, total string
	}{
		{des.MustDate(2022, 4, 5), "0.138", "5956.08", "65433.68"},  // tax year 2021/22: 13.8% × (52,000 − 8,840)
		{des.MustDate(2022, 4, 6), "0.1505", "6456.45", "65934.05"}, // 15.05% × 42,900
		{des.MustDate(2022, 11, 5), "0.1505", "6456.45", "65934.05"},
		{des.MustDate(2022, 11, 6), "0.138", "5920.20", "65397.80"},
		{des.MustDate(2023, 4, 6), "0.138", "5920.20", "65397.80"},
	} {
		b, err := oc.EmployerCost(ocDec("52000"), tc.on, oncost.Options{})
		require.NoError(t, err, tc.on.String())
		ocMoney(t, tc.rate, b.NIRate, tc.on)
		threshold := "9100"
		if tc.on.Before(des.MustDate(2022, 4, 6)) {
			threshold = "8840"
		}
		ocMoney(t, threshold, b.NIThreshold, tc.on)
		ocMoney(t, tc.ni, b.EmployerNI, tc.on)
		ocMoney(t, tc.total, b.Total, tc.on)
	}
}

// The secondary thresholds of every tax year, and the NI rate in each.
func TestOnCostsNIByTaxYear(t *testing.T) {
	oc := ocEmbedded(t)
	for _, tc := range []struct {
		year                     int
		rate, threshold, monthly string
	}{
		// monthly: HMRC's published monthly secondary thresholds (not the
		// annual ÷ 12: £8,840 ÷ 12 = £736.67, published £737)
		{2018, "0.138", "8424", "702"},
		{2019, "0.138", "8632", "719"},
		{2020, "0.138", "8788", "732"},
		{2021, "0.138", "8840", "737"},
		{2022, "0.1505", "9100", "758"},
		{2023, "0.138", "9100", "758"},
		{2024, "0.138", "9100", "758"},
		{2025, "0.15", "5000", "417"},
		{2026, "0.15", "5000", "417"},
	} {
		var got oncost.Rule
		found := false
		for _, r := range oc.EmployerNI() {
			if r.From == des.MustDate(tc.year, 4, 6) {
				got, found = r, true
			}
		}
		require.True(t, found, "no NI rule from 6 April %d", tc.year)
		ocMoney(t, tc.rate, got.Rate, tc.year)
		ocMoney(t, tc.threshold, got.Threshold, tc.year)
		ocMoney(t, tc.monthly, got.MonthlyThreshold, tc.year)
	}
}

// Issue 19's part-time case, on the embedded rates: a 0.5 WTE pharmacy
// technician on a £30,000 full-time salary in 2025/26 is paid £1,250.00 a
// month. Employer NI per month: 15% × (£1,250.00 − £417.00) = £124.95;
// pension 14.38% × £1,250.00 = £179.75; £1,554.70 a month, £18,656.40 a
// year (£375.60 less than half a full-time £38,064.00).
func TestPayCostPartTimeTechnician2025(t *testing.T) {
	oc := ocEmbedded(t)
	b, err := oc.PayCost(ocDec("1250"), des.MustDate(2025, 6, 15), oncost.Options{})
	require.NoError(t, err)
	require.True(t, b.Monthly)
	ocMoney(t, "417", b.NIThreshold)
	ocMoney(t, "124.95", b.EmployerNI)
	ocMoney(t, "179.75", b.Pension)
	ocMoney(t, "1554.70", b.Total)
	ocMoney(t, "18656.40", b.Total.Mul(decimal.NewFromInt(12)))
	full, err := oc.EmployerCost(ocDec("30000"), des.MustDate(2025, 6, 15), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "38064.00", full.Total) // 30,000 + 15% × 25,000 + 14.38% × 30,000
	ocMoney(t, "375.60", full.Total.Div(decimal.NewFromInt(2)).Sub(b.Total.Mul(decimal.NewFromInt(12))))
	require.Contains(t, b.Explain(), "pay £1,250.00 + employer NI 15% × (£1,250.00 − £417.00 monthly threshold) = £124.95"+
		" + pension 14.38% × £1,250.00 = £179.75 = £1,554.70")
}

// Pay just below, at and just above the 2025/26 monthly threshold (£417),
// and NI's own rounding: to the nearest penny, half a penny or less
// disregarded (SSCR 2001 reg. 12(1), HMRC NIM11002). Hand-worked:
//
//	£416.99: nothing; £417.00: nothing (at the threshold);
//	£417.01: 15% × £0.01 = £0.0015 → £0.00;
//	£417.04: 15% × £0.04 = £0.006 → £0.01 (truncating gives £0.00);
//	£417.10: 15% × £0.10 = £0.015, exactly ½p → £0.01 (half-up gives £0.02);
//	£1,250.04: 15% × £833.04 = £124.956 → £124.96 (truncating: £124.95);
//	  pension 14.38% × £1,250.04 = £179.755752 → £179.76 (truncating: £179.75).
func TestPayCostAroundTheMonthlyThreshold(t *testing.T) {
	oc := ocEmbedded(t)
	on := des.MustDate(2025, 9, 15)
	for _, tc := range []struct{ pay, ni, pension, total string }{
		{"416.99", "0", "59.96", "476.95"}, // 14.38% × 416.99 = 59.963162
		{"417.00", "0", "59.96", "476.96"}, // 59.9646
		{"417.01", "0", "59.97", "476.98"}, // 59.967038
		{"417.04", "0.01", "59.97", "477.02"},
		{"417.10", "0.01", "59.98", "477.09"}, // 59.97898
		{"1250.04", "124.96", "179.76", "1554.76"},
	} {
		b, err := oc.PayCost(ocDec(tc.pay), on, oncost.Options{})
		require.NoError(t, err, tc.pay)
		ocMoney(t, tc.ni, b.EmployerNI, "NI on ", tc.pay)
		ocMoney(t, tc.pension, b.Pension, "pension on ", tc.pay)
		ocMoney(t, tc.total, b.Total, "total on ", tc.pay)
	}
}

// The tax year starts on 6 April (NI rates go by the pay date); the pension
// scheme year on 1 April. Pay of £2,500 dated 15 April 2025 is in 2025/26:
// 15% × (£2,500 − £417) = £312.45; dated 5 April 2025 it is still 2024/25:
// 13.8% × (£2,500 − £758) = £240.396 → £240.40. In November 2022 the
// 1.25 point rise was reversed from the 6th: 15 November 2022 pays 13.8%,
// 5 November 15.05% × £1,742 = £262.171 → £262.17.
func TestPayCostTaxYearByPayDate(t *testing.T) {
	oc := ocEmbedded(t)
	for _, tc := range []struct {
		on        des.Date
		rate, thr string
		ni        string
	}{
		{des.MustDate(2025, 4, 15), "0.15", "417", "312.45"},
		{des.MustDate(2025, 4, 5), "0.138", "758", "240.40"},
		{des.MustDate(2022, 11, 15), "0.138", "758", "240.40"},
		{des.MustDate(2022, 11, 5), "0.1505", "758", "262.17"},
	} {
		b, err := oc.PayCost(ocDec("2500"), tc.on, oncost.Options{})
		require.NoError(t, err)
		ocMoney(t, tc.rate, b.NIRate, tc.on)
		ocMoney(t, tc.thr, b.NIThreshold, tc.on)
		ocMoney(t, tc.ni, b.EmployerNI, tc.on)
		ocMoney(t, "359.50", b.Pension, tc.on) // 14.38% × 2,500
	}
}

func TestOnCostsBelowThreshold(t *testing.T) {
	oc := ocEmbedded(t)
	b, err := oc.EmployerCost(ocDec("4000"), des.MustDate(2025, 10, 1), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "0", b.EmployerNI)
	ocMoney(t, "575.20", b.Pension)
	ocMoney(t, "4575.20", b.Total)
	b, err = oc.EmployerCost(ocDec("9000"), des.MustDate(2024, 10, 1), oncost.Options{})
	require.NoError(t, err)
	ocMoney(t, "0", b.EmployerNI)
	require.Contains(t, b.Explain(), "salary not above the £9,100.00 threshold")
}

func TestOnCostsLevyOption(t *testing.T) {
	oc := ocEmbedded(t)
	b, err := oc.EmployerCost(ocDec("52000"), des.MustDate(2024, 10, 1), oncost.Options{Levy: true})
	require.NoError(t, err)
	ocMoney(t, "0.005", b.LevyRate)
	ocMoney(t, "260.00", b.Levy)
	ocMoney(t, "65657.80", b.Total)
	require.Len(t, b.Sources, 3)
	b, err = oc.EmployerCost(ocDec("52000"), des.MustDate(2026, 10, 1), oncost.Options{Levy: true})
	require.NoError(t, err)
	ocMoney(t, "260.00", b.Levy)
	require.Equal(t, des.Single, b.Sources[2].Confidence)
	require.Equal(t, des.Uncertain, b.Sources[1].Confidence, "the 2026/27 pension share is inferred")
}

// The data covers DES years 2019/20 to 2026/27 and refuses dates outside:
// nothing is carried forward past its sources.
func TestOnCostsCoverage(t *testing.T) {
	oc := ocEmbedded(t)
	for y := des.Year(2019); y <= 2026; y++ {
		for _, d := range []des.Date{y.Start(), oncost.TaxYearStart(y), y.End()} {
			_, err := oc.EmployerCost(ocDec("30000"), d, oncost.Options{Levy: true})
			require.NoError(t, err, d.String())
		}
	}
	for _, d := range []des.Date{des.MustDate(2019, 3, 31), des.MustDate(2027, 4, 1), des.MustDate(2027, 4, 6)} {
		_, err := oc.EmployerCost(ocDec("30000"), d, oncost.Options{})
		require.ErrorIs(t, err, des.ErrNoRate, d.String())
	}
}

// Every embedded figure names a document, an address and a confidence; the
// lists are in date order and end with a stated last day.
func TestOnCostsEveryFigureSourced(t *testing.T) {
	oc := ocEmbedded(t)
	for name, rules := range map[string][]oncost.Rule{"employer_ni": oc.EmployerNI(), "pension": oc.Pension(), "apprenticeship_levy": oc.ApprenticeshipLevy()} {
		require.NotEmpty(t, rules, name)
		for i, r := range rules {
			require.NotEmpty(t, strings.TrimSpace(r.Source.Document), "%s[%d]", name, i)
			require.True(t, strings.HasPrefix(r.Source.URL, "http"), "%s[%d]", name, i)
			require.Contains(t, []des.Confidence{des.Confirmed, des.Single, des.Uncertain}, r.Source.Confidence)
			require.False(t, r.To.IsZero(), "%s[%d]", name, i)
			if i > 0 {
				require.True(t, rules[i-1].To.Before(r.From), "%s[%d]", name, i)
			}
		}
	}
	gaps := oc.Gaps()
	require.NotEmpty(t, gaps)
	for _, g := range gaps {
		require.NotEmpty(t, g.Item)
		require.NotEmpty(t, g.What)
	}
}

func TestOnCostsLoadedOnceAndShared(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*oncost.Rules, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			oc, err := rates.OnCosts()
			if err == nil {
				_, _ = oc.EmployerCost(ocDec("52000"), des.MustDate(2024, 10, 1), oncost.Options{})
			}
			got[i] = oc
		}()
	}
	wg.Wait()
	for _, oc := range got {
		require.Same(t, got[0], oc)
	}
	f := rates.OnCostsFile()
	require.True(t, bytes.Contains(f, []byte("[[employer_ni]]")))
	f[0] = 'X'
	require.False(t, bytes.Equal(f, rates.OnCostsFile()), "OnCostsFile returns a copy")
}

func ExampleOnCosts() {
	oc, err := rates.OnCosts()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, y := range []des.Year{2024, 2025} {
		// A band 7 first contact physiotherapist on £52,000, with the rates
		// of the tax year that starts in the DES year.
		b, err := oc.EmployerCost(decimal.RequireFromString("52000"), oncost.TaxYearStart(y), oncost.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: NI %s + pension %s = %s\n", y, money.Pounds(b.EmployerNI), money.Pounds(b.Pension), money.Pounds(b.Total))
	}
	// Output:
	// 2024/25: NI £5,920.20 + pension £7,477.60 = £65,397.80
	// 2025/26: NI £7,050.00 + pension £7,477.60 = £66,527.60
}
