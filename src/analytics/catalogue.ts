/**
 * The metrics catalogue as data: every entry of the seed catalogue
 * (../shared/spec/metrics-catalogue.md, "the catalogue"), each either
 *
 *  - a metric Safeguard computes from the event log's projections (`kind: 'metric'`), with its
 *    definition in words (the catalogue's Def quoted where short), counting unit, numerator,
 *    denominator, population, window semantics, timescale, breakdowns and whether it follows DfE;
 *  - a view of such a metric (`kind: 'view'`): the same figure broken down in a named way, e.g. the
 *    disproportionality register's DP-01 is CP-02b by ethnicity against the child population; or
 *  - unavailable (`kind: 'unavailable'`), with the reason: the events it needs are not recorded yet.
 *    Such a metric is never computed or estimated.
 *
 * The SQL behind each metric is in repo.ts; nothing here touches storage.
 */
import { allocationDimensions, demographicDimensions, type DimensionId } from './dimensions.ts';

/** Every entry of the catalogue by id, with the catalogue's own name for it. */
export const catalogueTitles: ReadonlyMap<string, string> = new Map<string, string>([
  ['FD-01', 'Contacts received'],
  ['FD-02', 'Contacts, year-on-year change'],
  ['FD-03', 'Contacts by source'],
  ['FD-04', 'Contacts by reason'],
  ['FD-05', 'Contact outcomes'],
  ['FD-06', 'Early help → social care step-up'],
  ['FD-07', 'Re-referral rate'],
  ['FD-08', 'NFA following assessment'],
  ['FD-09', 'MASH checks completed'],
  ['FD-10', 'Consent barrier to early help'],
  ['FD-11', 'Physical-abuse contacts (calendar 2023)'],
  ['FD-12', 'Gangs/SYV-coded contacts'],
  ['FD-13', 'Contact-decision timeliness'],
  ['CIN-01', 'Children in need, open caseload (snapshot)'],
  ['CIN-02', 'Rate of children assessed as CIN, national rank'],
  ['CIN-03', 'Allocation within 48 hours of referral'],
  ['CIN-04', 'Child seen within 10 days of new allocation'],
  ['CIN-05', 'Assessment outcome NFA'],
  ['CIN-06', 'Every assessed child has a plan'],
  ['CIN-07', 'Length of CIN/CP plans by gender'],
  ['CIN-08', 'Referral demographics'],
  ['CP-01', 'Children with a CP plan (snapshot)'],
  ['CP-02', 'CP plan rate per 10,000'],
  ['CP-03', 'Parental risk factors among children with CP plans'],
  ['CP-04', 'CP plans by category of abuse'],
  ['CP-05', 'Repeat CP plans (annual)'],
  ['CP-06', 'Repeat-plan audit, Q1 2023/24'],
  ['CP-07', 'Duration of CP plans'],
  ['CP-08', 'S47 enquiries, monthly average'],
  ['CP-09', 'S47 rate per 10,000'],
  ['CP-10', 'Drivers of S47 volume'],
  ['CP-11', 'Conversion through the CP funnel'],
  ['CP-12', 'CP threshold met but no S47 (team audit)'],
  ['CP-13', 'Core group in place'],
  ['CP-14', 'Disabled children in CP procedures'],
  ['CP-15', 'CP plans by ethnicity vs child population'],
  ['CP-16', 'Pre-ICPC consultation for potential repeat plans'],
  ['CP-17', 'Care proceedings started'],
  ['CPC-01', 'CP conferences chaired'],
  ['CPC-02', 'ASV meetings chaired by the CP service'],
  ['CPC-03', 'Supervision Order meetings chaired'],
  ['CPC-04', 'Total meetings chaired by the CP service'],
  ['CPC-05', 'ICPC timeliness'],
  ['CPC-06', 'RCPC timeliness'],
  ['CPC-07', 'Physical attendance at conferences'],
  ['CPC-08', 'Advocacy offered/taken up at CP conferences'],
  ['CPC-09', 'Safeguarding alerts raised by CP chairs'],
  ['CPC-10', 'Parental feedback on conferences'],
  ['CPC-11', 'CP workshops via ISCP'],
  ['CLA-01', 'CLA count (snapshot)'],
  ['CLA-02', 'CLA rate per 10,000'],
  ['CLA-03', 'UASC looked after'],
  ['CLA-04', 'Short-term placement stability'],
  ['CLA-05', 'Long-term placement stability'],
  ['CLA-06', 'Placement instability in adolescence'],
  ['CLA-07', 'Placed more than 20 miles from home'],
  ['CLA-08', 'Entries to care by age band'],
  ['CLA-09', 'Staying put'],
  ['CLA-10', 'Secure orders'],
  ['CLA-11', 'Adoptions and SGOs'],
  ['CLA-12', 'Became looked after because of gangs/SYV risk'],
  ['CLA-13', 'Under-8s accommodated under s20 (review)'],
  ['CLA-14', 'New-entrant cohort outcomes and costs (6-month sample)'],
  ['CLA-15', 'CLA known to YOS (audit)'],
  ['CLA-16', 'Youth-justice cohort that is care-experienced'],
  ['CLA-17', 'CLA statutory visits'],
  ['CLA-18', 'CLA reviews on time (IRO)'],
  ['CLA-19', 'Child participation in reviews'],
  ['CLA-20', 'Health assessments up to date'],
  ['CLA-21', 'Dental checks'],
  ['CLA-22', 'Mental health screening of CLA (incl. UASC)'],
  ['CLA-23', 'CLA offending'],
  ['CLA-24', 'Remands of CLA'],
  ['CLA-25', 'CLA by ethnicity vs population'],
  ['CLA-26', 'Permanency planning meetings held per protocol'],
  ['CLA-27', 'CLA education outcomes'],
  ['CL-01', 'Care leavers (snapshot)'],
  ['CL-02', 'In touch'],
  ['CL-03', 'Participation in pathway plans'],
  ['CL-04', 'Suitable accommodation'],
  ['CL-05', 'Education, employment or training'],
  ['CL-06', 'Care leavers securing permanent housing'],
  ['CL-07', 'YES programme engagement'],
  ['CL-08', 'Pathway-plan quality'],
  ['CL-09', 'Deaths of care leavers ≤24 notified'],
  ['CL-10', 'Care leavers aged 18+ without a diagnostic assessment'],
  ['CL-11', 'Independent Futures, aged 22–25'],
  ['MIS-01', 'Children missing from home and episodes'],
  ['MIS-02', 'Frequency distribution (missing from home)'],
  ['MIS-03', 'Time to return'],
  ['MIS-04', 'Missing from home by ethnicity × gender × age'],
  ['MIS-05', 'Missing from home with an exploitation risk'],
  ['MIS-06', 'Children missing from care and episodes'],
  ['MIS-07', 'Concentration among frequent missers (care)'],
  ['MIS-08', 'Missing from care with an exploitation risk'],
  ['MIS-09', 'Missing strategy meetings chaired by the E&M team'],
  ['MIS-10', 'RHI acceptance by care status, age and gender'],
  ['MIS-11', 'Police safe-and-well checks'],
  ['MIS-12', 'Children missing (home + care) and episodes'],
  ['MIS-13', 'Missing by gender, with YoY comparison'],
  ['MIS-14', 'Top-ten concentration'],
  ['MIS-15', 'Black and Mixed-parentage share of missing children'],
  ['MIS-16', 'RHI completed within 72 hours'],
  ['MIS-17', 'RHI not possible because missing again'],
  ['MIS-18', 'AFPWA classification'],
  ['MIS-19', 'Targeted action plan on girls missing'],
  ['EXP-01', 'CSE referrals to CSCT, by year'],
  ['EXP-02', 'CSE specialist consultations'],
  ['EXP-03', 'CSE strategy meetings chaired independently by the E&M team'],
  ['EXP-04', 'Children at risk of CSE by risk category (snapshot)'],
  ['EXP-05', 'Category 2/3 risk → strategy meeting compliance'],
  ['EXP-06', 'Gangs/SYV contacts (new contact code)'],
  ['EXP-07', 'Gangs/SYV specialist consultations'],
  ['EXP-08', 'Gangs/SYV strategy meetings chaired by the E&M team'],
  ['EXP-09', 'Children at risk of gangs/SYV (snapshot)'],
  ['EXP-10', 'Exploitation-related secure placements and care entries'],
  ['EXP-11', 'MASE panel'],
  ['EXP-12', 'Mapping meetings'],
  ['EXP-13', 'Preventative sessions for children'],
  ['EXP-14', 'Children identified at risk of exploitation'],
  ['EXP-15', 'Gender share within risk type'],
  ['EXP-16', 'NRM pilot referrals'],
  ['EXP-17', 'NRM by exploitation type'],
  ['EXP-18', 'NRM education context'],
  ['EXP-19', 'NRM by ethnicity'],
  ['EXP-20', 'NRM decisions'],
  ['EXP-21', 'Peer-on-peer exploitation trend'],
  ['EXP-22', 'High-risk SYV/CCE multi-agency audit (thematic LCSPR phase 1)'],
  ['EXP-23', 'YJS–CSC joint working audit (Oct 2023)'],
  ['EXP-24', 'DIVERT app (police diversion, ages 14–25)'],
  ['EXP-25', 'MTIPS (More Thorough Intimate Parts Searches) oversight'],
  ['EXP-26', 'YJS disproportionality measures'],
  ['EXP-27', 'MACE panel (successor to MASE, and to the MCAE subgroup from March 2024)'],
  ['EDU-01', 'CME returned to school within 20 school days'],
  ['EDU-02', 'School "no-shows"'],
  ['EDU-03', 'Off-rolling authorisations and compliance'],
  ['EDU-04', 'Temporary-accommodation (TA) notifications and CME'],
  ['EDU-05', 'EHE cohort starts, ends and turnover by academic year'],
  ['EDU-06', 'EHE open cases on 5 September each year'],
  ['EDU-07', 'EHE reasons'],
  ['EDU-08', 'EHE safeguarding follow-up'],
  ['EDU-09', 'Operation Encompass: schools live'],
  ['EDU-10', 'Operation Encompass notifications per month'],
  ['EDU-11', 'CLA educational attainment'],
  ['EDU-12', 'CLA attendance and suspensions'],
  ['EDU-13', 'School attendance in CSC audits'],
  ['EDU-14', 'Virtual School / CWASW attendance'],
  ['EDU-15', 'Borough attendance, exclusions and suspensions'],
  ['EDU-16', 'Deprivation in schools'],
  ['EDU-17', 'Online safety initiative outcomes'],
  ['EDU-18', 'CME oversight by the named lead officer'],
  ['LADO-01', 'LADO contacts'],
  ['LADO-02', 'Contacts by work setting / referral source'],
  ['LADO-03', 'Contacts by nature of concern'],
  ['LADO-04', 'Advice vs allegation share'],
  ['LADO-05', 'ASV meetings'],
  ['LADO-06', 'LADO action tracker'],
  ['PF-01', 'PF notifications by year'],
  ['PF-02', 'Confirmed PF arrangements'],
  ['PF-03', 'Notification forwarded to CIN service for assessment'],
  ['PF-04', 'Initial visit timeliness'],
  ['PF-05', 'Monitoring visit timeliness'],
  ['PF-06', 'Annual ACRP review of long-term arrangements'],
  ['PF-07', 'PF demographics and reasons'],
  ['PF-08', 'Record-keeping quality on LCS'],
  ['FGC-01', 'Families referred'],
  ['FGC-02', 'Children referred'],
  ['FGC-03', 'Conferences held'],
  ['FGC-04', 'Conversion rate'],
  ['FGC-05', 'Referrals and conversion by child status at referral'],
  ['FGC-06', 'FGC coordinators trained as mediators / in RPC'],
  ['FGC-07', 'Lifelong Links referrals'],
  ['FGC-08', 'Consideration of FGC in case work'],
  ['DA-01', 'MARAC demand before the DSM'],
  ['DA-02', 'DSM referrals needing multi-agency input, heard at DSM'],
  ['DA-03', 'Children in households heard at DSM'],
  ['DA-04', 'Pre-DSM single-agency referrals'],
  ['DA-05', 'DSM actions by category'],
  ['DA-06', 'Survivor feedback'],
  ['DA-07', 'DSM daily capacity'],
  ['QA-01', 'Practice weeks held'],
  ['QA-02', 'Practice week activities'],
  ['QA-03', 'Supervision frequency compliance (staff-reported)'],
  ['QA-04', 'CIN team "low CP numbers" audit'],
  ['QA-05', 'CIN team "high re-referral" audit'],
  ['QA-06', 'Themed audits, D1'],
  ['QA-07', 'Practice Week Nov 2022: CSCT dip sample'],
  ['QA-08', 'Practice Week Nov 2022: observations of practice'],
  ['QA-09', 'Practice Week Nov 2022: family feedback'],
  ['QA-10', 'Multi-agency threshold audit, Dec 2022 (CSCT/MASH)'],
  ['QA-11', 'Bangladeshi families referred for DVA (Jan–Jun 2023)'],
  ['QA-12', 'Repeat CP plan audit (Q1 2023/24)'],
  ['QA-13', 'Practice Week May 2023'],
  ['QA-14', 'YJS/CSC joint audit (Oct 2023)'],
  ['QA-15', 'Practice Week Nov 2023'],
  ['QA-16', 'Multi-agency audit: physical abuse referral decisions (2023)'],
  ['QA-17', 'Thematic high-risk SYV/CCE audit'],
  ['QA-18', 'Neglect toolkit use and neglect audit'],
  ['QA-19', 'Agency QA reports include ethnicity disproportionality analysis'],
  ['QA-20', 'Disproportionality task and finish group returns'],
  ['QA-21', 'MTIPS monthly audit'],
  ['CR-01', 'Serious case reviews completed'],
  ['CR-02', 'Rapid reviews held'],
  ['CR-03', 'Rapid reviews progressing to an LCSPR'],
  ['CR-04', 'Reviews listed in the period'],
  ['CR-05', 'Recommendations per review'],
  ['CR-06', 'Action-plan completion and impact'],
  ['CR-07', 'Serious youth violence reviews over the past 5 years'],
  ['CR-08', 'Learning events from reviews'],
  ['CR-09', 'Review costs'],
  ['CR-10', 'Statutory review timescales'],
  ['TR-01', 'Professionals trained on exploitation and missing'],
  ['TR-02', 'ISCP core courses delivered'],
  ['TR-03', 'Training requests, trained and non-attendance'],
  ['TR-04', 'LCSPR learning events (Baby V and Child R)'],
  ['TR-05', 'Parent Champion joint event (trauma)'],
  ['TR-06', 'Safer Internet Day, 6 Feb 2024'],
  ['TR-07', 'Police recruit training (YJS-led), Sept 2023–Mar 2024'],
  ['TR-08', 'VAWG non-fatal strangulation training for police'],
  ['TR-09', 'Reducing Parental Conflict (RPC) training'],
  ['TR-10', 'iTIPS (trauma-informed practice in schools), 2023'],
  ['TR-11', 'Tiny TIPs (early years), 2020–2023'],
  ['TR-12', 'Health trust safeguarding training compliance'],
  ['TR-13', 'Training platform data capability'],
  ['TR-14', 'Training evaluation actions'],
  ['TR-15', 'Exploitation awareness for children'],
  ['WF-01', 'Caseload per worker'],
  ['WF-02', 'Social-worker continuity per child'],
  ['WF-03', 'Supervision'],
  ['WF-04', 'Practice observation ratings'],
  ['WF-05', 'Workforce diversity vs population'],
  ['WF-06', 'Staff retention'],
  ['WF-07', 'Specialist team composition (D1)'],
  ['WF-08', 'Youth participation in recruitment'],
  ['BUD-01', 'Income by partner'],
  ['BUD-02', 'Contribution shares (equity of funding)'],
  ['BUD-03', 'Expenditure by category'],
  ['BUD-04', 'Surplus/deficit and reserve draw'],
  ['BUD-05', 'Other money figures quoted'],
  ['POP-01', 'Total population'],
  ['POP-02', 'Age structure'],
  ['POP-03', 'Children and young people'],
  ['POP-04', 'Global-majority children'],
  ['POP-05', 'Deprivation'],
  ['POP-06', 'Geography'],
  ['POP-07', 'White British share of the child population'],
  ['OTH-01', 'SEMH waiting time standard'],
  ['OTH-02', "Damp and mould (housing, linked to children's safeguarding)"],
  ['OTH-03', 'Family Hubs'],
  ['OTH-04', 'Governance cadences (meeting-frequency metrics)'],
  ['OTH-05', 'Inspection judgements (D1 §3.2)'],
  ['OTH-06', 'Youth voice'],
  ['OTH-07', 'Whittington trends'],
  ['DP-01', 'Children with CP plans'],
  ['DP-02', 'Children with CP plans'],
  ['DP-03', 'CLA (admissions and outcomes)'],
  ['DP-04', 'Missing children 2023/24'],
  ['DP-05', 'Physical-abuse contacts, calendar 2023 vs Census'],
  ['DP-06', 'Bangladeshi families referred for DVA, Jan–Jun 2023'],
  ['DP-07', 'Referrals (Nov 2022 dip sample)'],
  ['DP-08', 'Re-referrals / repeat contacts (Nov 2023)'],
  ['DP-09', 'Risk factors recorded in assessments (May 2023)'],
  ['DP-10', 'CIN/CP plan length (May 2023)'],
  ['DP-11', 'CAMHS / SEMH services'],
  ['DP-12', 'YJS: pre-sentence reports, sentencing, CAMHS access from YJS'],
  ['DP-13', 'Workforce (all agencies)'],
  ['DP-14', 'MPS workforce'],
  ['DP-15', 'Bright Start / Bright Futures reach'],
  ['DP-16', 'School exclusions and suspensions'],
  ['DP-17', 'Thematic SYV/CCE audit (6 children)'],
  ['DP-18', 'Extra-familial harm; strip searches'],
  ['DP-19', 'NRM pilot referrals'],
  ['DP-20', 'Exploitation risk by gender'],
  ['DP-21', 'Missing from home'],
  ['DP-22', 'CP procedures'],
  ['DP-23', 'Youth justice cohort'],
  ['DP-24', 'MASH checks'],
  ['DP-25', 'Deprivation'],
  ['DP-26', 'Public Health workforce'],
]);

