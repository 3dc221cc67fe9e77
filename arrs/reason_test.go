package arrs

import "testing"

func TestReasonExplain(t *testing.T) {
	if len(reasonTexts) != len(reasonCodes) {
		t.Fatalf("%d texts for %d codes", len(reasonTexts), len(reasonCodes))
	}
	for r := ReasonNotARRSRole; r <= ReasonCapPartial; r++ {
		if r.Explain() == "" {
			t.Errorf("%s: no explanation", r)
		}
	}
	if ReasonNone.Explain() != "" || Reason(200).Explain() != "" {
		t.Error("ReasonNone and an unknown reason explain nothing")
	}
	if got := ReasonCap.Explain(); got != "beyond the cap on numbers for the role" {
		t.Errorf("cap: %q", got)
	}
}

// Issue 11: missing data is not a broken rule.
func TestBrokenRulesLeaveOutMissingData(t *testing.T) {
	r := Result{Breaches: []Breach{{Staff: "A", Rule: ReasonNoMaximum}, {Staff: "B", Rule: ReasonCap}}}
	got := r.BrokenRules()
	if len(got) != 1 || got[0].Staff != "B" {
		t.Fatalf("%+v", got)
	}
}
