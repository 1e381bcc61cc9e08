/**
 * What a module's web part is: its event forms, its words, and its parts of the child's record page,
 * handed to the web app through `module-registry.ts`. The pages read the registry (module-parts.tsx)
 * and name no module, so a new domain's web part is its `web/` folder and a line in the registry.
 *
 * This file is the contract between the two sides. It imports nothing that reads the registry, so a
 * module's web part may import it, and it runs in the browser: Zod read models, never the server.
 */
import type { ReactNode } from 'react';
import type { Capability } from '../platform/request-context.ts';
import type { z } from 'zod';
import type { ChildRecordKernel, InvolvementOut } from '../record/read-model.ts';
import type { DashboardGroup } from './dashboards/dashboard-group.ts';
import type { EventForm } from './recording/event-forms.ts';

/**
 * What every record the web app is given has: the record's own fields. A partner agency is given a
 * view of the record (`view: 'partner'`, src/record/partner-view.ts) that leaves some parts out
 * (the involvements, what may be recorded, visits, the history of allocation): the parts shown
 * check for those. A module's own read model is left out of it too, unless the partner view names
 * it: a part reading it takes it as optional (`Partial<…ReadModel>`) and says it is not shared, since
 * a part that throws takes the whole web app off the screen (src/web/partner-view-parts.test.ts).
 */
export type RecordKernel = z.output<typeof ChildRecordKernel> & { view?: 'partner' };

/** A GOV.UK tag's words and colour (`govuk-tag--{colour}`). */
export interface TagStyle {
  text: string;
  colour: string;
}

/** How a module's events' data reads in the chronology, field by field. */
export interface ChronologyWords {
  /** A field's name in words, where the name itself does not read well: localSource → Contact from. */
  fieldNames?: Record<string, string>;
  /** Code lists that turn a field's code into words; in a list of codes, each code is shown before its words. */
  codeWords?: Record<string, Record<string, string>>;
  /** Values not worth saying: the field is left out when it has this value. */
  unremarkable?: Record<string, unknown>;
}

/** A link a module offers on a chronology entry ("Add a note to this visit"), for those who record. */
export interface ChronologyEntryLink {
  href: string;
  text: string;
  /** Said to screen readers after the text, so that each entry's link is told apart: "of 5 March 2024". */
  hiddenText?: string;
}

/** Tags the record shows above its summary: a repeat plan, several episodes, a disability. */
export type RecordFlag = TagStyle;

/** What the page hands a part of the record it shows. */
export interface RecordPartProps<Shown> {
  record: Shown;
  /** The tags of another child's involvements (or, without them, their status), in every module's words. */
  tagsFor: (child: { status: string; involvements?: readonly InvolvementOut[] }) => ReactNode;
  /** An event type in words, in every module's words: "Home visit" for visit.made. */
  eventLabel: (type: string) => string;
}

/** One of the record's views beyond its summary and chronology, with its own link: Episodes and plans, Household… */
export interface RecordView<Shown> {
  /** After the record's address: 'episodes' is /children/{id}/episodes. Modules naming the same path share the view. */
  path: string;
  /** Its link and its page's title; given by the module that leads the view. */
  title?: string;
  /** The module's part of the view. */
  Part: (props: RecordPartProps<Shown>) => ReactNode;
}

/** A module's parts of the child's record page. */
export interface RecordPanel<Shown> {
  flags?: (record: Shown) => RecordFlag[];
  /** Its summary cards, beside what is due. */
  SummaryCards?: (props: RecordPartProps<Shown>) => ReactNode;
  views?: readonly RecordView<Shown>[];
}

/**
 * A page of a module's own work, linked from the service navigation for everyone who sees children:
 * a register of the children in its care with what is due for them, read from the API as any page.
 */
export interface WorklistPage {
  /** Its address, a single segment: 'private-fostering' is /private-fostering. */
  path: string;
  /** Its link in the service navigation and its page's title. */
  title: string;
  /** Offered only to those whose role has this capability (a manager's worktray); without it, to everyone who sees children. */
  capability?: Capability;
  /** The council's own work, never offered to a partner agency (whose view of a record leaves it out). */
  councilOnly?: boolean;
  Page: (props: Pick<RecordPartProps<unknown>, 'tagsFor'>) => ReactNode;
}

/** Whose work My work is showing: the signed-in worker's own, or their team's. */
export interface MyWorkScope {
  scope: 'mine' | 'team';
  workerId: string | null;
  teamId: string | null;
}

/**
 * A module's part of My work, shown beside the statutory duties (its own heading and table): work
 * that is not a timescale, such as tasks agreed at a meeting.
 */
export interface MyWorkPart {
  /** Plain English, for tests and the page's order: 'Tasks'. */
  title: string;
  Part: (props: MyWorkScope) => ReactNode;
}

/**
 * A page of a module's own at an address of its own, reached from its parts of the record (a
 * household's page, a form that records more than one event): not linked from the navigation.
 */
export interface ModulePage {
  /** Its address pattern, as the router matches it: '/households/:householdId'. */
  pattern: string;
  title: string;
  Page: (props: Pick<RecordPartProps<unknown>, 'tagsFor'> & { params: Record<string, string> }) => ReactNode;
}

/**
 * A module's web part. `Shown` is the record as far as its parts read it: the record's own fields,
 * its read model, and any other module's parts it reads (a visit's kind follows from the child
 * protection plan).
 */
export interface WebModule<Shown extends object = RecordKernel> {
  /** The module's id, as on the server (src/modules/<id>/). */
  id: string;
  /** The Zod schema of its parts of the record (its read-model.ts): the web app's record type is inferred from it. */
  readModel?: z.ZodObject;
  /** A form for each event it records from the web app. */
  forms?: readonly EventForm<Shown>[];
  /** The form that registers a new child, for the module that registers children (it reads no record: there is none yet). */
  registrationForm?: EventForm<unknown>;
  /** Each of its event types in words, for the chronology and messages. */
  eventLabels?: Record<string, string>;
  /** The tag of each kind of involvement it has (a record's status is one of these kinds). */
  involvementTags?: Record<string, TagStyle>;
  /** For a child whose status is one of its kinds (or 'known' for the people module), the usual next steps, most likely first. */
  nextSteps?: Record<string, readonly string[]>;
  chronology?: ChronologyWords;
  record?: RecordPanel<Shown>;
  /** Its tables of figures on the dashboard. */
  dashboardGroups?: readonly DashboardGroup[];
  /** Its worklist pages, each with its own link in the service navigation. */
  worklists?: readonly WorklistPage[];
  /** Links it offers on chronology entries, any module's (a note for a visit), to those who record. */
  chronologyEntryLinks?: (entry: { childId: string; eventId: string; type: string; occurredOn: string; effective: boolean }) => ChronologyEntryLink[];
  /** Its own pages, each at its own address. */
  pages?: readonly ModulePage[];
  /** Its parts of My work, beside the duties. */
  myWork?: readonly MyWorkPart[];
}

/** The parts of the record a read model describes; none for a module with no parts in the summary (an empty object reads as a record of nothing). */
type PartsOf<ReadModel extends z.ZodObject> = string extends keyof z.output<ReadModel> ? object : z.output<ReadModel>;

/**
 * Gives a module's web part its types without writing them out: `Reads` is what it reads of other
 * modules' parts of the record, beside its own read model.
 */
export function defineWebModule<Reads extends object = object>() {
  return <const ReadModel extends z.ZodObject>(module: WebModule<RecordKernel & PartsOf<ReadModel> & Reads> & { readModel: ReadModel }) => module;
}
