/**
 * Scores one (current, baseline) pair with the selected methods, writing into per-method output arrays
 * at one grid index. Shared by the rolling engine so every method is computed one way only.
 */
import { chiSquared } from './chiSquared';
import { hellinger } from './hellinger';
import { jensenShannon } from './jensenShannon';
import { klDivergence } from './kl';
import { ksFromCounts, ksFromSortedSamples } from './ks';
import { binSortedSamples, psiFromCounts, quantileEdges } from './psi';
import { DriftMethod } from './thresholds';
import { totalVariation } from './totalVariation';
import {
  BucketGeometryOptions,
  populationStd,
  wasserstein1Sorted,
  wassersteinFromBuckets,
  WASSERSTEIN_STD_FLOOR,
} from './wasserstein';

export interface DriftSeriesOutput {
  scores: Partial<Record<DriftMethod, Float64Array>>;
  /** p-values of the tests (KS, chi-squared), NaN where not computable. */
  pValues: Partial<Record<'ks' | 'chiSquared', Float64Array>>;
}

export interface ScoreOptions {
  /** Zero-proportion replacement for PSI and KL (default 1e-4). */
  epsilon?: number;
  /** Baseline-quantile bins for sample PSI/KL/JS/Hellinger/TV/chi-squared (default 10). */
  bins?: number;
}

/** Allocates NaN-filled outputs for the methods. */
export function allocateOutput(methods: readonly DriftMethod[], length: number): DriftSeriesOutput {
  const out: DriftSeriesOutput = { scores: {}, pValues: {} };
  for (const m of methods) {
    out.scores[m] = new Float64Array(length).fill(NaN);
    if (m === 'ks' || m === 'chiSquared') {
      out.pValues[m] = new Float64Array(length).fill(NaN);
    }
  }
  return out;
}

/** Methods needing an order on the bins (a value axis); not defined for unordered categories. */
export const ORDERED_METHODS: ReadonlySet<DriftMethod> = new Set(['ks', 'wasserstein', 'wassersteinNormalized']);

function set(arr: Float64Array | undefined, i: number, v: number): void {
  if (arr) {
    arr[i] = v;
  }
}

/**
 * Binned scores (everything except the geometry-dependent KS/Wasserstein) for count vectors over the
 * same bins. Both vectors must have positive totals (callers check).
 */
export function scoreBinned(
  methods: readonly DriftMethod[],
  cur: Float64Array,
  base: Float64Array,
  i: number,
  out: DriftSeriesOutput,
  opts: ScoreOptions
): void {
  const s = out.scores;
  for (const m of methods) {
    switch (m) {
      case 'psi':
        s.psi![i] = psiFromCounts(cur, base, { epsilon: opts.epsilon });
        break;
      case 'kl':
        s.kl![i] = klDivergence(cur, base, { epsilon: opts.epsilon });
        break;
      case 'jsDivergence':
      case 'jsDistance': {
        const js = jensenShannon(cur, base);
        set(s.jsDivergence, i, js.divergence);
        set(s.jsDistance, i, js.distance);
        break;
      }
      case 'hellinger':
        s.hellinger![i] = hellinger(cur, base);
        break;
      case 'totalVariation':
        s.totalVariation![i] = totalVariation(cur, base);
        break;
      case 'chiSquared': {
        const r = chiSquared(cur, base);
        s.chiSquared![i] = r.statistic;
        out.pValues.chiSquared![i] = r.pValue;
        break;
      }
      default:
        break;
    }
  }
}

/** All selected methods for per-bucket histogram counts (KS/Wasserstein on bucket CDFs). */
export function scoreBuckets(
  methods: readonly DriftMethod[],
  le: ArrayLike<number>,
  cur: Float64Array,
  base: Float64Array,
  i: number,
  out: DriftSeriesOutput,
  opts: ScoreOptions & BucketGeometryOptions
): void {
  scoreBinned(methods, cur, base, i, out, opts);
  if (out.scores.ks) {
    const r = ksFromCounts(cur, base);
    out.scores.ks[i] = r.statistic;
    out.pValues.ks![i] = r.pValue;
  }
  if (out.scores.wasserstein || out.scores.wassersteinNormalized) {
    const w = wassersteinFromBuckets(le, cur, base, opts);
    set(out.scores.wasserstein, i, w.distance);
    set(out.scores.wassersteinNormalized, i, w.normalized);
  }
}

/**
 * Per-baseline precomputation for samples (quantile edges, baseline bin counts, std), so a fixed
 * baseline is prepared once and a moving one once per step.
 */
export interface SampleBaseline {
  sorted: Float64Array;
  edges: Float64Array;
  counts: Float64Array;
  std: number;
}

export function prepareSampleBaseline(sorted: Float64Array, opts: ScoreOptions): SampleBaseline {
  const edges = quantileEdges(sorted, opts.bins ?? 10);
  return { sorted, edges, counts: binSortedSamples(sorted, edges), std: populationStd(sorted) };
}

/** All selected methods for ASCENDING current samples against a prepared (non-empty) sample baseline. */
export function scoreSamples(
  methods: readonly DriftMethod[],
  cur: ArrayLike<number>,
  base: SampleBaseline,
  i: number,
  out: DriftSeriesOutput,
  opts: ScoreOptions
): void {
  scoreBinned(methods, binSortedSamples(cur, base.edges), base.counts, i, out, opts);
  if (out.scores.ks) {
    const r = ksFromSortedSamples(cur, base.sorted);
    out.scores.ks[i] = r.statistic;
    out.pValues.ks![i] = r.pValue;
  }
  if (out.scores.wasserstein || out.scores.wassersteinNormalized) {
    const w = wasserstein1Sorted(cur, base.sorted);
    set(out.scores.wasserstein, i, w);
    set(out.scores.wassersteinNormalized, i, w / Math.max(base.std, WASSERSTEIN_STD_FLOOR));
  }
}
