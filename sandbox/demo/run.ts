/**
 * `npm run demo`: builds the plugin (skipped with DEMO_SKIP_BUILD=1 when dist/ exists), starts the
 * demo stack (sandbox/demo/stack.ts) and prints the dashboard's URL. Ctrl-C (SIGINT) or SIGTERM stops
 * Prometheus, the simulator and the sandbox and removes the temporary data.
 *
 * Run as `node --import tsx` (one process), not through the `tsx` command: that wrapper relays Ctrl-C
 * to its child and SIGKILLs it when the hand-shake takes more than ~60 ms, cutting the clean-up short.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startDemoStack } from './stack';

const say = (line: string) => process.stdout.write(`demo: ${line}\n`);
// After Ctrl-C the terminal (or npm) may be gone before the clean-up is: printing must not stop it.
process.stdout.on('error', () => undefined);

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
  const stack = await startDemoStack({ port, log: say });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    say(`${signal}: stopping Prometheus (pid ${stack.pids().join(', ') || '-'}), the simulator and the sandbox`);
    void stack.stop().then(() => {
      // Exit once the line is flushed: stdout to a pipe is asynchronous.
      process.stdout.write('demo: stopped, temporary data removed\n', () => process.exit(0));
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  say(`Prometheus ${stack.prometheusUrl} (pid ${stack.pids().join(', ')}), simulator ${stack.simulatorUrl}metrics`);
  say(`incidents in the history: ${stack.url}&incident=cache-eviction-storm (or gpu-thermal-throttling, data-drift, traffic-confounder, memory-leak)`);
  process.stdout.write(`\nInfraDrift demo: ${stack.url}   (light theme: ${stack.url}&theme=light; Ctrl-C stops)\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`demo: ${error.message}\n`);
  process.exit(1);
});
