/** Child protection's part of the child's record summary, as the API answers it and the web app reads it. */
import { z } from 'zod';
import { ChildProtectionPlanState } from './state.ts';

export const ChildProtectionReadModel = z.object({
  activeChildProtectionPlan: ChildProtectionPlanState.extend({ latestCategoryLabel: z.string().describe('The latest category of abuse in words') })
    .nullable().describe('The child protection plan open now, in the open episode'),
});
export type ChildProtectionReadModel = z.infer<typeof ChildProtectionReadModel>;
