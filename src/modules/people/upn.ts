/**
 * Unique pupil numbers (DfE, "Unique pupil numbers (UPNs): guidance for local authorities and
 * schools"): thirteen characters — a check letter, the three-digit LA number of the council that
 * allocated it, the last two digits of the year it was allocated, a six-digit serial and a final
 * character (a digit for a permanent UPN). The check letter is the sum of each of characters 2–13
 * times its position, modulo 23, as a letter of an alphabet without I, O and S.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter of the twelve characters after it (a temporary UPN's final letter counts as its place in the check alphabet). */
export function upnCheckLetter(afterCheckLetter: string): string {
  let sum = 0;
  for (let position = 2; position <= 13; position++) {
    const character = afterCheckLetter[position - 2]!;
    const value = /\d/.test(character) ? Number(character) : CHECK_LETTERS.indexOf(character.toUpperCase());
    sum += value * position;
  }
  return CHECK_LETTERS[sum % 23]!;
}

/** A permanent UPN allocated by the council with this LA number in this year, with this serial (0 to 999,999). */
export function permanentUpn(laNumber: string, allocatedInYear: number, serial: number, finalDigit = 0): string {
  const body = `${laNumber.padStart(3, '0')}${String(allocatedInYear % 100).padStart(2, '0')}${String(serial % 1_000_000).padStart(6, '0')}${finalDigit % 10}`;
  return `${upnCheckLetter(body)}${body}`;
}

/** The 1 September a child born on this date starts school (Reception): the one after their fourth birthday. */
export function schoolStartOn(dateOfBirth: string): string {
  return `${Number(dateOfBirth.slice(0, 4)) + 4 + (dateOfBirth.slice(5) >= '09-01' ? 1 : 0)}-09-01`;
}

/**
 * The UPN a simulated child is given when they start school, by the borough's schools in that year:
 * the serial is the child's own number, so it is unique in the borough and drawn from nothing random.
 */
export function simulatedUpn(laNumber: string, childId: string, startsSchoolOn: string): string {
  return permanentUpn(laNumber, Number(startsSchoolOn.slice(0, 4)), Number(childId.replace(/\D/g, '').slice(-6)));
}
