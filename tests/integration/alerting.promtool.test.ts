/**
 * @jest-environment node
 *
 * The generated rule files pass `promtool check rules`, and behave under `promtool test rules` as
 * NumPy says they must (fixtures/alerting/promtool_cases.json, scripts/reference/alerting_fixtures.py):
 * r equals numpy.corrcoef over each window, the alert fires at the expected times with the right
 * labels and annotations, never for a constant series or below the threshold, a hostile label
 * value stays data in PromQL, YAML and templates, and a one-to-many pair gives one r per series.
 */
import fs from 'fs';
import path from 'path';
import { buildAlertRules, CorrelationRule } from '../../src/alerting';
import { promtool, tempDir } from '../support/promtool';

jest.setTimeout(120_000);

interface Case {
  name: string;
  lagSeconds: number;
  select: Record<string, string>;
  a: string[];
  b: string[];
  r: Array<number | null>;
  firing: number[];
}

const FIXTURES = path.join(__dirname, '../../fixtures/alerting');
const ref = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'promtool_cases.json'), 'utf8')) as {
  stepSeconds: number;
  windowSeconds: number;
  minSamples: number;
  forSeconds: number;
  threshold: number;
  length: number;
  cases: Case[];
  /** One-to-many: A per pod, B one series, r per pod. */
  many: { a: Record<string, string[]>; b: string[]; r: Record<string, Array<number | null>> };
};
const HOSTILE_NAME = 'B "quoted" {{ $labels }} \\ }}';
const TEAM = 'ml\n"ops" {{ .Value }}';

function rule(c: Case): CorrelationRule {
  const hostile = c.name === 'hostile';
  return {
    type: 'correlation',
    name: `case ${c.name}`,
    windowSeconds: ref.windowSeconds,
    stepSeconds: ref.stepSeconds,
    forSeconds: ref.forSeconds,
    minSamples: ref.minSamples,
    lagSeconds: c.lagSeconds,
    threshold: { kind: 'abs', value: ref.threshold },
    a: { kind: 'gauge', expr: 't_a', select: c.select, name: 'A' },
    b: { kind: 'gauge', expr: 't_b', select: c.select, name: hostile ? HOSTILE_NAME : 'B' },
    ...(hostile ? { labels: { team: TEAM } } : {}),
  };
}

function seriesName(metric: string, c: Case): string {
  // Independent of the code under test: JSON string syntax is valid PromQL string syntax.
  const labels = Object.entries(c.select).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${metric}{${labels.join(',')}}`;
}

/** What the rule's annotations must say, written from the spec of the wording (not from the code). */
function annotations(c: Case, r: number): Record<string, string> {
  const b = c.name === 'hostile' ? HOSTILE_NAME : 'B';
  const value = r.toFixed(2);
  const lag = c.lagSeconds ? ` with A leading ${b} by ${c.lagSeconds / 60}m` : '';
  return {
    summary: `A ${r >= 0 ? 'moves with' : 'moves against'} ${b} (r = ${value} over 10m)`,
    description:
      `Pearson r of A and ${b} over the last 10m${lag} is ${value} (|r| >= ${ref.threshold}). ` +
      'Correlation says the two move together, not which one drives the other: check the dashboard before acting.',
  };
}

const slug = (c: Case) => `case_${c.name}`;

let tmp: ReturnType<typeof tempDir>;
let ruleFile: string;

beforeAll(() => {
  tmp = tempDir('infradrift-promtool-');
  const many: CorrelationRule = {
    ...rule({ ...ref.cases[0], name: 'many', select: { case: 'many' } }),
    a: { kind: 'gauge', expr: 't_m', select: { case: 'many' } },
    b: { kind: 'gauge', expr: 't_mb', select: { case: 'many' } },
    many: 'a',
  };
  const built = buildAlertRules({ datasource: { uid: 'prom' }, rules: [...ref.cases.map(rule), many] });
  if (!built.ok) {
    throw new Error(JSON.stringify(built.problems));
  }
  ruleFile = tmp.write('rules.yml', built.prometheusRuleFile);
});

afterAll(() => tmp?.remove());

it('promtool check rules accepts the generated file', () => {
  const run = promtool(['check', 'rules', ruleFile]);
  expect(run.output).toMatch(/SUCCESS: 35 rules found/);
  expect(run.code).toBe(0);
});

it('promtool check rules accepts every form the module writes (PSI, fixed and shifted baselines, counters, transforms, one-to-many, gates, hostile text)', () => {
  const hostile = 'q"}{{ x }}\\\n`$1';
  const built = buildAlertRules({
    datasource: { uid: 'prom' },
    rules: [
      {
        type: 'drift',
        name: 'psi fixed',
        signal: {
          kind: 'histogram',
          expr: 'h{job="a"}',
          labels: ['feature'],
          select: { feature: hostile },
          drift: {
            score: 'psi',
            windowSeconds: 600,
            le: ['0.5', '1', '+Inf'],
            baseline: { kind: 'fixed', from: 1.7e12, to: 1.7e12 + 3.6e6 },
          },
        },
      },
      {
        type: 'drift',
        name: 'ks shifted',
        signal: {
          kind: 'histogram',
          expr: 'h',
          drift: { windowSeconds: 300, baseline: { kind: 'shifted', shiftSeconds: 86400 } },
        },
        threshold: 0.3,
      },
      {
        type: 'correlation',
        name: 'per pod',
        a: {
          kind: 'counter',
          expr: 'cpu_seconds_total{container="x"}',
          aggregation: 'sum',
          labels: ['pod'],
          transform: 'diff',
          typical: { mean: 3, std: 0.2 },
        },
        b: { kind: 'gauge', expr: 'sum(rate(requests_total[5m])) # total', transform: 'log' },
        on: [],
        many: 'a',
        windowSeconds: 1800,
        lagSeconds: -300,
        gate: { side: 'b', atLeast: 1 },
        threshold: { kind: 'below', value: -0.6 },
        labels: { team: hostile },
        annotations: { runbook_url: 'https://example.org/runbook?a={{b}}' },
        dashboard: { url: 'https://grafana.example/d/x', uid: 'x', panelId: 4 },
      },
    ],
  });
  if (!built.ok) {
    throw new Error(JSON.stringify(built.problems));
  }
  const run = promtool(['check', 'rules', tmp.write('forms.yml', built.prometheusRuleFile)]);
  expect(run.output).toMatch(/SUCCESS: 9 rules found/);
  expect(run.code).toBe(0);
});