export type Domain =
  | 'front-door' | 'children-in-need' | 'child-protection' | 'conferences' | 'looked-after' | 'care-leavers' | 'missing'
  | 'exploitation' | 'education' | 'lado' | 'private-fostering' | 'family-group-conferences' | 'domestic-abuse'
  | 'quality-assurance' | 'case-reviews' | 'training' | 'workforce' | 'budget' | 'population' | 'disproportionality' | 'other';

/**
 * How a window is read. 'in-period': the counted event happened in the period. 'any-point-in-period':
 * the spell (episode, plan) was open on at least one day of the period. 'snapshot': open at the end of
 * the day asked about (a spell ending that day is no longer open); for a period, its last day.
 */
export type WindowSemantics = 'in-period' | 'any-point-in-period' | 'snapshot';

/**
 * What the headline value is. 'count': units counted. 'percent': numerator ÷ denominator × 100.
 * 'rate-per-10000': units ÷ children aged 0–17 × 10,000. 'per-month': units ÷ months in the window.
 * 'distribution': the total, with each group's share (the figure is the breakdown). 'mean': numerator
 * ÷ denominator. 'change': percentage change on the preceding period of the same kind.
 */
export type ValueType = 'count' | 'percent' | 'rate-per-10000' | 'per-month' | 'distribution' | 'mean' | 'change';

