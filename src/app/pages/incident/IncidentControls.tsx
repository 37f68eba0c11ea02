import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, type TimeRange } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Field, MultiCombobox, RadioButtonGroup, TimeRangeInput, useStyles2 } from '@grafana/ui';
import { DEFAULT_BASELINE, type BaselineParam, type IncidentState } from '../../incident/incidentUrl';
import type { NamedSeries } from '../../incident/targets';
import { baselineWindow, DEFAULT_FROM, DEFAULT_TO, parseTime, toTimeRange } from '../../incident/windows';

type BaselineChoice = 'preceding' | '1d' | '7d' | 'fixed';

interface Props {
  state: IncidentState;
  /** The signals of the current set (known once fetched), for the target picker. */
  series?: NamedSeries[];
  onChange: (next: IncidentState) => void;
}

/** A picked time as the URL keeps it: relative text (`now-1h`) as typed, absolute times in ms. */
function urlTime(raw: TimeRange['raw']['from'], value: number): string {
  return typeof raw === 'string' ? raw : String(value);
}

function choiceOf(b: BaselineParam): BaselineChoice {
  return b.kind === 'shifted' ? b.shift : b.kind;
}

/** The page's choices, each written to the URL: the incident window, the baseline, the targets. */
export function IncidentControls({ state, series, onChange }: Props) {
  const styles = useStyles2(getStyles);
  // Relative times (now-1h) are shown as of when the page opened; the analysis reads them when it runs.
  const [now] = useState(Date.now);
  const fromText = state.from ?? DEFAULT_FROM;
  const toText = state.to ?? DEFAULT_TO;
  const from = parseTime(fromText, false, now);
  const to = parseTime(toText, true, now);
  const incident = from !== undefined && to !== undefined && from < to ? { from, to } : undefined;
  const range = incident ? toTimeRange(incident, { from: fromText, to: toText }) : undefined;

  const setBaseline = (choice: BaselineChoice) => {
    if (choice === 'preceding') {
      onChange({ ...state, baseline: state.baseline.kind === 'preceding' ? state.baseline : DEFAULT_BASELINE });
    } else if (choice === 'fixed') {
      // Starts as the window just before the incident, of the same length; the picker below moves it.
      const w = incident ? baselineWindow({ kind: 'preceding', factor: 1 }, incident) : undefined;
      w && onChange({ ...state, baseline: { kind: 'fixed', from: w.from, to: w.to } });
    } else {
      onChange({ ...state, baseline: { kind: 'shifted', shift: choice } });
    }
  };
  const options = (series ?? []).map((s) => ({ value: s.name, label: s.name }));
  // Targets named in the URL stay choosable even before the set is fetched (or when unknown).
  state.targets.filter((n) => !options.some((o) => o.value === n)).forEach((n) => options.push({ value: n, label: n }));

  return (
    <div className={styles.controls} data-testid="infradrift-incident-controls">
      <Field label={t('incident.controls.window', 'Incident window')}>
        <TimeRangeInput
          value={range ?? toTimeRange({ from: now - 3600_000, to: now })}
          onChange={(r) =>
            onChange({ ...state, from: urlTime(r.raw.from, r.from.valueOf()), to: urlTime(r.raw.to, r.to.valueOf()) })
          }
          hideTimeZone
        />
      </Field>
      <Field label={t('incident.controls.baseline', 'Baseline')}>
        <RadioButtonGroup<BaselineChoice>
          value={choiceOf(state.baseline)}
          onChange={setBaseline}
          options={[
            {
              value: 'preceding',
              label:
                state.baseline.kind === 'preceding'
                  ? t('incident.controls.preceding-k', 'Preceding ({{factor}}×)', { factor: state.baseline.factor })
                  : t('incident.controls.preceding', 'Preceding'),
              description: t(
                'incident.controls.preceding-hint',
                'The window just before the incident, k times as long'
              ),
            },
            { value: '1d', label: t('incident.controls.1d', '1 day earlier') },
            { value: '7d', label: t('incident.controls.7d', '7 days earlier') },
            { value: 'fixed', label: t('incident.controls.fixed', 'Fixed') },
          ]}
        />
      </Field>
      {state.baseline.kind === 'fixed' && (
        <Field label={t('incident.controls.fixed-range', 'Baseline range')}>
          <TimeRangeInput
            value={toTimeRange(state.baseline)}
            onChange={(r) =>
              onChange({ ...state, baseline: { kind: 'fixed', from: r.from.valueOf(), to: r.to.valueOf() } })
            }
            hideTimeZone
          />
        </Field>
      )}
      <Field
        label={t('incident.controls.targets', 'Targets')}
        description={t('incident.controls.targets-hint', 'Signals to judge; empty: the model signals')}
        className={styles.targets}
      >
        <MultiCombobox<string>
          options={options}
          value={state.targets}
          onChange={(picked) => onChange({ ...state, targets: picked.map((o) => o.value) })}
          placeholder={t('incident.controls.targets-placeholder', 'Model signals')}
          isClearable
          aria-label={t('incident.controls.targets', 'Targets')}
        />
      </Field>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  controls: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
    marginBottom: theme.spacing(2),
  }),
  targets: css({ minWidth: 280, flex: 1 }),
});
