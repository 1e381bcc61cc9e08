/**
 * The SSDA903 return as tables: a CSV file each, identified by its exact set of columns (the file's
 * name does not matter), as the specification and DfE's validators have them. Dates are dd/mm/yyyy.
 * The previous year's tables, where a council gives them, are `<Table>_last`.
 */
import type { CollectionYear } from '../collection-year.ts';

/** Columns of each table, in the file's order, for a collection year (SWEpisodes from 2023-24; DoLo from 2026-27). */
export function ssda903TableColumns(year: CollectionYear): Readonly<Record<string, readonly string[]>> {
  return {
    Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
    Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
    Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
    UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
    OC2: ['CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
    AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
    PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
    PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
    Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
    ...(year.label >= '2023-24' ? { SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'] } : {}),
    ...(year.label >= '2026-27' ? { DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'] } : {}),
  };
}
