/** @jest-environment node */
/**
 * Property-based fuzz suite of analyze(): random requests with hostile names, extreme magnitudes,
 * NaN/Infinity/null, ragged and unsorted data and unknown options. Fixed seed and bounded runs, so a
 * failure is reproducible: fast-check prints the seed and the shrunk counterexample.
 */
import fc from 'fast-check';
import { analyze } from '../analyze';
import type { AnalyzeResult, ReasonCode } from '../contract';
import { reasonAt } from '../contract/cells';
import { matrixEntries } from '../contract/matrices';
import { resultToJson, type AnalyzeResultJson } from '../resultToJson';

type JsonMatrix = Array<number | null>;

const SEED = 20240611;
const RUNS = 300;

const hostileId = fc.oneof(
  fc.constantFrom(
    'constructor',
    'toString',
    '__proto__',
    'hasOwnProperty',
    'valueOf',
    'prototype',
    '',
    ' ',
    '<img src=x onerror=alert(1)>',
    'a"b',
    'drift:x:psi',
    '📈'
  ),
  fc.string({ maxLength: 6 })
);
const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 0) },
  { weight: 1, arbitrary: fc.double() }
);
/** Per-series magnitude: the same data around 1, or scaled to where squares overflow or underflow. */
const magnitude = fc.constantFrom(1, 1, 1, 1e77, 1e154, 1e-160, 1e300, 1e-300);
const series = fc.record({
  id: hostileId,
  values: fc.array(value, { maxLength: 40 }),
  scale: magnitude,
  timed: fc.constantFrom('none', 'sorted', 'shuffled', 'ragged'),
  transform: fc.option(
    fc.constantFrom<unknown>(
      { type: 'diff' },
      { type: 'rate' },
      { type: 'zscore' },
      { type: 'log', offset: 1 },
      { type: 'rollingMean', window: 3 },
      { type: 'rollingMean', window: 1e9 },
      { type: 'ewm' }
    ),
    { nil: undefined, freq: 2 }
  ),
});
/** A valid option most of the time, sometimes one the engine must refuse. */
const option = <T>(valid: T[], invalid: unknown[]) =>
  fc.option(
    fc.oneof(
      { weight: 40, arbitrary: fc.constantFrom(...valid) },
      { weight: 1, arbitrary: fc.constantFrom(...invalid) }
    ),
    { nil: undefined }
  );
const request = fc.record({
  series: fc.array(series, { minLength: 1, maxLength: 6 }),
  method: option(['pearson', 'spearman', 'kendall'], ['cosine', 1]),
  adjust: option(['fdr_bh', 'bonferroni', 'none'], ['holm']),
  alpha: option([0.05, 0.1, 0.01], [0, 1, 5, NaN]),
  fill: option(['none', 'previous', 'linear'], ['zero']),
  normalization: option(['biased', 'adjusted'], ['unbiased']),
  linkage: option(['average', 'complete', 'single'], ['ward']),
  maxLag: fc.integer({ min: 0, max: 6 }),
  maxLagPairs: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  partial: fc.boolean(),
  minOverlap: option([2, 3, 5], [-1]),
});

type Req = typeof request extends fc.Arbitrary<infer R> ? R : never;

function build(r: Req): unknown {
  return {
    version: 1,
    series: r.series.map((s, i) => {
      const values = s.values.map((v) => (typeof v === 'number' ? v * s.scale : v));
      const t = values.map((_, k) => 1_700_000_000_000 + k * 1000);
      const timestamps =
        s.timed === 'none'
          ? undefined
          : s.timed === 'sorted'
            ? t
            : s.timed === 'shuffled'
              ? t.map((_, k) => t[(k * 7) % t.length])
              : t.slice(0, Math.max(0, t.length - 2));
      return {
        id: s.id,
        values,
        ...(timestamps ? { timestamps } : {}),
        ...(s.transform ? { transform: s.transform } : {}),
        name: `n${i}`,
      };
    }),
    align: { fill: r.fill, minOverlap: r.minOverlap },
    correlation: { method: r.method },
    significance: { alpha: r.alpha, adjust: r.adjust },
    lags: { maxLag: r.maxLag, normalization: r.normalization },
    clustering: { linkage: r.linkage },
    ...(r.partial ? { partial: { controls: [r.series[0].id] } } : {}),
    limits: { maxLagPairs: r.maxLagPairs },
  };
}

