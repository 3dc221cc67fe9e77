// Package fuzzmain is the TestMain of the packages whose fuzz targets read
// a whole scenario or rule set: it bounds the fuzzer's minimisation, so
// that `go test -fuzz` searches instead of minimising.
//
// Each input that reaches new code is minimised before the search goes on:
// Go tries every shorter input it can cut from it, which is quadratic in
// its length, for up to -fuzzminimizetime (60 s by default). A scenario of
// 600 bytes, loaded and worked out in about 150 µs, gives some 180,000
// candidates: the first minute of every run went on minimising (9
// executions in 10 s). Bounded to MinimizeLimit executions an input, the
// same target searches at thousands a second. What each execution checks
// is unchanged; only the shrinking of new inputs is shorter. A
// -fuzzminimizetime on the command line still wins (give 60s for a
// crasher you want as small as can be).
package fuzzmain

import (
	"flag"
	"os"
	"testing"
)

// MinimizeLimit is the default -fuzzminimizetime: executions spent
// minimising one new input.
const MinimizeLimit = "1000x"

// Main runs m, with -test.fuzzminimizetime set to MinimizeLimit unless the
// command line gives it. Call it from TestMain.
func Main(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		if err := flag.Set("test.fuzzminimizetime", MinimizeLimit); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
