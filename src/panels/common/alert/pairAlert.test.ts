/** @jest-environment node */
import { parse } from 'yaml';
import type { SignalProvenance } from '../../../shared/frameContract';
import { lagChoice } from './lagChoice';
import { pairAlert, PairAlertInput, PairSide } from './pairAlert';
import { signalDefinition } from './signalDefinition';

const STEP = 60_000;
const gauge = (expr: string, over: Partial<SignalProvenance> = {}): SignalProvenance => ({
  datasource: { uid: 'prom', type: 'prometheus' },
  expr,
  sentExpr: expr,
  kind: 'gauge',
  transforms: [{ type: 'none' }],
  stepMs: STEP,
  ...over,
});
const side = (name: string, provenance?: SignalProvenance, labels: Record<string, string> = {}): PairSide => ({
  name,
  labels,
  provenance,
});
const input = (over: Partial<PairAlertInput> = {}): PairAlertInput => ({
  a: side('cache_miss_ratio', gauge('cache_miss_ratio')),
  b: side('feature_drift', gauge('feature_drift')),
  method: 'pearson',
  windowMs: 3_600_000,
  stepMs: STEP,
  lag: { seconds: 0, why: 'no lag: the best lag is 0' },
  ...over,
});

function ok(x: PairAlertInput) {
  const out = pairAlert(x);
  if (!out.ok) {
    throw new Error(out.reasons.join('; '));
  }
  return out;
}

function refused(x: PairAlertInput) {
  const out = pairAlert(x);
  if (out.ok) {
    throw new Error('expected a refusal');
  }
  return out;
}

describe('pairAlert', () => {
  it('defaults to |r| >= 0.7 over the analysis window at the analysis step', () => {
    const out = ok(input());
    const rule = out.request.rules[0];
    expect(rule).toMatchObject({
      type: 'correlation',
      windowSeconds: 3600,
      stepSeconds: 60,
      lagSeconds: 0,
      threshold: { kind: 'abs', value: 0.7 },
    });
    expect(out.build.alerts[0].thresholdText).toBe('|r| >= 0.7');
    expect(out.build.alerts[0].promql).toContain('cache_miss_ratio');
    expect(out.summary).toBe(
      'Fires when Pearson r of cache_miss_ratio and feature_drift over the last 1h (no lag: the best lag is 0) stays at |r| >= 0.7 for 5m.'
    );
    expect(ok(input({ threshold: 0.85 })).build.alerts[0].thresholdText).toBe('|r| >= 0.85');
  });

  it('caps the window at a day for a long dashboard range, and says so', () => {
    const out = ok(input({ windowMs: 30 * 86_400_000 }));
    expect(out.request.rules[0]).toMatchObject({ type: 'correlation', windowSeconds: 86_400 });
    expect(out.notices[0]).toMatch(/dashboard range is 30d.*the rule uses the last 1d/);
    expect(ok(input()).notices.join(' ')).not.toMatch(/dashboard range/);
  });

  it('uses the lag it is given (the caller decides significance) with the engine sign', () => {
    const rule = ok(input({ lag: { seconds: 180, why: 'x' } })).request.rules[0];
    expect(rule).toMatchObject({ lagSeconds: 180 });
    expect(ok(input({ lag: { seconds: 180, why: 'x' } })).build.prometheusRuleFile).toContain('offset 3m');
  });

  it('refuses Spearman as not expressible in PromQL and offers Pearson on the same pair', () => {
    const out = refused(input({ method: 'spearman' }));
    expect(out.offerPearson).toBe(true);
    expect(out.reasons[0]).toMatch(/Spearman correlation is not expressible in PromQL/);
    expect(out.reasons[0]).toMatch(/Instead: use Pearson on the same pair/);
  });

  it('refuses a signal without provenance, a non-Prometheus source and two sources, saying why', () => {
    expect(refused(input({ b: side('feature_drift') })).reasons[0]).toMatch(
      /feature_drift has no provenance: the panel computed it from plain time series/
    );
    expect(refused(input({ b: side('x', gauge('x', { datasource: { uid: 'l', type: 'loki' } })) })).reasons[0]).toMatch(
      /comes from a loki data source/
    );
    expect(refused(input({ b: side('x', gauge('x', { datasource: null })) })).reasons[0]).toMatch(
      /could not be resolved/
    );
    expect(
      refused(input({ b: side('x', gauge('x', { datasource: { uid: 'other', type: 'prometheus' } })) })).reasons[0]
    ).toMatch(/two data sources/);
    expect(refused(input({ b: side('x') })).offerPearson).toBe(false);
  });

  it('refuses drift against a static baseline as not expressible', () => {
    const drift = gauge('recsys_feature_value{feature="x"}', {
      kind: 'histogram',
      transforms: [],
      histogramBy: [],
      drift: {
        method: 'ks',
        windowMs: 5 * STEP,
        baseline: { kind: 'static', distribution: { le: ['1', '+Inf'], counts: [1, 1] } as never },
      },
    });
    const out = refused(input({ b: side('x drift (ks)', drift) }));
    expect(out.reasons.join(' ')).toMatch(/static/i);
    expect(out.offerPearson).toBe(false);
  });

  it('says a partial correlation matrix becomes a plain Pearson rule', () => {
    expect(ok(input({ controls: ['cpu'] })).notices[0]).toMatch(
      /partial correlations given cpu; the rule computes the plain Pearson r/
    );
  });

  it('keeps a hostile label value as data: escaped in PromQL, round-trips through YAML', () => {
    const hostile = 'x"}\n{{ $labels }} <img src=x onerror=alert(1)>';
    const out = ok(input({ a: side('cache_miss_ratio', gauge('cache_miss_ratio'), { pod: hostile }) }));
    // A PromQL string literal (Go escapes), with `$` doubled because label_replace reads `$1` as a group.
    const literal = JSON.stringify(hostile.replace(/\$/g, '$$$$'));
    expect(out.build.alerts[0].promql).toContain(`label_replace(vector(1), "pod", ${literal}, "", "")`);
    const groups = parse(out.build.prometheusRuleFile).groups;
    expect(groups[0].rules[0].expr).toContain(literal);
    expect(parse(out.build.grafanaProvisioning).groups[0].rules[0].data[0].model.expr).toContain(literal);
  });
});

