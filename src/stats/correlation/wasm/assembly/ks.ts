// AssemblyScript source of the WebAssembly KS kernel, compiled by scripts/build-wasm.ts into
// ../ksKernelBytes.ts. Its host is significance/ksDistance.ts, which owns the layout and falls back to its
// JavaScript search whenever this kernel answers NaN.
//
// It computes the exact two-sample Kolmogorov-Smirnov D of two unsorted samples by ksDistance.ts's bucket
// search (see there for why the bounds hold): the values are counted into buckets spread evenly between the
// smallest and the largest, the gap at every bucket end is the gap of the sorted merge there, and only the
// buckets whose ends bound a larger gap are sorted and walked. The gaps are the same doubles as
// drift/ks.ts's ksMergeGap: |(i/n) - (j/m)| in IEEE division and subtraction. WHY a kernel: a compare
// tests the values and the first differences of every signal, and counting 2,880 values into buckets and
// walking them cost JavaScript about 20 us per test, a tenth of a compare.
//
// Unlike the JavaScript search, the kernel does not spread a crowded bucket over buckets again: a bucket
// to sort that holds more than SMALL values (an outlier squeezed the rest together, or many ties) makes it
// answer NaN, and the host searches in JavaScript.
//
// windowStats (host: compare/windowPair.ts) sums and differences a window that lies in this memory for
// its tests, so a compare copies each signal's two windows in once.
//
// Layout (byte offsets chosen by the host, 16-byte aligned): a (n f64), b (m f64), then the work area:
// counts and heads (2 * buckets i32 each, slot 2k + side), next (n + m i32), found (3 * buckets i32),
// and two sort buffers of SMALL f64.

/** Values per bucket on average (VALUES_PER_BUCKET in ksDistance.ts). */
const PER_BUCKET: i32 = 8;
/** Most values of one bucket (both samples) the kernel sorts (SMALL_BUCKET in ksDistance.ts). */
const SMALL: i32 = 48;

/** First 16-byte aligned byte offset after the module's static data: the host places its buffers from here. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

/** Buckets for n + m values. */
function bucketsFor(n: i32, m: i32): i32 {
  return (n + m + PER_BUCKET - 1) / PER_BUCKET;
}

/** Bytes of work area after a and b. */
export function workBytes(n: i32, m: i32): i32 {
  const buckets = bucketsFor(n, m);
  return 4 * (4 * buckets + n + m + 3 * buckets) + 16 + 2 * 8 * SMALL;
}

/**
 * D of a[0, n) and b[0, m) (n, m >= 1, finite values), whose smallest and largest values together are lo
 * and hi; NaN where the kernel leaves the search to the host (see above).
 */
