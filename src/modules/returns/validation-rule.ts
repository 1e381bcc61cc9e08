/**
 * DfE's validation rules as data and small pure predicates. A rule is its DfE code, whether it is
 * an error or a query, DfE's message, the fields and tables it reads, the collection years it
 * applies to, and `check`: a pure function of the return's tables that says where the return
 * breaks it. Rules do not know about each other, so they run in any order (the engine runs them
 * in code order, and a test runs them in reverse to show the order does not matter).
 */
import type { Calendar } from '../../platform/calendar/calendar.ts';
import type { CollectionYear } from './collection-year.ts';
import type { ReturnTables } from './return-tables.ts';

export type ReturnKind = 'cin' | 'ssda903';
export type IssueSeverity = 'error' | 'query';

/** What a rule is given beside the tables: the year being returned, whose return it is, and the calendar. */
export interface ValidationContext {
  collectionYear: CollectionYear;
  /** The council's three-digit LA number, as the CIN header's LEA and SSDA903's LA codes carry it: '206'. */
  laNumber: string;
  /** Working days, with England and Wales bank holidays: the same calendar as the timescales. */
  calendar: Calendar;
  /**
   * Ofsted URNs the council knows of (SSDA903 rules on placement URNs need them); without the list
   * those rules find nothing, as DfE's own tool does without the Ofsted spreadsheets.
   */
  providerUrns?: ReadonlySet<string>;
  /**
   * What Ofsted's provider lists say of each URN, where the council loads them: the rules comparing
   * a placement with its provider (postcode, registered placement and provider types, registration
   * end, LA) find nothing without them.
   */
  providers?: ReadonlyMap<string, OfstedProvider>;
  /** The file the 903 return was read from (some rules apply to CSV or XML only). */
  fileFormat?: 'csv' | 'xml';
}

/** What Ofsted's provider lists say of a URN. */
export interface OfstedProvider {
  postcode?: string | null;
  placementCodes?: readonly string[];
  providerCodes?: readonly string[];
  /** The date its registration ended (ISO), if it has. */
  registrationEnded?: string | null;
  laCode?: string | null;
}

/**
 * Where a rule found a problem: a row of a table (its position in `rows`, from 0) and the column
 * at fault. A rule about the return as a whole (too few distinct disability codes) gives no row.
 */
export interface RuleFinding {
  table: string;
  /** The row's position in the table's rows, from 0; absent for a finding about the whole return. */
  row?: number;
  /** The column at fault; a rule naming several gives one finding per column. */
  column?: string;
}

export interface ValidationRule {
  /** DfE's code: '100', '8670Q', '103', 'SW01'… Queries end in Q for the CIN census. */
  code: string;
  kind: ReturnKind;
  severity: IssueSeverity;
  /** DfE's message, word for word as in the year's rule list. */
  message: string;
  /** The fields it reads, as the rule list names them. */
  fields: readonly string[];
  /** The tables it reads. */
  tables: readonly string[];
  /** The first collection year it applies to ('2022-23'), and the last (absent: still in force). */
  from: string;
  until?: string;
  check: (tables: ReturnTables, context: ValidationContext) => RuleFinding[];
}

/** A problem in a return, located so that a person can find and fix it. */
export interface ReturnIssue {
  code: string;
  severity: IssueSeverity;
  message: string;
  table: string;
  /** Position of the row in its table, from 0; null for a finding about the whole return. */
  row: number | null;
  column: string | null;
  /** The child the row belongs to (LAchildID or CHILD), when the row names one. */
  child: string | null;
}

/** The rules in force in a collection year: those whose years include it. */
export function rulesInForce(rules: readonly ValidationRule[], year: CollectionYear): ValidationRule[] {
  return rules.filter((rule) => rule.from <= year.label && (rule.until === undefined || year.label <= rule.until));
}

const CHILD_COLUMNS = ['LAchildID', 'CHILD'] as const;

/** Runs every rule over the tables and locates what each finds. */
export function validateReturn(tables: ReturnTables, rules: readonly ValidationRule[], context: ValidationContext): ReturnIssue[] {
  const issues: ReturnIssue[] = [];
  for (const rule of rules) {
    for (const finding of rule.check(tables, context)) {
      const row = finding.row === undefined ? undefined : tables[finding.table]?.rows[finding.row];
      const child = row === undefined ? null : (CHILD_COLUMNS.map((column) => row[column]).find((id) => typeof id === 'string' && id !== '') ?? null);
      issues.push({
        code: rule.code, severity: rule.severity, message: rule.message, table: finding.table,
        row: finding.row ?? null, column: finding.column ?? null, child,
      });
    }
  }
  return issues;
}
