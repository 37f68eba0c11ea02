import { SERVICE } from '../model/config';
import { diurnalFactor } from '../model/traffic';
import { featureDriftId } from '../signals';
import { at, envelope, scaledDuration, ScenarioDefinition, TIME, truth } from './scenario';

/** Peak traffic multiplier of the weekly peak. */
const TRAFFIC_BOOST = 0.5;
/** Key pressure (distinct-key load / cache capacity) reached at the peak: 1.6 = 60 % over capacity. */
const TARGET_PRESSURE = 1.6;

export const cacheEvictionStorm: ScenarioDefinition = {
  name: 'cache-eviction-storm',
  title: 'Cache eviction storm',
  description:
    'The weekly traffic peak (a broad campaign touching many cold users and items) pushes the distinct-key load past the ' +
    'in-process feature cache capacity; the LRU thrashes, the miss ratio jumps, slow-path fetches miss their deadline and ' +
    'cache-backed features (user_ctr_7d, user_tenure_days, user_embedding_norm) are imputed with 0. Feature drift, ' +
    'conversion and (after the label delay) accuracy follow the miss ratio, which leads by the planted lag.',
  place(w) {
    const duration = scaledDuration(w, 0.3, 40 * TIME.MINUTE, 3 * TIME.HOUR);
    const start = at(w, 0.6) - duration / 2;
    const mid = start + duration / 2;
    // Scale key cardinality so the storm has the same strength whatever the time of day of the peak.
    const peakLoad = SERVICE.baseRps * diurnalFactor(mid) * (1 + TRAFFIC_BOOST);
    const cardinality = Math.max(1, (TARGET_PRESSURE * SERVICE.cacheCapacityRps) / peakLoad);
    return [{ scenario: 'cache-eviction-storm', start, end: start + duration, params: { cardinality } }];
  },
  drivers(t, inc) {
    const e = envelope(t, inc, (inc.end - inc.start) / 4);
    const cardinality = inc.params?.cardinality ?? 2;
    return { trafficMultiplier: 1 + TRAFFIC_BOOST * e, keyCardinality: 1 + (cardinality - 1) * e };
  },
  truths(step) {
    const cacheFeatures = ['user_ctr_7d', 'user_tenure_days', 'user_embedding_norm'] as const;
    return [
      ...cacheFeatures.map((f) => truth(step, 'cache_miss_ratio', featureDriftId(f), (l) => l.partial, 1)),
      truth(step, 'cache_miss_ratio', 'conversion_rate', (l) => l.partial, -1),
      truth(step, 'cache_miss_ratio', 'accuracy', (l) => l.partial + l.accuracy, -1),
      truth(step, 'request_rate', 'cache_miss_ratio', () => 0, 1, 'lead', {
        note: 'Trigger only: the miss ratio is a threshold function of key load, with its own burst noise.',
      }),
    ];
  },
};
