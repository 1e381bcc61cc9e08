/**
 * The CIN census as tables: the XML flattened into the eleven tables DfE's validators read, so that
 * a rule's location (table, row, column) reads the same as theirs. Each child's blocks get keys
 * counted within their parent, as those validators count them: `CINdetailsID` 1, 2… within the
 * child, `AssessmentID` and `CPPID` 1, 2… within the CINdetails block. Dates are ISO (YYYY-MM-DD);
 * flags 0/1, as the XML has them.
 */
import type { CollectionYear } from '../collection-year.ts';

/**
 * Columns of each table in the XML's order. `GenderCurrent` is the census's sex field up to
 * 2023-24; from 2024-25 it is `Sex` (M/F/U). An assessment's factors are both a cell of
 * Assessments (the codes joined with commas, in the XML's order) and a row each of
 * AssessmentFactorsList.
 */
export function cinTableColumns(year: CollectionYear): Readonly<Record<string, readonly string[]>> {
  const sexColumn = year.label >= '2024-25' ? 'Sex' : 'GenderCurrent';
  return {
    Header: ['Collection', 'Year', 'ReferenceDate', 'SourceLevel', 'LEA', 'SoftwareCode', 'Release', 'SerialNo', 'DateTime'],
    ChildIdentifiers: ['LAchildID', 'UPN', 'FormerUPN', 'UPNunknown', 'PersonBirthDate', 'ExpectedPersonBirthDate', sexColumn, 'PersonDeathDate'],
    ChildCharacteristics: ['LAchildID', 'Ethnicity'],
    Disabilities: ['LAchildID', 'Disability'],
    CINdetails: ['LAchildID', 'CINdetailsID', 'CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'CINclosureDate', 'ReasonForClosure', 'DateOfInitialCPC', 'ReferralNFA'],
    Assessments: ['LAchildID', 'CINdetailsID', 'AssessmentID', 'AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate', 'AssessmentFactors'],
    AssessmentFactorsList: ['LAchildID', 'CINdetailsID', 'AssessmentID', 'AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'AssessmentFactor'],
    CINplanDates: ['LAchildID', 'CINdetailsID', 'CINPlanStartDate', 'CINPlanEndDate'],
    Section47: ['LAchildID', 'CINdetailsID', 'S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired'],
    ChildProtectionPlans: ['LAchildID', 'CINdetailsID', 'CPPID', 'CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP'],
    Reviews: ['LAchildID', 'CINdetailsID', 'CPPID', 'CPPreviewDate'],
  };
}

/** The CIN census's own labels of a collection year: its `Year`, `ReferenceDate` and schema file. */
export function cinYearLabels(year: CollectionYear): { censusYear: string; referenceDate: string; schemaFile: string } {
  return { censusYear: year.endYear, referenceDate: year.end, schemaFile: `CIN_schema_${year.endYear}.xsd` };
}
