package report

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path so that path is either left as it
// was or holds all of data: it writes a temporary file in the same
// directory, syncs it and renames it over path (a rename within a directory
// is atomic), removing the temporary file if anything fails. It refuses to
// write over any of inputs (the files the program read, such as its
// -scenario or -rates file), by name or as the same file under another name
// (a link), naming the flag's file in the error.
func WriteFileAtomic(path string, data []byte, inputs ...string) error {
	if path == "" {
		return fmt.Errorf("no output file named")
	}
	out, _ := filepath.Abs(path)
	outInfo, outErr := os.Stat(path)
	for _, in := range inputs {
		if in == "" {
			continue
		}
		abs, _ := filepath.Abs(in)
		same := abs == out
		if !same && outErr == nil {
			if fi, err := os.Stat(in); err == nil && os.SameFile(fi, outInfo) {
				same = true
			}
		}
		if same {
			return fmt.Errorf("%s: will not write the output over an input file (%s); name another file", path, in)
		}
	}
	if outErr == nil && !outInfo.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file; name a file to write", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		done = true
		return err
	}
	done = true
	return nil
}
