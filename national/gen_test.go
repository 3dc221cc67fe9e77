package national_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/national"
	"github.com/pcnfin/pcnfin/rates"
)

// genList makes a PCN list of n PCNs in a few ICBs and a staff file with
// about perPCN people each: part-year staff, London, salaries and costs,
// GPs by sessions, enhanced practice nurses past 2024/25's cap, mental
// health practitioners by band, and some PCNs with more staff than their
// sums pay for.
func genList(n, perPCN int, seed uint64) (pcns, staff []byte) {
	r := rand.New(rand.NewPCG(seed, 7))
	var p, s bytes.Buffer
	p.WriteString("pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n")
	s.WriteString("role,pcn_code,name,wte,hours,sessions,start,end,annual_cost,salary,london,band,written_agreement\n")
	roles := []string{"clinical_pharmacist", "pharmacy_technician", "social_prescribing_link_worker",
		"health_wellbeing_coach", "care_coordinator", "first_contact_physiotherapist", "paramedic",
		"nursing_associate", "advanced_practitioner", "enhanced_practice_nurse", "general_practitioner",
		"mental_health_practitioner", "physician_associate", "digital_transformation_lead"}
	for i := range n {
		code := fmt.Sprintf("G%05d", i+1)
		reg := 20_000 + r.IntN(100_000)
		fmt.Fprintf(&p, "%s,Generated PCN %d,NHS Gen ICB %d,%d,%d.%02d,%d.5,%d\n", code, i+1, i%7, reg,
			reg+r.IntN(5000), r.IntN(100), reg+r.IntN(3000), r.IntN(200))
		people := perPCN
		if perPCN > 4 {
			people = perPCN/2 + r.IntN(perPCN+1)
		}
		for k := range people {
			role := roles[r.IntN(len(roles))]
			if k < 3 && i%5 == 0 {
				role = "enhanced_practice_nurse" // past 2024/25's cap of one
			}
			wte, hours, sessions := "", "", ""
			switch {
			case role == "general_practitioner":
				sessions = fmt.Sprint(1 + r.IntN(9))
			case r.IntN(3) == 0:
				hours = fmt.Sprintf("%d.5", 7+r.IntN(30))
			default:
				wte = []string{"1", "0.5", "0.8", "0.6", "1.0"}[r.IntN(5)]
			}
			start, end := "2023-04-01", ""
			switch r.IntN(5) {
			case 0:
				start = fmt.Sprintf("2024-%02d-%02d", 4+r.IntN(9), 1+r.IntN(28))
			case 1:
				start = fmt.Sprintf("2025-%02d-%02d", 4+r.IntN(9), 1+r.IntN(28))
			case 2:
				end = fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
			}
			cost, salary := "", ""
			if r.IntN(4) == 0 {
				salary = fmt.Sprintf("%d", 28_000+r.IntN(40_000))
			} else {
				cost = fmt.Sprintf("%d.%02d", 35_000+r.IntN(70_000), r.IntN(100))
			}
			london := []string{"", "", "", "", "inner", "outer"}[r.IntN(6)]
			band, wa := "", ""
			if role == "mental_health_practitioner" {
				band = []string{"", "5", "6", "7"}[r.IntN(4)]
				if r.IntN(2) == 0 {
					wa = "true"
				}
			}
			fmt.Fprintf(&s, "%s,%s,Person %d-%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", role, code, i+1, k+1, wte, hours,
				sessions, start, end, cost, salary, london, band, wa)
		}
	}
	return p.Bytes(), s.Bytes()
}

// collect is a Sink that keeps every PCN.
type collect struct{ pcns map[des.Year][]national.PCN }

func (c *collect) Begin(*national.Report, *des.RuleSet) error { return nil }
func (c *collect) PCNs(_ *national.Report, y des.Year, ps []national.PCN) error {
	if c.pcns == nil {
		c.pcns = map[des.Year][]national.PCN{}
	}
	for _, p := range ps {
		row := *p.Row
		p.Row = &row // the chunk's rows are reused
		p.Rules = append([]national.RuleCount(nil), p.Rules...)
		c.pcns[y] = append(c.pcns[y], p)
	}
	return nil
}
func (c *collect) End(*national.Report, *national.Year) error { return nil }

// discard is a Sink that keeps nothing.
type discard struct{}

func (discard) Begin(*national.Report, *des.RuleSet) error            { return nil }
func (discard) PCNs(*national.Report, des.Year, []national.PCN) error { return nil }
func (discard) End(*national.Report, *national.Year) error            { return nil }

// runOn reads the list and the staff and runs the years.
func runOn(t testing.TB, pcns, staff []byte, years []des.Year, sink national.Sink) (*national.Report, *national.Rosters) {
	t.Helper()
	codes, err := national.ListCodes("pcns.csv", bytes.NewReader(pcns), national.PCNOptionsFor(0, false))
	if err != nil {
		t.Fatal(err)
	}
	ros, bad, err := national.ReadRosters("staff.csv", bytes.NewReader(staff), codes, national.StaffOptions{MaxRows: -1,
		MaxBytes: -1})
	if err != nil || len(bad) > 0 {
		t.Fatal(err, bad)
	}
	var rss []*des.RuleSet
	for _, y := range years {
		rs, err := rates.Year(y)
		if err != nil {
			t.Fatal(err)
		}
		rss = append(rss, rs)
	}
	rep := &national.Report{Data: "pcns.csv", StaffData: "staff.csv"}
	opt := national.Options{File: "pcns.csv", Top: -1,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(pcns)), nil }}
	if err := national.Run(rep, rss, ros, opt, sink); err != nil {
		t.Fatal(err)
	}
	return rep, ros
}
