/**
 * The demo without Docker, as a library: history backfilled into a local Prometheus (Debian's
 * binary), the live simulator in this process, and the sandbox serving the provisioned dashboard.
 * `sandbox/demo/run.ts` is the command; the browser test starts the same stack.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { startSandbox } from '../server';
import { alive, DemoCleanup } from './cleanup';
import { freePort, run, startDaemon } from './processes';
import { backfillRecordingRules } from './ruleBackfill';
import { writeBackfill } from '../../simulator/server/backfill';
import { startLiveServer } from '../../simulator/server/server';
import { DemoTimeline, demoTimeline, DemoTimelineOptions } from '../../simulator/server/timeline';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PROVISIONING = path.join(ROOT, 'provisioning');
export const PROMETHEUS_CONFIG = path.join(ROOT, 'demo', 'prometheus.yml');
/** The demo's alert rules (scripts/demo/alertRules.ts writes them), found by the config as `rules/*.yml`. */
export const RULES_DIR = path.join(ROOT, 'demo', 'rules');
export const ALERTMANAGER_CONFIG = path.join(ROOT, 'demo', 'alertmanager.yml');
/** Where docker compose's Prometheus finds the simulator; the local demo points it at its own. */
export const COMPOSE_SIMULATOR_TARGET = 'simulator:9464';
/** Where docker compose's Prometheus finds Alertmanager; the local demo points it at its own. */
export const COMPOSE_ALERTMANAGER_TARGET = 'alertmanager:9093';
/** Recording rules are backfilled from this long before the history's first incident (a rule window and more) to the anchor. */
const RULE_BACKFILL_LEAD_MS = 3_600_000;

export interface DemoStackOptions {
  /** Sandbox port; taken when free, else any free port. Default 3001. */
  port?: number;
  timeline?: Partial<DemoTimelineOptions>;
  log?: (line: string) => void;
  /** Aborting stops the start-up (or the started stack) and cleans up; startDemoStack then rejects. */
  signal?: AbortSignal;
  /** Hears that Prometheus exited on its own after the start: the demo is of no use any more. */
  onChildExit?: (message: string) => void;
}

export interface DemoStack {
  /** The dashboard page. */
  url: string;
  sandboxUrl: string;
  prometheusUrl: string;
  alertmanagerUrl: string;
  simulatorUrl: string;
  /** The temporary folder (Prometheus's data, the page's config), removed by stop(). */
  dir: string;
  /** Child processes still running (Prometheus, Alertmanager). */
  pids(): number[];
  stop(): Promise<void>;
}

/** Data sources as provisioned for Grafana, so the page uses the same uids and settings. */
export interface ProvisionedDataSource {
  name: string;
  uid: string;
  type: string;
  jsonData?: Record<string, unknown>;
}

export function provisionedDataSources(): ProvisionedDataSource[] {
  const file = path.join(PROVISIONING, 'datasources', 'datasources.yaml');
  return (parse(fs.readFileSync(file, 'utf8')) as { datasources: ProvisionedDataSource[] }).datasources;
}

export function missingPrometheusMessage(): string | undefined {
  const missing = ['prometheus', 'promtool', 'prometheus-alertmanager'].filter(
    (bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).error
  );
  return missing.length
    ? `${missing.join(' and ')} not found. Install Debian's Prometheus with \`bash scripts/setup.sh\` (what \`npm run demo\` ` +
        'runs first; needs root or sudo) or `sudo apt-get install prometheus prometheus-alertmanager`, or use `docker compose up` instead.'
    : undefined;
}

