/**
 * Identity: finding a child across the whole council without seeing what one may not, asking for
 * access to a record outside one's scope, warning of duplicates before registering, and merging
 * duplicate records (reversibly). Not a domain of work with events of its own: the merge events
 * belong to the child's record and are the people module's (`child.merged-into`,
 * `child.merge-reversed`); the rest is kept in its own tables (migration 0031), through the
 * repositories here, each of which audits what it shows and writes.
 *
 * - search.ts: identity search and the duplicate check (names matched by people/name-matching.ts).
 * - access-requests.ts: requests, their routing to the record's team manager, decisions; a
 *   granted request is part of the access condition every read uses (access/policy.ts).
 * - merges.ts: merging and unmerging, and why it is done by copying events.
 * - routes.ts: the API; web/: the pages.
 */
export { identityRoutes, type IdentityRouteServices } from './routes.ts';
export * from './read-model.ts';
