/**
 * @jest-environment node
 *
 * The r a generated rule computes in a real Prometheus equals the engine's Pearson r on the same
 * samples, and the drift rules' KS and PSI equal the engine's on the same buckets.
 *
 * History: the cache-eviction scenario, backfilled with promtool; the recording rules are backfilled
 * over it with `promtool tsdb create-blocks-from rules` (a rule only records from its load time on).
 * Then r is read at every step of the history and compared with `analyze()` on the window the rule
 * sees: Prometheus 2.x ranges hold [t − W, t], both ends included, i.e. W/S + 1 grid points.
 * Engine inputs come from the raw PromQL of each signal (not from the recorded series), so the
 * masking, lag, centring and moment formula are all under test.
 */
import fs from 'fs';
import { analyze, AnalyzeRequest } from '../../src/stats';
import { AlertRequest, AlertSignal, buildAlertRules, CorrelationRule } from '../../src/alerting';
import { simulate } from '../../simulator/simulate';
import { CACHE_MISS, FEATURE, featureDrift } from '../support/alertingScenario';
import { groupOffsetSeconds, ruleFileNameFor } from '../support/groupOffset';
import { prometheusAvailable } from '../support/prometheusServer';
import { RulePrometheus, startRulePrometheus } from '../support/rulePrometheus';
import { INFRA } from '../support/scenarioQueries';

jest.setTimeout(600_000);

const HOUR = 3_600_000;
const S = 60;
const W = 1800;
const END = Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR;
const HOURS = 8;
const START = END - HOURS * HOUR + S * 1000;
/** Backfilled rules start here (drift baselines need 25 min of history before). */
const RULES_FROM = START / 1000 + 3600;
const FROM = RULES_FROM + W + 600;
const TO = END / 1000;

const REQUEST_RATE: AlertSignal = {
  kind: 'gauge',
  name: 'request_rate',
  expr: INFRA.find((s) => s.legendFormat === 'request_rate')!.expr,
};
const MEMORY_EXPR = 'max(container_memory_working_set_bytes{namespace="recsys"})';
const BUCKETS = `sum by (le) (increase(recsys_feature_value_bucket{namespace="recsys", feature="${FEATURE}"}[5m]))`;

let prom: RulePrometheus;

/**
 * The evaluation grid: every S from FROM − back, shifted by `offset` seconds. Rule groups run at
 * their own offset within the step (Prometheus spreads groups by a hash of their name, and promtool's
 * backfill does the same), so the samples a recorded rule holds sit on such a shifted grid.
 */
interface Grid {
  start: number;
  n: number;
  offset: number;
}

function gridOf(backSeconds: number, offset: number): Grid {
  const start = FROM - backSeconds + offset;
  return { start, n: Math.floor((TO - start) / S) + 1, offset };
}

const at = (g: Grid, t: number) => Math.round((t - g.start) / S);

/** Values of a one-series query on the grid (NaN where absent). */
async function values(expr: string, g: Grid): Promise<Float64Array> {
  const series = await prom.queryRange(expr, g.start, g.start + (g.n - 1) * S, S);
  expect(series.length).toBeLessThanOrEqual(1);
  const out = new Float64Array(g.n).fill(NaN);
  for (const [t, v] of series[0]?.values ?? []) {
    out[at(g, t)] = v;
  }
  return out;
}

/** Per-bucket increases on the grid (engine 'increase' mode), buckets ascending by le. */
async function bucketGrid(g: Grid) {
  const series = await prom.queryRange(BUCKETS, g.start, g.start + (g.n - 1) * S, S);
  series.sort(
    (a, b) =>
      (a.metric.le === '+Inf' ? Infinity : Number(a.metric.le)) -
      (b.metric.le === '+Inf' ? Infinity : Number(b.metric.le))
  );
  const buckets = series.map((s) => {
    const v = new Float64Array(g.n).fill(NaN);
    s.values.forEach(([t, x]) => (v[at(g, t)] = x));
    return v;
  });
  return { start: g.start, n: g.n, le: series.map((s) => s.metric.le), buckets };
}

