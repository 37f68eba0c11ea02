/**
 * Alert labels and annotations. Prometheus and Grafana both run annotation (and alert label) values
 * through Go's text/template, so user text (signal names, labels, URLs) that holds a brace could open
 * an action (`{{`), or join one of ours. Such text is emitted as a Go string literal inside an action,
 * `{{ "…" }}`, which prints it verbatim; other text passes as is.
 */
import { AlertInputError } from './problems';
import { durationLiteral, labelName, wellFormed } from './promql/literals';
import type { AlertThreshold, CorrelationRule, DashboardLink, DriftRule } from './spec';

/** User text that a Go template prints verbatim. */
export function templateText(text: string, what = 'text'): string {
  const t = wellFormed(text, what);
  // JSON string syntax is a subset of Go's interpreted string literals once surrogates are paired.
  return /[{}]/.test(t) ? `{{ ${JSON.stringify(t)} }}` : t;
}

/** Absolute http(s) URL, or a message. */
export function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(wellFormed(url, 'dashboard URL'));
  } catch {
    throw new AlertInputError(`dashboard URL ${JSON.stringify(url)} is not an absolute URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AlertInputError(`dashboard URL must be http or https, got ${parsed.protocol}`);
  }
  return parsed.toString();
}

/** Checked user labels (names valid, values well-formed), as template text for alert rules. */
export function userLabels(labels: Record<string, string> | undefined, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels ?? {})) {
    const name = labelName(k, `${what} name`);
    if (name === 'alertname') {
      throw new AlertInputError(`${what} "alertname" is set by the rule itself`);
    }
    out[name] = templateText(String(v), `${what} ${name}`);
  }
  return out;
}

export function thresholdWords(t: AlertThreshold): string {
  switch (t.kind) {
    case 'abs':
      return `|r| >= ${t.value}`;
    case 'above':
      return `r >= ${t.value}`;
    case 'below':
      return `r <= ${t.value}`;
  }
}

function lagWords(rule: CorrelationRule, a: string, b: string): string {
  const lag = rule.lagSeconds ?? 0;
  if (lag === 0) {
    return '';
  }
  const [leader, follower] = lag > 0 ? [a, b] : [b, a];
  return ` with ${leader} leading ${follower} by ${durationLiteral(Math.abs(lag))}`;
}

/**
 * Annotations of a correlation alert. `value` is the template text of r in the host's templating
 * (`{{ $value }}` in Prometheus, `{{ $values.B.Value }}` in Grafana).
 */
export function correlationAnnotations(
  rule: CorrelationRule,
  value: string,
  threshold: AlertThreshold
): Record<string, string> {
  const a = templateText(rule.a.name ?? rule.a.expr, 'signal A name');
  const b = templateText(rule.b.name ?? rule.b.expr, 'signal B name');
  const r = `{{ printf "%.2f" ${value} }}`;
  const window = durationLiteral(rule.windowSeconds);
  return {
    summary: `${a} {{ if ge ${value} 0.0 }}moves with{{ else }}moves against{{ end }} ${b} (r = ${r} over ${window})`,
    description:
      `Pearson r of ${a} and ${b} over the last ${window}${lagWords(rule, a, b)} is ${r} (${thresholdWords(threshold)}). ` +
      'Correlation says the two move together, not which one drives the other: check the dashboard before acting.',
  };
}

export function driftAnnotations(
  rule: DriftRule,
  value: string,
  score: string,
  threshold: number
): Record<string, string> {
  const name = templateText(rule.signal.name ?? rule.signal.expr, 'signal name');
  const window = durationLiteral(rule.signal.drift!.windowSeconds);
  return {
    summary: `${name} drifted: ${score.toUpperCase()} = {{ printf "%.3f" ${value} }} over ${window}`,
    description: `${score.toUpperCase()} of ${name} over the last ${window} against its baseline is {{ printf "%.3f" ${value} }} (>= ${threshold}).`,
  };
}

/** The user's own annotations plus the dashboard link, all as template text. */
export function extraAnnotations(
  annotations: Record<string, string> | undefined,
  dashboard: DashboardLink | undefined
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(annotations ?? {})) {
    out[labelName(k, 'annotation name')] = templateText(String(v), `annotation ${k}`);
  }
  if (dashboard?.url) {
    out.dashboard = templateText(checkedUrl(dashboard.url), 'dashboard URL');
  }
  return out;
}
