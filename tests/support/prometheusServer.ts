/**
 * A real Prometheus (Debian's binary) on a free 127.0.0.1 port, with simulator scenarios backfilled by
 * `promtool tsdb create-blocks-from openmetrics`. Stopped by PID. Used by integration and browser tests.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { writeOpenMetrics } from '../../simulator/export/openmetrics';
import { simulate, SimulationResult } from '../../simulator/simulate';
import type { ScenarioChoice } from '../../simulator/scenarios';
import { Daemon, freePort, startDaemon } from '../../sandbox/demo/processes';

export interface RunningPrometheus {
  url: string;
  pid: number;
  simulations: SimulationResult[];
  stop(): Promise<void>;
}

export function prometheusAvailable(): boolean {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    execFileSync('prometheus', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Free ports come from the same helper as the demo's. */
export { freePort };

export interface BackfillSpec {
  scenario: ScenarioChoice;
  hours: number;
  end: number;
  seed?: number;
  stepSeconds?: number;
}

/**
 * Debian's Prometheus on 127.0.0.1:`port` with a config file and a data folder, ready when `/-/ready`
 * answers. Every test Prometheus starts here, so they all keep backfilled history the same way.
 */
export function startPrometheusDaemon(o: {
  config: string;
  data: string;
  port: number;
  logLevel: 'error' | 'warn';
  extraArgs?: string[];
}): Promise<Daemon> {
  return startDaemon(
    undefined,
    'prometheus',
    [
      `--config.file=${o.config}`,
      `--storage.tsdb.path=${o.data}`,
      // Backfilled history may be older than the default 15 days.
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${o.port}`,
      `--log.level=${o.logLevel}`,
      ...(o.extraArgs ?? []),
    ],
    `http://127.0.0.1:${o.port}/-/ready`
  );
}

/** Simulates, backfills and starts Prometheus. Each spec becomes its own blocks (distinct time ranges). */
export async function startPrometheus(specs: BackfillSpec[]): Promise<RunningPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-prom-'));
  const data = path.join(dir, 'data');
  const simulations: SimulationResult[] = [];
  for (const [i, spec] of specs.entries()) {
    const sim = simulate({
      scenario: spec.scenario,
      hours: spec.hours,
      end: spec.end,
      seed: spec.seed ?? 1,
      stepSeconds: spec.stepSeconds ?? 60,
    });
    simulations.push(sim);
    const file = path.join(dir, `scenario-${i}.om`);
    const out = fs.createWriteStream(file);
    await writeOpenMetrics(sim, out);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, data], { stdio: 'ignore' });
    fs.rmSync(file);
  }
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\nscrape_configs: []\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const removeData = () => fs.rmSync(dir, { recursive: true, force: true });
  let daemon: Daemon;
  try {
    daemon = await startPrometheusDaemon({ config: path.join(dir, 'prometheus.yml'), data, port, logLevel: 'error' });
  } catch (error) {
    removeData();
    throw error;
  }
  const stop = async () => {
    await daemon.stop();
    removeData();
  };
  return { url, pid: daemon.child.pid!, simulations, stop };
}
