/**
 * Alerting benchmark (issue 12): what correlation rules cost in a real Prometheus (Debian 2.42).
 * 1, 10 and 100 rules (one group each, as generated), a 1 h window at a 15 s step, over the
 * cache-eviction scenario moved to "now". Each window is full from the first evaluation: the
 * recorded series are backfilled with an hour of values (synthetic, the cost does not depend on them).
 * Reads `prometheus_rule_group_last_duration_seconds` after every group has run twice, and counts
 * the series one rule adds. Also times the ad hoc (subquery) form Grafana-managed rules run.
 *
 * Run: `npm run bench -- alerting` (about a minute and a half). Needs Debian's prometheus/promtool.
 */
import { buildAlertRules, CorrelationRule } from '../src/alerting';
import { signal } from '../simulator/signals';
import { simulate } from '../simulator/simulate';
import type { MetricFamily } from '../simulator/types';
import { httpGet } from '../tests/support/daemon';
import { prometheusAvailable } from '../tests/support/prometheusServer';
import { RulePrometheus, startRulePrometheus } from '../tests/support/rulePrometheus';
import { historyEndingAt } from '../tests/support/shiftedHistory';
import { formatTable, ms } from './lib/table';

const STEP = 15;
const WINDOW = 3600;
const COUNTS = [1, 10, 100];

/**
 * The simulator's own PromQL (rates over [5m], as dashboards write them): the history ends when the
 * bench starts, and a 5-minute range keeps the live evaluations fed for the whole run.
 */
function rules(n: number): CorrelationRule[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'correlation',
    name: `bench ${i}`,
    a: { kind: 'gauge', expr: signal('cache_miss_ratio').promql, name: 'cache_miss_ratio' },
    b: { kind: 'gauge', expr: signal('request_rate').promql, name: 'request_rate' },
    windowSeconds: WINDOW,
    stepSeconds: STEP,
    lagSeconds: (i % 5) * STEP,
  }));
}

/** An hour of recorded A, B and A·B for each rule, so every window is full at once. */
function recordedHistory(n: number, timestamps: Float64Array): MetricFamily[] {
  const length = timestamps.length;
  return Array.from({ length: n }, (_, i) => {
    const a = Float64Array.from({ length }, (_, t) => Math.sin(t / 20 + i) + 0.1 * Math.cos(7 * t));
    const b = Float64Array.from({ length }, (_, t) => Math.sin(t / 20 + i + 0.3) + 0.1 * Math.sin(5 * t));
    const ab = a.map((x, t) => x * b[t]);
    return (
      [
        ['a', a],
        ['b', b],
        ['ab', ab],
      ] as const
    ).map(([q, values]): MetricFamily => ({
      name: `infradrift:bench_${i}:${q}`,
      type: 'gauge',
      help: 'bench',
      series: [{ labels: {}, values }],
    }));
  }).flat();
}

/** A per-group metric of Prometheus' own /metrics (the test server scrapes nothing, itself included). */
async function groupMetric(prom: RulePrometheus, name: string): Promise<number[]> {
  const text = (await httpGet(`${prom.url}metrics`)).body;
  const line = new RegExp(`^${name}\\{rule_group="[^"]*infradrift:bench_\\d+"\\} (\\S+)$`, 'gm');
  return [...text.matchAll(line)].map((m) => Number(m[1]));
}

async function waitForRounds(prom: RulePrometheus, groups: number, rounds: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const iterations = await groupMetric(prom, 'prometheus_rule_group_iterations_total');
    if (iterations.length === groups && iterations.every((x) => x >= rounds)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`rule groups did not run ${rounds} times in 2 min`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function run(): Promise<void> {
  if (!prometheusAvailable()) {
    console.log('skipped: prometheus/promtool not found (scripts/setup.sh)');
    return;
  }
  const sim = simulate({ scenario: 'cache-eviction-storm', hours: 2, end: Date.UTC(2026, 0, 12), stepSeconds: STEP });
  const history = historyEndingAt(sim, sim.schedule.start + 100 * 60_000, Date.now() - STEP * 1000);
  history.families = [...history.families, ...recordedHistory(Math.max(...COUNTS), history.timestamps)];
  const prom = await startRulePrometheus([history]);
  const rows = [
    [
      'rules',
      'eval per round (ms, sum)',
      'per rule: mean (ms)',
      'per rule: max (ms)',
      'series per rule',
      'samples per round',
    ],
  ];
  let adhocMs = NaN;
  try {
    for (const n of COUNTS) {
      const built = buildAlertRules({ datasource: { uid: 'prom' }, rules: rules(n) });
      if (!built.ok) {
        throw new Error(JSON.stringify(built.problems));
      }
      await prom.restart({ rules: [built.prometheusRuleFile], evaluationInterval: `${STEP}s` });
      await waitForRounds(prom, n, 2);
      const durations = (await groupMetric(prom, 'prometheus_rule_group_last_duration_seconds')).map((x) => x * 1000);
      const samples = (await groupMetric(prom, 'prometheus_rule_group_last_evaluation_samples')).reduce(
        (a, b) => a + b,
        0
      );
      const [series] = await prom.query('count({__name__=~"infradrift:bench_0:.+"})', Date.now() / 1000);
      const sum = durations.reduce((s, x) => s + x, 0);
      rows.push([
        String(n),
        ms(sum),
        ms(sum / n),
        ms(Math.max(...durations)),
        String(series?.value ?? 'n/a'),
        String(samples),
      ]);
      if (n === 1) {
        const started = performance.now();
        for (let i = 0; i < 5; i++) {
          await prom.query(built.alerts[0].promql, Date.now() / 1000);
        }
        adhocMs = (performance.now() - started) / 5;
      }
    }
  } finally {
    await prom.stop();
  }
  console.log(
    `Correlation rules in Prometheus 2.42: ${WINDOW / 60} min window, ${STEP} s step (${WINDOW / STEP + 1} samples per window)`
  );
  console.log(formatTable(rows));
  console.log(`ad hoc subquery form (Grafana-managed rule, one instant query): ${ms(adhocMs)} ms`);
  console.log(
    'series per rule: infradrift:<rule>:a, :b, :ab and :r per label set (plus ALERTS while pending or firing).'
  );
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
