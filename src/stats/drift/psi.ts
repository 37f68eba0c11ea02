/**
 * Population Stability Index.
 *
 *   PSI = sum_i (c_i - b_i) * ln(c_i / b_i)
 *
 * with c_i, b_i the current and baseline proportions in bin i (natural log). Each term is >= 0, so
 * PSI >= 0 and it is symmetric; it equals KL(c||b) + KL(b||c) when no smoothing is needed.
 *
 * Empty bins: a zero proportion (in either vector) is replaced by epsilon = 1e-4 before the log, without
 * renormalising (Evidently's rule, `evidently/.../stattests/utils.py:get_binned_data`). Identical inputs
 * still give exactly 0.
 *
 * Bins: histograms use their own buckets. Raw samples use bins cut at the baseline's quantiles
 * (default 10 bins, numpy's default "linear" quantile), bins (e_{k-1}, e_k] with e_0 = -inf, e_n = +inf,
 * so a bin is closed on its upper bound exactly like a Prometheus `le` bucket. Tied quantiles are merged,
 * so discrete data can yield fewer bins.
 *
 * Reference: Yurdakul (2018), "Statistical properties of population stability index"; bands 0.1 / 0.25
 * from credit-risk practice (see thresholds.ts).
 */
import { partialOrder } from '../util/partialOrder';
import { sortedWithoutNaN } from '../util/radixSortFloat64';
import { upperBound } from '../util/sortedSearch';
import { DEFAULT_EPSILON, fillZeros, requirePair } from './distribution';

// The rolling windows search sorted samples with these too.

export interface PsiOptions {
  /** Replacement for zero proportions (default 1e-4). */
  epsilon?: number;
}

/** PSI between two count (or proportion) vectors over identical bins. Throws on mismatched/empty input. */
export function psiFromCounts(
  current: ArrayLike<number>,
  baseline: ArrayLike<number>,
  options: PsiOptions = {}
): number {
  const eps = options.epsilon ?? DEFAULT_EPSILON;
  const { p, q } = requirePair(current, baseline);
  fillZeros(p, eps);
  fillZeros(q, eps);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    s += (p[i] - q[i]) * Math.log(p[i] / q[i]);
  }
  return s;
}

/**
 * Where numpy's default "linear" quantile (Hyndman-Fan type 7) of n ascending values reads: between
 * positions lo and hi at fraction h - lo.
 */
function quantilePosition(n: number, q: number): { lo: number; hi: number; h: number } {
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  return { lo, hi: Math.min(lo + 1, n - 1), h };
}

/** numpy.quantile with the default linear method of n ascending values, the one of rank r being at(r). */
function quantileAt(at: (r: number) => number, n: number, q: number): number {
  const { lo, hi, h } = quantilePosition(n, q);
  return at(lo) + (h - lo) * (at(hi) - at(lo));
}

/** numpy.quantile(x, q) with the default linear method (Hyndman-Fan type 7) on an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  return quantileAt((r) => sorted[r], sorted.length, q);
}

/** The ranks quantileAt reads for the interior edges k/nBins of n values. */
function edgeRanks(n: number, nBins: number): number[] {
  const ranks: number[] = [];
  for (let k = 1; k < nBins; k++) {
    const { lo, hi } = quantilePosition(n, k / nBins);
    ranks.push(lo, hi);
  }
  return ranks;
}

/** Interior edges at the quantiles k/nBins of n ascending values (the one of rank r being at(r)), ties removed. */
function quantileEdgesAt(at: (r: number) => number, n: number, nBins: number): Float64Array {
  if (n === 0) {
    throw new RangeError('quantileEdges: empty baseline');
  }
  const edges: number[] = [];
  for (let k = 1; k < nBins; k++) {
    const e = quantileAt(at, n, k / nBins);
    if (edges.length === 0 || e > edges[edges.length - 1]) {
      edges.push(e);
    }
  }
  return Float64Array.from(edges);
}