export function ksDistance(a: usize, n: i32, b: usize, m: i32, lo: f64, hi: f64, work: usize): f64 {
  if (lo == hi) {
    // All values equal: the only point is the end, where both CDFs are 1.
    return 0;
  }
  const buckets = bucketsFor(n, m);
  const scale = <f64>(buckets - 1) / (hi - lo);
  if (!isFinite(hi - lo) || !isFinite(scale)) {
    return NaN;
  }
  const counts = work;
  const heads = counts + ((<usize>(2 * buckets)) << 2);
  const nextA = heads + ((<usize>(2 * buckets)) << 2);
  const nextB = nextA + ((<usize>n) << 2);
  const found = nextB + ((<usize>m) << 2);
  const sortA = (found + ((<usize>(3 * buckets)) << 2) + 15) & ~15;
  const sortB = sortA + ((<usize>SMALL) << 3);
  memory.fill(counts, 0, (<usize>(2 * buckets)) << 2);
  // Each value's bucket first, into `next` (each is read there just before its link overwrites it).
  bucketsOf(a, n, lo, scale, buckets, nextA);
  bucketsOf(b, m, lo, scale, buckets, nextB);
  // Both samples in one loop while both have values: their slots differ (side 0 and 1), so the two
  // count-and-chain updates do not wait on each other when a series stays in one bucket for a while.
  const both = min<i32>(n, m);
  for (let i = 0; i < both; i++) {
    linkValue(i, 0, counts, heads, nextA);
    linkValue(i, 1, counts, heads, nextB);
  }
  for (let i = both; i < n; i++) {
    linkValue(i, 0, counts, heads, nextA);
  }
  for (let i = both; i < m; i++) {
    linkValue(i, 1, counts, heads, nextB);
  }

  const fn = <f64>n;
  const fm = <f64>m;
  let d: f64 = 0;
  let i = 0;
  let j = 0;
  let fa: f64 = 0;
  let fb: f64 = 0;
  let candidates = 0;
  for (let k = 0; k < buckets; k++) {
    const x = load<i32>(counts + ((<usize>(2 * k)) << 2));
    const y = load<i32>(counts + ((<usize>(2 * k + 1)) << 2));
    const fa1 = <f64>(i + x) / fn;
    const fb1 = <f64>(j + y) / fm;
    d = larger(d, abs<f64>(fa1 - fb1));
    // A bucket with one sample's values only moves the gap one way: its ends bound it.
    if (x != 0 && y != 0 && larger(abs<f64>(fa1 - fb), abs<f64>(fa - fb1)) > d) {
      const at = found + ((<usize>(3 * candidates)) << 2);
      store<i32>(at, k);
      store<i32>(at, i, 4);
      store<i32>(at, j, 8);
      candidates++;
    }
    i += x;
    j += y;
    fa = fa1;
    fb = fb1;
  }

  // Sort and walk the buckets whose bound still beats the best gap (d only grows, so fewer do).
  for (let c = 0; c < candidates; c++) {
    const at = found + ((<usize>(3 * c)) << 2);
    const k = load<i32>(at);
    const ik = load<i32>(at, 4);
    const jk = load<i32>(at, 8);
    const x = load<i32>(counts + ((<usize>(2 * k)) << 2));
    const y = load<i32>(counts + ((<usize>(2 * k + 1)) << 2));
    if (larger(abs<f64>(<f64>(ik + x) / fn - <f64>jk / fm), abs<f64>(<f64>ik / fn - <f64>(jk + y) / fm)) > d) {
      if (x + y > SMALL) {
        return NaN;
      }
      gatherSorted(a, load<i32>(heads + ((<usize>(2 * k)) << 2)), nextA, x, sortA);
      gatherSorted(b, load<i32>(heads + ((<usize>(2 * k + 1)) << 2)), nextB, y, sortB);
      d = mergeGap(sortA, x, sortB, y, ik, jk, fn, fm, d);
    }
  }
  return d;
}

/** 1.5 * 2^52: a double in [MAGIC - 2^51, MAGIC + 2^51) holds an integer, its offset from MAGIC, in its low bits. */
const MAGIC: f64 = 6755399441055744;

/**
 * The bucket of each value of x[0, n) into out[i] (i32): (v - lo) * scale rounded to the nearest integer,
 * within [0, buckets - 1] for every value in [lo, hi] (ksDistance.ts: the product is at most
 * (buckets - 1)(1 + 2^-52)^2, which rounds to buckets - 1); clamped all the same, so that no input can
 * reach outside the work area. Rounding is monotone under correct rounding, so a bucket's values all lie
 * below the next bucket's, and equal values share one. WHY rounding by adding MAGIC rather than a
 * conversion to an integer: two values per instruction, and no conversion, whose range checks cost more
 * than the arithmetic; the first and last buckets are then half as wide, which changes no gap.
 */
function bucketsOf(x: usize, n: i32, lo: f64, scale: f64, buckets: i32, out: usize): void {
  const from = f64x2.splat(lo);
  const by = f64x2.splat(scale);
  const magic = f64x2.splat(MAGIC);
  const first = i32x4.splat(0);
  const last = i32x4.splat(buckets - 1);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const f = f64x2.add(f64x2.mul(f64x2.sub(v128.load(x + ((<usize>i) << 3)), from), by), magic);
    // The low 32 bits of each lane (lanes 0 and 2 of four i32) hold the two buckets.
    const k = i32x4.min_s(i32x4.max_s(v128.shuffle<i32>(f, f, 0, 2, 0, 2), first), last);
    store<i64>(out + ((<usize>i) << 2), i64x2.extract_lane(k, 0));
  }
  if (i < n) {
    const f = f64x2.add(f64x2.mul(f64x2.sub(f64x2.splat(load<f64>(x + ((<usize>i) << 3))), from), by), magic);
    const k = i32x4.min_s(i32x4.max_s(v128.shuffle<i32>(f, f, 0, 2, 0, 2), first), last);
    store<i32>(out + ((<usize>i) << 2), i32x4.extract_lane(k, 0));
  }
}

