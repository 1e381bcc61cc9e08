/**
 * Checkpoints of the audit chain, kept outside the database. The chain shows a row changed or
 * removed in place, but someone who can write to the database can also rewrite every hash after
 * the row they changed, or cut the last rows and move the head back, and the chain verifies
 * again. A checkpoint is the chain's head (council, audit row, its hash, when) signed with a key
 * the database does not hold (HMAC-SHA256), written as a line to an append-only JSON Lines file,
 * to standard output or to a command: kept on another host or volume, it says what the chain was,
 * and `safeguard audit verify --checkpoint <file>` names what has been cut or rewritten since.
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { z } from 'zod';
import type { CheckpointBreakReason } from '../audit-chain-report.ts';
import type { Database } from '../database/database.ts';
import { chainAwaitingAudit } from './audit.ts';

export const AuditCheckpoint = z.object({
  laCode: z.string(),
  /** The audit row (audit_id) that was the chain's head. */
  sequence: z.number().int().nonnegative(),
  /** That row's hash, hex. */
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  /** `hmac-sha256:` and the hex HMAC of [laCode, sequence, headHash, at] as JSON. */
  signature: z.string(),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

/** Where the embedded database keeps its checkpoint key when none is configured. */
export const EMBEDDED_CHECKPOINT_KEY_FILE = 'audit-checkpoint.key';

const signed = (checkpoint: Omit<AuditCheckpoint, 'signature'>): string =>
  JSON.stringify([checkpoint.laCode, checkpoint.sequence, checkpoint.headHash, checkpoint.at]);

export function signCheckpoint(key: Buffer, checkpoint: Omit<AuditCheckpoint, 'signature'>): AuditCheckpoint {
  return { ...checkpoint, signature: `hmac-sha256:${createHmac('sha256', key).update(signed(checkpoint)).digest('hex')}` };
}

export function isSignedWith(key: Buffer, checkpoint: AuditCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, checkpoint).signature);
  const given = Buffer.from(checkpoint.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The key checkpoints are signed with: SAFEGUARD_AUDIT_CHECKPOINT_KEY, or for the embedded database
 * a key made on first use in its data folder (readable by its owner only). A key beside the
 * database guards against a change made through the database, not against whoever holds its files.
 */
/** What checkpointing needs of the configuration: where the key and the checkpoints are kept. */
export interface CheckpointSettings {
  databaseUrl?: string;
  dataDir: string;
  auditCheckpoint: { key?: string; file?: string; command?: string };
}

export function checkpointKey(config: CheckpointSettings): Buffer {
  if (config.auditCheckpoint.key) return Buffer.from(config.auditCheckpoint.key, 'utf8');
  if (config.databaseUrl) throw new Error('Set SAFEGUARD_AUDIT_CHECKPOINT_KEY (at least 32 characters) to sign or check audit checkpoints');
  const file = path.join(config.dataDir, EMBEDDED_CHECKPOINT_KEY_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

/**
 * Signed checkpoints of the chain's head of each council named (every council with a chain when
 * none are), once the rows awaiting the chain have joined it.
 */
export async function takeCheckpoints(db: Database, key: Buffer, laCodes?: readonly string[]): Promise<AuditCheckpoint[]> {
  await chainAwaitingAudit(db.pool, laCodes);
  const heads = await db.pool.query(
    `SELECT h.la_code, h.last_audit_id, encode(h.last_hash, 'hex') AS last_hash, encode(e.row_hash, 'hex') AS row_hash
       FROM audit_chain_head h LEFT JOIN audit_event e ON e.la_code = h.la_code AND e.audit_id = h.last_audit_id
      WHERE ($1::text[] IS NULL OR h.la_code = ANY($1::text[])) AND h.last_audit_id > 0
      ORDER BY h.la_code`,
    [laCodes ? [...laCodes] : null],
  );
  const at = new Date().toISOString();
  return heads.rows.map((head) => {
    // A head that does not name its row is what verify reports: nothing trustworthy to sign.
    if (head.row_hash !== head.last_hash) throw new Error(`The audit chain of LA ${head.la_code} is broken at its head: run safeguard audit verify`);
    return signCheckpoint(key, { laCode: head.la_code as string, sequence: Number(head.last_audit_id), headHash: head.last_hash as string, at });
  });
}

/** Appends checkpoints to a JSON Lines file, created readable by its owner only. */
export function appendCheckpoints(file: string, checkpoints: readonly AuditCheckpoint[]): void {
  if (checkpoints.length === 0) return;
  appendFileSync(file, checkpoints.map((c) => JSON.stringify(c) + '\n').join(''), { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** Sends checkpoints, one JSON line each, to a shell command's standard input (e.g. a remote log). */
export function sendCheckpoints(command: string, checkpoints: readonly AuditCheckpoint[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`The audit checkpoint command exited with code ${code}: ${command}`))));
    child.stdin.end(checkpoints.map((c) => JSON.stringify(c) + '\n').join(''));
  });
}

/** Records checkpoints wherever configuration says: the checkpoint file, the command, or both. */
export async function recordCheckpoints(config: CheckpointSettings, checkpoints: readonly AuditCheckpoint[]): Promise<string[]> {
  const places: string[] = [];
  if (config.auditCheckpoint.file) {
    appendCheckpoints(config.auditCheckpoint.file, checkpoints);
    places.push(config.auditCheckpoint.file);
  }
  if (config.auditCheckpoint.command) {
    await sendCheckpoints(config.auditCheckpoint.command, checkpoints);
    places.push(`the command ${config.auditCheckpoint.command}`);
  }
  return places;
}

/** The checkpoints of a JSON Lines file; a line that is not one is an error naming the line. */
export function readCheckpoints(file: string): AuditCheckpoint[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const checkpoint = AuditCheckpoint.safeParse(parsed);
    if (!checkpoint.success) throw new Error(`${file} line ${index + 1} is not an audit checkpoint`);
    return [checkpoint.data];
  });
}

