/**
 * What the web app offers whom. The server decides every request; this only keeps the app from
 * offering what the viewer's role would be refused. Each rule reads the permissions the server
 * sends (scope, recording, capabilities from src/access/roles.ts), never a role name.
 */
import { isLocalPath } from '../access/local-path.ts';
import type { Capability } from '../platform/request-context.ts';
import type { Permissions } from './api.ts';

/** The header's sections; a module's worklist is a section of its own, `worklist/` and its path. */
export type Section = 'my-work' | 'find' | 'dashboards' | 'reports' | 'alerts' | 'audit' | `worklist/${string}`;

/** The part of a viewer the rules read. */
export interface Offered {
  permissions: Permissions;
  workerId: string | null;
}

const has = (viewer: Offered, capability: Capability) => viewer.permissions.capabilities.includes(capability);

export const offers = {
  /** My work is a worker's caseload: for those who record and have one. */
  myWork: (viewer: Offered) => viewer.permissions.records && viewer.workerId !== null,
  findChild: (viewer: Offered) => viewer.permissions.seesChildren,
  childRecord: (viewer: Offered) => viewer.permissions.seesChildren,
  /** A partner agency sees the records shared with it, not who in the council has looked at them. */
  accessLog: (viewer: Offered) => viewer.permissions.seesChildren && viewer.permissions.scope !== 'shared-with-agency',
  /** Nor lists of the council's children drawn from its figures. */
  childrenBehindFigures: (viewer: Offered) => viewer.permissions.seesChildren && viewer.permissions.scope !== 'shared-with-agency',
  recordEvents: (viewer: Offered) => viewer.permissions.records,
  /** Correcting an entry, or marking it as recorded in error, is recording: never a partner agency's to do. */
  correctEntries: (viewer: Offered) => viewer.permissions.records && viewer.permissions.scope !== 'shared-with-agency',
  restrictRecord: (viewer: Offered) => viewer.permissions.seesChildren && has(viewer, 'restrict-records'),
  /** Authorising (or returning) what workers submit, and recording management oversight: for managers. */
  authorise: (viewer: Offered) => viewer.permissions.records && has(viewer, 'authorise'),
  /** Alerts are about children's records: a figures-only role has none. */
  alerts: (viewer: Offered) => viewer.permissions.seesChildren,
  reviewAudit: (viewer: Offered) => has(viewer, 'review-audit'),
  figures: () => true,
  /**
   * Under disclosure control figures are for whole months that are over (docs/analytics.md): no
   * dates of one's choosing, no period still running, no breakdown by team, service or worker.
   */
  anyPeriod: (viewer: Offered) => viewer.permissions.figures !== 'disclosure-controlled',
  breakdownByAllocation: (viewer: Offered) => viewer.permissions.figures !== 'disclosure-controlled',
} satisfies Record<string, (viewer: Offered) => boolean>;

/** Which sections each header link opens, and who is offered it. */
const sections: { section: Section; href: string; text: string; offered: (viewer: Offered) => boolean }[] = [
  { section: 'my-work', href: '/', text: 'My work', offered: offers.myWork },
  { section: 'find', href: '/children', text: 'Find a child', offered: offers.findChild },
  { section: 'dashboards', href: '/dashboards', text: 'Dashboards', offered: offers.figures },
  { section: 'reports', href: '/reports', text: 'Reports', offered: offers.figures },
  { section: 'alerts', href: '/alerts', text: 'Alerts', offered: offers.alerts },
  { section: 'audit', href: '/audit', text: 'Audit', offered: offers.reviewAudit },
];

/**
 * A module's worklist as a header link: its page lists children, so it is offered to those who see
 * them; one that names a capability (a manager's worktray), only to those whose role has it; the
 * council's own work (case notes, supervision, access requests) not to partner agencies.
 */
type WorklistLink = { path: string; title: string; capability?: Capability; councilOnly?: boolean };
export const worklistSection = (worklist: WorklistLink) => ({
  section: `worklist/${worklist.path}` as Section, href: `/${worklist.path}`, text: worklist.title,
  offered: (viewer: Offered) => offers.findChild(viewer) && (worklist.capability === undefined || has(viewer, worklist.capability))
    && !(worklist.councilOnly && viewer.permissions.scope === 'shared-with-agency'),
});

/** The header's links for a viewer, in order: the modules' worklists (`worklists`) come after finding a child. */
export function navigationFor(viewer: Offered, worklists: readonly WorklistLink[] = []): { section: Section; href: string; text: string }[] {
  const find = sections.findIndex((item) => item.section === 'find');
  const all = [...sections.slice(0, find + 1), ...worklists.map(worklistSection), ...sections.slice(find + 1)];
  return all.filter((item) => item.offered(viewer)).map(({ section, href, text }) => ({ section, href, text }));
}

/** Where a viewer starts: My work if they have one, else the first section they are offered. */
export function homeOf(viewer: Offered): string {
  return navigationFor(viewer)[0]!.href;
}

/** Where to go after signing in: back where the person was, never another site nor the sign-in pages again. */
export function returnPathOf(query: URLSearchParams): string {
  const returnTo = query.get('returnTo') ?? '/';
  return isLocalPath(returnTo) && !returnTo.startsWith('/sign-in') ? returnTo : '/';
}
