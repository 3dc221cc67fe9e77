package main

// This file is the program's one place that opens the scenario, through the
// library's front door (cli.Common.Open → scenario.New).

import (
	"fmt"

	"github.com/pcnfin/pcnfin/examples/internal/cli"
	"github.com/pcnfin/pcnfin/reconcile"
)

// due opens the scenario the flags name (this program's own example, with
// its paid file, without -scenario) and works out what its one year is due.
func due(c *cli.Common) (reconcile.Due, error) {
	if c.Scenario == "" {
		cli.DefaultScenario = exampleScenario
	}
	wb, err := c.Open()
	if err != nil {
		return reconcile.Due{}, err
	}
	ys := wb.Years(c.Years...)
	if len(ys) != 1 {
		return reconcile.Due{}, fmt.Errorf("-year: reconcile checks one DES year at a time, not %d (%s)", len(ys),
			c.Years.String())
	}
	yr, err := wb.Year(ys[0])
	if err != nil {
		return reconcile.Due{}, err
	}
	return reconcile.DueFrom(yr, wb.Scenario().Sharing)
}
