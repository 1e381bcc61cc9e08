/** The front door's part of the child's record summary, as the API answers it and the web app reads it. */
import { z } from 'zod';
import { ContactState } from './state.ts';

export const FrontDoorReadModel = z.object({
  contacts: z.array(ContactState).describe('Every contact received about the child, with its MASH checks and decision'),
});
export type FrontDoorReadModel = z.infer<typeof FrontDoorReadModel>;
