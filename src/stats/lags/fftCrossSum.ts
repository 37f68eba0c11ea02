import FFT from 'fft.js';

/**
 * Cross sums S(k) = sum_t a[t] b[t+k] for k = -maxLag..maxLag through the FFT (correlation theorem:
 * S = IFFT(conj(FFT a) * FFT b)). Zero padding to m >= T + maxLag, a power of two, makes the circular
 * correlation equal to the linear one at every |k| <= maxLag. Spectra are cached per input so that
 * all-pairs work costs N forward transforms plus one inverse transform per pair.
 */
export class FftCrossSum {
  readonly size: number;
  private readonly fft: FFT;
  private readonly cache = new Map<Float64Array, number[]>();
  private readonly product: number[];
  private readonly back: number[];
  private readonly input: Float64Array;

  constructor(
    readonly length: number,
    readonly maxLag: number
  ) {
    let m = 2;
    while (m < length + maxLag) {
      m *= 2;
    }
    this.size = m;
    this.fft = new FFT(m);
    this.product = this.fft.createComplexArray();
    this.back = this.fft.createComplexArray();
    this.input = new Float64Array(m);
  }

  /** Relative cost per pair (one complex inverse transform and a product), comparable to T*(2L+1); constant calibrated in bench/correlation.bench.ts. */
  static pairCost(length: number, maxLag: number): number {
    let m = 2;
    while (m < length + maxLag) {
      m *= 2;
    }
    return 1.5 * m * Math.log2(m);
  }

  private spectrum(x: Float64Array): number[] {
    let s = this.cache.get(x);
    if (!s) {
      this.input.fill(0);
      this.input.set(x);
      s = this.fft.createComplexArray();
      this.fft.realTransform(s, this.input);
      this.fft.completeSpectrum(s);
      this.cache.set(x, s);
    }
    return s;
  }

  crossSums(a: Float64Array, b: Float64Array): Float64Array {
    const fa = this.spectrum(a);
    const fb = this.spectrum(b);
    const p = this.product;
    for (let i = 0; i < p.length; i += 2) {
      const ar = fa[i];
      const ai = -fa[i + 1];
      const br = fb[i];
      const bi = fb[i + 1];
      p[i] = ar * br - ai * bi;
      p[i + 1] = ar * bi + ai * br;
    }
    this.fft.inverseTransform(this.back, p);
    const L = this.maxLag;
    const out = new Float64Array(2 * L + 1);
    for (let k = -L; k <= L; k++) {
      out[k + L] = this.back[2 * ((k + this.size) % this.size)];
    }
    return out;
  }
}