export interface CheckpointBreak {
  auditId: string;
  reason: CheckpointBreakReason;
  message: string;
}

/**
 * Checks a council's chain against checkpoints: each must be signed with the key, and the row it
 * names must still exist with the hash it had. Answers the first checkpoint that fails, if any.
 * (That the chain runs intact from each checkpoint to the head is verifyAuditChain's check.)
 */
export async function checkAgainstCheckpoints(
  db: Pick<pg.Pool, 'query'>, key: Buffer, laCode: string, checkpoints: readonly AuditCheckpoint[],
): Promise<{ checked: number; firstBreak?: CheckpointBreak }> {
  const own = checkpoints.filter((c) => c.laCode === laCode);
  const rows = await db.query(
    `SELECT audit_id, encode(row_hash, 'hex') AS row_hash FROM audit_event WHERE la_code = $1 AND audit_id = ANY($2::bigint[])`,
    [laCode, own.map((c) => c.sequence)],
  );
  const hashes = new Map(rows.rows.map((row) => [Number(row.audit_id), row.row_hash as string]));
  for (const checkpoint of own) {
    const auditId = String(checkpoint.sequence);
    if (!isSignedWith(key, checkpoint)) {
      return { checked: own.length, firstBreak: { auditId, reason: 'checkpoint-not-signed', message: `The checkpoint of ${checkpoint.at} (audit row ${auditId}) is not signed with this key: it was not written by Safeguard, or the key has changed` } };
    }
    const hash = hashes.get(checkpoint.sequence);
    if (hash === undefined) {
      return { checked: own.length, firstBreak: { auditId, reason: 'removed-since-checkpoint', message: `Audit row ${auditId}, the chain's head at the checkpoint of ${checkpoint.at}, no longer exists: rows were removed from the end and the head moved back` } };
    }
    if (hash !== checkpoint.headHash) {
      return { checked: own.length, firstBreak: { auditId, reason: 'rewritten-since-checkpoint', message: `Audit row ${auditId} no longer has the hash it had at the checkpoint of ${checkpoint.at}: the chain up to it was rewritten and its hashes recomputed` } };
    }
  }
  return { checked: own.length };
}
