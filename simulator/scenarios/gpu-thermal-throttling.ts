import { featureDriftId } from '../signals';
import { at, envelope, scaledDuration, ScenarioDefinition, TIME, truth } from './scenario';

/** Peak loss of cooling (a failing fan / blocked airflow on the GPU node). */
const PEAK_COOLING_LOSS = 0.75;

export const gpuThermalThrottling: ScenarioDefinition = {
  name: 'gpu-thermal-throttling',
  title: 'GPU thermal throttling',
  description:
    'Cooling on the GPU node degrades: GPU temperature climbs (thermal inertia), then the SM clock drops (slowdown acts ' +
    'on the temperature seen two minutes earlier), inference slows so requests time out, the load shedder then skips ' +
    'session enrichment (session_length_seconds defaults to 0), and accuracy drops once the labels arrive.',
  place(w) {
    const duration = scaledDuration(w, 0.3, 45 * TIME.MINUTE, 4 * TIME.HOUR);
    const start = at(w, 0.55) - duration / 2;
    return [{ scenario: 'gpu-thermal-throttling', start, end: start + duration }];
  },
  drivers(t, inc) {
    const d = inc.end - inc.start;
    return { coolingLoss: PEAK_COOLING_LOSS * envelope(t, inc, d / 3, d / 6) };
  },
  truths(step) {
    return [
      truth(step, 'gpu_temp', 'gpu_sm_clock', (l) => l.clock, -1),
      truth(step, 'gpu_sm_clock', 'timeout_ratio', () => 0, -1),
      truth(step, 'gpu_temp', 'timeout_ratio', (l) => l.clock, 1),
      truth(step, 'timeout_ratio', 'preprocessing_skipped_ratio', (l) => l.shed, 1),
      truth(step, 'preprocessing_skipped_ratio', featureDriftId('session_length_seconds'), () => 0, 1),
      truth(step, 'gpu_temp', 'accuracy', (l) => l.clock + l.shed + l.accuracy, -1),
    ];
  },
};
