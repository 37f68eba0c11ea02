import { aligned, float64View, growMemory } from '../correlation/wasm/kernelModule';
import { ksKernel, type KsExports } from '../correlation/wasm/ksKernel';
import { ksMergeGap, ksStatisticSorted } from '../drift/ks';

/**
 * Values per bucket on average. WHY 8: the walk over the buckets stays short (360 for two windows of
 * 1,440 points) and the bound of each bucket (GapSearch.maxGap) still rules out all but a few; 4, 6,
 * 12 and 16 measured no faster on AR(1) windows.
 */
const VALUES_PER_BUCKET = 8;
/** Largest bucket (values of both samples) sorted by insertion rather than bucketed again. */
const SMALL_BUCKET = 48;
/** Bucketing levels before a crowded bucket is left to the native sort (bounds the work on any input). */
const MAX_DEPTH = 3;

/**
 * Exact two-sample Kolmogorov–Smirnov statistic D = sup_x |F_a(x) − F_b(x)| of two samples of finite
 * values in any order: the same double as ksStatisticSorted (drift/ks.ts) on the sorted samples. NaN
 * when a sample is empty. `bounds` may give the smallest and largest value of both samples together
 * (a compare's window samples know theirs), saving a pass over both.
 *
 * WHY: a compare tests every signal's values and first differences (two KS tests per signal), and
 * sorting both windows (natively, or jointly by buckets) was the largest single cost of a compare. Here
 * neither sample is sorted: each sample's values are counted into buckets spread evenly between the
 * minimum and the maximum. D is the largest gap |i/n − j/m| over the points just after each distinct
 * value, where i and j count each sample's values up to that point. Bucket ends are such points (equal
 * values share a bucket), and a bucket's count of each sample bounds the gap inside it, so only the few
 * buckets whose bound beats the best end are sorted and walked, as the sorted merge walks them.
 */
export function ksDistance(a: Float64Array, b: Float64Array, bounds: [number, number] | null = null): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    return NaN;
  }
  const [lo, hi] = bounds ?? range(b, m, range(a, n, [a[0], a[0]]));
  return orSearch(ksDistanceKernel(a, b, lo, hi), a, b, lo, hi);
}

/**
 * ksDistance of a and b that lie in the KS kernel's memory already, at byte offsets aAt and bAt with its
 * work area at `work` (compare/windowPair.ts puts both windows there), by the kernel or the search.
 */
export function ksDistanceInKernel(
  kernel: KsExports,
  at: { a: number; b: number; work: number },
  a: Float64Array,
  b: Float64Array,
  lo: number,
  hi: number
): number {
  return orSearch(kernel.ksDistance(at.a, a.length, at.b, b.length, lo, hi, at.work), a, b, lo, hi);
}

/** The kernel's D, or the JavaScript search where it answered NaN: the one place for that rule. */
function orSearch(d: number, a: Float64Array, b: Float64Array, lo: number, hi: number): number {
  return Number.isNaN(d) ? ksDistanceSearch(a, b, lo, hi) : d;
}

/**
 * ksDistance by the search in JavaScript below, given the smallest and largest value of both samples:
 * where the WebAssembly kernel (correlation/wasm/assembly/ks.ts, the same search without nested levels)
 * cannot run, or leaves a sample to it (a crowded bucket, an infinite range).
 */
export function ksDistanceSearch(a: Float64Array, b: Float64Array, lo: number, hi: number): number {
  const d = new GapSearch(a.length, b.length).maxGap(a, a.length, b, b.length, 0, 0, 0, 0, [lo, hi]);
  return Number.isNaN(d) ? ksStatisticSorted(a.slice().sort(), b.slice().sort()) : d;
}

/**
 * D by the WebAssembly kernel, the samples copied into its memory; NaN where there is no kernel or it
 * leaves the search to JavaScript.
 */
export function ksDistanceKernel(a: Float64Array, b: Float64Array, lo: number, hi: number): number {
  const kernel = ksKernel();
  if (!kernel) {
    return NaN;
  }
  const aAt = aligned(kernel.heapBase());
  const bAt = aligned(aAt + 8 * a.length);
  const work = aligned(bAt + 8 * b.length);
  if (!growMemory(kernel.memory, work + kernel.workBytes(a.length, b.length))) {
    return NaN;
  }
  const mem = float64View(kernel.memory);
  mem.set(a, aAt / 8);
  mem.set(b, bAt / 8);
  return kernel.ksDistance(aAt, a.length, bAt, b.length, lo, hi, work);
}

