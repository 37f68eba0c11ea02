/**
 * A real Prometheus for rule tests: simulator history backfilled with `promtool tsdb create-blocks-from
 * openmetrics`, rule files and an Alertmanager in its configuration, recording rules backfilled over
 * the history with `promtool tsdb create-blocks-from rules` (then a restart loads the new blocks),
 * and the HTTP query API. Everything lives in one temporary directory removed by `stop()`.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { stringify } from 'yaml';
import { PROMTOOL_RULE_BLOCKS } from '../../sandbox/demo/ruleBackfill';
import { OpenMetricsInput, writeOpenMetrics } from '../../simulator/export/openmetrics';
import { Daemon, httpGet } from './daemon';
import { freePort, startPrometheusDaemon } from './prometheusServer';

export interface RuleSetup {
  /** Rule files (contents) to load. */
  rules?: string[];
  /** Global evaluation interval (default 1m; groups set their own). */
  evaluationInterval?: string;
  alertmanagerUrl?: string;
  externalLabels?: Record<string, string>;
  /**
   * How soon a firing alert is sent again (Prometheus' default 1m). Alerts evaluated before the
   * Alertmanager is discovered are dropped and only go out at the next resend: tests keep it short.
   */
  resendDelay?: string;
}

export interface Sample {
  metric: Record<string, string>;
  value: number;
}

export interface Series {
  metric: Record<string, string>;
  /** [unix seconds, value] */
  values: Array<[number, number]>;
}

export interface RulePrometheus {
  url: string;
  dir: string;
  query(expr: string, timeSeconds: number): Promise<Sample[]>;
  queryRange(expr: string, startSeconds: number, endSeconds: number, stepSeconds: number): Promise<Series[]>;
  /**
   * Backfills the recording rules of `ruleFile` over [start, end] (unix seconds) and restarts to load
   * the new blocks, with `then` as the new rule setup if given. Each group's samples sit at its place
   * in the step given by its name and the file's bare name (groupOffset.ts).
   */
  backfillRules(ruleFile: string, startSeconds: number, endSeconds: number, then?: RuleSetup): Promise<void>;
  /** Restarts with another rule setup (same data). */
  restart(setup: RuleSetup): Promise<void>;
  stop(): Promise<void>;
}

async function backfillHistory(input: OpenMetricsInput, file: string, data: string): Promise<void> {
  const out = fs.createWriteStream(file);
  await writeOpenMetrics(input, out);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, data], { stdio: 'ignore' });
  fs.rmSync(file);
}

async function api(url: string): Promise<any> {
  const answer = await httpGet(url);
  const body = JSON.parse(answer.body);
  if (body.status !== 'success') {
    throw new Error(`${body.errorType}: ${body.error}`);
  }
  return body.data;
}

export async function startRulePrometheus(inputs: OpenMetricsInput[], setup: RuleSetup = {}): Promise<RulePrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-rules-'));
  const data = path.join(dir, 'data');
  let daemon: Daemon | undefined;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;

  const start = async (s: RuleSetup) => {
    const ruleFiles = (s.rules ?? []).map((content, i) => {
      const file = path.join(dir, `rules-${i}.yml`);
      fs.writeFileSync(file, content);
      return file;
    });
    const config = {
      global: {
        scrape_interval: '1m',
        evaluation_interval: s.evaluationInterval ?? '1m',
        ...(s.externalLabels ? { external_labels: s.externalLabels } : {}),
      },
      rule_files: ruleFiles,
      scrape_configs: [],
      ...(s.alertmanagerUrl
        ? {
            alerting: {
              alertmanagers: [
                { static_configs: [{ targets: [s.alertmanagerUrl.replace(/^https?:\/\//, '').replace(/\/$/, '')] }] },
              ],
            },
          }
        : {}),
    };
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), stringify(config));
    daemon = await startPrometheusDaemon({
      config: path.join(dir, 'prometheus.yml'),
      data,
      port,
      logLevel: 'warn',
      extraArgs: s.resendDelay ? [`--rules.alert.resend-delay=${s.resendDelay}`] : [],
    });
  };

  const stopDaemon = async () => {
    await daemon?.stop();
    daemon = undefined;
  };

  try {
    for (const [i, input] of inputs.entries()) {
      await backfillHistory(input, path.join(dir, `history-${i}.om`), data);
    }
    await start(setup);
  } catch (error) {
    await stopDaemon();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  let current = setup;
  return {
    url,
    dir,
    async query(expr, timeSeconds) {
      const d = await api(`${url}api/v1/query?query=${encodeURIComponent(expr)}&time=${timeSeconds}`);
      return d.result.map((r: any) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    async queryRange(expr, startSeconds, endSeconds, stepSeconds) {
      const d = await api(
        `${url}api/v1/query_range?query=${encodeURIComponent(expr)}&start=${startSeconds}&end=${endSeconds}&step=${stepSeconds}`
      );
      return d.result.map((r: any) => ({
        metric: r.metric,
        values: r.values.map(([t, v]: [number, string]) => [t, Number(v)]),
      }));
    },
    async backfillRules(ruleFile, startSeconds, endSeconds, then) {
      const out = path.join(dir, 'rule-blocks');
      execFileSync(
        'promtool',
        [
          'tsdb',
          'create-blocks-from',
          'rules',
          `--url=${url}`,
          `--start=${startSeconds}`,
          `--end=${endSeconds}`,
          `--output-dir=${out}`,
          PROMTOOL_RULE_BLOCKS,
          '--quiet',
          path.basename(ruleFile),
        ],
        // From the file's folder with its bare name: a group's place in the step hashes the path as
        // given, so it depends on the file name alone, not on this run's temporary directory.
        { cwd: path.dirname(ruleFile), stdio: ['ignore', 'ignore', 'pipe'] }
      );
      await stopDaemon();
      for (const block of fs.readdirSync(out)) {
        fs.renameSync(path.join(out, block), path.join(data, block));
      }
      fs.rmSync(out, { recursive: true, force: true });
      current = then ?? current;
      await start(current);
    },
    async restart(s) {
      current = s;
      await stopDaemon();
      await start(s);
    },
    async stop() {
      await stopDaemon();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