export type CountingUnit =
  | 'child' | 'contact' | 'referral' | 'assessment' | 'strategy-discussion' | 'section-47-enquiry' | 'plan' | 'conference' | 'review-conference'
  | 'allocation' | 'worker' | 'child-in-population';

export interface TimescaleDefinition {
  /** The timescale in words. */
  rule: string;
  /** The duty projection's rule whose due dates and closures the metric reads (computed with England and Wales bank holidays). */
  dutyRuleId?: string;
  amount: number;
  unit: 'working-days' | 'calendar-days' | 'hours' | 'months';
  source: string;
}

interface EntryBase {
  id: string;
  title: string;
  domain: Domain;
}

export interface MetricDefinition extends EntryBase {
  kind: 'metric';
  available: true;
  /** What it measures and how; quotes the catalogue's Def where short. */
  description: string;
  /** The definition follows DfE's (CIN census, DfE statistics); `dfeNote` says which. */
  followsDfe: boolean;
  dfeNote?: string;
  countingUnit: CountingUnit;
  numerator: string;
  denominator?: string;
  population: string;
  window: WindowSemantics;
  valueType: ValueType;
  /** Distribution metrics: the dimension whose groups' shares are the figure. */
  category?: DimensionId;
  /** A rate per 10,000 children aged 0–17 is shown with the count. */
  ratePer10000: boolean;
  timescale?: TimescaleDefinition;
  breakdowns: readonly DimensionId[];
  /** One of several variants of a catalogue entry (CP-02a/b/c of CP-02). */
  variantOf?: string;
  /** FD-02: the change of this metric on the preceding period. */
  changeOf?: string;
  /** Where the figure lives in the catalogue. */
  catalogueRef: string;
}

export interface MetricView extends EntryBase {
  kind: 'view';
  available: true;
  description: string;
  /** Computed as this metric broken down by these dimensions, with disproportionality for the first. */
  viewOf: { metricId: string; by: readonly DimensionId[] };
  catalogueRef: string;
}

export interface UnavailableMetric extends EntryBase {
  kind: 'unavailable';
  available: false;
  /** Why it cannot be computed yet: which records do not exist. */
  reason: string;
}

export type CatalogueEntry = MetricDefinition | MetricView | UnavailableMetric;

const demographic = demographicDimensions;
const allocation = allocationDimensions;
const contactDimensions: readonly DimensionId[] = ['source', 'local-source', 'reason', 'decision'];

const WT23_CH3 = 'Working Together to Safeguard Children 2023, chapter 3';
const WT23_CH4 = 'Working Together to Safeguard Children 2023, chapter 4';

type MetricInput = Omit<MetricDefinition, 'kind' | 'available' | 'title' | 'catalogueRef'> & { title?: string; catalogueRef?: string };

/** Catalogue entries keep the catalogue's name unless a variant needs its own. */
function metric(input: MetricInput): MetricDefinition {
  const catalogueId = input.variantOf ?? input.id;
  const title = input.title ?? catalogueTitles.get(catalogueId);
  if (!title) throw new Error(`No catalogue entry ${catalogueId}`);
  return { kind: 'metric', available: true, title, catalogueRef: input.catalogueRef ?? `metrics catalogue ${catalogueId}`, ...input };
}

