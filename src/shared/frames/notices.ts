import type { QueryResultMetaNotice } from '@grafana/data';
import type { EngineWarning } from '../../stats';

/** Engine warnings become frame notices, so Grafana shows them in the panel header. */
export function warningNotices(warnings: EngineWarning[]): QueryResultMetaNotice[] {
  return warnings.map((w) => ({
    // KERNEL_FALLBACK changes speed, not results: information, not a warning about the numbers.
    severity: w.code === 'INTERNAL_ERROR' ? 'error' : w.code === 'KERNEL_FALLBACK' ? 'info' : 'warning',
    text: w.series ? `${w.series}: ${w.message}` : w.message,
  }));
}
