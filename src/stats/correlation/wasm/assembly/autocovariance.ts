// AssemblyScript source of the WebAssembly autocovariance kernel, compiled by scripts/build-wasm.ts into
// ../autocovarianceKernelBytes.ts. Its host is significance/autocovarianceWasm.ts, which owns the layout.
//
// It computes what significance/autocovarianceFft.ts computes with fft.js: the lagged sums S(k) = sum_t d[t] d[t+k] of one real
// series through its power spectrum (Wiener-Khinchin), the real series of length m packed as h = m/2
// complex values z[j] = x[2j] + i x[2j+1] and transformed at half size, then split into the real
// transform's bins X[k] = E[k] + e^{-2 pi i k/m} O[k]; the power spectrum |X|^2, real and even, goes
// back through its cosine sum, a real transform of h values (see `autocovariance`), and only the lags
// asked for are unpacked.
//
// WHY a kernel of its own: a compare takes the autocorrelation time of every signal in both windows and
// of its residuals, and for persistent series those two transforms were the largest single cost of a
// compare. The transform here is radix-4 decimation in frequency on separate real and imaginary arrays,
// two butterflies per SIMD instruction (adjacent butterflies of a stage read adjacent values): about a
// third of fft.js's time at 1,024 points. The output of decimation in frequency is in digit-reversed
// order; the host's table `perm` gives the position of each frequency, so no reordering pass is needed.
// WHY its own module and memory rather than the Gram kernel's: the twiddle tables stay in memory from one
// series to the next (the Gram kernel's memory belongs to whichever product runs), and each module stays
// under the 4 KiB that Chromium compiles synchronously on the main thread.
//
// The host copies a series in once and asks in turn for its centring (`centre`), for blocks of direct
// lagged sums (`lagSums`, the Gram kernel's code) and, when the window of lags it needs is long, for every
// lag at once (`autocovariance`).
//
// Layout (byte offsets chosen by the host, 16-byte aligned): input (n f64), x (m f64), re and im (h f64
// each), tw (the stages' twiddles, see `transform`), perm (h i32), split ((h + 1) cos, sin pairs of
// 2 pi k/m), tw2 and perm2 (the same for the transform of h/2 values), out, and the finite count.

export { lagSums } from './lagSums';

/** First 16-byte aligned byte offset after the module's static data: the host places its buffers from here. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

/**
 * Deviations of the n values at `input` from the mean of its finite ones, into x (a missing value becomes
 * 0, adding nothing to any sum), by the corrected two-pass form of util/centre.ts's centreInto: the mean,
 * then the mean of the first deviations taken off again. Stores the count of finite values at countAt
 * (f64) and returns the sum of squared deviations. With no value missing, the same doubles as
 * centreComplete there: the same four lanes (t mod 4), added in its order (fourLanes). WHY here: in
 * JavaScript each pass's running sum waits on its own additions value by value; here four sums run side
 * by side, and the series is in the kernel's memory already for the sums that follow (and
 * util/centreWasm.ts centres long series here for centreInto).
 */
