/**
 * A child's SSDA903 rows for a year, from records built through the record's own fold: each test
 * gives the child's events up to the end of the year, as the returns engine folds them.
 */
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../../../record/fold.ts';
import { agencyFosteringInKent, ceased, foldOf, legalStatusChanged, logged, placementChanged, registered, started, uascStatusCeased } from '../../looked-after/test-builders.ts';
import type { ReturnsChildState } from '../child-state.ts';
import { collectionYear } from '../collection-year.ts';
import { rowsOfChild } from './produce.ts';

const year2024 = collectionYear('2024-25');
const year2023 = collectionYear('2023-24');

/** The child's rows for the year, from the events up to its end (as the engine folds them). */
function rowsFor(events: readonly LoggedEvent[], year = year2024) {
  const { state } = foldOf(events.filter((event) => event.occurredAt <= year.end));
  return rowsOfChild(state as unknown as ReturnsChildState, year);
}

const review = (on: string, participation = 'PN1') => logged('care-planning.review-held', on, { participation });
const sdq = (on: string, score = 14) => logged('care-planning.sdq-recorded', on, { score });
const allocated = (on: string, workerId: string, teamId = 'T-CLA') => logged('allocation.started', on, { workerId, teamId });
const allocationEnded = (on: string) => logged('allocation.ended', on, {});
const eligibility = (on: string, category = 'former-relevant') => logged('care-leavers.eligibility-recorded', on, { category, reason: 'Looked after by this council from 2019' });
const birthdayContact = (on: string) => logged('care-leavers.birthday-contact-recorded', on, { inTouch: 'YES', activity: 'F2', accommodation: 'U', accommodationSuitable: true });

describe('who is in the year\'s return', () => {
  it('leaves out a child never looked after and with no care leaving support', () => {
    expect(rowsFor([registered()])).toBeNull();
  });

  it('leaves out a child whose care ended before the year began', () => {
    expect(rowsFor([registered(), started('2022-01-10'), ceased('2023-03-31')])).toBeNull();
  });

  it('counts a child whose care ended on 1 April, the year\'s first day', () => {
    expect(rowsFor([registered(), started('2022-01-10'), ceased('2024-04-01')])!.Episodes).toHaveLength(1);
  });
});

describe('episodes', () => {
  it('gives an episode spanning 1 April with the day it began, and open at the year\'s end', () => {
    const rows = rowsFor([registered(), started('2024-02-12', { legalStatus: 'C1', categoryOfNeed: 'N2' })])!;
    expect(rows.Episodes).toEqual([{
      CHILD: 'LA1', DECOM: '12/02/2024', RNE: 'S', LS: 'C1', CIN: 'N2', PLACE: 'U6', PLACE_PROVIDER: 'PR1', DEC: null, REC: null, REASON_PLACE_CHANGE: null,
      HOME_POST: 'N1 2AB', PL_POST: 'N7 8AB', URN: 'XXXXXXX',
    }]);
  });

  it('chains the episodes of a change of legal status with X1, the placement carrying on', () => {
    const rows = rowsFor([registered(), started('2024-05-01', { legalStatus: 'C1' }), legalStatusChanged('2024-09-02', 'C2')])!;
    expect(rows.Episodes!.map((e) => [e.DECOM, e.RNE, e.LS, e.PLACE, e.DEC, e.REC, e.REASON_PLACE_CHANGE])).toEqual([
      ['01/05/2024', 'S', 'C1', 'U6', '02/09/2024', 'X1', null],
      ['02/09/2024', 'L', 'C2', 'U6', null, null, null],
    ]);
  });

  it('gives a placement change a new episode, its reason on the episode it ended, and the new placement\'s details', () => {
    const rows = rowsFor([registered(), started('2024-05-01'), placementChanged('2024-07-15', { reason: 'CREQB' }), ceased('2025-01-20', 'E4A')])!;
    expect(rows.Episodes!.map((e) => [e.DECOM, e.RNE, e.PLACE, e.PLACE_PROVIDER, e.PL_POST, e.URN, e.DEC, e.REC, e.REASON_PLACE_CHANGE])).toEqual([
      ['01/05/2024', 'S', 'U6', 'PR1', 'N7 8AB', 'XXXXXXX', '15/07/2024', 'X1', 'CREQB'],
      ['15/07/2024', 'P', agencyFosteringInKent.type, 'PR4', 'ME14 1AA', 'SC12345', '20/01/2025', 'E4A', null],
    ]);
  });

  it('gives every episode of a period open in the year, those before 1 April too (the return is longitudinal)', () => {
    const rows = rowsFor([registered(), started('2023-06-01'), placementChanged('2023-11-01'), legalStatusChanged('2024-06-01', 'C2')])!;
    expect(rows.Episodes!.map((e) => e.DECOM)).toEqual(['01/06/2023', '01/11/2023', '01/06/2024']);
  });

  it('does not give the episodes of an earlier period that ended before the year', () => {
    const rows = rowsFor([registered(), started('2021-06-01'), ceased('2022-01-01'), started('2024-06-01')])!;
    expect(rows.Episodes!.map((e) => e.DECOM)).toEqual(['01/06/2024']);
  });
});

