/**
 * The record's Documents view (/children/{id}/documents): the documents on the record, each with
 * what it is, when and by whom it was added, its size, the event it belongs to and a link to
 * download it; and, for those who record, the form to upload one. Partner agencies are given no
 * documents (the server refuses them; the view says so rather than offering what would fail).
 */
import { useEffect, useState } from 'react';
import type { ChronologyEntry } from '../../../record/read-model.ts';
import { api, ApiError } from '../../../web/api.ts';
import { offers } from '../../../web/access.ts';
import { formatDate } from '../../../web/format.ts';
import { Button, ErrorSummary, FileUpload, Input, NotificationBanner, Radios, Select, SummaryList } from '../../../web/govuk/index.ts';
import { roleLabel, useSession } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { RecordKernel, RecordPartProps } from '../../../web/web-module.ts';
import { documentContentTypeNames, fileTooLargeMessage, noFileMessage } from '../content-types.ts';
import { documentKinds } from '../events.ts';
import type { DocumentList, DocumentListItem } from '../read-model.ts';
import { formatFileSize } from './labels.ts';

interface Problem { field?: string; message: string }

/** The fields of the upload form, in the order the page shows them (and the error summary lists them). */
const uploadFields = ['title', 'kind', 'linkedEventId', 'file'] as const;

/** The record's events a document may belong to, newest first, each by the id the record knows it by (its first version's). */
export function linkableEvents(entries: readonly Pick<ChronologyEntry, 'eventId' | 'type' | 'occurredOn' | 'effective' | 'voided' | 'supersedes'>[]) {
  const byId = new Map(entries.map((entry) => [entry.eventId, entry]));
  const firstVersionOf = (entry: (typeof entries)[number]): string => {
    let current = entry;
    while (current.supersedes && byId.has(current.supersedes)) current = byId.get(current.supersedes)!;
    return current.eventId;
  };
  return entries
    .filter((entry) => entry.effective && !entry.voided && entry.type !== 'event.voided' && entry.type !== 'document.added')
    .map((entry) => ({ eventId: firstVersionOf(entry), type: entry.type, occurredOn: entry.occurredOn }))
    .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
}

export function DocumentsView(props: RecordPartProps<RecordKernel>) {
  const { record, eventLabel } = props;
  const { viewer, workerName } = useSession();
  const childId = encodeURIComponent(record.childId);
  const partner = record.view === 'partner';
  const documents = useApi<DocumentList>(partner ? null : `/children/${childId}/documents`);
  const mayUpload = !partner && viewer !== undefined && offers.recordEvents(viewer);
  useEffect(() => { if (documents.data || partner) markReady('documents'); }, [documents.data, partner]);
  if (partner) return <p className="govuk-body" data-testid="documents">Partner agencies are not given the documents on a child&apos;s record. Ask the allocated social worker for what you need.</p>;
  const describeLink = (document: DocumentListItem) => {
    if (document.linkedEvent) return `${eventLabel(document.linkedEvent.type)}, ${formatDate(document.linkedEvent.occurredOn)}`;
    return document.linkedEventId ? 'An event since recorded in error' : 'None';
  };
  return (
    <div data-testid="documents">
      <h2 className="govuk-heading-m">Documents</h2>
      {documents.error ? <p className="govuk-body" role="alert">{documents.error.message}</p> : null}
      {!documents.data && !documents.error ? <p className="govuk-body" role="status">Loading the documents…</p> : null}
      {documents.data?.documents.length === 0 ? <p className="govuk-body">No documents have been added to this record.</p> : null}
      {documents.data?.documents.map((document) => (
        <SummaryList key={document.documentId}
          card={{
            attributes: { 'data-testid': 'document' },
            title: { text: document.title, headingLevel: 3 },
            actions: document.fileHeld ? { items: [{ href: `/api/v1/children/${childId}/documents/${document.documentId}`, text: 'Download', visuallyHiddenText: ` ${document.title} (${document.fileName})` }] } : undefined,
          }}
          rows={[
            { key: { text: 'Kind' }, value: { text: documentKinds[document.kind] } },
            { key: { text: 'Added' }, value: { text: `${formatDate(document.addedOn)} by ${workerName(document.addedBy.userId)} (${roleLabel(document.addedBy.role).toLowerCase()})` } },
            { key: { text: 'File' }, value: { text: document.fileHeld ? `${document.fileName}: ${documentContentTypeNames[document.contentType]}, ${formatFileSize(document.sizeBytes)}` : `${document.fileName}: the file is not held in Safeguard` } },
            { key: { text: 'Belongs to' }, value: { text: describeLink(document) } },
            document.corrected ? { key: { text: 'Corrected' }, value: { text: 'Renamed or relinked since it was added: the chronology shows each version and why' } } : null,
          ]} />
      ))}
      {mayUpload && documents.data ? <UploadForm childId={record.childId} maxMegabytes={documents.data.maxMegabytes} eventLabel={eventLabel} onAdded={documents.reload} /> : null}
    </div>
  );
}

