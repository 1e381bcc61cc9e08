import { z } from 'zod';
import type { Database } from '../../platform/database/database.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { FreeText, IsoDate, LaChildId } from '../../platform/schema-helpers.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { ChildRecordRepository } from '../../record/repo.ts';
import { AccessRequestRepository } from './access-requests.ts';
import { MergeService } from './merges.ts';
import { AccessRequestDecisionIn, AccessRequestLists, AccessRequestOut, ChildMerges, IdentityMatch, MergeOut } from './read-model.ts';
import { IdentitySearchRepository } from './search.ts';

/** What the identity module's routes need of the application's services. */
export interface IdentityRouteServices {
  db: Database;
  repositoryFor(context: RequestContext): Pick<ChildRecordRepository, 'getChildRecord' | 'recordEvent'>;
}

const Reason = (missing: string) => z.string({ message: missing }).trim().min(1, missing).max(1000, 'The reason must be 1,000 characters or fewer');

/** Identity search across the council, duplicate checks, access requests and merges of duplicate records. */
export function identityRoutes(services: IdentityRouteServices) {
  const search = (context: RequestContext) => new IdentitySearchRepository(services.db, context);
  const requests = (context: RequestContext) => new AccessRequestRepository(services.db, context);
  const merges = (context: RequestContext) => new MergeService(services.db, context, services.repositoryFor);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/identity/children',
      summary: 'Find a child across the whole council by identity only (name, date of birth, LA child id): whether known, to which service, and whether you may open the record',
      tags: ['identity'],
      query: z.object({
        name: z.string().trim().min(1).max(200).optional().describe('Any of the child\'s names, in any order; accents and spellings from other scripts are matched'),
        dateOfBirth: IsoDate.optional(),
        childId: LaChildId.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(25),
      }),
      response: z.object({ children: z.array(IdentityMatch) }),
      handler: async ({ query, context }) => ({ children: await search(context).search(query) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/identity/duplicate-check',
      summary: 'Children already known who may be the child about to be registered (identity only)',
      tags: ['identity'],
      body: z.object({ forename: FreeText(100), surname: FreeText(100), dateOfBirth: IsoDate.optional() }),
      response: z.object({ candidates: z.array(IdentityMatch) }),
      handler: async ({ body, context }) => ({ candidates: await search(context).likelyDuplicates(body) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/{childId}/access-requests',
      summary: 'Ask to see a child\'s record outside your scope, giving your reason: the record\'s team manager decides',
      tags: ['identity'],
      params: z.object({ childId: LaChildId }),
      body: z.object({ reason: Reason('Enter why you need to see the record') }),
      status: 201,
      response: AccessRequestOut,
      handler: async ({ params, body, context }) => requests(context).ask(params.childId, body.reason),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/access-requests',
      summary: 'Your requests to see records, with their outcomes, and the requests awaiting your decision',
      tags: ['identity'],
      response: AccessRequestLists,
      handler: async ({ context }) => requests(context).lists(),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/access-requests/{requestId}/decision',
      summary: 'Grant a request to see a record (for a number of days, 30 unless given) or refuse it with a reason',
      tags: ['identity'],
      params: z.object({ requestId: z.uuid({ message: 'No such request' }) }),
      body: AccessRequestDecisionIn,
      response: AccessRequestOut,
      handler: async ({ params, body, context }) => requests(context).decide(params.requestId, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/merges',
      summary: 'Merge a duplicate child\'s record into the surviving record: its events are copied there, and it becomes a pointer to it',
      tags: ['identity'],
      body: z.object({
        mergedChildId: LaChildId.describe('The duplicate: its events are copied, and it then says where it went'),
        survivingChildId: LaChildId.describe('The record that is kept'),
        reason: Reason('Enter why these records are the same child'),
      }),
      status: 201,
      response: MergeOut,
      handler: async ({ body, context }) => merges(context).merge(body),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/merges/{mergeId}/reversal',
      summary: 'Undo a merge: the copied events are voided and the duplicate\'s record is open again',
      tags: ['identity'],
      params: z.object({ mergeId: z.uuid({ message: 'No such merge' }) }),
      body: z.object({ reason: Reason('Enter why the merge is being undone') }),
      response: MergeOut,
      handler: async ({ params, body, context }) => merges(context).reverse(params.mergeId, body.reason),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/{childId}/merges',
      summary: 'Where a merged record went, and the duplicates merged into this one',
      tags: ['identity'],
      params: z.object({ childId: LaChildId }),
      response: ChildMerges,
      handler: async ({ params, context }) => merges(context).mergesOf(params.childId),
    }),
  ];
}
