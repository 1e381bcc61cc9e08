import { z } from 'zod';
import type { EventSchema } from '../modules/domain-module.ts';
import { domainModules } from '../modules/registry.ts';
import { Actor } from '../platform/request-context.ts';
import { EventId, FreeText, IsoDateTime, LaChildId, LaCode, OccurredAt } from '../platform/schema-helpers.ts';

/** Voids an earlier event: it stays in the log, shown as voided, and no longer counts. */
export const EventVoided = z.object({
  type: z.literal('event.voided'),
  data: z.object({ voidedEventId: EventId, reason: FreeText(1000) }),
});

/** Every module's event schemas, in registry order. */
type ModuleEventSchema = (typeof domainModules)[number]['events'][number];
type AnyEventSchema = ModuleEventSchema | typeof EventVoided;
const eventSchemas = [...domainModules.flatMap((module): readonly EventSchema[] => module.events), EventVoided] as unknown as [AnyEventSchema, ...AnyEventSchema[]];

/** Any event of the child's record: one of a module's, or a void. */
export const EventBody = z.discriminatedUnion('type', eventSchemas);
export type EventBody = z.infer<typeof EventBody>;
export type EventType = EventBody['type'];
export type EventOfType<T extends EventType> = Extract<EventBody, { type: T }>;
export const eventTypes = EventBody.options.map((option) => option.shape.type.value) as EventType[];


/**
 * What a caller sends to record an event. `clientId` makes the command idempotent; `supersedes`
 * names an earlier event of the same type that this one corrects.
 */
export const correctionFields = {
  supersedes: EventId.optional(),
  correctionReason: FreeText(1000).optional(),
};

const withCorrection = <T extends z.ZodType<{ supersedes?: string; correctionReason?: string }>>(schema: T) =>
  schema.refine((e) => (e.supersedes === undefined) === (e.correctionReason === undefined), {
    message: 'Enter the reason for the correction, and which entry it corrects',
    path: ['correctionReason'],
  });

export const RecordEventCommand = withCorrection(
  z.intersection(
    EventBody,
    z.object({
      clientId: z.string().min(8).max(100),
      occurredAt: OccurredAt,
      ...correctionFields,
    }),
  ),
);
export type RecordEventCommand = z.infer<typeof RecordEventCommand>;

/** One event as stored and exchanged (the interchange format's line, version 1). */
export const ChildEvent = withCorrection(
  z.intersection(
    EventBody,
    z.object({
      eventId: EventId,
      laCode: LaCode,
      childId: LaChildId,
      occurredAt: OccurredAt,
      recordedAt: IsoDateTime,
      recordedBy: Actor,
      clientId: z.string().min(1).max(100),
      ...correctionFields,
    }),
  ),
);
export type ChildEvent = z.infer<typeof ChildEvent>;
