/** Assessments: their dates, their factors, and how they sit within the episode. */
import type { ValidationRule } from '../../validation-rule.ts';
import type { TableRow } from '../../return-tables.ts';
import {
  cinRule, childOf, dateIn, eachRow, episodeOf, episodesByKey, factorsOf, Findings, groupBy, inYear, located, moreThanWorkingDaysBeforeEnd,
  overlappingPairs, text, type Check,
} from './kit.ts';

const AS = 'Assessments';

/** A date in a row of `table` may not come before the referral date of its episode. */
export function notBeforeReferral(table: string, column: string): Check {
  return (tables) => {
    const findings = new Findings();
    const episodes = episodesByKey(tables);
    for (const { row, at } of located(tables, table)) {
      const episode = episodes.get(episodeOf(row));
      const date = dateIn(row, column);
      const referral = episode && dateIn(episode.row, 'CINreferralDate');
      if (episode && date && referral && date < referral) findings.flag(table, at, column).flag('CINdetails', episode.at, 'CINreferralDate');
    }
    return findings.list;
  };
}

const check1103 = notBeforeReferral(AS, 'AssessmentActualStartDate');

const check8608 = eachRow(AS, ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'], (row) => {
  const start = dateIn(row, 'AssessmentActualStartDate');
  const end = dateIn(row, 'AssessmentAuthorisationDate');
  return start !== null && end !== null && start > end;
});

const check8614 = eachRow(AS, ['AssessmentAuthorisationDate', 'AssessmentFactors'], (row) =>
  text(row, 'AssessmentFactors') !== null && text(row, 'AssessmentAuthorisationDate') === null);

/** An assessment is to be completed within 45 working days of its start. */
const check8670Q = eachRow(AS, ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'], (row, context) => {
  const start = dateIn(row, 'AssessmentActualStartDate');
  return start !== null && text(row, 'AssessmentAuthorisationDate') === null && moreThanWorkingDaysBeforeEnd(start, 45, context);
});

const check8696 = eachRow(AS, ['AssessmentAuthorisationDate'], (row, context) => {
  const end = dateIn(row, 'AssessmentAuthorisationDate');
  return end !== null && !inYear(end, context);
});

const check8736 = eachRow(AS, ['AssessmentAuthorisationDate', 'AssessmentActualStartDate'], (row, context) => {
  const start = dateIn(row, 'AssessmentActualStartDate');
  return start !== null && text(row, 'AssessmentAuthorisationDate') === null && !inYear(start, context);
});

/** A child's assessments do not overlap: one starts only once the earlier one is authorised. */
const check8863Q: Check = (tables) => {
  const findings = new Findings();
  for (const assessments of groupBy(located(tables, AS), childOf).values()) {
    if (assessments.length < 2) continue;
    const periods = assessments.flatMap((item) => {
      const start = dateIn(item.row, 'AssessmentActualStartDate');
      return start === null ? [] : [{ item, start, end: dateIn(item.row, 'AssessmentAuthorisationDate') }];
    });
    overlappingPairs(periods, (earlier, later) => {
      findings.flag(AS, earlier.at, 'AssessmentActualStartDate', 'AssessmentAuthorisationDate').flag(AS, later.at, 'AssessmentActualStartDate');
    });
  }
  return findings.list;
};

const upperFactors = (row: TableRow): string[] => factorsOf(row).map((code) => code.toUpperCase());

/** 21 is "no factors identified", so it stands alone. */
const check8869 = eachRow(AS, ['AssessmentFactors'], (row) => {
  const factors = upperFactors(row);
  return factors.includes('21') && factors.some((code) => code !== '21');
});

/** An episode whose only assessment found no factors (21) closes as RC8 or RC9. */
const check8873Q: Check = (tables) => {
  const findings = new Findings();
  const byEpisode = groupBy(located(tables, AS), episodeOf);
  for (const { row, at } of located(tables, 'CINdetails')) {
    const reason = text(row, 'ReasonForClosure');
    const assessments = byEpisode.get(episodeOf(row)) ?? [];
    if (reason === null || ['RC8', 'RC9'].includes(reason) || assessments.length !== 1) continue;
    const [only] = assessments;
    if (upperFactors(only!.row).includes('21')) findings.flag(AS, only!.at, 'AssessmentFactors').flag('CINdetails', at, 'ReasonForClosure');
  }
  return findings.list;
};

const check8896: Check = (tables) => {
  const findings = new Findings();
  const open = located(tables, AS).filter(({ row }) => text(row, 'AssessmentAuthorisationDate') === null);
  for (const group of groupBy(open, episodeOf).values()) {
    if (group.length > 1) for (const { at } of group) findings.flag(AS, at, 'AssessmentAuthorisationDate');
  }
  return findings.list;
};

