/** Result of timing one function: median and all samples, in milliseconds. */
export interface Timing {
  medianMs: number;
  samplesMs: number[];
}

/**
 * Median wall time of `runs` calls after `warmup` untimed calls (the warm-up lets V8 optimise the
 * kernels so we compare steady-state code, not the interpreter).
 */
export function measure(fn: () => unknown, runs = 5, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) {
    fn();
  }
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samplesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs, samplesMs };
}

/** Seeded uniform generator (mulberry32) so every bench run uses the same data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
