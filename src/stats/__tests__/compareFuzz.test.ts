/** @jest-environment node */
/**
 * Property-based fuzz of the compare section (incident against baseline, verdicts): random series with
 * gaps, infinities, constants and extreme magnitudes, windows anywhere (reversed, empty, outside the data,
 * one point), any baseline, hostile or unknown ids as targets and controls, odd options. Whatever comes
 * in: no exception, no internal error, JSON-safe numbers in their ranges, and words that never say
 * "causes". Fixed seed and bounded runs: fast-check prints the seed and the shrunk counterexample.
 */
import fc from 'fast-check';
import { analyze } from '../analyze';
import type { CompareResult } from '../contract';
import { resultToJson } from '../resultToJson';

const SEED = 20261126;
const RUNS = 250;
const STEP = 60_000;

const id = fc.constantFrom('model', 'cpu', 'cache', 'traffic', '__proto__', 'constructor', '', '<b>x</b>', 'a"b');
const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, NaN, Infinity, -Infinity, 0, 1e308, 5e-324) }
);
/** A series: random values, or a random walk (persistent, as monitoring series are), maybe scaled far. */
const series = fc.record({
  id,
  kind: fc.constantFrom('values', 'walk', 'constant'),
  values: fc.array(value, { minLength: 0, maxLength: 90 }),
  scale: fc.constantFrom(1, 1, 1, 1e150, 1e-150),
  shift: fc.double({ min: -5, max: 5, noNaN: true }),
});
/** A window in grid steps, sometimes reversed, empty, outside the data or not a number. */
const window = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: -20, max: 100 }), fc.integer({ min: 0, max: 60 })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<[number, number]>([50, -10], [30, 0], [1e6, 5], [Number.NaN, 10], [0, 1]),
  }
);
const baseline = fc.oneof(
  fc.constant(undefined),
  fc.record({ kind: fc.constant('preceding'), factor: fc.constantFrom(1, 2, 4, 0, -1, 0.5, NaN, 1e9) }),
  fc.record({ kind: fc.constant('shifted'), shift: fc.constantFrom(STEP * 30, STEP * 60, '1d', '7d', 'soon', -STEP) }),
  fc
    .tuple(fc.integer({ min: -10, max: 80 }), fc.integer({ min: 0, max: 60 }))
    .map(([from, len]) => ({ kind: 'fixed', from: from * STEP, to: (from + len) * STEP })),
  fc.constantFrom<unknown>({ kind: 'nope' }, null, 'preceding', { kind: 'fixed', from: 'a', to: 'b' })
);
const request = fc.record({
  series: fc.array(series, { minLength: 1, maxLength: 5 }),
  incident: window,
  baseline,
  targets: fc.array(id, { maxLength: 3 }),
  controls: fc.option(fc.array(id, { maxLength: 2 }), { nil: undefined }),
  infrastructure: fc.option(fc.array(id, { maxLength: 3 }), { nil: undefined }),
  maxLag: fc.option(fc.constantFrom(0, 1, 3, 10, -2, 1e9, NaN), { nil: undefined }),
  alpha: fc.option(fc.constantFrom(0.05, 0.1, 0, 1, -1, NaN), { nil: undefined }),
  minEffective: fc.option(fc.constantFrom(0, 4, 10, 1e6, NaN), { nil: undefined }),
  includeMatrices: fc.option(fc.boolean(), { nil: undefined }),
});

type Req = typeof request extends fc.Arbitrary<infer R> ? R : never;

function build(r: Req): unknown {
  return {
    version: 1,
    grid: { start: 0, stepMs: STEP },
    correlation: { enabled: false },
    series: r.series.map((s) => {
      let level = 0;
      const values = s.values.map((v, k) => {
        if (s.kind === 'constant') {
          return s.shift;
        }
        if (s.kind === 'walk' && typeof v === 'number' && Number.isFinite(v)) {
          level += v / 100;
          return (level + (k > s.values.length / 2 ? s.shift : 0)) * s.scale;
        }
        return typeof v === 'number' ? v * s.scale : v;
      });
      return { id: s.id, values };
    }),
    compare: {
      incident: { from: r.incident[0] * STEP, to: (r.incident[0] + r.incident[1]) * STEP },
      ...(r.baseline !== undefined ? { baseline: r.baseline } : {}),
      targets: r.targets,
      ...(r.controls ? { controls: r.controls } : {}),
      ...(r.infrastructure ? { infrastructure: r.infrastructure } : {}),
      maxLag: r.maxLag,
      alpha: r.alpha,
      minEffective: r.minEffective,
      includeMatrices: r.includeMatrices,
    },
  };
}

