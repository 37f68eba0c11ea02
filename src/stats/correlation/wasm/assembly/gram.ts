// AssemblyScript source of the WebAssembly Gram kernel, compiled twice by scripts/build-wasm.ts: with
// SIMD only (../gramKernelBytes.ts) and with relaxed SIMD (../gramKernelFmaBytes.ts), where every
// multiply-add is one fused f64x2.relaxed_madd. ASC_FEATURE_RELAXED_SIMD is a compile-time constant, so
// each build holds only its own branch of `madd`, and only the second one needs relaxed SIMD to validate.
//
// The host (../../gramMatrixWasm.ts) works through time in chunks, as a BLAS matrix product does: it writes
// each row into a staging row (`standardize` centres and scales it there when the host passes raw values)
// and `packRow` spreads it into packed chunks (below), then for each chunk `gramPanel` multiplies one panel of
// four rows by every later row into the n*n (n a multiple of 4) upper triangle at `out`, storing for the
// first chunk and adding for the others; `finish` compacts and mirrors it. WHY chunks: a 500 x 10080
// matrix is 40 MB, far beyond the caches, and without chunks each panel would read it all again from
// memory; one packed chunk (about 1 MB, sized by the host) stays in the L2 cache for every panel. WHY
// packed panels: in a chunk, rows 4p..4p+3 are interleaved two time steps at a time (64 bytes per step
// pair), so the inner loop's six loads come from two pointers at fixed offsets (x64 has one index
// register per address: separate rows cost an address computation per load) and run through memory in
// order. Rows beyond the real count and an odd chunk's last step are zeros, which add exactly nothing: no
// edge code. Sums run per lane, then lane 0 + lane 1, chunk after chunk: not the JS kernel's order, so
// results differ from it by rounding only (tests hold them to 1e-12).

/** Bytes of one time-step pair of a panel: four rows x two f64. */
const PAIR: usize = 64;

/** First 16-byte aligned byte offset after the module's static data: the host places its buffers from here. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

function madd(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) {
    // Fused on x64 with FMA and on ARM64; a rounding at 1e-16 is all a platform without it changes.
    return f64x2.relaxed_madd(a, b, acc);
  }
  return f64x2.add(acc, f64x2.mul(a, b));
}

/**
 * Adds the lane sums of v0 and v1 to out[i * n + j] and out[i * n + j + 1], or stores them there for the
 * first chunk (so the host need not zero the n*n sums first: at 1000 rows that is 8 MB written for nothing).
 */
function addPair(out: usize, n: i32, i: i32, j: i32, v0: v128, v1: v128, first: bool): void {
  const at = out + ((<usize>i * n + j) << 3);
  const a = f64x2.extract_lane(v0, 0) + f64x2.extract_lane(v0, 1);
  const b = f64x2.extract_lane(v1, 0) + f64x2.extract_lane(v1, 1);
  store<f64>(at, first ? a : load<f64>(at) + a);
  store<f64>(at + 8, first ? b : load<f64>(at + 8) + b);
}

/**
 * Centres the `len` values at `row` and scales them to unit norm, in place, given their plain sum; returns
 * their sum of squared deviations. The corrected two-pass form of util/centre.ts's standardizeCompleteInto,
 * two lanes and two vectors at a time: d = x - mean, ss = sum(d^2) - (sum d)^2 / len, and each value
 * becomes (d - (sum d) / len) / sqrt(ss). WHY here: in JavaScript the two running sums wait on each other's
 * additions value by value; four partial sums in SIMD run at the speed of the cache.
 */
export function standardize(row: usize, len: i32, sum: f64): f64 {
  const mean = sum / <f64>len;
  const m = f64x2.splat(mean);
  let sd0 = f64x2.splat(0);
  let sd1 = f64x2.splat(0);
  let sq0 = f64x2.splat(0);
  let sq1 = f64x2.splat(0);
  const quads = row + ((<usize>(len & ~3)) << 3);
  const end = row + ((<usize>len) << 3);
  let p = row;
  for (; p < quads; p += 32) {
    const d0 = f64x2.sub(v128.load(p), m);
    const d1 = f64x2.sub(v128.load(p, 16), m);
    sd0 = f64x2.add(sd0, d0);
    sd1 = f64x2.add(sd1, d1);
    sq0 = f64x2.add(sq0, f64x2.mul(d0, d0));
    sq1 = f64x2.add(sq1, f64x2.mul(d1, d1));
  }
  const sdv = f64x2.add(sd0, sd1);
  const sqv = f64x2.add(sq0, sq1);
  let sd = f64x2.extract_lane(sdv, 0) + f64x2.extract_lane(sdv, 1);
  let sdd = f64x2.extract_lane(sqv, 0) + f64x2.extract_lane(sqv, 1);
  for (; p < end; p += 8) {
    const d = load<f64>(p) - mean;
    sd += d;
    sdd += d * d;
  }
  const correction = sd / <f64>len;
  const ss = sdd - sd * correction;
  const inv = 1 / Math.sqrt(ss);
  const c = f64x2.splat(correction);
  const s = f64x2.splat(inv);
  for (p = row; p < quads; p += 32) {
    v128.store(p, f64x2.mul(f64x2.sub(f64x2.sub(v128.load(p), m), c), s));
    v128.store(p, f64x2.mul(f64x2.sub(f64x2.sub(v128.load(p, 16), m), c), s), 16);
  }
  for (; p < end; p += 8) {
    store<f64>(p, (load<f64>(p) - mean - correction) * inv);
  }
  return ss;
}

