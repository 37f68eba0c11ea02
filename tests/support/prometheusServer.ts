/**
 * A real Prometheus (Debian's binary) on a free 127.0.0.1 port, with simulator scenarios backfilled by
 * `promtool tsdb create-blocks-from openmetrics`. Stopped by PID. Used by integration and browser tests.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import fs from 'fs';
import http from 'http';
import net from 'net';
import os from 'os';
import path from 'path';
import { writeOpenMetrics } from '../../simulator/export/openmetrics';
import { simulate, SimulationResult } from '../../simulator/simulate';
import type { ScenarioChoice } from '../../simulator/scenarios';

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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with code ${child.exitCode}`);
    }
    try {
      if ((await get(`${url}-/ready`)).status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('prometheus did not become ready');
}

export interface BackfillSpec {
  scenario: ScenarioChoice;
  hours: number;
  end: number;
  seed?: number;
  stepSeconds?: number;
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
  const child = spawn(
    'prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      // Backfilled history may be older than the default 15 days.
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=error',
    ],
    { stdio: 'ignore' }
  );
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => (child.exitCode === null && process.kill(child.pid!, 'SIGKILL'), resolve()), 5000);
        child.once('exit', () => (clearTimeout(t), resolve()));
      });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, simulations, stop };
}
