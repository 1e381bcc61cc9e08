/**
 * Who may do what, as data: the roles of the partnership's reports, what each sees (its record
 * scope), whether it needs a second factor, and whether it sees figures only.
 */

import type { Capability, RecordScope } from '../platform/request-context.ts';


export interface RoleDefinition {
  title: string;
  scope: RecordScope;
  /** Privileged roles sign in with a one-time code as well as a password. */
  needsSecondFactor: boolean;
  /** May record events on children's records (within scope). */
  records: boolean;
  capabilities?: readonly Capability[];
}

export const roles = {
  'social-worker': { title: 'Social worker', scope: 'team', needsSecondFactor: false, records: true },
  'senior-practitioner': { title: 'Senior practitioner', scope: 'team', needsSecondFactor: false, records: true },
  // Managers authorise (or return) the assessments, plans and closures their teams submit, decide
  // who else may see their records (access requests: their own team's, or, for a service manager,
  // any) and merge a child's duplicate records (src/modules/identity/).
  'team-manager': { title: 'Team manager', scope: 'service', needsSecondFactor: true, records: true, capabilities: ['restrict-records', 'authorise', 'decide-access-requests', 'merge-records'] },
  'service-manager': { title: 'Service manager', scope: 'whole-la', needsSecondFactor: true, records: true, capabilities: ['restrict-records', 'manage-reference-data', 'authorise', 'decide-access-requests', 'merge-records', 'make-returns'] },
  'front-door-officer': { title: 'Front door (MASH) officer', scope: 'whole-la', needsSecondFactor: false, records: true },
  'cp-chair': { title: 'Child protection chair', scope: 'whole-la', needsSecondFactor: false, records: true },
  iro: { title: 'Independent reviewing officer', scope: 'whole-la', needsSecondFactor: false, records: true },
  lado: { title: 'Local authority designated officer', scope: 'whole-la', needsSecondFactor: true, records: true },
  'exploitation-and-missing-team': { title: 'Exploitation and missing team', scope: 'whole-la', needsSecondFactor: false, records: true },
  'family-support-worker': { title: 'Family support worker', scope: 'own-caseload', needsSecondFactor: false, records: true },
  'personal-adviser': { title: 'Personal adviser', scope: 'own-caseload', needsSecondFactor: false, records: true },
  // The analyst checks the council's returns against the records, which needs the small numbers;
  // the administrator answers for the data and reconciles figures when a return is queried. Both,
  // and the service manager who signs the returns off, make the statutory returns (make-returns).
  'performance-analyst': { title: 'Performance analyst', scope: 'whole-la', needsSecondFactor: true, records: false, capabilities: ['manage-reference-data', 'see-unsuppressed-figures', 'make-returns'] },
  'partnership-business-unit': { title: 'Partnership business unit', scope: 'figures-only', needsSecondFactor: false, records: false },
  'police-officer': { title: 'Police officer', scope: 'shared-with-agency', needsSecondFactor: false, records: false },
  'health-practitioner': { title: 'Health practitioner', scope: 'shared-with-agency', needsSecondFactor: false, records: false },
  'school-designated-safeguarding-lead': { title: 'School designated safeguarding lead', scope: 'shared-with-agency', needsSecondFactor: false, records: false },
  'independent-scrutineer': { title: 'Independent scrutineer', scope: 'figures-only', needsSecondFactor: false, records: false },
  administrator: { title: 'Administrator', scope: 'whole-la', needsSecondFactor: true, records: false, capabilities: ['restrict-records', 'review-audit', 'manage-reference-data', 'see-unsuppressed-figures', 'make-returns'] },
} as const satisfies Record<string, RoleDefinition>;

/**
 * Days a child stays shared with a partner agency after the work it was shared for ends (the
 * contact decided, the enquiry completed, the plan ended): SAFEGUARD_PARTNER_SHARING_DAYS.
 * Ninety days is the three months within which a child protection plan is first reviewed and a
 * child in need plan is reviewed (Working Together 2023, ch. 4): long enough for a partner to
 * close its own part (a police investigation's outcome, a health follow-up, a school's support
 * after a step-down) and to see a re-referral in that time; short enough that sight of the
 * record lapses within a quarter of the work ending.
 */
export const DEFAULT_PARTNER_SHARING_DAYS = 90;

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as [Role, ...Role[]];

export function roleDefinitionOf(role: string): RoleDefinition | undefined {
  return (roles as Record<string, RoleDefinition>)[role];
}