export function centre(input: usize, n: i32, x: usize, countAt: usize): f64 {
  const zero = f64x2.splat(0);
  const end = input + ((<usize>(n & ~3)) << 3);
  let s0 = zero;
  let s1 = zero;
  let c0 = i64x2.splat(0);
  let c1 = i64x2.splat(0);
  for (let p = input; p < end; p += 32) {
    const a = v128.load(p);
    const b = v128.load(p, 16);
    const fa = finite(a);
    const fb = finite(b);
    s0 = f64x2.add(s0, v128.and(a, fa));
    s1 = f64x2.add(s1, v128.and(b, fb));
    // A finite lane's mask is all ones: -1 as an integer.
    c0 = i64x2.sub(c0, fa);
    c1 = i64x2.sub(c1, fb);
  }
  let sum = fourLanes(s0, s1, f64x2.extract_lane(s0, 0));
  let count = <f64>(
    (i64x2.extract_lane(c0, 0) + i64x2.extract_lane(c0, 1) + i64x2.extract_lane(c1, 0) + i64x2.extract_lane(c1, 1))
  );
  for (let t = n & ~3; t < n; t++) {
    const v = load<f64>(input + ((<usize>t) << 3));
    if (v - v == 0) {
      sum += v;
      count += 1;
    }
  }
  store<f64>(countAt, count);
  if (count == 0) {
    memory.fill(x, 0, (<usize>n) << 3);
    return 0;
  }
  const mean = f64x2.splat(sum / count);
  s0 = zero;
  s1 = zero;
  for (let p = input, q = x; p < end; p += 32, q += 32) {
    const a = v128.load(p);
    const b = v128.load(p, 16);
    const da = v128.and(f64x2.sub(a, mean), finite(a));
    const db = v128.and(f64x2.sub(b, mean), finite(b));
    v128.store(q, da);
    v128.store(q, db, 16);
    s0 = f64x2.add(s0, da);
    s1 = f64x2.add(s1, db);
  }
  // The last n mod 4 deviations go into lane 0 before the lanes are added, as centreComplete adds them.
  let first = f64x2.extract_lane(s0, 0);
  for (let t = n & ~3; t < n; t++) {
    const v = load<f64>(input + ((<usize>t) << 3));
    const d = v - v == 0 ? v - f64x2.extract_lane(mean, 0) : 0;
    store<f64>(x + ((<usize>t) << 3), d);
    first += d;
  }
  const correction = f64x2.splat(fourLanes(s0, s1, first) / count);
  s0 = zero;
  s1 = zero;
  for (let p = input, q = x; p < end; p += 32, q += 32) {
    const da = v128.and(f64x2.sub(v128.load(q), correction), finite(v128.load(p)));
    const db = v128.and(f64x2.sub(v128.load(q, 16), correction), finite(v128.load(p, 16)));
    v128.store(q, da);
    v128.store(q, db, 16);
    s0 = f64x2.add(s0, f64x2.mul(da, da));
    s1 = f64x2.add(s1, f64x2.mul(db, db));
  }
  first = f64x2.extract_lane(s0, 0);
  for (let t = n & ~3; t < n; t++) {
    const v = load<f64>(input + ((<usize>t) << 3));
    if (v - v == 0) {
      const d = load<f64>(x + ((<usize>t) << 3)) - f64x2.extract_lane(correction, 0);
      store<f64>(x + ((<usize>t) << 3), d);
      first += d * d;
    }
  }
  return fourLanes(s0, s1, first);
}

/**
 * The four running sums of t mod 4 (lanes of s0 then s1) added as util/centre.ts adds its four,
 * (l0 + l1) + (l2 + l3), with `first` standing for lane 0 (it may carry values added after the loop).
 */
function fourLanes(s0: v128, s1: v128, first: f64): f64 {
  return first + f64x2.extract_lane(s0, 1) + (f64x2.extract_lane(s1, 0) + f64x2.extract_lane(s1, 1));
}

/** All ones in each lane whose value is finite (v - v is 0 there, NaN for NaN and for infinities). */
function finite(v: v128): v128 {
  return f64x2.eq(f64x2.sub(v, v), f64x2.splat(0));
}

/**
 * S(0..maxLag) of the series in x[0..m) (zero padded by the host to m = 2h, a power of two >= 4;
 * maxLag <= h), into out. x is overwritten. tw and perm serve the transform of h values, tw2 and perm2
 * that of h/2; split holds (cos, sin) of 2 pi k/m for k = 0..h.
 *
 * The power spectrum P[0..h] of a real series is real and even, so S is its cosine sum (a DCT-I):
 * S(j) = (1/m) (P[0] + (-1)^j P[h] + 2 sum_{k=1}^{h-1} P[k] cos(pi jk/h)). WHY not the inverse transform
 * of all m values: after one pass over P (Numerical Recipes' cosft1) the cosine sum is the real transform
 * of h values, half the inverse's work, and only the lags asked for are unpacked.
 */
export function autocovariance(
  x: usize,
  m: i32,
  re: usize,
  im: usize,
  tw: usize,
  perm: usize,
  split: usize,
  tw2: usize,
  perm2: usize,
  maxLag: i32,
  out: usize
): void {
  const h = m >> 1;
  const h2 = h >> 1;
  unpackReal(x, h, re, im);
  transform(re, im, h, tw);
  powerSpectrum(x, re, im, perm, split, h);
  const odd = cosineToReal(x, h, split);
  // The real transform of the h values now in x, packed as h/2 complex values (unpackReal moves two at
  // a time: for h/2 = 1 it fills a second, unused slot).
  unpackReal(x, h2 > 1 ? h2 : 2, re, im);
  transform(re, im, h2, tw2);
  // Even lags: the real parts of its bins; odd lags: a running sum of their imaginary parts from `odd`
  // on (cosft1 with this transform's sign). The cosine sum is m S(j) / 2, so S(j) is it divided by h.
  const scale = 1 / <f64>h;
  store<f64>(out, bin(re, im, perm2, split, 2, h2, 0) * scale);
  let running = odd;
  if (maxLag >= 1) {
    store<f64>(out + 8, running * scale);
  }
  for (let k = 1; 2 * k <= maxLag; k++) {
    store<f64>(out + ((<usize>(2 * k)) << 3), bin(re, im, perm2, split, 2, h2, k) * scale);
    running -= binImag;
    if (2 * k + 1 <= maxLag) {
      store<f64>(out + ((<usize>(2 * k + 1)) << 3), running * scale);
    }
  }
}

