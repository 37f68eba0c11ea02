import type { SignalInfo } from '../../shared/frameContract';

/**
 * The full selector behind a drift row whose display name is short (`session_length_seconds drift (psi)`):
 * the histogram expression with the distribution's kept labels added, e.g.
 * `recsys_feature_value{model="m",feature="age"}`. Undefined for signals that are no histogram.
 */
export function histogramSource(info: SignalInfo | undefined): string | undefined {
  if (info?.provenance?.kind !== 'histogram' || !info.expr) {
    return undefined;
  }
  const expr = info.expr.trim();
  const extra = Object.entries(info.labels)
    .filter(([k]) => !expr.includes(`${k}=`))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',');
  if (!extra) {
    return expr;
  }
  return expr.endsWith('}') ? `${expr.slice(0, -1)}${expr.endsWith('{}') ? '' : ','}${extra}}` : `${expr}{${extra}}`;
}
