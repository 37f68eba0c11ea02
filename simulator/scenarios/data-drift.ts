import { smoothstep } from '../math';
import { diurnalFactor } from '../model/traffic';
import { featureDriftId } from '../signals';
import type { Incident } from '../types';
import { at, PlacementWindow, ScenarioDefinition, TIME, truth } from './scenario';

const PEAK_SEGMENT_SHARE = 0.35;

function rampOf(w: PlacementWindow): number {
  return Math.min(40 * TIME.MINUTE, (w.end - w.start) * 0.1);
}

function share(t: number, inc: Incident): number {
  const ramp = inc.params?.ramp ?? 40 * TIME.MINUTE;
  return PEAK_SEGMENT_SHARE * smoothstep(inc.start, inc.start + ramp, t) * (1 - smoothstep(inc.end, inc.end + ramp, t));
}

/**
 * Onset inside [35 %, 65 %] of the window at which the segment share is uncorrelated with the daily
 * traffic cycle over the window. Drift and traffic are independent processes; without this, a
 * single step change in a short window lines up with part of a daily wave by chance and the test
 * "no infra signal is related to the drift" would fail for a reason that is not in the data-
 * generating process. The remaining infra noise is independent by construction (own RNG streams).
 */
function orthogonalOnset(w: PlacementWindow, end: number, ramp: number): number {
  const n = 400;
  const ts = Array.from({ length: n }, (_, i) => w.start + ((w.end - w.start) * (i + 0.5)) / n);
  const traffic = ts.map(diurnalFactor);
  const tMean = traffic.reduce((a, b) => a + b, 0) / n;
  let best = at(w, 0.5);
  let bestAbs = Infinity;
  for (let c = 0; c <= 60; c++) {
    const onset = at(w, 0.35 + (0.3 * c) / 60);
    const s = ts.map((t) => share(t, { scenario: 'data-drift', start: onset, end, params: { ramp } }));
    const sMean = s.reduce((a, b) => a + b, 0) / n;
    let cov = 0;
    let vs = 0;
    let vt = 0;
    for (let i = 0; i < n; i++) {
      cov += (s[i] - sMean) * (traffic[i] - tMean);
      vs += (s[i] - sMean) ** 2;
      vt += (traffic[i] - tMean) ** 2;
    }
    const corr = Math.abs(cov) / Math.sqrt(vs * vt || 1);
    if (corr < bestAbs - 1e-9) {
      bestAbs = corr;
      best = onset;
    }
  }
  return best;
}

export const dataDrift: ScenarioDefinition = {
  name: 'data-drift',
  title: 'Genuine data drift',
  description:
    'A new user segment (new users from a partner integration: short tenure, low CTR, cheaper items, shorter sessions) ' +
    'grows to 35 % of traffic. Every feature shifts and accuracy drops, but no infrastructure signal moves: request ' +
    'rate, cache, CPU, memory and GPU keep their usual behaviour, and the onset is placed so it is uncorrelated with the ' +
    'daily cycle over the window.',
  place(w) {
    const ramp = rampOf(w);
    // Alone, the segment stays until the end of the range; inside "all" it ends before the next incident.
    const end = w.standalone ? w.end : at(w, 0.85) - ramp;
    const start = orthogonalOnset(w, end, ramp);
    return [{ scenario: 'data-drift', start, end, params: { ramp } }];
  },
  drivers(t, inc) {
    return { segmentShare: share(t, inc) };
  },
  truths(step) {
    const features = ['user_tenure_days', 'user_ctr_7d', 'user_embedding_norm', 'item_price', 'session_length_seconds'] as const;
    return features.map((f) => ({
      ...truth(step, 'request_rate', featureDriftId(f), () => 0, 0, 'none'),
      cause: '(any infra signal)',
      causeId: '*infra*',
      note: 'No infra signal is related to this drift; after FDR none should be significant.',
    }));
  },
};
