/**
 * A SQL string literal, or NULL, for statements sent several in one round trip (which take no
 * parameters). Standard-conforming strings are on in PostgreSQL 15 and PGlite: only quotes double.
 */
export function sqlLiteral(value: string | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : `'${value.replaceAll("'", "''")}'`;
}
