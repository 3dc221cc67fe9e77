package cli

import _ "embed"

// DefaultScenario is the embedded example PCN the programs run on when no
// -scenario is given: a realistic, made-up three-practice PCN.
//
//go:embed default.toml
var DefaultScenario []byte
