package main

import "github.com/pcnfin/pcnfin/arrs"

func writeSVG(path string, f arrs.Forecast) error { return nil }