/**
 * cosft1's pass over P[0..h] in x: P[0] and P[h] fold into x[0], and each pair P[k], P[h - k] becomes
 * a - sin(pi k/h) b and a + sin(pi k/h) b, a their mean and b their difference, so that the real transform
 * of x[0..h) has the cosine sum's even terms as its real parts and the steps between its odd terms as its
 * imaginary parts. Returns the first odd term, (P[0] - P[h])/2 + sum_k cos(pi k/h) b.
 */
function cosineToReal(x: usize, h: i32, split: usize): f64 {
  const first = load<f64>(x);
  const last = load<f64>(x + ((<usize>h) << 3));
  let odd = 0.5 * (first - last);
  store<f64>(x, 0.5 * (first + last));
  for (let k = 1; k < h >> 1; k++) {
    const p = x + ((<usize>k) << 3);
    const q = x + ((<usize>(h - k)) << 3);
    const a = 0.5 * (load<f64>(p) + load<f64>(q));
    const b = load<f64>(p) - load<f64>(q);
    // (cos, sin) of pi k/h, which is 2 pi k/m.
    const c = load<f64>(split + ((<usize>k) << 4));
    const s = load<f64>(split + ((<usize>k) << 4), 8);
    store<f64>(p, a - s * b);
    store<f64>(q, a + s * b);
    odd += c * b;
  }
  return odd;
}

/**
 * |X[k]|^2 for k = 0..h into x[0..h] (the rest of the real, even spectrum mirrors it). WHY bins k
 * and h - k together: both are read from the same two values Z[k] and Z[h - k] of the half-size transform,
 * with the same split twiddle (e^{-2 pi i (h-k)/m} = -conj e^{-2 pi i k/m}), so each pair costs one
 * lookup of its places and one twiddle rather than two; the lookups were most of the cost.
 */
function powerSpectrum(x: usize, re: usize, im: usize, perm: usize, split: usize, h: i32): void {
  // Bins 0 and h are a pair too (both read Z[0]); bin h/2 is its own partner, written twice. The
  // reading is bin()'s, written out here: this loop is the kernel's hottest after the transforms, and
  // bin() kept out of line (or handing its parts over in globals) cost about 2 us more per series.
  for (let k = 0; k <= h >> 1; k++) {
    const a = (<usize>load<i32>(perm + ((<usize>k) << 2))) << 3;
    const b = (<usize>load<i32>(perm + ((<usize>(k == 0 ? 0 : h - k)) << 2))) << 3;
    const ar = load<f64>(re + a);
    const ai = load<f64>(im + a);
    const br = load<f64>(re + b);
    const bi = load<f64>(im + b);
    const er = 0.5 * (ar + br);
    const ei = 0.5 * (ai - bi);
    const or = 0.5 * (ai + bi);
    const oi = -0.5 * (ar - br);
    const c = load<f64>(split + ((<usize>k) << 4));
    const s = load<f64>(split + ((<usize>k) << 4), 8);
    // Bin k as bin() forms it, and bin h - k (E and O conjugated, the twiddle's cosine negated).
    const xr = er + c * or + s * oi;
    const xi = ei + c * oi - s * or;
    const yr = er - c * or - s * oi;
    const yi = -ei + c * oi - s * or;
    const p = xr * xr + xi * xi;
    const r = yr * yr + yi * yi;
    store<f64>(x + ((<usize>k) << 3), p);
    store<f64>(x + ((<usize>(h - k)) << 3), r);
  }
}

/**
 * Bin k (0..h) of the real transform of 2h values whose packed half-size transform is in re, im
 * (digit-reversed, places in perm): its real part, and its imaginary part in binImag. Its split twiddle
 * e^{-2 pi i k/(2h)} is entry k * stride of split (stride 2 where split was made for twice 2h).
 */