describe('signalDefinition', () => {
  it('keeps the shaping transform, drops those PromQL needs not (rate, z-score)', () => {
    expect(
      signalDefinition(gauge('x', { kind: 'counter', transforms: [{ type: 'rate' }, { type: 'log' }] }))
    ).toMatchObject({ kind: 'counter', transform: 'log' });
    expect(signalDefinition(gauge('x', { transforms: [{ type: 'zscore' }] })).transform).toBeUndefined();
  });
  it('maps drift settings to the data source baseline choices and window steps', () => {
    const def = signalDefinition(
      gauge('h', {
        kind: 'histogram',
        histogramBy: ['feature'],
        drift: { method: 'psi', windowMs: 10 * STEP, baseline: { kind: 'shifted', shift: '7d' } },
      })
    );
    expect(def).toMatchObject({
      kind: 'histogram',
      by: ['feature'],
      driftMethod: 'psi',
      windowSteps: 10,
      baseline: '7d',
    });
  });
});

describe('lagChoice', () => {
  // A lag curve's lead inputs: best lag 3m on a 60 s grid, searched over ±10 steps, alpha 0.05.
  const curve = (bestLagSeconds: number | null, bestR: number | null, qBestLag: number | null, atEdge = false) => ({
    bestLagSeconds,
    bestR,
    pBestLag: qBestLag,
    qBestLag,
    atEdge,
    alpha: 0.05,
    stepMs: 60_000,
    maxLag: 10,
  });
  it('takes the best lag only when the engine states a lead', () => {
    expect(lagChoice(curve(180, 0.8, 0.004), 'a', 'b')).toEqual({
      seconds: 180,
      why: 'a leads b by 3m (r = 0.80 at that lag, q = 0.004)',
    });
    expect(lagChoice(curve(-120, -0.5, 0.01), 'a', 'b')).toMatchObject({
      seconds: -120,
      why: expect.stringMatching(/^b leads a by 2m/),
    });
    expect(lagChoice(undefined, 'a', 'b').why).toMatch(/no lag curve/);
  });
  it('uses no lag when the best lag is not a stated lead', () => {
    // Outside any pointwise band, but q above alpha: no clear lead.
    expect(lagChoice(curve(180, 0.8, 0.2), 'a', 'b')).toEqual({
      seconds: 0,
      why: 'no lag: no clear lead between a and b (strongest lag: r = 0.80, q = 0.20)',
    });
    expect(lagChoice(curve(180, 0.8, null), 'a', 'b').seconds).toBe(0);
    expect(lagChoice(curve(600, 0.8, 0.0005, true), 'a', 'b')).toEqual({
      seconds: 0,
      why: 'no lag: peak at the edge of ±10m: widen the lag range before reading a lead between a and b (r = 0.80, q < 0.001)',
    });
    expect(lagChoice(curve(0, 0.9, 0.0002), 'a', 'b')).toEqual({
      seconds: 0,
      why: 'lag 0: a moves with b at the same time (r = 0.90, q < 0.001)',
    });
  });
});
