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
  return timing(samplesMs);
}

/** measure() for a function that finishes when its promise does (work shared with another thread). */
export async function measureAsync(fn: () => Promise<unknown>, runs = 5, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) {
    await fn();
  }
  const samplesMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samplesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return timing(samplesMs);
}

function timing(samplesMs: number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs, samplesMs };
}

/** Seeded uniform generator, so every bench run uses the same data (the simulator's mulberry32). */
export { mulberry32 as seeded } from '../../simulator/rng';
