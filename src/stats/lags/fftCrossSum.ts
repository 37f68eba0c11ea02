import FFT from 'fft.js';

/** Smallest power of two (at least 4, so that the half-size inverse transform exists) >= n. */
export function paddedSize(n: number): number {
  let m = 4;
  while (m < n) {
    m *= 2;
  }
  return m;
}

/**
 * Cross sums S(k) = sum_t a[t] b[t+k] for k = -maxLag..maxLag through the FFT (correlation theorem:
 * S = IFFT(conj(FFT a) * FFT b)). Zero padding to m >= T + maxLag, a power of two (fft.js takes no
 * other sizes), makes the circular correlation equal to the linear one at every |k| <= maxLag: the
 * smallest sufficient padding, below the 2T - 1 of a full linear correlation.
 *
 * All-pairs work costs N forward real transforms (their half spectra, bins 0..m/2, cached per input)
 * plus, per pair, a product over the half spectrum and one complex inverse transform of size m/2:
 * the real result s is packed as z[n] = s[2n] + i s[2n+1], whose spectrum follows from the half
 * spectrum S of s as Z[k] = E[k] + i O[k], E[k] = (S[k] + conj S[m/2-k]) / 2,
 * O[k] = (S[k] - conj S[m/2-k]) e^{2 pi i k/m} / 2 (the split-radix step of a real inverse FFT).
 * WHY: a full-spectrum product and a size-m complex inverse per pair did twice the work.
 */
export class FftCrossSum {
  readonly size: number;
  private readonly fft: FFT;
  private readonly half: FFT;
  private readonly cache = new Map<Float64Array, Float64Array>();
  /** cos and sin of 2 pi k / m, k = 0..m/2-1. */
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly packed: number[];
  private readonly back: number[];
  private readonly input: number[];
  private readonly spectrumOut: number[];

  constructor(
    readonly length: number,
    readonly maxLag: number
  ) {
    const m = paddedSize(length + maxLag);
    this.size = m;
    this.fft = new FFT(m);
    this.half = new FFT(m / 2);
    this.cos = Float64Array.from({ length: m / 2 }, (_, k) => Math.cos((2 * Math.PI * k) / m));
    this.sin = Float64Array.from({ length: m / 2 }, (_, k) => Math.sin((2 * Math.PI * k) / m));
    // fft.js gets the plain arrays it creates itself: typed arrays in its loops measured ~20 % slower.
    this.packed = this.half.createComplexArray();
    this.back = this.half.createComplexArray();
    this.input = new Array<number>(m).fill(0);
    this.spectrumOut = this.fft.createComplexArray();
  }

  /**
   * Relative cost per pair, in the units of the direct sum's T*(2L+1), that decides direct vs FFT.
   * Kept at the constant of the full-spectrum version this replaced (1.5) although this one measures
   * ~0.5 (CPU time, T = 1440 and 10080, L = 8..64): a lower constant moves short series with few lags
   * to the FFT, whose curve is not bit-for-bit the reverse when a and b swap (the direct sum's is, and
   * a test holds that exactly), so that move is a decision of its own.
   */
  static pairCost(length: number, maxLag: number): number {
    const m = paddedSize(length + maxLag);
    return 1.5 * m * Math.log2(m);
  }

  /** Bins 0..m/2 of the real transform of x (interleaved re, im), computed once per input. */
  private spectrum(x: Float64Array): Float64Array {
    let s = this.cache.get(x);
    if (!s) {
      for (let t = 0; t < this.size; t++) {
        this.input[t] = t < x.length ? x[t] : 0;
      }
      this.fft.realTransform(this.spectrumOut, this.input);
      s = Float64Array.from(this.spectrumOut.slice(0, this.size + 2));
      this.cache.set(x, s);
    }
    return s;
  }

  /** Drops the cached spectrum of x (a one-off input, e.g. an autocorrelation, must not stay alive). */
  forget(x: Float64Array): void {
    this.cache.delete(x);
  }

  crossSums(a: Float64Array, b: Float64Array): Float64Array {
    const fa = this.spectrum(a);
    const fb = this.spectrum(b);
    const h = this.size / 2;
    const z = this.packed;
    const cos = this.cos;
    const sin = this.sin;
    // Z[k] and Z[h-k] from one evaluation: E[h-k] = conj E[k], O[h-k] = conj O[k].
    for (let k = 0; k <= h / 2; k++) {
      const i = 2 * k;
      const j = 2 * (h - k);
      // S[k] = conj(A[k]) B[k] and conj S[h-k].
      const sr = fa[i] * fb[i] + fa[i + 1] * fb[i + 1];
      const si = fa[i] * fb[i + 1] - fa[i + 1] * fb[i];
      const tr = fa[j] * fb[j] + fa[j + 1] * fb[j + 1];
      const ti = fa[j + 1] * fb[j] - fa[j] * fb[j + 1];
      const er = 0.5 * (sr + tr);
      const ei = 0.5 * (si + ti);
      const dr = 0.5 * (sr - tr);
      const di = 0.5 * (si - ti);
      const c = cos[k];
      const s = sin[k];
      const or = dr * c - di * s;
      const oi = dr * s + di * c;
      z[i] = er - oi;
      z[i + 1] = ei + or;
      if (k > 0 && k < h / 2) {
        z[j] = er + oi;
        z[j + 1] = or - ei;
      }
    }
    this.half.inverseTransform(this.back, z);
    // Interleaved (re, im) of z[n] = s[2n] + i s[2n+1] is s itself, in order.
    const L = this.maxLag;
    const m = this.size;
    const out = new Float64Array(2 * L + 1);
    for (let k = -L; k <= L; k++) {
      out[k + L] = this.back[(k + m) % m];
    }
    return out;
  }
}
