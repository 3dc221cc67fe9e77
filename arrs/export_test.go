package arrs

// Exported for tests of the arithmetic paths.
var (
	ClaimPennies = claimPennies
	ClaimBig     = claimBig
)
