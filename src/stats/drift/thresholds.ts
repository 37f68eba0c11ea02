/**
 * Default thresholds and the none / moderate / significant level of a drift score.
 *
 * Sources (checked against Evidently's legacy stattests, `src/evidently/legacy/calculations/stattests`):
 *  - PSI: Evidently default 0.1. The 0.1 / 0.25 bands are the usual credit-risk rule of thumb
 *    (< 0.1 no shift, 0.1-0.25 moderate, >= 0.25 significant; see Yurdakul 2018).
 *  - KL divergence: Evidently default 0.1 ("kl_div").
 *  - Jensen-Shannon DISTANCE: Evidently default 0.1 ("jensenshannon" thresholds the distance).
 *  - Hellinger distance: Evidently default 0.1 ("hellinger").
 *  - Wasserstein normed by baseline std: Evidently default 0.1 ("wasserstein").
 *  - KS and chi-squared p-value: Evidently's StatTest default 0.05 ("ks", "chisquare").
 * Everything else is an InfraDrift default, named as such below: the "significant" band of the
 * single-threshold methods (twice the moderate threshold for distances; p < 0.01 for tests), JS
 * divergence (= distance^2, so 0.01 / 0.04), total variation 0.1 / 0.2 (Evidently's "TVD" thresholds a
 * permutation p-value instead), raw Wasserstein (unit-dependent: no default level, only the normed one).
 */

export type DriftLevel = 'none' | 'moderate' | 'significant';

export type DriftMethod =
  | 'psi'
  | 'kl'
  | 'jsDivergence'
  | 'jsDistance'
  | 'hellinger'
  | 'totalVariation'
  | 'ks'
  | 'wasserstein'
  | 'wassersteinNormalized'
  | 'chiSquared';

export const DRIFT_METHODS: readonly DriftMethod[] = [
  'psi',
  'kl',
  'jsDivergence',
  'jsDistance',
  'hellinger',
  'totalVariation',
  'ks',
  'wasserstein',
  'wassersteinNormalized',
  'chiSquared',
];

export interface DriftThreshold {
  /** 'score': larger score = more drift. 'pValue': smaller p-value = more drift. */
  on: 'score' | 'pValue';
  moderate: number;
  significant: number;
  source: string;
}

export const DEFAULT_THRESHOLDS: Readonly<Record<DriftMethod, DriftThreshold | null>> = {
  psi: { on: 'score', moderate: 0.1, significant: 0.25, source: 'Evidently default 0.1; 0.1/0.25 PSI bands' },
  kl: {
    on: 'score',
    moderate: 0.1,
    significant: 0.2,
    source: 'Evidently default 0.1; significant: InfraDrift default',
  },
  jsDistance: {
    on: 'score',
    moderate: 0.1,
    significant: 0.2,
    source: 'Evidently default 0.1; significant: InfraDrift default',
  },
  jsDivergence: {
    on: 'score',
    moderate: 0.01,
    significant: 0.04,
    source: 'InfraDrift default (JS distance bands squared)',
  },
  hellinger: {
    on: 'score',
    moderate: 0.1,
    significant: 0.2,
    source: 'Evidently default 0.1; significant: InfraDrift default',
  },
  totalVariation: { on: 'score', moderate: 0.1, significant: 0.2, source: 'InfraDrift default' },
  ks: {
    on: 'pValue',
    moderate: 0.05,
    significant: 0.01,
    source: 'Evidently default p < 0.05; significant: InfraDrift default',
  },
  wasserstein: null,
  wassersteinNormalized: {
    on: 'score',
    moderate: 0.1,
    significant: 0.2,
    source: 'Evidently default 0.1; significant: InfraDrift default',
  },
  chiSquared: {
    on: 'pValue',
    moderate: 0.05,
    significant: 0.01,
    source: 'Evidently default p < 0.05; significant: InfraDrift default',
  },
};

/** Level of one score (and p-value for tests). Undefined inputs or no threshold give null: never a fake 'none'. */
export function driftLevel(
  score: number,
  pValue: number | undefined,
  threshold: DriftThreshold | null
): DriftLevel | null {
  if (threshold === null) {
    return null;
  }
  if (threshold.on === 'pValue') {
    if (pValue === undefined || Number.isNaN(pValue)) {
      return null;
    }
    return pValue < threshold.significant ? 'significant' : pValue < threshold.moderate ? 'moderate' : 'none';
  }
  if (Number.isNaN(score)) {
    return null;
  }
  return score >= threshold.significant ? 'significant' : score >= threshold.moderate ? 'moderate' : 'none';
}