/**
 * Counts value i of a sample (`side`) into its bucket, which `next[i]` holds (bucketsOf), in slot
 * 2k + side, and chains it to the bucket's values (heads: the last index of each slot; next: the index
 * before each one, overwriting the bucket), so that the few buckets to sort can be gathered without
 * another pass over every value.
 */
function linkValue(i: i32, side: i32, counts: usize, heads: usize, next: usize): void {
  const at = next + ((<usize>i) << 2);
  const slot = (<usize>(2 * load<i32>(at) + side)) << 2;
  store<i32>(counts + slot, load<i32>(counts + slot) + 1);
  store<i32>(at, load<i32>(heads + slot));
  store<i32>(heads + slot, i);
}

/**
 * The larger of two gaps. WHY not max<f64>: f64.max follows IEEE for NaN and the sign of zero, which V8
 * spells out in several instructions on x64; gaps are never NaN and never -0 (they are absolute values),
 * so a comparison gives the same double.
 */
function larger(a: f64, b: f64): f64 {
  return a > b ? a : b;
}

/** The count values of a bucket, from its last index `at` back along `next`, into out[0, count), ascending. */
function gatherSorted(x: usize, at: i32, next: usize, count: i32, out: usize): void {
  for (let p = count - 1; p >= 0; p--) {
    store<f64>(out + ((<usize>p) << 3), load<f64>(x + ((<usize>at) << 3)));
    at = load<i32>(next + ((<usize>at) << 2));
  }
  // Insertion sort: a bucket holds a few values, already in order where the series is monotone.
  for (let p = 1; p < count; p++) {
    const v = load<f64>(out + ((<usize>p) << 3));
    let q = p - 1;
    while (q >= 0 && load<f64>(out + ((<usize>q) << 3)) > v) {
      store<f64>(out + ((<usize>(q + 1)) << 3), load<f64>(out + ((<usize>q) << 3)));
      q--;
    }
    store<f64>(out + ((<usize>(q + 1)) << 3), v);
  }
}

/** drift/ks.ts's ksMergeGap over the ascending a[0, na) and b[0, nb), i0 and j0 values below them. */
function mergeGap(a: usize, na: i32, b: usize, nb: i32, i0: i32, j0: i32, n: f64, m: f64, floor: f64): f64 {
  let i = 0;
  let j = 0;
  let d = floor;
  while (i < na && j < nb) {
    // Step past every copy of the smaller value on both sides so ties are compared after the jump.
    const ai = load<f64>(a + ((<usize>i) << 3));
    const bj = load<f64>(b + ((<usize>j) << 3));
    const v = ai <= bj ? ai : bj;
    while (i < na && load<f64>(a + ((<usize>i) << 3)) <= v) {
      i++;
    }
    while (j < nb && load<f64>(b + ((<usize>j) << 3)) <= v) {
      j++;
    }
    d = larger(d, abs<f64>(<f64>(i0 + i) / n - <f64>(j0 + j) / m));
  }
  return d;
}

/**
 * What a KS test needs of one window with no missing value (compare/windowPair.ts is the host), the same
 * doubles as compare/windowSample.ts's JavaScript: the first differences x[t+1] - x[t] into `diffs`, and
 * at `out` the sum, the smallest and largest value, the sum of squared deviations about sum / n, and the
 * smallest and largest difference. The sums take the JavaScript's lanes: t mod 4, combined as
 * (l0 + l1) + (l2 + l3), the last n mod 4 values added after (the sum) or into lane 0 before (the
 * squares). Returns 0 when the sum is not finite (a value is missing or infinite, or the sum overflows):
 * the host then walks in JavaScript. WHY here: the windows are in the kernel's memory for the tests
 * anyway, and three walks over each in JavaScript cost more than the copies.
 */
