/**
 * Realised event counts for one step. Real counters tick by whole events with sampling noise;
 * drawing the counts (instead of writing expected values) gives the stats engine honest
 * Poisson/multinomial noise, e.g. in PSI computed from histogram buckets.
 *
 * Every draw is addressed by (stream name, absolute step), see rng.ts.
 */
import { hashNormal, hashUniform, streamId } from '../rng';

export class CountSampler {
  private readonly ids = new Map<string, number>();

  constructor(private readonly seed: number) {}

  private id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = streamId(name);
      this.ids.set(name, id);
    }
    return id;
  }

  normal(name: string, k: number): number {
    return hashNormal(this.seed, this.id(name), k);
  }

  uniform(name: string, k: number): number {
    return hashUniform(this.seed, this.id(name), k, 3);
  }

  /** Poisson(lambda): inversion for small means, rounded normal approximation for large ones. */
  poisson(name: string, k: number, lambda: number): number {
    if (!(lambda > 0)) {
      return 0;
    }
    if (lambda < 40) {
      const u = this.uniform(name, k);
      let p = Math.exp(-lambda);
      let cdf = p;
      let n = 0;
      while (u > cdf && n < 1000) {
        n++;
        p *= lambda / n;
        cdf += p;
      }
      return n;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal(name, k)));
  }

  /** Binomial(n, p), approximated (Poisson on the rare side, normal otherwise), clamped to [0, n]. */
  binomial(name: string, k: number, n: number, p: number): number {
    if (n <= 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    const rare = Math.min(p, 1 - p);
    let x: number;
    if (n * rare < 40) {
      const r = this.poisson(name, k, n * rare);
      x = p <= 0.5 ? r : n - r;
    } else {
      x = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal(name, k));
    }
    return Math.min(n, Math.max(0, x));
  }

  /** Multinomial(n, probs) by sequential conditional binomials, so the parts sum to exactly n. */
  multinomial(name: string, k: number, n: number, probs: readonly number[]): number[] {
    const out = new Array<number>(probs.length).fill(0);
    let remaining = n;
    let massLeft = 1;
    for (let i = 0; i < probs.length - 1 && remaining > 0; i++) {
      const p = massLeft > 0 ? Math.min(1, Math.max(0, probs[i] / massLeft)) : 0;
      const x = this.binomial(`${name}#${i}`, k, remaining, p);
      out[i] = x;
      remaining -= x;
      massLeft -= probs[i];
    }
    out[probs.length - 1] += remaining;
    return out;
  }
}
