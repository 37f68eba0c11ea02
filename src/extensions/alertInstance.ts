/**
 * "Explain alert with InfraDrift" on an alert instance: the period the alert has been active becomes the
 * incident window, its name the page's context, and the rule's Prometheus queries (when the context
 * carries them) the signal set. Hidden (undefined) when the instance has no active time.
 *
 * Grafana does not export this context's type. Grafana 13 passes a flat copy
 * (`AlertInstanceExtensionPoint.tsx`): `{ rule?: { name, query, labels, annotations, uid? },
 * instance: { activeAt, annotations, labels, state, value } }`; Grafana 12 passed the whole
 * `CombinedRule` and `Alert`, which have the same fields (and the rule's `namespace.rulesSource`).
 * Alertmanager-shaped instances (`startsAt`, `endsAt`) are read too.
 */
import type { DataQuery } from '@grafana/schema';
import { EntryTarget } from './entryState';
import { emptyIncidentState } from '../app/incident/incidentUrl';
import { GrafanaLookups, NO_LOOKUPS, querySignals } from './querySignals';

export interface AlertInstanceContext {
  rule?: {
    name?: string;
    /** Grafana-managed rule: its queries as JSON; data source-managed rule: the PromQL expression. */
    query?: string;
    labels?: Record<string, string>;
    uid?: string;
    namespace?: { rulesSource?: unknown };
  };
  instance?: {
    activeAt?: string;
    startsAt?: string;
    endsAt?: string;
    state?: string;
    labels?: Record<string, string>;
  };
}

/**
 * How far before the alert became active the window starts. `activeAt` is when the rule's condition was
 * first true (the start of "pending", so the rule's `for` already lies after it); the expression that
 * became true usually averages over the last 5–10 minutes and is evaluated every minute, so the change
 * behind it began up to that long before. 15 minutes puts that onset inside the incident window instead
 * of in the baseline that precedes it.
 */
export const ALERT_LEAD_IN_MS = 15 * 60_000;

/** An ISO time Grafana really set: the zero time (`0001-01-01…`) of an instance never active is not one. */
function instantMs(text: string | undefined): number | undefined {
  const ms = text ? Date.parse(text) : NaN;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

interface GrafanaAlertQuery {
  refId?: string;
  datasourceUid?: string;
  model?: Record<string, unknown> & { datasource?: { type?: string; uid?: string } };
}

/** The rule's queries as data source queries, each on the data source the rule runs it on. */
export function ruleQueries(rule: AlertInstanceContext['rule']): DataQuery[] {
  const text = rule?.query?.trim() ?? '';
  if (text === '') {
    return [];
  }
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) {
        return (parsed as GrafanaAlertQuery[]).map((q, i) => ({
          ...q.model,
          refId: q.refId ?? String(i),
          // Every query of a rule feeds its condition: a `hide` left in the model does not apply.
          hide: false,
          datasource: { type: q.model?.datasource?.type, uid: q.datasourceUid ?? q.model?.datasource?.uid },
        }));
      }
    } catch {
      // Not JSON after all: a PromQL expression may start with `[` only if malformed; read it as PromQL below.
    }
  }
  const source = rule?.namespace?.rulesSource;
  const ref =
    source && typeof source === 'object' && 'uid' in source && 'type' in source
      ? { uid: String(source.uid), type: String(source.type) }
      : undefined;
  return [{ refId: 'A', expr: text, datasource: ref } as DataQuery];
}

export function alertInstanceTarget(
  context: Readonly<AlertInstanceContext> | undefined,
  now: number,
  lookups: GrafanaLookups = NO_LOOKUPS
): EntryTarget | undefined {
  const instance = context?.instance;
  const start = instantMs(instance?.activeAt) ?? instantMs(instance?.startsAt);
  if (start === undefined || start > now) {
    return undefined;
  }
  // Alertmanager sets `endsAt` in the future while an alert fires: only a past one means resolved.
  const end = instantMs(instance?.endsAt);
  const resolved = end !== undefined && end <= now && end > start;
  const signals = querySignals(ruleQueries(context?.rule), { lookups });
  const name = context?.rule?.name ?? instance?.labels?.alertname;
  return {
    state: {
      ...emptyIncidentState(),
      from: String(start - ALERT_LEAD_IN_MS),
      to: resolved ? String(end) : 'now',
      alert: name || undefined,
      source: signals.exprs.length > 0 ? signals.source : undefined,
      exprs: signals.exprs,
    },
    skipped: signals.skipped,
  };
}
