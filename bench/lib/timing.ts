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
    samplesMs.push(timedMs(fn));
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
    samplesMs.push(msSince(t0));
  }
  return timing(samplesMs);
}

/**
 * measure() for two functions compared with each other: both warmed up, then timed in turn, a then b,
 * round after round. WHY: timed one after the other, the second ran with the code both share already
 * optimised by the first's runs, and each met a different stretch of the machine's noise.
 */
export function measurePair(a: () => unknown, b: () => unknown, runs = 9, warmup = 3): [Timing, Timing] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    samples[0].push(timedMs(a));
    samples[1].push(timedMs(b));
  }
  return [timing(samples[0]), timing(samples[1])];
}

/** Wall time of one call, in milliseconds. */
function timedMs(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return msSince(t0);
}

function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function timing(samplesMs: number[]): Timing {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs, samplesMs };
}

/** Seeded uniform generator, so every bench run uses the same data (the simulator's mulberry32). */
export { mulberry32 as seeded } from '../../simulator/rng';
