// Command claims prints a PCN's monthly ARRS claims schedule for a DES
// year: what each person claims each month, the PCN's total and cumulative
// claims against its ARRS sum, and the month the sum runs out if it does.
//
//	go run ./examples/claims                                   # embedded example PCN
//	go run ./examples/claims -scenario my.toml -year 2025/26 -format csv
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/examples/internal/cli"
)

func main() {
	fs := flag.NewFlagSet("claims", flag.ExitOnError)
	scenarioFlag := fs.String("scenario", "", "scenario TOML file (default: the embedded example PCN)")
	year := fs.String("year", "", "DES year, e.g. 2025/26 (default: the scenario's first year, else the latest with published role maxima)")
	format := fs.String("format", "table", "output: table, csv, json or markdown")
	ratesFile := fs.String("rates", "", "a rule-set TOML file of your own, used for its year")
	fs.Parse(os.Args[1:])
	cli.CheckArgs(fs, *format)
	var y des.Year
	if *year != "" {
		var err error
		if y, err = des.ParseYear(*year); err != nil {
			cli.BadFlag(fs, err)
		}
	}
	var out cli.Output
	if err := run(&out, *scenarioFlag, y, *format, *ratesFile); err != nil {
		cli.Fail(err)
	}
	out.Flush(os.Stdout)
}

func run(w io.Writer, scenarioFile string, y des.Year, format, ratesFile string) error {
	sc, published, err := cli.Inputs(scenarioFile, ratesFile)
	if err != nil {
		return err
	}
	if y == 0 && len(sc.Years) > 0 {
		y = sc.Years[0]
	}
	if y == 0 {
		y = cli.LatestWithMaxima(published)
	}
	rs, err := cli.Find(published, y)
	if err != nil {
		return err
	}
	salary, err := cli.SalaryCost()
	if err != nil {
		return err
	}
	plan, err := arrs.Compile(rs, arrs.Options{SalaryCost: salary})
	if err != nil {
		return err
	}
	r, err := plan.Calculate(sc.PCN(y), sc.Staff)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return cli.WriteJSON(w, cli.ClaimsJSON(sc.Name, r))
	case "csv":
		header := []string{"month"}
		for _, s := range r.Staff {
			header = append(header, s.Name+" ("+s.Role+")")
		}
		header = append(header, "total", "cumulative")
		var rows [][]string
		for m, row := range r.Months {
			cells := []string{row.Month}
			for _, s := range r.Staff {
				cells = append(cells, cli.Plain(s.Months[m]))
			}
			rows = append(rows, append(cells, cli.Plain(row.Claim), cli.Plain(row.Cumulative)))
		}
		total := []string{"total"}
		for _, s := range r.Staff {
			total = append(total, cli.Plain(s.Claim))
		}
		rows = append(rows, append(total, cli.Plain(r.Claims), ""))
		return cli.WriteCSV(w, header, rows)
	}
	t := &cli.Table{Title: fmt.Sprintf("%s: ARRS claims schedule, %s (%s)", sc.Name, y, rs.Title()), Header: []string{"month", "claims", "cost", "cumulative", "sum left"}, Right: []bool{false, true, true, true, true}}
	if scenarioFile == "" {
		t.Title += " [embedded example scenario]"
	}
	for _, row := range r.Months {
		t.Add(row.Month, cli.GBP(row.Claim), cli.GBP(row.Cost), cli.GBP(row.Cumulative), cli.GBP(r.Sum.Sub(row.Cumulative)))
	}
	t.Add("total", cli.GBP(r.Claims), cli.GBP(r.Cost), "", cli.GBP(r.Headroom))
	for _, p := range r.Pots {
		n := fmt.Sprintf("%s (%s pot): sum %s, claims %s, headroom %s", p.ID, p.Pot, cli.GBP(p.Sum), cli.GBP(p.Claims), cli.GBP(p.Headroom))
		if p.RunsOut != "" {
			n += " — OVER-COMMITTED: the sum runs out in " + p.RunsOut
		}
		t.Notes = append(t.Notes, n)
	}
	people := &cli.Table{Title: "By person", Header: []string{"staff", "role", "WTE", "months", "claim", "why less"}, Right: []bool{false, false, true, true, true, false}}
	for _, s := range r.Staff {
		people.Add(s.Name, s.Role, s.WTE.String(), fmt.Sprint(s.MonthsClaimed), cli.GBP(s.Claim), strings.Join(s.Reasons, "; "))
	}
	breaches := &cli.Table{Title: "Rules the roster breaks (claims are zero for these months)", Header: []string{"staff", "role", "rule", "months", "detail"}}
	for _, b := range r.Breaches {
		breaches.Add(b.Staff, b.Role, b.Rule, b.From+" to "+b.To, b.Detail)
	}
	tables := []*cli.Table{t, people}
	if len(r.Breaches) > 0 {
		tables = append(tables, breaches)
	}
	for _, tb := range tables {
		if format == "markdown" {
			err = tb.WriteMarkdown(w)
		} else {
			err = tb.WriteText(w)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
