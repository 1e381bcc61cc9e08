import { describe, expect, it } from 'vitest';
import { permanentUpn, upnCheckLetter } from './upn.ts';

describe('unique pupil numbers', () => {
  it('weights characters 2–13 by their position, modulo 23, in the check alphabet', () => {
    // 2×8 + 4×1 + 5×2 + 8×2 + 11×3 = 79; 79 mod 23 = 10, the eleventh letter of A–Z without I, O and S.
    expect(upnCheckLetter('801200200300')).toBe('L');
    // A temporary UPN's final letter counts as its place in the same alphabet: B = 1, so 13 more: (79 + 13) mod 23 = 0.
    expect(upnCheckLetter('80120020030B')).toBe('A');
  });

  it('makes a permanent UPN of the LA number, year, serial and a final digit, with its check letter', () => {
    const upn = permanentUpn('206', 2019, 1234);
    expect(upn).toMatch(/^[A-Z]206190012340$/);
    expect(upn[0]).toBe(upnCheckLetter(upn.slice(1)));
    expect(permanentUpn('206', 2019, 1235)).not.toBe(upn);
  });
});
