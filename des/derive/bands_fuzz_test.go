package derive_test

import (
	"errors"
	"github.com/pcnfin/pcnfin/des/rulefile"
	"os"
	"testing"

	"github.com/pcnfin/pcnfin/des"
)

// FuzzLoadBandRules: any input is either a valid set of band rules or an
// error that says where (a *FieldError), never a panic; accepted rules
// have every band's pay group and awards in date order per group.
func FuzzLoadBandRules(f *testing.F) {
	if b, err := os.ReadFile("../rates/bands.toml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("[[pay]]\nid = \"afc\"\nname = \"A\"\nmodel_from = 2022-10-01\nmodel_to = 2027-03-31\n" +
		"[[band]]\nid = \"5\"\nname = \"b5\"\npay = \"afc\"\n"))
	f.Add([]byte("[[award]]\npay = \"afc\"\nfrom = 2023-07-01\npercent = \"5\"\n"))
	f.Add([]byte("[[band]]\nid = \"4-8a\"\nname = \"r\"\npay = \"afc\"\nof = [\"9\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		br, err := rulefile.ReadBands("fuzz.toml", data)
		if err != nil {
			var fe *des.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a *FieldError: %v", err)
			}
			return
		}
		groups := map[string]bool{}
		for _, g := range br.PayGroups() {
			groups[g.ID] = true
			if g.ModelTo.Before(g.ModelFrom) {
				t.Fatalf("pay group %s: model span out of order", g.ID)
			}
		}
		for _, b := range br.Bands() {
			if !groups[b.Pay] {
				t.Fatalf("band %s: unknown pay group %q accepted", b.ID, b.Pay)
			}
		}
		last := map[string]des.Date{}
		for _, a := range br.Awards() {
			if d, ok := last[a.Pay]; ok && !d.Before(a.From) {
				t.Fatalf("awards of %s out of order", a.Pay)
			}
			last[a.Pay] = a.From
			if a.Percent.IsNegative() {
				t.Fatalf("negative award accepted")
			}
		}
	})
}
