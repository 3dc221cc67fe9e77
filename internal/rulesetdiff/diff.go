// Package rulesetdiff compares rule sets exactly, for tests: every exported
// figure, text and date, and each decimal by its coefficient and exponent
// (so "2.50" and "2.5" differ, as they may in the fast paths that read a
// decimal's exponent).
package rulesetdiff

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/pcnfin/pcnfin/des"
	"github.com/shopspring/decimal"
)

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	dateType    = reflect.TypeFor[des.Date]()
)

// Dump writes out everything a rule set's accessors give, one field a line.
func Dump(rs *des.RuleSet) string {
	var b strings.Builder
	fmt.Fprintf(&b, "year %s\ntitle %q\nfile %q\n", rs.Year(), rs.Title(), rs.File())
	b.WriteString("payments ")
	dump(&b, reflect.ValueOf(rs.Payments()), "")
	b.WriteString("\narrs ")
	dump(&b, reflect.ValueOf(rs.ARRS()), "")
	b.WriteString("\ngaps ")
	dump(&b, reflect.ValueOf(rs.Gaps()), "")
	iif, ok := rs.IIF()
	fmt.Fprintf(&b, "\niif %v ", ok)
	dump(&b, reflect.ValueOf(iif), "")
	from, ok := rs.Projected()
	fmt.Fprintf(&b, "\nprojected %v %v\n", from, ok)
	return b.String()
}

// Diff is "" when a and b are the same in every field, else the first line
// that differs, with its line number in Dump.
func Diff(a, b *des.RuleSet) string {
	la, lb := strings.Split(Dump(a), "\n"), strings.Split(Dump(b), "\n")
	for i := 0; i < max(len(la), len(lb)); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("%s: line %d:\n  %s\n  %s", a.Year(), i+1, x, y)
		}
	}
	return ""
}

func dump(b *strings.Builder, v reflect.Value, ind string) {
	switch v.Type() {
	case decimalType:
		d := v.Interface().(decimal.Decimal)
		fmt.Fprintf(b, "%se%d", d.Coefficient(), d.Exponent())
		return
	case dateType:
		b.WriteString(v.Interface().(des.Date).String())
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString("&")
		dump(b, v.Elem(), ind)
	case reflect.Struct:
		b.WriteString("{\n")
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				b.WriteString(ind + "  " + f.Name + ": ")
				dump(b, v.Field(i), ind+"  ")
				b.WriteString("\n")
			}
		}
		b.WriteString(ind + "}")
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString("[\n")
		for i := 0; i < v.Len(); i++ {
			b.WriteString(ind + "  ")
			dump(b, v.Index(i), ind+"  ")
			b.WriteString("\n")
		}
		b.WriteString(ind + "]")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		b.WriteString("map{\n")
		for _, k := range keys {
			fmt.Fprintf(b, "%s  %v: ", ind, k)
			dump(b, v.MapIndex(k), ind+"  ")
			b.WriteString("\n")
		}
		b.WriteString(ind + "}")
	default:
		fmt.Fprintf(b, "%#v", v.Interface())
	}
}
