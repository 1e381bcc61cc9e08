import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { roleDefinitionOf } from '../access/roles.ts';
import { api, useCsrfToken, type AccountSession, type DevSession, type Permissions, type Team, type Worker } from './api.ts';

/** Whoever the web app is acting for: a signed-in account, or a worker chosen at development sign-in. */
export interface Viewer {
  userId: string;
  name: string;
  role: string;
  roleTitle: string;
  teamId: string | null;
  workerId: string | null;
  permissions: Permissions;
  signedInWith: 'account' | 'development';
}

interface SessionState {
  /** False until the first answer from the server: nothing is decided before it. */
  loaded: boolean;
  account?: AccountSession;
  viewer?: Viewer;
  workers: Worker[];
  refresh: () => Promise<void>;
  workerName: (workerId: string | null | undefined) => string;
  teamName: (teamId: string | null | undefined) => string;
}

const SessionContext = createContext<SessionState>({ loaded: false, workers: [], refresh: async () => {}, workerName: (id) => id ?? '', teamName: (id) => id ?? '' });

export function viewerOf(account: AccountSession, dev: DevSession | undefined): Viewer | undefined {
  if (account.signedIn && account.user) {
    const { user } = account;
    return { userId: user.userId, name: user.displayName, role: user.role, roleTitle: user.roleTitle, teamId: user.teamId, workerId: user.workerId, permissions: user.permissions, signedInWith: 'account' };
  }
  const worker = dev?.worker;
  if (!worker) return undefined;
  return {
    userId: worker.workerId, name: worker.name, role: worker.role, roleTitle: roleLabel(worker.role), teamId: worker.teamId,
    workerId: worker.workerId, permissions: worker.permissions, signedInWith: 'development',
  };
}

export function SessionProvider(props: { children: ReactNode }) {
  const [state, setState] = useState<{ loaded: boolean; account?: AccountSession; viewer?: Viewer }>({ loaded: false });
  const [workers, setWorkers] = useState<Worker[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  // Only the latest refresh may set the state: an earlier one answered late (the first load,
  // racing a sign-in) would otherwise put back who was signed in before.
  const latestRefresh = useRef(0);
  const refresh = useCallback(async () => {
    const call = ++latestRefresh.current;
    // All asked at once. Pages wait only for who is signed in: the workers' list (with caseloads)
    // takes longest, and only fills in names. Names are refused (401) to someone not signed in,
    // and then there are none to show.
    const none = () => undefined;
    const names = Promise.all([
      api.get<{ workers: Worker[] }>('/workers', { quiet: true }).catch(none), api.get<{ teams: Team[] }>('/teams', { quiet: true }).catch(none),
    ]);
    const [account, dev] = await Promise.all([api.get<AccountSession>('/session'), api.get<DevSession>('/dev/session')]);
    if (call !== latestRefresh.current) return;
    useCsrfToken(account.csrfToken);
    setState({ loaded: true, account, viewer: viewerOf(account, dev) });
    const [list, teamList] = await names;
    if (call !== latestRefresh.current) return;
    setWorkers(list?.workers ?? []);
    setTeams(teamList?.teams ?? []);
  }, []);
  useEffect(() => { void refresh(); }, [refresh]);
  const workerName = useCallback((workerId: string | null | undefined) => {
    if (!workerId) return 'Not allocated';
    return workers.find((worker) => worker.workerId === workerId)?.name ?? workerId;
  }, [workers]);
  const teamName = useCallback((teamId: string | null | undefined) => (teamId ? teams.find((team) => team.teamId === teamId)?.name ?? teamId : ''), [teams]);
  return <SessionContext.Provider value={{ ...state, workers, refresh, workerName, teamName }}>{props.children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** A role's title, as roles.ts names it. */
export const roleLabel = (role: string) => roleDefinitionOf(role)?.title ?? role;

/** Managers see their team's work by default; everyone else sees their own. */
export const managesTeam = (role: string | undefined) => role === 'team-manager' || role === 'service-manager' || role === 'senior-practitioner';
