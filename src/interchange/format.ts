import { z } from 'zod';
import { ChildEvent } from '../record/events.ts';

/**
 * The event interchange format: NDJSON, one child event per line (the `ChildEvent` schema),
 * optionally preceded by a header line naming the format and its version. Import and export use
 * it; so can a council migrating from a legacy case system.
 */
export const interchangeFormatName = 'safeguard-child-events';
export const interchangeFormatVersion = 1;

export const InterchangeHeader = z.object({
  format: z.literal(interchangeFormatName),
  version: z.literal(interchangeFormatVersion, { message: `This file is a version Safeguard cannot read: only version ${interchangeFormatVersion}` }),
  exportedAt: z.string().optional(),
  laCodes: z.array(z.string()).optional(),
});

export const isHeaderLine = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { format?: unknown }).format === interchangeFormatName;

/** JSON Schema of one line, generated from the same zod schema that validates imports. */
export function interchangeJsonSchema() {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://safeguard.example/schemas/child-event.v${interchangeFormatVersion}.json`,
    title: `Safeguard child event, interchange format version ${interchangeFormatVersion}`,
    description: 'One line of a Safeguard NDJSON interchange file: one event on one child\'s record.',
    ...z.toJSONSchema(ChildEvent, { io: 'input', unrepresentable: 'any' }),
  };
}

export function interchangeHeaderJsonSchema() {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://safeguard.example/schemas/interchange-header.v${interchangeFormatVersion}.json`,
    title: 'Optional first line of a Safeguard interchange file',
    ...z.toJSONSchema(InterchangeHeader, { io: 'input' }),
  };
}
