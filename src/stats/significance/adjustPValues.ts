import type { AdjustMethod } from '../contract';
import { radixArgsort } from '../rank/radixArgsort';

/**
 * Multiple-testing adjustment of a family of p-values (NaN entries are not part of the family and
 * stay NaN).
 * - 'fdr_bh': Benjamini & Hochberg (1995, JRSS B 57:289-300) step-up q-values,
 *   q_(i) = min_{j >= i} min(1, p_(j) / (j / m)), as statsmodels multipletests(method='fdr_bh').
 * - 'bonferroni': min(1, m p).
 * - 'none': p unchanged.
 * WHY a radix argsort (rank/radixArgsort.ts) for the step-up order: an N x N matrix is a family of
 * N(N-1)/2 tests, and a comparator sort of that many indices dominated the adjustment.
 */
export function adjustPValues(p: ArrayLike<number>, method: AdjustMethod): Float64Array {
  const out = new Float64Array(p.length).fill(NaN);
  let m = 0;
  for (let i = 0; i < p.length; i++) {
    if (Number.isFinite(p[i])) {
      m++;
    }
  }
  const idx = new Int32Array(m);
  const family = new Float64Array(m);
  for (let i = 0, k = 0; i < p.length; i++) {
    if (Number.isFinite(p[i])) {
      idx[k] = i;
      family[k++] = p[i];
    }
  }
  if (method === 'none') {
    for (const i of idx) {
      out[i] = p[i];
    }
    return out;
  }
  if (method === 'bonferroni') {
    for (const i of idx) {
      out[i] = Math.min(1, p[i] * m);
    }
    return out;
  }
  const order = radixArgsort(family);
  let running = Infinity;
  for (let k = m - 1; k >= 0; k--) {
    const i = idx[order[k]];
    running = Math.min(running, p[i] / ((k + 1) / m));
    out[i] = Math.min(1, running);
  }
  return out;
}
