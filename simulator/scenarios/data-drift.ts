import { diurnalFactor } from '../model/traffic';
import { featureDriftId } from '../signals';
import type { Incident } from '../types';
import { at, envelope, PlacementWindow, ScenarioDefinition, TIME, truth } from './scenario';

const PEAK_SEGMENT_SHARE = 0.35;

function share(t: number, inc: Incident): number {
  return PEAK_SEGMENT_SHARE * envelope(t, inc, inc.params?.ramp ?? 40 * TIME.MINUTE);
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((x, y) => x + y, 0) / n;
  const mb = b.reduce((x, y) => x + y, 0) / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb || 1);
}

/**
 * Place the segment's campaign (a plateau with ramps) so that, over the window, its share is
 * uncorrelated with the daily traffic cycle. Drift and traffic are independent processes; without
 * this, the drift shape would line up with part of a daily wave by chance (in a 6 h window the
 * daily cycle is nearly a trend) and "no infra signal is related to the drift" would fail for a
 * reason that is not in the data-generating process. A pulse rather than a step: a step can never
 * be orthogonal to a trend, a centred pulse can. The remaining infra noise is independent by
 * construction (own RNG streams).
 */
function placeOrthogonally(w: PlacementWindow): Incident {
  const ramp = Math.min(40 * TIME.MINUTE, (w.end - w.start) * 0.1);
  const n = 400;
  const ts = Array.from({ length: n }, (_, i) => at(w, (i + 0.5) / n));
  const traffic = ts.map(diurnalFactor);
  let best: Incident | undefined;
  let bestAbs = Infinity;
  for (let c = 0; c <= 20; c++) {
    for (let d = 0; d <= 10; d++) {
      const centre = 0.4 + (0.2 * c) / 20;
      const duration = 0.3 + (0.2 * d) / 10;
      const inc: Incident = {
        scenario: 'data-drift',
        start: at(w, centre - duration / 2),
        end: at(w, centre + duration / 2),
        params: { ramp },
      };
      const r = Math.abs(
        correlation(
          ts.map((t) => share(t, inc)),
          traffic
        )
      );
      if (r < bestAbs - 1e-9) {
        bestAbs = r;
        best = inc;
      }
    }
  }
  return best as Incident;
}

export const dataDrift: ScenarioDefinition = {
  name: 'data-drift',
  title: 'Genuine data drift',
  description:
    'A partner campaign brings a new user segment (short tenure, low CTR, cheaper items, shorter sessions) that grows ' +
    'to 35 % of traffic for a while and then fades. Every feature shifts and accuracy drops, but no infrastructure ' +
    'signal moves: request rate, cache, CPU, memory and GPU keep their usual behaviour, and the campaign is placed so ' +
    'that it is uncorrelated with the daily cycle over the window.',
  place(w) {
    return [placeOrthogonally(w)];
  },
  drivers(t, inc) {
    return { segmentShare: share(t, inc) };
  },
  truths(step) {
    const features = [
      'user_tenure_days',
      'user_ctr_7d',
      'user_embedding_norm',
      'item_price',
      'session_length_seconds',
    ] as const;
    return features.map((f) => ({
      ...truth(step, 'request_rate', featureDriftId(f), () => 0, 0, 'none'),
      cause: '(any infra signal)',
      causeId: '*infra*',
      note: 'No infra signal is related to this drift; after FDR none should be significant.',
    }));
  },
};
