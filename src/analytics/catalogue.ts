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
 * The computed metrics are the domain modules' (each module's metrics.ts: definition, SQL and
 * breakdowns under the catalogue id) and the engine's own population figures, put together here in
 * the catalogue's order; so are the reasons a module gives for the entries of its area it cannot
 * compute yet. Nothing here touches storage.
 */
import { domainModules } from '../modules/registry.ts';
import { isDimensionId, type DimensionId } from './dimensions.ts';
import type { Domain, MetricDefinition as MetricDefinitionOf, MetricSource, ModuleMetric } from './metric-definition.ts';
import { populationMetrics, unavailablePopulationMetrics } from './population-metrics.ts';

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

export type { Domain };

/** A computed metric, its breakdowns among the dimensions the engine and the modules provide. */
export type MetricDefinition = MetricDefinitionOf<DimensionId>;

interface EntryBase {
  id: string;
  title: string;
  domain: Domain;
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

/** The catalogue's place of an entry: the DfE figures the catalogue does not name come after it. */
const catalogueOrder = new Map([...catalogueTitles.keys()].map((id, index) => [id, index]));
const placeOf = (metric: ModuleMetric) => catalogueOrder.get(metric.variantOf ?? metric.id) ?? catalogueOrder.size;

/** How a metric is worked out: the part of its contribution the catalogue does not list. */
export type MetricWorkings = Pick<ModuleMetric, 'counts' | 'sumsPopulation' | 'computes'>;

/** How each computed metric is worked out, by id. */
const workings = new Map<string, MetricWorkings>();

/**
 * The computed metrics in the catalogue's order (variants of an entry, and the figures it does not
 * name, in the order their module lists them): each module's, then the engine's population figures.
 * Each keeps the catalogue's name unless it has its own, offers only breakdowns that exist, and is
 * worked out in exactly one way.
 */
export const metricDefinitions: readonly MetricDefinition[] = [...domainModules.flatMap((module) => module.metrics ?? []), ...populationMetrics]
  .sort((a, b) => placeOf(a) - placeOf(b))
  .map((contributed) => {
    const { counts, sumsPopulation, computes, ...input } = contributed;
    const catalogueId = input.variantOf ?? input.id;
    const title = input.title ?? catalogueTitles.get(catalogueId);
    if (!title) throw new Error(`No catalogue entry ${catalogueId}`);
    if (workings.has(input.id)) throw new Error(`Metric ${input.id} is contributed twice`);
    const ways = [counts, sumsPopulation, computes, input.changeOf].filter((way) => way !== undefined).length;
    if (ways !== 1) throw new Error(`Metric ${input.id} must be worked out in exactly one way (counts, sumsPopulation, computes or changeOf); it has ${ways}`);
    const unknown = [...input.breakdowns, ...(input.category ? [input.category] : [])].filter((id) => !isDimensionId(id));
    if (unknown.length > 0) throw new Error(`Metric ${input.id} is broken down by ${unknown.join(', ')}, which no module or the engine provides`);
    workings.set(input.id, { counts, sumsPopulation, computes });
    return { kind: 'metric', available: true, title, catalogueRef: input.catalogueRef ?? `metrics catalogue ${catalogueId}`, ...input } as MetricDefinition;
  });

/** The rows each metric counted from children's records counts, by id (not those worked out otherwise). */
export const metricSources: Readonly<Record<string, MetricSource>> = Object.fromEntries(
  [...workings].flatMap(([id, way]) => (way.counts ? [[id, way.counts]] : [])),
);

/** How a computed metric is worked out: the rows it counts, the population it sums or its own code (none for a change of another). */
export function workingsOf(definition: MetricDefinition): MetricWorkings {
  return workings.get(definition.id)!;
}

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

/**
 * Why each entry not computed yet cannot be, by id: the disproportionality register's here, each
 * module's for the entries of its area (DomainModule.unavailableMetrics), the engine's for the
 * population; entries of areas with no module have their area's reason (reasonByPrefix).
 */
const reasonById: Readonly<Record<string, string>> = {
  ...Object.fromEntries(domainModules.flatMap((module) => Object.entries(module.unavailableMetrics ?? {}))),
  ...unavailablePopulationMetrics,
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
  for (const id of Object.keys(reasonById)) {
    if (!catalogueTitles.has(id) || computed.has(id) || variantsOf(id).length > 0) throw new Error(`${id} is given a reason it cannot be computed, but it is ${catalogueTitles.has(id) ? 'computed' : 'not in the catalogue'}`);
  }
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
