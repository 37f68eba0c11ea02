import { RankScratch, sortFinite } from './sortFinite';

/**
 * Dense integer ranks 0..u-1 of the finite values (equal values share a rank), -1 for missing.
 * WHY: Kendall's tau only needs the order, and integer ranks let a pair be sorted with one numeric key
 * (xRank * u + yRank) by the fast native typed-array sort instead of a comparator.
 * Implementation: the finite values sorted with their positions (sortFinite.ts), then one walk that
 * starts a new rank at each new value.
 */
export function denseRanks(x: ArrayLike<number>): { ranks: Int32Array; unique: number } {
  const ranks = new Int32Array(x.length).fill(-1);
  const { values, positions } = sortFinite(x, new RankScratch());
  let unique = 0;
  for (let k = 0; k < values.length; k++) {
    if (k === 0 || values[k] !== values[k - 1]) {
      unique++;
    }
    ranks[positions[k]] = unique - 1;
  }
  return { ranks, unique };
}