export const metricDefinitions: readonly MetricDefinition[] = [
  // ---------------------------------------------------------------------------------------------
  // 1. Front door
  metric({
    id: 'FD-01', domain: 'front-door',
    description: 'Catalogue Def: "count of Contact records with received_at in the window. A contact is a request for a service about one child; n children in one request = n contacts."',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window', population: 'Contacts about children of the LA',
    window: 'in-period', valueType: 'count', ratePer10000: true,
    breakdowns: [...demographic, ...contactDimensions, 'month'],
  }),
  metric({
    id: 'FD-02', domain: 'front-door',
    description: 'Catalogue Def: "(contacts FY_n − contacts FY_n−1) ÷ contacts FY_n−1". Computed for any window against the preceding window of the same kind (the previous financial year for FY2023-24).',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window minus contacts in the preceding window',
    denominator: 'Contacts received in the preceding window', population: 'Contacts about children of the LA', window: 'in-period',
    valueType: 'change', changeOf: 'FD-01', ratePer10000: false, breakdowns: [],
  }),
  metric({
    id: 'FD-03', domain: 'front-door',
    description: 'Catalogue Def: "contacts in window with source_category = s ÷ all contacts in window". Sources are the CIN census referral source codes (1A–10), so the shares compare with DfE\'s referrals by source; the finer local list (schools, Education Welfare Service, …) is the local-source breakdown.',
    followsDfe: false, countingUnit: 'contact',
    numerator: 'Contacts received in the window from the source', denominator: 'All contacts received in the window', population: 'Contacts about children of the LA',
    window: 'in-period', valueType: 'distribution', category: 'source', ratePer10000: false,
    breakdowns: [...demographic, 'local-source', 'reason', 'decision', 'month'],
  }),
  metric({
    id: 'FD-04', domain: 'front-door',
    description: 'Catalogue Def: "contacts in window with primary reason r ÷ all contacts in window" (the primary reason; other reasons are not counted here).',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window with the primary reason', denominator: 'All contacts received in the window',
    population: 'Contacts about children of the LA', window: 'in-period', valueType: 'distribution', category: 'reason', ratePer10000: false,
    breakdowns: [...demographic, 'source', 'local-source', 'decision', 'month'],
  }),
  metric({
    id: 'FD-05', domain: 'front-door',
    description: 'Catalogue Def: "contacts in window whose CSCT decision = o ÷ all contacts in window". Outcomes: early help, referral to statutory social care, no further action, information and advice; contacts not yet decided are shown as such, so the outcomes add up to the contacts.',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window with the decision', denominator: 'All contacts received in the window',
    population: 'Contacts about children of the LA', window: 'in-period', valueType: 'distribution', category: 'decision', ratePer10000: false,
    breakdowns: [...demographic, 'source', 'local-source', 'reason', 'month'],
  }),
  metric({
    id: 'FD-07', domain: 'front-door',
    description: 'Catalogue Def (DfE): "referrals in FY where the child had a previous referral within the 12 months before ÷ referrals in FY". A previous referral counts when it was made on or after the date 12 calendar months before this one.',
    followsDfe: true, dfeNote: 'DfE CIN statistics "re-referrals within 12 months of a previous referral".', countingUnit: 'referral',
    numerator: 'Referrals in the window where the child had another referral in the 12 months before', denominator: 'Referrals in the window',
    population: 'Referrals to children\'s social care (children-in-need episodes)', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'source', ...allocation, 'month'],
  }),
  metric({
    id: 'FD-08', domain: 'front-door',
    description: 'Catalogue Def: "assessments completed in window with outcome NFA ÷ assessments completed" (also CIN-05). An assessment is completed on the date a manager authorised it.',
    followsDfe: false, countingUnit: 'assessment', numerator: 'Assessments completed in the window with the outcome no further action',
    denominator: 'Assessments completed in the window', population: 'Child and family assessments', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'assessment-outcome', 'factor', ...allocation, 'month'],
  }),
  metric({
    id: 'FD-09', domain: 'front-door',
    description: 'Catalogue Def: "contacts … where a MASH multi-agency information check was carried out ÷ contacts in sample/window". A contact counts when at least one MASH check on it was completed.',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window with at least one completed MASH check',
    denominator: 'Contacts received in the window', population: 'Contacts about children of the LA', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, ...contactDimensions, 'month'],
  }),
  metric({
    id: 'FD-11', domain: 'front-door', title: 'Physical-abuse contacts',
    description: 'Catalogue Def: "Contact records … with reason = physical abuse, excluding children already open to CIN/CLA teams. Also count distinct children, and children with 2 and with 3 such referrals." Physical abuse as the primary or any other reason; a child is open when a children-in-need episode is open on the day the contact is received. The catalogue quotes calendar 2023 (CY2023); any window can be asked for.',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts with physical abuse as a reason about children not open to children\'s social care that day',
    population: 'Contacts about children of the LA', window: 'in-period', valueType: 'count', ratePer10000: true,
    breakdowns: [...demographic, 'source', 'local-source', 'decision', 'month'],
  }),
  metric({
    id: 'FD-13', domain: 'front-door',
    description: 'Catalogue Def: "contacts with outcome_at − received_at ≤ 1 WD ÷ contacts". Contacts received in the window, decided on or before the working day after the day received (day 0 is the day received; England and Wales bank holidays are not working days). A contact still undecided counts as late once its day is past; one not yet due when the figures are run is left out.',
    followsDfe: false, countingUnit: 'contact', numerator: 'Contacts received in the window decided within 1 working day',
    denominator: 'Contacts received in the window, less those not yet due a decision', population: 'Contacts about children of the LA',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Decision within 1 working day of the contact', dutyRuleId: 'contact-decision-within-1-working-day', amount: 1, unit: 'working-days', source: WT23_CH3 },
    breakdowns: [...demographic, ...contactDimensions, 'month'],
  }),

  // ---------------------------------------------------------------------------------------------
  // 2. Children in need
  metric({
    id: 'CIN-01', domain: 'children-in-need',
    description: 'Catalogue Def: "distinct children with an open CIN episode … on the snapshot date". DfE scope: an episode is open from the referral until it closes, whatever the child receives (assessment, CIN plan, CP plan); looked-after children are not recorded yet. At 31 March this is DfE\'s "children in need at 31 March".',
    followsDfe: true, dfeNote: 'DfE "children in need at 31 March" (CIN census episodes open on the date).', countingUnit: 'child',
    numerator: 'Children with a children-in-need episode open at the end of the day', population: 'Children of the LA aged 0–17 (rate)', window: 'snapshot',
    valueType: 'count', ratePer10000: true, breakdowns: [...demographic, 'primary-need', ...allocation],
  }),
  metric({
    id: 'CIN-02', domain: 'children-in-need', title: 'Children in need at any point in the period, per 10,000',
    description: 'Catalogue Def: "children in need at any point in FY per 10,000 children 0–17, ranked among English LAs (rank is a benchmark import)". Distinct children with a children-in-need episode open on at least one day of the window. The national rank is not computed: load it as a benchmark.',
    followsDfe: true, dfeNote: 'DfE "children in need during the year".', countingUnit: 'child',
    numerator: 'Children with a children-in-need episode open at any point in the window', denominator: 'Children aged 0–17 (population reference)',
    population: 'Children of the LA aged 0–17', window: 'any-point-in-period', valueType: 'rate-per-10000', ratePer10000: true,
    breakdowns: [...demographic, 'primary-need'],
  }),
  metric({
    id: 'CIN-03', domain: 'children-in-need',
    description: 'Catalogue Def: "referrals in window where first SocialWorkerAllocation.start − referral.accepted_at ≤ 48 h ÷ referrals". From the local timescale rule allocation-after-referral: 48 hours from the referral (to the minute when the referral time is known, else the end of the second day after it). Referrals closed before an allocation was due are left out, as are referrals not yet due when the figures are run.',
    followsDfe: false, countingUnit: 'referral', numerator: 'Referrals in the window with a worker allocated within 48 hours',
    denominator: 'Referrals in the window, less those closed before allocation was due or not yet due', population: 'Referrals to children\'s social care',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Allocate a social worker within 48 hours of the referral (local)', dutyRuleId: 'allocation-after-referral', amount: 48, unit: 'hours', source: 'Local practice; the catalogue quotes it as a standard (D1 §6.4)' },
    breakdowns: [...demographic, 'source', 'month'],
  }),
  metric({
    id: 'CIN-04', domain: 'children-in-need',
    description: 'Catalogue Def: "new allocations where the first StatutoryVisit/ChildSeen date − allocation.start ≤ 10 days ÷ new allocations. … calendar or working days; make it a parameter." The first visit at which the child was seen after each allocation (the duty child-seen-after-allocation records it), within withinDays working days (default 10, England and Wales bank holidays) or calendar days. Allocations whose episode closed within the timescale without a visit, and allocations still within the timescale when the figures are run, are left out.',
    followsDfe: false, countingUnit: 'allocation', numerator: 'Allocations in the window where the child was seen within the timescale',
    denominator: 'Allocations in the window, less those closed or still within the timescale', population: 'Allocations of children to workers',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'See the child within 10 working days of allocation (local; parameter withinDays and withinUnit)', dutyRuleId: 'child-seen-after-allocation', amount: 10, unit: 'working-days', source: 'Local practice (D1 §6.4)' },
    breakdowns: [...demographic, ...allocation, 'month'],
  }),
  metric({
    id: 'CIN-06', domain: 'children-in-need', title: 'Assessed children with a plan',
    description: 'Catalogue Def: "assessments with outcome CIN/CP/CLA where a plan starts within X days ÷ those assessments". Assessments completed in the window whose outcome calls for a plan (a child in need plan, or a strategy discussion towards child protection) that have a child in need or child protection plan of the same episode open on a day from the completion to withinDays after it (default 10 working days, England and Wales bank holidays; withinUnit calendar-days counts calendar days). A plan already open on completion counts. Assessments still within the timescale without a plan when the figures are run are left out; the outcome looked-after is left out, as care plans are not recorded yet.',
    followsDfe: false, countingUnit: 'assessment', numerator: 'Assessments completed in the window with a plan within the timescale',
    denominator: 'Assessments completed in the window with outcome child in need plan or strategy discussion, less those still within the timescale',
    population: 'Child and family assessments', window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'A plan within 10 working days of the assessment\'s completion (parameter withinDays and withinUnit)', amount: 10, unit: 'working-days', source: 'Catalogue CIN-06 (D1 §6.4: "following assessment have a plan that sets out the actions"); the catalogue leaves X open' },
    breakdowns: [...demographic, 'assessment-outcome', ...allocation, 'month'],
  }),
  metric({
    id: 'CIN-07', domain: 'children-in-need', title: 'CIN and CP plans open 12 months or more',
    description: 'Catalogue Def: "median plan duration, or % of plans open more than 12 months, by sex". Child in need and child protection plans ending in the window that had been open 12 calendar months or more, as a share of the plans ending in it; by sex (and any characteristic) with disproportionality against the group\'s own plans, by kind of plan, and by length band. A child in need plan left open when its episode closed ends with the episode.',
    followsDfe: false, countingUnit: 'plan', numerator: 'Plans ending in the window after 12 months or more', denominator: 'Child in need and child protection plans ending in the window',
    population: 'Child in need and child protection plans', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'plan-type', 'duration-band', 'month'],
  }),
  metric({
    id: 'CIN-08', domain: 'children-in-need', title: 'Referrals received',
    description: 'Catalogue CIN-08 (referral demographics: "White British children were the largest group referred … children aged 11–13 were the most frequently referred"): referrals (children-in-need episodes starting) in the window, by the child\'s characteristics. DfE "referrals in year" counts the same.',
    followsDfe: true, dfeNote: 'DfE CIN statistics "referrals in the year".', countingUnit: 'referral', numerator: 'Referrals received in the window',
    population: 'Children of the LA aged 0–17 (rate)', window: 'in-period', valueType: 'count', ratePer10000: true,
    breakdowns: [...demographic, 'source', 'month'],
  }),

  // ---------------------------------------------------------------------------------------------
  // 3. Strategy discussions, section 47 enquiries, child protection plans
  metric({
    id: 'CP-01', domain: 'child-protection',
    description: 'Catalogue Def: "distinct children with an open CPPlan on the date". A plan ending on the date is no longer open. Unborn children on pre-birth plans are counted, as DfE does.',
    followsDfe: true, dfeNote: 'DfE "children who were the subject of a child protection plan at 31 March" when the date is 31 March.', countingUnit: 'child',
    numerator: 'Children on a child protection plan at the end of the day', population: 'Children of the LA aged 0–17 (rate)', window: 'snapshot',
    valueType: 'count', ratePer10000: true, breakdowns: [...demographic, 'category', 'latest-category', ...allocation],
  }),
  metric({
    id: 'CP-02a', domain: 'child-protection', variantOf: 'CP-02', title: 'Children on a CP plan at the end of the period, per 10,000',
    description: 'Catalogue Def (D1): "children with an open CPP at 31 March ÷ pop 0–17 × 10,000". For any window: plans open at the end of its last day.',
    followsDfe: true, dfeNote: 'DfE rate of children on a plan at 31 March per 10,000 children.', countingUnit: 'child',
    numerator: 'Children on a plan at the end of the window', denominator: 'Children aged 0–17 (population reference)', population: 'Children of the LA aged 0–17',
    window: 'snapshot', valueType: 'rate-per-10000', ratePer10000: true, breakdowns: [...demographic, 'category', 'latest-category', ...allocation],
  }),
  metric({
    id: 'CP-02b', domain: 'child-protection', variantOf: 'CP-02', title: 'Children on a CP plan at any point in the period, per 10,000',
    description: 'Catalogue Def (D2, as worded): "distinct children with a CPP open at any point in the FY ÷ pop × 10,000".',
    followsDfe: false, countingUnit: 'child', numerator: 'Children on a plan on at least one day of the window', denominator: 'Children aged 0–17 (population reference)',
    population: 'Children of the LA aged 0–17', window: 'any-point-in-period', valueType: 'rate-per-10000', ratePer10000: true,
    breakdowns: [...demographic, 'category', 'latest-category', ...allocation],
  }),
  metric({
    id: 'CP-02c', domain: 'child-protection', variantOf: 'CP-02', title: 'Children starting a CP plan in the period, per 10,000',
    description: 'DfE publishes "starting during year" rates (catalogue CP-02): distinct children with a plan starting (initial conference) in the window ÷ children 0–17 × 10,000.',
    followsDfe: true, dfeNote: 'DfE "children who became the subject of a plan during the year" per 10,000.', countingUnit: 'child',
    numerator: 'Children whose plan started in the window', denominator: 'Children aged 0–17 (population reference)', population: 'Children of the LA aged 0–17',
    window: 'in-period', valueType: 'rate-per-10000', ratePer10000: true, breakdowns: [...demographic, 'category', ...allocation, 'month'],
  }),
  metric({
    id: 'CP-03', domain: 'child-protection',
    description: 'Catalogue Def: "children with an open CPP (snapshot …) whose latest C&F assessment records factor f ÷ children with an open CPP". The latest assessment completed on or before the date, in any episode; factors are the CIN census assessment factor codes (1A–24A). A child has several factors, so the shares add up to more than 100%.',
    followsDfe: false, countingUnit: 'child',
    numerator: 'Children on a plan whose latest assessment records the factor', denominator: 'Children on a plan at the end of the day',
    population: 'Children on a child protection plan', window: 'snapshot', valueType: 'distribution', category: 'factor', ratePer10000: false,
    breakdowns: [...demographic, ...allocation],
  }),
  metric({
    id: 'CP-04', domain: 'child-protection',
    description: 'Catalogue Def: "CPPs (open at 31 March, or starting in FY) by initial category: neglect, emotional, physical, sexual, multiple ÷ total". This is the starting-in-the-window reading; plans open at a date by category are CP-01 by category or latest-category.',
    followsDfe: true, dfeNote: 'DfE plans starting in the year by initial category of abuse.', countingUnit: 'plan',
    numerator: 'Plans starting in the window with the initial category', denominator: 'Plans starting in the window', population: 'Child protection plans',
    window: 'in-period', valueType: 'distribution', category: 'category', ratePer10000: false, breakdowns: [...demographic, ...allocation, 'month'],
  }),
  metric({
    id: 'CP-05', domain: 'child-protection',
    description: 'Catalogue Def (DfE): "children whose CPP started in FY and who had any earlier CPP (ended before this start; ever …) ÷ children whose CPP started in FY". Earlier plans are those on this record (CIN census NumberOfPreviousCPP); plans held in other LAs are not recorded yet.',
    followsDfe: true, dfeNote: 'DfE "second or subsequent plan" (any time).', countingUnit: 'child',
    numerator: 'Children starting a plan in the window who had a plan before', denominator: 'Children starting a plan in the window',
    population: 'Children starting a child protection plan', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'category', ...allocation, 'month'],
  }),
  metric({
    id: 'CP-07', domain: 'child-protection',
    description: 'Catalogue Def (recommended): "among CPPs ending in FY, distribution of (end − start) in bands: <3 m, 3–<6 m, 6–<12 m, 12–<24 m, ≥24 m; plus % ≥2 years (DfE)". Bands are calendar months from the start.',
    followsDfe: true, dfeNote: 'DfE "plans ceasing during the year" by duration; ≥ 2 years is DfE\'s long-plan measure.', countingUnit: 'plan',
    numerator: 'Plans ending in the window lasting the band', denominator: 'Plans ending in the window', population: 'Child protection plans',
    window: 'in-period', valueType: 'distribution', category: 'duration-band', ratePer10000: false, breakdowns: [...demographic, 'category', 'end-reason', 'month'],
  }),
  metric({
    id: 'CP-08', domain: 'child-protection',
    description: 'Catalogue Def: "S47Enquiry records started in FY ÷ 12 (or ÷ months in window)". A section 47 enquiry starts on the date of its strategy discussion; a further strategy discussion continues the same enquiry, counted once from the last (as the ICPC timescale runs from it). Also shown: enquiries started the same day as a sibling\'s or a child in the same household (catalogue CP-10(b), "automatic inclusion of all siblings").',
    followsDfe: true, dfeNote: 'DfE "section 47 enquiries started in the year" ÷ months.', countingUnit: 'section-47-enquiry',
    numerator: 'Section 47 enquiries started in the window', denominator: 'Months in the window', population: 'Section 47 enquiries',
    window: 'in-period', valueType: 'per-month', ratePer10000: false, breakdowns: [...demographic, 'section-47-outcome', ...allocation, 'month'],
  }),
  metric({
    id: 'CP-09', domain: 'child-protection',
    description: 'Catalogue Def: "S47 enquiries started in FY ÷ pop 0–17 × 10,000". Counted as CP-08.',
    followsDfe: true, dfeNote: 'DfE section 47 enquiries per 10,000 children.', countingUnit: 'section-47-enquiry',
    numerator: 'Section 47 enquiries started in the window', denominator: 'Children aged 0–17 (population reference)', population: 'Children of the LA aged 0–17',
    window: 'in-period', valueType: 'rate-per-10000', ratePer10000: true, breakdowns: [...demographic, 'section-47-outcome', ...allocation, 'month'],
  }),
  metric({
    id: 'CP-11', domain: 'child-protection',
    description: 'Catalogue Def: "strategy discussions → S47 (%); S47 → ICPC (%); ICPC → CPP (%)". The headline is the first step: strategy discussions held in the window that decided on a section 47 enquiry, of all held. The later steps are in additional, counted from those discussions: enquiries (each once: a discussion continuing an earlier enquiry stands for it), initialConferences (enquiries whose initial conference has been held) and plansStarted (conferences that started a plan); S47 → ICPC is initialConferences ÷ enquiries and ICPC → CPP plansStarted ÷ initialConferences. Extra-familial strategy meetings are not recorded separately yet.',
    followsDfe: false, countingUnit: 'strategy-discussion', numerator: 'Strategy discussions held in the window that decided on a section 47 enquiry',
    denominator: 'Strategy discussions held in the window', population: 'Strategy discussions', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, ...allocation, 'month'],
  }),
  metric({
    id: 'CP-13', domain: 'child-protection',
    description: 'Catalogue Def: "children with a CPP who have a CoreGroup with first meeting ≤10 WD after the ICPC (statutory) … ÷ children with a CPP". Plans starting in the window whose first core group met within 10 working days of the initial conference (England and Wales bank holidays). Plans ended before the core group was due, and plans still within the 10 days when the figures are run, are left out. Recorded tasks are not recorded yet.',
    followsDfe: false, countingUnit: 'plan', numerator: 'Plans starting in the window with the first core group within 10 working days',
    denominator: 'Plans starting in the window, less those ended or not yet due', population: 'Child protection plans', window: 'in-period', valueType: 'percent',
    ratePer10000: false,
    timescale: { rule: 'First core group within 10 working days of the initial conference', dutyRuleId: 'first-core-group-after-initial-conference', amount: 10, unit: 'working-days', source: 'Working Together 2018 and LSCP procedures' },
    breakdowns: [...demographic, 'category', ...allocation, 'month'],
  }),

  // ---------------------------------------------------------------------------------------------
  // 4. Conferences
  metric({
    id: 'CPC-01', domain: 'conferences',
    description: 'Catalogue Def: "CPConference records (ICPC + RCPC …) held in FY". Counted per child (a sibling group\'s conference is one record per child); transfer-in conferences are not recorded yet. Review conferences are those that met the review timescale duty.',
    followsDfe: false, countingUnit: 'conference', numerator: 'Initial and review conferences held in the window (per child)', population: 'Child protection conferences',
    window: 'in-period', valueType: 'count', ratePer10000: false, breakdowns: [...demographic, 'conference-type', ...allocation, 'month'],
  }),
  metric({
    id: 'CPC-05', domain: 'conferences',
    description: 'Catalogue Def (DfE/Working Together): "ICPCs held in FY where ICPC.date − date of the strategy discussion that initiated the S47 (the last one if there were several) ≤ 15 working days ÷ ICPCs held in FY". Working days exclude England and Wales bank holidays; day 0 is the strategy discussion. Transfer-in conferences are not recorded yet.',
    followsDfe: true, dfeNote: 'DfE CIN census indicator "ICPCs within 15 working days of the start of the section 47".', countingUnit: 'conference',
    numerator: 'Initial conferences held in the window within 15 working days', denominator: 'Initial conferences held in the window',
    population: 'Initial child protection conferences', window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Initial conference within 15 working days of the strategy discussion', dutyRuleId: 'initial-conference-within-15-working-days-of-strategy-discussion', amount: 15, unit: 'working-days', source: WT23_CH4 },
    breakdowns: [...demographic, ...allocation, 'month'],
  }),
  metric({
    id: 'CPC-06', domain: 'conferences',
    description: 'Catalogue Def: "first RCPC ≤3 months after the ICPC; later RCPCs ≤6 months after the previous one ÷ RCPCs due in window". Reviews due in the window (calendar months, clamped to the month end); a review not held by its due date counts as late, whether or not it was held later; reviews no longer needed because the plan ended before they were due are left out.',
    followsDfe: false, countingUnit: 'review-conference', numerator: 'Review conferences due in the window held by the due date',
    denominator: 'Review conferences due in the window, less those the plan ended before', population: 'Review child protection conferences',
    window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'First review within 3 months of the initial conference, then at most every 6 months', dutyRuleId: 'review-conference-within-3-months-then-every-6-months', amount: 3, unit: 'months', source: WT23_CH4 },
    breakdowns: [...demographic, 'review-number', ...allocation, 'month'],
  }),

  // ---------------------------------------------------------------------------------------------
  // 17. Workforce
  metric({
    id: 'WF-01', domain: 'workforce',
    description: 'Catalogue Def: "for each case-holding social worker at a snapshot, distinct children allocated; report the min–max range by service and compare with the 15-children standard". The value is the mean caseload; minimum, median, maximum and workers above 15 are given with it.',
    followsDfe: false, countingUnit: 'worker', numerator: 'Children allocated at the end of the day', denominator: 'Workers holding at least one case',
    population: 'Case-holding workers', window: 'snapshot', valueType: 'mean', ratePer10000: false, breakdowns: ['team', 'service', 'worker'],
  }),
  metric({
    id: 'WF-02', domain: 'workforce',
    description: 'Catalogue Def: "for … all open children, the count of distinct allocated social workers over the current episode; share with 1, and with ≤2". Children with an episode open at the end of the day and at least one worker allocated during it (children never allocated are CIN-03\'s concern); workers allocated at any time from the referral to the date. The value is the share with one worker; the share with two or fewer is given with it.',
    followsDfe: false, countingUnit: 'child', numerator: 'Children with one allocated worker over the current episode', denominator: 'Children with an open episode and an allocated worker',
    population: 'Children in need', window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: [...demographic, ...allocation],
  }),

  // ---------------------------------------------------------------------------------------------
  // 19. Population
  metric({
    id: 'POP-03', domain: 'population',
    description: 'Catalogue POP-03 ("≈38,320 aged 0–18 …; the rate-per-10,000 denominator must be ONS 0–17 by year"): children aged 0–17 in population_reference for the population year of the window (the year containing its end).',
    followsDfe: true, dfeNote: 'The denominator DfE uses for rates per 10,000 (ONS mid-year estimates, 0–17).', countingUnit: 'child-in-population',
    numerator: 'Children aged 0–17 in the population reference', population: 'Resident children', window: 'snapshot', valueType: 'count', ratePer10000: false,
    breakdowns: ['ethnicity', 'ethnic-group', 'sex', 'age-band'],
  }),
  metric({
    id: 'POP-04', domain: 'population',
    description: 'Catalogue POP-04 ("54.4% of children"): children aged 0–17 of the global majority (Mixed, Asian, Black, Chinese and other ethnic groups; White groups are not) ÷ children aged 0–17 whose ethnicity is known.',
    followsDfe: false, countingUnit: 'child-in-population', numerator: 'Children aged 0–17 of the global majority', denominator: 'Children aged 0–17 of known ethnicity',
    population: 'Resident children', window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: ['sex', 'age-band'],
  }),
  metric({
    id: 'POP-07', domain: 'population',
    description: 'Catalogue POP-07 ("25% (D2 p19), used as the comparator for CP plans"): White British children aged 0–17 ÷ children aged 0–17 of known ethnicity.',
    followsDfe: false, countingUnit: 'child-in-population', numerator: 'White British children aged 0–17', denominator: 'Children aged 0–17 of known ethnicity',
    population: 'Resident children', window: 'snapshot', valueType: 'percent', ratePer10000: false, breakdowns: ['sex', 'age-band'],
  }),

  // ---------------------------------------------------------------------------------------------
  // DfE-defined figures the events support that the catalogue does not name
  metric({
    id: 'DFE-ASM-45', domain: 'children-in-need', title: 'Assessments completed within 45 working days',
    description: 'DfE CIN statistics: "assessments completed in the year … within 45 working days of the referral". The statutory timescale (Working Together 2023 ch.3; catalogue §23.2 W2, statutory-data §5 row 2) counted in working days from the referral (day 0) to the date the assessment was authorised, England and Wales bank holidays excluded.',
    followsDfe: true, dfeNote: 'DfE "assessments completed within 45 working days" (CIN census).', countingUnit: 'assessment',
    numerator: 'Assessments completed in the window within 45 working days of the referral', denominator: 'Assessments completed in the window',
    population: 'Child and family assessments', window: 'in-period', valueType: 'percent', ratePer10000: false,
    timescale: { rule: 'Assessment within 45 working days of the referral', dutyRuleId: 'assessment-within-45-working-days-of-referral', amount: 45, unit: 'working-days', source: WT23_CH3 },
    breakdowns: [...demographic, ...allocation, 'month'], catalogueRef: 'statutory-data §5 row 2; catalogue §23.2 W2',
  }),
  metric({
    id: 'DFE-REF-NFA', domain: 'children-in-need', title: 'Referrals resulting in no further action',
    description: 'DfE CIN statistics: referrals in the year that led to no further action (CIN census ReferralNFA): the episode closed with no assessment and no section 47 enquiry. Referrals still open are not (yet) NFA.',
    followsDfe: true, dfeNote: 'DfE "referrals resulting in no further action" (ReferralNFA).', countingUnit: 'referral',
    numerator: 'Referrals in the window that closed with no assessment or section 47 enquiry', denominator: 'Referrals in the window',
    population: 'Referrals to children\'s social care', window: 'in-period', valueType: 'percent', ratePer10000: false,
    breakdowns: [...demographic, 'source', 'month'], catalogueRef: 'statutory-data §6 (referral → NFA)',
  }),
];