/**
 * The search for D in two samples of n and m values. The gap at counts (i, j) of the two whole samples
 * is evaluated as ksStatisticSorted does, |fl(fl(i/n) − fl(j/m))|, and every rounding step there is
 * monotone in i and in j: inside a bucket holding x values of a and y of b after (i, j), the signed
 * difference lies between its values at (i, j + y) and (i + x, j), so the gap is at most the larger
 * gap of those two corners. A bucket whose corners do not beat the largest gap found so far holds no
 * larger gap, and need not be sorted.
 */
class GapSearch {
  constructor(
    private readonly n: number,
    private readonly m: number
  ) {}

  /**
   * The largest gap (or `floor`, if larger) over the points after each distinct value of the pooled
   * a[0, na) and b[0, nb); i0 and j0 count the values of the two whole samples below these (a bucket of
   * the level above). NaN when the values cannot be spread over buckets (an infinite range or a scale
   * that overflows). `bounds`: the smallest and largest of both samples, when the caller knows them.
   */
  maxGap(
    a: Float64Array,
    na: number,
    b: Float64Array,
    nb: number,
    i0: number,
    j0: number,
    depth: number,
    floor: number,
    bounds: [number, number] | null
  ): number {
    const [min, max] = bounds ?? range(b, nb, range(a, na, [a[0], a[0]]));
    if (min === max) {
      // All values equal: the only point is the end, which the caller weighs.
      return floor;
    }
    const buckets = Math.ceil((na + nb) / VALUES_PER_BUCKET);
    // (v − min)·scale < buckets for every v ≤ max: the product rounds to at most (buckets − 1)(1 + 2⁻⁵²)².
    const scale = (buckets - 1) / (max - min);
    if (!Number.isFinite(max - min) || !Number.isFinite(scale)) {
      return NaN;
    }
    const level = Level.at(depth, buckets, na, nb);
    level.counts.fill(0, 0, 2 * buckets);
    level.link(a, na, 0, min, scale);
    level.link(b, nb, 1, min, scale);
    const { counts, found } = level;
    const { n, m } = this;

    // Walk the buckets: the gap at every bucket end, and the buckets that may hide a larger one.
    let d = floor;
    let i = i0;
    let j = j0;
    let fa = i / n;
    let fb = j / m;
    let candidates = 0;
    for (let k = 0; k < buckets; k++) {
      const x = counts[2 * k];
      const y = counts[2 * k + 1];
      const fa1 = (i + x) / n;
      const fb1 = (j + y) / m;
      d = Math.max(d, Math.abs(fa1 - fb1));
      // A bucket with one sample's values only moves the gap one way: its ends bound it.
      if (x !== 0 && y !== 0 && Math.max(Math.abs(fa1 - fb), Math.abs(fa - fb1)) > d) {
        found[3 * candidates] = k;
        found[3 * candidates + 1] = i;
        found[3 * candidates + 2] = j;
        candidates++;
      }
      i += x;
      j += y;
      fa = fa1;
      fb = fb1;
    }

    // Sort and walk the buckets whose bound still beats the best gap (d only grows, so fewer do).
    for (let c = 0; c < candidates; c++) {
      const k = found[3 * c];
      const ik = found[3 * c + 1];
      const jk = found[3 * c + 2];
      const x = counts[2 * k];
      const y = counts[2 * k + 1];
      if (Math.max(Math.abs((ik + x) / n - jk / m), Math.abs(ik / n - (jk + y) / m)) > d) {
        level.gather(a, 0, k, x);
        level.gather(b, 1, k, y);
        // A crowded bucket (an outlier squeezed the rest into a few buckets, or many ties): spread it again.
        const nested =
          x + y > SMALL_BUCKET && depth + 1 < MAX_DEPTH
            ? this.maxGap(level.values[0], x, level.values[1], y, ik, jk, depth + 1, d, null)
            : NaN;
        d = Number.isNaN(nested) ? this.sortedMaxGap(level, x, y, ik, jk, d) : nested;
      }
    }
    return d;
  }

