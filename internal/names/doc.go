// Package names compares and checks the names people type (practices,
// people, PCN and ODS codes) and holds the catalogue of ARRS role IDs: what
// des, des/rulefile, arrs, scenario and national check their input against.
// An embedder asks rates.Roles for the roles a year can claim.
package names
