import type { CompareResult, SignalChange, SignalRole } from '../contract';
import { correlationChange, windowCorrelation } from '../compare/correlationChange';
import { signalChange } from '../compare/signalChange';
import { targetLinks } from '../compare/targetLinks';
import { CAUTION, verdict } from '../compare/verdict';
import { compareWindows } from '../compare/windows';
import { windowPair } from '../compare/windowPair';
import { linesOf } from '../compare/baselineLine';
import { nullProcess, sampleBuffer } from '../compare/windowSample';
import { prepareLagSeries } from '../lags/crossCorrelation';
import { crossSumSet } from '../lags/directCrossSum';
import { polynomialTerms, residualsForLinks } from '../partial/residualize';
import { autocorrelationTime, equivalentLag1 } from '../significance/autocorrelationTime';
import { adjustPValues } from '../significance/adjustPValues';
import { Checkpoint } from '../util/cancel';
import { WorkBlock } from '../util/workBlock';
import { finiteOrNull } from '../util/missing';
import type { StageContext } from './context';

/** Effective points each window needs before a verdict (compare.minEffective). */
export const DEFAULT_MIN_EFFECTIVE = 5;
/**
 * Controls are partialled out as a cubic: a confounder often drives a signal through a curve (throttling
 * is a threshold function of load, a p99 read from histogram buckets bends at each bucket edge), and a
 * straight-line fit leaves that curve in both residuals, where it reads as a link of its own.
 */
const CONTROL_DEGREE = 3;
/** Largest incident lag searched by default, in steps. */
const DEFAULT_MAX_LAG = 10;

/**
 * Compare: the incident window against the baseline (docs/engine.md, "Compare"). Reads the aligned,
 * transformed series of the analysis (drift scores included), so every signal is judged exactly as the
 * matrix sees it. Steps: windows → per-signal change (q across signals) → both windows' correlation
 * matrices and Δr → per target its links (incident r, partial r, lead) → one verdict per target.
 */