function engineDrift(
  method: 'ks' | 'psi',
  baseline: { kind: 'preceding'; factor: number } | { kind: 'shifted'; shift: number },
  b: Awaited<ReturnType<typeof bucketGrid>>
) {
  const request: AnalyzeRequest = {
    version: 1,
    series: [],
    grid: { start: b.start * 1000, end: (b.start + (b.n - 1) * S) * 1000, stepMs: S * 1000 },
    drift: {
      series: [
        {
          id: 'h',
          input: { kind: 'histogram', le: b.le, buckets: b.buckets, mode: 'increase' },
          methods: [method],
          baseline,
          windowMs: 300_000,
        },
      ],
    },
  };
  return analyze(request).drift!.series[0].methods[0].scores.map((x) => (x === null ? NaN : x));
}

function engineR(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const result = analyze({
    version: 1,
    series: [
      { id: 'a', values: Array.from(a) },
      { id: 'b', values: Array.from(b) },
    ],
    correlation: { method: 'pearson' },
  });
  return result.correlation!.r[1];
}

interface Agreement {
  windows: number;
  maxDiff: number;
  /** Windows where one side has r and the other does not. */
  mismatched: number;
}

/**
 * Compares r (a recorded or ad hoc expression) at every grid time from FROM on with the engine's r
 * over the same window: A(t − lag) against B(t) for t in [T − W, T] on the grid, pairwise complete,
 * at least minSamples.
 */
async function agreement(
  rule: CorrelationRule,
  g: Grid,
  a: Float64Array,
  b: Float64Array,
  expr: string,
  minSamples: number
): Promise<Agreement> {
  const lagSteps = (rule.lagSeconds ?? 0) / S;
  const first = at(g, FROM + g.offset);
  const series = await prom.queryRange(expr, g.start + first * S, g.start + (g.n - 1) * S, S);
  const prometheusR = new Map(series[0]?.values.map(([t, v]) => [at(g, t), v]) ?? []);
  const out: Agreement = { windows: 0, maxDiff: 0, mismatched: 0 };
  for (let j = first; j < g.n; j++) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = j - W / S; i <= j; i++) {
      const x = lagSteps >= 0 ? a[i - lagSteps] : a[i];
      const y = lagSteps >= 0 ? b[i] : b[i + lagSteps];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        xs.push(x);
        ys.push(y);
      }
    }
    const r = xs.length >= minSamples ? engineR(xs, ys) : null;
    const p = prometheusR.get(j);
    if ((r === null) !== (p === undefined)) {
      out.mismatched++;
      continue;
    }
    if (r !== null && p !== undefined) {
      out.windows++;
      out.maxDiff = Math.max(out.maxDiff, Math.abs(r - p));
    }
  }
  return out;
}

/** Request rate (a counter, read through rate()) against memory, which leads it by 2 steps. */
const memoryRule = (name: string): CorrelationRule => ({
  type: 'correlation',
  name,
  a: { kind: 'counter', expr: 'recsys_requests_total{namespace="recsys"}', aggregation: 'sum', rateWindowSeconds: 120 },
  b: { kind: 'gauge', expr: MEMORY_EXPR },
  windowSeconds: W,
  stepSeconds: S,
  lagSeconds: -120,
});

const rules: CorrelationRule[] = [
  { type: 'correlation', name: 'cache vs requests', a: CACHE_MISS, b: REQUEST_RATE, windowSeconds: W, stepSeconds: S },
  {
    type: 'correlation',
    name: 'cache leads drift',
    a: CACHE_MISS,
    b: featureDrift(300),
    windowSeconds: W,
    stepSeconds: S,
    lagSeconds: 180,
  },
  // typical (centring) is set in beforeAll from the engine's summary, as the panel would.
  memoryRule('memory leads requests'),
  memoryRule('memory leads requests uncentred'),
  {
    type: 'correlation',
    name: 'cache vs requests early',
    a: CACHE_MISS,
    b: REQUEST_RATE,
    windowSeconds: W,
    stepSeconds: S,
  },
];

/**
 * Where in the step (seconds, [from, to)) the gauge pair's two groups evaluate: the first and the last
 * second, the edges of a whole-second range (a group in the last second lost an evaluation at each
 * end of promtool's default 2 h blocks: see PROMTOOL_RULE_BLOCKS). The rule file's name is picked for
 * these places (groupOffset.ts), so every run covers them; the other groups fall where it puts them.
 */
