/**
 * A test's own long-running process (Prometheus, Alertmanager) on 127.0.0.1: started with its
 * arguments, ready when a URL answers 200, stopped by its PID (SIGTERM, then SIGKILL). Its stderr
 * tail is kept for error messages.
 */
import { ChildProcess, spawn } from 'child_process';

export interface Daemon {
  pid: number;
  stop(): Promise<void>;
  /** Last lines the process wrote to stderr. */
  log(): string;
}

export async function httpGet(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    const kill = setTimeout(() => {
      if (child.exitCode === null) {
        process.kill(child.pid!, 'SIGKILL');
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    process.kill(child.pid!, 'SIGTERM');
  });
}

export async function startDaemon(
  command: string,
  args: string[],
  readyUrl: string,
  timeoutMs = 60_000
): Promise<Daemon> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  child.stderr!.on('data', (c) => (tail = (tail + c).slice(-4000)));
  const daemon: Daemon = { pid: child.pid!, stop: () => stopChild(child), log: () => tail };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${command} exited with code ${child.exitCode}: ${tail}`);
    }
    const answer = await httpGet(readyUrl).catch(() => undefined);
    if (answer?.status === 200) {
      return daemon;
    }
    if (Date.now() > deadline) {
      await daemon.stop();
      throw new Error(`${command} did not become ready at ${readyUrl}: ${tail}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
