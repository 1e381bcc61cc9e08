import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interchangeHeaderJsonSchema, interchangeJsonSchema } from './format.ts';

const committed = (name: string) => JSON.parse(readFileSync(new URL(`../../docs/interchange/${name}`, import.meta.url), 'utf8'));

describe('the documented interchange schemas', () => {
  it('match the schemas the importer validates with (regenerate with `npx safeguard schema`)', () => {
    expect(committed('child-event.v1.schema.json')).toEqual(JSON.parse(JSON.stringify(interchangeJsonSchema())));
    expect(committed('interchange-header.v1.schema.json')).toEqual(JSON.parse(JSON.stringify(interchangeHeaderJsonSchema())));
  });
});
