/**
 * Drift benchmark: rolling PSI / KS / Wasserstein over 10,080 steps (one week at 1 min) with a 60-step
 * window, preceding baseline (4x), for 20 histogram series with 20 buckets. Reports the median wall time
 * of the incremental path (prefix differences of reset-adjusted counters) and of recomputing each window
 * from scratch (re-walking the counters over the window), and their ratio.
 *
 * Shape: exports `run()` like every bench/*.bench.ts; also runnable alone with `npx tsx bench/drift.bench.ts`.
 */
import { rollingDrift, type DriftInput } from '../src/stats';

const STEPS = 10_080;
const WINDOW = 60;
const SERIES = 20;
const BUCKETS = 20;
const STEP_MS = 60_000;

/** Deterministic LCG so each run benchmarks the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function makeHistogram(seed: number): DriftInput {
  const u = lcg(seed);
  const le = Array.from({ length: BUCKETS }, (_, b) => (b === BUCKETS - 1 ? '+Inf' : String(0.005 * 2 ** b)));
  const buckets = Array.from({ length: BUCKETS }, () => new Float64Array(STEPS));
  for (let t = 1; t < STEPS; t++) {
    // Drift in the middle of the week: mass moves to higher buckets.
    const shift = t > STEPS / 2 ? 3 : 0;
    let cum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      cum += Math.floor(u() * 20 * Math.exp(-Math.abs(b - 8 - shift) / 3));
      buckets[b][t] = buckets[b][t - 1] + cum;
    }
  }
  return { kind: 'histogram', le, buckets };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeAll(inputs: DriftInput[], incremental: boolean): number {
  const grid = { start: 0, stepMs: STEP_MS, length: STEPS };
  const t0 = performance.now();
  let guard = 0;
  for (const input of inputs) {
    const r = rollingDrift(input, grid, {
      windowMs: WINDOW * STEP_MS,
      baseline: { kind: 'preceding', factor: 4 },
      methods: ['psi', 'ks', 'wasserstein', 'wassersteinNormalized'],
      incremental,
    });
    guard += r.scores.psi![STEPS - 1];
  }
  const ms = performance.now() - t0;
  if (Number.isNaN(guard)) {
    throw new Error('benchmark produced no score');
  }
  return ms;
}

export interface DriftBenchResult {
  name: string;
  incrementalMedianMs: number;
  fromScratchMedianMs: number;
  speedup: number;
  lines: string[];
}

export function run(repeats = 5): DriftBenchResult {
  const inputs = Array.from({ length: SERIES }, (_, k) => makeHistogram(1000 + k));
  timeAll(inputs, true); // warm-up (JIT)
  const inc: number[] = [];
  const scratch: number[] = [];
  for (let r = 0; r < repeats; r++) {
    inc.push(timeAll(inputs, true));
    scratch.push(timeAll(inputs, false));
  }
  const a = median(inc);
  const b = median(scratch);
  const lines = [
    `drift: rolling PSI+KS+W1 (+normed), ${SERIES} histogram series x ${BUCKETS} buckets, ${STEPS} steps, window ${WINDOW}, preceding 4x baseline, ${repeats} runs`,
    `  incremental (prefix differences): median ${a.toFixed(1)} ms`,
    `  from scratch (re-walk each window): median ${b.toFixed(1)} ms`,
    `  ratio from-scratch / incremental: ${(b / a).toFixed(2)}x`,
  ];
  // bench/run.ts expects each run() to print its own report.
  process.stdout.write(lines.join('\n') + '\n');
  return { name: 'drift', incrementalMedianMs: a, fromScratchMedianMs: b, speedup: b / a, lines };
}

if (require.main === module) {
  run();
}
