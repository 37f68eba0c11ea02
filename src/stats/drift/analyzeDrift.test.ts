/** @jest-environment node */
import { analyze } from '../analyze';
import type { AnalyzeResult } from '../contract';

const STEP = 60_000;
const N = 60;

/** Cumulative latency histogram whose upper buckets fill up when `cpu` is high: drift caused by infra. */
function scenario() {
  const cpu = Float64Array.from({ length: N }, (_, t) => (t >= 30 ? 0.9 : 0.2) + 0.01 * (t % 5));
  const le = ['0.1', '0.5', '1', '+Inf'];
  const buckets = le.map(() => new Float64Array(N));
  for (let t = 1; t < N; t++) {
    const inc = cpu[t] > 0.5 ? [5, 10, 40, 20] : [40, 20, 5, 1 + (t % 2)];
    let cum = 0;
    inc.forEach((v, b) => {
      cum += v;
      buckets[b][t] = buckets[b][t - 1] + cum;
    });
  }
  return { cpu, le, buckets: buckets.map((b) => Array.from(b)) };
}

describe('analyze() drift section', () => {
  const { cpu, le, buckets } = scenario();
  const result: AnalyzeResult = analyze({
    version: 1,
    grid: { start: 0, stepMs: STEP, end: (N - 1) * STEP },
    series: [{ id: 'cpu', values: Array.from(cpu) }],
    drift: {
      correlate: true,
      series: [
        {
          id: 'latency',
          input: { kind: 'histogram', le, buckets },
          methods: ['psi', 'ks'],
          windowMs: 5 * STEP,
          baseline: { kind: 'preceding', factor: 2 },
        },
      ],
    },
  });

  it('returns scores on the grid, the latest score with a level, and warnings', () => {
    expect(result.warnings.filter((w) => w.code === 'INTERNAL_ERROR')).toEqual([]);
    const s = result.drift!.series[0];
    expect(s.methods.map((m) => m.method)).toEqual(['psi', 'ks']);
    expect(s.methods[0].scores).toHaveLength(N);
    expect(s.methods[0].scores[10]).toBeNull(); // not enough history: null, not 0
    expect(s.methods[1].pValues).toHaveLength(N);
    expect(s.methods[0].latest!.index).toBe(N - 1);
    expect(['none', 'moderate', 'significant']).toContain(s.methods[0].latest!.level);
    // Around the switch at t = 30 the drift must be significant.
    expect(s.methods[0].scores[33]).toBeGreaterThan(0.25);
  });

  it('feeds the primary drift score into the correlation matrix beside the infra series', () => {
    const c = result.correlation!;
    expect(c.ids).toEqual(['cpu', 'drift:latency:psi']);
    expect(result.drift!.series[0].correlationId).toBe('drift:latency:psi');
    expect(c.r[1]).not.toBeNaN();
  });

  it('reports malformed drift entries as warnings', () => {
    const r = analyze({
      version: 1,
      series: [{ id: 'a', values: [1, 2, 3, 4] }],
      grid: { start: 0, stepMs: STEP },
      drift: { series: [{ id: 'x', input: { kind: 'nope' } }] },
    } as unknown);
    expect(r.warnings.some((w) => w.code === 'INVALID_REQUEST')).toBe(true);
    expect(r.drift!.series).toEqual([]);
  });
});
