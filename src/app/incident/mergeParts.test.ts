import type { PipelineOutput } from '../../datasource/pipeline';
import { mergeParts } from './mergeParts';

const STEP = 60_000;

function part(start: number, points: number, values: Record<string, number[]>, drift?: number[][]): PipelineOutput {
  const end = start + (points - 1) * STEP;
  return {
    request: {
      version: 1,
      grid: { start, end, stepMs: STEP },
      series: Object.entries(values).map(([id, v]) => ({ id, name: id, values: Float64Array.from(v) })),
      ...(drift
        ? {
            drift: {
              correlate: true,
              series: [
                { id: 'h', name: 'h', input: { kind: 'histogram' as const, le: ['1', '+Inf'], buckets: drift } },
              ],
            },
          }
        : {}),
    },
    signals: Object.keys(values).map((name) => ({ name, role: 'infra' as const, signal: 'A', labels: {} })),
    notices: [{ severity: 'warning', text: 'same note' }],
    grid: { start, end, stepMs: STEP, visibleFrom: start },
    query: {} as PipelineOutput['query'],
  };
}

describe('mergeParts', () => {
  it('places both parts on one grid by index, the gap missing, a series only one part has kept', () => {
    const merged = mergeParts([part(0, 2, { a: [1, 2], b: [5, 6] }), part(4 * STEP, 2, { a: [3, 4] })]);
    expect(merged.request.grid).toEqual({ start: 0, end: 5 * STEP, stepMs: STEP });
    const a = merged.request.series.find((s) => s.id === 'a')!;
    expect(Array.from(a.values as Float64Array)).toEqual([1, 2, NaN, NaN, 3, 4]);
    const b = merged.request.series.find((s) => s.id === 'b')!;
    expect(Array.from(b.values as Float64Array)).toEqual([5, 6, NaN, NaN, NaN, NaN]);
    expect(merged.signals.map((s) => s.name)).toEqual(['a', 'b']);
    expect(merged.notices).toHaveLength(1);
  });

  it('merges histogram buckets of a drift series the same way', () => {
    const merged = mergeParts([part(0, 1, {}, [[1], [2]]), part(2 * STEP, 1, {}, [[3], [4]])]);
    const input = merged.request.drift!.series[0].input;
    expect(input.kind === 'histogram' && input.buckets.map((b) => Array.from(b as Float64Array))).toEqual([
      [1, NaN, 3],
      [2, NaN, 4],
    ]);
  });

  it('refuses parts fetched with different steps', () => {
    const other = part(10 * STEP, 2, { a: [1, 2] });
    other.grid.stepMs = 2 * STEP;
    other.request.grid!.stepMs = 2 * STEP;
    expect(() => mergeParts([part(0, 2, { a: [1, 2] }), other])).toThrow(/different grid steps/);
  });
});