/** Views: the catalogue's named breakdowns and disproportionality comparisons of computed metrics. */
export const metricViews: readonly MetricView[] = [
  view('CIN-05', 'FD-08', [], 'The same figure as FD-08 (the catalogue says so).', 'children-in-need'),
  view('CP-10', 'CP-08', ['age-band'], 'Drivers of section 47 volume: CP-08 by age band (adolescents), by team (by=team), with the enquiries started the same day as a sibling\'s shown with CP-08.', 'child-protection'),
  view('CP-14', 'CP-02b', ['disability'], 'Disabled children in CP procedures: children on a plan in the window by disability, compared with children in need in the same window (there is no count of disabled children in the child population).', 'child-protection'),
  view('CP-15', 'CP-02b', ['ethnicity'], 'CP plans by ethnicity vs the child population: share of children on a plan by ethnicity against share of children aged 0–17, with the relative rate index against White British children.', 'child-protection'),
  view('DP-01', 'CP-02b', ['ethnicity'], 'RR by ethnicity, children on a plan vs the 0–17 population.', 'disproportionality'),
  view('DP-02', 'CP-02b', ['ethnicity'], 'RR by ethnicity for the year asked; ask for the previous year as well to see how each group\'s ratio changed (trend=2 gives the change of the overall rate).', 'disproportionality'),
  view('DP-05', 'FD-11', ['ethnicity'], 'Physical-abuse contacts by ethnicity vs the 0–17 population (the catalogue quotes calendar 2023: period=CY2023).', 'disproportionality'),
  view('DP-07', 'CIN-08', ['ethnicity'], 'Referral relative rate by ethnicity.', 'disproportionality'),
  view('DP-08', 'FD-07', ['ethnic-group'], 'Re-referral rate by ethnic group against White children\'s re-referral rate.', 'disproportionality'),
  view('DP-09', 'FD-08', ['ethnic-group', 'factor'], 'Factors recorded at assessment by ethnic group: the denominator of each row counts completed assessments recording the factor.', 'disproportionality'),
  view('DP-10', 'CP-07', ['sex', 'duration-band'], 'Length of child protection plans ending in the window by sex; CIN-07 by sex gives the share of CIN and CP plans open 12 months or more, with disproportionality.', 'disproportionality'),
  view('DP-22', 'CP-02b', ['disability'], 'Disabled share of children on a plan vs disabled share of children in need.', 'disproportionality'),
  view('DP-24', 'FD-09', ['ethnicity'], 'MASH check rate by ethnicity against White British children\'s.', 'disproportionality'),
];