function bin(re: usize, im: usize, perm: usize, split: usize, stride: i32, h: i32, k: i32): f64 {
  // Z[k mod h] and Z[(h - k) mod h].
  const a = (<usize>load<i32>(perm + ((<usize>(k == h ? 0 : k)) << 2))) << 3;
  const b = (<usize>load<i32>(perm + ((<usize>(k == 0 ? 0 : h - k)) << 2))) << 3;
  const ar = load<f64>(re + a);
  const ai = load<f64>(im + a);
  const br = load<f64>(re + b);
  const bi = load<f64>(im + b);
  const er = 0.5 * (ar + br);
  const ei = 0.5 * (ai - bi);
  const or = 0.5 * (ai + bi);
  const oi = -0.5 * (ar - br);
  const c = load<f64>(split + ((<usize>(k * stride)) << 4));
  const s = load<f64>(split + ((<usize>(k * stride)) << 4), 8);
  binImag = ei + c * oi - s * or;
  return er + c * or + s * oi;
}

/** The imaginary part of the bin that bin() read last (a global: no memory, no vector to build). */
let binImag: f64 = 0;

/** re[j] = x[2j], im[j] = x[2j + 1], two j at a time (h is even). */
function unpackReal(x: usize, h: i32, re: usize, im: usize): void {
  for (let j = 0; j < h; j += 2) {
    const p = v128.load(x + ((<usize>j) << 4));
    const q = v128.load(x + ((<usize>j) << 4), 16);
    v128.store(re + ((<usize>j) << 3), v128.shuffle<f64>(p, q, 0, 2));
    v128.store(im + ((<usize>j) << 3), v128.shuffle<f64>(p, q, 1, 3));
  }
}

/**
 * Forward transform (e^{-2 pi i jk/h}) of h complex values in place, output digit-reversed. Stages, each
 * with its twiddles at tw in turn: when log2 h is odd, one radix-2 stage over the whole array first
 * (w^j for j < h/2: h/2 real parts, then h/2 imaginary parts); then radix-4 stages of group length L =
 * h or h/2 down to 16 (w^j, w^2j, w^3j of w = e^{-2 pi i/L} for j < L/4: six runs of L/4 values, real then
 * imaginary for each power); the last stage (L = 4, or L = 2 for h = 2) needs no twiddle.
 */
function transform(re: usize, im: usize, h: i32, tw: usize): void {
  let L = h;
  let t = tw;
  if ((ctz(h) & 1) == 1) {
    if (h == 2) {
      radix2Pairs(re, im);
      return;
    }
    radix2(re, im, h, t);
    t += (<usize>h) << 3;
    L >>= 1;
  }
  for (; L > 4; L >>= 2) {
    radix4(re, im, h, L, t);
    t += (<usize>(6 * (L >> 2))) << 3;
  }
  if (L == 4) {
    radix4Last(re, im, h);
  }
}

/** Stores (yr + i yi)(wr + i wi), two lanes at a time, at byte offset `at` of re and im. */
function storeProduct(re: usize, im: usize, at: usize, yr: v128, yi: v128, wr: v128, wi: v128): void {
  v128.store(re + at, f64x2.sub(f64x2.mul(yr, wr), f64x2.mul(yi, wi)));
  v128.store(im + at, f64x2.add(f64x2.mul(yr, wi), f64x2.mul(yi, wr)));
}

/** One radix-2 stage over the whole array (group length h): (a, b) -> (a + b, (a - b) w^j). */
function radix2(re: usize, im: usize, h: i32, tw: usize): void {
  const half = (<usize>(h >> 1)) << 3;
  for (let o: usize = 0; o < half; o += 16) {
    const ar = v128.load(re + o);
    const ai = v128.load(im + o);
    const br = v128.load(re + o + half);
    const bi = v128.load(im + o + half);
    v128.store(re + o, f64x2.add(ar, br));
    v128.store(im + o, f64x2.add(ai, bi));
    const dr = f64x2.sub(ar, br);
    const di = f64x2.sub(ai, bi);
    storeProduct(re, im, o + half, dr, di, v128.load(tw + o), v128.load(tw + o + half));
  }
}