export function windowStats(x: usize, n: i32, diffs: usize, out: usize): i32 {
  const end = x + ((<usize>(n & ~3)) << 3);
  let s01 = f64x2.splat(0);
  let s23 = f64x2.splat(0);
  let lo = f64x2.splat(Infinity);
  let hi = f64x2.splat(-Infinity);
  for (let p = x; p < end; p += 32) {
    const a = v128.load(p);
    const b = v128.load(p, 16);
    s01 = f64x2.add(s01, a);
    s23 = f64x2.add(s23, b);
    lo = f64x2.pmin(lo, f64x2.pmin(a, b));
    hi = f64x2.pmax(hi, f64x2.pmax(a, b));
  }
  let sum = f64x2.extract_lane(s01, 0) + f64x2.extract_lane(s01, 1);
  sum += f64x2.extract_lane(s23, 0) + f64x2.extract_lane(s23, 1);
  // pmin and pmax: see zeroAsMath.
  let smallest = min<f64>(f64x2.extract_lane(lo, 0), f64x2.extract_lane(lo, 1));
  let largest = max<f64>(f64x2.extract_lane(hi, 0), f64x2.extract_lane(hi, 1));
  for (let t = n & ~3; t < n; t++) {
    const v = load<f64>(x + ((<usize>t) << 3));
    sum += v;
    smallest = min<f64>(smallest, v);
    largest = max<f64>(largest, v);
  }
  if (!isFinite(sum)) {
    return 0;
  }
  const mean = f64x2.splat(sum / <f64>n);
  s01 = f64x2.splat(0);
  s23 = f64x2.splat(0);
  for (let p = x; p < end; p += 32) {
    const a = f64x2.sub(v128.load(p), mean);
    const b = f64x2.sub(v128.load(p, 16), mean);
    s01 = f64x2.add(s01, f64x2.mul(a, a));
    s23 = f64x2.add(s23, f64x2.mul(b, b));
  }
  let lane0 = f64x2.extract_lane(s01, 0);
  for (let t = n & ~3; t < n; t++) {
    const d = load<f64>(x + ((<usize>t) << 3)) - f64x2.extract_lane(mean, 0);
    lane0 += d * d;
  }
  const squares = lane0 + f64x2.extract_lane(s01, 1) + (f64x2.extract_lane(s23, 0) + f64x2.extract_lane(s23, 1));
  // Differences two at a time (an unaligned load one value on), then the odd one out.
  let dLo = f64x2.splat(Infinity);
  let dHi = f64x2.splat(-Infinity);
  let t = 0;
  for (; t + 2 < n; t += 2) {
    const at = (<usize>t) << 3;
    const d = f64x2.sub(v128.load(x + at, 8), v128.load(x + at));
    v128.store(diffs + at, d);
    dLo = f64x2.pmin(dLo, d);
    dHi = f64x2.pmax(dHi, d);
  }
  let dMin = min<f64>(f64x2.extract_lane(dLo, 0), f64x2.extract_lane(dLo, 1));
  let dMax = max<f64>(f64x2.extract_lane(dHi, 0), f64x2.extract_lane(dHi, 1));
  for (; t + 1 < n; t++) {
    const d = load<f64>(x + ((<usize>(t + 1)) << 3)) - load<f64>(x + ((<usize>t) << 3));
    store<f64>(diffs + ((<usize>t) << 3), d);
    dMin = min<f64>(dMin, d);
    dMax = max<f64>(dMax, d);
  }
  store<f64>(out, sum);
  store<f64>(out, zeroAsMath(smallest, x, n, true), 8);
  store<f64>(out, zeroAsMath(largest, x, n, false), 16);
  store<f64>(out, squares, 24);
  store<f64>(out, zeroAsMath(dMin, diffs, n - 1, true), 32);
  store<f64>(out, zeroAsMath(dMax, diffs, n - 1, false), 40);
  return 1;
}

/**
 * An extreme found by pmin or pmax, with the sign Math.min or Math.max gives a zero extreme. WHY: f64x2.min
 * and max follow IEEE to the sign of zero, which costs V8 several instructions per lane on x64 and made
 * these walks slower than JavaScript's; pmin and pmax are one instruction each and agree except that a zero
 * extreme keeps whichever zero came first. Math.min prefers -0 and Math.max +0, so a zero extreme is
 * settled by looking for such a zero among the n values at p (a rare walk: only when an extreme is zero).
 */
function zeroAsMath(extreme: f64, p: usize, n: i32, smallest: bool): f64 {
  if (extreme != 0) {
    return extreme;
  }
  for (let t = 0; t < n; t++) {
    const v = load<f64>(p + ((<usize>t) << 3));
    if (v == 0 && (reinterpret<u64>(v) >> 63 != 0) == smallest) {
      return v;
    }
  }
  return extreme;
}