function view(id: string, metricId: string, by: readonly DimensionId[], description: string, domain: Domain): MetricView {
  const title = catalogueTitles.get(id);
  if (!title) throw new Error(`No catalogue entry ${id}`);
  return { kind: 'view', available: true, id, title, domain, description, viewOf: { metricId, by }, catalogueRef: `metrics catalogue ${id}` };
}

// ---------------------------------------------------------------------------------------------
// What cannot be computed yet, and why.

const domainOfPrefix: Record<string, Domain> = {
  FD: 'front-door', CIN: 'children-in-need', CP: 'child-protection', CPC: 'conferences', CLA: 'looked-after', CL: 'care-leavers',
  MIS: 'missing', EXP: 'exploitation', EDU: 'education', LADO: 'lado', PF: 'private-fostering', FGC: 'family-group-conferences',
  DA: 'domestic-abuse', QA: 'quality-assurance', CR: 'case-reviews', TR: 'training', WF: 'workforce', BUD: 'budget', POP: 'population',
  DP: 'disproportionality', OTH: 'other',
};

const reasonByPrefix: Record<string, string> = {
  CLA: 'No looked-after events (episodes, legal status, placements, visits, reviews, health, education) are recorded yet.',
  CL: 'No care-leaver events (eligibility, pathway plans, birthday contacts, accommodation, activity) are recorded yet.',
  MIS: 'No missing episodes or return home interviews are recorded yet.',
  EXP: 'No exploitation risk assessments, specialist consultations, panels, NRM referrals or youth justice records are recorded yet.',
  EDU: 'No education records (children missing education, elective home education, attendance, Operation Encompass, virtual school) are held yet.',
  LADO: 'No LADO contacts, allegations or ASV meetings are recorded yet.',
  PF: 'No private fostering notifications, visits or approvals are recorded yet.',
  FGC: 'No family group conference or Lifelong Links referrals are recorded yet.',
  DA: 'No daily safeguarding meeting (domestic abuse) records are held yet.',
  QA: 'Audits and practice weeks are not recorded yet: these figures are audit judgements, not events on a child\'s record.',
  CR: 'Case reviews (serious incident notifications, rapid reviews, LCSPRs) and their action plans are not recorded yet.',
  TR: 'Training courses, bookings and attendance are not recorded yet.',
  BUD: 'The partnership budget (contributions, expenditure, reserve) is not recorded yet.',
  OTH: 'Outside the case record: health, housing, family hub and governance records are not held.',
};

