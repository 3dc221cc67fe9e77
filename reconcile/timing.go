package reconcile

import "slices"

// Confidence of a timing rule, as the rate tables grade figures.
type Confidence string

// The confidences a timing rule may have.
const (
	Confirmed  Confidence = "confirmed"  // a primary source (the specification, an NHS England or PCSE page) says so
	Single     Confidence = "single"     // one secondary source (press, an LMC, an ICB bulletin)
	Assumption Confidence = "assumption" // no source found: a stated, configurable assumption
)

// Rule is when one payment usually arrives: Lag months after the month it
// pays for (0: in that month), with what says so.
type Rule struct {
	Payment    string     `json:"payment"`
	Lag        int        `json:"lag_months"`
	Text       string     `json:"text"`
	Source     string     `json:"source"`
	Confidence Confidence `json:"confidence"`
}

// Timing is when each payment usually arrives. The zero Timing is
// DefaultTiming's rules with no override.
type Timing struct {
	// Rules by payment ID; a payment with none follows Default.
	Rules []Rule
	// Default is the rule for a payment Rules does not name; its Payment
	// is ignored. Zero: DefaultTiming's.
	Default *Rule
}

// The sources the default timing cites.
const (
	srcPCSECalendar = "CQRS, 'Remaining payment date options … NCD 2025-26' (1 July 2026): 'PCSE Payment " +
		"Calendar: Payment dates will be alongside other PCN payments (on or around 20th of the month)'; " +
		"https://welcome.cqrs.nhs.uk/system-updates/remaining-payment-date-options-for-approving-payments-for-the-ncd-2025-26-service/"
	srcPulse2019 = "Pulse Intelligence, 'Is your practice receiving the right network payments?' (2019): " +
		"the participation payment 'should have been paid along with your July NHS payment … a second monthly " +
		"amount for the month of July'; https://pulse-intelligence.co.uk/guide/is-your-practice-receiving-the-right-network-payments/"
	srcPCSEMonthly = "PCSE, Primary Care Network (PCN) Payments: 'PCSE Online calculates PCN capitation payments' and " +
		"'The Care Home Premium payment is made to the PCN on a monthly basis'; " +
		"https://pcse.england.nhs.uk/services/gp-payments/practices/pcn-payments/"
	srcGPonline = "GPonline: 'The ARRS tends to run about two to three months in arrears'; " +
		"https://www.gponline.com/pcns-frightened-recruit-arrs-delays-create-six-figure-cash-shortfall/article/1792081"
	srcNELPortal = "NHS North East London ICB, 'PCN – ARRS update': 'All claims for ARRS roles must be claimed " +
		"monthly through the Primary Care Workforce Portal'; https://primarycare.northeastlondon.icb.nhs.uk/news/pcn-arrs-update"
	srcCQRSIIF = "CQRS, NCD 2025-26 payment dates: approval 'to meet the 31 August deadline (as per NCD " +
		"specification)', expected payment 20 July or 20 August; " +
		"https://welcome.cqrs.nhs.uk/system-updates/remaining-payment-date-options-for-approving-payments-for-the-ncd-2025-26-service/"
)

// DefaultARRSLag is the usual number of months from the month a salary is
// paid to the month its ARRS reimbursement arrives, by default.
const DefaultARRSLag = 2

// DefaultTiming is when each payment usually arrives, as the sources found
// say, with the ARRS reimbursement arrsLag months after the month of the
// cost (claims are made monthly on the portal after the salary is paid).
//
// No paragraph of the Network Contract DES specification giving the
// payment month of the monthly entitlements was found: the in-month rule
// rests on the PCSE payment calendar (PCN payments around the 20th of the
// month) and a 2019 adviser's account of practices receiving the month's
// participation payment with that month's NHS payment; say otherwise with
// Timing.Rules where your ICB pays differently.
func DefaultTiming(arrsLag int) Timing {
	monthly := func(id string) Rule {
		return Rule{Payment: id, Lag: 0,
			Text:       "monthly, in the month it pays for (PCSE's PCN payment run, around the 20th)",
			Source:     srcPCSECalendar + "; " + srcPCSEMonthly,
			Confidence: Single}
	}
	rs := []Rule{
		monthly("core_pcn_funding"),
		{Payment: "network_participation", Lag: 0,
			Text:       "monthly, to each practice, in the month it pays for (with the practice's NHS payment)",
			Source:     srcPulse2019 + "; " + srcPCSECalendar,
			Confidence: Single},
		monthly("enhanced_access"),
		monthly("care_home_premium"),
		monthly("capacity_access_support"),
		monthly("capacity_access_improvement"),
		monthly("clinical_director"),
		monthly("leadership_management"),
		monthly("extended_hours_access"),
		monthly("pcn_support"),
		{Payment: ARRS, Lag: arrsLag,
			Text: "claimed monthly on the portal after the salary is paid, reimbursed lag_months after the month " +
				"of the cost (configurable: no source found states the interval)",
			Source:     srcNELPortal + "; " + srcGPonline,
			Confidence: Assumption},
		{Payment: IIF, Lag: 5,
			Text:       "after the year end, on approval of the declared achievement: by 31 August (taken as August)",
			Source:     srcCQRSIIF,
			Confidence: Single},
	}
	return Timing{Rules: rs}
}

// Rule returns the timing rule of a payment.
func (t Timing) Rule(payment string) Rule {
	if len(t.Rules) == 0 && t.Default == nil {
		t = DefaultTiming(DefaultARRSLag)
	}
	if i := slices.IndexFunc(t.Rules, func(r Rule) bool { return r.Payment == payment }); i >= 0 {
		return t.Rules[i]
	}
	if t.Default != nil {
		r := *t.Default
		r.Payment = payment
		return r
	}
	return Rule{Payment: payment, Lag: 0, Text: "monthly, in the month it pays for (no rule given: assumed)",
		Confidence: Assumption, Source: "none found: an assumption"}
}

// WithLag returns a copy of t with the payment's lag set to n months.
func (t Timing) WithLag(payment string, n int) Timing {
	if len(t.Rules) == 0 && t.Default == nil {
		t = DefaultTiming(DefaultARRSLag)
	}
	r := t.Rule(payment)
	r.Lag = n
	out := Timing{Default: t.Default}
	found := false
	for _, x := range t.Rules {
		if x.Payment == payment {
			x, found = r, true
		}
		out.Rules = append(out.Rules, x)
	}
	if !found {
		out.Rules = append(out.Rules, r)
	}
	return out
}
