import { useState } from 'react';
import { returnPathOf } from '../access.ts';
import { api } from '../api.ts';
import { ProblemSummary, problemsFrom, useProblems } from '../forms/problems.tsx';
import { Button, Input } from '../govuk/index.ts';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

/** The second step of signing in for roles that need it: the 6-digit code from the person's authenticator app. */
export function OneTimeCodePage() {
  const { account, refresh } = useSession();
  const { query } = useLocation();
  const returnTo = returnPathOf(query);
  const { problems, show, errorOf, summaryRef } = useProblems();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (form: HTMLFormElement) => {
    const code = String(new FormData(form).get('code') ?? '').replace(/\s+/g, '');
    if (!/^\d{6}$/.test(code)) { show([{ field: 'code', message: code ? 'Enter the 6 digits of the code, with no letters' : 'Enter the 6-digit code from your authenticator app' }]); return; }
    setSubmitting(true);
    try {
      await api.post('/sign-in/second-factor', { code });
      await refresh();
      navigate(returnTo);
    } catch (caught) {
      const found = problemsFrom(caught, ['code'], 'The code could not be checked: try again');
      // "Sign in again": the password step timed out or was never done.
      if (!account?.pendingSecondFactor || found.some((problem) => /Sign in/.test(problem.message))) await refresh();
      show(found);
    } finally {
      setSubmitting(false);
    }
  };
  const startAgain = async () => {
    await api.post('/sign-out', {});
    await refresh();
    navigate(`/sign-in${returnTo === '/' ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`);
  };

  if (!account?.pendingSecondFactor) {
    return (
      <>
        <h1 className="govuk-heading-l">Enter your one-time code</h1>
        <p className="govuk-body">Sign in with your username and password first. <a className="govuk-link" href="/sign-in">Sign in</a></p>
      </>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ProblemSummary problems={problems} summaryRef={summaryRef} />
        <h1 className="govuk-heading-l">Enter your one-time code</h1>
        <p className="govuk-body">Your role needs a second check. Open the authenticator app you set up for Safeguard and enter the code it shows for your account.</p>
        <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="one-time-code-form">
          <Input name="code" id="code" inputmode="numeric" autocomplete="one-time-code" spellcheck={false} classes="govuk-input--width-5 govuk-input--extra-letter-spacing"
            label={{ text: 'One-time code', classes: 'govuk-label--s' }} hint={{ text: 'The code has 6 digits and changes every 30 seconds' }} errorMessage={errorOf('code')} />
          <Button text="Continue" disabled={submitting} preventDoubleClick />
        </form>
        <p className="govuk-body">
          <button type="button" className="app-sign-out govuk-body" onClick={() => void startAgain()}>Sign in as someone else</button>
        </p>
      </div>
    </div>
  );
}