const reasonById: Record<string, string> = {
  'FD-06': 'Early help episodes are not recorded: a contact decided as early help is the only trace, and a step-up needs the early help episode and its end.',
  'FD-10': 'Consent to early help is not recorded.',
  'FD-12': 'There is no gangs or serious youth violence contact reason in the code list yet (the catalogue\'s EXP-06).',
  'CP-06': 'Needs audit judgements (threshold met), legal proceedings and family groupings by the auditors. Its repeat share is CP-05 for FY2023-24-Q1.',
  'CP-12': 'An audit judgement (threshold met but no section 47), not recorded.',
  'CP-16': 'CP consultations, conference bookings and chair alerts are not recorded.',
  'CP-17': 'Legal proceedings (PLO, care proceedings) are not recorded yet.',
  'CPC-02': 'ASV meetings (LADO) are not recorded yet.',
  'CPC-03': 'Supervision order meetings are not recorded yet.',
  'CPC-04': 'Needs CPC-02 and CPC-03, which are not recorded yet.',
  'CPC-07': 'Invitations and attendance mode (in person or remote) are not recorded; only the agencies attending.',
  'CPC-08': 'Advocacy offers and take-up are not recorded.',
  'CPC-09': 'Safeguarding alerts and escalations are not recorded.',
  'CPC-10': 'Feedback on conferences is not recorded.',
  'CPC-11': 'Training is not recorded yet.',
  'WF-03': 'Supervision is not recorded yet.',
  'WF-04': 'Practice observation ratings are audit judgements (QA-08), not recorded yet.',
  'WF-05': 'Worker records hold no ethnicity or grade, so workforce diversity cannot be computed.',
  'WF-06': 'Worker records hold no ethnicity, so retention by ethnic group cannot be computed (leavers are recorded).',
  'WF-07': 'Informational (team composition), not a figure.',
  'WF-08': 'Youth participation in recruitment is not recorded.',
  'POP-01': 'population_reference holds children and young people aged 0–25 only, not the whole population.',
  'POP-02': 'population_reference holds children and young people aged 0–25 only, not the whole population.',
  'POP-05': 'Deprivation (IMD) is an external reference, not held yet.',
  'POP-06': 'Geographic rank facts are external references, not held.',
  'DP-03': reasonByPrefix.CLA!,
  'DP-04': reasonByPrefix.MIS!,
  'DP-06': 'Needs contacts filtered to domestic abuse before the rate by ethnicity, which the engine does not offer yet; FD-04 by=ethnicity shows the share of domestic abuse among each group\'s contacts.',
  'DP-11': 'CAMHS and SEMH referrals are not recorded.',
  'DP-12': 'Youth justice records are not held.',
  'DP-13': 'Worker records hold no ethnicity or grade.',
  'DP-14': 'An external rank (police workforce), not held.',
  'DP-15': 'Early help (Bright Start, Bright Futures) service use and localities are not recorded.',
  'DP-16': 'School exclusions are not held.',
  'DP-17': 'An audit sample, not recorded.',
  'DP-18': 'Police searches (MTIPS) and extra-familial harm records are not held.',
  'DP-19': reasonByPrefix.EXP!,
  'DP-20': reasonByPrefix.EXP!,
  'DP-21': reasonByPrefix.MIS!,
  'DP-23': 'Youth justice records are not held, and care experience needs looked-after episodes.',
  'DP-25': 'Deprivation (IMD, wards) is not held.',
  'DP-26': 'A staff survey, not recorded.',
};

