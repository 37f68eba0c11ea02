/**
 * The only ways user text enters generated PromQL: a checked label name, a checked metric or record
 * name, an escaped string literal, a finite number, a duration. Anything else is refused with a
 * message, so a hostile label (quotes, braces, backslashes, newlines) can neither break nor extend
 * a rule.
 */
import { AlertInputError } from '../problems';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** A label name as Prometheus 2.x accepts it; names starting with `__` are reserved. */
export function labelName(name: string, what = 'label name'): string {
  if (typeof name !== 'string' || !LABEL_NAME.test(name)) {
    throw new AlertInputError(
      `${what} ${JSON.stringify(name)} is not a valid Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)`
    );
  }
  if (name.startsWith('__')) {
    throw new AlertInputError(`${what} ${JSON.stringify(name)} starts with "__", which Prometheus reserves`);
  }
  return name;
}

/** A metric (or recording rule) name. */
export function metricName(name: string, what = 'metric name'): string {
  if (typeof name !== 'string' || !METRIC_NAME.test(name)) {
    throw new AlertInputError(
      `${what} ${JSON.stringify(name)} is not a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)`
    );
  }
  return name;
}

/** Text that Prometheus, Grafana and YAML can all carry: a string of well-formed Unicode. */
export function wellFormed(text: string, what: string): string {
  if (typeof text !== 'string') {
    throw new AlertInputError(`${what} must be text`);
  }
  // A lone UTF-16 surrogate has no UTF-8 form: Prometheus would reject the rule file.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
    throw new AlertInputError(`${what} contains an unpaired surrogate (not valid Unicode)`);
  }
  return text;
}

/**
 * A PromQL double-quoted string literal. PromQL reads escapes like Go (`\\`, `\"`, `\n`, `\uXXXX`),
 * a subset of which JSON.stringify writes; well-formedness is checked first because a lone surrogate
 * would come out as a `\uD8xx` escape, which Go refuses.
 */
export function stringLiteral(value: string, what = 'label value'): string {
  return JSON.stringify(wellFormed(value, what));
}

/**
 * A finite number as PromQL reads it: the shortest text that parses back to the same double, so a
 * centre or threshold in a rule is exactly the number the plugin computed. Negative numbers come in
 * parentheses so they can follow any operator.
 */
export function numberLiteral(value: number, what = 'number'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AlertInputError(`${what} must be a finite number, got ${String(value)}`);
  }
  const text = String(value);
  return value < 0 || Object.is(value, -0) ? `(${text})` : text;
}

const UNITS: Array<[string, number]> = [
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** A positive duration in seconds as a PromQL duration (`1h30m`, `15s`, `500ms`); whole milliseconds only. */
export function durationLiteral(seconds: number, what = 'duration'): string {
  const ms = seconds * 1000;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new AlertInputError(`${what} must be a positive number of seconds, got ${String(seconds)}`);
  }
  if (Math.abs(ms - Math.round(ms)) > 1e-6) {
    throw new AlertInputError(`${what} must be a whole number of milliseconds, got ${seconds} s`);
  }
  let rest = Math.round(ms);
  let out = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

const DURATION_PART = /(\d+)(ms|s|m|h|d|w|y)/g;
const DURATION_SIZE: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };

/**
 * Reads a Prometheus duration (`5m`, `1h30m`, `90s`) or a plain number of seconds into seconds.
 * For CLI and form input; throws a message naming the field on anything else.
 */
export function parseDuration(text: string | number, what = 'duration'): number {
  if (typeof text === 'number') {
    return text;
  }
  const trimmed = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Number(trimmed);
  }
  let total = 0;
  let consumed = '';
  for (const m of trimmed.matchAll(DURATION_PART)) {
    total += Number(m[1]) * DURATION_SIZE[m[2]];
    consumed += m[0];
  }
  if (!trimmed || consumed !== trimmed) {
    throw new AlertInputError(`${what} ${JSON.stringify(text)} is not a duration such as 30s, 5m or 1h30m`);
  }
  return total;
}