const within = (v: number | null | undefined, lo: number, hi: number) =>
  v === null || v === undefined || (Number.isFinite(v) && v >= lo - 1e-12 && v <= hi + 1e-12);

function expectInRange(what: string, v: number | null | undefined, lo: number, hi: number): void {
  if (!within(v, lo, hi)) {
    throw new Error(`${what} = ${v} outside [${lo}, ${hi}]`);
  }
}

/** What every compare result must satisfy, whatever its input. */
function checkCompare(c: CompareResult): void {
  expectInRange('alpha', c.alpha, 0, 1);
  for (const s of c.signals) {
    for (const [k, v] of [
      ['p', s.p],
      ['q', s.q],
      ['level.p', s.level.p],
      ['ksLevel.p', s.ksLevel.p],
      ['ksDiff.p', s.ksDiff.p],
    ] as const) {
      expectInRange(`signal ${s.id} ${k}`, v, 0, 1);
    }
    expectInRange(`signal ${s.id} score`, s.score, 0, 1);
    expectInRange(`signal ${s.id} nEffBaseline`, s.nEffBaseline, 0, c.baseline.points);
    expectInRange(`signal ${s.id} nEffIncident`, s.nEffIncident, 0, c.incident.points);
  }
  for (const [target, links] of Object.entries(c.links)) {
    for (const l of links) {
      const at = `link ${target}/${l.other}`;
      expectInRange(`${at} rBaseline`, l.rBaseline, -1, 1);
      expectInRange(`${at} rIncident`, l.rIncident, -1, 1);
      expectInRange(`${at} deltaR`, l.deltaR, -2, 2);
      expectInRange(`${at} partialR`, l.partialR, -1, 1);
      for (const v of [l.pDelta, l.pIncident, l.qIncident, l.partialQ, l.lead.qBestLag]) {
        expectInRange(`${at} p/q`, v, 0, 1);
      }
      expectInRange(`${at} bestR`, l.lead.bestR, -1, 1);
      if (/\bcause/i.test(l.lead.text)) {
        throw new Error(`${at} lead text says cause: ${l.lead.text}`);
      }
    }
  }
  const kinds = ['infrastructure', 'data drift', 'confounded', 'inconclusive', 'no change'];
  for (const v of c.verdicts) {
    if (!kinds.includes(v.kind)) {
      throw new Error(`verdict ${v.target}: unknown kind ${v.kind}`);
    }
    if (!c.targets.includes(v.target)) {
      throw new Error(`verdict for ${v.target}, not a target`);
    }
    if (/\bcause/i.test(v.sentence) || v.evidence.some((e) => /\bcause/i.test(e))) {
      throw new Error(`verdict ${v.target} says cause: ${v.sentence}`);
    }
    if (v.kind === 'infrastructure' && v.named.length === 0) {
      throw new Error(`verdict ${v.target}: infrastructure without a named signal`);
    }
    if (v.named.some((n) => n === v.target || c.targets.includes(n))) {
      throw new Error(`verdict ${v.target} names a target: ${v.named.join(', ')}`);
    }
  }
  for (const [k, lo, hi] of [
    ['rBaseline', -1, 1],
    ['rIncident', -1, 1],
    ['deltaR', -2, 2],
    ['pDelta', 0, 1],
    ['qDelta', 0, 1],
  ] as const) {
    const m = c[k];
    m?.forEach((v, cell) => {
      if (!Number.isNaN(v)) {
        expectInRange(`${k}[${cell}]`, v, lo, hi);
      }
    });
  }
}

it('compare never throws and keeps every number in range and every word honest, whatever the input', () => {
  fc.assert(
    fc.property(request, (r) => {
      const result = analyze(build(r));
      const internal = result.warnings.find((w) => w.code === 'INTERNAL_ERROR');
      if (internal) {
        throw new Error(internal.message);
      }
      expect(() => JSON.stringify(resultToJson(result))).not.toThrow();
      if (result.compare) {
        checkCompare(result.compare);
      }
    }),
    { seed: SEED, numRuns: RUNS }
  );
});