const inRange = (v: number | null, lo: number, hi: number) => v === null || (Number.isFinite(v) && v >= lo && v <= hi);

/** Every null of a flat matrix off the diagonal has a reason; every number is finite and in range. */
function checkMatrix(
  name: string,
  m: JsonMatrix,
  reason: Array<ReasonCode | null>,
  N: number,
  lo: number,
  hi: number
): void {
  m.forEach((v, c) => {
    if (!inRange(v, lo, hi)) {
      throw new Error(`${name}[${c}] = ${v} outside [${lo}, ${hi}]`);
    }
    if (v === null && c % (N + 1) !== 0 && reason[c] === null) {
      throw new Error(`${name}[${c}] is null without a reason`);
    }
  });
}

/** Correlation-like fields in [-1, 1], probabilities in [0, 1]. */
function checkMatrices<K extends string>(
  label: string,
  m: Record<K, JsonMatrix> & { ids: string[]; reason: Array<ReasonCode | null> },
  corr: K[],
  prob: K[]
): void {
  corr.forEach((k) => checkMatrix(label + k, m[k], m.reason, m.ids.length, -1, 1));
  prob.forEach((k) => checkMatrix(label + k, m[k], m.reason, m.ids.length, 0, 1));
}

/** The checks read the result as JSON does (missing is null); its matrices hold finite numbers or NaN only. */
function checkResult(result: AnalyzeResult): void {
  for (const { sectionKey, field, values } of matrixEntries(result)) {
    if (values.some((v) => v === Infinity || v === -Infinity)) {
      throw new Error(`${sectionKey}.${field} holds an infinity (missing must be NaN)`);
    }
  }
  const res: AnalyzeResultJson = resultToJson(result);
  expect(() => JSON.stringify(res)).not.toThrow();
  const internal = res.warnings.find((w) => w.code === 'INTERNAL_ERROR');
  if (internal) {
    throw new Error(internal.message);
  }
  for (const s of res.series) {
    if (s.status === 'ok' && (s.mean === null || s.std === null)) {
      throw new Error(`series '${s.id}' is ok but has no mean or std`);
    }
    expect(inRange(s.lag1, -1 - 1e-12, 1 + 1e-12)).toBe(true);
  }
  const c = res.correlation;
  if (c) {
    checkMatrices('', c, ['r', 'ciLow', 'ciHigh'], ['p', 'pNaive', 'q']);
    c.nEff.forEach((ne, k) => {
      if (ne !== null && !(ne <= c.n[k]! + 1e-9 && ne > 0)) {
        throw new Error(`nEff[${k}] = ${ne} with n = ${c.n[k]}`);
      }
    });
    c.ciLow.forEach((l, k) => {
      const h = c.ciHigh[k];
      const r = c.r[k];
      if (l !== null && h !== null && r !== null && !(l <= r + 1e-12 && r <= h + 1e-12)) {
        throw new Error(`CI [${l}, ${h}] does not contain r = ${r}`);
      }
    });
  }
  const p = res.partial;
  if (p) {
    checkMatrices('partial ', p, ['r'], ['p', 'pNaive', 'q']);
  }
  // 'adjusted' divides lag k's sum by its own overlap, as statsmodels does: |r(k)| may exceed 1 there.
  const rMax = res.lags?.normalization === 'adjusted' ? Infinity : 1 + 1e-12;
  for (const pair of res.lags?.pairs ?? []) {
    if (
      (pair.bestLag === null || pair.bestR === null || pair.nEff === null || pair.band === null) &&
      pair.reason === null
    ) {
      throw new Error(`lag pair ${pair.a}/${pair.b} has a null without a reason`);
    }
    expect(pair.bestR === null || Math.abs(pair.bestR) <= rMax).toBe(true);
    expect(pair.nEff === null || pair.nEff <= pair.n).toBe(true);
  }
}

