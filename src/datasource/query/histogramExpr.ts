/**
 * PromQL for a histogram signal. The user names the histogram (`recsys_feature_value`, optionally with
 * matchers); InfraDrift asks for the per-step increase of each bucket, summed by `le` and the labels
 * the user keeps apart. `increase()` handles counter resets (pod restarts) the way Prometheus does.
 *
 * The range is two steps, scaled back to one: `increase(x[step])` is empty when scrapes are one step
 * apart (a range holds one sample), the same reason Grafana's `$__rate_interval` is at least 4 scrapes.
 * Adjacent points therefore share half their data, a mild smoothing that leaves proportions intact.
 */
const SELECTOR = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^{}]*\})?\s*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export class HistogramExprError extends Error {}

export function histogramExpr(metric: string, by: string[] | undefined, stepSeconds: number): string {
  const match = SELECTOR.exec(metric);
  if (!match) {
    throw new HistogramExprError(
      `a histogram signal takes a metric name with optional label matchers, e.g. my_histogram{job="x"}; got "${metric}"`
    );
  }
  const name = match[1].replace(/_bucket$/, '');
  const matchers = match[2] ?? '';
  const labels = (by ?? []).map((l) => l.trim()).filter((l) => l && l !== 'le');
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad) {
    throw new HistogramExprError(`"${bad}" is not a valid label name`);
  }
  return `sum by (${['le', ...labels].join(', ')}) (increase(${name}_bucket${matchers}[${2 * stepSeconds}s])) / 2`;
}
