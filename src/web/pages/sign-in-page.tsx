import { useState } from 'react';
import { homeOf, returnPathOf } from '../access.ts';
import { api, type AccountSession } from '../api.ts';
import { ProblemSummary, problemsFrom, useProblems } from '../forms/problems.tsx';
import { Button, Input, NotificationBanner } from '../govuk/index.ts';
import { navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { DevSignInList } from './dev-sign-in-list.tsx';
import { takeFlash } from './flash.ts';

/**
 * Sign in with a username and password (then a one-time code, for roles that need one), with the
 * council's identity provider where single sign-on is set up, or, in development, as a simulated
 * worker. The server's message is shown as it is: it does not say whether a username exists.
 */
export function SignInPage() {
  const { account, viewer, refresh } = useSession();
  const { query } = useLocation();
  const returnTo = returnPathOf(query);
  const [message] = useState(takeFlash);
  const { problems, show, errorOf, summaryRef } = useProblems();
  const [submitting, setSubmitting] = useState(false);

  const afterSignIn = async () => {
    await refresh();
    navigate(returnTo);
  };
  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing = [
      ...(username ? [] : [{ field: 'username', message: 'Enter your username' }]),
      ...(password ? [] : [{ field: 'password', message: 'Enter your password' }]),
    ];
    if (missing.length > 0) { show(missing); return; }
    setSubmitting(true);
    try {
      const session = await api.post<AccountSession>('/sign-in', { username, password });
      await refresh();
      if (session.pendingSecondFactor) navigate(`/sign-in/one-time-code${returnTo === '/' ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`);
      else navigate(returnTo);
    } catch (caught) {
      show(problemsFrom(caught, ['username', 'password'], 'Sign-in failed: try again'));
    } finally {
      setSubmitting(false);
    }
  };

  if (viewer) {
    return (
      <>
        <h1 className="govuk-heading-l">You are signed in</h1>
        <p className="govuk-body">You are signed in as {viewer.name}. <a className="govuk-link" href={homeOf(viewer)}>Go to the start page</a></p>
      </>
    );
  }
  const singleSignOn = `/api/v1/sign-in/oidc?returnTo=${encodeURIComponent(returnTo)}`;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ProblemSummary problems={problems} summaryRef={summaryRef} />
          {message ? <NotificationBanner text={message} /> : null}
          <h1 className="govuk-heading-l">Sign in to Safeguard</h1>
          {account?.singleSignOn ? (
            <>
              <p className="govuk-body">
                <a className="govuk-button" role="button" draggable="false" data-module="govuk-button" href={singleSignOn} data-testid="single-sign-on">Sign in with your council account</a>
              </p>
              <h2 className="govuk-heading-m">Or sign in with a Safeguard account</h2>
            </>
          ) : null}
          <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} data-testid="sign-in-form">
            <Input name="username" id="username" label={{ text: 'Username', classes: 'govuk-label--s' }} autocomplete="username" autocapitalize="none" spellcheck={false}
              classes="govuk-!-width-two-thirds" errorMessage={errorOf('username')} />
            <Input name="password" id="password" type="password" label={{ text: 'Password', classes: 'govuk-label--s' }} autocomplete="current-password"
              classes="govuk-!-width-two-thirds" errorMessage={errorOf('password')} />
            <Button text="Sign in" disabled={submitting} preventDoubleClick />
          </form>
          <p className="govuk-body">If you have forgotten your password or your account is locked, ask your administrator.</p>
        </div>
      </div>
      {account?.devSignIn ? <DevSignInList onSignedIn={afterSignIn} /> : null}
    </>
  );
}
