import { describe, expect, it } from 'vitest';
import { accessGrantFor, permissionsOf } from '../access/policy.ts';
import { roleNames, roles, type Role } from '../access/roles.ts';
import { homeOf, navigationFor, offers, returnPathOf } from './access.ts';

/** A viewer in a role, with the permissions the server would send for it. */
const viewerIn = (role: Role, workerId: string | null = 'w-1') => ({
  workerId,
  permissions: permissionsOf(accessGrantFor({ userId: `u-${role}`, role, agency: 'childrens-social-care', workerId, teamId: 't-1' })),
});
const sections = (role: Role, workerId?: string | null) => navigationFor(viewerIn(role, workerId)).map((item) => item.text);

describe('what the web app offers whom', () => {
  it('offers a social worker their work, children, figures and alerts, but not the audit', () => {
    expect(sections('social-worker')).toEqual(['My work', 'Find a child', 'Dashboards', 'Reports', 'Alerts']);
    expect(homeOf(viewerIn('social-worker'))).toBe('/');
    expect(offers.recordEvents(viewerIn('social-worker'))).toBe(true);
    expect(offers.restrictRecord(viewerIn('social-worker'))).toBe(false);
  });

  it('offers correcting an entry to the roles that record, and to no partner agency nor figures-only role', () => {
    for (const role of roleNames) {
      expect({ role, corrects: offers.correctEntries(viewerIn(role)) }).toEqual({ role, corrects: roles[role].records && (roles[role].scope as string) !== 'shared-with-agency' });
    }
    expect(offers.correctEntries(viewerIn('social-worker'))).toBe(true);
    expect(offers.correctEntries(viewerIn('police-officer', null))).toBe(false);
    expect(offers.correctEntries(viewerIn('performance-analyst', null))).toBe(false);
  });

  it('offers figures-only roles the figures and nothing about any child', () => {
    for (const role of roleNames.filter((r) => roles[r].scope === 'figures-only')) {
      expect(sections(role), role).toEqual(['Dashboards', 'Reports']);
      expect(homeOf(viewerIn(role)), role).toBe('/dashboards');
      expect(offers.childRecord(viewerIn(role)), role).toBe(false);
      expect(offers.recordEvents(viewerIn(role)), role).toBe(false);
    }
  });

  it('offers any period and breakdowns by team or worker only to those who see the whole council', () => {
    for (const role of roleNames) {
      const wholeCouncil = roles[role].scope === 'whole-la';
      expect({ role, anyPeriod: offers.anyPeriod(viewerIn(role)), byAllocation: offers.breakdownByAllocation(viewerIn(role)) })
        .toEqual({ role, anyPeriod: wholeCouncil, byAllocation: wholeCouncil });
    }
  });

  it('lets a police officer read the records shared with the police but record nothing, and have no caseload', () => {
    expect(sections('police-officer', null)).toEqual(['Find a child', 'Dashboards', 'Reports', 'Alerts']);
    expect(homeOf(viewerIn('police-officer', null))).toBe('/children');
    expect(offers.recordEvents(viewerIn('police-officer'))).toBe(false);
  });

  it('offers partner agencies neither who has looked at a record nor the children behind figures', () => {
    for (const role of roleNames.filter((r) => roles[r].scope === 'shared-with-agency')) {
      expect(offers.childRecord(viewerIn(role)), role).toBe(true);
      expect(offers.accessLog(viewerIn(role)), role).toBe(false);
      expect(offers.childrenBehindFigures(viewerIn(role)), role).toBe(false);
    }
    expect(offers.accessLog(viewerIn('social-worker'))).toBe(true);
    expect(offers.childrenBehindFigures(viewerIn('social-worker'))).toBe(true);
  });

  it('follows the capabilities in roles.ts: managers restrict records, administrators also review the audit', () => {
    expect(offers.restrictRecord(viewerIn('team-manager'))).toBe(true);
    expect(sections('administrator', null)).toEqual(['Find a child', 'Dashboards', 'Reports', 'Alerts', 'Audit']);
    for (const role of roleNames) {
      const capabilities = (roles[role] as { capabilities?: readonly string[] }).capabilities ?? [];
      expect(offers.reviewAudit(viewerIn(role)), role).toBe(capabilities.includes('review-audit'));
      expect(offers.restrictRecord(viewerIn(role)), role).toBe(capabilities.includes('restrict-records'));
    }
  });

  it('returns people after signing in only to a page of this service', () => {
    expect(returnPathOf(new URLSearchParams('returnTo=/children/ABC1?x=1'))).toBe('/children/ABC1?x=1');
    for (const returnTo of ['https://elsewhere.example', '//elsewhere.example', '/\\elsewhere.example', '/sign-in/one-time-code', '']) {
      expect(returnPathOf(new URLSearchParams({ returnTo })), returnTo).toBe('/');
    }
    expect(returnPathOf(new URLSearchParams())).toBe('/');
  });
});
