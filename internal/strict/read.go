package strict

import (
	"errors"
	"io"
	"os"
)

// ErrTooLarge is returned by ReadFile for a file longer than its limit.
var ErrTooLarge = errors.New("file too large")

// ReadFile reads at most max bytes of the file at path: a longer file is
// ErrTooLarge, after reading max+1 bytes and no more, whatever size the
// file system reports (a device such as /dev/zero, a pipe or a file still
// growing reports a size of 0).
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > max {
		return nil, ErrTooLarge // no need to read it
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, ErrTooLarge
	}
	return b, nil
}
