// Package arrs computes what a PCN can claim under the Additional Roles
// Reimbursement Scheme (ARRS) of the Network Contract DES: month by month and
// person by person, against the year's role maxima, caps and the PCN's ARRS
// sum, and how much of the sum is left.
//
// # The rules
//
// A staff member has a role, a whole-time equivalent (WTE, or weekly hours
// ÷ 37.5, or a GP's sessions ÷ 9), a start date and an optional end date,
// either the annual employer cost of 1 WTE (salary plus employer on-costs)
// or a full-time salary, and optionally a London zone (inner or outer).
//
//   - Monthly cost, given an annual cost = annual cost × WTE ÷ 12. In a part
//     month (start or end inside it) it is that × days employed in the month
//     ÷ days in the month.
//   - Monthly cost, given a salary: on-costs on the person's actual pay,
//     month by month, because employer NI is charged per pay period on
//     actual earnings above the period's secondary threshold. The month's
//     pay = salary × WTE × days employed ÷ (12 × days in the month), rounded
//     half-up to the penny, treated as paid on the 15th (so April's pay is in
//     the tax year that starts on 6 April); its cost = pay + employer NI
//     (rate × (pay − the monthly threshold), nothing at or below it, rounded
//     to the penny with ½p or less disregarded) + pension (14.38% × pay,
//     half-up) [+ levy], by oncost.Rules.PayCost. A 0.5 WTE technician on a
//     £30,000 salary in 2025/26 costs £1,554.70 a month, £18,656.40 a year,
//     not half of a whole-time £38,064.00. The explanation writes each
//     month's (or each run of equal months') pay and on-costs out, rounding
//     included.
//   - Monthly maximum = the role's maximum in force that month (the London
//     figure for a London zone, where a source gives one) × WTE ÷ 12,
//     pro-rated the same way.
//   - Monthly claim = min(monthly cost, monthly maximum) × the reimbursement
//     percentage (70% for clinical pharmacists in 2019/20, 50% for jointly
//     funded mental health practitioners, 100% otherwise), rounded half-up to
//     the penny. Where the source states the maximum as the most that may be
//     claimed (2019/20's £37,810 for a pharmacist, already the 70% share),
//     the claim is min(cost × percentage, that maximum).
//   - Nothing is claimable outside employment, before the role became
//     eligible (nursing associates from 1 October 2020, GPs from 1 October
//     2024), before the DES year's claims start (1 July 2019 in 2019/20), or
//     for a role that is not an ARRS role that year.
//   - Caps on numbers (one clinical pharmacist per PCN in 2019/20, two above
//     100,000 patients; advanced practitioners in some years; mental health
//     practitioners by list size) are applied month by month: the people of
//     the role employed that month are taken in order of start date (then
//     name), and those beyond the cap claim nothing that month (or, for a cap
//     in WTE, only the WTE left under it).
//   - A role whose maximum no source gives is claimable in principle, but
//     pcnfin will not invent its maximum: its claims are zero with that reason.
//   - The PCN's ARRS sum comes from the rule set (per weighted patient from
//     2020/21; a fixed entitlement by role in 2019/20). In 2024/25 the GP
//     ring-fence is a separate pot that only GP claims use. Headroom = sum −
//     claims, per pot; negative headroom is over-commitment, reported with
//     the month in which cumulative claims first exceed the sum.
//
// Nothing the roster breaks is dropped silently: each person's result gives
// the reason for every month that claims less than its cost, and the result
// lists each breach.
//
// # Exact arithmetic
//
// Each monthly claim is one exact rational number (pennies × WTE × days ×
// percentage over 12 × days in month) rounded once; the engine computes it
// in 128-bit integers, so it is both exact and fast, and converts to
// decimal.Decimal at the edges. A year is the sum of its rounded months; a
// PCN's claims are the sum of its people's.
//
// Each rule is written once, and the fast and explained paths run it: the
// payments by des.Entitler (Entitle records the working, Pennies does not),
// the claims by one monthly loop (Plan.months) and one tally in checked
// sums (Plan.tally); the roll-up of many PCNs over Totals is package
// national's. The explained result is built from what that code computed;
// its texts are made when asked for.
//
// # Many PCNs
//
// Plan.CalculateAll works out a batch of PCNs (every PCN in England, say)
// on every core and returns a Batch: each PCN's payments, ARRS sums,
// claims and cost, and each person's claim, cost and reason month by month,
// as int64 pennies and reason codes in a few flat arrays for the whole
// batch, with the payments compiled into the plan and no decimals made.
// Batch.Result makes one PCN's full result (decimals, breaches, reason
// texts, explanations) when asked for, by the same arithmetic as
// Plan.Calculate, and checks it against the batch's pennies. The national
// year (1,250 PCNs of 40 staff) takes about 18 ms, 190 allocations and
// 11 MB on 2 cores; one PCN's full result about 0.1 ms.
package arrs
