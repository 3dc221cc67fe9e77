package national

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// Reading a list in chunks gives ReadPCNs's rows and bad rows, in order.
func TestPCNCSVReaderChunks(t *testing.T) {
	var b strings.Builder
	b.WriteString("pcn_code,pcn_name,icb,registered,weighted,adjusted,care_home_beds\n")
	for i := range 1000 {
		if i%97 == 5 {
			fmt.Fprintf(&b, "X%d,Bad,I,-1,1,1,1\n", i)
			continue
		}
		fmt.Fprintf(&b, "P%d,PCN %d,ICB %d,%d,%d.5,%d,%d\n", i, i, i%7, 20000+i, 21000+i, 20500+i, i%40)
	}
	opt := PCNOptions{SkipBad: true}
	whole, wholeBad, err := ReadPCNs("f", strings.NewReader(b.String()), opt)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := NewPCNReader("f", strings.NewReader(b.String()), opt)
	if err != nil {
		t.Fatal(err)
	}
	var rows []PCNRow
	var bad []error
	buf := make([]PCNRow, 0, 64)
	for {
		chunk, bb, err := pr.Next(buf, 64)
		if len(chunk) > 64 {
			t.Fatalf("chunk of %d rows", len(chunk))
		}
		rows, bad = append(rows, chunk...), append(bad, bb...)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(rows) != len(whole) || len(bad) != len(wholeBad) || len(bad) == 0 {
		t.Fatalf("rows %d/%d, bad %d/%d", len(rows), len(whole), len(bad), len(wholeBad))
	}
	for i := range rows {
		if rows[i].Line != whole[i].Line || rows[i].Code != whole[i].Code ||
			!rows[i].PCN.Practices[0].Registered.Decimal().Equal(whole[i].PCN.Practices[0].Registered.Decimal()) {
			t.Fatalf("row %d: %+v != %+v", i, rows[i], whole[i])
		}
	}
	for i := range bad {
		if bad[i].Error() != wholeBad[i].Error() {
			t.Fatalf("bad %d: %v != %v", i, bad[i], wholeBad[i])
		}
	}

	// The row limit: refused past it, lifted below zero.
	_, _, err = ReadPCNs("f", strings.NewReader(b.String()), PCNOptions{SkipBad: true, MaxRows: 10})
	if err == nil || !strings.Contains(err.Error(), "more than 10 rows") {
		t.Fatalf("limit: %v", err)
	}
	_, _, err = ReadPCNs("f", strings.NewReader(b.String()), PCNOptions{SkipBad: true, MaxRows: -1, MaxBytes: -1})
	if err != nil {
		t.Fatal(err)
	}
}
