package arrs_test

import (
	"github.com/pcnfin/pcnfin/internal/money"
	"github.com/pcnfin/pcnfin/internal/names"
	"github.com/pcnfin/pcnfin/internal/strict"

	"fmt"
	"github.com/pcnfin/pcnfin/des/derive"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"strings"
	"testing"
	"time"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/des/oncost"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/pcnfin/pcnfin/scenario"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// Every exported function and method of des, des/oncost, arrs,
// scenario and rates, called with zero values and nil: none panics,
// except the documented Must* functions. Where the issue names a call,
// its error is checked too. (A hand-written list: a new exported function
// needs its line here.)
func TestPublicAPIZeroValuesNeverPanic(t *testing.T) {
	var (
		rs     des.RuleSet
		nrs    *des.RuleSet
		d      des.Date
		y      des.Year
		n      des.Number
		dd     decimal.Decimal
		pcn    des.PCN
		pr     des.Practice
		br     *derive.BandRules
		oc     *oncost.Rules
		ocz    oncost.Rules
		plan   *arrs.Plan
		planz  arrs.Plan
		sc     *scenario.Scenario
		scz    scenario.Scenario
		res    arrs.Result
		sr     arrs.StaffResult
		pot    arrs.Pot
		w      arrs.WTE
		st     arrs.Staff
		bd     oncost.Breakdown
		amt    des.Amount
		ent    des.Entitlements
		est    scenario.IIFEstimate
		role   des.Role
		mx     des.Maximum
		cp     des.Cap
		ar     des.ARRSRules
		pt     des.Part
		fe     *des.FieldError
		es     des.Errors
		mfe    *des.MissingFigureError
		chk    derive.Check
		award  derive.PayAward
		src    des.Source
		basis  des.Basis
		conf   des.Confidence
		fcast  scenario.Forecast
		afford arrs.Affordability
	)
	mustPanic := map[string]bool{"des.MustDate": true, "des.MustParseNumber": true}
	calls := []struct {
		name string
		f    func() error
	}{
		// des: dates, years, numbers
		{"des.NewDate", func() error { _, err := des.NewDate(0, 0, 0); _ = err; return nil }},
		{"des.MustDate", func() error { des.MustDate(0, 0, 0); return nil }},
		{"des.ParseDate", func() error { _, err := des.ParseDate(""); _ = err; return nil }},
		{"des.Year.Month", func() error {
			yy, m := des.Year(2025).Month(99)
			return expect(yy == 0 && m == 0, "Month(99) = %d %v", yy, m)
		}},
		{"des.Date.AddDays", func() error { return expect(d.AddDays(5).IsZero(), "Date{}.AddDays(5) = %v", d.AddDays(5)) }},
		{"des.Date methods", func() error {
			_ = d.Year() + d.Day() + int(d.Month()) + d.Compare(d) + d.Days(d)
			_, _ = d.String(), d.Time()
			_, _, _ = d.Before(d), d.After(d), d.FirstOfMonth()
			_, _ = d.MarshalText()
			var p des.Date
			_ = p.UnmarshalText(nil)
			_ = p.UnmarshalTOML(nil)
			return nil
		}},
		{"des.Year methods", func() error {
			_, _, _, _ = y.String(), y.FileName(), y.Start(), y.End()
			_, _, _ = y.Contains(d), y.MonthIndex(d), y.ReferenceDate()
			_, _ = y.MarshalText()
			var p des.Year
			_ = p.UnmarshalText(nil)
			_ = p.UnmarshalTOML(nil)
			_ = des.YearOf(d)
			_, err := des.ParseYear("")
			_ = err
			return nil
		}},
		{"des.Number", func() error {
			_, _, _ = n.Decimal(), n.IsSet(), n.String()
			_, _ = n.MarshalText()
			var p des.Number
			_ = p.UnmarshalText(nil)
			_ = p.UnmarshalTOML(nil)
			_, _ = des.NumberOf(dd), des.WholeNumber(0)
			_ = money.Places(dd)
			_, err := strict.ParseDecimal("")
			_ = err
			return nil
		}},
		{"des.MustParseNumber", func() error { des.MustParseNumber(""); return nil }},
		{"des money", func() error {
			_, _, _, _, _ = money.RoundPenny(dd), money.Pounds(dd), money.Thousands(""), money.FormatRate(dd), money.PoundsPennies(0)
			return nil
		}},
		{"des roles", func() error {
			_, _, _, _ = names.RoleIDs(), names.KnownRole(""), names.SessionalRole(""), names.UnknownRoleMsg("")
			return nil
		}},
		// des: rule sets and entitlements
		{"des.Entitle zero", func() error {
			_, err := des.Entitle(&rs, pcn, des.Options{})
			return wantErr(err)
		}},
		{"des.Entitle nil", func() error { _, err := des.Entitle(nil, pcn, des.Options{}); return wantErr(err) }},
		{"des.NewEntitler zero", func() error {
			e, err := des.NewEntitler(&rs, des.Options{})
			if err == nil {
				_, err = e.Sums(pcn)
			}
			return wantErr(err)
		}},
		{"des.RuleSet nil methods", func() error {
			_, _, _, _, _ = nrs.Year(), nrs.Title(), nrs.File(), nrs.Payments(), nrs.Gaps()
			_, _ = nrs.Payment("")
			_ = nrs.ARRS()
			_, _ = nrs.String(), nrs.SourcedOnly()
			_, _ = nrs.IIF()
			_, _ = nrs.Projected()
			_, _, _, _ = rs.Year(), rs.Payments(), rs.String(), rs.SourcedOnly()
			return nil
		}},
		{"rulefile.Read", func() error { _, err := rulefile.Read("", nil); return wantErr(err) }},
		{"rulefile.ReadFile", func() error { _, err := rulefile.ReadFile(""); return wantErr(err) }},
		{"rulefile.ReadBands", func() error { _, _ = rulefile.ReadBands("", nil); return nil }},
		{"derive.BandRules nil", func() error {
			_, _, _ = br.Bands(), br.PayGroups(), br.Awards()
			_, _ = br.Band("")
			return nil
		}},
		{"derive.Complete", func() error { _, err := derive.Complete(nil, nil, nil); _ = err; return nil }},
		{"derive.Complete zero", func() error { _, err := derive.Complete([]*des.RuleSet{nil, &rs}, nil, nil); _ = err; return nil }},
		{"derive.LeaveOneOut", func() error { _, err := derive.LeaveOneOut(nil, nil, nil); _ = err; return nil }},
		{"derive.Project", func() error { _, err := derive.Project(nil, 0, derive.Projection{}); return wantErr(err) }},
		{"derive.Project zero", func() error { _, err := derive.Project(&rs, 0, derive.Projection{}); return wantErr(err) }},
		{"derive.ProjectFrom", func() error {
			_, err := derive.ProjectFrom([]*des.RuleSet{nil, &rs}, 0, derive.Projection{})
			return wantErr(err)
		}},
		{"derive.GrowthFactor", func() error { _ = derive.GrowthFactor(dd, 0); return nil }},
		{"national.ReadPCNs", func() error {
			_, _, err := national.ReadPCNs("", strings.NewReader(""), national.PCNOptions{})
			_ = national.PCNColumns()
			_ = err
			return nil
		}},
		{"des values", func() error {
			_, _ = pcn.Total(des.Registered, "")
			_ = pcn.Validate()
			_, _ = pr.Figure(basis)
			_, _, _ = basis.Noun(), conf.Letter(), conf.Sourced()
			_ = src.String()
			_, _ = amt.Explain(), est.Explain()
			_, _ = ent.ARRSSum("")
			_, _ = ent.Payment("")
			_ = role.MaximaInForce(d)
			_ = mx.Sourced()
			_ = mx.SourceFor(0)
			_ = cp.LimitFor(0)
			_ = cp.Large(0)
			_, _ = ar.Role("")
			_ = pt.InForce(d)
			_ = chk.Difference()
			_ = award.Backdated()
			_ = es.Error()
			_ = es.Unwrap()
			_ = (&des.FieldError{}).Error()
			_ = (&des.MissingFigureError{}).Error()
			_, _ = fe, mfe
			return nil
		}},
		// des/oncost
		{"oncost.Load", func() error { _, err := oncost.Load("", nil); return wantErr(err) }},
		{"oncost.TaxYearStart", func() error { _ = oncost.TaxYearStart(2025); return nil }},
		{"oncost nil", func() error {
			_, _, _, _ = oc.EmployerNI(), oc.Pension(), oc.ApprenticeshipLevy(), oc.Gaps()
			_ = oc.CarriedForward()
			_, _, _, err := oc.RatesOn(d)
			_, err2 := oc.EmployerCost(dd, d, oncost.Options{})
			_, err3 := ocz.EmployerCost(dd, des.MustDate(2025, 5, 1), oncost.Options{})
			_ = ocz.CarriedForward()
			_, _ = bd.Explain(), bd.Projected()
			return wantErr(err, err2, err3)
		}},
		// arrs
		{"arrs.Compile zero", func() error { _, err := arrs.Compile(&rs, arrs.Options{}); return wantErr(err) }},
		{"arrs.Compile nil", func() error { _, err := arrs.Compile(nil, arrs.Options{}); return wantErr(err) }},
		{"arrs.Calculate zero", func() error { _, err := arrs.Calculate(&rs, pcn, nil, arrs.Options{}); return wantErr(err) }},
		{"arrs.Plan nil", func() error {
			_, _, _ = plan.Year(), plan.RuleSet(), plan.Roles()
			_, err := plan.Calculate(pcn, nil)
			_, err2 := plan.CalculateAll(nil)
			_, err3 := plan.Afford(pcn, nil, arrs.Hire{})
			if b := plan.CalculateBatch([]arrs.PCNInput{{}}, 0); b.Len() != 1 || b.Err(0) == nil {
				return fmt.Errorf("CalculateBatch on a nil plan: %d PCNs, error %v", b.Len(), b.Err(0))
			}
			return wantErr(err, err2, err3)
		}},
		{"arrs.Batch nil", func() error {
			var b *arrs.Batch
			_, _, _, _ = b.Len(), b.Plan(), b.Err(0), b.Totals(3)
			if b.Staff(0) != nil {
				return fmt.Errorf("nil batch has staff")
			}
			_, err := b.Result(0)
			rs, err2 := b.Results()
			if len(rs) != 0 {
				return fmt.Errorf("nil batch has %d results", len(rs))
			}
			var z arrs.Batch
			_, err3 := z.Result(-1)
			if err2 != nil {
				return fmt.Errorf("Results of a nil batch: %v", err2)
			}
			return wantErr(err, err3)
		}},
		{"arrs.Plan zero", func() error {
			_, _, _ = planz.Year(), planz.RuleSet(), planz.Roles()
			_, err := planz.Calculate(pcn, []arrs.Staff{st})
			_, err2 := planz.CalculateAll([]arrs.PCNInput{{}})
			_, err3 := planz.Afford(pcn, []arrs.Staff{st}, arrs.Hire{})
			return wantErr(err, err2, err3)
		}},
		{"arrs WTE", func() error {
			_, err := arrs.WTEOf(dd)
			_, err2 := arrs.WTEHours(dd, dd)
			_, err3 := arrs.WTESessions(decimal.NewFromInt(6), dd)
			if err3 != nil && strings.Contains(err3.Error(), "hours 6 a week of 0") {
				return fmt.Errorf("WTESessions(6, 0): %v", err3)
			}
			_, _, _ = w.Decimal(), w.IsZero(), w.String()
			_, _ = w.MarshalText()
			_ = w.Mul(2)
			return wantErr(err, err2, err3)
		}},
		{"arrs values", func() error {
			_ = st.Validate()
			_, _ = res.Pot("")
			_ = res.OverCommitted()
			_ = sr.Explain()
			_, _ = sr.MarshalJSON()
			_ = (&arrs.StaffResult{}).UnmarshalJSON([]byte("null"))
			_ = pot.Explain()
			_, _ = pot.MarshalJSON()
			_ = (&arrs.Pot{}).UnmarshalJSON([]byte("null"))
			_ = afford
			_ = arrs.OnCostRules(nil)
			_ = arrs.OnCostRules(&ocz)
			return nil
		}},
		// scenario
		{"scenario.Load", func() error { _, err := scenario.Load("", nil); return wantErr(err) }},
		{"scenario.LoadFile", func() error { _, err := scenario.LoadFile(""); return wantErr(err) }},
		{"scenario.Run nil", func() error { _, err := scenario.Run(nil, nil, nil, scenario.Options{}); return wantErr(err) }},
		{"scenario.Run nil rule set", func() error {
			_, err := scenario.Run(&scz, []des.Year{2025}, []*des.RuleSet{nil}, scenario.Options{})
			return wantErr(err)
		}},
		{"scenario.Run zero rule set", func() error {
			_, err := scenario.Run(&scz, []des.Year{2025}, []*des.RuleSet{&rs}, scenario.Options{})
			return wantErr(err)
		}},
		{"scenario nil methods", func() error {
			_, _, _ = sc.BaseYear(), sc.PCN(2025), sc.Roster(2025)
			_ = sc.CheckRoles(nil)
			_, err := sc.Year(2025, nil, scenario.Options{})
			_, err2 := sc.RuleSet(2025, nil, scenario.Options{})
			_ = fcast
			return wantErr(err, err2)
		}},
		{"scenario zero methods", func() error {
			_, _, _ = scz.BaseYear(), scz.PCN(0), scz.Roster(0)
			_ = scz.CheckRoles(nil)
			_, err := scz.Year(0, nil, scenario.Options{})
			_, err2 := scz.RuleSet(0, []*des.RuleSet{nil, &rs}, scenario.Options{})
			return wantErr(err, err2)
		}},
		// rates
		{"rates", func() error {
			_, _ = rates.Years(), rates.Latest()
			_, _ = rates.All()
			_, _ = rates.Roles(), rates.Today()
			_ = rates.CurrentYear(d)
			_ = rates.LatestWithMaxima([]*des.RuleSet{nil, &rs})
			_, err := rates.Year(0)
			_, err2 := rates.YearNamed("")
			_, err3 := rates.File(0)
			_, err4 := rates.AsStated(0)
			_, err5 := rates.Find([]*des.RuleSet{nil, &rs}, 0)
			_, _, err6 := rates.WithFile("/nonexistent")
			_ = rates.CheckUsed(nil, nil)
			_ = rates.CheckUsed(&rs, nil)
			_, _ = rates.OnCosts()
			_ = rates.OnCostsFile()
			return wantErr(err, err2, err3, err4, err5, err6)
		}},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			var err error
			panicked := func() (p any) {
				defer func() { p = recover() }()
				err = c.f()
				return nil
			}()
			if mustPanic[c.name] {
				require.NotNil(t, panicked, "%s documents that it panics on bad input", c.name)
				return
			}
			require.Nil(t, panicked, "%s panicked", c.name)
			require.NoError(t, err)
		})
	}
	_ = time.April
}

// wantErr is nil when every err is an error (the call refused its input).
func wantErr(errs ...error) error {
	for i, err := range errs {
		if err == nil {
			return fmt.Errorf("call %d returned a nil error for zero or nil input", i)
		}
	}
	return nil
}

func expect(ok bool, format string, args ...any) error {
	if !ok {
		return fmt.Errorf(format, args...)
	}
	return nil
}
