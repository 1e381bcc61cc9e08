/**
 * The child's record as the API answers it and the web app reads it, in Zod: the record's own
 * fields (whose it is, what the child is involved in, what may be recorded, what is due) and each
 * module's read model beside them; and the lists of children the record API gives.
 *
 * Shared by the server and the browser, so it holds Zod and nothing else: the modules are handed in
 * (the server's registry to the API, the web app's to its types), never imported.
 */
import { z } from 'zod';

/** Something the child is involved in now: a section 47 enquiry, a child protection plan… */
export const InvolvementOut = z.object({ kind: z.string(), label: z.string(), since: z.string() });
export type InvolvementOut = z.infer<typeof InvolvementOut>;

/** A child's involvements as a list of children shows them (search, related children, the due list). */
export const ListedInvolvements = z.array(InvolvementOut)
  .describe('Everything the child is involved in now, the furthest along first (the status is the kind of the first)');

/** A duty on the child's record with its status as at a date. */
export const DutyOut = z.object({
  ruleId: z.string(),
  subjectId: z.string(),
  occurrence: z.number(),
  startedOn: z.string(),
  dueOn: z.string(),
  dueAt: z.string().optional(),
  state: z.string(),
  daysLeft: z.number().optional(),
  lateBy: z.number().optional(),
}).catchall(z.unknown());
export type DutyOut = z.infer<typeof DutyOut>;

/** What every child's record has, whatever the modules. */
export const ChildRecordKernel = z.object({
  childId: z.string(),
  laCode: z.string(),
  status: z.string().describe('The kind of the furthest-along involvement; known with none'),
  involvements: z.array(InvolvementOut).describe('Everything the child is involved in now, from every module, the furthest along first'),
  allowedActions: z.array(z.string()),
  duties: z.array(DutyOut),
  asAt: z.string(),
});
type KernelShape = (typeof ChildRecordKernel)['shape'];

/** A module, or a module's web part, as far as the record's read model goes: the schema of its parts. */
interface WithReadModel {
  readModel?: z.ZodObject;
}

type IntersectionOf<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;
/** A module's read model's fields; none for a module without one. */
type ShapeOf<M> = M extends { readModel?: z.ZodObject<infer Shape> } ? (string extends keyof Shape ? object : Shape) : object;

/** The record's schema with the read models of `modules`, in their order after the record's own fields. */
export function childRecordSchemaOf<const Modules extends readonly WithReadModel[]>(modules: Modules) {
  const moduleShapes = modules.map((module) => module.readModel?.shape ?? {});
  return z.object(Object.assign({}, ChildRecordKernel.shape, ...moduleShapes) as KernelShape & IntersectionOf<ShapeOf<Modules[number]>>);
}

/** The record with the read models of `Modules`, as its readers receive it. */
export type ChildRecordOf<Modules extends readonly WithReadModel[]> = z.infer<ReturnType<typeof childRecordSchemaOf<Modules>>>;

/** One child in a list or search result. */
export const ChildListItem = z.object({
  childId: z.string(), forename: z.string(), surname: z.string(), dateOfBirth: z.string().nullable(), expectedDateOfBirth: z.string().nullable(),
  sex: z.string(), ethnicity: z.string(), status: z.string(), involvements: ListedInvolvements, allocatedWorkerId: z.string().nullable(), allocatedTeamId: z.string().nullable(),
});
export type ChildListItem = z.infer<typeof ChildListItem>;

/** A sibling of the child, or another child in their household. */
export const RelatedChild = z.object({
  childId: z.string(), forename: z.string(), surname: z.string(), dateOfBirth: z.string().nullable(), status: z.string(), involvements: ListedInvolvements,
  links: z.array(z.enum(['sibling', 'household'])),
});
export type RelatedChild = z.infer<typeof RelatedChild>;

/** An event as logged; the API names the event types it may be (record/routes.ts). */
export const LoggedEvent = z.object({
  eventId: z.string(),
  sequence: z.number(),
  laCode: z.string(),
  childId: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  recordedBy: z.object({ userId: z.string(), role: z.string(), agency: z.string() }),
  clientId: z.string(),
  supersedes: z.string().optional(),
  correctionReason: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

/** One entry of the chronology: an event, with what became of it. */
export const ChronologyEntry = LoggedEvent.extend({
  occurredOn: z.string(),
  effective: z.boolean(),
  voided: z.object({ byEventId: z.string(), reason: z.string() }).nullable(),
  supersededBy: z.string().nullable(),
});
export type ChronologyEntry = z.infer<typeof ChronologyEntry>;

/** The answer to recording an event: the event, and where the record stands after it. */
export const RecordedAnswer = z.object({ event: LoggedEvent, replayed: z.boolean(), status: z.string(), allowedActions: z.array(z.string()) });
export type RecordedAnswer = z.infer<typeof RecordedAnswer>;
