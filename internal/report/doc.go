// Package report turns the library's results into what the example programs
// and the web page print: each function gives a render.Report (tables for
// text and Markdown, one CSV grid, the result itself as JSON), so a program
// is flags, one library call, and report.X(result).Write(w, format).
package report