/**
 * Interior bin edges at the baseline quantiles k/nBins, k = 1..nBins-1, ties removed.
 * `sortedBaseline` must be ascending and non-empty.
 */
export function quantileEdges(sortedBaseline: ArrayLike<number>, nBins = 10): Float64Array {
  return quantileEdgesAt((r) => sortedBaseline[r], sortedBaseline.length, nBins);
}

/** Counts in bins (e_{k-1}, e_k] of `total` values, given how many are <= each edge. */
function binsFromCumulative(countAtMost: (x: number) => number, total: number, edges: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let prev = 0;
  for (let k = 0; k < edges.length; k++) {
    const upTo = countAtMost(edges[k]);
    counts[k] = upTo - prev;
    prev = upTo;
  }
  counts[edges.length] = total - prev;
  return counts;
}

/**
 * Counts of an ASCENDING sample in bins (e_{k-1}, e_k] given interior edges: O(bins * log n) by binary
 * search, which is what lets rolling PSI on samples avoid rescanning the window.
 */
export function binSortedSamples(sorted: ArrayLike<number>, edges: ArrayLike<number>): Float64Array {
  let from = 0;
  // Edges ascend, so each search starts where the previous one ended.
  return binsFromCumulative((x) => (from = upperBound(sorted, x, from)), sorted.length, edges);
}

/**
 * Counts of an unordered sample in bins (e_{k-1}, e_k], NaN skipped: a value's bin is the number of
 * edges below it, found by a binary search without branches: the edges are padded with +Infinity to
 * 2^K - 1 and every value takes the same K steps (a branching search mispredicts about every other
 * step; this is ~2x faster at 10 bins, and faster than a linear count over the edges or ternaries,
 * which V8 compiles to branches). "Below" is !(edge >= v) rather than edge < v so that a NaN edge (the
 * median of a baseline such as [-Infinity, 0]) sends values up, exactly as `binSortedSamples` does.
 */
function binSamples(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  let size = 1;
  while (size - 1 < edges.length) {
    size *= 2;
  }
  const padded = new Float64Array(size - 1).fill(Infinity);
  padded.set(edges);
  const counts = new Float64Array(size);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      continue;
    }
    let below = 0;
    for (let half = size >> 1; half > 0; half >>= 1) {
      below += +!(padded[below + half - 1] >= v) * half;
    }
    counts[below]++;
  }
  return counts.slice(0, edges.length + 1);
}

export interface SamplePsiOptions extends PsiOptions {
  /** Number of baseline-quantile bins (default 10). */
  bins?: number;
}

/**
 * The baseline's quantile edges and its counts in the bins they cut. The edges need two order
 * statistics each, and the counts follow from the number of values at or below each edge: both come
 * from a partial order (util/partialOrder.ts) without sorting the baseline, or, for a baseline it
 * cannot bucket (infinities, all values equal), from a radix-sorted copy.
 */
function baselineBins(baseline: ArrayLike<number>, nBins: number): { edges: Float64Array; counts: Float64Array } {
  const order = partialOrder(baseline, (n) => edgeRanks(n, nBins));
  if (order) {
    const edges = quantileEdgesAt((r) => order.at(r), order.size, nBins);
    return { edges, counts: binsFromCumulative((x) => order.countAtMost(x), order.size, edges) };
  }
  const sorted = sortedWithoutNaN(baseline);
  const edges = quantileEdges(sorted, nBins);
  return { edges, counts: binSortedSamples(sorted, edges) };
}

/**
 * PSI of raw samples with bins from the baseline's quantiles. Neither sample is sorted: the baseline's
 * edges and counts come from a partial order (see baselineBins), and each current value finds its bin
 * by binary search, O(n log bins).
 */
export function psiFromSamples(
  current: ArrayLike<number>,
  baseline: ArrayLike<number>,
  options: SamplePsiOptions = {}
): number {
  const { edges, counts } = baselineBins(baseline, options.bins ?? 10);
  return psiFromCounts(binSamples(current, edges), counts, options);
}
