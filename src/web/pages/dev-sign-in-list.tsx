import { useState } from 'react';
import { api, ApiError, type Team } from '../api.ts';
import { ErrorSummary, WarningText } from '../govuk/index.ts';
import { roleLabel, useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

/**
 * Development sign-in: every simulated worker by team, one click to act as them. Shown only where
 * the server says development sign-in is on (SAFEGUARD_DEV_SIGN_IN).
 */
export function DevSignInList(props: { onSignedIn: () => Promise<void> }) {
  const { workers } = useSession();
  const teams = useApi<{ teams: Team[] }>('/teams');
  const [error, setError] = useState<string>();
  const today = new Date().toISOString().slice(0, 10);
  const current = workers.filter((worker) => !worker.leftOn || worker.leftOn > today);
  const signIn = async (workerId: string) => {
    try {
      await api.post('/dev/sign-in', { workerId });
      await props.onSignedIn();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Sign-in failed: try again');
    }
  };
  const teamList = teams.data?.teams ?? [];
  return (
    <section aria-labelledby="development-sign-in">
      <h2 className="govuk-heading-l" id="development-sign-in">Development sign-in</h2>
      {error ? <ErrorSummary titleText="There is a problem" errorList={[{ text: error }]} /> : null}
      <WarningText text="Development sign-in: choose a simulated worker to act as. Everything you record is recorded as them." />
      {teamList.map((team) => {
        const members = current.filter((worker) => worker.teamId === team.teamId);
        if (members.length === 0) return null;
        return (
          <section key={team.teamId} aria-labelledby={`team-${team.teamId}`}>
            <h3 className="govuk-heading-m" id={`team-${team.teamId}`}>{team.name}</h3>
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
    </section>
  );
}
