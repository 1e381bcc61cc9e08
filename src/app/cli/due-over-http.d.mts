export declare const SERVER_NOTE_FILE: string;
export declare function findRunningServer(dataDir: string): string | undefined;
export interface DueLine { state: string; daysLeft?: number; dueOn: string; dueAt?: string; unit?: string; childId: string; childName: string; title: string }
export interface DueAnswer {
  asAt: string;
  summary: { open: number; overdue: number };
  duties: DueLine[];
}
export declare function fetchDue(url: string, options: { asAt: string; worker?: string; team?: string; child?: string; overdue?: boolean }): Promise<DueAnswer>;
export declare function timeToDue(duty: DueLine, asAt: string, now?: Date): string;
export declare function printDue(answer: DueAnswer, json: boolean): void;
export declare function answerDueFromRunningServer(args: readonly string[], env: NodeJS.ProcessEnv): Promise<boolean>;
