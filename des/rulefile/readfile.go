package rulefile

import (
	"errors"
	"fmt"
	"github.com/pcnfin/pcnfin/des"

	"github.com/pcnfin/pcnfin/internal/strict"
)

// ReadFileLimited reads the file at path, refusing one longer than max
// bytes with a *FieldError naming the file (wrapping ErrInvalid). It reads
// through the limit, whatever size the file system reports, so a device
// (-scenario /dev/zero), a pipe or a growing file cannot make it read
// forever. what names the kind of file for the message ("a scenario").
// Every file pcnfin reads whole goes through it; a program reading a file
// of its own should too.
func ReadFileLimited(path string, max int64, what string) ([]byte, error) {
	b, err := strict.ReadFile(path, max)
	if errors.Is(err, strict.ErrTooLarge) {
		return nil, &des.FieldError{File: path, Err: des.ErrInvalid,
			Msg: fmt.Sprintf("file is more than %d bytes; %s may be at most %d", max, what, max)}
	}
	return b, err
}

// checkShape refuses a TOML text beyond strict.FileLimits before it is
// decoded, naming the file and line.
func checkShape(name string, data []byte) error {
	if se := strict.CheckShape(data, strict.FileLimits); se != nil {
		return &des.FieldError{File: name, Line: se.Line, Msg: se.Msg, Err: des.ErrInvalid}
	}
	return nil
}

// CheckShape refuses a TOML text deeper, or with more tables or longer
// arrays, than any scenario or rule set needs (32 deep, 10,000 tables,
// 10,000 elements in an array), before it is decoded: the decoder takes
// minutes over 20,000 nested inline tables. The error is a *FieldError
// naming name and the line, wrapping ErrInvalid. Read and the
// scenario loader call it.
func CheckShape(name string, data []byte) error { return checkShape(name, data) }
