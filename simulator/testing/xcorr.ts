/**
 * Deliberately plain statistics for the simulator's own tests (the real engine lives in src/stats/
 * and src/drift/): Pearson correlation at a lag, partial correlation, and PSI from cumulative
 * bucket rates. Kept independent of the engine so the simulator is checked on its own terms.
 */

/** Pearson correlation of cause[t - lag] with effect[t] over the finite pairs. */
export function laggedCorrelation(cause: ArrayLike<number>, effect: ArrayLike<number>, lag: number): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let t = 0; t < effect.length; t++) {
    const s = t - lag;
    if (s < 0 || s >= cause.length) {
      continue;
    }
    const x = cause[s];
    const y = effect[t];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      continue;
    }
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  const cov = sxy - (sx * sy) / n;
  const den = Math.sqrt((sxx - (sx * sx) / n) * (syy - (sy * sy) / n));
  return den > 0 ? cov / den : 0;
}

/** Lag in [-maxLag, maxLag] with the largest |correlation|, and that correlation. */
export function peakLag(
  cause: ArrayLike<number>,
  effect: ArrayLike<number>,
  maxLag: number
): { lag: number; r: number } {
  let best = { lag: 0, r: 0 };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const r = laggedCorrelation(cause, effect, lag);
    if (Math.abs(r) > Math.abs(best.r)) {
      best = { lag, r };
    }
  }
  return best;
}

export function partialCorrelation(x: ArrayLike<number>, y: ArrayLike<number>, z: ArrayLike<number>): number {
  const rxy = laggedCorrelation(x, y, 0);
  const rxz = laggedCorrelation(x, z, 0);
  const ryz = laggedCorrelation(y, z, 0);
  return (rxy - rxz * ryz) / Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
}

export function difference(a: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: a.length }, (_, i) => (i === 0 ? NaN : a[i] - a[i - 1]));
}

/**
 * PSI per step of the bucket shares (from cumulative bucket rates, +Inf last) against the mean
 * shares over steps [baseFrom, baseTo).
 */
export function psiSeries(cumulativeRates: Float64Array[], baseFrom: number, baseTo: number): Float64Array {
  const nb = cumulativeRates.length;
  const n = cumulativeRates[0].length;
  const shares = (i: number): number[] => {
    const total = cumulativeRates[nb - 1][i];
    return cumulativeRates.map((c, b) => (c[i] - (b === 0 ? 0 : cumulativeRates[b - 1][i])) / total);
  };
  const base = new Array<number>(nb).fill(0);
  let count = 0;
  for (let i = baseFrom; i < baseTo; i++) {
    const s = shares(i);
    if (s.every(Number.isFinite)) {
      s.forEach((v, b) => (base[b] += v));
      count++;
    }
  }
  const eps = 1e-4;
  const ref = base.map((v) => Math.max(v / count, eps));
  return Float64Array.from({ length: n }, (_, i) => {
    const s = shares(i);
    if (!s.every(Number.isFinite)) {
      return NaN;
    }
    return s.reduce((acc, v, b) => {
      const p = Math.max(v, eps);
      return acc + (p - ref[b]) * Math.log(p / ref[b]);
    }, 0);
  });
}
