import { createCalendar } from './src/platform/calendar/calendar.ts';
import { collectionYear } from './src/modules/returns/collection-year.ts';
import type { ReturnsChildState } from './src/modules/returns/child-state.ts';
import type { TableRow } from './src/modules/returns/return-tables.ts';
import { statutoryReturns } from './src/modules/returns/returns.ts';
import { rulesInForce, validateReturn } from './src/modules/returns/validation-rule.ts';
import { foldChildRecord } from './src/record/fold.ts';
import { boroughOfSize, islingtonShapedBorough } from './src/simulate/borough.ts';
import { simulatedChildLogs } from './src/simulate/test-support.ts';

const kinds = (process.argv[2] ?? 'cin,ssda903').split(',') as ('cin' | 'ssda903')[];
const year = collectionYear('2024-25');
const { logs } = simulatedChildLogs(boroughOfSize(islingtonShapedBorough, Number(process.argv[3] ?? 12000)), { seed: 3, years: 2, from: '2023-04-01', warmUpYears: 1 });
const states: ReturnsChildState[] = [];
for (const log of logs) {
  const events = log.events.filter((e) => e.occurredAt.slice(0, 10) <= year.end);
  if (events.length) states.push(foldChildRecord('206', log.childId, events).state as unknown as ReturnsChildState);
}
for (const kindName of kinds) {
  const kind = statutoryReturns[kindName];
  const columns = kind.tablesOf(year);
  const rows: Record<string, TableRow[]> = Object.fromEntries(Object.keys(columns).map((t) => [t, []]));
  const facts = { collectionYear: year, laNumber: '206', producedAt: '2025-05-01T09:00:00Z', softwareCode: 'Safeguard', release: 'x' };
  for (const [t, r] of Object.entries(kind.headerRows(facts))) rows[t]!.push(...r);
  let children = 0;
  for (const state of states) {
    const child = kind.rowsOfChild(state, year);
    if (!child) continue;
    children++;
    for (const [t, r] of Object.entries(child)) rows[t]!.push(...r);
  }
  const tables = Object.fromEntries(Object.entries(columns).map(([t, c]) => [t, { columns: c, rows: rows[t]! }]));
  const issues = validateReturn(tables, rulesInForce(kind.rules, year), { collectionYear: year, laNumber: '206', calendar: createCalendar(), fileFormat: 'csv' });
  const byCode = new Map<string, { n: number; sev: string; msg: string; ex: string }>();
  for (const i of issues) {
    const e = byCode.get(i.code) ?? { n: 0, sev: i.severity, msg: i.message.slice(0, 100), ex: `${i.child} ${i.table}[${i.row}].${i.column}` };
    e.n++; byCode.set(i.code, e);
  }
  console.log(`\n${kindName}: ${children} children; ${Object.entries(rows).map(([t, r]) => `${t} ${r.length}`).join(', ')}`);
  for (const [code, e] of [...byCode].sort((a, b) => b[1].n - a[1].n)) console.log(`  ${code} ${e.sev} ×${e.n}  ${e.msg}  e.g. ${e.ex}`);
  if (kind.schemaCheck && kindName === 'cin') {
    const [file] = kind.write(tables, facts);
    const r = await kind.schemaCheck(file!, year);
    console.log('  schema', r.valid, r.errors.slice(0, 3));
  }
}