const PLACES = new Map([
  [0, [S - 1, S]],
  [4, [0, 1]],
]);
let ruleFile = '';

const results: string[] = [];
let memoryScale = '';
/** The counter/memory rule without centring, to show what centring buys (reported, not asserted). */
const UNCENTRED = 3;

beforeAll(async () => {
  if (!prometheusAvailable()) {
    throw new Error('prometheus/promtool not found: run scripts/setup.sh (Debian package "prometheus")');
  }
  const sim = simulate({ scenario: 'cache-eviction-storm', hours: HOURS, end: END, stepSeconds: S });
  prom = await startRulePrometheus([sim]);
  const memory = await values(MEMORY_EXPR, gridOf(FROM - START / 1000, 0));
  const summary = analyze({ version: 1, series: [{ id: 'm', values: Array.from(memory) }] }).series[0];
  rules[2].b.typical = { mean: summary.mean!, std: summary.std! };
  memoryScale = `mean ${summary.mean!.toExponential(2)}, sd ${summary.std!.toExponential(2)}`;
  const built = buildAlertRules({ datasource: { uid: 'prom' }, rules });
  if (!built.ok) {
    throw new Error(JSON.stringify(built.problems));
  }
  ruleFile = ruleFileNameFor(
    'agreement',
    [...PLACES].map(([k, [from, to]]) => ({ group: built.prometheusGroups[k].name, from, to })),
    S
  );
  const file = `${prom.dir}/${ruleFile}`;
  fs.writeFileSync(file, built.prometheusRuleFile);
  const t0 = Date.now();
  await prom.backfillRules(file, RULES_FROM, TO);
  console.log(
    `promtool tsdb create-blocks-from rules: ${rules.length} pairs over ${(TO - RULES_FROM) / 3600} h at ${S} s in ${((Date.now() - t0) / 1000).toFixed(1)} s`
  );
});

afterAll(async () => {
  await prom?.stop();
  if (results.length) {
    console.log(`Prometheus 2.42 vs engine, ${W / 60} min windows at ${S} s:\n${results.join('\n')}`);
  }
});

function built(rule: CorrelationRule) {
  const out = buildAlertRules({ datasource: { uid: 'prom' }, rules: [rule] } as AlertRequest);
  if (!out.ok) {
    throw new Error(JSON.stringify(out.problems));
  }
  const recorded = out.prometheusGroups[0].rules[3].expr;
  return {
    group: out.prometheusGroups[0].name,
    records: out.alerts[0].records,
    recorded,
    adhoc: out.alerts[0].promql,
    minSamples: Number(/>= (\d+)$/.exec(recorded)![1]),
  };
}

/**
 * Where in the step the group's samples sit (seconds): promtool backfills at the group's own offset,
 * the one its name and the rule file's name give.
 */
async function groupOffset(rule: ReturnType<typeof built>): Promise<number> {
  const [sample] = await prom.query(`timestamp(${rule.records[0]})`, TO);
  const offset = Math.round((sample.value % S) * 1000) / 1000;
  expect(offset).toBeCloseTo(groupOffsetSeconds(ruleFile, rule.group, S), 3);
  return offset;
}

/** The engine's inputs for rule k on grid g, from the raw PromQL of each signal. */
async function inputs(k: number, g: Grid): Promise<[Float64Array, Float64Array]> {
  const counter = rules[k].a.kind === 'counter';
  const a = await values(counter ? 'sum(rate(recsys_requests_total{namespace="recsys"}[2m]))' : CACHE_MISS.expr, g);
  const b =
    rules[k].b.kind === 'histogram'
      ? Float64Array.from(engineDrift('ks', { kind: 'preceding', factor: 4 }, await bucketGrid(g)))
      : await values(counter ? MEMORY_EXPR : REQUEST_RATE.expr, g);
  return [a, b];
}

// Enough grid before the first window for the engine's drift baseline (5 drift windows) to exist.
const BACK = W + 3600;

