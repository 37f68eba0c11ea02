import type { DataQueryError } from '@grafana/data';

/**
 * Each error of a response or panel data once. Grafana fills both the deprecated `error` and `errors`
 * (whose first entry is the same error), so reading both said every message twice ("X; X").
 */
export function queryErrorTexts(source: { error?: DataQueryError; errors?: DataQueryError[] }): string[] {
  // Older data sources set only `error`.
  const errors = source.errors?.length ? source.errors : source.error ? [source.error] : [];
  return [
    ...new Set(errors.map((e) => e.message ?? e.data?.message ?? e.data?.error ?? e.statusText ?? 'unknown error')),
  ];
}
