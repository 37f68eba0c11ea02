import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, TimeRange } from '@grafana/data';
import { Alert, Button, Field, Input, Modal, useStyles2 } from '@grafana/ui';
import { RULE_FILE_NAMES } from './fileNames';
import { DEFAULT_ABS_R, pairAlert, PairAlertInput } from './pairAlert';
import { TextBlock } from './TextBlock';
import { useCreateAlertForm } from './useCreateAlertForm';

interface Props {
  input: Omit<PairAlertInput, 'threshold'>;
  range: TimeRange;
  onDismiss: () => void;
}

/**
 * "Create alert" for a pair: says what the rule computes, or why the pair cannot become one; hands the
 * query to Grafana's own alert form where this Grafana exposes it, and always shows the files.
 */
export function CreateAlertDialog({ input, range, onDismiss }: Props) {
  const styles = useStyles2(getStyles);
  const AlertFormComponent = useCreateAlertForm();
  const [method, setMethod] = useState(input.method);
  const [thresholdText, setThresholdText] = useState(String(DEFAULT_ABS_R));
  const [threshold, setThreshold] = useState(DEFAULT_ABS_R);
  const [inGrafanaForm, setInGrafanaForm] = useState(false);
  const plan = useMemo(() => pairAlert({ ...input, method, threshold }), [input, method, threshold]);
  const title = `Create alert: ${input.a.name} vs ${input.b.name}`;

  if (inGrafanaForm && AlertFormComponent && plan.ok) {
    // Grafana's component, the same one on every render (from the extension registry, not made here).
    return React.createElement(AlertFormComponent, { panel: plan.build.alerts[0].alertForm.panel, range, onDismiss });
  }
  const thresholdInvalid = !(Number(thresholdText) > 0 && Number(thresholdText) <= 1);
  return (
    <Modal title={title} isOpen onDismiss={onDismiss} className={styles.modal}>
      <div data-testid="infradrift-create-alert">
        {!plan.ok ? (
          <>
            <Alert
              severity="warning"
              title="This pair cannot become an alert rule"
              data-testid="infradrift-alert-refused"
            >
              <ul className={styles.list}>
                {plan.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </Alert>
            {plan.offerPearson && (
              <Button icon="exchange-alt" onClick={() => setMethod('pearson')}>
                Use Pearson on the same pair
              </Button>
            )}
          </>
        ) : (
          <>
            <p className={styles.summary} data-testid="infradrift-alert-summary">
              {plan.summary}
            </p>
            <Field
              label="Fire when |r| ≥"
              description="Between 0 and 1; 0.7 is the usual line for a strong co-movement."
              invalid={thresholdInvalid}
              error="Enter a number above 0 and at most 1"
            >
              <Input
                type="number"
                min={0.05}
                max={1}
                step={0.05}
                width={12}
                value={thresholdText}
                data-testid="infradrift-alert-threshold"
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setThresholdText(text);
                  const v = Number(text);
                  if (v > 0 && v <= 1) {
                    setThreshold(v);
                  }
                }}
              />
            </Field>
            {method !== input.method && (
              <Alert
                severity="info"
                title={`The matrix uses ${input.method}; this rule computes Pearson r on the same pair.`}
              />
            )}
            {plan.notices.length > 0 && (
              <Alert severity="info" title="What the rule computes differently">
                <ul className={styles.list}>
                  {plan.notices.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </Alert>
            )}
            {AlertFormComponent ? (
              <div className={styles.handoff}>
                <Button
                  icon="bell"
                  onClick={() => setInGrafanaForm(true)}
                  data-testid="infradrift-alert-open-grafana-form"
                >
                  Open in Grafana&apos;s alert form
                </Button>
                <span
                  className={styles.muted}
                >{`The form gets the query; set its threshold to ${plan.build.alerts[0].thresholdText}. Or load the files below.`}</span>
              </div>
            ) : (
              <p className={styles.muted} data-testid="infradrift-alert-files-hint">
                This Grafana cannot open its alert form from a plugin (that needs Grafana 12.3+ with alerting). Load the
                Prometheus rule file into Prometheus, Mimir or Thanos (rule_files), or the provisioning file into
                Grafana&apos;s provisioning/alerting/ (docs/alerting.md).
              </p>
            )}
            <TextBlock
              title="PromQL (r over the window)"
              fileName={RULE_FILE_NAMES.promql}
              mime="text/plain"
              text={plan.build.alerts[0].promql}
              testId="infradrift-alert-promql"
            />
            <TextBlock
              title="Prometheus rule file"
              fileName={RULE_FILE_NAMES.prometheus}
              text={plan.build.prometheusRuleFile}
              testId="infradrift-alert-prometheus"
            />
            <TextBlock
              title="Grafana alerting provisioning"
              fileName={RULE_FILE_NAMES.grafana}
              text={plan.build.grafanaProvisioning}
              testId="infradrift-alert-grafana"
            />
          </>
        )}
        <Modal.ButtonRow>
          <Button variant="secondary" onClick={onDismiss}>
            Close
          </Button>
        </Modal.ButtonRow>
      </div>
    </Modal>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  modal: css({ width: `min(960px, 92vw)` }),
  summary: css({ margin: theme.spacing(0, 0, 1), wordBreak: 'break-word' }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2), wordBreak: 'break-word' }),
  handoff: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), flexWrap: 'wrap' }),
  muted: css({ color: theme.colors.text.secondary, margin: 0, wordBreak: 'break-word' }),
});
