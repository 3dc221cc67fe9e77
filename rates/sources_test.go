package rates_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/pcnfin/pcnfin/arrs"
	"github.com/pcnfin/pcnfin/des"
	"github.com/pcnfin/pcnfin/rates"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The source table: every figure in rates/*.toml as its source states it.
// The quote and URL are the rate table's source text; the rate, basis and
// stated period were typed from the quote (or, where the quote does not
// contain the figure, from the named source's note, and `states` says so).
// A 1% change to any figure, or a swapped basis, fails a test that names
// the source.

// sourcedValue is one dated payment value.
type sourcedValue struct {
	year, payment string
	part          int
	from, ann     string
	basis         des.Basis
	stated        des.Stated
	rate          string // £ per unit a year (annual) or for the period (period)
	states        string // the figure as the source states it
	quote, url    string
}

var sourcedValues = []sourcedValue{
	{"2019/20", "core_pcn_funding", 0, "2019-04-01", "", des.Registered, des.Annual, "1.50", `£0.125 per patient per month (12 × £0.125 = £1.50 a year)`, `DHSC written answer to PQ 257552 (5 June 2019): 'PCNs are entitled to funding of £0.125 per patient per month from clinical commissioning group (CCG) allocations, the first payment of which will cover the period 1 April to 31 July'`, "https://parallelparliament.co.uk/question/257552"},
	{"2019/20", "clinical_director", 0, "2019-07-01", "", des.Registered, des.Period, "0.51430", `£0.51430`, `DHSC written answer to PQ 257552 (5 June 2019): 'In 2019/20 this is a payment of £0.51430 per registered patient for the period 1 July 2019 to 31 March 2020'`, "https://parallelparliament.co.uk/question/257552"},
	{"2019/20", "network_participation", 0, "2019-04-01", "", des.Weighted, des.Annual, "1.761", `£0.147 per weighted patient a month, £1.76 a year (rounded; the DES rate is £1.761)`, `DHSC written answer to PQ 257552 ('Network Participation Payment of £0.147 per weighted patient for the period from 1 April 2019'); Pulse Intelligence, 'Is your practice receiving the right network payments?' ('the annual payment of £1.76 per patient', monthly, backdated to April 2019)`, "https://pulse-intelligence.co.uk/guide/is-your-practice-receiving-the-right-network-payments/"},
	{"2019/20", "extended_hours_access", 0, "2019-07-01", "", des.Registered, des.Annual, "1.45", `£1.45`, `Pulse, 'Networks to receive 45p per patient less through DES for providing extended hours' ('The new network DES will pay £1.45 per patient'); Pulse Intelligence, 'Is your practice receiving the right network payments?' ('an annual payment of £1.45 per patient which equates to about 12p per month', from 1 July 2019)`, "http://www.pulsetoday.co.uk/hot-topics/gp-contract-2019/20/networks-to-receive-45p-per-patient-less-through-des-for-providing-extended-hours/20038383.article"},
	{"2019/20", "arrs", 0, "2019-07-01", "", des.Fixed, des.Annual, "37810", `£37810`, `Chemist+Druggist, 'Thousands of clinical pharmacist roles funded by 5-year GP contract' (70% of the cost 'capped at £37,810' in 2019-20); Pharmaceutical Journal, 'Primary care networks to be fully reimbursed for pharmacists' (PCNs above 100,000 expected to employ two)`, "https://www.chemistanddruggist.co.uk/CD005732/Thousands-of-clinical-pharmacist-roles-funded-by-5-year-GP-contract"},
	{"2019/20", "arrs", 1, "2019-07-01", "", des.Fixed, des.Annual, "34113", `£34113`, `RCGP GP at Scale, 'Guest blog: social prescribing and PCNs' (24 Oct 2019): 100% of salary plus employer on-costs 'up to an annual maximum amount of £34,113 in 2019/20'; Pharmaceutical Journal (20 Feb 2020): 'a further £34,113 available to cover the cost of hiring one social prescriber'`, "https://gpatscale.rcgp.org.uk/discussions/guest-blog-social-prescribing-and-pcns/"},
	{"2020/21", "core_pcn_funding", 0, "2020-04-01", "", des.Registered, des.Annual, "1.50", `£1.50`, `Essex LMC, 'PCN DES' (1 Apr 2020, summarising the GPC 2-page summary): 'PCN Core funding £1.50 - will continue to be paid to the PCN'; Lentells, 'PCN Enhanced Service' (funding streams for 2020/21: core PCN income £1.50 per patient)`, "https://www.essexlmc.org.uk/pcn-des/"},
	{"2020/21", "clinical_director", 0, "2020-04-01", "", des.Registered, des.Annual, "0.722", `£0.722`, `Lentells, 'PCN Enhanced Service' (funding streams for 2020/21: 'Clinical Director - £0.722 per patient')`, "https://www.lentells.co.uk/blog-post/pcn-enhanced-service"},
	{"2020/21", "network_participation", 0, "2020-04-01", "", des.Weighted, des.Annual, "1.761", `£1.761`, `Sandison Easson, 'GP practice contract update 2020-21' (£1.761 per weighted patient); Essex LMC, 'PCN DES' (1 Apr 2020): 'Network Participation Payment £1.76 - will continue to be paid to the practices directly'`, "https://www.essexlmc.org.uk/pcn-des/"},
	{"2020/21", "extended_hours_access", 0, "2020-04-01", "", des.Registered, des.Annual, "1.45", `£1.45`, `Essex LMC, 'PCN DES' (1 Apr 2020, summarising the GPC 2-page summary for 2020/21): 'Extended Hours Access £1.45 - will be paid to the PCN'; Lentells, 'PCN Enhanced Service' (2020/21: 'Extended hours - £1.45 per patient')`, "https://www.essexlmc.org.uk/pcn-des/"},
	{"2020/21", "care_home_premium", 0, "2020-08-01", "", des.CareHomeBeds, des.Period, "60", `£60`, `BMA, 'Primary care network funding' (version updated 10 May 2021), summary of PCN DES entitlements: 'Care home premium £60 per bed for the period 1 August 2020 to 31 March 2021 (£7.50 per bed per month)'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2020/21", "pcn_support", 0, "2020-04-01", "", des.Weighted, des.Period, "0.27", `£0.27`, `BMA, 'Primary care network funding' (version updated 10 May 2021): 'PCN support payment £0.27 per weighted patient for 1 April 2020 to 30 September 2020 (£0.045 per weighted patient per month)'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2020/21", "arrs", 0, "2020-04-01", "", des.Weighted, des.Annual, "7.131", `£7.131`, `Lentells, 'PCN Enhanced Service' (funding streams for 2020/21: 'Additional roles reimbursement - £7.131 per weighted patient')`, "https://www.lentells.co.uk/blog-post/pcn-enhanced-service"},
	{"2021/22", "core_pcn_funding", 0, "2021-04-01", "", des.Registered, des.Annual, "1.50", `£1.50`, `BMA, 'Primary care network funding' (version updated 10 May 2021), summary of PCN DES entitlements for 2021/22: 'Core PCN funding £1.50 per registered patient per year (£0.125 per patient per month)'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2021/22", "clinical_director", 0, "2021-04-01", "", des.Registered, des.Annual, "0.722", `£0.722`, `BMA, 'Primary care network funding' (version updated 10 May 2021): 'Clinical director contribution £0.722 per registered patient per year (£0.06 per patient per month)'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2021/22", "network_participation", 0, "2021-04-01", "", des.Weighted, des.Annual, "1.761", `£1.76 per patient (rounded; the DES rate is £1.761 per weighted patient)`, `BMA, 'Primary care network funding' (version updated 10 May 2021): 'participating practices will be entitled to the network participation payment (£1.76 per patient)'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2021/22", "extended_hours_access", 0, "2021-04-01", "", des.Registered, des.Annual, "1.44", `£1.44`, `BMA, 'Primary care network funding' (version updated 10 May 2021): 'Extended hours access £1.44 per patient (£0.120 per patient per month)'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2021/22", "care_home_premium", 0, "2021-04-01", "", des.CareHomeBeds, des.Annual, "120", `£120`, `BMA, 'Primary care network funding' (version updated 10 May 2021): '£120 per bed per year from 1 April 2021'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2021/22", "arrs", 0, "2021-04-01", "", des.Weighted, des.Annual, "12.30", `£12.30`, `Management in Practice, 'What are the funding implications of the new network DES?' (4 Apr 2022): 'The ARRS funding for the coming year increases to £16.70 per patient, up from £12.30'`, "https://managementinpractice.com/practice-intelligence/finance/what-are-the-funding-implications-of-the-new-network-des/"},
	{"2022/23", "core_pcn_funding", 0, "2022-04-01", "", des.Registered, des.Annual, "1.50", `£1.50`, `Network Contract DES 2022/23, funding overview (summary slides, April 2022): 'Core PCN funding of £1.50 per registered patient', list size at 1 Jan 2022`, "https://arietiform.com/application/nph-tsq.cgi/en/20/https/www.slideshare.net/slideshow/des-slideshare/251580331"},
	{"2022/23", "clinical_director", 0, "2022-04-01", "", des.Registered, des.Annual, "0.722", `£0.722`, `BMA, 'Primary care network funding' (version updated 10 May 2021): 'Clinical director contribution £0.722 per registered patient per year' (the 2021/22 rate, carried into 2022/23)`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2022/23", "leadership_management", 0, "2022-04-01", "", des.Adjusted, des.Annual, "0.699", `£0.699`, `Network Contract DES 2022/23, funding overview (summary slides, April 2022): 'Leadership and Management payment = £0.699 x PCN adjusted population per year'`, "https://arietiform.com/application/nph-tsq.cgi/en/20/https/www.slideshare.net/slideshow/des-slideshare/251580331"},
	{"2022/23", "network_participation", 0, "2022-04-01", "", des.Weighted, des.Annual, "1.761", `£1.761`, `Network Contract DES 2022/23, funding overview (summary slides, April 2022): 'Network participation payment to practices £1.761 per contractor weighted population'`, "https://arietiform.com/application/nph-tsq.cgi/en/20/https/www.slideshare.net/slideshow/des-slideshare/251580331"},
	{"2022/23", "extended_hours_access", 0, "2022-04-01", "", des.Registered, des.Period, "0.720", `£0.720`, `Network Contract DES 2022/23, funding overview (summary slides, April 2022): 'Extended hours access (1 April - 30 Sept) = £0.720 per PCN registered list size'`, "https://arietiform.com/application/nph-tsq.cgi/en/20/https/www.slideshare.net/slideshow/des-slideshare/251580331"},
	{"2022/23", "enhanced_access", 0, "2022-10-01", "", des.Adjusted, des.Period, "3.764", `£3.764`, `Network Contract DES 2022/23, funding overview (summary slides, April 2022): '(1 Oct - 31 Mar '23) = £3.764', under the enhanced access heading`, "https://arietiform.com/application/nph-tsq.cgi/en/20/https/www.slideshare.net/slideshow/des-slideshare/251580331"},
	{"2022/23", "care_home_premium", 0, "2022-04-01", "", des.CareHomeBeds, des.Annual, "120", `£120`, `Network Contract DES 2022/23, funding overview (summary slides, April 2022): 'Care Home = £120 per bed per annum'`, "https://arietiform.com/application/nph-tsq.cgi/en/20/https/www.slideshare.net/slideshow/des-slideshare/251580331"},
	{"2022/23", "arrs", 0, "2022-04-01", "", des.Weighted, des.Annual, "16.70", `£16.70`, `Management in Practice, 'What are the funding implications of the new network DES?' (4 Apr 2022): 'The ARRS funding for the coming year increases to £16.70 per patient, up from £12.30'`, "https://managementinpractice.com/practice-intelligence/finance/what-are-the-funding-implications-of-the-new-network-des/"},
	{"2023/24", "core_pcn_funding", 0, "2023-04-01", "2023-03-30", des.Registered, des.Annual, "1.50", `£1.50`, `Network Contract DES 2023/24 payment summary, as reproduced by PCC, '2023/24 Network Contract DES and associated guidance' (core PCN funding £1.50 per year per registered patient)`, "https://www.pcc-cic.org.uk/resources/contracts-and-contract-monitoring"},
	{"2023/24", "clinical_director", 0, "2023-04-01", "2023-03-30", des.Registered, des.Annual, "0.72963", `£0.72963`, `THC Primary Care, 'Primary care network Q4 focus' (clinical director contribution for 1 April 2023 to 31 March 2024 is £0.72963 per registered patient); PCC 2023/24 payment summary gives it rounded as £0.729`, "https://www.thcprimarycare.co.uk/post/primary-care-network-q4-focus"},
	{"2023/24", "leadership_management", 0, "2023-04-01", "2023-03-30", des.Adjusted, des.Annual, "0.684", `£0.684`, `Network Contract DES 2023/24 payment summary, as reproduced by PCC, '2023/24 Network Contract DES and associated guidance' (leadership and management payment £0.684 per year × PCN adjusted population)`, "https://www.pcc-cic.org.uk/resources/contracts-and-contract-monitoring"},
	{"2023/24", "network_participation", 0, "2023-04-01", "", des.Weighted, des.Annual, "1.76", `£1.76`, `BMA, 'Primary care network funding' (summary of PCN financial entitlements for 2023/24: network participation payment £1.76 per patient)`, "https://bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2023/24", "enhanced_access", 0, "2023-04-01", "2023-03-30", des.Adjusted, des.Annual, "7.578", `£7.578`, `Network Contract DES 2023/24 payment summary, as reproduced by PCC, '2023/24 Network Contract DES and associated guidance' (enhanced access £7.578 per year × PCN adjusted population)`, "https://www.pcc-cic.org.uk/resources/contracts-and-contract-monitoring"},
	{"2023/24", "care_home_premium", 0, "2023-04-01", "2023-03-30", des.CareHomeBeds, des.Annual, "120", `£120`, `Network Contract DES 2023/24 payment summary, as reproduced by PCC, '2023/24 Network Contract DES and associated guidance' (care home premium £120 per year per bed)`, "https://www.pcc-cic.org.uk/resources/contracts-and-contract-monitoring"},
	{"2023/24", "capacity_access_support", 0, "2023-04-01", "2023-03-30", des.Adjusted, des.Annual, "2.765", `£2.765`, `Network Contract DES 2023/24 payment summary, as reproduced by PCC, '2023/24 Network Contract DES and associated guidance' (PCN capacity and access support payment £2.765 per year × PCN adjusted population)`, "https://www.pcc-cic.org.uk/resources/contracts-and-contract-monitoring"},
	{"2023/24", "capacity_access_improvement", 0, "2023-04-01", "", des.Adjusted, des.Annual, "1.185", `£1.185`, `Clinical Pharmacist Solutions, 'Understanding the New Capacity and Access Improvement Payment 2023/24 Guidance for PCN Managers' (maximum £1.185 × PCN adjusted population as of 1 January 2023)`, "https://www.clinicalpharmacistsolutions.co.uk/post/understanding-the-new-capacity-and-access-improvement-payment-2023-24-guidance-for-pcn-managers"},
	{"2023/24", "arrs", 0, "2023-04-01", "2023-03-30", des.Weighted, des.Annual, "22.671", `£22.671`, `NHS North East London ICB, 'PCN – ARRS update' (funding available for ARRS under the Network Contract DES is a maximum of £22.671 × PCN contractor weighted population as at January 2023)`, "https://primarycare.northeastlondon.icb.nhs.uk/news/pcn-arrs-update"},
	{"2024/25", "core_pcn_funding", 0, "2024-04-01", "2024-03-28", des.Registered, des.Annual, "2.218", `£2.218 × PCN registered list (the source's note: £2.916 = £2.218 registered + £0.698 adjusted)`, `Network Contract DES Specification 2024/25, core PCN funding (as reproduced by Doncaster LMC, 'Primary Care Networks')`, "https://www.doncasterlmc.co.uk/primary-care-networks"},
	{"2024/25", "core_pcn_funding", 1, "2024-04-01", "2024-03-28", des.Adjusted, des.Annual, "0.698", `£0.698 × PCN adjusted population (the source's note)`, `Network Contract DES Specification 2024/25, core PCN funding (as reproduced by Doncaster LMC, 'Primary Care Networks')`, "https://www.doncasterlmc.co.uk/primary-care-networks"},
	{"2024/25", "network_participation", 0, "2024-04-01", "", des.Weighted, des.Annual, "1.761", `£0.147 per weighted patient a month (the DES rate £1.761 a year)`, `Practice Index, 'An overview of the GP contract updates 2024/25' (NPP £0.147 per weighted patient a month); Primary Care IT, QOF 2024/25 overview`, "https://practiceindex.co.uk/gp/blog/an-overview-of-the-gp-contract-updates-2024-25/"},
	{"2024/25", "enhanced_access", 0, "2024-04-01", "2024-03-28", des.Adjusted, des.Annual, "7.674", `not in the quoted text: £7.674 per adjusted patient (README worked example 'was £7.674')`, `Network Contract DES Specification 2024/25, enhanced access payment (as reported by Pulse, 'PCN funding remains flat for 2024/25')`, "https://pulsetoday.co.uk/pulse-pcn/pcn-funding-remains-flat-for-2024-25"},
	{"2024/25", "enhanced_access", 0, "2024-04-01", "2024-09-26", des.Adjusted, des.Annual, "7.975", `not in the quoted text: £7.975 per adjusted patient, revised 26 Sep 2024`, `NHS England, 'Financial implications and actions for ICBs following the mid-year updates to the 2024/25 GP contract' (PRN01537); revised DES 26 Sep 2024 as reported by Pulse`, "https://pulsetoday.co.uk/pulse-pcn/pcns-can-claim-more-for-arrs-staff-but-funding-remains-flat"},
	{"2024/25", "care_home_premium", 0, "2024-04-01", "2024-03-28", des.CareHomeBeds, des.Annual, "120", `not in the quoted text: £120 per bed (as 2021/22–2023/24)`, `Network Contract DES Specification 2024/25, care home premium (as reproduced by Doncaster LMC, 'Primary Care Networks')`, "https://www.doncasterlmc.co.uk/primary-care-networks"},
	{"2024/25", "care_home_premium", 0, "2024-04-01", "2024-09-26", des.CareHomeBeds, des.Annual, "127.20", `not in the quoted text: £127.20 per bed, revised 26 Sep 2024`, `Revised Network Contract DES 2024/25 (26 Sep 2024), care home premium, as reported by Pulse`, "https://pulsetoday.co.uk/pulse-pcn/pcns-can-claim-more-for-arrs-staff-but-funding-remains-flat"},
	{"2024/25", "capacity_access_support", 0, "2024-04-01", "", des.Adjusted, des.Annual, "3.248", `£3.248 × adjusted population (Pulse 2025/26: 'down from £3.248 to £3.208')`, `Network Contract DES 2024/25, Capacity and Access Support Payment, as reported by Pulse ('PCN funding remains flat for 2024/25'; 'Consultant nurses added to ARRS in new network contract')`, "https://pulsetoday.co.uk/pulse-pcn/pcn-funding-remains-flat-for-2024-25"},
	{"2024/25", "capacity_access_improvement", 0, "2024-04-01", "", des.Adjusted, des.Annual, "1.392", `£1.392 × adjusted population (Pulse 2025/26: 'down from £1.392 to £1.375')`, `Pulse, 'Consultant nurses added to ARRS in new network contract' (gives the 2024/25 CAIP rate as comparator)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2024/25", "arrs", 0, "2024-04-01", "", des.Weighted, des.Annual, "22.894", `£22.894`, `Network Contract DES 2024/25, Additional Roles Reimbursement Sum (£22.894 × PCN contractor weighted population at 1 January 2024), as reported by Pulse`, "https://pulsetoday.co.uk/pulse-pcn/pcns-can-claim-more-for-arrs-staff-but-funding-remains-flat"},
	{"2024/25", "arrs_gp", 0, "2024-10-01", "", des.Weighted, des.Period, "1.303", `£1.303`, `Network Contract DES 2024/25 (revised), paragraph 10.5.4: 'Each PCN's funding for 1 October 2024 to 31 March 2025 equates to £1.303 x weighted population at Jan 2024' (NHS England/ICB briefing)`, "https://docs.google.com/presentation/d/1Y-_l-Rz13C_1q5edWhD6LnllWNPrugTn/htmlpresent"},
	{"2025/26", "core_pcn_funding", 0, "2025-04-01", "", des.Registered, des.Annual, "2.266", `£2.266`, `Network Contract DES 2025/26, core PCN funding, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (£2.266 × PCN registered list size as at 1 January 2025)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "core_pcn_funding", 1, "2025-04-01", "", des.Adjusted, des.Annual, "0.733", `£0.733`, `Network Contract DES 2025/26, core PCN funding, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (£0.733 × PCN adjusted population as at 1 January 2025)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "network_participation", 0, "2025-04-01", "", des.Weighted, des.Annual, "1.761", `£1.761`, `Management in Practice, 'Practice income calculator for 2025/26 released' (NHS England's ready reckoner uses a network participation payment of £1.761 per weighted patient in 2025/26)`, "https://managementinpractice.com/news/practice-income-calculator-for-2025-26-released"},
	{"2025/26", "enhanced_access", 0, "2025-04-01", "", des.Adjusted, des.Annual, "8.427", `£8.427`, `Network Contract DES 2025/26, enhanced access payment, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (£8.427 × PCN adjusted population)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "care_home_premium", 0, "2025-04-01", "", des.CareHomeBeds, des.Annual, "130.253", `£130.253`, `Network Contract DES 2025/26, care home premium, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (£130.253 per bed)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "capacity_access_support", 0, "2025-04-01", "", des.Adjusted, des.Annual, "3.208", `£3.208`, `Network Contract DES 2025/26, capacity and access support payment, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (down from £3.248 to £3.208 × PCN adjusted population)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "capacity_access_improvement", 0, "2025-04-01", "", des.Adjusted, des.Annual, "1.375", `£1.375`, `Network Contract DES 2025/26, capacity and access improvement payment, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (down from £1.392 to £1.375 × PCN adjusted population)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "arrs", 0, "2025-04-01", "", des.Weighted, des.Annual, "26.631", `£26.631`, `Network Contract DES 2025/26, Additional Roles Reimbursement Sum (£26.631 × PCN contractor weighted population as of January 2025), as reported by Pulse, 'Consultant nurses added to ARRS in new network contract'`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	// Core funding's registered part is carried from 2025/26 (dropped here by
	// SourcedOnly), so the sourced adjusted part is part 0.
	{"2026/27", "core_pcn_funding", 0, "2026-04-01", "2026-03-26", des.Registered, des.Annual, "2.311", `£2.311`, `Network Contract DES Specification 2026/27 (PRN02483), core PCN funding, pages 61-63, as read by the medicalaccounts.co.uk content repository (Jaymoo123/dentalfinancepartners.co.uk, docs/medical/packs/BATCH3_INDEX.md, entry D16): 'The 2026/27 specification gives £3.059 (£2.311 registered list + £0.748 adjusted population, both at 1 January 2026)'`, "https://github.com/Jaymoo123/dentalfinancepartners.co.uk/blob/main/docs/medical/packs/BATCH3_INDEX.md"},
	{"2026/27", "core_pcn_funding", 1, "2026-04-01", "2026-03-26", des.Adjusted, des.Annual, "0.748", `£0.748`, `Network Contract DES Specification 2026/27 (PRN02483), core PCN funding, as read by the medicalaccounts.co.uk content repository (BATCH3_INDEX.md, entry D16: '£0.748 adjusted population ... at 1 January 2026'); OrgCentral, 'Weighted list size' tool (core PCN funding £0.748 per adjusted patient at 2026/27 rates)`, "https://github.com/Jaymoo123/dentalfinancepartners.co.uk/blob/main/docs/medical/packs/BATCH3_INDEX.md"},
	{"2026/27", "network_participation", 0, "2026-04-01", "2026-03-26", des.Weighted, des.Annual, "1.761", `£1.761`, `Network Contract DES Specification 2026/27 (PRN02483), paragraph 10.3.5, as read by the medicalaccounts.co.uk content repository (BATCH3_INDEX.md, entry D16): 'an NPP of £1.761 ... paragraph 10.3.5 applies it to the Contractor Weighted Population'`, "https://github.com/Jaymoo123/dentalfinancepartners.co.uk/blob/main/docs/medical/packs/BATCH3_INDEX.md"},
	{"2026/27", "enhanced_access", 0, "2026-04-01", "2026-03-26", des.Adjusted, des.Annual, "8.903", `£8.903`, `OrgCentral, 'Weighted list size' tool (payment streams at 2026/27 rates: Enhanced Access £8.903 per adjusted patient)`, "https://www.orgcentral.app/tools/weighted-list-size"},
	{"2026/27", "arrs", 0, "2026-04-01", "2026-03-26", des.Weighted, des.Annual, "27.668", `£27.668`, `OrgCentral, 'Weighted list size' tool (payment streams at 2026/27 rates: ARRS workforce budget £27.668)`, "https://www.orgcentral.app/tools/weighted-list-size"},
}

// sourcedMaximum is one ARRS maximum (£ per WTE a year; "" where no London
// figure is given).
type sourcedMaximum struct {
	year, role, from, ann  string
	national, outer, inner string
	claimCap               bool
	states                 string // "" when the quote gives every figure
	quote, url             string
}

var sourcedMaxima = []sourcedMaximum{
	// 2025/26 outer London, from the planning workbook (single), where no
	// source gives the national figure (the band model derives it).
	{"2025/26", "social_prescribing_link_worker", "2025-04-01", "2025-03-27", "", "49967", "", false, `the role's row of the workbook's table: £49967 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "health_wellbeing_coach", "2025-04-01", "2025-03-27", "", "49967", "", false, `the role's row of the workbook's table: £49967 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "care_coordinator", "2025-04-01", "2025-03-27", "", "42038", "", false, `the role's row of the workbook's table: £42038 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "physician_associate", "2025-04-01", "2025-03-27", "", "72327", "", false, `the role's row of the workbook's table: £72327 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "apprentice_physician_associate", "2025-04-01", "2025-03-27", "", "49967", "", false, `the role's row of the workbook's table: £49967 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "first_contact_physiotherapist", "2025-04-01", "2025-03-27", "", "74392", "", false, `the role's row of the workbook's table: £74392 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "dietitian", "2025-04-01", "2025-03-27", "", "72327", "", false, `the role's row of the workbook's table: £72327 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "podiatrist", "2025-04-01", "2025-03-27", "", "72327", "", false, `the role's row of the workbook's table: £72327 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "occupational_therapist", "2025-04-01", "2025-03-27", "", "72327", "", false, `the role's row of the workbook's table: £72327 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "paramedic", "2025-04-01", "2025-03-27", "", "72327", "", false, `the role's row of the workbook's table: £72327 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "nursing_associate", "2025-04-01", "2025-03-27", "", "42038", "", false, `the role's row of the workbook's table: £42038 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "trainee_nursing_associate", "2025-04-01", "2025-03-27", "", "38047", "", false, `the role's row of the workbook's table: £38047 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "gp_assistant", "2025-04-01", "2025-03-27", "", "42038", "", false, `the role's row of the workbook's table: £42038 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "digital_transformation_lead", "2025-04-01", "2025-03-27", "", "80754", "", false, `the role's row of the workbook's table: £80754 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2025/26", "enhanced_practice_nurse", "2025-04-01", "2025-03-27", "", "72327", "", false, `the role's row of the workbook's table: £72327 outer London (no national figure)`, `PCN ARRS planning workbook 2025/26, sheet 'Tab 3. ARRS Maxima 25.26' ('Max Yearly reimbursement for 1 WTE (incl Outer London Allowance, Employer's NI & Employer's Pensions) 25.26'; updated 10 April 2025), as copied into a public repository`, "https://github.com/icobani/GolangGorm"},
	{"2019/20", "clinical_pharmacist", "2019-07-01", "", "37810", "", "", true, ``, `Chemist+Druggist, 'Thousands of clinical pharmacist roles funded by 5-year GP contract': 70% of the cost, 'capped at £37,810'; Pharmaceutical Journal (20 Feb 2020): '£37,810 to cover 70% of the costs of hiring one pharmacist in 2019/2020'`, "https://pharmaceutical-journal.com/article/news/nhs-england-says-pcns-can-hire-pharmacy-technicians-earlier-than-planned"},
	{"2019/20", "social_prescribing_link_worker", "2019-07-01", "", "34113", "", "", false, ``, `RCGP GP at Scale, 'Guest blog: social prescribing and PCNs': 'up to an annual maximum amount of £34,113 in 2019/20 based on a weighted average'`, "https://gpatscale.rcgp.org.uk/discussions/guest-blog-social-prescribing-and-pcns/"},
	{"2020/21", "clinical_pharmacist", "2020-04-01", "", "55670", "", "", false, ``, `Pharmaceutical Journal, 'Primary care networks to be fully reimbursed for pharmacists under updated GP contract' (maximum 'rising to £55,670 from April 2020'); Greater Manchester primary care careers: 'From April 2020 ... up to the maximum reimbursable amount of £55,670 over 12 months'`, "https://gmprimarycarecareers.org.uk/generalpractice/new-roles/clinical-pharmacist/"},
	{"2020/21", "pharmacy_technician", "2020-04-01", "", "35389", "", "", false, ``, `Chemist+Druggist, 'Pharmacy technician roles in PCNs to be fully reimbursed from April': 'NHS England has capped the maximum annual reimbursement rate for pharmacy technicians at £35,389'`, "https://www.chemistanddruggist.co.uk/news/pharmacy-technician-roles-pcns-fully-reimbursed-april?cid=AFF-CDNEW-RELATEDARTICLE-POSITION2"},
	{"2020/21", "social_prescribing_link_worker", "2020-04-01", "", "35389", "", "", false, ``, `Greater Manchester Training Hub, 'Social prescriber': 'From April 2020 ... up to the maximum reimbursable amount of £35,389 over 12 months'`, "https://gmthub.co.uk/primary-care-directory/roles-in-primary-care/social-prescriber"},
	{"2020/21", "care_coordinator", "2020-04-01", "", "29135", "", "", false, ``, `Greater Manchester primary care careers, 'Care Co-ordinator': 'The payband for a Care Coordinator is usually AfC Band 4. From April 2020, this role will be reimbursed at 100% of actual salary plus defined on-costs, up to the maximum reimbursable amount of £29,135 over 12 months'`, "https://gmprimarycarecareers.org.uk/generalpractice/new-roles/care-co-ordinator/"},
	{"2020/21", "first_contact_physiotherapist", "2020-04-01", "", "55670", "", "", false, ``, `Greater Manchester primary care careers, 'First Contact Physiotherapist': 'The payband for a First Contact Physiotherapist is usually AfC Band 7/8a. 100% of actual salary plus defined on costs, up to the maximum reimbursable amount of £55670 over 12 months'`, "https://gmprimarycarecareers.org.uk/generalpractice/new-roles/first-contact-physiotherapist/"},
	{"2020/21", "podiatrist", "2020-04-01", "", "53724", "", "", false, ``, `Greater Manchester primary care careers, 'Podiatrist': 'The payband for a Podiatrist is usually AfC Band 7. From April 2020, this role will be reimbursed at 100% of actual salary plus defined on costs, up to the maximum reimbursable amount of £53,724 over 12 months'`, "https://gmprimarycarecareers.org.uk/generalpractice/new-roles/podiatrist/"},
	{"2020/21", "occupational_therapist", "2020-04-01", "", "53724", "", "", false, ``, `Greater Manchester primary care careers, 'Occupational Therapist': 'The payband for an Occupational Therapist is usually AfC Band 7. From April 2020, this role will be reimbursed at 100% of actual salary plus defined on costs, up to the maximum reimbursable amount of £53,724 over 12 months'`, "https://gmprimarycarecareers.org.uk/generalpractice/new-roles/occupational-therapist/"},
	{"2020/21", "nursing_associate", "2020-10-01", "", "29135", "", "", false, ``, `BMA, 'Primary care network funding' (version updated 26 Nov 2020): 'Nursing associates will be reimbursed up to a maximum annual reimbursable amount of £29,135 per FTE'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2020/21", "trainee_nursing_associate", "2020-10-01", "", "25671", "", "", false, ``, `BMA, 'Primary care network funding' (version updated 26 Nov 2020): 'Trainee nursing associates will be reimbursed up to a maximum annual amount of £25,671 per FTE'`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2021/22", "care_coordinator", "2021-04-01", "", "29726", "", "", false, ``, `BMA, 'Primary care network funding' (version updated 10 May 2021), annual reimbursement rates 2021/22: 'Care coordinator 4 29,726' (maximum reimbursable amount over 12 months, with on-costs)`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2021/22", "advanced_practitioner", "2021-04-01", "", "62705", "", "", false, ``, `BMA, 'Primary care network funding' (version updated 10 May 2021), annual reimbursement rates 2021/22: 'Advanced practitioner 8a 62,705' (maximum reimbursable amount over 12 months, with on-costs)`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2022/23", "clinical_pharmacist", "2022-04-01", "", "57318", "", "", false, ``, `Chemist+Druggist, ''Unfair advantage': PCNs see increase in reimbursable pay for pharmacists': '£59,312 as of October 1, an increase on the £57,318 made reimbursable from April 2022'`, "https://www.chemistanddruggist.co.uk/CD136485/Unfair-advantage-PCNs-see-increase-in-reimbursable-pay-for-pharmacists?utm_source=sfmc&utm_medium=email&utm_campaign=13_10_2022_Breaking"},
	{"2022/23", "clinical_pharmacist", "2022-10-01", "", "59312", "", "68768", false, ``, `Chemist+Druggist, ''Unfair advantage': PCNs see increase in reimbursable pay for pharmacists' (NHS England letter of 26 Sep 2022): '£59,312 as of October 1', 'rising to £68,768 for those working in inner high-cost areas'`, "https://www.chemistanddruggist.co.uk/CD136485/Unfair-advantage-PCNs-see-increase-in-reimbursable-pay-for-pharmacists?utm_source=sfmc&utm_medium=email&utm_campaign=13_10_2022_Breaking"},
	{"2022/23", "pharmacy_technician", "2022-10-01", "", "38187", "", "", false, ``, `The Pharmacist, 'No new funding for ARRS pay increases' (June 2023), table 'Reimbursable amount before uplift' (source: NHS England): pharmacy technicians £38,187`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2022/23", "social_prescribing_link_worker", "2022-04-01", "", "36428", "", "", false, ``, `Management in Practice, 'How social prescribing link workers can support your practice team' (17 Feb 2023): 'for 2022/2023 paid up to band 5 with total costs of £36,428 reimbursable via the ARRS'`, "https://managementinpractice.com/practice-intelligence/how-social-prescribing-link-workers-can-support-your-practice-team"},
	{"2022/23", "social_prescribing_link_worker", "2022-10-01", "", "38187", "", "", false, ``, `The Pharmacist, 'No new funding for ARRS pay increases' (June 2023), table 'Reimbursable amount before uplift' (source: NHS England): social prescribing link workers £38,187`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2022/23", "care_coordinator", "2022-10-01", "", "31746", "", "", false, ``, `The Pharmacist, 'No new funding for ARRS pay increases' (June 2023), table 'Reimbursable amount before uplift' (source: NHS England): care coordinators £31,746`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2022/23", "first_contact_physiotherapist", "2022-10-01", "", "59312", "", "", false, ``, `The Pharmacist, 'No new funding for ARRS pay increases' (June 2023), table 'Reimbursable amount before uplift' (source: NHS England): first contact physiotherapists £59,312`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "clinical_pharmacist", "2023-04-01", "2023-03-30", "59312", "", "", false, `not in the quoted text: 59312`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount before uplift', source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "clinical_pharmacist", "2023-07-01", "2023-06-02", "62340", "", "", false, `not in the quoted text: 62340`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount after uplift', from 1 July 2023, DES update of June 2023; source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "pharmacy_technician", "2023-04-01", "2023-03-30", "38187", "", "", false, `not in the quoted text: 38187`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount before uplift', source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "pharmacy_technician", "2023-07-01", "2023-06-02", "40159", "", "", false, `not in the quoted text: 40159`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount after uplift', from 1 July 2023; source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "social_prescribing_link_worker", "2023-04-01", "2023-03-30", "38187", "", "", false, `not in the quoted text: 38187`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount before uplift', source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "social_prescribing_link_worker", "2023-07-01", "2023-06-02", "40159", "", "", false, `not in the quoted text: 40159`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount after uplift', from 1 July 2023; source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "care_coordinator", "2023-04-01", "2023-03-30", "31746", "", "", false, `not in the quoted text: 31746`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount before uplift', source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "care_coordinator", "2023-07-01", "2023-06-02", "33396", "", "", false, `not in the quoted text: 33396`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount after uplift', from 1 July 2023; source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "first_contact_physiotherapist", "2023-04-01", "2023-03-30", "59312", "", "", false, `not in the quoted text: 59312`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount before uplift', source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2023/24", "first_contact_physiotherapist", "2023-07-01", "2023-06-02", "62340", "", "", false, `not in the quoted text: 62340`, `The Pharmacist, 'No new funding for ARRS pay increases' (table 'Reimbursable amount after uplift', from 1 July 2023; source: NHS England)`, "https://www.thepharmacist.co.uk/news/no-new-funding-for-arrs-pay-increases/"},
	{"2024/25", "clinical_pharmacist", "2024-04-01", "", "62340", "", "", false, `not in the quoted text: 62340`, `2023/24 maximum from 1 July 2023 (DES update 2 June 2023), unchanged until October 2024: The Pharmacist says the October 2024 rate is 5.6% more than PCNs could claim since March 2023`, "https://thepharmacist.co.uk/in-practice/pcns-can-claim-more-per-arrs-role-but-no-overall-funding-increase"},
	{"2024/25", "clinical_pharmacist", "2024-10-01", "", "65838", "73189", "76313", false, `not in the quoted text: 65838, 73189, 76313`, `NHS England ARRS uplift from 1 October 2024 (annual equivalent), as reported by The Pharmacist and the Pharmaceutical Journal`, "https://thepharmacist.co.uk/in-practice/pcns-can-claim-more-per-arrs-role-but-no-overall-funding-increase"},
	{"2024/25", "pharmacy_technician", "2024-10-01", "", "42437", "48991", "51176", false, `not in the quoted text: 42437, 48991, 51176`, `Revised Network Contract DES 2024/25 (26 Sep 2024), ARRS maxima from 1 October 2024 (annual equivalent), as reported by The Pharmacist, 'PCNs can claim more per ARRS role but no overall funding increase'`, "https://thepharmacist.co.uk/in-practice/pcns-can-claim-more-per-arrs-role-but-no-overall-funding-increase"},
	{"2024/25", "first_contact_physiotherapist", "2024-10-01", "", "65838", "", "", false, ``, `THC Primary Care, 'What factors influence my salary? A guide for primary care network staff' (FCP maximum reimbursement £65,838; a £52,000 salary costs £65,397.80 with on-costs)`, "https://thcprimarycare.co.uk/post/what-factors-influence-my-salary-a-guide-for-primary-care-network-staff"},
	{"2024/25", "nursing_associate", "2024-10-01", "", "35301", "", "", false, ``, `North East and North Cumbria primary care roles, 'Student Nursing Associate / Nursing Associate': 'Nursing Associate: NHS AfC: Band 4 ... Reimbursement by GP contract: 100% of actual salary plus defined on-costs, up to the maximum reimbursable amount of £35,301 over 12 months'`, "https://nenc-primarycareroles-app.azurewebsites.net/new-roles-overview/student-nursing-associate-nursing-associate"},
	{"2024/25", "advanced_practitioner", "2024-10-01", "", "72141", "79492", "82616", false, `not in the quoted text: 79492, 82616`, `Revised Network Contract DES 2024/25 (26 Sep 2024), ARRS maxima from 1 October 2024 (annual equivalent), as reported by The Pharmacist, 'PCNs can claim more per ARRS role but no overall funding increase' (advanced practitioners at band 8a rise 5.6% to £72,141)`, "https://thepharmacist.co.uk/in-practice/pcns-can-claim-more-per-arrs-role-but-no-overall-funding-increase"},
	{"2024/25", "enhanced_practice_nurse", "2024-04-01", "2024-03-28", "60401", "67369", "70330", false, ``, `Network Contract DES 2024/25, as reported by Management in Practice, 'ARRS enhanced practice nurses can earn up to £70k' (up to £60,401 a year nationally, £67,369 outer London, £70,330 inner London)`, "https://managementinpractice.com/news/arrs-enhanced-practice-nurses-can-earn-up-to-70k/"},
	{"2024/25", "general_practitioner", "2024-10-01", "", "92462", "95233", "95233", false, ``, `NHS England, 'GP contract changes: government response to DDRB and ARRS' (PRN01475): GP maximum £92,462 including on-costs (London £95,233)`, "https://england.nhs.uk/long-read/gp-contract-changes-government-response-to-ddrb-and-arrs"},
	{"2025/26", "clinical_pharmacist", "2025-04-01", "2025-03-27", "66972", "74392", "77545", false, ``, `Network Contract DES 2025/26, as reported by The Pharmacist, 'New ARRS pharmacist funding confirmed by NHS England' (£66,972; £74,392 outer London; £77,545 inner London)`, "https://thepharmacist.co.uk/in-practice/new-arrs-pharmacist-funding-confirmed-by-nhs-england"},
	{"2025/26", "pharmacy_technician", "2025-04-01", "2025-03-27", "43352", "49967", "52172", false, ``, `Network Contract DES 2025/26, as reported by The Pharmacist, 'New ARRS pharmacist funding confirmed by NHS England' (£43,352; £49,967 outer London; £52,172 inner London)`, "https://thepharmacist.co.uk/in-practice/new-arrs-pharmacist-funding-confirmed-by-nhs-england"},
	{"2025/26", "advanced_practitioner", "2025-04-01", "2025-03-27", "73334", "80754", "83907", false, ``, `Network Contract DES 2025/26, as reported by The Pharmacist, 'New ARRS pharmacist funding confirmed by NHS England' (advanced pharmacist practitioner £73,334; £80,754 outer London; £83,907 inner London)`, "https://thepharmacist.co.uk/in-practice/new-arrs-pharmacist-funding-confirmed-by-nhs-england"},
	{"2025/26", "new_to_general_practice_nurse", "2025-04-01", "2025-03-27", "43352", "49967", "", false, `outer London £49967 from the PCN ARRS planning workbook 2025/26 (single), beside the national figure`, `Network Contract DES 2025/26, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (£43,352 for new to general practice nurses at band 5)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "general_practice_nurse", "2025-04-01", "2025-03-27", "53319", "60739", "", false, `outer London £60739 from the PCN ARRS planning workbook 2025/26 (single), beside the national figure`, `Network Contract DES 2025/26, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (£53,319 for experienced band 6 GPNs)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "consultant_nurse", "2025-04-01", "2025-03-27", "102683", "110103", "", false, `outer London £110103 from the PCN ARRS planning workbook 2025/26 (single), beside the national figure`, `Network Contract DES 2025/26, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (up to £102,683 per consultant nurse in primary care)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "healthcare_support_worker", "2025-04-01", "2025-03-27", "32159", "38047", "", false, `outer London £38047 from the PCN ARRS planning workbook 2025/26 (single), beside the national figure`, `Network Contract DES 2025/26, as reported by Pulse, 'Consultant nurses added to ARRS in new network contract' (up to £32,159 for band 3 healthcare support workers)`, "https://pulsetoday.co.uk/pulse-pcn/consultant-nurses-added-to-arrs-in-new-network-contract"},
	{"2025/26", "general_practitioner", "2025-04-01", "2025-03-27", "105882", "108680", "108680", false, `London £108,680 (one figure, outer and inner) from the PCN ARRS planning workbook 2025/26 (single), beside the national figure`, `Network Contract DES 2025/26, ARRS GP maximum including on-costs (£105,882; salary element £82,418), as summarised by Humberside LMC, 'Network Contract DES 2025/26'`, "https://humbersidelmc.org.uk/network-contract-des-202526/"},
	{"2026/27", "general_practitioner", "2026-04-01", "", "152900", "155698", "155698", false, ``, `Network Contract DES specification 2026/27 (PRN02483), Table 3c, as quoted by Jaymoo123/dentalfinancepartners.co.uk, docs/medical/packs/BATCH3_INDEX.md: 'The specification's Table 3c gives £152,900, or £155,698 with London weighting, as the annual equivalent maximum reimbursable amount per role for General Medical Practitioners, inclusive of on-costs'`, "https://github.com/Jaymoo123/dentalfinancepartners.co.uk/blob/main/docs/medical/packs/BATCH3_INDEX.md"},
}

// sourcedCap is one cap on numbers.
type sourcedCap struct {
	year, role, from, to string
	unit                 des.CapUnit
	limit, large         string
	above                int64
	quote, url           string
}

var sourcedCaps = []sourcedCap{
	{"2019/20", "clinical_pharmacist", "2019-07-01", "2020-03-31", des.CapWTE, "1", "2", 100000, `Pharmaceutical Journal, 'Primary care networks to be fully reimbursed for pharmacists under updated GP contract': the January 2019 contract 'required every PCN to employ at least one pharmacist, with PCNs covering a population of more than 100,000 being expected to employ two'`, "https://pharmaceutical-journal.com/article/news/primary-care-networks-to-be-fully-reimbursed-for-pharmacists-under-updated-gp-contract"},
	{"2019/20", "social_prescribing_link_worker", "2019-07-01", "2020-03-31", des.CapWTE, "1", "2", 100000, `Management in Practice, '30,000-patient networks set to receive £1 per head more than larger networks' (15 Mar 2019, reporting BMA guidance): 'Networks with more than 100,000 patients will receive funding to employ two pharmacists and two social prescribers'`, "https://managementinpractice.com/news/30000-patient-networks-set-to-receive-1-per-head-more-than-larger-networks/"},
	{"2020/21", "pharmacy_technician", "2020-04-01", "2021-03-31", des.CapHeadcount, "1", "2", 100000, `Chemist+Druggist, 'Pharmacy technician roles in PCNs to be fully reimbursed from April', quoting the contract: no more than one pharmacy technician in 2020-21 and 2021-22 'or two in those PCNs with a population of over 100,000 patients'`, "https://www.chemistanddruggist.co.uk/news/pharmacy-technician-roles-pcns-fully-reimbursed-april?cid=AFF-CDNEW-RELATEDARTICLE-POSITION2"},
	{"2021/22", "advanced_practitioner", "2021-04-01", "2022-03-31", des.CapHeadcount, "1", "", 0, `North East and North Cumbria primary care roles, 'Advanced clinical practitioner': 'Each PCN is entitled to claim reimbursement for one AP under the ARRS'; Buckinghamshire, Oxfordshire and Berkshire West primary care careers, ARRS page (December 2021 statement, per the research notes)`, "https://nenc-primarycareroles.org.uk/new-roles-overview/advanced-clinical-practitioner"},
	{"2021/22", "mental_health_practitioner", "2021-04-01", "2022-03-31", des.CapWTE, "1", "2", 99999, `Greater Manchester primary care careers, 'Mental health practitioner' deployment arrangements: '1 whole-time equivalent (WTE) for 2021/22 ... per PCN with less than 100,000 patients', 'Double entitlements for PCNs with 100,000+ patients'`, "https://gmprimarycarecareers.org.uk/generalpractice/new-roles/mental-health-practitioner/"},
	{"2022/23", "advanced_practitioner", "2022-04-01", "2023-03-31", des.CapWTE, "2", "3", 99999, `Medscape UK (Guidelines in Practice), 'Harness the benefits of first-contact physiotherapists in general practice': the 2023-24 changes 'increased the cap on advanced practitioners from two to three whole-time equivalent (WTE) posts for PCNs with a list size of 99,999 or fewer and from three to six WTE posts for PCNs with a list size of 100,000 or more'`, "https://www.medscape.co.uk/viewarticle/harness-benefits-first-contact-physiotherapists-general-2023a1000ni8"},
	{"2022/23", "mental_health_practitioner", "2022-04-01", "2023-03-31", des.CapWTE, "2", "4", 100000, `GPonline, 'ARRS funding increased to £1bn ahead of PCN opt-out deadline': 'From April 2022, PCNs may be reimbursed for a further mental health practitioner role (or a further two for PCNs with a population of over 100,000), where agreed between the PCN and the local community mental health provider'`, "https://www.gponline.com/arrs-funding-increased-1bn-ahead-pcn-opt-out-deadline/article/1751565"},
	{"2022/23", "digital_transformation_lead", "2022-10-01", "2023-03-31", des.CapHeadcount, "1", "", 0, `Pulse, 'Explainer: the new ARRS additions': 'Capped at one per PCN, NHS England has said the digital and transformation lead will help adopt or optimise new technology'`, "https://www.pulsetoday.co.uk/analysis/pulse-pcn/explainer-the-new-arrs-additions/"},
	{"2023/24", "advanced_practitioner", "2023-04-01", "2024-03-31", des.CapWTE, "3", "6", 99999, `NCL Training Hub, 'Additional Roles Reimbursement Scheme' (cap on advanced practitioners raised from two to three per PCN where the list size numbers 99,999 or fewer, and from three to six where it numbers 100,000 or over); Wessex LMCs quotes the same wording`, "https://www.ncltraininghub.org/training-and-support/additional-reimbursement-scheme"},
	{"2023/24", "digital_transformation_lead", "2023-04-01", "2024-03-31", des.CapHeadcount, "1", "", 0, `Pulse, 'Explainer: the new ARRS additions' (October 2022: 'capped at one per PCN')`, "https://www.pulsetoday.co.uk/analysis/pulse-pcn/explainer-the-new-arrs-additions/"},
	{"2024/25", "enhanced_practice_nurse", "2024-04-01", "2025-03-31", des.CapHeadcount, "1", "2", 99999, `NHS England contract letter of 28 February 2024, as reported by Management in Practice, ''Enhanced' practice nurses to be included in ARRS under new contract' ('capped at one per PCN – or two where the list size is 100,000 or over')`, "https://managementinpractice.com/news/enhanced-practice-nurses-to-be-included-in-arrs-under-new-contract/"},
}

// sourcedRole is a role claimable from later than 1 April, or reimbursed at
// less than 100%, or from the GP pot; every other role is 100% from 1 April
// from the main pot.
type sourcedRole struct {
	year, role, eligible, reimbursement, pot string
	quote, url                               string
}

var sourcedRoles = []sourcedRole{
	{"2019/20", "clinical_pharmacist", "2019-07-01", "0.7", "main", `Chemist+Druggist, 'Thousands of clinical pharmacist roles funded by 5-year GP contract' (31 Jan 2019): practices reimbursed 70% of the cost of a clinical pharmacist in 2019-20, from the DES start`, "https://www.chemistanddruggist.co.uk/CD005732/Thousands-of-clinical-pharmacist-roles-funded-by-5-year-GP-contract"},
	{"2019/20", "social_prescribing_link_worker", "2019-07-01", "1", "main", `RCGP GP at Scale, 'Guest blog: social prescribing and PCNs' (24 Oct 2019): link workers 'the only one of the five additional roles ... where the salary reimbursement is at 100%'`, "https://gpatscale.rcgp.org.uk/discussions/guest-blog-social-prescribing-and-pcns/"},
	{"2020/21", "nursing_associate", "2020-10-01", "1", "main", `BMA, 'Primary care network funding' (version updated 26 Nov 2020): the amended DES, applying from 1 October 2020, introduces nursing associates and trainee nursing associates as reimbursable roles; NHS Confederation, 'Amendments to the network contract DES 2020/21' (22 Sep 2020)`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2020/21", "trainee_nursing_associate", "2020-10-01", "1", "main", `BMA, 'Primary care network funding' (version updated 26 Nov 2020): trainee nursing associates reimbursable under the amended DES from 1 October 2020; NHS Confederation briefing (22 Sep 2020)`, "https://www.bma.org.uk/advice-and-support/gp-practices/primary-care-networks/primary-care-network-funding"},
	{"2021/22", "mental_health_practitioner", "2021-04-01", "0.5", "main", `Greater Manchester primary care careers, 'Mental health practitioner': from April 2021, employed by the community mental health provider and wholly deployed to the PCN; 'PCNs contribute 50 per cent of the salary and employers NI/pension costs, reimbursable via the ARRS'`, "https://gmprimarycarecareers.org.uk/generalpractice/new-roles/mental-health-practitioner/"},
	{"2022/23", "mental_health_practitioner", "2022-04-01", "0.5", "main", `Greater Manchester primary care careers, 'Mental health practitioner': employed by the community mental health provider; 'PCNs contribute 50 per cent of the salary and employers NI/pension costs, reimbursable via the ARRS'`, "https://gmprimarycarecareers.org.uk/generalpractice/new-roles/mental-health-practitioner/"},
	{"2022/23", "gp_assistant", "2022-10-01", "1", "main", `Pulse, 'Explainer: the new ARRS additions' (NHS England letter to PCNs, Sept 2022): GP assistants employable from October, 'subject to maximum reimbursement equivalent of an Agenda for Change band 4 level'`, "https://www.pulsetoday.co.uk/analysis/pulse-pcn/explainer-the-new-arrs-additions/"},
	{"2022/23", "digital_transformation_lead", "2022-10-01", "1", "main", `Pulse, 'Explainer: the new ARRS additions' (NHS England letter to PCNs, Sept 2022): digital and transformation leads employable from October 2022`, "https://www.pulsetoday.co.uk/analysis/pulse-pcn/explainer-the-new-arrs-additions/"},
	{"2023/24", "mental_health_practitioner", "2023-04-01", "0.5", "main", `Management in Practice, 'Advanced nurse practitioners and apprentice physician associates added to ARRS' (all MHP recruitment caps removed from April 2023); 50:50 funding with the mental health provider until 2023/24 (Greater Manchester primary care careers, 'Mental health practitioner')`, "https://managementinpractice.com/news/advanced-nurse-practitioners-and-apprentice-physician-associates-added-to-arrs/"},
	{"2024/25", "general_practitioner", "2024-10-01", "1", "gp", `Network Contract DES 2024/25 (revised), paragraph 10.5.4 and Table 3c: GPs reimbursable from 1 October 2024 from a ring-fenced sum`, "https://england.nhs.uk/long-read/gp-contract-changes-government-response-to-ddrb-and-arrs"},
	{"2024/25", "mental_health_practitioner", "2024-04-01", "0.5", "main", `NHS England contract letter (February 2024), as reported by Pulse, 'Unclaimed ARRS funding will not be available to PCNs, according to new contract', and Key Medical Services: the contract 'outlines changes to the employment of mental health practitioners (MHPs), allowing them to be fully funded by the ARRS scheme. Currently, MHPs are funded 50:50 by the PCN and mental health provider'`, "https://pulsetoday.co.uk/pulse-pcn/unclaimed-arrs-funding-will-not-be-available-to-pcns-according-to-new-contract"},
	{"2025/26", "mental_health_practitioner", "2025-04-01", "0.5", "main", `PCN ARRS planning workbook 2025/26 ('Practice ARRS Planning DASHBOARD 25.26'), as copied into a public ARRS planning service (icobani/GolangGorm, models/PositionReimbursement.go): 'Only 50% reimbursement is available for the first Mental Health Practitioner (MHP)'; 'Up to 100% reimbursement is available for any subsequent MHPs subject to local arrangements with Trusts'`, "https://github.com/icobani/GolangGorm"},
	{"2026/27", "mental_health_practitioner", "2026-04-01", "0.5", "main", `PCN Tools ARRS calculator (haresign.net), 2026/27 DES tables: 'Adult MHP & CYP MHP — 50% reimbursement for the first MHP per band (Table 3a); up to 100% for subsequent MHPs where a written agreement is in place (Table 3b)'`, "http://www.haresign.net/tools/arrs-calculator/"},
}

func (v sourcedValue) String() string {
	return fmt.Sprintf("%s %s part %d from %s: the source states %s (%q, <%s>)", v.year, v.payment, v.part, v.from, v.states, v.quote, v.url)
}

func (m sourcedMaximum) String() string {
	return fmt.Sprintf("%s %s maximum from %s (%q, <%s>)", m.year, m.role, m.from, m.quote, m.url)
}

// sourcePCN has two practices and different registered (10,007), weighted
// (12,012), adjusted (11,003) and bed (37) totals, so every basis is pinned.
func sourcePCN() des.PCN {
	return des.PCN{Name: "Sources", Practices: []des.Practice{
		{Name: "P1", Registered: des.WholeNumber(6001), Weighted: des.MustParseNumber("7003.5"), Adjusted: des.MustParseNumber("6502.25"), CareHomeBeds: des.WholeNumber(20)},
		{Name: "P2", Registered: des.WholeNumber(4006), Weighted: des.MustParseNumber("5008.5"), Adjusted: des.MustParseNumber("4500.75"), CareHomeBeds: des.WholeNumber(17)},
	}}
}

// figureOf is a practice's (or the PCN's, for practice "") figure on a
// basis, typed here rather than read through the library.
func figureOf(b des.Basis, practice string) decimal.Decimal {
	v := map[string]map[des.Basis]string{
		"":   {des.Registered: "10007", des.Weighted: "12012", des.Adjusted: "11003", des.CareHomeBeds: "37", des.Fixed: "1"},
		"P1": {des.Registered: "6001", des.Weighted: "7003.5", des.Adjusted: "6502.25", des.CareHomeBeds: "20", des.Fixed: "1"},
		"P2": {des.Registered: "4006", des.Weighted: "5008.5", des.Adjusted: "4500.75", des.CareHomeBeds: "17", des.Fixed: "1"},
	}[practice][b]
	return decimal.RequireFromString(v)
}

func ruleSet(t *testing.T, year string) *des.RuleSet {
	t.Helper()
	rs, err := rates.YearNamed(year)
	if err == nil {
		rs = rs.SourcedOnly() // the figures as the sources give them
	}
	require.NoError(t, err)
	return rs
}

func dateOrZero(s string) des.Date {
	if s == "" {
		return des.Date{}
	}
	d, err := des.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Every payment value in the rate tables is in the source table and agrees
// with it: rate, basis, how it is stated, its date and URL.
func TestSourcedPaymentValues(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range sourcedValues {
		key := fmt.Sprintf("%s|%s|%d|%s|%s", v.year, v.payment, v.part, v.from, v.ann)
		require.False(t, seen[key], "twice in the table: %s", key)
		seen[key] = true
		if !strings.Contains(v.states, " ") {
			require.Contains(t, strings.ReplaceAll(v.quote, ",", ""), v.states, "the figure typed is the one quoted: %s", v)
		}
		p, ok := ruleSet(t, v.year).Payment(v.payment)
		require.True(t, ok, "no payment: %s", v)
		require.Less(t, v.part, len(p.Parts), "%s", v)
		pt := p.Parts[v.part]
		require.Equal(t, v.basis, pt.Basis, "basis: %s", v)
		require.Equal(t, v.stated, pt.Stated, "stated: %s", v)
		found := false
		for _, got := range pt.Values {
			if got.From.String() != v.from || got.Announced != dateOrZero(v.ann) {
				continue
			}
			found = true
			if !got.Rate.Equal(decimal.RequireFromString(v.rate)) {
				t.Errorf("rate £%s, want £%s: %s", got.Rate, v.rate, v)
			}
			require.Equal(t, v.url, got.Source.URL, "%s", v)
		}
		require.True(t, found, "no value from %s announced %q: %s", v.from, v.ann, v)
	}
	// and nothing in the tables is missing from the source table
	n := 0
	for _, rs := range sourcedOnly(mustAll(rates.All())) {
		for _, p := range rs.Payments() {
			for i, pt := range p.Parts {
				for _, val := range pt.Values {
					n++
					ann := ""
					if !val.Announced.IsZero() {
						ann = val.Announced.String()
					}
					key := fmt.Sprintf("%s|%s|%d|%s|%s", rs.Year(), p.ID, i, val.From, ann)
					require.True(t, seen[key], "a figure with no row in the source table: %s (%s)", key, val.Source.Document)
				}
			}
		}
	}
	require.Equal(t, n, len(sourcedValues))
}

// monthsIn counts the calendar months from one 1st to a month end.
func monthsIn(from, to des.Date) int64 {
	return int64((to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1)
}

// halfUpPounds rounds a rational number of pounds half-up to the penny.
func halfUpPounds(r *big.Rat) decimal.Decimal {
	p := new(big.Rat).Mul(r, big.NewRat(100, 1))
	n := new(big.Int).Add(new(big.Int).Mul(p.Num(), big.NewInt(2)), p.Denom())
	q := new(big.Int).Quo(n, new(big.Int).Mul(p.Denom(), big.NewInt(2)))
	return decimal.NewFromBigInt(q, -2)
}

func rat(d decimal.Decimal) *big.Rat {
	r, _ := new(big.Rat).SetString(d.String())
	return r
}

// Each sourced value, applied to a PCN whose lists all differ, gives the
// amount worked out here from the typed rate and basis: for a payment,
// months × round(rate × figure ÷ 12) (annual) or months × round(rate ×
// figure ÷ months) (period); for an ARRS sum, round(rate × figure × months
// ÷ 12) or round(rate × figure), once. Revised values are checked as known
// on their announcement date.
func TestSourcedPaymentAmounts(t *testing.T) {
	for _, v := range sourcedValues {
		rs := ruleSet(t, v.year)
		e, err := des.Entitle(rs, sourcePCN(), des.Options{AsAt: dateOrZero(v.ann)})
		require.NoError(t, err, "%s", v)
		a, ok := e.Payment(v.payment)
		require.True(t, ok, "%s", v)
		rate := decimal.RequireFromString(v.rate)
		matched := 0
		for _, pa := range a.Parts {
			if pa.Basis != v.basis || len(pa.Rates) != 1 || !pa.Rates[0].Rate.Equal(rate) {
				continue
			}
			matched++
			require.True(t, pa.Factor.Equal(decimal.NewFromInt(1)), "%s", v)
			fig := figureOf(v.basis, pa.Practice)
			require.True(t, pa.BasisValue.Equal(fig), "basis %s: got %s, want %s: %s", v.basis, pa.BasisValue, fig, v)
			n := monthsIn(pa.Period[0], pa.Period[1])
			total := new(big.Rat).Mul(rat(rate), rat(fig))
			var want decimal.Decimal
			switch {
			case a.Kind == des.KindARRSSum && v.stated == des.Annual:
				want = halfUpPounds(new(big.Rat).Mul(total, big.NewRat(n, 12)))
			case a.Kind == des.KindARRSSum:
				want = halfUpPounds(total)
			case v.stated == des.Annual:
				want = halfUpPounds(new(big.Rat).Quo(total, big.NewRat(12, 1))).Mul(decimal.NewFromInt(n))
			default:
				want = halfUpPounds(new(big.Rat).Quo(total, big.NewRat(n, 1))).Mul(decimal.NewFromInt(n))
			}
			if !pa.Amount.Decimal().Equal(want) {
				t.Errorf("amount £%s, want £%s (£%s × %s %s over %d months): %s", pa.Amount.Plain(), want.StringFixed(2), v.rate, fig, v.basis, n, v)
			}
		}
		if matched == 0 {
			t.Errorf("no part of %s pays £%s on the %s basis: %s", v.payment, v.rate, v.basis, v)
		}
	}
}

// containsFigure reports whether a quote gives an amount, written 66972 or
// 66,972.
func containsFigure(quote, amount string) bool {
	return strings.Contains(strings.ReplaceAll(quote, ",", ""), decimal.RequireFromString(amount).String())
}

// Every ARRS maximum in force in the rate tables is in the source table and
// agrees with it, through the public accessors.
func TestSourcedMaxima(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range sourcedMaxima {
		key := m.year + "|" + m.role + "|" + m.from
		require.False(t, seen[key], key)
		seen[key] = true
		if m.states == "" {
			for _, f := range []string{m.national, m.outer, m.inner} {
				if f != "" {
					require.True(t, containsFigure(m.quote, f), "the quote gives £%s: %s", f, m)
				}
			}
		}
		r, ok := ruleSet(t, m.year).ARRS().Role(m.role)
		require.True(t, ok, "%s", m)
		var got *des.Maximum
		for _, x := range r.MaximaInForce(des.Date{}) {
			if x.From.String() == m.from {
				x := x
				got = &x
			}
		}
		require.NotNil(t, got, "%s", m)
		for _, z := range []struct {
			name, want string
			got        decimal.Decimal
		}{{"national", m.national, got.National}, {"outer London", m.outer, got.OuterLondon}, {"inner London", m.inner, got.InnerLondon}} {
			if z.want == "" {
				if z.got.IsPositive() {
					t.Errorf("%s £%s where no source gives one: %s", z.name, z.got, m)
				}
				continue
			}
			if !z.got.Equal(decimal.RequireFromString(z.want)) {
				t.Errorf("%s £%s, want £%s: %s", z.name, z.got, z.want, m)
			}
		}
		require.Equal(t, m.claimCap, got.ClaimCap, "%s", m)
		require.Equal(t, m.url, got.Source.URL, "%s", m)
		if m.ann != "" {
			require.Equal(t, m.ann, got.Announced.String(), "%s", m)
		}
	}
	n := 0
	for _, rs := range sourcedOnly(mustAll(rates.All())) {
		for _, r := range rs.ARRS().Roles {
			for _, x := range r.MaximaInForce(des.Date{}) {
				n++
				require.True(t, seen[rs.Year().String()+"|"+r.ID+"|"+x.From.String()], "a maximum with no row in the source table: %s %s from %s (%s)", rs.Year(), r.ID, x.From, x.Source.Document)
			}
		}
	}
	require.Equal(t, n, len(sourcedMaxima))
}

// roleFacts returns a role's eligibility, percentage and pot from the
// source table (100% from 1 April, main pot, unless a row says otherwise).
func roleFacts(year, role string) (eligible, pct, pot string) {
	for _, r := range sourcedRoles {
		if r.year == year && r.role == role {
			return r.eligible, r.reimbursement, r.pot
		}
	}
	return year[:4] + "-04-01", "1", "main"
}

// Each maximum, claimed for one whole month by one WTE costing more than
// it, in each London zone: the claim is the zone's figure (or the national
// one where the zone has none) ÷ 12 × the reimbursement (not × it for a
// claim cap), rounded half-up.
func TestSourcedMaximaClaims(t *testing.T) {
	w, err := arrs.WTEOf(decimal.NewFromInt(1))
	require.NoError(t, err)
	for _, m := range sourcedMaxima {
		rs := ruleSet(t, m.year)
		from := dateOrZero(m.from)
		end := des.MustDate(from.Year(), from.Month(), time.Date(from.Year(), from.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day())
		_, pct, _ := roleFacts(m.year, m.role)
		for _, z := range []struct {
			zone   arrs.London
			figure string
		}{{arrs.NotLondon, m.national}, {arrs.OuterLondon, m.outer}, {arrs.InnerLondon, m.inner}} {
			figure := z.figure
			if figure == "" {
				figure = m.national // no London figure: the national one
			}
			if figure == "" {
				figure = "0" // no figure for the zone at all: nothing is claimed
			}
			per := new(big.Rat).Quo(rat(decimal.RequireFromString(figure)), big.NewRat(12, 1))
			if !m.claimCap {
				per.Mul(per, rat(decimal.RequireFromString(pct)))
			}
			want := halfUpPounds(per)
			s := arrs.Staff{Name: "X", Role: m.role, WTE: w, Start: from, End: end, AnnualCost: decimal.NewFromInt(1_000_000), London: z.zone}
			r, err := arrs.Calculate(rs, sourcePCN(), []arrs.Staff{s}, arrs.Options{})
			require.NoError(t, err, "%s", m)
			if !r.Claims.Decimal().Equal(want) {
				t.Errorf("%q claims £%s for %s, want £%s: %s", z.zone, r.Claims.Plain(), m.from, want.StringFixed(2), m)
			}
		}
	}
}

func TestSourcedCaps(t *testing.T) {
	n := 0
	for _, c := range sourcedCaps {
		r, ok := ruleSet(t, c.year).ARRS().Role(c.role)
		require.True(t, ok, c.quote)
		found := false
		for _, got := range r.Caps {
			if got.From.String() != c.from {
				continue
			}
			found = true
			where := fmt.Sprintf("%s %s cap from %s (%q, <%s>)", c.year, c.role, c.from, c.quote, c.url)
			require.Equal(t, c.to, got.To.String(), where)
			require.Equal(t, c.unit, got.Unit, where)
			require.True(t, got.Limit.Equal(decimal.RequireFromString(c.limit)), "limit %s: %s", got.Limit, where)
			if c.large == "" {
				require.False(t, got.LargeLimit.IsPositive(), where)
			} else {
				require.True(t, got.LargeLimit.Equal(decimal.RequireFromString(c.large)), "large limit %s: %s", got.LargeLimit, where)
			}
			require.Equal(t, c.above, got.LargeAbove, where)
			require.Equal(t, c.url, got.Source.URL, where)
		}
		require.True(t, found, c.quote)
	}
	for _, rs := range sourcedOnly(mustAll(rates.All())) {
		for _, r := range rs.ARRS().Roles {
			n += len(r.Caps)
		}
	}
	require.Equal(t, n, len(sourcedCaps), "every cap has a row")
}

func TestSourcedRoles(t *testing.T) {
	for _, rs := range sourcedOnly(mustAll(rates.All())) {
		a := rs.ARRS()
		for _, r := range a.Roles {
			eligible, pct, pot := roleFacts(rs.Year().String(), r.ID)
			where := fmt.Sprintf("%s %s (%q, <%s>)", rs.Year(), r.ID, r.Source.Document, r.Source.URL)
			require.Equal(t, eligible, r.EligibleFrom.String(), where)
			require.True(t, r.Reimbursement.Equal(decimal.RequireFromString(pct)), "reimbursement %s: %s", r.Reimbursement, where)
			require.Equal(t, pot, string(r.Pot), where)
		}
	}
	for _, r := range sourcedRoles {
		got, ok := ruleSet(t, r.year).ARRS().Role(r.role)
		require.True(t, ok, r.quote)
		require.Equal(t, r.url, got.Source.URL)
	}
}

// sourcedOnly is each rule set without its derived and carried figures:
// what this file pins is what the sources state (the band model's figures
// are checked by the leave-one-out test and des's own tests).
func sourcedOnly(sets []*des.RuleSet) []*des.RuleSet {
	out := make([]*des.RuleSet, len(sets))
	for i, rs := range sets {
		out[i] = rs.SourcedOnly()
	}
	return out
}
