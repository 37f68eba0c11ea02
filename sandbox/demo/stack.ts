/**
 * The demo without Docker, as a library: history backfilled into a local Prometheus (Debian's
 * binary), the live simulator in this process, and the sandbox serving the provisioned dashboard.
 * `sandbox/demo/run.ts` is the command; the browser test starts the same stack.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { startSandbox } from '../server';
import { alive, DemoCleanup } from './cleanup';
import { writeBackfill } from '../../simulator/server/backfill';
import { startLiveServer } from '../../simulator/server/server';
import { demoTimeline, DemoTimelineOptions } from '../../simulator/server/timeline';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PROVISIONING = path.join(ROOT, 'provisioning');
export const PROMETHEUS_CONFIG = path.join(ROOT, 'demo', 'prometheus.yml');
/** Where docker compose's Prometheus finds the simulator; the local demo points it at its own. */
export const COMPOSE_SIMULATOR_TARGET = 'simulator:9464';

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
  simulatorUrl: string;
  /** The temporary folder (Prometheus's data, the page's config), removed by stop(). */
  dir: string;
  /** Child processes still running (Prometheus). */
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
  const missing = ['prometheus', 'promtool'].filter((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).error);
  return missing.length
    ? `${missing.join(' and ')} not found. Install Debian's Prometheus with \`bash scripts/setup.sh\` (what \`npm run demo\` ` +
        'runs first; needs root or sudo) or `sudo apt-get install prometheus`, or use `docker compose up` instead.'
    : undefined;
}

function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(preferred === 0 ? 0 : freePort(0)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    http
      .get(url, (res) => (res.resume(), resolve(res.statusCode === 200)))
      .on('error', () => resolve(false))
      .setTimeout(2000, function (this: http.ClientRequest) {
        this.destroy();
      });
  });
}

function run(cleanup: DemoCleanup, cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    cleanup.addChild(child);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code ?? signal}): ${stderr.trim().slice(-2000)}`))
    );
  });
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
    const om = path.join(dir, 'history.om');
    const out = fs.createWriteStream(om);
    await writeBackfill(timeline, out);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    check();
    const data = path.join(dir, 'data');
    await run(cleanup, 'promtool', ['tsdb', 'create-blocks-from', 'openmetrics', om, data]);
    check();
    fs.rmSync(om);

    const simulator = await startLiveServer({ timeline, port: 0 });
    cleanup.addCloser(() => simulator.close());
    check();
    const simulatorHost = new URL(simulator.url).host;
    const config = fs.readFileSync(PROMETHEUS_CONFIG, 'utf8').replace(COMPOSE_SIMULATOR_TARGET, simulatorHost);
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), config);

    const promPort = await freePort();
    check();
    const prometheusUrl = `http://127.0.0.1:${promPort}/`;
    const prometheus = spawn(
      'prometheus',
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${data}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
        '--storage.tsdb.retention.time=7d',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    );
    cleanup.addChild(prometheus);
    let promErr = '';
    prometheus.stderr!.on('data', (d) => (promErr = (promErr + d).slice(-4000)));
    const deadline = Date.now() + 60_000;
    while (!(await httpOk(`${prometheusUrl}-/ready`))) {
      check();
      if (!alive(prometheus) || Date.now() > deadline) {
        throw new Error(`prometheus did not start: ${promErr.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }

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
    if (!alive(prometheus)) {
      throw new Error(`prometheus exited during the start: ${promErr.trim()}`);
    }
    prometheus.once('exit', (code, sig) => {
      if (!cleanup.stopped) {
        opts.onChildExit?.(
          `Prometheus (pid ${prometheus.pid}) exited on its own (${code ?? sig}): ${promErr.trim().slice(-500)}`
        );
      }
    });
    return {
      url: `${sandbox.url}?view=demo`,
      sandboxUrl: sandbox.url,
      prometheusUrl,
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
