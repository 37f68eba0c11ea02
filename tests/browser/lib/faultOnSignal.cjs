/**
 * A fault for the demo runner's tests, preloaded with NODE_OPTIONS=--require: in the runner only
 * (npm loads it too and ignores it), SIGUSR2 throws an exception that nothing catches, as a bug
 * would after the start. The runner must still stop Prometheus and remove its temporary data.
 */
if (process.argv.some((arg) => arg.endsWith('sandbox/demo/run.ts'))) {
  process.on('SIGUSR2', () => {
    throw new Error('injected fault (SIGUSR2)');
  });
}
