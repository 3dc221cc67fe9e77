package rates

import (
	"fmt"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"slices"
	"strings"
	"time"

	"github.com/pcnfin/pcnfin/des"
)

// The catalogue: which years there are, which one is current, and the
// rule sets a program works with (the embedded ones, with a user's own
// file in place of its year). Years past the last published rule set are
// projected by package scenario (Scenario.RuleSet), from these.

// CurrentYear is the DES year containing the date on, as far as the
// catalogue reaches: a date after the latest embedded year gives the
// latest, a date before the first gives the first. It is the default year
// of every example program (with on = today).
func CurrentYear(on des.Date) des.Year {
	ys := Years()
	if len(ys) == 0 {
		return 0
	}
	return min(max(des.YearOf(on), ys[0]), ys[len(ys)-1])
}

// Today is today's date in the UK, for CurrentYear.
func Today() des.Date {
	t := time.Now()
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		t = t.In(loc)
	}
	return des.MustDate(t.Year(), t.Month(), t.Day())
}

// LatestWithMaxima is the latest year among sets whose rule set gives at
// least one ARRS role maximum (the latest year may have none yet), or zero.
func LatestWithMaxima(sets []*des.RuleSet) des.Year {
	var best des.Year
	for _, rs := range sets {
		for _, r := range rs.ARRS().Roles {
			if len(r.Maxima) > 0 && rs.Year() > best {
				best = rs.Year()
			}
		}
	}
	return best
}

// Find returns the rule set for year y among sets (the last one listed
// for y, so a user's own file after the embedded ones wins). The error
// wraps des.ErrUnknownYear and lists the years there are.
func Find(sets []*des.RuleSet, y des.Year) (*des.RuleSet, error) {
	var found *des.RuleSet
	var ys []string
	for _, rs := range sets {
		if rs.Year() == y && y != 0 { // a nil or zero rule set has no year
			found = rs
		}
		ys = append(ys, rs.Year().String())
	}
	if found == nil {
		return nil, fmt.Errorf("%w: %s (published: %s)", des.ErrUnknownYear, y, strings.Join(slices.Compact(ys), ", "))
	}
	return found, nil
}

// WithFile returns the embedded rule sets with the rule set in the file at
// path (if path is not empty) in place of the embedded one for its year,
// oldest first, and that user's rule set (nil when path is empty), completed
// by Complete. It parses every year; ForYears gives what some years need.
func WithFile(path string) (sets []*des.RuleSet, user *des.RuleSet, err error) {
	all, err := All()
	if err != nil {
		return nil, nil, err
	}
	if path != "" {
		if user, err = LoadOwn(path); err != nil {
			return nil, nil, err
		}
	}
	return withOwn(all, user), user, nil
}

// LoadOwn loads a rule set of your own from the file at path
// (rulefile.ReadFile) and completes it as the embedded years are
// (Complete): its sourced figures win, the band model derives the maxima it
// leaves out, and carry is honoured.
func LoadOwn(path string) (*des.RuleSet, error) {
	own, err := rulefile.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Complete(own)
}

// ForYears returns the rule sets that working out the given years needs,
// oldest first, with own (a rule set of your own from LoadOwn, or nil) in
// place of the embedded one for its year, and own always among them: the
// rule set of each year, parsing only those years (Year). When a year has
// no rule set (before the first or past the last embedded year: a year to
// project from the years before it), or no years are given, it is every
// embedded year, as WithFile gives them. For the years given, the scenario
// functions (scenario) give the same results from these as from
// WithFile's.
func ForYears(years []des.Year, own *des.RuleSet) ([]*des.RuleSet, error) {
	namesOnce.Do(catalogue)
	all := len(years) == 0
	for _, y := range years {
		if _, ok := byYear[y]; !ok && (own == nil || own.Year() != y) {
			all = true
		}
	}
	if all {
		sets, err := All()
		if err != nil {
			return nil, err
		}
		return withOwn(sets, own), nil
	}
	var sets []*des.RuleSet
	for _, y := range slices.Compact(slices.Sorted(slices.Values(years))) {
		if own != nil && own.Year() == y {
			continue
		}
		rs, err := Year(y)
		if err != nil {
			return nil, err
		}
		sets = append(sets, rs)
	}
	return withOwn(sets, own), nil
}

// withOwn is sets with own (if not nil) in place of the one for its year,
// oldest first.
func withOwn(sets []*des.RuleSet, own *des.RuleSet) []*des.RuleSet {
	if own == nil {
		return sets
	}
	sets = slices.DeleteFunc(slices.Clone(sets), func(rs *des.RuleSet) bool { return rs.Year() == own.Year() })
	sets = append(sets, own)
	slices.SortStableFunc(sets, func(a, b *des.RuleSet) int { return int(a.Year() - b.Year()) })
	return sets
}

// CheckUsed refuses a user's own rule set (from WithFile) for a year that
// is not among the years being worked out: used silently it would not be,
// and the output would show the embedded rules instead. A nil user is fine.
func CheckUsed(user *des.RuleSet, years []des.Year) error {
	if user == nil || slices.Contains(years, user.Year()) {
		return nil
	}
	var ys []string
	for _, y := range years {
		ys = append(ys, y.String())
	}
	return &des.FieldError{File: user.File(), Field: "year",
		Msg: fmt.Sprintf("this rule set is for %s, a year not being worked out (%s): it would be silently unused; "+
			"ask for %s, or leave the file out", user.Year(), strings.Join(ys, ", "), user.Year()), Err: des.ErrUnknownYear}
}
