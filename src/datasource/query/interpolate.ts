import { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import type { InfraDriftQuery, SignalQuery } from '../types';

/**
 * Replaces `$variables` in every text field of a query (expressions, legends, names of targets,
 * confounders and pairs, and the source data source uid), as Grafana's own data sources do.
 */
export function interpolateQuery(query: InfraDriftQuery, templateSrv: TemplateSrv, scopedVars: ScopedVars = {}): InfraDriftQuery {
  const r = (text: string | undefined) => (text === undefined ? undefined : templateSrv.replace(text, scopedVars));
  const signals = query.signals.map(
    (s): SignalQuery => ({
      ...s,
      // PromQL wants regex-friendly multi-values: Grafana's Prometheus uses the same format.
      expr: templateSrv.replace(s.expr, scopedVars, 'regex'),
      legendFormat: r(s.legendFormat),
      by: s.by?.map((l) => r(l)!),
      baselineJson: r(s.baselineJson),
      datasource: s.datasource?.uid ? { ...s.datasource, uid: r(s.datasource.uid) } : s.datasource,
    })
  );
  const a = query.analysis;
  return {
    ...query,
    signals,
    analysis: {
      ...a,
      target: r(a.target),
      confounders: a.confounders.map((c) => r(c)!),
      pairs: a.pairs?.map(([x, y]) => [r(x)!, r(y)!] as [string, string]),
    },
  };
}
