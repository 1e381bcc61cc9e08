/**
 * What checking a council's audit chain answers (audit/verify.ts), as plain types: the web app
 * shows it, and may not import the audit folder, whose code reads the database.
 */

/** Why a checkpoint kept outside the database no longer matches the chain (audit/checkpoint.ts). */
export type CheckpointBreakReason = 'checkpoint-not-signed' | 'rewritten-since-checkpoint' | 'removed-since-checkpoint';

export interface AuditChainBreak {
  auditId: string;
  /** Why the chain breaks at this row. */
  reason: 'content-changed' | 'previous-row-changed-or-removed' | 'rows-removed-from-the-end' | CheckpointBreakReason;
  message: string;
}

export interface AuditChainReport {
  laCode: string;
  rows: number;
  lastAuditId: string | null;
  /** The hash of the chain's last row, hex: record it elsewhere to detect a rewrite of the whole log later. */
  headHash: string | null;
  intact: boolean;
  firstBreak?: AuditChainBreak;
  /** How many of the council's checkpoints were checked, when checkpoints were given. */
  checkpoints?: number;
}
