/**
 * Names a person reads for histogram signals (docs/frames.md, "Names"). A histogram signal becomes one
 * drift series per group of kept labels; without care its name is the whole selector
 * (`recsys_feature_value{feature="session_length_seconds"}`), which no matrix row, caption or drawer
 * title can show. The full selector stays in the signal's labels and provenance.
 */

/** Grafana's legend placeholder: `{{feature}}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*(.+?)\s*\}\}/g;
/** One matcher inside a selector's braces: `name op "value"` (PromQL's three kinds of string). */
const MATCHER = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!=|!~|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)\s*(?:,|$)/y;
/** Control characters (a newline in a label value) would break a one-line name. */
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** The metric of a histogram selector without `_bucket`: `recsys_feature_value{...}` -> `recsys_feature_value`. */
export function histogramMetric(expr: string): string {
  return expr
    .trim()
    .replace(/\{.*$/s, '')
    .trim()
    .replace(/_bucket$/, '');
}

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return literal[0] === '`' ? body : body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

/**
 * The equality matchers of a selector (`feature="age"`): the labels every series of the histogram
 * carries with that value. Regex and negative matchers say nothing certain and are left out; text
 * that is no selector gives none.
 */
export function equalityMatchers(expr: string): Record<string, string> {
  const open = expr.indexOf('{');
  const close = expr.lastIndexOf('}');
  const out: Record<string, string> = {};
  if (open < 0 || close < open) {
    return out;
  }
  const inner = expr.slice(open + 1, close);
  MATCHER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (MATCHER.lastIndex < inner.length && (m = MATCHER.exec(inner)) !== null) {
    if (m[2] === '=') {
      out[m[1]] = unquote(m[3]);
    }
  }
  return out;
}

/**
 * Grafana's legend templating (`{{label}}`, as its Prometheus data source does it): a placeholder
 * becomes the label's value; a label that is missing or empty stays as its name, so a typo shows.
 * Values are inserted once, never read as templates again; only own labels count (`{{constructor}}`
 * is a label name like any other).
 */
export function renderLegend(template: string, labels: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_, key: string) =>
    Object.prototype.hasOwnProperty.call(labels, key) && labels[key] ? labels[key] : key
  );
}

function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

export interface HistogramNameInput {
  /** The signal's expression: the metric with optional matchers, variables replaced. */
  expr: string;
  /** The group's labels besides `le` (the kept labels). */
  labels: Record<string, string>;
  /** The labels the signal keeps apart, in the user's order. */
  by?: string[];
  legendFormat?: string;
}

/**
 * The display name of one histogram group. With a legend: the legend rendered over the selector's
 * equality matchers, the group's labels and `__name__`. Without one (or when it renders empty): the
 * metric without `_bucket` and the values of the kept labels, e.g. `recsys_feature_value age`.
 */
export function histogramName({ expr, labels, by = [], legendFormat }: HistogramNameInput): string {
  const metric = histogramMetric(expr);
  if (legendFormat?.trim()) {
    const rendered = oneLine(renderLegend(legendFormat, { ...equalityMatchers(expr), ...labels, __name__: metric }));
    if (rendered) {
      return rendered;
    }
  }
  const kept = [
    ...by.filter((k) => k in labels),
    ...Object.keys(labels)
      .filter((k) => !by.includes(k))
      .sort(),
  ];
  const values = [...new Set(kept)].map((k) => oneLine(labels[k] ?? '')).filter(Boolean);
  return [oneLine(metric) || 'histogram', ...values].join(' ');
}

/**
 * `base`, or `base (2)`, `base (3)`… when the row it would become (`rowOf(name)`) is taken; that row
 * is then taken.
 */
export function uniqueName(base: string, taken: Set<string>, rowOf: (name: string) => string = (n) => n): string {
  let name = base;
  for (let k = 2; taken.has(rowOf(name)); k++) {
    name = `${base} (${k})`;
  }
  taken.add(rowOf(name));
  return name;
}