/** Parental and child factor codes of the census. */
const FACTORS = new Set(['1A', '1B', '1C', '2A', '2B', '2C', '3A', '3B', '3C', '4A', '4B', '4C', '5A', '5B', '5C', '6A', '6B', '6C', '7A',
  '8B', '8C', '8D', '8E', '8F', '9A', '10A', '11A', '12A', '13A', '14A', '15A', '16A', '17A', '18A', '18B', '18C', '19A', '19B', '19C',
  '20', '21', '22A', '23A', '24A']);

/** An assessment completed in the year has its factors recorded, each a valid code. */
const check8897Q = eachRow(AS, ['AssessmentAuthorisationDate', 'AssessmentFactors'], (row, context) => {
  const end = dateIn(row, 'AssessmentAuthorisationDate');
  if (end === null || end < context.collectionYear.start) return false;
  const factors = upperFactors(row);
  return factors.length === 0 || factors.some((code) => !FACTORS.has(code));
});

const check8898 = eachRow(AS, ['AssessmentFactors'], (row) => {
  const factors = upperFactors(row);
  return new Set(factors).size !== factors.length;
});

/** 18A and 19A were split into B and C codes from 2024-25. */
const check8945Q = eachRow(AS, ['AssessmentFactors'], (row) => upperFactors(row).includes('18A'));
const check8950Q = eachRow(AS, ['AssessmentFactors'], (row) => upperFactors(row).includes('19A'));

export const assessmentRules: readonly ValidationRule[] = [
  cinRule({
    code: '1103', severity: 'error', from: '2022-23',
    message: 'The assessment start date cannot be before the referral date',
    fields: ['AssessmentActualStartDate', 'CINreferralDate'],
    tables: ['Assessments', 'CINdetails'],
  }, check1103),
  cinRule({
    code: '8608', severity: 'error', from: '2022-23',
    message: 'Assessment Start Date cannot be later than its End Date',
    fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    tables: ['Assessments'],
  }, check8608),
  cinRule({
    code: '8614', severity: 'error', from: '2022-23',
    message: 'Parental or child factors at assessment should only be present for a completed assessment.',
    fields: ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    tables: ['Assessments'],
  }, check8614),
  cinRule({
    code: '8670Q', severity: 'query', from: '2022-23',
    message: 'Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.',
    fields: ['AssessmentActualStartDate'],
    tables: ['Assessments'],
  }, check8670Q),
  cinRule({
    code: '8696', severity: 'error', from: '2022-23',
    message: 'Assessment end date must fall within the census year',
    fields: ['AssessmentAuthorisationDate', 'ReferenceDate'],
    tables: ['Assessments', 'Header'],
  }, check8696),
  cinRule({
    code: '8736', severity: 'error', from: '2022-23',
    message: 'For an Assessment that has not been completed, the start date must fall within the census year',
    fields: ['AssessmentAuthorisationDate', 'AssessmentActualStartDate'],
    tables: ['Assessments'],
  }, check8736),
  cinRule({
    code: '8863Q', severity: 'query', from: '2022-23',
    message: 'An Assessment is shown as starting when there is another Assessment ongoing.',
    fields: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    tables: ['Assessments'],
  }, check8863Q),
  cinRule({
    code: '8869', severity: 'error', from: '2022-23',
    message: 'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.',
    fields: ['AssessmentFactors'],
    tables: ['Assessments'],
  }, check8869),
  cinRule({
    code: '8873Q', severity: 'query', from: '2022-23',
    message: "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
    fields: ['ReasonForClosure', 'AssessmentFactors'],
    tables: ['Assessments', 'CINdetails'],
  }, check8873Q),
  cinRule({
    code: '8896', severity: 'error', from: '2022-23',
    message: 'Within one CINDetails group there are 2 or more open Assessments groups',
    fields: ['AssessmentAuthorisationDate'],
    tables: ['Assessments'],
  }, check8896),
  cinRule({
    code: '8897Q', severity: 'query', from: '2022-23',
    message: 'Parental or child factors at assessment information is missing from a completed assessment',
    fields: ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    tables: ['Assessments'],
  }, check8897Q),
  cinRule({
    code: '8898', severity: 'error', from: '2022-23',
    message: ' The assessment has more than one parental or child factors with the same code',
    fields: ['AssessmentFactors'],
    tables: ['Assessments'],
  }, check8898),
  cinRule({
    code: '8945Q', severity: 'query', from: '2024-25',
    message: "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)",
    fields: ['AssessmentFactors'],
    tables: ['Assessments'],
  }, check8945Q),
  cinRule({
    code: '8950Q', severity: 'query', from: '2024-25',
    message: "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
    fields: ['AssessmentFactors'],
    tables: ['Assessments'],
  }, check8950Q),
];
