/** Children in need's parts of the child's record summary, as the API answers them and the web app reads them. */
import { z } from 'zod';
import { EpisodeState } from './state.ts';

export const ChildrenInNeedReadModel = z.object({
  openEpisode: EpisodeState.nullable().describe('The episode open now'),
  episodes: z.array(EpisodeState).describe('Every episode, the first first'),
});
export type ChildrenInNeedReadModel = z.infer<typeof ChildrenInNeedReadModel>;