it('promtool check rules accepts the committed example files', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.rules.yml'));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const run = promtool(['check', 'rules', path.join(FIXTURES, f)]);
    expect(`${f}: ${run.output}`).toMatch(/SUCCESS/);
    expect(run.code).toBe(0);
  }
});

it('promtool test rules: r as NumPy computes it, firing times, labels and annotations, nothing for constant or weak pairs', () => {
  const minute = (t: number) => `${t}m`;
  const exprTests = ref.cases.flatMap((c) =>
    c.r.map((r, t) =>
      r === null
        ? { expr: `infradrift:${slug(c)}:r`, eval_time: minute(t), exp_samples: [] }
        : {
            expr: `abs(infradrift:${slug(c)}:r - (${r})) < bool 1e-9`,
            eval_time: minute(t),
            exp_samples: [{ labels: '{}', value: 1 }],
          }
    )
  );
  // One r per pod, each against the single B.
  exprTests.push(
    ...Object.entries(ref.many.r).flatMap(([pod, rs]) =>
      rs.map((r, t) =>
        r === null
          ? { expr: `infradrift:case_many:r{pod="${pod}"}`, eval_time: minute(t), exp_samples: [] }
          : {
              expr: `abs(infradrift:case_many:r{pod="${pod}"} - (${r})) < bool 1e-9`,
              eval_time: minute(t),
              exp_samples: [{ labels: `{case="many", pod="${pod}"}`, value: 1 }],
            }
      )
    )
  );
  const alertTests = ref.cases.flatMap((c) =>
    c.r.map((r, t) => ({
      eval_time: minute(t),
      alertname: `InfraDriftCorrelationCase${c.name[0].toUpperCase()}${c.name.slice(1)}`,
      exp_alerts: c.firing.includes(t)
        ? [
            {
              exp_labels: {
                severity: 'warning',
                infradrift_rule: slug(c),
                ...(c.name === 'hostile' ? { team: TEAM } : {}),
              },
              exp_annotations: annotations(c, r!),
            },
          ]
        : [],
    }))
  );
  const testFile = tmp.write('test.yml', {
    rule_files: [ruleFile],
    evaluation_interval: `${ref.stepSeconds}s`,
    tests: [
      {
        interval: `${ref.stepSeconds}s`,
        input_series: [
          ...ref.cases.flatMap((c) => [
            { series: seriesName('t_a', c), values: c.a.join(' ') },
            { series: seriesName('t_b', c), values: c.b.join(' ') },
          ]),
          ...Object.entries(ref.many.a).map(([pod, values]) => ({
            series: `t_m{case="many",pod="${pod}"}`,
            values: values.join(' '),
          })),
          { series: 't_mb{case="many"}', values: ref.many.b.join(' ') },
        ],
        promql_expr_test: exprTests,
        alert_rule_test: alertTests,
      },
    ],
  });
  const run = promtool(['test', 'rules', testFile]);
  if (run.code !== 0) {
    console.log(run.output.slice(0, 4000));
  }
  expect(run.output).toMatch(/SUCCESS/);
  expect(run.code).toBe(0);
  const firing = ref.cases.map((c) => `${c.name}: ${c.firing.length}`).join(', ');
  console.log(
    `promtool test rules: ${exprTests.length} r checks (|r - numpy| < 1e-9), ${alertTests.length} alert checks; firing evaluations per case: ${firing}`
  );
});
