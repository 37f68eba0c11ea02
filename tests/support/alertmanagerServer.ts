/**
 * Debian's Alertmanager (`prometheus-alertmanager`) on a free 127.0.0.1 port, clustering off, its
 * own storage in a temporary directory, routing every alert at once to a webhook receiver that the
 * test serves on 127.0.0.1 and that keeps what it receives.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import http from 'http';
import net from 'net';
import os from 'os';
import path from 'path';
import { stringify } from 'yaml';
import { Daemon, startDaemon } from './daemon';
import { freePort } from './prometheusServer';

export const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';

export function alertmanagerAvailable(): boolean {
  try {
    execFileSync(ALERTMANAGER, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One alert as Alertmanager's webhook (version 4) sends it. */
export interface WebhookAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
}

export interface Webhook {
  url: string;
  alerts: WebhookAlert[];
  /** Resolves with the first received alert matching, or rejects after `timeoutMs`. */
  waitFor(match: (a: WebhookAlert) => boolean, timeoutMs: number): Promise<WebhookAlert>;
  stop(): Promise<void>;
}

export async function startWebhook(): Promise<Webhook> {
  const alerts: WebhookAlert[] = [];
  const listeners = new Set<() => void>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        alerts.push(...(JSON.parse(body).alerts as WebhookAlert[]));
      } catch {
        // not a webhook payload; ignore
      }
      res.writeHead(200).end();
      listeners.forEach((l) => l());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/alerts`,
    alerts,
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = alerts.find(match);
          if (found) {
            done();
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(
              `no matching alert within ${timeoutMs} ms; received: ${JSON.stringify(alerts.map((a) => a.labels))}`
            )
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RunningAlertmanager {
  url: string;
  stop(): Promise<void>;
}

/** Group by alert name and the sending Prometheus' external labels; wait one second, never repeat. */
export async function startAlertmanager(webhookUrl: string, groupBy: string[]): Promise<RunningAlertmanager> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-am-'));
  const config = {
    route: { receiver: 'test', group_by: groupBy, group_wait: '1s', group_interval: '1s', repeat_interval: '1h' },
    receivers: [{ name: 'test', webhook_configs: [{ url: webhookUrl, send_resolved: false }] }],
  };
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), stringify(config));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let daemon: Daemon | undefined;
  const stop = async () => {
    await daemon?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    daemon = await startDaemon(
      undefined,
      ALERTMANAGER,
      [
        `--config.file=${path.join(dir, 'alertmanager.yml')}`,
        `--storage.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        // Empty: no gossip, no cluster port.
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      `${url}/-/ready`
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
