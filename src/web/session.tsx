import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, type Session, type Team, type Worker } from './api.ts';

interface SessionState {
  session?: Session;
  workers: Worker[];
  refresh: () => Promise<void>;
  workerName: (workerId: string | null | undefined) => string;
  teamName: (teamId: string | null | undefined) => string;
}

const SessionContext = createContext<SessionState>({ workers: [], refresh: async () => {}, workerName: (id) => id ?? '', teamName: (id) => id ?? '' });

export function SessionProvider(props: { children: ReactNode }) {
  const [session, setSession] = useState<Session>();
  const [workers, setWorkers] = useState<Worker[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const refresh = useCallback(async () => {
    const [current, list, teamList] = await Promise.all([api.get<Session>('/dev/session'), api.get<{ workers: Worker[] }>('/workers'), api.get<{ teams: Team[] }>('/teams')]);
    setSession(current);
    setWorkers(list.workers);
    setTeams(teamList.teams);
  }, []);
  useEffect(() => { void refresh(); }, [refresh]);
  const workerName = useCallback((workerId: string | null | undefined) => {
    if (!workerId) return 'Not allocated';
    return workers.find((worker) => worker.workerId === workerId)?.name ?? workerId;
  }, [workers]);
  const teamName = useCallback((teamId: string | null | undefined) => (teamId ? teams.find((team) => team.teamId === teamId)?.name ?? teamId : ''), [teams]);
  return <SessionContext.Provider value={{ session, workers, refresh, workerName, teamName }}>{props.children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

export const roleLabels: Record<string, string> = {
  'social-worker': 'Social worker',
  'senior-practitioner': 'Senior practitioner',
  'team-manager': 'Team manager',
  'service-manager': 'Service manager',
  'front-door-officer': 'Front door officer',
  'cp-chair': 'Child protection chair',
  iro: 'Independent reviewing officer',
  'family-support-worker': 'Family support worker',
  'personal-adviser': 'Personal adviser',
  other: 'Other',
};

export const roleLabel = (role: string) => roleLabels[role] ?? role;

/** Managers see their team's work by default; everyone else sees their own. */
export const managesTeam = (role: string | undefined) => role === 'team-manager' || role === 'service-manager' || role === 'senior-practitioner';