function UploadForm(props: { childId: string; maxMegabytes: number; eventLabel: (type: string) => string; onAdded: () => void }) {
  const childId = encodeURIComponent(props.childId);
  const chronology = useApi<{ entries: ChronologyEntry[] }>(`/children/${childId}/chronology`);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [added, setAdded] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const errorOf = (field: string) => {
    const messages = problems.filter((problem) => problem.field === field).map((problem) => problem.message);
    return messages.length > 0 ? { text: messages.join('. ') } : undefined;
  };
  const show = (found: Problem[]) => {
    setProblems(found);
    window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid=upload-document] .govuk-error-summary')?.focus());
  };

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const file = data.get('file');
    const found: Problem[] = [];
    if (!String(data.get('title') ?? '').trim()) found.push({ field: 'title', message: 'Enter a title for the document' });
    if (!data.get('kind')) found.push({ field: 'kind', message: 'Select what kind of document it is' });
    if (!(file instanceof File) || file.name === '') found.push({ field: 'file', message: noFileMessage });
    else if (file.size > props.maxMegabytes * 1024 * 1024) found.push({ field: 'file', message: fileTooLargeMessage(props.maxMegabytes) });
    if (found.length > 0) { show(found); return; }
    setSubmitting(true);
    setAdded(undefined);
    try {
      data.set('clientId', crypto.randomUUID());
      const document = await api.upload<DocumentListItem>(`/children/${childId}/documents`, data);
      setProblems([]);
      setAdded(document.title);
      setFormKey((key) => key + 1);
      props.onAdded();
    } catch (caught) {
      const onFields = caught instanceof ApiError ? caught.problems.filter((problem) => (uploadFields as readonly string[]).includes(problem.field)) : [];
      show(onFields.length > 0 ? onFields : [{ message: caught instanceof Error ? caught.message : 'The document could not be uploaded: try again' }]);
    } finally {
      setSubmitting(false);
    }
  };

  const ordered = [...problems].sort((a, b) => uploadFields.indexOf(a.field as never) - uploadFields.indexOf(b.field as never));
  const events = linkableEvents(chronology.data?.entries ?? []);
  return (
    <section aria-labelledby="upload-heading" data-testid="upload-document" className="govuk-!-margin-top-8">
      {added ? <NotificationBanner type="success" text={`Document added: ${added}`} /> : null}
      {ordered.length > 0 ? (
        <ErrorSummary titleText="There is a problem" attributes={{ tabindex: '-1' }} errorList={ordered.map((problem) => ({ text: problem.message, href: problem.field ? `#${problem.field}` : undefined }))} />
      ) : null}
      <h2 className="govuk-heading-m" id="upload-heading">Upload a document</h2>
      <form key={formKey} noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }}>
        <Input name="title" id="title" label={{ text: 'Title', classes: 'govuk-label--s' }} hint={{ text: 'For example: Letter to parents after the strategy discussion' }} errorMessage={errorOf('title')} />
        <Radios name="kind" idPrefix="kind" classes="govuk-radios--small" errorMessage={errorOf('kind')}
          fieldset={{ legend: { text: 'What kind of document is it?', classes: 'govuk-fieldset__legend--s' } }}
          items={Object.entries(documentKinds).map(([value, text], index) => ({ value, text, ...(index === 0 ? { id: 'kind' } : {}) }))} />
        <Select name="linkedEventId" id="linkedEventId" label={{ text: 'Which event does it belong to? (optional)', classes: 'govuk-label--s' }}
          hint={{ text: 'For example the visit, conference or case note it records' }} errorMessage={errorOf('linkedEventId')}
          items={[{ value: '', text: 'None' }, ...events.map((event) => ({ value: event.eventId, text: `${props.eventLabel(event.type)}, ${formatDate(event.occurredOn)}` }))]} />
        <FileUpload name="file" id="file" label={{ text: 'Upload a file', classes: 'govuk-label--s' }} errorMessage={errorOf('file')}
          hint={{ text: `A PDF, Word document, OpenDocument text, JPG, PNG, HEIC photo or plain text file, smaller than ${props.maxMegabytes} MB` }} />
        <Button text="Upload the document" disabled={submitting} preventDoubleClick />
      </form>
    </section>
  );
}
