/** @jest-environment node */
/** A reason matrix (Uint8Array of codes) and its helpers: the code table is the order of REASON_CODES. */
import { REASON_CODES, reasonAt, reasonCodeOf, reasonList, type ReasonCode } from './cells';

it('codes each reason by its place in REASON_CODES, from 1; null is 0', () => {
  expect(reasonCodeOf(null)).toBe(0);
  REASON_CODES.forEach((reason, k) => expect(reasonCodeOf(reason)).toBe(k + 1));
  expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
  // Every code fits in a Uint8Array cell.
  expect(REASON_CODES.length).toBeLessThan(256);
});

it('reads back what was written, cell by cell and as a list', () => {
  const written: Array<ReasonCode | null> = [null, ...REASON_CODES, null, 'skipped', 'constant'];
  const matrix = Uint8Array.from(written, reasonCodeOf);
  expect(written.map((_, c) => reasonAt(matrix, c))).toEqual(written);
  expect(reasonList(matrix, null)).toEqual(written);
  expect(reasonList(matrix, '')).toEqual(written.map((w) => w ?? ''));
  expect(reasonList(new Uint8Array(0), null)).toEqual([]);
});

it('says what is wrong with a code or cell that is none, instead of reading it as no reason', () => {
  const broken = Uint8Array.of(0, REASON_CODES.length + 1);
  expect(() => reasonAt(broken, 1)).toThrow(`cell 1 holds ${REASON_CODES.length + 1}, which is no reason code`);
  expect(() => reasonList(broken, null)).toThrow(RangeError);
  expect(() => reasonAt(broken, 2)).toThrow('cell 2 is outside the reason matrix (2 cells)');
  expect(() => reasonCodeOf('too few points' as ReasonCode)).toThrow("'too few points' is not a reason code");
});
