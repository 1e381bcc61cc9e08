/**
 * What the registered modules' web parts add up to: the forms, words, tags and parts of the child's
 * record the pages read. The pages read these and name no module.
 */
import type { ReactNode } from 'react';
import type { ChildRecordOf, InvolvementOut } from '../record/read-model.ts';
import { humanise } from './format.ts';
import { Tag } from './govuk/index.ts';
import { webModules } from './module-registry.ts';
import { PartBoundary } from './part-boundary.tsx';
import type { EventForm } from './recording/event-forms.ts';
import type { ChronologyEntryLink, ChronologyWords, ModulePage, MyWorkPart, RecordFlag, RecordKernel, RecordPartProps, TagStyle, WebModule, WorklistPage } from './web-module.ts';

/**
 * The child's record as the web app reads it: the record's own fields and every registered module's
 * read model, or a partner agency's view of it (see RecordKernel in web-module.ts).
 */
export type ChildRecord = ChildRecordOf<typeof webModules> & Pick<RecordKernel, 'view'>;

/** The registered web parts, each checked to read nothing the record does not have. */
const modules: readonly WebModule<ChildRecord>[] = webModules;
/**
 * Furthest along a child's journey first, as the involvements are listed: the order of the
 * record's flags and of its views' links.
 */
const furthestAlongFirst = [...modules].reverse();

const merged = <T,>(parts: (Record<string, T> | undefined)[]): Record<string, T> => Object.assign({}, ...parts);

/** The form that registers a new child: the people module's, which every other module's work starts from. */
export const registrationForm: EventForm<unknown> = modules.find((module) => module.registrationForm)!.registrationForm!;

/** Every event's form, by type. */
export const eventForms: Record<string, EventForm<ChildRecord>> = Object.fromEntries(
  [registrationForm, ...modules.flatMap((module) => module.forms ?? [])].map((form) => [form.type, form]),
);

/** Every form the record offers, in the order of a child's usual journey. */
export const journeyOrder = Object.values(eventForms)
  .filter((form) => form.journeyStep !== undefined)
  .sort((a, b) => a.journeyStep! - b.journeyStep!)
  .map((form) => form.type);

const nextSteps = merged(modules.map((module) => module.nextSteps));
/** The usual next steps for a child with this status, most likely first: offered as buttons. */
export const nextStepsFor = (status: string): readonly string[] => nextSteps[status] ?? [];

/** Every event type in words; a void is the record's own. */
export const eventTypeLabels: Record<string, string> = merged([...modules.map((module) => module.eventLabels), { 'event.voided': 'Entry marked as recorded in error' }]);
export const eventLabel = (type: string) => eventTypeLabels[type] ?? type;

/** How every module's events' data reads in the chronology. */
export const chronologyWords: Required<ChronologyWords> = {
  fieldNames: merged(modules.map((module) => module.chronology?.fieldNames)),
  codeWords: merged(modules.map((module) => module.chronology?.codeWords)),
  unremarkable: merged(modules.map((module) => module.chronology?.unremarkable)),
};

/** The links every module offers on a chronology entry, in registry order. */
export const chronologyEntryLinks = (entry: Parameters<NonNullable<WebModule['chronologyEntryLinks']>>[0]): ChronologyEntryLink[] =>
  modules.flatMap((module) => module.chronologyEntryLinks?.(entry) ?? []);

/** The record's own statuses, for a child involved in nothing: known, or not yet registered. */
const recordStatusTags: Record<string, TagStyle> = {
  'not-registered': { text: 'Not registered', colour: 'grey' },
  known: { text: 'Known', colour: 'grey' },
};
const tagStyles = merged([recordStatusTags, ...modules.map((module) => module.involvementTags)]);
export const tagStyleOf = (kind: string): TagStyle => tagStyles[kind] ?? { text: kind, colour: 'grey' };

/** A child's status, as its tag. */
export function StatusTag(props: { status: string }) {
  const style = tagStyleOf(props.status);
  return <Tag text={style.text} classes={`govuk-tag--${style.colour}`} />;
}

