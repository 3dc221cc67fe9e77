package derive_test

import (
	"testing"

	"github.com/pcnfin/pcnfin/internal/fuzzmain"
)

// TestMain bounds the fuzzer's minimisation (see internal/fuzzmain).
func TestMain(m *testing.M) { fuzzmain.Main(m) }
