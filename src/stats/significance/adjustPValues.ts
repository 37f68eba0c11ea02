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
  let m = 0;
  for (let i = 0; i < p.length; i++) {
    if (Number.isFinite(p[i])) {
      m++;
    }
  }
  // The family packed, with its positions in `where`; when every value is a member, p itself.
  let family: ArrayLike<number> = p;
  let where: Int32Array | null = null;
  if (m < p.length) {
    const packed = new Float64Array(m);
    where = new Int32Array(m);
    for (let i = 0, k = 0; i < p.length; i++) {
      if (Number.isFinite(p[i])) {
        where[k] = i;
        packed[k++] = p[i];
      }
    }
    family = packed;
  }
  const adjusted = new Float64Array(m);
  if (method === 'none') {
    adjusted.set(family);
  } else if (method === 'bonferroni') {
    for (let k = 0; k < m; k++) {
      adjusted[k] = Math.min(1, family[k] * m);
    }
  } else {
    const order = radixArgsort(family);
    let running = Infinity;
    for (let k = m - 1; k >= 0; k--) {
      const f = order[k];
      running = Math.min(running, family[f] / ((k + 1) / m));
      adjusted[f] = Math.min(1, running);
    }
  }
  if (!where) {
    return adjusted;
  }
  const out = new Float64Array(p.length).fill(NaN);
  for (let k = 0; k < m; k++) {
    out[where[k]] = adjusted[k];
  }
  return out;
}
