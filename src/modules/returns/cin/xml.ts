/**
 * The CIN census file: its tables written as DfE's XML (elements in the schema's sequence order,
 * empty optional elements left out), and any census XML, made by any system, read back into the
 * tables with their keys counted as DfE's validators count them.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { collectionYearEndingIn, type CollectionYear } from '../collection-year.ts';
import { cellOf, rowsOf, tableOf, type Cell, type ReturnTables, type TableRow } from '../return-tables.ts';
import type { ReadReturn, ReturnFile, ReturnHeaderFacts } from '../statutory-return.ts';
import { cinTableColumns } from './tables.ts';

export const CIN_MEDIA_TYPE = 'application/xml';

/** The name of the year's census file: cin-census-2024-25.xml. */
export const cinFileName = (year: CollectionYear): string => `cin-census-${year.label}.xml`;

// ---------------------------------------------------------------------------------------------
// Writing

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** An element holding a cell, or nothing for a blank cell (the schema's optional elements are left out, never empty). */
const leaf = (name: string, value: Cell): string => (value === null || value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`);
const leaves = (row: TableRow, names: readonly string[]): string => names.map((name) => leaf(name, cellOf(row, name))).join('');
const block = (name: string, content: string): string => (content === '' ? '' : `<${name}>${content}</${name}>`);

/** Rows grouped by the values of some key columns, in the order their first rows come. */
function groupBy(rows: readonly TableRow[], key: (row: TableRow) => string): Map<string, TableRow[]> {
  const groups = new Map<string, TableRow[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k) ?? [];
    group.push(row);
    groups.set(k, group);
  }
  return groups;
}

const childKey = (row: TableRow) => cellOf(row, 'LAchildID') ?? '';
const detailsKey = (row: TableRow) => `${childKey(row)}\u0000${cellOf(row, 'CINdetailsID') ?? ''}`;
const assessmentKey = (row: TableRow) => `${detailsKey(row)}\u0000${cellOf(row, 'AssessmentID') ?? ''}`;
const planKey = (row: TableRow) => `${detailsKey(row)}\u0000${cellOf(row, 'CPPID') ?? ''}`;

/** The census XML of its tables: one file. */
export function writeCinCensus(tables: ReturnTables, facts: ReturnHeaderFacts): ReturnFile[] {
  const header = rowsOf(tables, 'Header')[0];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<Message>'];
  if (header) {
    lines.push(`  <Header>${block('CollectionDetails', leaves(header, ['Collection', 'Year', 'ReferenceDate']))}${
      block('Source', leaves(header, ['SourceLevel', 'LEA', 'SoftwareCode', 'Release', 'SerialNo', 'DateTime']))}</Header>`);
  }
  lines.push('  <Children>');
  const byChild = (table: string) => groupBy(rowsOf(tables, table), childKey);
  const characteristics = byChild('ChildCharacteristics');
  const disabilities = byChild('Disabilities');
  const details = byChild('CINdetails');
  const assessments = groupBy(rowsOf(tables, 'Assessments'), detailsKey);
  const factors = groupBy(rowsOf(tables, 'AssessmentFactorsList'), assessmentKey);
  const cinPlans = groupBy(rowsOf(tables, 'CINplanDates'), detailsKey);
  const section47s = groupBy(rowsOf(tables, 'Section47'), detailsKey);
  const plans = groupBy(rowsOf(tables, 'ChildProtectionPlans'), detailsKey);
  const reviews = groupBy(rowsOf(tables, 'Reviews'), planKey);

  for (const identifiers of rowsOf(tables, 'ChildIdentifiers')) {
    const child = childKey(identifiers);
    const sexColumn = cellOf(identifiers, 'Sex') !== null || identifiers.GenderCurrent === undefined ? 'Sex' : 'GenderCurrent';
    const parts = [block('ChildIdentifiers', leaves(identifiers, ['LAchildID', 'UPN', 'FormerUPN', 'UPNunknown', 'PersonBirthDate', 'ExpectedPersonBirthDate', sexColumn, 'PersonDeathDate']))];
    const characteristic = characteristics.get(child)?.[0];
    const disabilityCodes = (disabilities.get(child) ?? []).map((row) => leaf('Disability', cellOf(row, 'Disability'))).join('');
    parts.push(block('ChildCharacteristics', leaf('Ethnicity', characteristic ? cellOf(characteristic, 'Ethnicity') : null) + block('Disabilities', disabilityCodes)));
    for (const episode of details.get(child) ?? []) {
      const key = detailsKey(episode);
      const assessmentBlocks = (assessments.get(key) ?? []).map((assessment) => {
        const listed = factors.get(assessmentKey(assessment))?.map((row) => cellOf(row, 'AssessmentFactor'));
        const codes = listed ?? (cellOf(assessment, 'AssessmentFactors') ?? '').split(',').map((code) => code.trim());
        return block('Assessments', leaves(assessment, ['AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate'])
          + block('FactorsIdentifiedAtAssessment', codes.map((code) => leaf('AssessmentFactors', code)).join('')));
      });
      const planBlocks = (plans.get(key) ?? []).map((plan) => block('ChildProtectionPlans',
        leaves(plan, ['CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP'])
        + block('Reviews', (reviews.get(planKey(plan)) ?? []).map((row) => leaf('CPPreviewDate', cellOf(row, 'CPPreviewDate'))).join(''))));
      parts.push(block('CINdetails', [
        leaves(episode, ['CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'CINclosureDate', 'ReasonForClosure', 'DateOfInitialCPC']),
        ...assessmentBlocks,
        ...(cinPlans.get(key) ?? []).map((plan) => block('CINPlanDates', leaves(plan, ['CINPlanStartDate', 'CINPlanEndDate']))),
        ...(section47s.get(key) ?? []).map((enquiry) => block('Section47', leaves(enquiry, ['S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired']))),
        leaf('ReferralNFA', cellOf(episode, 'ReferralNFA')),
        ...planBlocks,
      ].join('')));
    }
    lines.push(`    <Child>${parts.join('')}</Child>`);
  }
  lines.push('  </Children>', '</Message>', '');
  return [{ name: cinFileName(facts.collectionYear), mediaType: CIN_MEDIA_TYPE, contents: lines.join('\n') }];
}

// ---------------------------------------------------------------------------------------------
// Reading

type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['Source', 'Child', 'CINdetails', 'Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans', 'Disability', 'AssessmentFactors', 'CPPreviewDate']);

const parser = new XMLParser({
  ignoreAttributes: true, parseTagValue: false, trimValues: true, ignoreDeclaration: true, ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

const nodeOf = (value: unknown): XmlNode => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as XmlNode : {});
const nodesOf = (value: unknown): XmlNode[] => (Array.isArray(value) ? value.map(nodeOf) : value === undefined ? [] : [nodeOf(value)]);
/** An element's text, or null when it is absent or empty. */
function textOf(node: XmlNode, name: string): Cell {
  const value = node[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text === 'string') return text.trim() === '' ? null : text.trim();
  if (typeof text === 'object' && text !== null && typeof (text as XmlNode)['#text'] === 'string') return ((text as XmlNode)['#text'] as string).trim() || null;
  return null;
}
const textsOf = (node: XmlNode, name: string): string[] =>
  (Array.isArray(node[name]) ? node[name] as unknown[] : []).map((value) => (typeof value === 'string' ? value.trim() : '')).filter((text) => text !== '');
const pick = (node: XmlNode, names: readonly string[]): Record<string, Cell> => Object.fromEntries(names.map((name) => [name, textOf(node, name)]));

/** The collection year a census's Header says it is for: its reference date (as DfE's rule 100 reads it), or else its Year. */
function yearOfHeader(header: TableRow | undefined): CollectionYear | null {
  const referenceDate = header ? cellOf(header, 'ReferenceDate') : null;
  if (referenceDate !== null && /^\d{4}-\d{2}-\d{2}/.test(referenceDate)) return collectionYearEndingIn(referenceDate);
  const year = header ? cellOf(header, 'Year') : null;
  return year !== null && /^\d{4}$/.test(year) ? collectionYearEndingIn(year) : null;
}

/** Reads census XML files (normally one) into the census's tables. */
export function readCinCensus(files: readonly ReturnFile[]): ReadReturn {
  const problems: ReadReturn['problems'] = [];
  const rows: Record<string, TableRow[]> = {};
  const add = (table: string, row: TableRow) => (rows[table] ??= []).push(row);
  let header: TableRow | undefined;
  for (const file of files) {
    const checked = XMLValidator.validate(file.contents);
    if (checked !== true) {
      problems.push({ file: file.name, line: checked.err.line, message: `The file is not well-formed XML at line ${checked.err.line}: ${checked.err.msg}` });
      continue;
    }
    const message = nodeOf(nodeOf(parser.parse(file.contents)).Message);
    if (Object.keys(message).length === 0) {
      problems.push({ file: file.name, line: null, message: 'The file is not a CIN census: it has no Message element' });
      continue;
    }
    const headerNode = nodeOf(message.Header);
    if (message.Header !== undefined) {
      header = {
        ...pick(nodeOf(headerNode.CollectionDetails), ['Collection', 'Year', 'ReferenceDate']),
        ...pick(nodesOf(headerNode.Source)[0] ?? {}, ['SourceLevel', 'LEA', 'SoftwareCode', 'Release', 'SerialNo', 'DateTime']),
      };
      add('Header', header);
    }
    const children = nodesOf(nodeOf(message.Children).Child);
    if (children.length === 0) problems.push({ file: file.name, line: null, message: 'The census has no children: a CIN census has at least one Child' });
    for (const child of children) readChild(child, add);
  }
  const collectionYear = yearOfHeader(header);
  const columns = cinTableColumns(collectionYear ?? collectionYearEndingIn('2025'));
  const tables: Record<string, ReturnType<typeof tableOf>> = {};
  for (const [table, tableColumns] of Object.entries(columns)) {
    // A file that gives the other year's sex element keeps it: the table then has the column the file has.
    const fileColumns = table === 'ChildIdentifiers' ? sexColumnsOf(rows[table] ?? [], tableColumns) : tableColumns;
    tables[table] = tableOf(fileColumns, rows[table] ?? []);
  }
  return { tables, collectionYear, problems };
}

function sexColumnsOf(rows: readonly TableRow[], columns: readonly string[]): readonly string[] {
  const expected = columns.includes('Sex') ? 'Sex' : 'GenderCurrent';
  const other = expected === 'Sex' ? 'GenderCurrent' : 'Sex';
  const hasOther = rows.some((row) => cellOf(row, other) !== null);
  const hasExpected = rows.some((row) => cellOf(row, expected) !== null);
  return hasOther && !hasExpected ? columns.map((column) => (column === expected ? other : column)) : columns;
}

function readChild(child: XmlNode, add: (table: string, row: TableRow) => void): void {
  const identifiers = nodeOf(child.ChildIdentifiers);
  const LAchildID = textOf(identifiers, 'LAchildID');
  const identifierRow: Record<string, Cell> = pick(identifiers, ['LAchildID', 'UPN', 'FormerUPN', 'UPNunknown', 'PersonBirthDate', 'ExpectedPersonBirthDate', 'PersonDeathDate']);
  for (const sex of ['Sex', 'GenderCurrent']) if (identifiers[sex] !== undefined) identifierRow[sex] = textOf(identifiers, sex);
  add('ChildIdentifiers', identifierRow);
  const characteristics = nodeOf(child.ChildCharacteristics);
  add('ChildCharacteristics', { LAchildID, Ethnicity: textOf(characteristics, 'Ethnicity') });
  for (const disability of textsOf(nodeOf(characteristics.Disabilities), 'Disability')) add('Disabilities', { LAchildID, Disability: disability });

  nodesOf(child.CINdetails).forEach((details, detailsIndex) => {
    const key = { LAchildID, CINdetailsID: String(detailsIndex + 1) };
    add('CINdetails', { ...key, ...pick(details, ['CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'CINclosureDate', 'ReasonForClosure', 'DateOfInitialCPC', 'ReferralNFA']) });
    nodesOf(details.Assessments).forEach((assessment, index) => {
      const dates = pick(assessment, ['AssessmentActualStartDate', 'AssessmentAuthorisationDate']);
      const factors = textsOf(nodeOf(assessment.FactorsIdentifiedAtAssessment), 'AssessmentFactors');
      const assessmentKey = { ...key, AssessmentID: String(index + 1) };
      add('Assessments', {
        ...assessmentKey, AssessmentActualStartDate: dates.AssessmentActualStartDate!, AssessmentInternalReviewDate: textOf(assessment, 'AssessmentInternalReviewDate'),
        AssessmentAuthorisationDate: dates.AssessmentAuthorisationDate!, AssessmentFactors: factors.length > 0 ? factors.join(',') : null,
      });
      for (const factor of factors) add('AssessmentFactorsList', { ...assessmentKey, ...dates, AssessmentFactor: factor });
    });
    for (const plan of nodesOf(details.CINPlanDates)) add('CINplanDates', { ...key, ...pick(plan, ['CINPlanStartDate', 'CINPlanEndDate']) });
    for (const enquiry of nodesOf(details.Section47)) add('Section47', { ...key, ...pick(enquiry, ['S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired']) });
    nodesOf(details.ChildProtectionPlans).forEach((plan, index) => {
      const planKey = { ...key, CPPID: String(index + 1) };
      add('ChildProtectionPlans', { ...planKey, ...pick(plan, ['CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP']) });
      for (const reviewedOn of textsOf(nodeOf(plan.Reviews), 'CPPreviewDate')) add('Reviews', { ...planKey, CPPreviewDate: reviewedOn });
    });
  });
}
