/**
 * @jest-environment node
 *
 * The Grafana provisioning file against Grafana's provisioning structure (a validator written apart
 * from the generator), with the data source uids the demo provisions; and the committed example
 * files (fixtures/alerting/demo.*) are what the generator writes for the demo request today.
 * Regenerate them with UPDATE_ALERTING_FIXTURES=1.
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { buildAlertRules } from '../../src/alerting';
import { demoRequest } from '../support/alertingScenario';
import { validateGrafanaAlerting } from '../support/grafanaAlertingValidator';

const ROOT = path.join(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures/alerting');
const provisioned = new Set<string>(
  parse(fs.readFileSync(path.join(ROOT, 'provisioning/datasources/datasources.yaml'), 'utf8')).datasources.map(
    (d: { uid: string }) => d.uid
  )
);

function demo() {
  const out = buildAlertRules(demoRequest());
  if (!out.ok) {
    throw new Error(JSON.stringify(out.problems));
  }
  return out;
}

it('the demo rules are valid Grafana provisioning on a provisioned Prometheus uid', () => {
  const doc = parse(demo().grafanaProvisioning);
  expect(validateGrafanaAlerting(doc, provisioned)).toEqual([]);
  expect(doc.groups.length).toBe(2);
});

it('a hostile request still gives a valid file', () => {
  const hostile = 'q"}{{ x }}\\\n`$1';
  const request = demoRequest();
  request.rules = request.rules.map((r) => ({
    ...r,
    name: `${r.name} ${hostile}`,
    labels: { team: hostile },
    annotations: { note: hostile },
  }));
  const out = buildAlertRules(request);
  expect(out.ok).toBe(true);
  expect(
    validateGrafanaAlerting(parse((out as { grafanaProvisioning: string }).grafanaProvisioning), provisioned)
  ).toEqual([]);
});

it('the validator is not vacuous: it names a dangling condition, an unknown uid and an unwired expression', () => {
  const doc = parse(demo().grafanaProvisioning);
  const rule = doc.groups[0].rules[0];
  rule.condition = 'Z';
  rule.data[0].datasourceUid = 'not-provisioned';
  rule.data[1].model.expression = 'Q';
  doc.groups[1].interval = '15s';
  const errors = validateGrafanaAlerting(doc, provisioned).join('\n');
  expect(errors).toMatch(/condition "Z" is not a refId/);
  expect(errors).toMatch(/data source uid "not-provisioned" is not provisioned/);
  expect(errors).toMatch(/B: expression input "Q" is not another refId/);
  expect(errors).toMatch(/interval 15s must be a duration that is a multiple of 10s/);
});

it('the committed example files are what the generator writes for the demo request', () => {
  const out = demo();
  const files: Record<string, string> = {
    'demo.rules.yml': out.prometheusRuleFile,
    'demo.grafana.yml': out.grafanaProvisioning,
  };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(FIXTURES, name);
    if (process.env.UPDATE_ALERTING_FIXTURES) {
      fs.writeFileSync(file, content);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  }
});