export async function startDemoStack(opts: DemoStackOptions = {}): Promise<DemoStack> {
  const log = opts.log ?? (() => undefined);
  const missing = missingPrometheusMessage();
  if (missing) {
    throw new Error(missing);
  }
  const signal = opts.signal;
  signal?.throwIfAborted();
  const cleanup = new DemoCleanup(fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-demo-')));
  const { dir } = cleanup;
  signal?.addEventListener('abort', () => void cleanup.stop(), { once: true });
  // Checked after every wait: once aborted, start nothing more (the clean-up has begun).
  const check = () => signal?.throwIfAborted();
  try {
    const timeline = demoTimeline({ anchor: Date.now(), ...opts.timeline });
    log(`temporary data in ${dir}`);
    log(
      `history ${new Date(timeline.start).toISOString()} .. ${new Date(timeline.anchor).toISOString()}: simulating and backfilling`
    );
    const { data } = await backfillHistory(cleanup, timeline, check, log);

    const amPort = await freePort();
    check();
    const alertmanagerUrl = `http://127.0.0.1:${amPort}/`;
    const alertmanager = await startDaemon(
      cleanup,
      'prometheus-alertmanager',
      [
        `--config.file=${ALERTMANAGER_CONFIG}`,
        `--storage.path=${path.join(dir, 'alertmanager')}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        // A single Alertmanager: no gossip port.
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      `${alertmanagerUrl}-/ready`,
      check
    );
    check();

    const simulator = await startLiveServer({ timeline, port: 0 });
    cleanup.addCloser(() => simulator.close());
    check();
    const simulatorHost = new URL(simulator.url).host;
    const config = fs
      .readFileSync(PROMETHEUS_CONFIG, 'utf8')
      .replace(COMPOSE_SIMULATOR_TARGET, simulatorHost)
      .replace(COMPOSE_ALERTMANAGER_TARGET, `127.0.0.1:${amPort}`);
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), config);
    fs.cpSync(RULES_DIR, path.join(dir, 'rules'), { recursive: true });
    const { url: prometheusUrl, daemon: prometheus } = await startPrometheus(
      cleanup,
      path.join(dir, 'prometheus.yml'),
      data,
      check
    );
    check();
    const web = path.join(dir, 'web');
    fs.mkdirSync(web);
    fs.writeFileSync(
      path.join(web, 'config.json'),
      JSON.stringify({
        simulatorUrl: simulator.url,
        dashboard: '/provisioning/dashboards/ml-service.json',
        datasources: provisionedDataSources(),
      })
    );
    const sandbox = await startSandbox({
      port: await freePort(opts.port ?? 3001),
      prometheusUrl,
      // uPlot's stylesheet: Grafana's own CSS carries it, the sandbox host bundles no CSS.
      staticDirs: {
        '/demo-files/': web,
        '/provisioning/': PROVISIONING,
        '/vendor/uplot/': path.join(ROOT, 'node_modules', 'uplot', 'dist'),
      },
    });
    cleanup.addCloser(() => sandbox.close());
    check();
    for (const [name, daemon] of [
      ['Prometheus', prometheus],
      ['Alertmanager', alertmanager],
    ] as const) {
      if (!alive(daemon.child)) {
        throw new Error(`${name} exited during the start: ${daemon.log()}`);
      }
      daemon.child.once('exit', (code, sig) => {
        if (!cleanup.stopped) {
          opts.onChildExit?.(
            `${name} (pid ${daemon.child.pid}) exited on its own (${code ?? sig}): ${daemon.log().slice(-500)}`
          );
        }
      });
    }
    return {
      url: `${sandbox.url}?view=demo`,
      sandboxUrl: sandbox.url,
      prometheusUrl,
      alertmanagerUrl,
      simulatorUrl: simulator.url,
      dir,
      pids: () => cleanup.pids(),
      stop: () => cleanup.stop(),
    };
  } catch (error) {
    await cleanup.stop();
    throw error;
  }
}

/**
 * The timeline's history as Prometheus blocks in `<cleanup.dir>/data`, with the demo's recording rules
 * backfilled over it through a Prometheus that only serves the backfilled data (`bare`: its
 * configuration, no scrapes and no rules).
 */
export async function backfillHistory(
  cleanup: DemoCleanup,
  timeline: DemoTimeline,
  check: () => void,
  log: (line: string) => void,
  ruleFile = path.join(RULES_DIR, 'infradrift.rules.yml')
): Promise<{ data: string; bare: string }> {
  const om = path.join(cleanup.dir, 'history.om');
  const out = fs.createWriteStream(om);
  await writeBackfill(timeline, out);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  check();
  const data = path.join(cleanup.dir, 'data');
  await run(cleanup, 'promtool', ['tsdb', 'create-blocks-from', 'openmetrics', om, data]);
  check();
  fs.rmSync(om);
  const bare = path.join(cleanup.dir, 'prometheus-bare.yml');
  fs.writeFileSync(bare, 'global:\n  scrape_interval: 15s\n');
  await backfillRecordingRules({
    cleanup,
    ruleFile,
    data,
    start: (timeline.history.incidents[0]?.start ?? timeline.anchor) - RULE_BACKFILL_LEAD_MS,
    end: timeline.anchor,
    startPrometheus: () => startPrometheus(cleanup, bare, data, check),
    check,
    log,
  });
  check();
  return { data, bare };
}

/** Debian's Prometheus on a free port of 127.0.0.1, on the demo's data directory. */
export async function startPrometheus(cleanup: DemoCleanup, configFile: string, data: string, check: () => void) {
  const port = await freePort();
  check();
  const url = `http://127.0.0.1:${port}/`;
  const daemon = await startDaemon(
    cleanup,
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${data}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=7d',
      '--log.level=warn',
    ],
    `${url}-/ready`,
    check
  );
  return { url, daemon };
}
