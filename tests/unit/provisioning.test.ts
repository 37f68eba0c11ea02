/**
 * @jest-environment node
 */
/**
 * The Docker demo cannot run on our machines, so its files are checked statically: the compose file
 * parses and mounts what exists, plugin ids match plugin.json, images are pinned, the Prometheus
 * config is valid (promtool), the dashboard uses only known panel types and provisioned data sources,
 * the alert rules (Prometheus and Grafana-managed) are valid and what scripts/demo/alertRules.ts writes.
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parse } from 'yaml';
import { demoAlertFiles } from '../../scripts/demo/alertRules';
import { firingRuns } from '../../sandbox/demo/alerts';
import { recordingPasses } from '../../sandbox/demo/ruleBackfill';
import { validateGrafanaAlerting } from '../support/grafanaAlertingValidator';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<
    string,
    {
      image?: string;
      build?: { context: string; dockerfile: string };
      volumes?: string[];
      ports?: string[];
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
    }
  >;
  volumes: Record<string, unknown>;
};
const dashboard = JSON.parse(read('provisioning/dashboards/ml-service.json'));
const datasources = (
  parse(read('provisioning/datasources/datasources.yaml')) as {
    datasources: Array<{ uid: string; type: string; url?: string; jsonData?: Record<string, any> }>;
  }
).datasources;

function pluginJsons(
  dir = path.join(ROOT, 'src')
): Array<{ id: string; type: string; dependencies?: { grafanaDependency?: string } }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? pluginJsons(p) : e.name === 'plugin.json' ? [JSON.parse(fs.readFileSync(p, 'utf8'))] : [];
  });
}
const plugins = pluginJsons();

/** `version` satisfies a `>=x.y.z` range (the only form our plugin.json files use). */
function atLeast(version: string, range: string): boolean {
  const m = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!m) {
    throw new Error(`unexpected grafanaDependency ${range}`);
  }
  const v = version.split('.').map(Number);
  const min = m.slice(1).map(Number);
  const i = v.findIndex((x, k) => x !== min[k]);
  return i === -1 || v[i] > min[i];
}

describe('docker-compose.yml', () => {
  it('has the demo services', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'alertmanager',
      'backfill',
      'grafana',
      'history',
      'prometheus',
      'simulator',
    ]);
  });

  it('mounts only paths that exist, and declares its named volumes', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('.')) {
          // dist/ is made by `npm run build`, which the README puts before `docker compose up`.
          const built = source === './dist' && !fs.existsSync(path.join(ROOT, 'dist'));
          expect({ name, source, exists: built || fs.existsSync(path.join(ROOT, source)) }).toEqual({
            name,
            source,
            exists: true,
          });
        } else {
          expect(Object.keys(compose.volumes)).toContain(source);
        }
      }
    }
  });

  it('allows exactly the plugin.json ids unsigned, and Grafana within grafanaDependency', () => {
    const grafana = compose.services.grafana;
    const allowed = grafana.environment!.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',').sort();
    expect(allowed).toEqual(plugins.map((p) => p.id).sort());
    expect(allowed).toHaveLength(4);
    const version = grafana.image!.split(':')[1];
    for (const p of plugins) {
      expect(atLeast(version, p.dependencies!.grafanaDependency!)).toBe(true);
    }
    expect(version).toBe(JSON.parse(read('package.json')).dependencies['@grafana/data']);
    expect(grafana.environment!.GF_AUTH_ANONYMOUS_ORG_ROLE).toBe('Viewer');
  });

  it('pins every image to a version, and builds the simulator from files that exist with package.json versions', () => {
    for (const service of Object.values(compose.services)) {
      expect(service.image).toMatch(/^[\w./-]+:(v?\d+\.\d+\.\d+|local)$/);
    }
    const dockerfile = compose.services.simulator.build!.dockerfile;
    const text = read(dockerfile);
    for (const [, src] of text.matchAll(/^COPY (\S+) /gm)) {
      expect(fs.existsSync(path.join(ROOT, compose.services.simulator.build!.context, src))).toBe(true);
    }
    const pkg = JSON.parse(read('package.json'));
    expect(text).toContain(`tsx@${pkg.devDependencies.tsx}`);
    expect(text).toContain(`prom-client@${pkg.devDependencies['prom-client']}`);
  });

  it('publishes the documented ports and starts Prometheus only after the backfill', () => {
    const ports = Object.fromEntries(Object.entries(compose.services).map(([k, s]) => [k, s.ports ?? []]));
    expect(ports).toMatchObject({
      grafana: ['3000:3000'],
      prometheus: ['9090:9090'],
      simulator: ['9464:9464'],
      alertmanager: ['9093:9093'],
    });
    const header = read('docker-compose.yml').split('\nservices:')[0];
    for (const port of ['3000', '9090', '9093', '9464']) {
      expect(header).toContain(port);
    }
    expect(compose.services.prometheus.depends_on!.backfill.condition).toBe('service_completed_successfully');
    expect(compose.services.backfill.depends_on!.history.condition).toBe('service_completed_successfully');
  });
});

