package strict

import "testing"

// A refused value is found on its own line, not on an earlier line of the
// same key whose value the message's hint happens to contain (issue 22: the
// second person's WTE "abc" was blamed on the first person's wte = 1).
func TestValueLine(t *testing.T) {
	text := "[[staff]]\nname = \"A\"\nwte = 1\n\n[[staff]]\nname = \"B\"\nwte = \"abc\"\n"
	msg := `bad number: "abc" is not a plain decimal such as "1.50"`
	if got := valueLine(text, "staff.wte", msg); got != 7 {
		t.Fatalf("line %d, want 7", got)
	}
	text = "[[staff]]\nwte = \"1\"\n[[staff]]\nwte = \"1x\"\n"
	if got := valueLine(text, "staff.wte", `bad number: "1x" is not a plain decimal such as "1.50"`); got != 4 {
		t.Fatalf("line %d, want 4", got)
	}
	if got := valueLine("a = 2024-04-31\nstart = \"2024-04-31\"\n", "start", "bad date: 2024-04-31 does not exist"); got != 2 {
		t.Fatalf("line %d, want 2", got)
	}
}