/**
 * Row i's `len` values at `row` into the packed chunks from `packed` (n rows; chunks of `chunk` steps, an
 * even number, the last one possibly shorter): in each chunk, panel i / 4 holds two time steps per 64 bytes,
 * the row at place i % 4 among the four; the missing partner of an odd last step is a zero.
 */
export function packRow(row: usize, i: i32, n: i32, len: i32, chunk: i32, packed: usize): void {
  const lane = (<usize>(i & 3)) << 4;
  const panel = <usize>(i >> 2);
  let base = packed;
  let src = row;
  for (let t0 = 0; t0 < len; t0 += chunk) {
    const steps = min(len - t0, chunk);
    const pairs = <usize>((steps + 1) >> 1);
    let dst = base + panel * pairs * PAIR + lane;
    const end = src + ((<usize>(steps & ~1)) << 3);
    for (; src < end; src += 16, dst += PAIR) {
      v128.store(dst, v128.load(src));
    }
    if ((steps & 1) != 0) {
      v128.store(dst, f64x2.replace_lane(f64x2.splat(0), 0, load<f64>(src)));
      src += 8;
    }
    base += (<usize>n * chunk) << 3;
  }
}

/**
 * Panel p (rows 4p..4p+3) against rows 4p..n-1 over one packed chunk of `pairs` time-step pairs, added into
 * out[i * n + j] (stored there when `first`: the first chunk). A 4x2 block of f64x2 accumulators: eight multiply-adds per six loads, and eight independent
 * sums, enough to cover the four-cycle latency of two multiply-adds per cycle.
 */
export function gramPanel(packed: usize, n: i32, pairs: i32, out: usize, p: i32, first: bool): void {
  const panelBytes = <usize>pairs * PAIR;
  const a = packed + <usize>p * panelBytes;
  const end = a + panelBytes;
  const i0 = p << 2;
  for (let j = i0; j < n; j += 2) {
    // Rows j, j+1 are the first or second half of panel j / 4.
    let b = packed + <usize>(j >> 2) * panelBytes + ((<usize>(j & 2)) << 4);
    let s00 = f64x2.splat(0);
    let s01 = f64x2.splat(0);
    let s10 = f64x2.splat(0);
    let s11 = f64x2.splat(0);
    let s20 = f64x2.splat(0);
    let s21 = f64x2.splat(0);
    let s30 = f64x2.splat(0);
    let s31 = f64x2.splat(0);
    for (let x = a; x < end; x += PAIR, b += PAIR) {
      const y0 = v128.load(b);
      const y1 = v128.load(b, 16);
      const x0 = v128.load(x);
      s00 = madd(x0, y0, s00);
      s01 = madd(x0, y1, s01);
      const x1 = v128.load(x, 16);
      s10 = madd(x1, y0, s10);
      s11 = madd(x1, y1, s11);
      const x2 = v128.load(x, 32);
      s20 = madd(x2, y0, s20);
      s21 = madd(x2, y1, s21);
      const x3 = v128.load(x, 48);
      s30 = madd(x3, y0, s30);
      s31 = madd(x3, y1, s31);
    }
    addPair(out, n, i0, j, s00, s01, first);
    addPair(out, n, i0 + 1, j, s10, s11, first);
    addPair(out, n, i0 + 2, j, s20, s21, first);
    addPair(out, n, i0 + 3, j, s30, s31, first);
  }
}

/**
 * Turns the n*n upper triangle at out into the rows*rows symmetric matrix, in place from out. Row i's
 * new place ends before row i+1's old one starts, and its lower half copies rows already finished; the
 * copy makes G[i][j] and G[j][i] bitwise equal. With `unit` (rows of unit norm: G is Pearson's r) the
 * diagonal is exactly 1 and every other value is clamped to [-1, 1], which rounding can pass by an ulp.
 */
export function finish(out: usize, rows: i32, n: i32, unit: bool): void {
  for (let i = 0; i < rows; i++) {
    const from = out + ((<usize>i * n) << 3);
    const to = out + ((<usize>i * rows) << 3);
    if (unit) {
      store<f64>(to + ((<usize>i) << 3), 1);
      for (let j = i + 1; j < rows; j++) {
        store<f64>(to + ((<usize>j) << 3), min<f64>(1, max<f64>(-1, load<f64>(from + ((<usize>j) << 3)))));
      }
    } else {
      for (let j = i; j < rows; j++) {
        store<f64>(to + ((<usize>j) << 3), load<f64>(from + ((<usize>j) << 3)));
      }
    }
    for (let j = 0; j < i; j++) {
      store<f64>(to + ((<usize>j) << 3), load<f64>(out + ((<usize>j * rows + i) << 3)));
    }
  }
}

// Lagged sums S(k) = sum_t a[t] b[t+k] (lags/lagSumsWasm.ts is the host), in lagSums.ts: the
// autocovariance kernel sums a series' lags with the same code.
export { lagSums } from './lagSums';