describe('reviews', () => {
  it('gives the reviews held in the year, not those before or after it', () => {
    const rows = rowsFor([registered(), started('2024-01-10'), review('2024-02-05'), review('2024-07-30', 'PN6'), review('2025-01-20'), review('2025-04-02')])!;
    expect(rows.Reviews).toEqual([
      { CHILD: 'LA1', DOB: '04/05/2010', REVIEW: '30/07/2024', REVIEW_CODE: 'PN6' },
      { CHILD: 'LA1', DOB: '04/05/2010', REVIEW: '20/01/2025', REVIEW_CODE: 'PN1' },
    ]);
  });
});

describe('OC2: looked after continuously for 12 months at 31 March', () => {
  it('counts a child looked after from 1 April, exactly 12 months at 31 March', () => {
    const rows = rowsFor([registered(), started('2024-04-01'), sdq('2024-10-01', 17)])!;
    expect(rows.OC2).toEqual([{
      CHILD: 'LA1', DOB: '04/05/2010', SDQ_SCORE: '17', SDQ_REASON: null, CONVICTED: '0', HEALTH_CHECK: null, IMMUNISATIONS: '0', TEETH_CHECK: '0',
      HEALTH_ASSESSMENT: '0', SUBSTANCE_MISUSE: '0', INTERVENTION_RECEIVED: null, INTERVENTION_OFFERED: null,
    }]);
  });

  it('does not count a child looked after from 2 April, a day short', () => {
    expect(rowsFor([registered(), started('2024-04-02')])!.OC2).toBeUndefined();
  });

  it('does not count a child whose care ended before 31 March', () => {
    expect(rowsFor([registered(), started('2023-01-02'), ceased('2025-03-30')])!.OC2).toBeUndefined();
  });

  it('gives the year\'s health outcomes, and the development checks of a child under 5', () => {
    const rows = rowsFor([
      registered({ dateOfBirth: '2021-06-01' }), started('2023-01-02'),
      logged('care-planning.health-assessment-completed', '2024-09-01', { kind: 'review', assessedBy: 'health-visitor', developmentChecksUpToDate: true }),
      logged('care-planning.immunisations-recorded', '2024-09-01', { upToDate: true }),
      logged('care-planning.dental-check-completed', '2024-10-01', {}),
    ])!;
    expect(rows.OC2![0]).toMatchObject({ HEALTH_CHECK: '1', IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1' });
  });
});

describe('OC3: care leavers in the year of their 17th to 21st birthdays', () => {
  // Born 10 June 2005: 19 on 10 June 2024, in the year 2024-25; 21 on 10 June 2026.
  const careLeaver = (birthday: string) => [
    registered({ dateOfBirth: birthday }), started('2021-01-04'), ceased('2023-06-20', 'E5'), eligibility('2023-06-21'), birthdayContact('2024-06-10'),
  ];

  it('gives the contact around the 19th birthday in the year', () => {
    const rows = rowsFor(careLeaver('2005-06-10'))!;
    expect(rows.OC3).toEqual([{ CHILD: 'LA1', DOB: '10/06/2005', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'U1' }]);
    expect(rows.Episodes).toBeUndefined();
    expect(rows.Header).toHaveLength(1);
  });

  it('counts the 21st birthday and not the 22nd', () => {
    const twentyFirst = rowsFor([...careLeaver('2005-06-10'), logged('care-leavers.birthday-contact-recorded', '2026-06-10', { inTouch: 'NO' })], collectionYear('2026-27'))!;
    // Not in touch: the activity and accommodation are DfE's 0, not known.
    expect(twentyFirst.OC3).toEqual([{ CHILD: 'LA1', DOB: '10/06/2005', IN_TOUCH: 'NO', ACTIV: '0', ACCOM: '0' }]);
    expect(rowsFor(careLeaver('2005-06-10'), collectionYear('2027-28'))).toBeNull();
  });

  it('does not ask it for a 17th or 18th birthday on which the young person was still looked after', () => {
    const rows = rowsFor([registered({ dateOfBirth: '2006-06-10' }), started('2020-01-06'), ceased('2024-06-10', 'E5'), eligibility('2024-06-11', 'former-relevant')])!;
    expect(rows.OC3).toBeUndefined();
  });

  it('does not ask it of a young person still looked after at the year\'s end', () => {
    const rows = rowsFor([registered({ dateOfBirth: '2007-05-20' }), started('2021-01-04'), eligibility('2024-04-21', 'eligible')])!;
    expect(rows.OC3).toBeUndefined();
  });

  it('counts the 17th birthday', () => {
    const rows = rowsFor([registered({ dateOfBirth: '2007-05-20' }), started('2021-01-04'), ceased('2024-04-20', 'E13'), eligibility('2024-04-21', 'relevant')])!;
    expect(rows.OC3).toEqual([{ CHILD: 'LA1', DOB: '20/05/2007', IN_TOUCH: null, ACTIV: null, ACCOM: null }]);
  });
});

describe('UASC', () => {
  it('gives an unaccompanied asylum-seeking child with the day the status ceased', () => {
    const rows = rowsFor([registered({ sex: 'F' }), started('2024-05-01', { unaccompaniedAsylumSeeking: true }), uascStatusCeased('2025-02-01')])!;
    expect(rows.UASC).toEqual([{ CHILD: 'LA1', SEX: 'F', DOB: '04/05/2010', DUC: '01/02/2025' }]);
  });

  it('has no row for a child who is not one', () => {
    expect(rowsFor([registered(), started('2024-05-01')])!.UASC).toBeUndefined();
  });
});

describe('social worker episodes, from 2023-24', () => {
  const events = [registered(), allocated('2023-01-09', 'W0001'), started('2023-02-01'), allocationEnded('2024-06-30'), allocated('2024-07-01', 'W0002')];

  it('gives each allocation open in the year or the year before, with the worker\'s id as a number not known (XX) and the reason for the change', () => {
    expect(rowsFor(events)!.SWEpisodes).toEqual([
      { CHILD: 'LA1', DOB: '04/05/2010', SW_ID: 'XXW0001', SW_DECOM: '09/01/2023', SW_DEC: '30/06/2024', SW_REASON: 'FCONTA' },
      { CHILD: 'LA1', DOB: '04/05/2010', SW_ID: 'XXW0002', SW_DECOM: '01/07/2024', SW_DEC: null, SW_REASON: 'OTHERS' },
    ]);
  });

  it('leaves out an allocation ended the day it began, and gives a change of team as a transfer and a worker after a gap as a first contact', () => {
    const rows = rowsFor([registered(), started('2023-02-01'), allocated('2023-05-01', 'W0001'), allocationEnded('2023-05-01'),
      allocated('2023-05-01', 'W0002'), allocationEnded('2023-09-01'), allocated('2023-09-02', 'W0003', 'T-OTHER'), allocationEnded('2024-01-01'),
      allocated('2024-02-01', 'W0004', 'T-OTHER')])!;
    expect(rows.SWEpisodes!.map((row) => [row.SW_ID, row.SW_REASON])).toEqual([['XXW0002', 'FCONTA'], ['XXW0003', 'TSPROC'], ['XXW0004', 'FCONTA']]);
  });

  it('keeps a Social Work England number as it is', () => {
    expect(rowsFor([registered(), started('2023-02-01'), allocated('2023-05-01', 'SW123456')])!.SWEpisodes![0]!.SW_ID).toBe('SW123456');
  });

  it('has no such table before 2023-24', () => {
    expect(rowsFor(events, collectionYear('2022-23'))!.SWEpisodes).toBeUndefined();
  });
});

describe('the header', () => {
  it('codes SEX 1 or 2 up to 2023-24 and M, F or U from 2024-25', () => {
    const events = [registered({ sex: 'F', upnUnknown: 'UN2' }), started('2023-06-01')];
    expect(rowsFor(events, year2023)!.Header).toEqual([{ CHILD: 'LA1', SEX: '2', DOB: '04/05/2010', ETHNIC: 'BAFR', UPN: 'UN2', MOTHER: '0', MC_DOB: null }]);
    expect(rowsFor(events, year2024)!.Header![0]!.SEX).toBe('F');
    expect(rowsFor([registered({ sex: 'M' }), started('2023-06-01')], year2023)!.Header![0]!.SEX).toBe('1');
  });

  it('asks MOTHER of girls looked after in the year only', () => {
    expect(rowsFor([registered({ sex: 'M' }), started('2023-06-01')], year2024)!.Header![0]!.MOTHER).toBeNull();
    expect(rowsFor([registered({ sex: 'F' }), started('2023-06-01')], year2024)!.Header![0]!.MOTHER).toBe('0');
  });

  it('gives a young mother\'s first child\'s date of birth', () => {
    const rows = rowsFor([registered({ sex: 'F', dateOfBirth: '2008-01-05' }), started('2023-06-01'), logged('care-planning.became-mother', '2024-11-02', { childBornOn: '2024-10-30' })])!;
    expect(rows.Header![0]).toMatchObject({ MOTHER: '1', MC_DOB: '30/10/2024' });
  });
});
