// Types of embedded-host.mjs, the embedded database's host process (plain JavaScript, so that it
// starts without a TypeScript loader).
export declare const EMBEDDED_SOCKET_PORT: number;
export declare const EMBEDDED_SOCKET_FILE: string;
export declare const EMBEDDED_LOCK_FILE: string;
export declare const EMBEDDED_RUNTIME_FILES: readonly string[];
export declare function isProcessAlive(pid: number): boolean;
/** Removes group and other users' permissions from the data folder and everything in it; answers how many it changed. */
export declare function restrictToOwner(dataDir: string): number;

export interface EmbeddedConnectionInfo {
  /** For pg: a directory (Unix socket) or 127.0.0.1 (TCP fallback). */
  host: string;
  port: number;
  user: string;
  database: string;
  /** Whether this start created (initdb) the database. */
  createdDataDir: boolean;
  startupMs: number;
  hostPid: number;
}

export type HostToParentMessage =
  | { type: 'progress'; message: string }
  | { type: 'ready'; connection: EmbeddedConnectionInfo }
  | { type: 'failed'; message: string };

export type ParentToHostMessage = { type: 'shutdown' };

export declare const EMBEDDED_CONNECTION_FILE: string;
