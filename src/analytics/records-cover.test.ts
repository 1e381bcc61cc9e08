import { describe, expect, it } from 'vitest';
import { recordsCover } from './records-cover.ts';

describe('how much of a period the record covers', () => {
  const fy = (start: number) => ({ from: `${start}-04-01`, to: `${start + 1}-03-31` });
  it('is none for a period that ends before the record\'s first event, part for the one it begins in, whole after', () => {
    expect(recordsCover(fy(2021), '2022-09-14')).toBe('none');
    expect(recordsCover(fy(2022), '2022-09-14')).toBe('part');
    expect(recordsCover(fy(2023), '2022-09-14')).toBe('whole');
    expect(recordsCover(fy(2022), '2022-04-01')).toBe('whole');
  });
  it('is none when nothing is recorded, and judges a snapshot by its date', () => {
    expect(recordsCover(fy(2023), null)).toBe('none');
    expect(recordsCover({ asAt: '2022-09-13' }, '2022-09-14')).toBe('none');
    expect(recordsCover({ asAt: '2022-09-14' }, '2022-09-14')).toBe('whole');
  });
});
