package main

// This file is the program's one place that calls the common loader and the
// scenario package (both are being reworked: only this file should need to
// follow them).

import (
	"fmt"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/reconcile"
	"github.com/pcnfin/pcnfin/scenario"
)

// due loads the scenario the flags name (the embedded example without
// -scenario) and works out what its one year is due.
func due(c *cli.Common) (reconcile.Due, error) {
	if c.Scenario == "" {
		cli.DefaultScenario = exampleScenario // this program's own example, with its paid file
	}
	sc, published, opt, err := c.LoadFor(func(sc *scenario.Scenario) []des.Year {
		return cli.DefaultYears(c.Years, sc)
	})
	if err != nil {
		return reconcile.Due{}, err
	}
	ys := cli.DefaultYears(c.Years, sc)
	if len(ys) != 1 {
		return reconcile.Due{}, fmt.Errorf("-year: reconcile checks one DES year at a time, not %d (%s)", len(ys),
			c.Years.String())
	}
	yr, err := sc.Year(ys[0], published, opt)
	if err != nil {
		return reconcile.Due{}, err
	}
	return reconcile.DueFrom(yr, sc.Sharing)
}