/** Plain two-pass Pearson on the rows where both are finite, in the well-scaled domain. */
function naivePearson(x: number[], y: number[]): number {
  const rows = x.map((_, t) => t).filter((t) => Number.isFinite(x[t]) && Number.isFinite(y[t]));
  const mx = rows.reduce((s, t) => s + x[t], 0) / rows.length;
  const my = rows.reduce((s, t) => s + y[t], 0) / rows.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const t of rows) {
    sxy += (x[t] - mx) * (y[t] - my);
    sxx += (x[t] - mx) ** 2;
    syy += (y[t] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe(`fuzz: analyze() under hostile requests (seed ${SEED}, ${RUNS} runs)`, () => {
  beforeAll(() => {
    console.info(`analyze() fuzz: ${RUNS} runs per property, seed ${SEED}`);
  });

  it('never throws; every null has a reason; every number is finite and in range', () => {
    const seen = { refused: 0, matrix: 0, lags: 0, partial: 0 };
    fc.assert(
      fc.property(request, (r) => {
        const res = analyze(build(r));
        checkResult(res);
        seen.refused += res.warnings.some((w) => w.code === 'UNKNOWN_OPTION') ? 1 : 0;
        seen.matrix += res.correlation ? 1 : 0;
        seen.lags += res.lags?.pairs.some((p) => p.bestLag !== null) ? 1 : 0;
        seen.partial += res.partial ? 1 : 0;
      }),
      { seed: SEED, numRuns: RUNS }
    );
    console.info(`analyze() fuzz coverage: ${JSON.stringify(seen)}`);
    expect(seen.matrix).toBeGreaterThan(RUNS / 4);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('on well-scaled finite data, r equals a plain two-pass Pearson, whatever magnitude the series come in', () => {
    const clean = fc
      .record({
        n: fc.integer({ min: 2, max: 4 }),
        t: fc.integer({ min: 4, max: 30 }),
        scales: fc.array(magnitude, { minLength: 4, maxLength: 4 }),
      })
      .chain(({ n, t, scales }) =>
        fc.record({
          // Well-scaled: values on a 1e-6 grid, so the plain reference itself neither overflows nor underflows.
          data: fc.array(
            fc.array(
              fc.double({ min: -100, max: 100, noNaN: true }).map((v) => Math.round(v * 1e6) / 1e6),
              { minLength: t, maxLength: t }
            ),
            { minLength: n, maxLength: n }
          ),
          scales: fc.constant(scales),
          holes: fc.array(fc.nat({ max: t - 1 }), { maxLength: 3 }),
        })
      );
    fc.assert(
      fc.property(clean, ({ data, scales, holes }) => {
        const withHoles = data.map((x, i) => x.map((v, t) => (i === 0 && holes.includes(t) ? NaN : v)));
        const res = analyze({
          version: 1,
          series: withHoles.map((x, i) => ({
            id: `s${i}`,
            values: x.map((v) => (Number.isNaN(v) ? null : v * scales[i])),
          })),
          lags: { maxLag: 0 },
        });
        checkResult(res);
        const N = data.length;
        for (let i = 0; i < N; i++) {
          for (let j = i + 1; j < N; j++) {
            const got = res.correlation!.r[i * N + j];
            const want = naivePearson(withHoles[i], withHoles[j]);
            if (Number.isNaN(got)) {
              expect(reasonAt(res.correlation!.reason, i * N + j)).not.toBeNull();
              continue;
            }
            // The naive reference loses digits when r is near +-1 or the data nearly constant.
            expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 + 1e-9 / Math.max(1e-6, 1 - Math.abs(want)));
          }
        }
      }),
      { seed: SEED, numRuns: RUNS }
    );
  });
});
