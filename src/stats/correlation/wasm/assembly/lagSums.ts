// Lagged sums, compiled into both kernels: the Gram kernel (gram.ts, for cross-correlations; host
// lags/lagSumsWasm.ts) and the autocovariance kernel (autocovariance.ts, for a series' own lags; host
// significance/autocovarianceWasm.ts).
//
// S(k) = sum_t a[t] b[t+k]. Every S(k) adds its products
// one at a time in order of t from its first row, as lags/directCrossSum.ts's JavaScript does, and with a
// separate f64x2.mul and f64x2.add (never `madd`): IEEE multiplication and addition lane by lane, so both
// builds give the JavaScript path's doubles bit for bit. WHY lanes across lags rather than across time: the
// sum of one lag is a chain of dependent additions that must stay in order of t; SIMD can only run lags
// side by side. A block of LAG_LANES lags shares one a[t] (a splat) against b[t+k..t+k+7] (four unaligned
// loads), and its four independent chains cover the latency of the additions.

/** Lags of one block: four f64x2 accumulators. */
const LAG_LANES: i32 = 8;

/**
 * S(k) for k = first..last into out[k - first] (f64 at byte offsets), a and b `len` values each; any lags,
 * negative or beyond the length (an empty sum is 0). Blocks of LAG_LANES lags; the last one may compute
 * lags past `last` (for free: the chains run side by side), so `out` needs room for LAG_LANES - 1 values
 * after S(last), which the call may overwrite.
 */
export function lagSums(a: usize, b: usize, len: i32, first: i32, last: i32, out: usize): void {
  for (let k = first; k <= last; k += LAG_LANES) {
    lagBlock(a, b, len, k, min(LAG_LANES, last - k + 1), out + ((<usize>(k - first)) << 3));
  }
}

/** a[t] b[t+k] summed for t = from..to-1 in order, onto s. */
function lagSum(a: usize, b: usize, k: i32, from: i32, to: i32, s: f64): f64 {
  for (let t = from; t < to; t++) {
    s += load<f64>(a + ((<usize>t) << 3)) * load<f64>(b + ((<usize>(t + k)) << 3));
  }
  return s;
}

/** First row of lag k: t >= 0 and t + k >= 0. */
function lagFrom(k: i32): i32 {
  return max(0, -k);
}

/** End of lag k's rows: t < len and t + k < len. */
function lagTo(len: i32, k: i32): i32 {
  return min(len, len - k);
}

/**
 * Lags k..k+LAG_LANES-1 into out[0..LAG_LANES), of which the first `count` are asked for. The rows every
 * lane has, lo..hi-1, run in SIMD; each lag's rows before lo (fewer than LAG_LANES) are summed first and
 * its rows from hi on after, so each sum keeps its order of t. WHY through `out`: the lanes go in and out
 * of memory in loops over lags, where code per lane would make the module larger than it is fast.
 */
function lagBlock(a: usize, b: usize, len: i32, k: i32, count: i32, out: usize): void {
  const lo = lagFrom(k);
  const hi = lagTo(len, k + LAG_LANES - 1);
  if (lo >= hi) {
    for (let j = 0; j < count; j++) {
      store<f64>(out + ((<usize>j) << 3), lagSum(a, b, k + j, lagFrom(k + j), lagTo(len, k + j), 0));
    }
    return;
  }
  for (let j = 0; j < LAG_LANES; j++) {
    store<f64>(out + ((<usize>j) << 3), lagSum(a, b, k + j, lagFrom(k + j), lo, 0));
  }
  let s0 = v128.load(out);
  let s1 = v128.load(out, 16);
  let s2 = v128.load(out, 32);
  let s3 = v128.load(out, 48);
  const end = a + ((<usize>hi) << 3);
  let y = b + ((<usize>(lo + k)) << 3);
  for (let x = a + ((<usize>lo) << 3); x < end; x += 8, y += 8) {
    const v = v128.load64_splat(x);
    s0 = f64x2.add(s0, f64x2.mul(v, v128.load(y)));
    s1 = f64x2.add(s1, f64x2.mul(v, v128.load(y, 16)));
    s2 = f64x2.add(s2, f64x2.mul(v, v128.load(y, 32)));
    s3 = f64x2.add(s3, f64x2.mul(v, v128.load(y, 48)));
  }
  v128.store(out, s0);
  v128.store(out, s1, 16);
  v128.store(out, s2, 32);
  v128.store(out, s3, 48);
  for (let j = 0; j < count; j++) {
    const at = out + ((<usize>j) << 3);
    store<f64>(at, lagSum(a, b, k + j, hi, lagTo(len, k + j), load<f64>(at)));
  }
}
