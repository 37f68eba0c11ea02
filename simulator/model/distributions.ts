/** Bucket probabilities of the distributions behind the histograms. */
import { normalCdf } from '../math';
import type { FeatureDist } from './config';

/** CDF of a feature distribution at x. */
export function featureCdf(d: FeatureDist, x: number): number {
  if (d.kind === 'lognormal') {
    return x <= 0 ? 0 : normalCdf((Math.log(x) - d.location) / d.scale);
  }
  return normalCdf((x - d.location) / d.scale);
}

/**
 * Probability of each bucket (non-cumulative; last entry = above the last bound) from a CDF.
 * `bounds` are Prometheus `le` bounds, so a value equal to the bound counts in that bucket.
 */
export function bucketProbs(cdf: (x: number) => number, bounds: readonly number[]): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const b of bounds) {
    const c = Math.min(1, Math.max(prev, cdf(b)));
    out.push(c - prev);
    prev = c;
  }
  out.push(1 - prev);
  return out;
}

/** Mixture of bucket-probability vectors with weights summing to 1. */
export function mixProbs(parts: Array<[number, readonly number[]]>): number[] {
  const n = parts[0][1].length;
  const out = new Array<number>(n).fill(0);
  for (const [w, p] of parts) {
    if (w <= 0) {
      continue;
    }
    for (let i = 0; i < n; i++) {
      out[i] += w * p[i];
    }
  }
  return out;
}

/** One-hot bucket vector for a point mass at `value` (imputed defaults). */
export function pointMassProbs(value: number, bounds: readonly number[]): number[] {
  const out = new Array<number>(bounds.length + 1).fill(0);
  const i = bounds.findIndex((b) => value <= b);
  out[i === -1 ? bounds.length : i] = 1;
  return out;
}

/** Log-normal with a given *mean* (latency is specified by its mean, which rate(sum)/rate(count) measures). */
export function lognormalFromMean(mean: number, sigma: number): FeatureDist {
  return { kind: 'lognormal', location: Math.log(mean) - (sigma * sigma) / 2, scale: sigma };
}

/** Logit-normal prediction scores: P(score <= x) for logit(score) ~ N(mu, sigma). */
export function logitNormalCdf(mu: number, sigma: number, x: number): number {
  if (x <= 0) {
    return 0;
  }
  if (x >= 1) {
    return 1;
  }
  return normalCdf((Math.log(x / (1 - x)) - mu) / sigma);
}

/** Mean of a logit-normal (for the histogram _sum); Gauss-Hermite would be overkill, 32-point midpoint rule. */
export function logitNormalMean(mu: number, sigma: number): number {
  let acc = 0;
  let wsum = 0;
  for (let i = 0; i < 32; i++) {
    const z = -4 + (8 * (i + 0.5)) / 32;
    const w = Math.exp(-0.5 * z * z);
    acc += w / (1 + Math.exp(-(mu + sigma * z)));
    wsum += w;
  }
  return acc / wsum;
}
