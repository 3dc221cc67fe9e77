package arrs_test

// CSV cases join the catalogue when the PCN CSV reader lands.
var badCSV []bad

func readCSV(path string) error { return nil }
