package des

// DaysIn is daysIn, for the tests of package des_test.
var DaysIn = daysIn
