import type { KendallStats } from '../correlation/kendallTau';
import { normalTwoSided } from './normalTail';

/**
 * Two-sided p-value of Kendall's tau exactly as scipy.stats.kendalltau (SciPy 1.10, method='auto'):
 * the exact null distribution (Kendall 1970, "Rank Correlation Methods", ch. 4) when there are no ties
 * and n <= 33 or min(dis, tot - dis) <= 1; otherwise the normal approximation of P - Q with the tie
 * corrected variance (Kendall 1945).
 *
 * `nEff` (optional) rescales the asymptotic variance for autocorrelation: var(tau) ~ 2(2n+5)/(9n(n-1))
 * is evaluated at nEff instead of n, i.e. z is multiplied by sqrt(var(n) / var(nEff)).
 */
export function kendallPValue(s: KendallStats, nEff?: number): number {
  const { size, dis, tot, xtie, ytie, x0, x1, y0, y1 } = s;
  if (!Number.isFinite(s.tau)) {
    return NaN;
  }
  const noTies = xtie === 0 && ytie === 0;
  const useExact = noTies && (size <= 33 || Math.min(dis, tot - dis) <= 1) && nEff === undefined;
  if (useExact) {
    return kendallExactP(size, tot - dis);
  }
  const conMinusDis = tot - xtie - ytie + s.ntie - 2 * dis;
  const m = size * (size - 1);
  const v = (m * (2 * size + 5) - x1 - y1) / 18 + (2 * xtie * ytie) / m + (x0 * y0) / (9 * m * (size - 2));
  let z = conMinusDis / Math.sqrt(v);
  if (nEff !== undefined && nEff < size) {
    z *= Math.sqrt(tauVarianceNoTies(size) / tauVarianceNoTies(nEff));
  }
  return normalTwoSided(z);
}

function tauVarianceNoTies(n: number): number {
  return (2 * (2 * n + 5)) / (9 * n * (n - 1));
}

/** scipy.stats._mstats_basic._kendall_p_exact, two-sided branch, operation for operation. */
export function kendallExactP(n: number, cIn: number): number {
  const c = Math.min(cIn, (n * (n - 1)) / 2 - cIn);
  let prob: number;
  if (n <= 2) {
    prob = 1;
  } else if (c === 0) {
    prob = n < 171 ? 2 / factorial(n) : 0;
  } else if (c === 1) {
    prob = n < 172 ? 2 / factorial(n - 1) : 0;
  } else if (4 * c === n * (n - 1)) {
    prob = 1;
  } else if (n < 171) {
    let cur: Float64Array = new Float64Array(c + 1);
    cur[0] = 1;
    cur[1] = 1;
    for (let j = 3; j <= n; j++) {
      cur = cumsum(cur);
      if (j <= c) {
        const prev = cur.slice();
        for (let i = j; i <= c; i++) {
          cur[i] -= prev[i - j];
        }
      }
    }
    prob = (2 * sum(cur)) / factorial(n);
  } else {
    let cur: Float64Array = new Float64Array(c + 1);
    cur[0] = 1;
    cur[1] = 1;
    for (let j = 3; j <= n; j++) {
      cur = cumsum(cur);
      for (let i = 0; i <= c; i++) {
        cur[i] /= j;
      }
      if (j <= c) {
        const prev = cur.slice();
        for (let i = j; i <= c; i++) {
          cur[i] -= prev[i - j];
        }
      }
    }
    prob = sum(cur);
  }
  return Math.min(1, Math.max(0, prob));
}

function cumsum(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    out[i] = s;
  }
  return out;
}

/** Pairwise summation like numpy's np.sum, so exact p-values match SciPy to the last bits. */
function sum(a: Float64Array): number {
  return pairwiseSum(a, 0, a.length);
}

function pairwiseSum(a: Float64Array, lo: number, n: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = lo; i < lo + n; i++) {
      s += a[i];
    }
    return s;
  }
  if (n <= 128) {
    const r = [a[lo], a[lo + 1], a[lo + 2], a[lo + 3], a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) {
        r[k] += a[lo + i + k];
      }
    }
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) {
      res += a[lo + i];
    }
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, lo, n2) + pairwiseSum(a, lo + n2, n - n2);
}

/** n! correctly rounded to a double, as Python's float(math.factorial(n)) in SciPy's division. */
function factorial(n: number): number {
  let f = BigInt(1);
  for (let i = 2; i <= n; i++) {
    f *= BigInt(i);
  }
  return Number(f);
}
