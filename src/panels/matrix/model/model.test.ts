import { createTheme } from '@grafana/data';
import { buildColorTable, colorIndex, SCALE_STEPS } from '../../common/colorScale';
import { formatDuration, formatP, formatR } from '../../common/format';
import { findLagCurve, lagCurves, seriesByName } from '../../common/frames';
import { niceTicks, timeTicks } from '../../common/plot';
import { leadCaption, leadOf, pairSentence } from '../../common/words';
import { engineFrames } from '../../testing/fixtures';
import { computeLayout, hitTest, truncateLabel, valueFontPx } from './geometry';
import { buildMatrixModel, cellInfo, isSignificant } from './matrixModel';
import { scatterPairs, zscore } from './pairData';
import { buildPalette } from './palette';
import { buildView, dendrogramSegments, isVisible, moveActive } from './view';

const measure = (t: string) => t.length * 6;

function model() {
  const built = buildMatrixModel(engineFrames({ aligned: true }));
  if (!built.ok) {
    throw new Error(built.problem);
  }
  return built.model;
}

describe('matrix model', () => {
  it('reads the matrix frame into flat arrays by signal', () => {
    const m = model();
    expect(m.names).toEqual(['cache_miss_ratio', 'model_drift', 'noise']);
    const c = cellInfo(m, 0, 1);
    expect(c.r).toBeGreaterThan(0.8);
    // Lag convention: positive best lag = row leads column; the miss ratio leads by 3 steps of 60 s.
    expect(c.bestLagSeconds).toBe(180);
    expect(cellInfo(m, 1, 0).bestLagSeconds).toBe(-180);
    // The lead decision's inputs travel with the cell, the same both ways round, and the lead reads row first.
    expect(cellInfo(m, 1, 0).qBestLag).toBe(c.qBestLag);
    expect(c.atEdge).toBe(false);
    expect(c.lead!.text).toBe(
      leadOf({ ...c, bestR: c.rAtBestLag }, { alpha: m.lagAlpha, stepMs: m.stepMs, maxLag: m.maxLag }).text
    );
    expect(cellInfo(m, 0, 0).lead).toBeNull();
    expect(isSignificant(m, 1)).toBe(true);
    expect(isSignificant(m, 2)).toBe(false);
  });

  it('reports missing and malformed frames', () => {
    expect(buildMatrixModel([])).toEqual({ ok: false, problem: 'no-matrix' });
  });

  it('builds views: cluster order, model x infra, triangles and keyboard moves', () => {
    const m = model();
    const all = buildView(m, { clusterOrder: false, layout: 'all', triangle: 'lower' });
    expect(all.rows).toEqual([0, 1, 2]);
    expect(isVisible(all, 2, 0)).toBe(true);
    expect(isVisible(all, 0, 2)).toBe(false);
    expect(moveActive(all, { a: 1, b: 1 }, 'ArrowRight')).toEqual({ a: 1, b: 1 });
    expect(moveActive(all, { a: 1, b: 1 }, 'ArrowDown')).toEqual({ a: 2, b: 1 });
    const mi = buildView(m, { clusterOrder: true, layout: 'model-infra', triangle: 'lower' });
    expect(mi.rows.map((i) => m.names[i])).toEqual(['model_drift']);
    expect(mi.cols.map((i) => m.names[i]).sort()).toEqual(['cache_miss_ratio', 'noise']);
    expect(mi.triangle).toBe('full');
    const noModel = buildView(
      { ...m, signals: m.signals.map((s) => ({ ...s, role: 'infra' as const })) },
      { clusterOrder: true, layout: 'model-infra', triangle: 'full' }
    );
    expect(noModel.note).toMatch(/No model signals/);
  });

  it('draws the dendrogram as 3 segments per merge, leaves at their row centres', () => {
    const m = model();
    const segs = dendrogramSegments(m, m.order);
    expect(segs).toHaveLength(3 * (m.size - 1));
    expect(segs.every((s) => s.y1 >= 0 && s.y2 <= 1)).toBe(true);
    expect(Math.min(...segs.map((s) => s.x1))).toBe(0.5);
  });
});

describe('geometry', () => {
  const layout = computeLayout({
    width: 600,
    height: 400,
    rows: ['a', 'bb', 'ccc'],
    cols: ['a', 'bb', 'ccc'],
    dendrogram: false,
    measure,
  });
  it('fits square cells and hit-tests them', () => {
    expect(layout.cell).toBeGreaterThan(50);
    expect(hitTest(layout, layout.gridX + 1.5 * layout.cell, layout.gridY + 0.5 * layout.cell)).toEqual({ a: 0, b: 1 });
    expect(hitTest(layout, layout.gridX - 1, layout.gridY)).toBeNull();
  });
  it('thins labels for tiny cells and truncates long ones', () => {
    const names = Array.from({ length: 300 }, (_, i) => `signal_${i}`);
    const big = computeLayout({ width: 800, height: 800, rows: names, cols: names, dendrogram: true, measure });
    expect(big.rowStride).toBeGreaterThan(1);
    expect(truncateLabel('feature_drift:user_tenure_days', 60, measure)).toBe('feature_d…');
    expect(truncateLabel('short', 60, measure)).toBe('short');
    expect(valueFontPx(10)).toBe(0);
    expect(valueFontPx(40)).toBeGreaterThanOrEqual(8);
  });
});

