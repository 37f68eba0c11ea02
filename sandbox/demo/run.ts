/**
 * `npm run demo`: builds the plugin (skipped with DEMO_SKIP_BUILD=1 when dist/ exists), starts the
 * demo stack (sandbox/demo/stack.ts) and prints the dashboard's URL.
 *
 * However it ends, it stops Prometheus, the simulator and the sandbox and removes the temporary data:
 * Ctrl-C (SIGINT), SIGTERM, a closed terminal (SIGHUP) exit 0; an uncaught error, an unhandled
 * rejection, a failed start or Prometheus exiting on its own say so and exit 1.
 *
 * Run as `node --import tsx` (one process), not through the `tsx` command: that wrapper relays Ctrl-C
 * to its child and SIGKILLs it when the hand-shake takes more than ~60 ms, cutting the clean-up short.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DemoStack, ROOT, startDemoStack } from './stack';

const say = (line: string) => process.stdout.write(`demo: ${line}\n`);
const complain = (line: string) => process.stderr.write(`demo: ${line}\n`);
// After Ctrl-C or SIGHUP the terminal (or npm) may be gone before the clean-up is: printing must not stop it.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

const ending = new AbortController();
let stack: Promise<DemoStack> | undefined;

/** The one way out: stop the start-up or the running stack, clean up, then exit with `code`. */
function end(reason: string, code: number): void {
  if (ending.signal.aborted) {
    return; // already ending (a second Ctrl-C, Prometheus exiting because of ours)
  }
  (code === 0 ? say : complain)(`${reason}; stopping Prometheus, Alertmanager, the simulator and the sandbox`);
  ending.abort(); // the stack cleans up on abort, whether it is still starting or running
  const cleaned = stack
    ? stack.then(
        (s) => s.stop(),
        () => undefined
      )
    : Promise.resolve();
  void cleaned.then(() => {
    // Exit once the line is flushed: stdout to a pipe is asynchronous.
    process.stdout.write('demo: stopped, temporary data removed\n', () => process.exit(code));
  });
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => end(signal, 0));
}
const errorText = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
process.on('uncaughtException', (error) => end(`unexpected error: ${errorText(error)}`, 1));
process.on('unhandledRejection', (reason) => end(`unexpected error (unhandled rejection): ${errorText(reason)}`, 1));

async function main(): Promise<void> {
  const skipBuild = process.env.DEMO_SKIP_BUILD === '1' && fs.existsSync(path.join(ROOT, 'dist', 'module.js'));
  if (!skipBuild) {
    say('building the plugin (npm run build)');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      throw new Error('npm run build failed');
    }
  }
  const port = process.env.DEMO_PORT ? Number(process.env.DEMO_PORT) : undefined;
  stack = startDemoStack({ port, log: say, signal: ending.signal, onChildExit: (message) => end(message, 1) });
  const s = await stack;
  say(
    `Prometheus ${s.prometheusUrl}, Alertmanager ${s.alertmanagerUrl} (pids ${s.pids().join(', ')}), simulator ${s.simulatorUrl}metrics`
  );
  say(
    `incidents in the history: ${s.url}&incident=cache-eviction-storm (or gpu-thermal-throttling, data-drift, traffic-confounder, memory-leak)`
  );
  process.stdout.write(`\nInfraDrift demo: ${s.url}   (light theme: ${s.url}&theme=light; Ctrl-C stops)\n`);
}

main().catch((error: Error) => end(`could not start: ${error.message}`, 1));
