/**
 * First difference x[t] - x[t-1] (the first point and any point next to a missing one are missing).
 * WHY: removes trends and most of the autocorrelation that makes raw correlations of monitoring
 * series spurious (Granger & Newbold 1974).
 */
export function difference(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let i = 1; i < x.length; i++) {
    out[i] = x[i] - x[i - 1];
  }
  return out;
}
