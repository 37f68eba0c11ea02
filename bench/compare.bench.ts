/**
 * Compare benchmark (issue "The verdict"): an incident window against a baseline for 300 signals with
 * 1,440 points in each window (one day at 1 min each), 3 targets and one control. Reports the engine's
 * median for `analyze()` with only the compare section, against computing the two Pearson matrices
 * separately (two `analyze()` calls with only the correlation section, on the two windows) in the same
 * run: medians of 9 rounds, each timing one then the other, after 3 rounds of warm-up. Target: at most
 * 1.3x the two matrices.
 */
import { analyze, type AnalyzeRequest } from '../src/stats';
import { formatTable, ms } from './lib/table';
import { measurePair, seeded } from './lib/timing';

const SIGNALS = 300;
const POINTS = 1_440;
const STEP_MS = 60_000;

/** AR(1) signals with a shared slow factor and a level shift in the incident for a third of them. */
function signals(): Float64Array[] {
  const u = seeded(42);
  const gauss = () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u());
  const T = 2 * POINTS;
  const factor = new Float64Array(T);
  for (let t = 1; t < T; t++) {
    factor[t] = 0.95 * factor[t - 1] + gauss();
  }
  return Array.from({ length: SIGNALS }, (_, i) => {
    const x = new Float64Array(T);
    for (let t = 1; t < T; t++) {
      x[t] = 0.8 * x[t - 1] + gauss() + 0.3 * factor[t] + (i % 3 === 0 && t >= POINTS ? 2 : 0);
    }
    return x;
  });
}

export function run(): void {
  const data = signals();
  const ids = data.map((_, i) => `s${i}`);
  const series = (lo: number, hi: number) => data.map((x, i) => ({ id: ids[i], values: x.subarray(lo, hi) }));
  const compare: AnalyzeRequest = {
    version: 1,
    series: series(0, 2 * POINTS),
    grid: { start: 0, stepMs: STEP_MS },
    correlation: { enabled: false },
    compare: {
      incident: { from: (POINTS - 1) * STEP_MS, to: (2 * POINTS - 1) * STEP_MS },
      baseline: { kind: 'preceding', factor: 1 },
      targets: ['s0', 's1', 's2'],
      controls: ['s3'],
    },
  };
  const matrix = (lo: number, hi: number): AnalyzeRequest => ({
    version: 1,
    series: series(lo, hi),
    grid: { start: 0, stepMs: STEP_MS },
    correlation: { method: 'pearson' },
  });
  const check = analyze(compare);
  if (!check.compare || check.compare.baseline.points !== POINTS || check.compare.incident.points !== POINTS) {
    throw new Error(
      `compare bench: windows of ${check.compare?.baseline.points} and ${check.compare?.incident.points} points`
    );
  }
  const [ours, two] = measurePair(
    () => analyze(compare),
    () => [analyze(matrix(0, POINTS)), analyze(matrix(POINTS, 2 * POINTS))]
  ).map((t) => t.medianMs);
  console.log(
    formatTable([
      ['case', 'compare ms', 'two matrices ms', 'ratio', 'target'],
      [`${SIGNALS} signals x ${POINTS} points per window`, ms(ours), ms(two), `${(ours / two).toFixed(2)}x`, '<= 1.3x'],
    ])
  );
}

if (require.main === module) {
  run();
}
