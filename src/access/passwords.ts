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

/**
 * Passwords people choose most often (zxcvbn-ts's list of about 49,000, from leaked password sets),
 * lower-cased: a password on it, in any case, is the first an attacker tries.
 */
let commonPasswords: Promise<Set<string>> | undefined;
// Loaded when a password is set, not when signing in: unpacking the list takes a fifth of a second.
const commonPasswordList = () => (commonPasswords ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) =>
  new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()))));

/** `abcabcabcabc` → `abc`: the shortest piece the whole password repeats, or the password itself. */
function repeatedUnitOf(password: string): string {
  for (let length = 1; length <= password.length / 2; length += 1) {
    if (password.length % length === 0 && password.slice(0, length).repeat(password.length / length) === password) return password.slice(0, length);
  }
  return password;
}

/**
 * The council's password rule, as the NCSC advises for passwords people choose themselves: at
 * least 12 characters, none of the commonly used or easily guessed ones, and no rules about which
 * kinds of character to mix.
 */
export async function passwordProblems(password: string): Promise<string[]> {
  const common = await commonPasswordList();
  const problems: string[] = [];
  if (password.length < 12) problems.push('Use at least 12 characters (three random words work well)');
  if (password.length > 256) problems.push('Use at most 256 characters');
  const lowered = password.toLowerCase();
  const unit = repeatedUnitOf(lowered);
  // One short piece said over and over (aaaaaaaaaaaa, abcabcabcabc) or a common one repeated (passwordpassword).
  const repeated = unit !== lowered && (unit.length <= 4 || common.has(unit));
  if (common.has(lowered) || repeated) problems.push('This password is too commonly used or too easy to guess: choose another (three random words work well)');
  return problems;
}