/** One of a child's involvements, in its own words and its kind's colour. */
export function InvolvementTag(props: { involvement: InvolvementOut }) {
  return <Tag text={props.involvement.label} classes={`govuk-tag--${tagStyleOf(props.involvement.kind).colour}`} />;
}

/**
 * A child in a list: every involvement as a tag when the list gives them, otherwise their status.
 * `tagsFor` hands the same to the modules' parts of the record.
 */
export function InvolvementTags(props: { child: { status: string; involvements?: readonly InvolvementOut[] } }) {
  const involvements = props.child.involvements ?? [];
  if (involvements.length === 0) return <StatusTag status={props.child.status} />;
  return <>{involvements.map((involvement, index) => <span key={involvement.kind}>{index > 0 ? ' ' : null}<InvolvementTag involvement={involvement} /></span>)}</>;
}
const tagsFor = (child: { status: string; involvements?: readonly InvolvementOut[] }): ReactNode => <InvolvementTags child={child} />;

/** The record's flags: a repeat plan, several episodes, a disability. */
export const recordFlags = (record: ChildRecord): RecordFlag[] => furthestAlongFirst.flatMap((module) => module.record?.flags?.(record) ?? []);

/** The modules' summary cards, in registry order: who the child is, then where they are. */
export function SummaryCards(props: { record: ChildRecord }) {
  return <>{modules.map((module) => {
    const Cards = module.record?.SummaryCards;
    return Cards ? (
      <PartBoundary key={module.id} what={`the ${humanise(module.id).toLowerCase()} part of this record`}>
        <Cards record={props.record} tagsFor={tagsFor} eventLabel={eventLabel} />
      </PartBoundary>
    ) : null;
  })}</>;
}

/** One of the record's views beyond its summary and chronology, with each module's part of it. */
export interface RecordViewParts {
  path: string;
  title: string;
  parts: { moduleId: string; Part: (props: RecordPartProps<ChildRecord>) => ReactNode }[];
}

export const recordViews: RecordViewParts[] = furthestAlongFirst.reduce<(Omit<RecordViewParts, 'title'> & { title?: string })[]>((views, module) => {
  for (const view of module.record?.views ?? []) {
    let shared = views.find((existing) => existing.path === view.path);
    if (!shared) views.push(shared = { path: view.path, parts: [] });
    // The first module to name the view leads it: its title is the view's.
    shared.title ??= view.title;
    shared.parts.push({ moduleId: module.id, Part: view.Part });
  }
  return views;
}, []).map((view) => ({ ...view, title: view.title ?? humanise(view.path) }));

/** A module view of the record, each module's part in turn. */
export function RecordViewContent(props: { view: RecordViewParts; record: ChildRecord }) {
  return <>{props.view.parts.map(({ moduleId, Part }) => (
    <PartBoundary key={moduleId} what={`the ${humanise(moduleId).toLowerCase()} part of this view`}>
      <Part record={props.record} tagsFor={tagsFor} eventLabel={eventLabel} />
    </PartBoundary>
  ))}</>;
}

/** The modules' worklist pages, in registry order: each is a page of its own and a link in the service navigation. */
export const worklists: readonly WorklistPage[] = modules.flatMap((module) => module.worklists ?? []);

/** The modules' parts of My work, in registry order: shown beside the statutory duties. */
export const myWorkParts: readonly MyWorkPart[] = modules.flatMap((module) => module.myWork ?? []);

/** A module's worklist page, handed the tags every module's involvements read in. */
export function WorklistContent(props: { worklist: WorklistPage }) {
  const { Page } = props.worklist;
  return <Page tagsFor={tagsFor} />;
}

/** The modules' own pages (a household's page, forms that record more than one event), in registry order. */
export const modulePages: readonly ModulePage[] = modules.flatMap((module) => module.pages ?? []);

/** A module's own page, handed the words for children's involvements as the record's parts are. */
export function ModulePageContent(props: { page: ModulePage; params: Record<string, string> }) {
  const { Page } = props.page;
  return <Page params={props.params} tagsFor={tagsFor} />;
}