describe('colour scale', () => {
  it('is neutral at 0 and theme blue/red at the ends, in both themes', () => {
    for (const mode of ['dark', 'light'] as const) {
      const theme = createTheme({ colors: { mode } });
      const p = buildPalette(theme, false);
      expect(p.cells).toHaveLength(SCALE_STEPS);
      expect(p.cells[colorIndex(0)]).toBe(
        buildColorTable({ negative: 'blue', neutral: theme.colors.background.primary, positive: 'red' })[100]
      );
      expect(p.cells[colorIndex(1)]).not.toBe(p.cells[colorIndex(-1)]);
      expect(buildPalette(theme, true).cells[colorIndex(1)]).toBe(p.cells[colorIndex(-1)]);
    }
    expect(colorIndex(NaN)).toBe(-1);
    expect(colorIndex(5)).toBe(SCALE_STEPS - 1);
  });
});

describe('words and formats', () => {
  // A best lag of 2m on a 60 s grid, searched over ±10 steps (±10m), read at alpha 0.05.
  const grid = { alpha: 0.05, stepMs: 60_000, maxLag: 10 };
  const evidence = (bestLagSeconds: number, qBestLag: number | null, atEdge = false) => ({
    a: 'cache_miss_ratio',
    b: 'feature_psi',
    bestLagSeconds,
    bestR: 0.62,
    pBestLag: qBestLag,
    qBestLag,
    atEdge,
  });
  const fit = (name: string) => name;
  it('states a lead only when the best lag is significant and inside the range', () => {
    expect(leadOf(evidence(120, 0.004), grid).text).toBe(
      'cache_miss_ratio leads feature_psi by 2m (r = 0.62 at that lag, q = 0.004).'
    );
    expect(leadOf(evidence(-90, 0.004), grid).text).toMatch(/^feature_psi leads cache_miss_ratio by 1m 30s /);
    expect(leadCaption(evidence(120, 0.004), grid, fit, 80)).toBe('cache_miss_ratio leads by 2m');
  });
  it('reads a best lag that is not significant as no clear lead', () => {
    expect(leadOf(evidence(120, 0.3), grid)).toMatchObject({
      kind: 'no-clear-lead',
      text: 'No clear lead between cache_miss_ratio and feature_psi (strongest lag: r = 0.62, q = 0.30).',
    });
    expect(leadOf(evidence(120, null), grid).kind).toBe('no-clear-lead');
    expect(leadCaption(evidence(120, 0.3), grid, fit, 80)).toBe('no clear lead');
  });
  it('asks for a wider range when a significant peak sits at the edge', () => {
    expect(leadOf(evidence(600, 0.001, true), grid).text).toMatch(/^Peak at the edge of ±10m: widen the lag range/);
    expect(leadCaption(evidence(600, 0.001, true), grid, fit, 80)).toBe(
      'peak at the edge of ±10m: widen the lag range'
    );
    expect(leadCaption(evidence(0, 0.001), grid, fit, 80)).toBe('moves at the same time (lag 0)');
  });
  it('writes the drill-down sentence: the correlation, then the lead statement', () => {
    const numbers = {
      a: 'cache_miss_ratio',
      b: 'feature_psi',
      r: 0.85,
      ciLow: 0.8,
      ciHigh: 0.89,
      q: 0.0004,
      p: 0.0001,
      nEff: 41.2,
      n: 300,
    };
    expect(pairSentence({ ...numbers, lead: leadOf(evidence(120, 0.004), grid) })).toBe(
      'cache_miss_ratio and feature_psi: r = 0.85 (CI 0.80–0.89), q < 0.001, n_eff 41. cache_miss_ratio leads feature_psi by 2m (r = 0.62 at that lag, q = 0.004).'
    );
    expect(pairSentence({ ...numbers, lead: leadOf(evidence(120, 0.3), grid) })).toMatch(
      /n_eff 41\. No clear lead between/
    );
    expect(pairSentence(numbers)).toBe(
      'cache_miss_ratio and feature_psi: r = 0.85 (CI 0.80–0.89), q < 0.001, n_eff 41.'
    );
    expect(
      pairSentence({
        a: 'x',
        b: 'y',
        r: null,
        ciLow: null,
        ciHigh: null,
        q: null,
        p: null,
        nEff: null,
        n: 2,
        reason: 'too_few_points',
      })
    ).toBe('No correlation for x and y (too few points).');
  });
  it('formats numbers', () => {
    expect(formatR(-0.456)).toBe('−0.46');
    expect(formatR(null)).toBe('–');
    expect(formatP(0.0042)).toBe('0.004');
    expect(formatP(0.31)).toBe('0.31');
    expect(formatDuration(7260)).toBe('2h 1m');
    expect(formatDuration(-90)).toBe('-1m 30s');
    expect(formatDuration(0)).toBe('0s');
    expect(niceTicks(-15, 15, 3)).toEqual([-10, 0, 10]);
    expect(timeTicks(0, 3600_000, 4)).toEqual([0, 900_000, 1_800_000, 2_700_000, 3_600_000]);
  });
});

describe('frames for the drill-down', () => {
  it('finds lag curves in either direction and pairs series for the scatter', () => {
    const frames = engineFrames({ aligned: true });
    const curves = lagCurves(frames);
    const ab = findLagCurve(curves, 'cache_miss_ratio', 'model_drift')!;
    const ba = findLagCurve(curves, 'model_drift', 'cache_miss_ratio')!;
    expect(ab.bestLagSeconds).toBe(180);
    expect(ba.bestLagSeconds).toBe(-180);
    expect(ba.r[0]).toBe(ab.r[ab.r.length - 1]);
    const series = seriesByName(frames);
    const sc = scatterPairs(series.get('cache_miss_ratio')!, series.get('model_drift')!);
    expect(sc.count).toBe(240);
    expect(sc.fit!.slope).toBeGreaterThan(0);
    const z = zscore(series.get('noise')!, 60_000);
    expect(z.times[0]).toBe(series.get('noise')!.times[0] - 60_000);
  });
});
