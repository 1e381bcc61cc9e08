/**
 * The adults' versions as reference lines of an interchange file ('family-adult'): a council
 * migrating its records brings the adults of its children's networks with them, and a backup
 * carries them. A line is one version; a version already held is kept as it is (versions are
 * never changed).
 */
import { z } from 'zod';
import { referenceRecord, type ReferenceLine } from '../../interchange/reference-record.ts';
import { FreeText } from '../../platform/schema-helpers.ts';
import { AdultDetails } from './adults.ts';

export const FamilyAdultLine = z.object({
  personId: z.uuid(),
  version: z.number().int().min(1),
  details: AdultDetails,
  changeReason: FreeText(500).optional(),
  recordedBy: FreeText(60),
  recordedRole: FreeText(60),
  recordedAt: z.iso.datetime({ offset: true }),
});
export type FamilyAdultLine = z.infer<typeof FamilyAdultLine>;

export const familyAdultReferenceRecords = [
  referenceRecord({
    record: 'family-adult',
    schema: FamilyAdultLine,
    write: async (client, lines) => {
      await client.query(
        `INSERT INTO family_adult_version (la_code, person_id, version, data, household_id, change_reason, recorded_by_user, recorded_by_role, recorded_at)
         SELECT la_code, person_id, version, data, data->>'householdId', change_reason, recorded_by_user, recorded_by_role, recorded_at
           FROM jsonb_to_recordset($1::jsonb) AS a(la_code text, person_id uuid, version integer, data jsonb, change_reason text, recorded_by_user text, recorded_by_role text, recorded_at timestamptz)
         ON CONFLICT (la_code, person_id, version) DO NOTHING`,
        [JSON.stringify(lines.map((l) => ({
          la_code: l.laCode, person_id: l.personId, version: l.version, data: l.details, change_reason: l.changeReason ?? null,
          recorded_by_user: l.recordedBy, recorded_by_role: l.recordedRole, recorded_at: l.recordedAt,
        })))],
      );
    },
    exported: async (client, laCodes) => {
      const rows = await client.query(
        `SELECT * FROM family_adult_version WHERE la_code = ANY($1::text[]) ORDER BY la_code, person_id::text, version`, [laCodes]);
      return rows.rows.map((r): ReferenceLine<FamilyAdultLine> => ({
        laCode: r.la_code, personId: r.person_id, version: r.version, details: r.data, ...(r.change_reason ? { changeReason: r.change_reason } : {}),
        recordedBy: r.recorded_by_user, recordedRole: r.recorded_by_role, recordedAt: new Date(r.recorded_at).toISOString(),
      }));
    },
  }),
];