  /** maxGap of the bucket gathered in level (x values of a, y of b), sorted here and merged as ksStatisticSorted merges. */
  private sortedMaxGap(level: Level, x: number, y: number, i0: number, j0: number, floor: number): number {
    const [sa, sb] = level.values;
    sortFront(sa, x);
    sortFront(sb, y);
    return ksMergeGap(sa, x, sb, y, i0, j0, this.n, this.m, floor);
  }
}

/** [min, max] of x[0, count) and the range given (Math.min/max: no branch to mispredict, faster here). */
function range(x: Float64Array, count: number, [min, max]: [number, number]): [number, number] {
  for (let i = 0; i < count; i++) {
    min = Math.min(min, x[i]);
    max = Math.max(max, x[i]);
  }
  return [min, max];
}

/**
 * Sorts x[0, count) ascending in place: insertion sort while short (a bucket's values, already in order
 * where the series is monotone), the native sort otherwise.
 */
function sortFront(x: Float64Array, count: number): void {
  if (count > SMALL_BUCKET) {
    x.subarray(0, count).sort();
    return;
  }
  for (let p = 1; p < count; p++) {
    const v = x[p];
    let q = p - 1;
    while (q >= 0 && x[q] > v) {
      x[q + 1] = x[q];
      q--;
    }
    x[q + 1] = v;
  }
}

/**
 * Working buffers of one bucketing level, kept between calls: a compare runs two tests per signal on
 * windows of about one length, and allocating typed arrays (each a backing store of its own) cost as
 * much as filling them. WHY lengths beside the buffers rather than subarray views: a view is an object,
 * and allocating one per small bucket cost more than sorting it.
 */
class Level {
  private static levels: Level[] = [];

  /** Values of side 0 (a) and 1 (b) in bucket k, at 2k + side. */
  readonly counts: Int32Array;
  /** Index of the last value of each slot; read only where counts shows it was written in this call. */
  private readonly heads: Int32Array;
  /** Buckets to sort: bucket, then the values of a and of b below it. */
  readonly found: Int32Array;
  /** Index of the value before each one in its bucket, for each side. */
  private readonly next: [Int32Array, Int32Array];
  /** One bucket's values of each side, gathered for sorting. */
  readonly values: [Float64Array, Float64Array];

  private constructor(buckets: number, n: number, m: number) {
    this.counts = new Int32Array(2 * buckets);
    this.heads = new Int32Array(2 * buckets);
    this.found = new Int32Array(3 * buckets);
    this.next = [new Int32Array(n), new Int32Array(m)];
    this.values = [new Float64Array(n), new Float64Array(m)];
  }

  /** The buffers of level `depth`, grown (never shrunk: the next call may need them again) to fit. */
  static at(depth: number, buckets: number, n: number, m: number): Level {
    const had = Level.levels[depth];
    if (had && had.found.length >= 3 * buckets && had.next[0].length >= n && had.next[1].length >= m) {
      return had;
    }
    const level = had
      ? new Level(
          Math.max(buckets, had.found.length / 3),
          Math.max(n, had.next[0].length),
          Math.max(m, had.next[1].length)
        )
      : new Level(buckets, n, m);
    Level.levels[depth] = level;
    return level;
  }

  /**
   * Counts the values of x[0, count) into their buckets (slot 2k + side) and chains each bucket's values
   * so that the few buckets to sort can be gathered without another pass over all values. Bucketing is
   * monotone in v under correct rounding, so a bucket's values all lie below the next bucket's.
   */
  link(x: Float64Array, count: number, side: 0 | 1, min: number, scale: number): void {
    const { counts, heads } = this;
    const next = this.next[side];
    for (let i = 0; i < count; i++) {
      const slot = 2 * (((x[i] - min) * scale) | 0) + side;
      counts[slot]++;
      next[i] = heads[slot];
      heads[slot] = i;
    }
  }

  /** Copies the count values of side's bucket k to values[side][0, count), in x's order (the chain runs backwards). */
  gather(x: Float64Array, side: 0 | 1, k: number, count: number): void {
    const next = this.next[side];
    const out = this.values[side];
    let at = this.heads[2 * k + side];
    for (let p = count - 1; p >= 0; p--) {
      out[p] = x[at];
      at = next[at];
    }
  }
}
