import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's minimum settings (19 MiB, 2 passes, one
 * lane): slow enough to make guessing expensive, quick enough (tens of milliseconds) to sign in.
 */
const ARGON2ID = 2;
const settings = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, settings);

export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false; // a malformed stored hash matches nothing
  }
}

/** A hash of a password nobody has: checked when the username is unknown, so both take as long. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hashPassword(`decoy-${randomUUID()}`));

/** The council's password rule: long rather than complicated (NCSC password guidance). */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('Use at least 12 characters (three random words work well)');
  if (password.length > 256) problems.push('Use at most 256 characters');
  return problems;
}
