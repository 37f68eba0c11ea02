/**
 * "Firing alerts" beside the demo's panels, from the demo Prometheus (through the sandbox's proxy):
 * - now: the alerts its rule manager holds (`/api/v1/rules`: state pending or firing, labels,
 *   annotations with the r value), the same alerts it sends to the demo's Alertmanager;
 * - in the shown range: Prometheus evaluates alerting rules live only, so for a past range (an
 *   `&incident=` zoom into the backfilled history) each rule's condition is evaluated over the range
 *   at the rule's step, on the recording rules backfilled over the history, and a run that holds for
 *   the rule's `for` duration is shown as fired then.
 */
import React from 'react';
import { GrafanaTheme2 } from '@grafana/data';

interface PromAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: string;
  value: string;
}

interface AlertingRule {
  name: string;
  query: string;
  /** The rule's `for`, in seconds. */
  duration: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  alerts: PromAlert[];
}

export interface AlertRow {
  name: string;
  state: string;
  labels: Record<string, string>;
  /** Summary annotation (live) or the condition's peak value and when (history). */
  detail: string;
  /** When a replayed rule fired (seconds since the epoch, history only). */
  firedFrom?: number;
  firedTo?: number;
}

/** Seconds between evaluations of the demo's rule groups (demo/rules/infradrift.rules.yml). */
export const EVAL_STEP_SECONDS = 15;

async function promJson<T>(pathAndQuery: string): Promise<T> {
  const body = (await (await fetch(`/api/prom/api/v1/${pathAndQuery}`)).json()) as {
    status: string;
    data: T;
    error?: string;
  };
  if (body.status !== 'success') {
    throw new Error(body.error ?? 'Prometheus answered with an error');
  }
  return body.data;
}

/**
 * Runs of consecutive true evaluations that last at least `forSeconds`: when a rule with that `for`
 * would have been firing (from the run's start plus `for` to its end).
 */
export function firingRuns(
  times: number[],
  stepSeconds: number,
  forSeconds: number
): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  let start: number | undefined;
  times.forEach((t, i) => {
    start ??= t;
    const last = i === times.length - 1 || times[i + 1] - t > stepSeconds * 1.5;
    if (last) {
      if (t - start >= forSeconds) {
        runs.push({ from: start + forSeconds, to: t });
      }
      start = undefined;
    }
  });
  return runs;
}

const clock = (seconds: number) =>
  new Date(seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export async function loadAlerts(range: { from: number; to: number }, live: boolean): Promise<AlertRow[]> {
  const data = await promJson<{ groups: Array<{ rules: AlertingRule[] }> }>('rules?type=alert');
  const rules = data.groups.flatMap((g) => g.rules);
  const rows: AlertRow[] = [];
  if (live) {
    for (const rule of rules) {
      for (const a of rule.alerts) {
        rows.push({
          name: rule.name,
          state: a.state,
          labels: a.labels,
          detail: a.annotations.summary ?? `value ${a.value}`,
        });
      }
    }
  }
  for (const rule of rules) {
    const params = new URLSearchParams({
      query: rule.query,
      start: String(range.from / 1000),
      end: String(range.to / 1000),
      step: String(EVAL_STEP_SECONDS),
    });
    const result = await promJson<{ result: Array<{ values: Array<[number, string]> }> }>(`query_range?${params}`);
    const values = result.result[0]?.values ?? [];
    for (const run of firingRuns(
      values.map(([t]) => t),
      EVAL_STEP_SECONDS,
      rule.duration
    )) {
      const during = values.filter(([t]) => t >= run.from && t <= run.to).map(([, v]) => Number(v));
      const peak = during.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
      // What the value is, as the rule's summary names it ("r = {{ $value }}", "KS = {{ $value }}").
      const quantity = /\b(\w+) = \{\{/.exec(rule.annotations.summary ?? '')?.[1] ?? 'value';
      rows.push({
        name: rule.name,
        state: 'fired in range',
        labels: { alertname: rule.name, ...rule.labels },
        detail: `${clock(run.from)}–${clock(run.to)}, peak ${quantity} = ${peak.toFixed(2)}`,
        firedFrom: run.from,
        firedTo: run.to,
      });
    }
  }
  return rows;
}

export function FiringAlerts(props: { rows?: AlertRow[]; error?: string; theme: GrafanaTheme2 }) {
  const { theme, rows } = props;
  const muted = { color: theme.colors.text.secondary };
  return (
    <section
      data-testid="demo-alerts"
      data-count={rows?.length ?? ''}
      style={{
        margin: '0 16px 8px',
        padding: '8px 12px',
        border: `1px solid ${theme.colors.border.weak}`,
        borderRadius: theme.shape.radius.default,
        background: theme.colors.background.primary,
      }}
    >
      <h3 style={{ margin: '0 0 4px', fontSize: 14 }}>Firing alerts</h3>
      {props.error ? <div style={{ color: theme.colors.error.text }}>{props.error}</div> : null}
      {rows === undefined && !props.error ? <div style={muted}>Loading…</div> : null}
      {rows?.length === 0 ? <div style={muted}>None now or in this range.</div> : null}
      {rows?.map((row, i) => (
        <div
          key={i}
          data-alert-name={row.name}
          data-alert-state={row.state}
          data-alert-from={row.firedFrom}
          data-alert-to={row.firedTo}
          style={{ display: 'flex', gap: 12, flexWrap: 'wrap', padding: '2px 0' }}
        >
          <strong>{row.name}</strong>
          <span
            style={{
              color:
                row.state === 'firing' || row.state === 'fired in range'
                  ? theme.colors.error.text
                  : theme.colors.warning.text,
            }}
          >
            {row.state}
          </span>
          <span style={muted}>
            {Object.entries(row.labels)
              .filter(([k]) => k !== 'alertname')
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}
          </span>
          <span>{row.detail}</span>
        </div>
      ))}
      <div style={{ ...muted, fontSize: 12, marginTop: 4 }}>
        Alerts are evaluated live by Prometheus and sent to Alertmanager; &quot;fired in range&quot; replays each
        rule&apos;s condition and `for` over the shown range from the recording rules backfilled over the history.
      </div>
    </section>
  );
}
