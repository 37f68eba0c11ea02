/** @jest-environment node */
import { parse } from 'yaml';
import { AlertRequest, buildAlertRules, CorrelationRule } from './index';

const pair = (over: Partial<CorrelationRule> = {}): CorrelationRule => ({
  type: 'correlation',
  name: 'cache vs drift',
  windowSeconds: 1800,
  a: { kind: 'gauge', expr: 'cache_miss_ratio', name: 'cache' },
  b: { kind: 'gauge', expr: 'drift', name: 'drift' },
  ...over,
});

const request = (...rules: AlertRequest['rules']): AlertRequest => ({ datasource: { uid: 'prom' }, rules });

function problems(req: AlertRequest) {
  const out = buildAlertRules(req);
  if (out.ok) {
    throw new Error('expected problems');
  }
  return out.problems;
}

function built(req: AlertRequest) {
  const out = buildAlertRules(req);
  if (!out.ok) {
    throw new Error(JSON.stringify(out.problems));
  }
  return out;
}

it('refuses Spearman and Kendall as not expressible and offers Pearson on the same pair', () => {
  const [p] = problems(request(pair({ method: 'spearman' })));
  expect(p).toMatchObject({ code: 'not_expressible', rule: 'cache vs drift' });
  expect(p.message).toMatch(/Spearman correlation is not expressible in PromQL/);
  expect(p.suggestion).toMatch(/Pearson on the same pair/);
  expect(problems(request(pair({ method: 'kendall' })))[0].message).toMatch(/Kendall/);
});

