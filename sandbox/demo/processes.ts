/**
 * Child processes on 127.0.0.1 (promtool, Prometheus, Alertmanager) for the demo and for the tests that
 * start the same servers: the demo hands each child to its one clean-up (cleanup.ts) from the moment it
 * is spawned, so every way the demo ends stops it; a test keeps the returned handle and stops it itself.
 */
import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { alive, DemoCleanup, stopChild } from './cleanup';

export function freePort(preferred = 0): Promise<number> {
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

/** Runs a command to its end; rejects with its stderr's tail when it fails. */
export function run(cleanup: DemoCleanup, cmd: string, args: string[]): Promise<void> {
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

/** Who else must know about a started child (the demo's DemoCleanup). */
export interface ChildTracker {
  addChild(child: ChildProcess): void;
}

export interface Daemon {
  child: ChildProcess;
  /** The tail of what it wrote to stderr. */
  log(): string;
  /** Stops it by PID (SIGTERM, then SIGKILL), for a daemon needed only for a while. */
  stop(): Promise<void>;
}

/**
 * Starts a server and waits until `readyUrl` answers 200 (or it dies, or a minute passes).
 * `check` runs between polls: it throws once the start-up is aborted.
 */
export async function startDaemon(
  tracker: ChildTracker | undefined,
  cmd: string,
  args: string[],
  readyUrl: string,
  check: () => void = () => undefined
): Promise<Daemon> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  tracker?.addChild(child);
  let tail = '';
  child.stderr!.on('data', (d) => (tail = (tail + d).slice(-4000)));
  const daemon: Daemon = { child, log: () => tail.trim(), stop: () => stopChild(child) };
  const deadline = Date.now() + 60_000;
  while (!(await httpOk(readyUrl))) {
    check();
    if (!alive(child) || Date.now() > deadline) {
      await daemon.stop();
      throw new Error(`${cmd} did not start: ${daemon.log()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return daemon;
}
