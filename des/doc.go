// Package des models the NHS England Network Contract Directed Enhanced
// Service (DES) for Primary Care Networks: DES years, dates, money, the
// populations of a PCN's practices, the rule set of a year and the network
// entitlement calculation.
//
// # The rules, in English
//
// A DES year runs from 1 April to 31 March and is written "2024/25"
// (Year). Payments are worked out from populations fixed at 1 January before
// the year: the registered list, the Carr-Hill weighted list, the PCN
// adjusted population that NHS England publishes, and aligned care-home beds.
// A PCN's figure is the sum of its practices' figures; a payment to
// practices (the Network Participation Payment) is worked out for each
// practice on its own figure. A figure a payment needs but a practice does
// not give is an error naming the practice, the figure and the payment,
// never a zero.
//
// A year's rule set (RuleSet) is data: each payment has a stable ID, one or
// more parts, each with a basis (registered, weighted, adjusted,
// care_home_beds or fixed) and dated values, and says whether the source
// states its rate a year or as an amount for a stated period. Every value
// names its source and confidence. A backdated revision is a second value
// with the same start date and a later announcement date; the later one is
// in force, and Options.AsAt asks for the figures as known on a date.
//
//   - A rate a year is paid in monthly twelfths; a month the rate applies to
//     only in part is pro-rated by calendar days: rate × basis × days ÷
//     (days in the month × 12).
//   - An amount for a period is spread equally over the period's months.
//   - Each month's payment is rounded half-up to the penny, and a year is
//     the sum of its rounded months, so parts always add up to totals. This
//     is the only rounding rule; an ARRS sum, a maximum rather than a
//     payment, is rounded once over its period.
//
// Entitle works out every payment of a rule set for a PCN; each Amount
// explains itself (Amount.Explain): the basis figure, the rates with their
// dates and sources, the months paid and the result.
//
// Rule sets are read from TOML by package des/rulefile, which is strict
// and names the file, line and field of every error (a *FieldError,
// wrapping one of the Err… sentinels). The figures no source gives (ARRS
// maxima by the band model, carried payments, projected years) are worked
// out by package des/derive; package rates holds the official rule sets,
// read and completed. A RuleSet is immutable and safe to share between
// goroutines; NewRuleSet builds one from its Contents.
//
// Employer on-costs are in package des/oncost; the Investment and Impact
// Fund estimate and year-on-year comparisons are package scenario's. The
// national PCN list and the ICB and England roll-ups are package national's.
package des
