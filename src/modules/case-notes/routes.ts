import { z } from 'zod';
import type { Database } from '../../platform/database/database.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { LaChildId, OccurredAt } from '../../platform/schema-helpers.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import { CaseNoteFields } from './events.ts';
import { CaseNoteSearchResult, ChildCaseNotes } from './read-model.ts';
import { CaseNoteRepository } from './repo.ts';

/** What the case notes' routes need of the application's services. */
export interface CaseNoteRouteServices {
  db: Database;
  repositoryFor(context: RequestContext): Pick<ChildRecordRepository, 'getChildRecord' | 'recordEvent'>;
}

/** A household note's data: a note's, less what the household route fills in. */
const HouseholdNoteData = CaseNoteFields.omit({ householdId: true, householdNoteId: true, linkedEventId: true });

/** The record's notes view, a note about a household, and full-text search over the notes a reader may see. */
export function caseNoteRoutes(services: CaseNoteRouteServices) {
  const notes = (context: RequestContext) => new CaseNoteRepository(services.db, context, services.repositoryFor(context));
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/case-notes',
      summary: 'The child\'s case notes, newest first, each with its corrections and voids, and the events a new note may belong to',
      tags: ['case notes'],
      params: z.object({ childId: LaChildId }),
      response: ChildCaseNotes,
      handler: async ({ params, context }) => notes(context).notesOf(params.childId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/case-notes/search',
      summary: 'Full-text search over the case notes of the children the reader may see (narrative and voice of the child), best match first',
      tags: ['case notes'],
      query: z.object({
        q: z.string({ message: 'Enter words to search for' }).trim().min(2, 'Enter at least 2 characters to search for').max(200, 'Search for 200 characters or fewer'),
        limit: z.coerce.number().int().min(1).max(100).default(25),
      }),
      response: z.object({ q: z.string(), results: z.array(CaseNoteSearchResult) }),
      handler: async ({ query, context }) => ({ q: query.q, results: await notes(context).search(query) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/households/{householdId}/case-notes',
      summary: 'Record one case note about a household: written to the record of each child who was a member on the day, under one household note id',
      tags: ['case notes'],
      params: z.object({ householdId: z.string().trim().min(1).max(40) }),
      body: z.object({ clientId: z.string().min(8).max(60), occurredAt: OccurredAt, data: HouseholdNoteData }),
      status: 201,
      response: z.object({ householdNoteId: z.string(), notes: z.array(z.object({ childId: z.string(), noteId: z.string(), replayed: z.boolean() })) }),
      handler: async ({ params, body, context }) => notes(context).recordForHousehold(params.householdId, body),
    }),
  ];
}
