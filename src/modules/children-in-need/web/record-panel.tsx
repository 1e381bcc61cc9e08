/**
 * Children in need's parts of the child's record page: the episode's key dates and every episode as
 * a card, with the child protection work done within each in its place.
 */
import { reasonForClosureCodes, referralSourceCodes } from '../../../codes/statutory-codes.ts';
import { formatDate, humanise } from '../../../web/format.ts';
import { SummaryList, type SummaryListRow } from '../../../web/govuk/index.ts';
import type { RecordFlag, RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import { childProtectionEpisodeRows, childProtectionKeyDates } from '../../child-protection/web/index.ts';
import type { ChildrenInNeedReadModel } from '../read-model.ts';
import type { EpisodeState } from '../state.ts';
import type { ChildrenInNeedReads } from './forms.ts';

type ChildrenInNeedShown = RecordKernel & ChildrenInNeedReadModel & ChildrenInNeedReads;

export const childrenInNeedFlags = (record: ChildrenInNeedShown): RecordFlag[] =>
  record.episodes.length > 1 ? [{ text: `${record.episodes.length} episodes`, colour: 'grey' }] : [];

/** The open episode's referral, assessment and last visit, and the child protection work in it. */
export function KeyDates(props: RecordPartProps<ChildrenInNeedShown>) {
  const episode = props.record.openEpisode;
  const assessment = episode?.assessments.at(-1);
  // A partner agency's view of the record leaves visits out.
  const lastVisit = episode?.visits?.at(-1);
  const keyDates = ([
    episode ? { key: { text: 'Referral' }, value: { text: formatDate(episode.referralOn) } } : null,
    assessment ? { key: { text: 'Assessment' }, value: { text: `Started ${formatDate(assessment.startedOn)}${assessment.completedOn ? `, completed ${formatDate(assessment.completedOn)}` : ', in progress'}` } } : null,
    ...childProtectionKeyDates(props.record),
    lastVisit ? { key: { text: 'Last visit' }, value: { text: `${formatDate(lastVisit.visitedOn)}: child ${lastVisit.childSeen ? (lastVisit.seenAlone ? 'seen alone' : 'seen') : 'not seen'}` } } : null,
  ] as (SummaryListRow | null)[]).filter((row): row is SummaryListRow => Boolean(row));
  return keyDates.length > 0 ? <SummaryList card={{ title: { text: 'Key dates' } }} rows={keyDates} /> : null;
}

function EpisodeCard(props: { episode: EpisodeState; index: number }) {
  const { episode } = props;
  const rows: SummaryListRow[] = ([
    { key: { text: 'Referral' }, value: { text: `${formatDate(episode.referralOn)} from ${referralSourceCodes[episode.source as keyof typeof referralSourceCodes] ?? episode.source}` } },
    ...episode.assessments.map((a) => ({ key: { text: 'Assessment' }, value: { text: `${formatDate(a.startedOn)} to ${a.completedOn ? formatDate(a.completedOn) : 'in progress'}${a.factors ? `; factors ${a.factors.join(', ')}` : ''}${a.outcome ? `; ${humanise(a.outcome).toLowerCase()}` : ''}` } })),
    ...childProtectionEpisodeRows(episode),
    ...episode.cinPlans.map((p) => ({ key: { text: 'Child in need plan' }, value: { text: `${formatDate(p.startedOn)} to ${p.endedOn ? formatDate(p.endedOn) : 'now'}` } })),
    // A partner agency's view of the record leaves visits out.
    episode.visits ? { key: { text: 'Visits' }, value: { text: `${episode.visits.length} (${episode.visits.filter((v) => v.childSeen).length} with the child seen)` } } : null,
    { key: { text: 'Closed' }, value: { text: episode.closedOn ? `${formatDate(episode.closedOn)}${episode.reasonForClosure ? `: ${reasonForClosureCodes[episode.reasonForClosure as keyof typeof reasonForClosureCodes] ?? episode.reasonForClosure}` : ''}` : 'Open' } },
  ] as (SummaryListRow | null)[]).filter((row): row is SummaryListRow => row !== null);
  return <SummaryList card={{ title: { text: `Episode ${props.index}: ${formatDate(episode.referralOn)}${episode.closedOn ? ` to ${formatDate(episode.closedOn)}` : ' (open)'}` } }} rows={rows} />;
}

/** Every episode, the latest first. */
export function Episodes(props: RecordPartProps<ChildrenInNeedShown>) {
  const episodes = props.record.episodes.map((episode, index) => ({ episode, index: index + 1 })).reverse();
  return (
    <>
      <h2 className="govuk-heading-m">Episodes and plans</h2>
      {episodes.length === 0 ? <p className="govuk-body">No children-in-need episodes.</p> : episodes.map(({ episode, index }) => <EpisodeCard key={episode.episodeId} episode={episode} index={index} />)}
    </>
  );
}
