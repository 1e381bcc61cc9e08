import { useState } from 'react';
import { api, ApiError, type Team } from '../api.ts';
import { ErrorSummary, WarningText } from '../govuk/index.ts';
import { navigate } from '../router.tsx';
import { roleLabel, useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

/**
 * Development sign-in: choose one of the simulated workers, one click each. Real sign-in with the
 * council's identity provider replaces this page.
 */
export function SignInPage() {
  const { session, workers, refresh } = useSession();
  const teams = useApi<{ teams: Team[] }>('/teams');
  const [error, setError] = useState<string>();
  if (session && !session.devSignIn) {
    return (
      <>
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">Development sign-in is switched off for this service.</p>
      </>
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  const current = workers.filter((worker) => !worker.leftOn || worker.leftOn > today);
  const signIn = async (workerId: string) => {
    try {
      await api.post('/dev/sign-in', { workerId });
      await refresh();
      navigate('/');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Sign-in failed: try again');
    }
  };
  const teamList = teams.data?.teams ?? [];
  return (
    <>
      {error ? <ErrorSummary titleText="There is a problem" errorList={[{ text: error }]} /> : null}
      <h1 className="govuk-heading-l">Sign in</h1>
      <WarningText text="Development sign-in: choose a simulated worker to act as. Everything you record is recorded as them." />
      {teamList.map((team) => {
        const members = current.filter((worker) => worker.teamId === team.teamId);
        if (members.length === 0) return null;
        return (
          <section key={team.teamId} aria-labelledby={`team-${team.teamId}`}>
            <h2 className="govuk-heading-m" id={`team-${team.teamId}`}>{team.name}</h2>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Workers in {team.name}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Role</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Children allocated</th>
                  <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {members.map((worker) => (
                  <tr key={worker.workerId} className="govuk-table__row">
                    <td className="govuk-table__cell">{worker.name}</td>
                    <td className="govuk-table__cell">{roleLabel(worker.role)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{worker.caseload}</td>
                    <td className="govuk-table__cell">
                      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" data-worker-id={worker.workerId} onClick={() => void signIn(worker.workerId)}>
                        Sign in<span className="govuk-visually-hidden"> as {worker.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
