/**
 * A child found by identity search across the council (GET /api/v1/identity/children, and the
 * duplicate check before registering), as Find a child and Register a child read it: identity only,
 * and whether the reader may open the record. The API's schema is the identity module's read model;
 * the pages name no module, so they read the answer by its shape.
 */
export interface IdentityMatch {
  childId: string;
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  expectedDateOfBirth: string | null;
  /** What the council is doing with the child now, in words; empty: known, with no open work. */
  known: string[];
  service: string | null;
  inScope: boolean;
  accessRequest: { requestId: string; status: string; accessEndsAt: string | null } | null;
}
