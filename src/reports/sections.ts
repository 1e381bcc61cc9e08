/**
 * The partnership's annual report as data: which sections it has, in the order of the partnership's
 * own report (Islington Safeguarding Children Partnership, September 2022 – March 2024). Each domain
 * module contributes the sections about its work (report-section.ts describes one); the report
 * itself holds the sections no module records: the children of the borough, and the work Safeguard
 * does not record yet.
 */
import { domainModules } from '../modules/registry.ts';
import type { ReportSectionSpec } from './report-section.ts';

/** The partnership's own sections, from the figures it loads (the child population). */
const partnershipSections: readonly ReportSectionSpec[] = [
  {
    kind: 'figures', id: 'children-of-the-borough', title: 'The children of the borough', position: 10, domains: ['population'],
    figures: ['POP-03', 'POP-04', 'POP-07'],
    breakdowns: [{ metricId: 'POP-03', by: 'ethnic-group', title: 'Children aged 0–17 by ethnic group', chart: false }],
    disproportionality: [],
  },
];

/**
 * Work Safeguard does not record yet: each section names the catalogue domains it would draw on,
 * and says that it gives no figures. When a module comes to record the work, its own section takes
 * the position and the entry here drops out by itself (`placeholdersNotReplaced`).
 */
const notYetRecordedSections: readonly ReportSectionSpec[] = [
  { kind: 'not-yet-recorded', id: 'lado', title: 'Allegations against people who work with children (LADO)', position: 60, domains: ['lado'] },
  { kind: 'not-yet-recorded', id: 'family-group-conferences', title: 'Family group conferences and Lifelong Links', position: 70, domains: ['family-group-conferences'] },
  { kind: 'not-yet-recorded', id: 'looked-after', title: 'Children looked after and care leavers', position: 80, domains: ['looked-after', 'care-leavers'] },
  { kind: 'not-yet-recorded', id: 'private-fostering', title: 'Private fostering', position: 90, domains: ['private-fostering'] },
  { kind: 'not-yet-recorded', id: 'missing-and-exploitation', title: 'Missing children and exploitation', position: 100, domains: ['missing', 'exploitation'] },
  { kind: 'not-yet-recorded', id: 'domestic-abuse', title: 'Domestic abuse: the daily safeguarding meeting', position: 110, domains: ['domestic-abuse'] },
  { kind: 'not-yet-recorded', id: 'education', title: 'Education', position: 120, domains: ['education'] },
  { kind: 'not-yet-recorded', id: 'audits', title: 'Assurance on quality: audits and practice weeks', position: 130, domains: ['quality-assurance'] },
  { kind: 'not-yet-recorded', id: 'case-reviews', title: 'Rapid reviews and local child safeguarding practice reviews', position: 140, domains: ['case-reviews'] },
  { kind: 'not-yet-recorded', id: 'training', title: 'Training', position: 150, domains: ['training'] },
  { kind: 'not-yet-recorded', id: 'budget', title: 'Budget', position: 160, domains: ['budget'] },
];

/** Sections by position; two sections may share neither a position nor an id. */
export function inReportOrder(sections: readonly ReportSectionSpec[]): ReportSectionSpec[] {
  const ordered = [...sections].sort((a, b) => a.position - b.position);
  for (const [index, section] of ordered.entries()) {
    const earlier = ordered.slice(0, index);
    const samePosition = earlier.find((other) => other.position === section.position);
    if (samePosition) throw new Error(`Report sections ${samePosition.id} and ${section.id} both stand at position ${section.position}`);
    if (earlier.some((other) => other.id === section.id)) throw new Error(`Two report sections have the id ${section.id}`);
  }
  return ordered;
}

/**
 * The placeholders a module's sections have not replaced: a module's section that stands at a
 * placeholder's position, or has its id, takes its place, so a module that comes to record the work
 * needs no change here.
 */
export function placeholdersNotReplaced(placeholders: readonly ReportSectionSpec[], contributed: readonly ReportSectionSpec[]): ReportSectionSpec[] {
  return placeholders.filter((placeholder) => !contributed.some((section) => section.position === placeholder.position || section.id === placeholder.id));
}

const moduleSections = domainModules.flatMap((module) => module.reportSections ?? []);

/** Every section of the annual report, in order. */
export const annualReportSections: readonly ReportSectionSpec[] = inReportOrder([
  ...partnershipSections,
  ...moduleSections,
  ...placeholdersNotReplaced(notYetRecordedSections, moduleSections),
]);
