import type { CompareLead, LagPairResult, SignalRole, TargetLink } from '../contract';
import { bestLag } from '../lags/bestLag';
import { bestLagTest, peakAtEdge } from '../lags/bestLagSignificance';
import { crossCorrelation, type LagSeries } from '../lags/crossCorrelation';
import type { CrossSumSource } from '../lags/directCrossSum';
import { leadStatement } from '../lags/leadStatement';
import { pearsonComplete, pearsonPair, type CompleteSeries } from '../correlation/pearsonPair';
import { adjustPValues } from '../significance/adjustPValues';
import { correlationPValue } from '../significance/correlationPValue';
import { effectiveSampleSize } from '../significance/effectiveSampleSize';
import { finiteOrNull, toJsonArray } from '../util/missing';
import { pairChange, pairNEff, type WindowCorrelation } from './correlationChange';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface TargetLinkInput {
  target: number;
  ids: string[];
  /** Display names by id (the id itself where a series has none). */
  names: ReadonlyMap<string, string>;
  roles: SignalRole[];
  /** Incident slices of every series (and their residuals on the controls, when there are controls). */
  incident: Float64Array[];
  /** The same slices prepared once for cross-correlation (every target reads every other series). */
  lagSeries: LagSeries[];
  /** Where the lagged sums of two slices come from (lags/directCrossSum.ts's crossSumSet; null: pair by pair). */
  crossSums: CrossSumSource | null;
  residuals: Float64Array[] | null;
  /** Each residual series prepared for pearsonComplete (null where it has a missing value). */
  completeResiduals: Array<CompleteSeries | null> | null;
  /** The target's residuals' cross sum with each signal's (partial/residualize.ts's residualsForLinks; NaN where not taken). */
  residualSums: Float64Array | null;
  controlCount: number;
  /** AR(1)-equivalent lag-1 autocorrelation of each incident slice and of each residual (autocorrelationTime.ts). */
  lag1: ArrayLike<number>;
  residualLag1: ArrayLike<number>;
  baselineCorr: WindowCorrelation;
  incidentCorr: WindowCorrelation;
  maxLag: number;
  stepMs: number;
  alpha: number;
  minOverlap: number;
}

/**
 * The target's link with one other signal inside the incident: who leads, read with the one lead rule
 * (lags/leadStatement.ts) on the incident's r(k), with the best-lag test (lags/bestLagSignificance.ts).
 * `p` is filled here and replaced by q over the target's links by the caller. `zBand`: the normal quantile
 * at 1 − α/2, which the pointwise band scales by the pair's effective size. The curve is computed in
 * `work` (one array for every link of a target) and kept as the result's JSON array.
 */
function incidentLag(
  input: TargetLinkInput,
  j: number,
  zBand: number,
  work: Float64Array<ArrayBuffer>
): { pair: LagPairResult; curve: Array<number | null> | null; band: number | null } {
  const a = input.lagSeries[j];
  const b = input.lagSeries[input.target];
  const n = Math.min(a.count, b.count);
  const pair: LagPairResult = {
    a: input.ids[j],
    b: input.ids[input.target],
    bestLag: null,
    bestR: null,
    n,
    nEff: null,
    band: null,
    reason: null,
  };
  if (!(a.ss > 0) || !(b.ss > 0) || n < Math.max(3, input.minOverlap)) {
    pair.reason = !(a.ss > 0) || !(b.ss > 0) ? 'constant' : 'too_few_points';
    return { pair, curve: null, band: null };
  }
  const curve = crossCorrelation(a, b, input.maxLag, 'biased', input.crossSums, work);
  const best = bestLag(curve, input.maxLag);
  const nEff = effectiveSampleSize(n, input.lag1[j], input.lag1[input.target]);
  const band = zBand / Math.sqrt(nEff);
  if (best) {
    pair.bestLag = best.lag;
    pair.bestR = best.r;
    pair.pBestLag = finiteOrNull(bestLagTest(best.r, best.lag, n, nEff, input.maxLag, 'biased').p);
    pair.atEdge = peakAtEdge(best.lag, input.maxLag);
  }
  pair.nEff = nEff;
  pair.band = band;
  return { pair, curve: toJsonArray(curve), band };
}

function leadOf(
  input: TargetLinkInput,
  names: (id: string) => string | undefined,
  pair: LagPairResult,
  curve: Array<number | null> | null,
  band: number | null
): CompareLead {
  const s = leadStatement(pair, {
    alpha: input.alpha,
    first: pair.a,
    stepMs: input.stepMs,
    maxLag: input.maxLag,
    names,
  });
  // The pair is [other, target]: a positive lag means the other signal leads the target.
  const kind: CompareLead['kind'] = s.kind === 'leads' && s.leader === input.ids[input.target] ? 'follows' : s.kind;
  // Fields set in place, not spread in: every link of a compare makes one.
  const lead: CompareLead = {
    bestLag: pair.bestLag,
    bestR: finiteOrNull(pair.bestR ?? NaN),
    qBestLag: pair.qBestLag ?? null,
    atEdge: pair.atEdge === true,
    kind,
    text: s.text,
  };
  if (curve) {
    lead.curve = curve;
    lead.maxLag = input.maxLag;
    lead.band = finiteOrNull(band ?? NaN);
  }
  return lead;
}

