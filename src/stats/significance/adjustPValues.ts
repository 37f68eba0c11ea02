import type { AdjustMethod } from '../contract';

/**
 * Multiple-testing adjustment of a family of p-values (NaN entries are not part of the family and
 * stay NaN).
 * - 'fdr_bh': Benjamini & Hochberg (1995, JRSS B 57:289-300) step-up q-values,
 *   q_(i) = min_{j >= i} min(1, p_(j) / (j / m)), as statsmodels multipletests(method='fdr_bh').
 * - 'bonferroni': min(1, m p).
 * - 'none': p unchanged.
 */
export function adjustPValues(p: ArrayLike<number>, method: AdjustMethod): Float64Array {
  const out = new Float64Array(p.length).fill(NaN);
  const idx: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (Number.isFinite(p[i])) {
      idx.push(i);
    }
  }
  const m = idx.length;
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
  idx.sort((a, b) => p[a] - p[b]);
  let running = Infinity;
  for (let k = m - 1; k >= 0; k--) {
    const i = idx[k];
    running = Math.min(running, p[i] / ((k + 1) / m));
    out[i] = Math.min(1, running);
  }
  return out;
}
