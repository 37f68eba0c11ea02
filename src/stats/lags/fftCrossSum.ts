import FFT from 'fft.js';

/** Smallest power of two (at least 4, so that the half-size inverse transform exists) >= n. */
export function paddedSize(n: number): number {
  let m = 4;
  while (m < n) {
    m *= 2;
  }
  return m;
}

/** How the series are cut: `blocks` blocks of `blockLength` points, each transformed at `size`. */
interface BlockPlan {
  size: number;
  blockLength: number;
  blocks: number;
}

/**
 * Work of one plan in rough units (one complex multiply-add): per pair, the spectrum products of every
 * block plus one inverse transform; per series, its forward transforms, shared out over the
 * `pairsPerSeries` cross sums per distinct input.
 * The FFT weight (per complex point and radix-2 stage) was fitted on CPU times with fft.js
 * (T = 1440..10080, L = 60..2520, sizes 256..16384); it only picks the plan: every plan gives the same sums.
 */
function planCost({ size, blocks }: BlockPlan, pairsPerSeries: number): number {
  const fft = (n: number): number => 0.2 * n * Math.log2(n);
  const perPair = blocks * (size / 2 + 1) + fft(size / 2) + size / 4;
  // One block: the same spectrum serves x as a and as b.
  const perSeries = (blocks === 1 ? 1 : 2 * blocks) * (fft(size / 2) + size / 4);
  return perPair + perSeries / pairsPerSeries;
}

/**
 * The cheapest way to cut series of `length` points for lags -maxLag..maxLag: one block padded to a
 * power of two >= length + maxLag, or blocks of size - 2 maxLag points at a smaller power of two.
 */
function choosePlan(length: number, maxLag: number, pairsPerSeries: number): BlockPlan {
  const whole = paddedSize(length + maxLag);
  let best: BlockPlan = { size: whole, blockLength: length, blocks: 1 };
  for (let size = paddedSize(2 * maxLag + 2); size < whole; size *= 2) {
    const blockLength = size - 2 * maxLag;
    const plan = { size, blockLength, blocks: Math.ceil(length / blockLength) };
    if (planCost(plan, pairsPerSeries) < planCost(best, pairsPerSeries)) {
      best = plan;
    }
  }
  return best;
}

/**
 * Cross sums S(k) = sum_t a[t] b[t+k] for k = -maxLag..maxLag through the FFT (correlation theorem:
 * S = IFFT(conj(FFT a) * FFT b)), for series of a fixed length, with each input's spectra cached so
 * that all pairs of N series cost N forward transforms.
 *
 * Blocks (overlap-add on the spectra): t is cut into blocks of B points; block j pairs a[jB..jB+B)
 * at offset 0 with b[jB-maxLag..jB+B+maxLag) (zeros outside the series), both zero-padded to
 * size >= B + 2 maxLag, so lags -maxLag..maxLag sit at 0..2 maxLag of that block's circular
 * correlation without wrapping. The block correlations add up to S, and since the inverse transform
 * is linear, their spectra are summed first and ONE inverse of the block size gives S in order.
 * WHY: only 2 maxLag + 1 sums are wanted; with maxLag much smaller than the length, a whole-series
 * transform (a power of two >= T + maxLag, up to 2x more than needed) spends most of its inverse on
 * unused lags. All pairs of 50 series, T = 10080, maxLag = 360: 8 blocks of 2048 instead of one
 * 16384, an 8x smaller inverse per pair for as many spectrum products (the lag section in half the time).
 * One block (B = T) is the whole series, padded to size >= T + maxLag: a and b at offset 0 share one
 * spectrum (an autocorrelation costs one forward transform), and the negative lags wrap around to the
 * end of the circular correlation, where the padding keeps them clear of the positive ones.
 *
 * Each inverse is real, done as a complex transform of size/2: the result s is packed as
 * z[n] = s[2n] + i s[2n+1], whose spectrum follows from the half spectrum S of s as
 * Z[k] = E[k] + i O[k], E[k] = (S[k] + conj S[h-k]) / 2, O[k] = (S[k] - conj S[h-k]) e^{2 pi i k/size} / 2
 * with h = size/2 (the split-radix step of a real inverse FFT).
 */
export class FftCrossSum {
  /** The transform size of one block. */
  readonly size: number;
  private readonly blockLength: number;
  /** How many blocks each series is cut into (1: the whole series in one transform). */
  readonly blocks: number;
  private readonly fft: FFT;
  private readonly half: FFT;
  /** Spectra of inputs as the leading series (a) and as the following one (b); one block: `leading` for both. */
  private readonly leading = new Map<Float64Array, Float64Array>();
  private readonly following = new Map<Float64Array, Float64Array>();
  /** cos and sin of 2 pi k / size, k = 0..size/2-1. */
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  /** The pair's summed half spectrum (bins 0..size/2, interleaved). */
  private readonly sum: Float64Array;
  private readonly packed: number[];
  private readonly back: number[];
  private readonly input: number[];
  private readonly spectrumOut: number[];

