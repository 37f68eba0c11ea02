import { SERVICE } from '../model/config';
import { at, ScenarioDefinition, truth } from './scenario';

/** Restarts of the fastest-leaking replica during the incident. */
const TARGET_RESTARTS = 4;

export const memoryLeak: ScenarioDefinition = {
  name: 'memory-leak',
  title: 'Memory leak',
  description:
    'A release leaks memory: the working set ramps until the container hits its 4 GiB limit and is OOM-killed. Each ' +
    'restart resets the process counters, empties the in-process feature cache (miss ratio spike, imputed features) and ' +
    'causes a short accuracy dip once the labels arrive. Near the limit GC pressure adds CPU and latency. The incident ' +
    'ends with a hotfix rollout (one more restart).',
  place(w) {
    const start = at(w, 0.15);
    const end = at(w, 0.85);
    const headroom = SERVICE.memoryLimitBytes - SERVICE.memoryBaseBytes;
    // Leak fast enough for TARGET_RESTARTS OOM kills of the fastest replica, whatever the window.
    const rate = (headroom * (TARGET_RESTARTS + 0.5)) / ((end - start) / 1000);
    return [{ scenario: 'memory-leak', start, end, params: { rate } }];
  },
  drivers(t, inc) {
    return { leakBytesPerSecond: t >= inc.start && t < inc.end ? (inc.params?.rate ?? 0) : 0 };
  },
  truths(step) {
    return [
      truth(step, 'memory_working_set', 'restarts', () => 1, 1, 'lead', {
        note: 'Threshold event: an OOM kill when the working set reaches the limit; linear correlation is weak by nature.',
      }),
      truth(step, 'restarts', 'cache_miss_ratio', () => 0, 1),
      truth(step, 'restarts', 'accuracy', (l) => l.partial + l.accuracy, -1),
      truth(step, 'memory_working_set', 'latency_mean', () => 0, 1, 'lead', {
        note: 'GC pressure above 80 % of the limit.',
      }),
    ];
  },
};
