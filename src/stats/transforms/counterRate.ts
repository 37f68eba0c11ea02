export interface CounterRateResult {
  values: Float64Array;
  resets: number;
}

/**
 * Per-second rate of a monotone counter sampled on a grid of `stepMs`.
 * A decrease is a counter reset (process restart): as Prometheus' rate() does, the counter is assumed
 * to have restarted from 0, so the increase over that step is the new value itself.
 */
export function counterRate(x: Float64Array, stepMs: number): CounterRateResult {
  const out = new Float64Array(x.length).fill(NaN);
  const seconds = stepMs / 1000;
  let resets = 0;
  for (let i = 1; i < x.length; i++) {
    const prev = x[i - 1];
    const cur = x[i];
    if (Number.isNaN(prev) || Number.isNaN(cur)) {
      continue;
    }
    let inc = cur - prev;
    if (inc < 0) {
      resets++;
      inc = cur;
    }
    out[i] = inc / seconds;
  }
  return { values: out, resets };
}