it.each([
  ['gauge vs gauge, no lag, group in the last second of the step', 0],
  ['gauge vs gauge, no lag, group in the first second of the step', 4],
  ['gauge leading a KS drift score by 3 steps', 1],
  ['counter rate vs a centred gauge (~1e9 bytes), B leading by 2 steps', 2],
])('recorded r equals the engine to 1e-6 at every evaluation: %s', async (title, k) => {
  const rule = built(rules[k]);
  const g = gridOf(BACK, await groupOffset(rule));
  const place = PLACES.get(k);
  if (place) {
    expect(g.offset >= place[0] && g.offset < place[1]).toBe(true);
  }
  const [a, b] = await inputs(k, g);
  const agree = await agreement(rules[k], g, a, b, rule.recorded, rule.minSamples);
  results.push(
    `  recorded, ${title}: ${agree.windows} windows, max |r_prom - r_engine| = ${agree.maxDiff.toExponential(2)}, availability mismatches ${agree.mismatched} (group offset ${g.offset} s)`
  );
  expect(agree.windows).toBeGreaterThan(250);
  expect(agree.mismatched).toBe(0);
  expect(agree.maxDiff).toBeLessThan(1e-6);
});

it('centring: the same counter/memory pair without it (reported)', async () => {
  const rule = built(rules[UNCENTRED]);
  const g = gridOf(BACK, await groupOffset(rule));
  const [a, b] = await inputs(UNCENTRED, g);
  const agree = await agreement(rules[UNCENTRED], g, a, b, rule.recorded, rule.minSamples);
  results.push(
    `  recorded, the same without centring (memory ${memoryScale}): max |r_prom - r_engine| = ${agree.maxDiff.toExponential(2)}`
  );
  expect(agree.windows).toBeGreaterThan(250);
});

it('the ad hoc subquery form (Grafana, alert form) equals the engine on multiples of S', async () => {
  const rule = built(rules[1]);
  const g = gridOf(BACK, 0);
  const [a, b] = await inputs(1, g);
  const agree = await agreement(rules[1], g, a, b, rule.adhoc, rule.minSamples);
  results.push(
    `  ad hoc subquery, gauge leading a KS drift score: ${agree.windows} windows, max |r_prom - r_engine| = ${agree.maxDiff.toExponential(2)}, availability mismatches ${agree.mismatched}`
  );
  expect(agree.windows).toBeGreaterThan(250);
  expect(agree.mismatched).toBe(0);
  expect(agree.maxDiff).toBeLessThan(1e-6);
});

it.each([
  ['ks', { kind: 'preceding', factor: 4 }],
  ['psi', { kind: 'shifted', shiftSeconds: 3600 }],
] as const)('the %s drift rule equals the engine on the same buckets to 1e-9', async (score, baseline) => {
  const g = gridOf(2 * 3600, 0);
  const buckets = await bucketGrid(g);
  const signal: AlertSignal = { ...featureDrift(300), drift: { score, windowSeconds: 300, baseline, le: buckets.le } };
  const out = buildAlertRules({
    datasource: { uid: 'prom' },
    rules: [{ type: 'drift', name: `d ${score}`, signal, stepSeconds: S }],
  });
  if (!out.ok) {
    throw new Error(JSON.stringify(out.problems));
  }
  const engine = engineDrift(
    score,
    baseline.kind === 'preceding' ? baseline : { kind: 'shifted', shift: baseline.shiftSeconds * 1000 },
    buckets
  );
  const rule = await values(out.alerts[0].promql, g);
  let max = 0;
  let n = 0;
  let mismatched = 0;
  for (let i = at(g, FROM); i < g.n; i++) {
    const [p, e] = [rule[i], engine[i]];
    if (Number.isNaN(p) !== Number.isNaN(e)) {
      mismatched++;
    } else if (!Number.isNaN(p)) {
      n++;
      max = Math.max(max, Math.abs(p - e));
    }
  }
  results.push(
    `  ${score.toUpperCase()} (${baseline.kind} baseline, ${buckets.le.length} buckets): ${n} windows, max |diff| = ${max.toExponential(2)}, mismatches ${mismatched}`
  );
  expect(n).toBeGreaterThan(250);
  expect(mismatched).toBe(0);
  expect(max).toBeLessThan(1e-9);
});