const prefixOf = (id: string) => id.split('-')[0]!;

function unavailable(id: string, title: string): UnavailableMetric {
  const reason = reasonById[id] ?? reasonByPrefix[prefixOf(id)];
  if (!reason) throw new Error(`Catalogue entry ${id} is neither computed nor given a reason`);
  return { kind: 'unavailable', available: false, id, title, domain: domainOfPrefix[prefixOf(id)] ?? 'other', reason };
}

/** Every catalogue entry in catalogue order, then the DfE figures the catalogue does not name. */
export const catalogue: readonly CatalogueEntry[] = (() => {
  const computed = new Map<string, CatalogueEntry>();
  for (const entry of metricViews) computed.set(entry.id, entry);
  for (const entry of metricDefinitions) if (!entry.variantOf) computed.set(entry.id, entry);
  const entries: CatalogueEntry[] = [];
  for (const [id, title] of catalogueTitles) {
    const variants = metricDefinitions.filter((definition) => definition.variantOf === id);
    if (variants.length > 0) entries.push(...variants);
    else entries.push(computed.get(id) ?? unavailable(id, title));
  }
  entries.push(...metricDefinitions.filter((definition) => !catalogueTitles.has(definition.variantOf ?? definition.id)));
  return entries;
})();

export function findCatalogueEntry(id: string): CatalogueEntry | undefined {
  const wanted = id.trim().toUpperCase();
  return catalogue.find((entry) => entry.id.toUpperCase() === wanted);
}

/** The computed variants of a catalogue entry ('CP-02' → CP-02a, CP-02b, CP-02c). */
export function variantsOf(id: string): MetricDefinition[] {
  const wanted = id.trim().toUpperCase();
  return metricDefinitions.filter((definition) => definition.variantOf === wanted);
}

export function findMetricDefinition(id: string): MetricDefinition | undefined {
  return metricDefinitions.find((definition) => definition.id === id);
}
