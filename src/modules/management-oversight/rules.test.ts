/**
 * The rules of authorisation, on folded records: what may be submitted and when, what a manager
 * may decide on, and that nobody authorises their own submission. The messages are the ones a
 * worker or manager reads.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { foldChildRecord, type LoggedEvent } from '../../record/fold.ts';
import { allowedActions } from '../../record/transitions.ts';
import { assessmentAuthorisedOn } from './state.ts';
import { managementOversightSummaryOf } from './summary.ts';

let sequence = 0;
function logged(type: string, occurredAt: string, data: Record<string, unknown> = {}): LoggedEvent {
  sequence += 1;
  return { type, occurredAt, data, eventId: `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`, sequence, recordedAt: '2030-01-01T12:00:00Z' } as LoggedEvent;
}
const fold = (log: LoggedEvent[]) => foldChildRecord('206', 'MO1', log);
/** The message the fold refuses the log with. */
function refusal(log: LoggedEvent[]): { code: string; message: string } {
  try {
    fold(log);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('The log folded');
}

/** A child with one episode: an assessment completed, a second in progress, and a child in need plan started. */
function episode() {
  const referral = logged('referral.received', '2024-01-03', { source: '1A' });
  const first = logged('assessment.started', '2024-01-04');
  const second = logged('assessment.started', '2024-02-15');
  const plan = logged('cin-plan.started', '2024-03-01');
  const log = [
    logged('child.registered', '2024-01-02', { forename: 'Ana', surname: 'Bell', dateOfBirth: '2015-06-01', sex: 'F', ethnicity: 'WBRI', disabilities: ['NONE'] }),
    referral, first, second,
    logged('assessment.completed', '2024-02-01', { assessmentId: first.eventId, factors: ['3B'], outcome: 'child-in-need-plan', authorisedByWorkerId: 'W-TM1' }),
    plan,
  ];
  return { log, referral, first, second, plan };
}
const item = (subject: string, subjectId: string) => ({ subject, subjectId });
const submitted = (on: string, subject: ReturnType<typeof item>, by = 'W-SW1', comments?: string) =>
  logged('approval.submitted', on, { ...subject, submittedByUserId: by, submittedByWorkerId: by, ...(comments ? { comments } : {}) });
const authorised = (on: string, subject: ReturnType<typeof item>, by = 'W-TM1') => logged('approval.authorised', on, { ...subject, authorisedByUserId: by });
const returned = (on: string, subject: ReturnType<typeof item>, comments = 'Add the child\'s views', by = 'W-TM1') =>
  logged('approval.returned', on, { ...subject, returnedByUserId: by, comments });

describe('management oversight rules', () => {
  it('lists every completed assessment, plan and closure as not submitted, and offers submitting them', () => {
    const { log, first, plan } = episode();
    const { state } = fold(log);
    const summary = managementOversightSummaryOf(state);
    expect(summary.items.map((i) => [i.subject, i.subjectId, i.status, i.readyOn])).toEqual([
      ['assessment', first.eventId, 'not-submitted', '2024-02-01'],
      ['cin-plan', plan.eventId, 'not-submitted', '2024-03-01'],
    ]);
    expect(allowedActions(state)).toContain('approval.submitted');
    expect(allowedActions(state)).not.toContain('approval.authorised');
  });

  it('refuses submitting an assessment not yet completed, or one that is not on the record', () => {
    const { log, second } = episode();
    expect(refusal([...log, submitted('2024-03-02', item('assessment', second.eventId))]).message)
      .toBe('An assessment can be submitted for authorisation only once it has been completed: record its completion first');
    expect(refusal([...log, submitted('2024-03-02', item('cp-plan', second.eventId))]).message)
      .toBe('There is no child protection plan with that id on this child\'s record on 2 March 2024: check what is submitted and the date of submission');
  });

  it('refuses a submission dated before the item was ready, and a second while one awaits a manager', () => {
    const { log, first, plan } = episode();
    expect(refusal([...log, submitted('2024-02-20', item('cin-plan', plan.eventId))]).message)
      .toBe('There is no child in need plan with that id on this child\'s record on 20 February 2024: check what is submitted and the date of submission');
    const assessment = item('assessment', first.eventId);
    expect(refusal([...log, submitted('2024-03-02', assessment), submitted('2024-03-03', assessment)]).message)
      .toBe('This assessment has been awaiting authorisation since 2 March 2024');
  });

  it('refuses a decision on what is not awaiting one, naming why', () => {
    const { log, first, plan } = episode();
    const assessment = item('assessment', first.eventId);
    const cinPlan = item('cin-plan', plan.eventId);
    // The plan awaits a manager, so deciding is allowed on the record; the assessment is not what awaits.
    expect(refusal([...log, submitted('2024-03-02', cinPlan), authorised('2024-03-03', assessment)]).message)
      .toBe('This assessment can be authorised only after it has been submitted for authorisation');
    expect(refusal([...log, submitted('2024-03-02', cinPlan), submitted('2024-03-02', assessment), returned('2024-03-03', assessment), authorised('2024-03-04', assessment)]).message)
      .toBe('This assessment was returned to the worker on 3 March 2024: it can be authorised once it has been submitted again');
    expect(refusal([...log, submitted('2024-03-02', cinPlan), submitted('2024-03-02', assessment), authorised('2024-03-03', assessment), returned('2024-03-04', assessment)]).message)
      .toBe('This assessment was authorised on 3 March 2024');
  });

  it('refuses a manager deciding on their own submission', () => {
    const { log, first } = episode();
    const assessment = item('assessment', first.eventId);
    expect(refusal([...log, submitted('2024-03-02', assessment, 'W-TM1'), authorised('2024-03-03', assessment, 'W-TM1')])).toEqual({
      code: 'forbidden', message: 'You cannot authorise an assessment you submitted yourself: another manager must decide on it',
    });
    expect(refusal([...log, submitted('2024-03-02', assessment, 'W-TM1'), returned('2024-03-03', assessment, 'Fix it', 'W-TM1')]).code).toBe('forbidden');
  });

  it('keeps every step of a return and resubmission, and the authorisation date for the returns', () => {
    const { log, first } = episode();
    const assessment = item('assessment', first.eventId);
    const { state } = fold([
      ...log, submitted('2024-02-02', assessment, 'W-SW1', 'Ready'), returned('2024-02-05', assessment, 'Add the father\'s views'),
      submitted('2024-02-07', assessment, 'W-SW1', 'Added'), authorised('2024-02-09', assessment, 'W-TM3'),
    ]);
    const shown = managementOversightSummaryOf(state).items[0]!;
    expect(shown).toMatchObject({ status: 'authorised', submittable: false, submittedOn: '2024-02-07', authorisedOn: '2024-02-09', authorisedByUserId: 'W-TM3', returnComments: 'Add the father\'s views' });
    expect(shown.steps.map((step) => [step.step, step.on, step.byUserId, step.comments])).toEqual([
      ['submitted', '2024-02-02', 'W-SW1', 'Ready'], ['returned', '2024-02-05', 'W-TM1', 'Add the father\'s views'],
      ['submitted', '2024-02-07', 'W-SW1', 'Added'], ['authorised', '2024-02-09', 'W-TM3', undefined],
    ]);
    expect(assessmentAuthorisedOn(state, first.eventId)).toBe('2024-02-09');
  });

  it('submits a closure by its episode, once the episode has closed', () => {
    const { log: [registered], referral, first } = episode();
    const log = [registered!, referral, first, logged('assessment.completed', '2024-02-01', { assessmentId: first.eventId, factors: ['21'], outcome: 'no-further-action', authorisedByWorkerId: 'W-TM1' })];
    const closure = item('closure', referral.eventId);
    expect(refusal([...log, submitted('2024-03-02', closure)]).message)
      .toBe('There is no closed episode with that id on this child\'s record on 2 March 2024: check what is submitted and the date of submission');
    const { state } = fold([...log, logged('episode.closed', '2024-02-02', { reasonForClosure: 'RC8', primaryNeed: 'N1' }), submitted('2024-02-03', closure)]);
    expect(managementOversightSummaryOf(state).items.find((i) => i.subject === 'closure')).toMatchObject({ subjectId: referral.eventId, status: 'awaiting-authorisation' });
  });
});
