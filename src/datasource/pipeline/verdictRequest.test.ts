import { dateTime } from '@grafana/data';
import { rangeUpstream } from '../../testing/rangeUpstream';
import { withDefaults } from '../query/defaults';
import { timeGrid } from '../query/timeGrid';
import type { AnalysisSpec, InfraDriftQuery, SignalQuery } from '../types';
import { runPipeline } from './runPipeline';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T = Date.UTC(2026, 0, 10);

/** The values do not matter here, only the ranges asked and the requests built. */
const upstream = () => rangeUpstream((_expr, t, i) => Math.sin(i / 7) + (t > T - HOUR ? 1 : 0));

const signal = (key: string, legend: string, role: SignalQuery['role']): SignalQuery => ({
  key,
  expr: key.toLowerCase(),
  legendFormat: legend,
  role,
  kind: 'gauge',
  transform: 'none',
});
const SIGNALS = [
  signal('A', 'cpu', 'infra'),
  signal('B', 'request rate', 'infra'),
  signal('C', 'conversion', 'model'),
  signal('D', 'accuracy', 'model'),
];

function query(analysis: Partial<AnalysisSpec>): InfraDriftQuery {
  const base = withDefaults({ refId: 'A' });
  return { ...base, signals: SIGNALS, analysis: { ...base.analysis, confounders: ['request rate'], ...analysis } };
}

async function run(analysis: Partial<AnalysisSpec>, verdict = true) {
  const { srv, ranges } = upstream();
  const range = { from: dateTime(T - HOUR), to: dateTime(T), raw: { from: 'now-1h', to: 'now' } };
  const out = await runPipeline({
    query: query(analysis),
    range,
    intervalMs: MINUTE,
    settings: { defaultSource: { type: 'prometheus', uid: 'prom' } },
    srv,
    verdict,
  });
  return { out, ranges };
}

describe('runPipeline with the verdict on', () => {
  it('fetches the baseline with the range once, and keeps the matrix on the visible range', async () => {
    const { out, ranges } = await run({ verdict: { enabled: true, baseline: 'preceding' } });
    // Every signal fetched once, from 4 h before the range to its end.
    expect(ranges).toEqual(SIGNALS.map(() => ({ from: T - 5 * HOUR, to: T, step: MINUTE })));
    const visible = timeGrid(T - HOUR, T, MINUTE, {}, SIGNALS);
    expect(out.grid).toEqual(visible);
    expect(out.request.grid).toEqual({ start: visible.start, end: visible.end, stepMs: MINUTE });
    // The matrix's series hold the visible grid only (placed by index), not the baseline.
    for (const s of out.request.series) {
      expect(s.timestamps).toBeUndefined();
      expect(s.values).toHaveLength(61);
    }
    expect(out.request.correlation?.enabled).toBe(true);
    expect(out.request.partial).toEqual({ controls: ['request rate'] });
  });

  it('asks the engine for the compare only, on the long grid, with targets, controls and infrastructure by role', async () => {
    const { out } = await run({ verdict: { enabled: true, baseline: 'preceding' } });
    const request = out.verdict!.request;
    expect(request.grid).toEqual({ start: T - 5 * HOUR, end: T, stepMs: MINUTE });
    expect(request.series.map((s) => [s.id, s.values.length])).toEqual([
      ['cpu', 301],
      ['request rate', 301],
      ['conversion', 301],
      ['accuracy', 301],
    ]);
    expect(request.compare).toEqual({
      incident: { from: T - HOUR, to: T },
      baseline: { kind: 'preceding', factor: 4 },
      targets: ['conversion', 'accuracy'],
      controls: ['request rate'],
      infrastructure: ['cpu'],
      alpha: 0.05,
      includeMatrices: false,
    });
    // Nothing the panel would not show: no matrix, lags, clusters or partial correlations over the baseline.
    expect(request.correlation?.enabled).toBe(false);
    expect(request).not.toHaveProperty('lags');
    expect(request).not.toHaveProperty('clustering');
    expect(request).not.toHaveProperty('partial');
    expect(request.includeAligned).toBeUndefined();
  });

  it('compares with the same window a day earlier when asked', async () => {
    const { out, ranges } = await run({ verdict: { enabled: true, baseline: '1d' } });
    expect(out.verdict!.request.compare?.baseline).toEqual({ kind: 'shifted', shift: '1d' });
    expect(ranges[0].from).toBe(T - 25 * HOUR);
  });

  it('leaves the query as it was for a caller that does not ask for the verdict (the incident page)', async () => {
    const { out, ranges } = await run({ verdict: { enabled: true, baseline: 'preceding' } }, false);
    expect(out.verdict).toBeUndefined();
    expect(ranges.every((r) => r.from === T - HOUR)).toBe(true);
  });

  it('leaves the query as it was when the verdict is off, absent, or the output is not the matrix', async () => {
    for (const analysis of [
      {},
      { verdict: { enabled: false, baseline: 'preceding' as const } },
      { output: 'lags' as const, verdict: { enabled: true, baseline: 'preceding' as const } },
    ]) {
      const { out, ranges } = await run(analysis);
      expect(out.verdict).toBeUndefined();
      expect(ranges[0].from).toBe(out.grid.start);
      expect(out.grid.start).toBe(T - HOUR);
    }
  });
});