it('refuses a static drift baseline as not expressible, and PSI without bucket bounds', () => {
  const hist = {
    kind: 'histogram' as const,
    expr: 'h{feature="x"}',
    drift: { windowSeconds: 600, baseline: { kind: 'static' as const } },
  };
  expect(problems(request({ type: 'drift', name: 'd', signal: hist }))[0].code).toBe('not_expressible');
  const psi = { ...hist, drift: { windowSeconds: 600, score: 'psi' as const } };
  const [p] = problems(request({ type: 'drift', name: 'd', signal: psi }));
  expect(p.message).toMatch(/PSI needs the histogram's bucket bounds/);
  expect(p.suggestion).toMatch(/KS/);
});

it('lists every problem with its rule, and never throws on a malformed request', () => {
  const list = problems({
    datasource: { uid: '' },
    rules: [
      pair({ labels: { 'bad-name': 'x' } }),
      pair({ name: 'cache vs drift!' }),
      null as unknown as CorrelationRule,
      pair({ name: 'w', windowSeconds: 30 }),
    ],
  });
  expect(list.map((p) => p.rule)).toEqual(['(request)', 'cache vs drift', 'cache vs drift!', '#3', 'w']);
  expect(list[1].message).toMatch(/"bad-name" is not a valid Prometheus label name/);
  expect(list[2].message).toMatch(/would be named like those of rule cache vs drift/);
  expect(list[4].message).toMatch(/must hold at least two evaluation steps/);
});

it('records A, B, A·B and r in one group, then alerts on r with the threshold, for and labels', () => {
  const out = built(
    request(
      pair({ stepSeconds: 15, forSeconds: 120, threshold: { kind: 'below', value: -0.5 }, labels: { team: 'ml' } })
    )
  );
  const [group] = parse(out.prometheusRuleFile).groups;
  expect(group.name).toBe('infradrift:cache_vs_drift');
  expect(group.interval).toBe('15s');
  expect(group.rules.map((r: { record?: string; alert?: string }) => r.record ?? r.alert)).toEqual([
    'infradrift:cache_vs_drift:a',
    'infradrift:cache_vs_drift:b',
    'infradrift:cache_vs_drift:ab',
    'infradrift:cache_vs_drift:r',
    'InfraDriftCorrelationCacheVsDrift',
  ]);
  const alert = group.rules[4];
  expect(alert.expr).toBe('infradrift:cache_vs_drift:r <= (-0.5)');
  expect(alert.for).toBe('2m');
  expect(alert.labels).toEqual({ severity: 'warning', team: 'ml', infradrift_rule: 'cache_vs_drift' });
  // 30 min at 15 s: 120 steps; three quarters of them must be shared samples.
  expect(group.rules[3].expr).toMatch(/count_over_time\(infradrift:cache_vs_drift:ab\[30m\]\) >= 90$/);
  expect(out.alerts[0].alertForm.threshold).toEqual({ type: 'lte', params: [-0.5] });
});

it('keeps hostile text as data: YAML round-trips it and templates print it verbatim', () => {
  const hostile = 'q"}{{ .x }}\\\n\'`$1';
  const out = built(
    request(
      pair({
        name: hostile,
        a: { kind: 'gauge', expr: 'x', name: hostile, select: { pod: hostile } },
        labels: { team: hostile },
        annotations: { runbook: hostile },
      })
    )
  );
  const rules = parse(out.prometheusRuleFile).groups[0].rules;
  const alert = rules[4];
  const literal = `{{ ${JSON.stringify(hostile)} }}`;
  expect(alert.labels.team).toBe(literal);
  expect(alert.annotations.runbook).toBe(literal);
  expect(alert.annotations.summary.startsWith(`${literal} {{ if ge $value 0.0 }}`)).toBe(true);
  // The selected value sits in one escaped string literal (PromQL reads Go escapes; `$` doubled for label_replace).
  expect(rules[0].expr).toContain(
    `label_replace(vector(1), "pod", ${JSON.stringify(hostile.replace(/\$/g, '$$$$'))}, "", "")`
  );
  const grafana = parse(out.grafanaProvisioning).groups[0].rules[0];
  expect(grafana.title).toBe('q"}{{ .x }}\\ \'`$1');
  expect(grafana.labels.team).toBe(literal);
});

it('gives Grafana a query → reduce → threshold chain on the Prometheus data source, no data being OK', () => {
  const out = built({
    ...request(pair({ dashboard: { url: 'https://grafana.example/d/abc', uid: 'abc', panelId: 3 } })),
    folder: 'Ops',
    orgId: 2,
  });
  const doc = parse(out.grafanaProvisioning);
  expect(doc.apiVersion).toBe(1);
  const [group] = doc.groups;
  expect(group).toMatchObject({ orgId: 2, folder: 'Ops', interval: '1m' });
  const [rule] = group.rules;
  expect(rule).toMatchObject({
    uid: 'infradrift-cache-vs-drift',
    condition: 'C',
    noDataState: 'OK',
    execErrState: 'Error',
    for: '5m',
  });
  expect(rule.data.map((d: { refId: string; datasourceUid: string }) => [d.refId, d.datasourceUid])).toEqual([
    ['A', 'prom'],
    ['B', '__expr__'],
    ['C', '__expr__'],
  ]);
  expect(rule.data[0].model.expr).toBe(out.alerts[0].promql);
  expect(rule.data[0].model.expr).toMatch(/\[30m:1m\]/);
  expect(rule.data[2].model.conditions[0].evaluator).toEqual({ type: 'outside_range_included', params: [-0.7, 0.7] });
  expect(rule.annotations).toMatchObject({
    __dashboardUid__: 'abc',
    __panelId__: '3',
    dashboard: 'https://grafana.example/d/abc',
  });
  expect(rule.annotations.summary).toContain('$values.B.Value');
});

it('rounds Grafana group intervals up to its 10 s base and truncates long uids to 40 characters', () => {
  const out = built(request(pair({ name: 'a'.repeat(60), stepSeconds: 15, windowSeconds: 600 })));
  const [group] = parse(out.grafanaProvisioning).groups;
  expect(group.interval).toBe('20s');
  expect(group.rules[0].uid.length).toBeLessThanOrEqual(40);
});

it('writes the lag on the leading side: A for a positive lag, B for a negative one', () => {
  const lead = built(request(pair({ lagSeconds: 120 }))).prometheusGroups[0].rules[2].expr;
  expect(lead).toBe('((cache_miss_ratio offset 2m) > -Inf < Inf) * on() ((drift) > -Inf < Inf)');
  const follow = built(request(pair({ lagSeconds: -120 }))).prometheusGroups[0].rules[2].expr;
  expect(follow).toBe('((cache_miss_ratio) > -Inf < Inf) * on() ((drift offset 2m) > -Inf < Inf)');
});

it('centres and rescales by a power of two when the typical level is known, and says when it is not', () => {
  const out = built(request(pair({ a: { kind: 'gauge', expr: 'mem', typical: { mean: 2e9, std: 1e4 } } })));
  expect(out.prometheusGroups[0].rules[2].expr.startsWith('((((mem) > -Inf < Inf) - 2000000000) / 8192) * on()')).toBe(
    true
  );
  expect(out.notices).toEqual([expect.stringMatching(/signal B has no typical level/)]);
});

it('gates on every listed side (all must hold), each level centred like its side', () => {
  const out = built(
    request(
      pair({
        a: { kind: 'gauge', expr: 'mem', typical: { mean: 2e9, std: 1e4 } },
        gate: [
          { side: 'a', atLeast: 2e9 + 8192 },
          { side: 'b', atLeast: 0.15 },
        ],
      })
    )
  );
  const alert = out.prometheusGroups[0].rules[4].expr;
  // A is recorded as (mem − 2e9) / 8192, so its level is (2e9 + 8192 − 2e9) / 8192 = 1.
  expect(alert).toBe(
    '(infradrift:cache_vs_drift:r >= 0.7 or infradrift:cache_vs_drift:r <= (-0.7)) and ' +
      'max_over_time(infradrift:cache_vs_drift:a[30m]) >= 1 and max_over_time(infradrift:cache_vs_drift:b[30m]) >= 0.15'
  );
  expect(out.alerts[0].promql).toMatch(
    / and max_over_time\(\(.*\)\[30m:1m\]\) >= 1 and max_over_time\(\(.*\)\[30m:1m\]\) >= 0.15$/
  );
  expect(
    problems(
      request(
        pair({
          gate: [
            { side: 'b', atLeast: 0.1 },
            { side: 'c' as 'a', atLeast: 1 },
          ],
        })
      )
    )
  ).toEqual([
    expect.objectContaining({ message: expect.stringMatching(/gate\[1\]\.side must be "a" or "b", got "c"/) }),
  ]);
});
