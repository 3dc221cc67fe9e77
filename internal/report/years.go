package report

import (
	"slices"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/internal/render"
)

// perYear joins one report per year (reps[i] is years[i]'s) into one. A
// single year's report is printed as it always was. Several are each year's
// tables in turn; one CSV with a year column first (unless the years' rows
// have one) and the columns of every year, in the order first seen, a cell
// left empty where a year lacks the column; and a JSON array of the years'
// values, in order.
func perYear(years []des.Year, reps []render.Report) render.Report {
	if len(reps) == 1 {
		return reps[0]
	}
	var values []any
	for _, r := range reps {
		values = append(values, r.JSON)
	}
	return render.Report{
		Tables: func() []*render.Table {
			var ts []*render.Table
			for _, r := range reps {
				ts = append(ts, r.Tables()...)
			}
			return ts
		},
		CSV: func() ([]string, [][]string) {
			type grid struct {
				header []string
				rows   [][]string
			}
			grids := make([]grid, len(reps))
			var header []string
			for i, r := range reps {
				grids[i].header, grids[i].rows = r.CSV()
				for _, h := range grids[i].header {
					if !slices.Contains(header, h) {
						header = append(header, h)
					}
				}
			}
			addYear := len(header) == 0 || header[0] != "year"
			if addYear {
				header = append([]string{"year"}, header...)
			}
			var rows [][]string
			for i, g := range grids {
				for _, row := range g.rows {
					out := make([]string, len(header))
					if addYear {
						out[0] = years[i].String()
					}
					for j, cell := range row {
						if j < len(g.header) {
							out[slices.Index(header, g.header[j])] = cell
						}
					}
					rows = append(rows, out)
				}
			}
			return header, rows
		},
		JSON: values,
	}
}
