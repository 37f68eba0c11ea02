/**
 * What the demo has started (child processes, in-process servers, a temporary folder) and how to undo
 * it, in one place: every way the demo can end (a signal, an error, a child dying, a failed start)
 * runs this same clean-up.
 */
import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

/** Stops a child by PID: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (!alive(child)) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => alive(child) && child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export class DemoCleanup {
  private readonly children = new Set<ChildProcess>();
  private readonly closers: Array<() => Promise<void>> = [];
  private stopping?: Promise<void>;

  constructor(readonly dir: string) {
    // Last resort: when the process exits without having awaited stop() (process.exit() somewhere,
    // an error in an error handler), no Prometheus and no temporary data outlive it.
    process.once('exit', this.stopNow);
  }

  /** True once stop() has been asked for: a child exiting after that is expected. */
  get stopped(): boolean {
    return this.stopping !== undefined;
  }

  /** Tracks a child until it exits. */
  addChild(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    if (this.stopped) {
      void stopChild(child);
    }
  }

  /** Something in this process to close on stop (a server), closed in reverse order of adding. */
  addCloser(close: () => Promise<void>): void {
    if (this.stopped) {
      void close().catch(() => undefined);
      return;
    }
    this.closers.push(close);
  }

  /** Running children's PIDs. */
  pids(): number[] {
    return [...this.children].filter(alive).map((c) => c.pid!);
  }

  /** Closes the servers, stops the children, removes the folder. The same promise for every caller. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const close of this.closers.splice(0).reverse()) {
        await close().catch(() => undefined);
      }
      await Promise.all([...this.children].map((c) => stopChild(c)));
      fs.rmSync(this.dir, { recursive: true, force: true });
      process.off('exit', this.stopNow);
    })();
    return this.stopping;
  }

  /** Synchronous, for process 'exit' where no promise settles any more: SIGKILL and remove. */
  private readonly stopNow = (): void => {
    for (const child of this.children) {
      if (alive(child)) {
        child.kill('SIGKILL');
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  };
}
