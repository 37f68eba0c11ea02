/**
 * The compare result in the shapes the panels' drawing reads: a MatrixModel for the matrix panel's
 * grid (baseline r, incident r, Δr) and a LagCurve for the shared LagChart. Pure.
 */
import type { CompareResult, FlatMatrix, TargetLink } from '../../stats';
import type { SignalInfo } from '../../shared/frameContract';
import type { MatrixModel } from '../../panels/matrix/model/matrixModel';
import type { LagCurve } from '../../panels/common/frames';

export type MatrixKind = 'baseline' | 'incident' | 'delta';

/** A copy of one of the compare's matrices for the model (NaN where it has no number or is absent). */
function toArray(m: FlatMatrix | undefined, size: number): Float64Array {
  const out = new Float64Array(size * size).fill(NaN);
  if (m) {
    out.set(m.subarray(0, out.length));
  }
  return out;
}

/**
 * One of the compare's matrices as a matrix-panel model, in the compare's `ids` order (no clustering:
 * the three grids must line up cell for cell). Δr cells carry the Fisher z p and q of the change, so
 * the grid fades changes that are not significant; the window matrices carry no p here. Δr lies in
 * [−2, 2]: the colour scale saturates at ±1, the printed value is exact.
 */
export function compareMatrixModel(
  compare: CompareResult,
  kind: MatrixKind,
  signals: SignalInfo[],
  stepMs: number
): MatrixModel | undefined {
  const ids = compare.ids;
  const source = kind === 'baseline' ? compare.rBaseline : kind === 'incident' ? compare.rIncident : compare.deltaR;
  if (!ids || ids.length === 0 || !source) {
    return undefined;
  }
  const size = ids.length;
  const nameOf = new Map(compare.signals.map((s) => [s.id, s.name]));
  const infoOf = new Map(signals.map((s) => [s.name, s]));
  const roleOf = new Map(compare.signals.map((s) => [s.id, s.role]));
  const empty = () => new Float64Array(size * size).fill(NaN);
  return {
    signals: ids.map(
      (id) =>
        infoOf.get(id) ?? { name: id, role: roleOf.get(id) === 'model' ? 'model' : 'infra', signal: '', labels: {} }
    ),
    names: ids.map((id) => nameOf.get(id) ?? id),
    size,
    method: 'pearson',
    r: toArray(source, size),
    p: kind === 'delta' ? toArray(compare.pDelta, size) : empty(),
    q: kind === 'delta' ? toArray(compare.qDelta, size) : empty(),
    n: empty(),
    nEff: empty(),
    ciLow: empty(),
    ciHigh: empty(),
    bestLag: empty(),
    rAtBestLag: empty(),
    pBestLag: empty(),
    qBestLag: empty(),
    effectiveLags: empty(),
    atEdge: empty(),
    reason: new Array<string>(size * size).fill(''),
    order: ids.map((_, i) => i),
    dendrogram: [],
    alpha: compare.alpha,
    adjust: kind === 'delta' ? 'fdr_bh' : 'none',
    controls: compare.controls,
    stepMs,
  };
}

/**
 * The link whose lag curve the page draws, for the first target that has one: the signal its verdict
 * names first (the infrastructure behind it, or the confounder), else its strongest infrastructure link,
 * else its strongest link. Another model signal moving with the target says nothing about why.
 */
export function leadingLink(compare: CompareResult): { target: string; link: TargetLink } | undefined {
  for (const target of compare.targets) {
    const links = (compare.links[target] ?? []).filter((l) => l.lead.curve && l.lead.curve.length > 0);
    const named = compare.verdicts.find((v) => v.target === target)?.named[0];
    const link = links.find((l) => l.other === named) ?? links.find((l) => l.role === 'infrastructure') ?? links[0];
    if (link) {
      return { target, link };
    }
  }
  return undefined;
}

/**
 * A link's incident lag curve as the LagChart reads it: A = the other signal, B = the target, so a
 * positive lag reads "the other signal leads the target", as the compare's lead does.
 */
export function linkLagCurve(
  link: TargetLink,
  names: { target: string; other: string },
  stepMs: number,
  alpha: number,
  nIncident: number
): LagCurve | undefined {
  const { curve, maxLag } = link.lead;
  if (!curve || maxLag === undefined || curve.length !== 2 * maxLag + 1) {
    return undefined;
  }
  const seconds = stepMs / 1000;
  return {
    a: names.other,
    b: names.target,
    lags: curve.map((_, i) => (i - maxLag) * seconds),
    r: curve,
    band: link.lead.band ?? null,
    bestLagSeconds: link.lead.bestLag === null ? null : link.lead.bestLag * seconds,
    bestR: link.lead.bestR,
    n: nIncident,
    nEff: link.nEffIncident,
    stepMs,
    pBestLag: null,
    qBestLag: link.lead.qBestLag,
    effectiveLags: null,
    atEdge: link.lead.atEdge,
    alpha,
    maxLag,
  };
}