describe('Prometheus configuration', () => {
  const hasPromtool = !spawnSync('promtool', ['--version'], { stdio: 'ignore' }).error;

  it('scrapes the compose simulator service with its own labels', () => {
    const config = parse(read('demo/prometheus.yml'));
    const job = config.scrape_configs[0];
    expect(job.static_configs[0].targets).toEqual(['simulator:9464']);
    expect(job.honor_labels).toBe(true);
    expect(compose.services.simulator.ports).toEqual(['9464:9464']);
  });

  (hasPromtool ? it : it.skip)('passes promtool check config (compose and local variants)', () => {
    expect(execFileSync('promtool', ['check', 'config', path.join(ROOT, 'demo', 'prometheus.yml')]).toString()).toMatch(
      /SUCCESS/
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-promcfg-'));
    try {
      const local = path.join(dir, 'prometheus.yml');
      fs.writeFileSync(
        local,
        read('demo/prometheus.yml')
          .replace('simulator:9464', '127.0.0.1:9464')
          .replace('alertmanager:9093', '127.0.0.1:9093')
      );
      fs.cpSync(path.join(ROOT, 'demo', 'rules'), path.join(dir, 'rules'), { recursive: true });
      expect(execFileSync('promtool', ['check', 'config', local]).toString()).toMatch(/SUCCESS: 1 rule files found/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('alert rules of the demo', () => {
  const hasPromtool = !spawnSync('promtool', ['--version'], { stdio: 'ignore' }).error;
  const hasAmtool = !spawnSync('amtool', ['--version'], { stdio: 'ignore' }).error;
  const config = parse(read('demo/prometheus.yml'));
  const grafanaRules = parse(read('provisioning/alerting/infradrift.yaml'));
  const ruleFile = parse(read('demo/rules/infradrift.rules.yml')) as {
    groups: Array<{ rules: Array<{ alert?: string; record?: string }> }>;
  };

  it('are what scripts/demo/alertRules.ts writes from src/alerting (run it after changing the module)', () => {
    for (const [file, content] of Object.entries(demoAlertFiles())) {
      expect({ file: path.relative(ROOT, file), same: fs.readFileSync(file, 'utf8') === content }).toEqual({
        file: path.relative(ROOT, file),
        same: true,
      });
    }
  });

  it('Grafana-managed rules: valid provisioning on provisioned data sources, wired expressions, existing condition', () => {
    expect(fs.readdirSync(path.join(ROOT, 'provisioning/alerting')).filter((f) => /\.ya?ml$/.test(f))).toEqual([
      'infradrift.yaml',
    ]);
    expect(validateGrafanaAlerting(grafanaRules, new Set(datasources.map((d) => d.uid)))).toEqual([]);
    expect(grafanaRules.apiVersion).toBe(1);
    const rules = grafanaRules.groups.flatMap((g: { rules: unknown[] }) => g.rules);
    expect(rules.map((r: { title: string }) => r.title)).toEqual([
      'Cache misses move with user_tenure_days drift',
      'Request timeouts move with session_length_seconds drift',
      'user_tenure_days drift (KS)',
    ]);
    for (const rule of rules) {
      const refIds = rule.data.map((d: { refId: string }) => d.refId);
      expect(refIds).toContain(rule.condition);
      expect(rule.uid).toMatch(/^[\w-]{1,40}$/);
      const queries = rule.data.filter((d: { datasourceUid: string }) => d.datasourceUid !== '__expr__');
      expect(queries.map((d: { datasourceUid: string }) => d.datasourceUid)).toEqual(['infradrift-demo-prometheus']);
      for (const node of rule.data.filter((d: { datasourceUid: string }) => d.datasourceUid === '__expr__')) {
        expect(refIds).toContain(node.model.expression);
      }
    }
  });

  it('Prometheus rules: one group per rule, an alert each, and loaded by the config that compose mounts', () => {
    expect(ruleFile.groups.map((g) => g.rules.filter((r) => r.alert).length)).toEqual([1, 1, 1]);
    expect(config.rule_files).toEqual(['rules/*.yml']);
    expect(config.alerting.alertmanagers[0].static_configs[0].targets).toEqual(['alertmanager:9093']);
    const prometheus = compose.services.prometheus;
    expect(prometheus.volumes).toContain('./demo/rules:/etc/prometheus/rules:ro');
    expect(prometheus.volumes).toContain('./demo/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    expect(prometheus.depends_on!.alertmanager.condition).toBe('service_started');
    const alertmanager = compose.services.alertmanager as { command?: string[]; volumes?: string[]; image?: string };
    expect(alertmanager.image).toMatch(/^prom\/alertmanager:v\d+\.\d+\.\d+$/);
    expect(alertmanager.volumes).toContain('./demo/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro');
    expect(alertmanager.command).toContain('--config.file=/etc/alertmanager/alertmanager.yml');
  });

  (hasPromtool ? it : it.skip)('pass promtool check rules', () => {
    expect(
      execFileSync('promtool', ['check', 'rules', path.join(ROOT, 'demo/rules/infradrift.rules.yml')]).toString()
    ).toContain(`SUCCESS: ${ruleFile.groups.flatMap((g) => g.rules).length} rules found`);
  });

  it('backfill in two passes: raw-series records first, then the r that reads them; alerts are not backfilled', () => {
    const passes = recordingPasses(read('demo/rules/infradrift.rules.yml')).map((p) =>
      p.flatMap((g) => g.rules.map((r) => r.record!.split(':').pop()))
    );
    expect(passes).toEqual([
      ['a', 'b', 'ab', 'a', 'b', 'ab', 'ks'],
      ['r', 'r'],
    ]);
  });

  it('a condition counts as fired once it has held for the rule `for` duration (the page replays history so)', () => {
    const t = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + 15 * i);
    // 5 evaluations span 60 s: exactly `for: 1m`; 4 do not; a missing step splits a run.
    expect(firingRuns([...t(0, 5), ...t(1000, 4), ...t(2000, 3), ...t(2060, 3)], 15, 60)).toEqual([
      { from: 60, to: 60 },
    ]);
    expect(firingRuns(t(0, 10), 15, 0)).toEqual([{ from: 0, to: 135 }]);
    expect(firingRuns([], 15, 60)).toEqual([]);
  });

  (hasAmtool ? it : it.skip)('Alertmanager config passes amtool check-config', () => {
    expect(execFileSync('amtool', ['check-config', path.join(ROOT, 'demo/alertmanager.yml')]).toString()).toMatch(
      /SUCCESS/
    );
  });
});

describe('provisioned data sources', () => {
  it('points InfraDrift at the provisioned Prometheus by uid', () => {
    const prom = datasources.find((d) => d.type === 'prometheus')!;
    const infradrift = datasources.find((d) => d.type === 'infradrift-correlation-datasource')!;
    expect(prom.url).toBe('http://prometheus:9090');
    expect(infradrift.jsonData!.defaultSource).toEqual({ type: 'prometheus', uid: prom.uid });
    expect(plugins.map((p) => p.id)).toContain(infradrift.type);
  });

  it('enables the app', () => {
    const apps = parse(read('provisioning/plugins/apps.yaml')).apps;
    expect(apps).toEqual([
      expect.objectContaining({ type: plugins.find((p) => p.type === 'app')!.id, disabled: false }),
    ]);
  });
});

describe('dashboard ml-service.json', () => {
  const panels: any[] = dashboard.panels;
  const BUILT_IN = new Set([
    'row',
    'timeseries',
    'stat',
    'gauge',
    'bargauge',
    'table',
    'text',
    'heatmap',
    'state-timeline',
    'barchart',
    'histogram',
  ]);
  const OURS = new Set(plugins.filter((p) => p.type === 'panel').map((p) => p.id));

  it('uses only Grafana built-in panels and ours, including both of ours', () => {
    for (const p of panels) {
      expect({ type: p.type, known: BUILT_IN.has(p.type) || OURS.has(p.type) }).toEqual({ type: p.type, known: true });
    }
    expect(new Set(panels.map((p) => p.type).filter((t) => OURS.has(t)))).toEqual(OURS);
  });

  it('refers only to provisioned data sources', () => {
    const uids = new Set(datasources.map((d) => d.uid));
    const refs = [
      ...panels.flatMap((p) => [p.datasource, ...(p.targets ?? []).map((t: any) => t.datasource)]),
      ...dashboard.annotations.list.filter((a: any) => !a.builtIn).map((a: any) => a.datasource),
      ...dashboard.templating.list.map((v: any) => v.datasource),
      ...panels.flatMap((p) => (p.targets ?? []).flatMap((t: any) => (t.signals ?? []).map((s: any) => s.datasource))),
    ].filter(Boolean);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(uids.has(ref.uid)).toBe(true);
    }
  });

  it('has the model and window variables, and the queries use them', () => {
    expect(dashboard.templating.list.map((v: any) => v.name)).toEqual(['model', 'window']);
    const text = JSON.stringify(panels);
    expect(text).toContain('model=\\"$model\\"');
    expect(text).toContain('[$window]');
  });

  it('lays panels on the 24-column grid without overlaps', () => {
    const cells = new Set<string>();
    for (const p of panels) {
      const { x, y, w, h } = p.gridPos;
      expect(x + w).toBeLessThanOrEqual(24);
      for (let i = x; i < x + w; i++) {
        for (let j = y; j < y + h; j++) {
          expect(cells.has(`${i},${j}`)).toBe(false);
          cells.add(`${i},${j}`);
        }
      }
    }
  });
});