/**
 * Partial r of the target with j given the controls, at `lag` (j leads the target by `lag` steps: j[t]
 * against target[t + lag]), and its p with df = nEff − 2 − k from the residuals' persistence.
 */
function partialLink(input: TargetLinkInput, j: number, lag: number): { r: number; p: number } {
  const res = input.residuals!;
  const whole = input.completeResiduals;
  const a = lag === 0 && whole ? whole[j] : null;
  const b = lag === 0 && whole ? whole[input.target] : null;
  const pc =
    a && b
      ? pearsonComplete(a, b, input.minOverlap, input.residualSums?.[j])
      : laggedPearson(res[j], res[input.target], lag, input.minOverlap);
  if (pc.reason !== null) {
    return { r: NaN, p: NaN };
  }
  const nEff = effectiveSampleSize(pc.n, input.residualLag1[input.target], input.residualLag1[j]);
  return { r: pc.r, p: correlationPValue(pc.r, nEff - 2 - input.controlCount) };
}

/** pearsonPair of x[t] against y[t + lag] over the rows both exist. */
function laggedPearson(x: Float64Array, y: Float64Array, lag: number, minOverlap: number) {
  const T = x.length;
  const k = Math.max(0, Math.min(T, Math.abs(lag)));
  return lag >= 0
    ? pearsonPair(x.subarray(0, T - k), y.subarray(k), minOverlap)
    : pearsonPair(x.subarray(k), y.subarray(0, T - k), minOverlap);
}

/** Every link of one target, q-values over its links, strongest incident link first. */
export function targetLinks(input: TargetLinkInput): TargetLink[] {
  const N = input.ids.length;
  const t = input.target;
  const others = input.ids.map((_, j) => j).filter((j) => j !== t);
  // The band's normal quantile, one for every link.
  const zBand = normalQuantile(1 - input.alpha / 2, 0, 1);
  const work = new Float64Array(2 * input.maxLag + 1);
  const lags = others.map((j) => incidentLag(input, j, zBand, work));
  const qLag = adjustPValues(
    lags.map((l) => l.pair.pBestLag ?? NaN),
    'fdr_bh'
  );
  lags.forEach((l, k) => (l.pair.qBestLag = finiteOrNull(qLag[k])));
  const pInc = others.map((j) => {
    const c = t * N + j;
    return correlationPValue(input.incidentCorr.r[c], pairNEff(input.incidentCorr, t, j) - 2);
  });
  const qInc = adjustPValues(pInc, 'fdr_bh');
  const names = (id: string) => input.names.get(id);
  const leads = lags.map((l) => leadOf(input, names, l.pair, l.curve, l.band));
  // A leading signal is judged where it leads; every other link at the same time.
  const partials = others.map((j, k) =>
    input.residuals && input.roles[j] !== 'control'
      ? partialLink(input, j, leads[k].kind === 'leads' ? (leads[k].bestLag ?? 0) : 0)
      : null
  );
  const qPartial = adjustPValues(
    partials.map((x) => x?.p ?? NaN),
    'fdr_bh'
  );
  const links = others.map((j, k): TargetLink => {
    const c = t * N + j;
    const change = pairChange(input.baselineCorr, input.incidentCorr, t, j);
    const link: Omit<TargetLink, 'lead'> & { lead?: CompareLead } = {
      other: input.ids[j],
      role: input.roles[j],
      rBaseline: finiteOrNull(input.baselineCorr.r[c]),
      rIncident: finiteOrNull(input.incidentCorr.r[c]),
      deltaR: finiteOrNull(change.deltaR),
      zDelta: finiteOrNull(change.z),
      pDelta: finiteOrNull(change.p),
      pIncident: finiteOrNull(pInc[k]),
      qIncident: finiteOrNull(qInc[k]),
      nEffIncident: finiteOrNull(pairNEff(input.incidentCorr, t, j)),
    };
    // Set in place, in the result's order (partials, then the lead), rather than spread in per link.
    const partial = partials[k];
    if (partial) {
      link.partialR = finiteOrNull(partial.r);
      link.partialQ = finiteOrNull(qPartial[k]);
    }
    link.lead = leads[k];
    return link as TargetLink;
  });
  return links.sort((x, y) => Math.abs(y.rIncident ?? 0) - Math.abs(x.rIncident ?? 0));
}
