/**
 * Collection years. Both the CIN census and the SSDA903 return cover 1 April to 31 March; they
 * are named here as the statistics are, '2024-25'. The CIN census's own labels differ (its
 * `Year` is the year it ends, 2025, and its schema file is CIN_schema_2025.xsd), so each is
 * derived here, once.
 */
import { DomainError } from '../../platform/errors.ts';

export interface CollectionYear {
  /** '2024-25' */
  label: string;
  /** The first day: '2024-04-01'. */
  start: string;
  /** The last day, the census's reference date: '2025-03-31'. */
  end: string;
  /** The year it ends, as the CIN census's Header/CollectionDetails/Year: '2025'. */
  endYear: string;
}

const LABEL = /^(\d{4})-(\d{2})$/;

/** The collection year named '2024-25' (refused, naming the field, when it is not such a name). */
export function collectionYear(label: string, field = 'year'): CollectionYear {
  const match = LABEL.exec(label);
  const startYear = match ? Number(match[1]) : NaN;
  if (!match || (startYear + 1) % 100 !== Number(match[2])) {
    throw DomainError.invalidField(field, `Enter a collection year like 2024-25 (the year it starts, a hyphen, and the last two digits of the next): ${JSON.stringify(label)} is not one`);
  }
  return { label, start: `${startYear}-04-01`, end: `${startYear + 1}-03-31`, endYear: String(startYear + 1) };
}

/** The collection year a date (YYYY-MM-DD) falls in. */
export function collectionYearContaining(date: string): CollectionYear {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= '04-01' ? year : year - 1;
  return collectionYear(`${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`);
}

/** The collection year whose census reference date (or CIN `Year`) is given: '2025' or '2025-03-31' is 2024-25. */
export function collectionYearEndingIn(endYearOrReferenceDate: string): CollectionYear {
  return collectionYearContaining(`${endYearOrReferenceDate.slice(0, 4)}-03-31`);
}
