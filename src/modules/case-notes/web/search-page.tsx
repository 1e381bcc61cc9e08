/**
 * "Search case notes": full-text search over the notes of the children the reader may see, each
 * result naming the child, the kind of note and its date, with the words that matched highlighted,
 * and opening the note in its record.
 */
import { useEffect, useState } from 'react';
import { ApiError, query as apiQuery } from '../../../web/api.ts';
import { formatDate } from '../../../web/format.ts';
import { Button, ErrorSummary, Input } from '../../../web/govuk/index.ts';
import { Link, navigate, useLocation } from '../../../web/router.tsx';
import { useSession } from '../../../web/session.tsx';
import { markReady } from '../../../web/timing.ts';
import { useApi } from '../../../web/use-api.ts';
import type { WorklistPage } from '../../../web/web-module.ts';
import { noteTypeCodes } from '../codes.ts';
import type { CaseNoteSearchResult } from '../read-model.ts';

function SearchCaseNotesPage() {
  const { query } = useLocation();
  const { viewer } = useSession();
  const q = (query.get('q') ?? '').trim();
  const partner = viewer?.permissions.scope === 'shared-with-agency';
  const [problem, setProblem] = useState<string>();
  const results = useApi<{ results: CaseNoteSearchResult[] }>(!partner && q.length >= 2 ? `/case-notes/search${apiQuery({ q })}` : null);
  useEffect(() => { if (results.data || (!q && !results.loading)) markReady('case-note-search'); }, [results.data, results.loading, q]);
  const error = problem ?? (results.error instanceof ApiError ? results.error.problems[0]?.message ?? results.error.message : results.error?.message);
  return (
    <>
      <h1 className="govuk-heading-l">Search case notes</h1>
      {partner ? <p className="govuk-body">Case notes are not shared with partner agencies.</p> : (
        <>
          {error ? <ErrorSummary titleText="There is a problem" errorList={[{ text: error, href: '#q' }]} /> : null}
          <form role="search" noValidate className="govuk-!-margin-bottom-6" onSubmit={(event) => {
            event.preventDefault();
            const text = String(new FormData(event.currentTarget).get('q') ?? '').trim();
            if (text.length < 2) { setProblem('Enter at least 2 characters to search for'); return; }
            setProblem(undefined);
            navigate(`/case-notes${apiQuery({ q: text })}`);
          }}>
            <Input name="q" id="q" type="search" value={q} errorMessage={problem ? { text: problem } : undefined}
              label={{ text: 'Words to search for', classes: 'govuk-label--s' }}
              hint={{ text: 'Searches the notes and the children\'s wishes and feelings on the records you can see. Use "quotes" for a phrase and a minus sign to leave a word out' }} />
            <Button text="Search" />
          </form>
          {results.loading ? <p className="govuk-body">Searching…</p> : null}
          {results.data ? <Results q={q} results={results.data.results} /> : null}
        </>
      )}
    </>
  );
}

function Results(props: { q: string; results: readonly CaseNoteSearchResult[] }) {
  if (props.results.length === 0) return <p className="govuk-body" data-testid="case-note-results-count">No notes match "{props.q}".</p>;
  return (
    <>
      <p className="govuk-body" data-testid="case-note-results-count">{props.results.length} {props.results.length === 1 ? 'note matches' : 'notes match'} "{props.q}", best match first.</p>
      <ol className="govuk-list" data-testid="case-note-results">
        {props.results.map((result) => (
          <li key={`${result.childId}-${result.noteId}`} className="app-search-result">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link href={result.href}>
                {result.forename} {result.surname}: {noteTypeCodes[result.noteType as keyof typeof noteTypeCodes] ?? result.noteType}, {formatDate(result.occurredOn)}
              </Link>
            </h2>
            <p className="govuk-body-s govuk-!-margin-bottom-1">{result.childId}</p>
            <p className="govuk-body">{result.snippet.map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

export const caseNoteSearchPage: WorklistPage = { path: 'case-notes', title: 'Search case notes', councilOnly: true, Page: SearchCaseNotesPage };
