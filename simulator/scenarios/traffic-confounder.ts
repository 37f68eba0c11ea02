import { at, envelope, scaledDuration, ScenarioDefinition, TIME, truth } from './scenario';

export const trafficConfounder: ScenarioDefinition = {
  name: 'traffic-confounder',
  title: 'Traffic confounder',
  description:
    'Flash-sale traffic surges (a large one and a smaller one) drive CPU, mean latency and the cache miss ratio, each ' +
    'linearly and with its own independent noise. CPU and latency are strongly correlated, but only through traffic: ' +
    'their partial correlation given the request rate is about 0. The surge concentrates on hot items, so the cache ' +
    'does not thrash and features stay intact.',
  place(w) {
    const big = scaledDuration(w, 0.2, 30 * TIME.MINUTE, 2.5 * TIME.HOUR);
    const small = big / 2;
    const s1 = at(w, 0.4) - big / 2;
    const s2 = at(w, 0.75) - small / 2;
    return [
      { scenario: 'traffic-confounder', start: s1, end: s1 + big, params: { peak: 1.0 } },
      { scenario: 'traffic-confounder', start: s2, end: s2 + small, params: { peak: 0.5 } },
    ];
  },
  drivers(t, inc) {
    const e = (inc.params?.peak ?? 1) * envelope(t, inc, (inc.end - inc.start) / 4);
    // Hot-item crowd: more requests but fewer distinct keys per request, so no eviction storm.
    return { trafficMultiplier: 1 + e, keyCardinality: 1 / (1 + 0.5 * e) };
  },
  truths(step) {
    return [
      truth(step, 'request_rate', 'cpu_usage', () => 0, 1),
      truth(step, 'request_rate', 'latency_mean', () => 0, 1),
      truth(step, 'request_rate', 'cache_miss_ratio', () => 0, 1),
      truth(step, 'cpu_usage', 'latency_mean', () => 0, 1, 'confounder', {
        confounderId: 'request_rate',
        note: 'Plain correlation high; partial correlation given request_rate ≈ 0.',
      }),
    ];
  },
};
