package rates

import (
	_ "embed"
	"sync"

	"github.com/pcnfin/pcnfin/des/oncost"
)

// onCostsTOML is the cited employer on-cost rules (employer NI, employer
// pension, apprenticeship levy): see oncosts.toml for the format, every
// figure's source, and the gaps.
//
//go:embed oncosts.toml
var onCostsTOML []byte

var (
	onCostsOnce sync.Once
	onCosts     *oncost.Rules
	onCostsErr  error
)

// OnCosts returns the embedded employer on-cost rules, parsed and validated
// once, on first use. The result is immutable and shared; it is safe for
// concurrent use. The error (nil in a correct build; the package's tests
// guarantee it) is a des.FieldError naming the line at fault.
func OnCosts() (*oncost.Rules, error) {
	onCostsOnce.Do(func() {
		onCosts, onCostsErr = oncost.Load("rates/oncosts.toml", onCostsTOML)
	})
	return onCosts, onCostsErr
}

// OnCostsFile returns a copy of the embedded on-cost file, to start a local
// variation for oncost.Load.
func OnCostsFile() []byte { return append([]byte(nil), onCostsTOML...) }
