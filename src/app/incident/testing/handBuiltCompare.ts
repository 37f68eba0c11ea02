/**
 * A compare result written by hand for the page's tests: it stands for the engine (src/stats/compare),
 * so the tests assert only what the page shows of it. Three signals: a model target (accuracy) that
 * changed, a cache miss ratio that changed and moves with it (leading), and a request rate that did not.
 */
import type { AnalyzeResult, CompareResult, SignalChange, TargetLink } from '../../../stats';

export const T0 = 1_736_700_000_000;
export const STEP = 60_000;
/** Baseline (T0, T0+40m], incident (T0+40m, T0+50m]. */
export const BASELINE = { from: T0, to: T0 + 40 * STEP };
export const INCIDENT = { from: T0 + 40 * STEP, to: T0 + 50 * STEP };

function change(
  id: string,
  name: string,
  role: SignalChange['role'],
  q: number | null,
  score: number | null
): SignalChange {
  const test = { statistic: null, p: null };
  return {
    id,
    name,
    role,
    baselineMean: 1,
    incidentMean: 2,
    effect: q === null ? null : 2.5,
    level: test,
    ksLevel: test,
    ksDiff: test,
    score,
    p: q,
    q,
    nEffBaseline: 20,
    nEffIncident: 8,
    reason: q === null ? 'constant' : null,
  };
}

export function cacheLink(): TargetLink {
  return {
    other: 'cache_miss',
    role: 'infrastructure',
    rBaseline: 0.05,
    rIncident: 0.82,
    deltaR: 0.77,
    zDelta: 3.1,
    pDelta: 0.002,
    pIncident: 0.0004,
    qIncident: 0.001,
    nEffIncident: 8,
    partialR: 0.8,
    partialQ: 0.002,
    lead: {
      bestLag: 2,
      bestR: 0.85,
      qBestLag: 0.01,
      atEdge: false,
      kind: 'leads',
      text: 'cache miss ratio leads accuracy by 2m (r = 0.85).',
      curve: [0.1, 0.3, 0.6, 0.82, 0.85],
      maxLag: 2,
      band: 0.3,
    },
  };
}

export function handBuiltCompare(overrides: Partial<CompareResult> = {}): CompareResult {
  return {
    incident: { ...INCIDENT, points: 10 },
    baseline: { ...BASELINE, points: 40 },
    alpha: 0.05,
    targets: ['accuracy'],
    controls: ['requests'],
    signals: [
      change('cache_miss', 'cache miss ratio', 'infrastructure', 0.001, 0.9),
      change('accuracy', 'accuracy', 'model', 0.003, 0.7),
      change('requests', 'request rate', 'control', 0.6, 0.1),
    ],
    links: {
      accuracy: [
        cacheLink(),
        {
          ...cacheLink(),
          other: 'requests',
          role: 'control',
          rIncident: 0.1,
          qIncident: 0.7,
          lead: { bestLag: null, bestR: null, qBestLag: null, atEdge: false, kind: 'unavailable', text: 'no lead' },
        },
      ],
    },
    verdicts: [
      {
        target: 'accuracy',
        targetName: 'accuracy',
        kind: 'infrastructure',
        named: ['cache_miss'],
        sentence: 'accuracy moves with cache miss ratio, which leads it by 2m.',
        evidence: ['cache miss ratio: r 0.82 (q 0.001) in the incident, 0.05 before'],
      },
    ],
    caution: 'Correlation is not causation: check the named signals before acting.',
    ids: ['accuracy', 'cache_miss', 'requests'],
    rBaseline: Float64Array.from([1, 0.05, 0.1, 0.05, 1, 0.2, 0.1, 0.2, 1]),
    rIncident: Float64Array.from([1, 0.82, 0.1, 0.82, 1, 0.2, 0.1, 0.2, 1]),
    deltaR: Float64Array.from([0, 0.77, 0, 0.77, 0, 0, 0, 0, 0]),
    pDelta: Float64Array.from([NaN, 0.002, 0.9, 0.002, NaN, 0.9, 0.9, 0.9, NaN]),
    qDelta: Float64Array.from([NaN, 0.006, 0.9, 0.006, NaN, 0.9, 0.9, 0.9, NaN]),
    ...overrides,
  };
}

/** An analyze result around a compare section, with aligned values over baseline and incident. */
export function handBuiltResult(compare: CompareResult = handBuiltCompare()): AnalyzeResult {
  const length = 51;
  const values = (shift: number) => Array.from({ length }, (_, i) => (i > 40 ? shift + i * 0.01 : i * 0.01));
  return {
    version: 1,
    engine: { name: 'infradrift-stats', contract: 1 },
    grid: { start: T0, stepMs: STEP, length, stepInferred: false },
    series: compare.signals.map((s, k) => ({
      id: s.id,
      name: s.name,
      count: length,
      mean: 1,
      std: 1,
      lag1: 0.5,
      status: 'ok' as const,
      transforms: [],
      values: values(k === 2 ? 0 : 3),
    })),
    compare,
    warnings: [],
    cancelled: false,
    timingsMs: {},
  };
}