/**
 * One radix-4 stage of group length L (L/4 >= 4): in each group, the four quarters a0..a3 at j become
 * y0 = a0 + a1 + a2 + a3, y1 = (a0 - i a1 - a2 + i a3) w^j, y2 = (a0 - a1 + a2 - a3) w^2j and
 * y3 = (a0 + i a1 - a2 - i a3) w^3j, in quarters 0, 1, 2, 3 (the sub-transforms of frequencies 4k + 0..3).
 */
function radix4(re: usize, im: usize, h: i32, L: i32, tw: usize): void {
  const q = (<usize>(L >> 2)) << 3;
  const end = (<usize>h) << 3;
  const group = (<usize>L) << 3;
  for (let g: usize = 0; g < end; g += group) {
    for (let j: usize = 0; j < q; j += 16) {
      const o = g + j;
      const a0r = v128.load(re + o);
      const a0i = v128.load(im + o);
      const a1r = v128.load(re + o + q);
      const a1i = v128.load(im + o + q);
      const a2r = v128.load(re + o + 2 * q);
      const a2i = v128.load(im + o + 2 * q);
      const a3r = v128.load(re + o + 3 * q);
      const a3i = v128.load(im + o + 3 * q);
      const t0r = f64x2.add(a0r, a2r);
      const t0i = f64x2.add(a0i, a2i);
      const t1r = f64x2.sub(a0r, a2r);
      const t1i = f64x2.sub(a0i, a2i);
      const t2r = f64x2.add(a1r, a3r);
      const t2i = f64x2.add(a1i, a3i);
      const t3r = f64x2.sub(a1r, a3r);
      const t3i = f64x2.sub(a1i, a3i);
      v128.store(re + o, f64x2.add(t0r, t2r));
      v128.store(im + o, f64x2.add(t0i, t2i));
      // y1 = t1 - i t3, y2 = t0 - t2, y3 = t1 + i t3, each times its twiddle.
      const y1r = f64x2.add(t1r, t3i);
      const y1i = f64x2.sub(t1i, t3r);
      const y2r = f64x2.sub(t0r, t2r);
      const y2i = f64x2.sub(t0i, t2i);
      const y3r = f64x2.sub(t1r, t3i);
      const y3i = f64x2.add(t1i, t3r);
      const w = tw + j;
      storeProduct(re, im, o + q, y1r, y1i, v128.load(w), v128.load(w + q));
      storeProduct(re, im, o + 2 * q, y2r, y2i, v128.load(w + 2 * q), v128.load(w + 3 * q));
      storeProduct(re, im, o + 3 * q, y3r, y3i, v128.load(w + 4 * q), v128.load(w + 5 * q));
    }
  }
}

/** The last radix-4 stage (groups of 4 adjacent values, no twiddles), one group at a time. */
function radix4Last(re: usize, im: usize, h: i32): void {
  const end = (<usize>h) << 3;
  for (let o: usize = 0; o < end; o += 32) {
    const a0r = load<f64>(re + o);
    const a0i = load<f64>(im + o);
    const a1r = load<f64>(re + o, 8);
    const a1i = load<f64>(im + o, 8);
    const a2r = load<f64>(re + o, 16);
    const a2i = load<f64>(im + o, 16);
    const a3r = load<f64>(re + o, 24);
    const a3i = load<f64>(im + o, 24);
    const t0r = a0r + a2r;
    const t0i = a0i + a2i;
    const t1r = a0r - a2r;
    const t1i = a0i - a2i;
    const t2r = a1r + a3r;
    const t2i = a1i + a3i;
    const t3r = a1r - a3r;
    const t3i = a1i - a3i;
    store<f64>(re + o, t0r + t2r);
    store<f64>(im + o, t0i + t2i);
    store<f64>(re + o, t1r + t3i, 8);
    store<f64>(im + o, t1i - t3r, 8);
    store<f64>(re + o, t0r - t2r, 16);
    store<f64>(im + o, t0i - t2i, 16);
    store<f64>(re + o, t1r - t3i, 24);
    store<f64>(im + o, t1i + t3r, 24);
  }
}

/** The whole transform of h = 2: (a, b) -> (a + b, a - b). */
function radix2Pairs(re: usize, im: usize): void {
  const ar = load<f64>(re);
  const ai = load<f64>(im);
  const br = load<f64>(re, 8);
  const bi = load<f64>(im, 8);
  store<f64>(re, ar + br);
  store<f64>(im, ai + bi);
  store<f64>(re, ar - br, 8);
  store<f64>(im, ai - bi, 8);
}