export function compareStage(ctx: StageContext, gridLength: number, gridStart: number): CompareResult | undefined {
  const request = ctx.request.compare;
  if (!request) {
    return undefined;
  }
  const windows = compareWindows(request, { start: gridStart, stepMs: ctx.stepMs, length: gridLength }, ctx.warnings);
  if (!windows) {
    return undefined;
  }
  const { ids } = ctx;
  const N = ids.length;
  const known = (list: unknown, what: string): string[] => {
    const given = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    for (const id of given.filter((x) => !ids.includes(x))) {
      ctx.warnings.push({
        code: 'UNKNOWN_SERIES',
        message: `compare.${what} names unknown series '${id}'; ignored`,
        series: id,
      });
    }
    return given.filter((x) => ids.includes(x));
  };
  const targets = known(request.targets, 'targets');
  const controls = known(request.controls ?? ctx.request.partial?.controls ?? [], 'controls').filter(
    (c) => !targets.includes(c)
  );
  const infra = request.infrastructure === undefined ? null : known(request.infrastructure, 'infrastructure');
  const roles: SignalRole[] = ids.map((id) =>
    targets.includes(id)
      ? 'model'
      : controls.includes(id)
        ? 'control'
        : infra === null || infra.includes(id)
          ? 'infrastructure'
          : 'model'
  );
  if (targets.length === 0) {
    ctx.warnings.push({
      code: 'COMPARE_WINDOW',
      message: 'compare.targets names no known series: signals are compared but no verdict is given',
    });
  }
  const alpha = validLevel(request.alpha) ?? ctx.alpha;
  const minEffective = Math.max(
    4,
    Number.isFinite(request.minEffective) ? Number(request.minEffective) : DEFAULT_MIN_EFFECTIVE
  );
  const names = new Map(ctx.summaries.map((s) => [s.id, s.name]));
  const { incident, baseline } = windows;
  const pairs = (N * (N + 1)) / 2;

  // Each signal is sampled and tested before the next: its samples live in two buffers reused by all.
  const bBuffer = sampleBuffer(baseline.points);
  const iBuffer = sampleBuffer(incident.points);
  const signalsDone = new Checkpoint(ctx.hooks, 'compare:signals', N, 16);
  const bLag1 = new Float64Array(N);
  const lines = linesOf(ctx.values, baseline.lo, baseline.hi);
  const signals = ids.map((id, i) => {
    signalsDone.tick();
    const v = ctx.values[i];
    const process = nullProcess(v, baseline.lo, baseline.hi, bBuffer, lines[i]);
    bLag1[i] = process.lag1;
    return signalChange(
      id,
      names.get(id) ?? id,
      roles[i],
      windowPair(v, baseline, incident, process, bBuffer, iBuffer)
    );
  });
  const q = adjustPValues(
    signals.map((c) => c.p ?? NaN),
    'fdr_bh'
  );
  signals.forEach((c, i) => (c.q = finiteOrNull(q[i])));
  const changes = new Map(signals.map((s) => [s.id, s]));

  const bSlices = ctx.values.map((v) => v.subarray(baseline.lo, baseline.hi));
  const iSlices = ctx.values.map((v) => v.subarray(incident.lo, incident.hi));
  // Links are judged by each window's own persistence: a pair of signals that share one slow swing in
  // the incident (a ramp, the daily cycle) is one coincidence, not many points of agreement.
  const iLag1 = iSlices.map((x) => equivalentLag1(autocorrelationTime(x)));
  const bCorr = windowCorrelation(bSlices, bLag1, ctx.minOverlap, new Checkpoint(ctx.hooks, 'compare:baseline', pairs));
  const iCorr = windowCorrelation(iSlices, iLag1, ctx.minOverlap, new Checkpoint(ctx.hooks, 'compare:incident', pairs));

  const controlTerms = controls.flatMap((c) => polynomialTerms(iSlices[ids.indexOf(c)], CONTROL_DEGREE));
  // Every slice's residuals on the controls, with their sums for the partial links (in a block kept from
  // one compare to the next).
  const width = incident.hi - incident.lo;
  const partials =
    controls.length > 0
      ? residualsForLinks(
          iSlices,
          controlTerms,
          targets.map((id) => ids.indexOf(id)),
          residualWork.take(N * width)
        )
      : null;
  const residuals = partials?.residuals ?? null;
  const residualLag1 = residuals ? residuals.map((x) => equivalentLag1(autocorrelationTime(x))) : iLag1;
  const completeResiduals = partials && targets.length > 0 ? partials.complete : null;
  const maxLag = Math.max(
    0,
    Math.min(
      Number.isFinite(request.maxLag) ? Math.floor(Number(request.maxLag)) : DEFAULT_MAX_LAG,
      Math.floor(incident.points / 4)
    )
  );
  // Every slice's centred copy in one block, kept from one compare to the next (util/workBlock.ts).
  const lagBlock = lagWork.take(targets.length > 0 ? N * width : 0);
  const lagSeries =
    targets.length > 0 ? iSlices.map((x, i) => prepareLagSeries(x, lagBlock.subarray(i * width, (i + 1) * width))) : [];
  // Every target reads every other slice: each is copied into the lag kernel once, not once per pair.
  const crossSums = crossSumSet(
    lagSeries.map((s) => s.centred),
    maxLag
  );
  const links: CompareResult['links'] = {};
  const linksDone = new Checkpoint(ctx.hooks, 'compare:links', targets.length, 1);
  const verdicts = targets.map((id, ti) => {
    const t = ids.indexOf(id);
    links[id] = targetLinks({
      target: t,
      ids,
      names,
      roles,
      incident: iSlices,
      lagSeries,
      crossSums,
      residuals,
      completeResiduals,
      residualSums: partials?.targetSums[ti] ?? null,
      controlCount: controlTerms.length,
      lag1: iLag1,
      residualLag1,
      baselineCorr: bCorr,
      incidentCorr: iCorr,
      maxLag,
      stepMs: ctx.stepMs,
      alpha,
      minOverlap: ctx.minOverlap,
    });
    linksDone.tick();
    return verdict({
      target: changes.get(id)!,
      links: links[id],
      changes,
      names,
      controls,
      alpha,
      minEffective,
      stepMs: ctx.stepMs,
      baselinePoints: baseline.points,
      incidentPoints: incident.points,
    });
  });

  const result: CompareResult = {
    incident: { from: incident.from, to: incident.to, points: incident.points },
    baseline: { from: baseline.from, to: baseline.to, points: baseline.points },
    alpha,
    targets,
    controls,
    signals: rank(signals, alpha),
    links,
    verdicts,
    caution: CAUTION,
  };
  if (request.includeMatrices !== false) {
    // Only the matrices need every pair's test and q: the links take their pairs' own (pairChange).
    const change = correlationChange(bCorr, iCorr, N, ctx.request.significance?.adjust ?? 'fdr_bh');
    result.ids = ids.slice();
    // Finite or NaN already (windowCorrelation guards r; Δr, p and q follow from it).
    result.rBaseline = bCorr.r;
    result.rIncident = iCorr.r;
    result.deltaR = change.deltaR;
    result.pDelta = change.p;
    result.qDelta = change.q;
  }
  return result;
}

/**
 * Working memory of a compare, kept from one to the next: the incident slices' centred copies (lags) and
 * their residuals on the controls. Neither outlives the stage: links keep their curves as copies.
 */
const lagWork = new WorkBlock();
const residualWork = new WorkBlock();

/** Changed signals (q <= alpha) first, each group by change score. */
function rank(signals: SignalChange[], alpha: number): SignalChange[] {
  const changed = (s: SignalChange) => s.q !== null && s.q <= alpha;
  return signals
    .slice()
    .sort((a, b) => (changed(a) === changed(b) ? (b.score ?? -1) - (a.score ?? -1) : changed(a) ? -1 : 1));
}

function validLevel(a: unknown): number | undefined {
  return typeof a === 'number' && a > 0 && a < 1 ? a : undefined;
}
