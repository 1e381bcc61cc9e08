import { describe, expect, it } from 'vitest';
import { worklistOf } from './routes.ts';
import { annexAWindowTo, issueCountsByRule, kindOfFiles, type OpenIssue } from './service.ts';

const file = (name: string, contents: string) => ({ name, mediaType: 'text/plain', contents });

describe('the returns\' engine, in its parts', () => {
  it('tells the CIN census from SSDA903 by the files: an XML file whose root is a Message is the census', () => {
    expect(kindOfFiles([file('cin.xml', '<?xml version="1.0" encoding="utf-8"?>\n<!-- made elsewhere -->\n<Message xmlns="http://www.dfe.gov.uk/CIN"><Header/></Message>')])).toBe('cin');
    expect(kindOfFiles([file('upload', '<Message><Header/></Message>')])).toBe('cin');
    expect(kindOfFiles([file('903.xml', '<?xml version="1.0"?><Children><Child/></Children>')])).toBe('ssda903');
    expect(kindOfFiles([file('header.csv', 'CHILD,SEX,DOB\n1,1,01/01/2010\n'), file('episodes.csv', 'CHILD,DECOM\n')])).toBe('ssda903');
    // A Message deeper in an XML file is not its root.
    expect(kindOfFiles([file('x.xml', '<Children><Message/></Children>')])).toBe('ssda903');
  });

  it('takes Annex A\'s twelve months to the as-at date, from the day after the same date a year before', () => {
    expect(annexAWindowTo('2026-11-30')).toEqual({ from: '2025-12-01', asAt: '2026-11-30' });
    expect(annexAWindowTo('2024-02-29')).toEqual({ from: '2023-03-01', asAt: '2024-02-29' });
    expect(annexAWindowTo('2025-03-31')).toEqual({ from: '2024-04-01', asAt: '2025-03-31' });
  });

  it('counts issues by rule, errors first, then the most', () => {
    const issue = (code: string, severity: 'error' | 'query') => ({ code, severity, message: `Rule ${code}`, table: 'T', row: 0, column: null, child: null });
    expect(issueCountsByRule([issue('1', 'query'), issue('2', 'error'), issue('3', 'error'), issue('3', 'error'), issue('1', 'query')])).toEqual([
      { code: '3', severity: 'error', message: 'Rule 3', count: 2 },
      { code: '2', severity: 'error', message: 'Rule 2', count: 1 },
      { code: '1', severity: 'query', message: 'Rule 1', count: 2 },
    ]);
  });

  it('makes the worklist by rule and by team of the children the reader may see, in name order', () => {
    const open = (kind: 'cin' | 'ssda903', code: string, severity: 'error' | 'query', childId: string): OpenIssue => ({
      kind, code, severity, message: `Rule ${code}`, table: 'T', row: 1, column: 'C', child: childId, childId,
    });
    const issues = [open('cin', '8565', 'error', 'C2'), open('cin', '8565', 'error', 'C1'), open('cin', '8565', 'error', 'C1'), open('ssda903', '355', 'query', 'C3'), open('cin', '100', 'error', 'HIDDEN')];
    const children = [
      { child_id: 'C1', forename: 'Ada', surname: 'Adams', allocated_team_id: 't-2', team_name: 'Assessment 2' },
      { child_id: 'C2', forename: 'Ben', surname: 'Brown', allocated_team_id: null, team_name: null },
      { child_id: 'C3', forename: 'Cai', surname: 'Cole', allocated_team_id: 't-1', team_name: 'Assessment 1' },
    ];
    const worklist = worklistOf('2026-27', [], issues, children);
    // HIDDEN is not one the reader may see: rule 100 is not listed at all.
    expect(worklist.byRule).toEqual([
      { kind: 'cin', code: '8565', severity: 'error', message: 'Rule 8565', children: [
        { childId: 'C1', name: 'Ada Adams', teamId: 't-2', teamName: 'Assessment 2', issues: 2 },
        { childId: 'C2', name: 'Ben Brown', teamId: null, teamName: null, issues: 1 },
      ] },
      { kind: 'ssda903', code: '355', severity: 'query', message: 'Rule 355', children: [{ childId: 'C3', name: 'Cai Cole', teamId: 't-1', teamName: 'Assessment 1', issues: 1 }] },
    ]);
    expect(worklist.byTeam.map((team) => [team.teamName, team.children.map((child) => [child.childId, child.codes])])).toEqual([
      ['Assessment 1', [['C3', ['355']]]],
      ['Assessment 2', [['C1', ['8565']]]],
      ['Not allocated to a team', [['C2', ['8565']]]],
    ]);
  });
});