  /**
   * @param pairsPerSeries cross sums per distinct input, which weighs the forward transforms in the
   *   plan: (N - 1) / 2 for all pairs of N series, 1 for an autocorrelation.
   */
  constructor(
    readonly length: number,
    readonly maxLag: number,
    pairsPerSeries = 1
  ) {
    const plan = choosePlan(length, maxLag, pairsPerSeries);
    const m = plan.size;
    this.size = m;
    this.blockLength = plan.blockLength;
    this.blocks = plan.blocks;
    this.fft = new FFT(m);
    this.half = new FFT(m / 2);
    this.cos = Float64Array.from({ length: m / 2 }, (_, k) => Math.cos((2 * Math.PI * k) / m));
    this.sin = Float64Array.from({ length: m / 2 }, (_, k) => Math.sin((2 * Math.PI * k) / m));
    this.sum = new Float64Array(m + 2);
    // fft.js gets the plain arrays it creates itself: typed arrays in its loops measured ~20 % slower.
    this.packed = this.half.createComplexArray();
    this.back = this.half.createComplexArray();
    this.input = new Array<number>(m).fill(0);
    this.spectrumOut = this.fft.createComplexArray();
  }

  /**
   * Relative cost per pair, in the units of the direct sum's T*(2L+1), that decides direct vs FFT.
   * Kept at the constant of the full-spectrum, whole-series version this replaced (1.5 m log2 m,
   * m >= T + L) although the blocks measure far less: a lower cost moves short series with few lags
   * to the FFT, whose curve is not bit-for-bit the reverse when a and b swap (the direct sum's is, and
   * a test holds that exactly), so that move is a decision of its own.
   */
  static pairCost(length: number, maxLag: number): number {
    const m = paddedSize(length + maxLag);
    return 1.5 * m * Math.log2(m);
  }

  /**
   * Half spectra (bins 0..size/2, interleaved re, im) of every block of x, block after block: x[jB..jB+B)
   * for the leading series, x[jB-maxLag..jB+B+maxLag) clipped to the series for the following one
   * (the whole series for both with one block).
   */
  private spectra(x: Float64Array, following: boolean): Float64Array {
    const shifted = following && this.blocks > 1;
    const cache = shifted ? this.following : this.leading;
    let s = cache.get(x);
    if (!s) {
      const m = this.size;
      const B = this.blockLength;
      const width = shifted ? m : B;
      s = new Float64Array(this.blocks * (m + 2));
      for (let j = 0; j < this.blocks; j++) {
        const start = j * B - (shifted ? this.maxLag : 0);
        for (let v = 0; v < m; v++) {
          const t = start + v;
          this.input[v] = v < width && t >= 0 && t < x.length ? x[t] : 0;
        }
        this.fft.realTransform(this.spectrumOut, this.input);
        for (let i = 0; i < m + 2; i++) {
          s[j * (m + 2) + i] = this.spectrumOut[i];
        }
      }
      cache.set(x, s);
    }
    return s;
  }

  /** Drops the cached spectra of x (a one-off input, e.g. an autocorrelation, must not stay alive). */
  forget(x: Float64Array): void {
    this.leading.delete(x);
    this.following.delete(x);
  }

  /** S(k) at index k + maxLag, written into `out` when given (a buffer reused across pairs). */
  crossSums(a: Float64Array, b: Float64Array, out = new Float64Array(2 * this.maxLag + 1)): Float64Array {
    const fa = this.spectra(a, false);
    const fb = this.spectra(b, true);
    const width = this.size + 2;
    const S = this.sum;
    // S = sum over blocks of conj(A_j) B_j, bin by bin (the sum stays in registers). The bound in a
    // local: re-reading this.blocks in the inner loop measured ~10 % slower per pair.
    const end = this.blocks * width;
    for (let i = 0; i < width; i += 2) {
      let sr = 0;
      let si = 0;
      for (let o = i; o < end; o += width) {
        const ar = fa[o];
        const ai = fa[o + 1];
        const br = fb[o];
        const bi = fb[o + 1];
        sr += ar * br + ai * bi;
        si += ar * bi - ai * br;
      }
      S[i] = sr;
      S[i + 1] = si;
    }
    const h = this.size / 2;
    const z = this.packed;
    const cos = this.cos;
    const sin = this.sin;
    // Z[k] and Z[h-k] from one evaluation: E[h-k] = conj E[k], O[h-k] = conj O[k]. Stored conjugated:
    // ifft(Z) = conj(fft(conj Z)) / h, and fft.js's forward transform skips the inverse's scaling pass
    // over all h outputs (done below on the 2 maxLag + 1 kept).
    for (let k = 0; k <= h / 2; k++) {
      const i = 2 * k;
      const j = 2 * (h - k);
      // S[k] and conj S[h-k].
      const sr = S[i];
      const si = S[i + 1];
      const tr = S[j];
      const ti = -S[j + 1];
      const er = 0.5 * (sr + tr);
      const ei = 0.5 * (si + ti);
      const dr = 0.5 * (sr - tr);
      const di = 0.5 * (si - ti);
      const c = cos[k];
      const s = sin[k];
      const or = dr * c - di * s;
      const oi = dr * s + di * c;
      z[i] = er - oi;
      z[i + 1] = -(ei + or);
      if (k > 0 && k < h / 2) {
        z[j] = er + oi;
        z[j + 1] = ei - or;
      }
    }
    this.half.transform(this.back, z);
    // back = h conj(z), z[n] = s[2n] + i s[2n+1]: s[n] = back[n] / h with the odd entries negated.
    // Lag k sits at s[k + maxLag] with blocks, at s[k mod size] with one block.
    const m = this.size;
    const first = this.blocks > 1 ? 0 : m - this.maxLag;
    const scale = 1 / h;
    const back = this.back;
    for (let n = 0; n < out.length; n++) {
      const at = (first + n) % m;
      out[n] = (at & 1 ? -scale : scale) * back[at];
    }
    return out;
  }
}
