// Command mutsum summarises a gremlins result file (gremlins unleash -o
// FILE): one line of counts for a package and each lived mutant's place, for
// scripts/mutation.
//
//	go run ./scripts/mutsum RESULT.json PACKAGE
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
)

type result struct {
	Files []struct {
		Name      string `json:"file_name"`
		Mutations []struct {
			Type   string `json:"type"`
			Status string `json:"status"`
			Line   int    `json:"line"`
		} `json:"mutations"`
	} `json:"files"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mutsum RESULT.json PACKAGE")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var r result
	if err := json.Unmarshal(b, &r); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	pkg := os.Args[2]
	count := map[string]int{}
	var lived []string
	for _, f := range r.Files {
		for _, m := range f.Mutations {
			count[m.Status]++
			if m.Status == "LIVED" {
				lived = append(lived, fmt.Sprintf("%s:%d %s", path.Join(pkg, f.Name), m.Line, m.Type))
			}
		}
	}
	k, l := count["KILLED"], count["LIVED"]
	eff := 100.0
	if k+l > 0 {
		eff = 100 * float64(k) / float64(k+l)
	}
	fmt.Printf("%-14s %7d %6d %12d %9d %8.1f%%\n", pkg, k, l, count["NOT COVERED"], count["TIMED OUT"], eff)
	for _, x := range lived {
		fmt.Println("    lived", x)
	}
}
