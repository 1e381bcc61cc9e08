/**
 * Management oversight's words, shared by the server's refusals and the web app (browser-safe:
 * no server code is reached from here).
 */
import type { ApprovalSubject } from './events.ts';

export const subjectWords: Record<ApprovalSubject, { noun: string; capitalised: string; determined: string }> = {
  assessment: { noun: 'completed assessment', capitalised: 'This assessment', determined: 'an assessment' },
  'cin-plan': { noun: 'child in need plan', capitalised: 'This child in need plan', determined: 'a child in need plan' },
  'cp-plan': { noun: 'child protection plan', capitalised: 'This child protection plan', determined: 'a child protection plan' },
  closure: { noun: 'closed episode', capitalised: 'This closure', determined: 'a closure' },
};

/** What is authorised, as a heading or a worktray's "what" column says it. */
export const subjectTitles: Record<ApprovalSubject, string> = {
  assessment: 'Assessment', 'cin-plan': 'Child in need plan', 'cp-plan': 'Child protection plan', closure: 'Case closure',
};

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-11-21 as 21 November 2026, the GOV.UK way, in messages the server writes. */
export function formatLongDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${months[month! - 1]} ${year}`;
}
