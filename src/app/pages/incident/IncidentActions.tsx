import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PluginExtensionExposedComponents, textUtil, type TimeRange } from '@grafana/data';
import { t } from '@grafana/i18n';
import { usePluginComponent } from '@grafana/runtime';
import type { Panel } from '@grafana/schema';
import { Button, LinkButton, Modal, useStyles2 } from '@grafana/ui';
import type { CompareResult } from '../../../stats';
import type { SignalInfo } from '../../../shared/frameContract';
import { CreateAlertButton } from '../../../panels/common/alert/CreateAlertButton';
import { pairSide } from '../../../panels/common/alert/pairAlert';
import { lagChoice } from '../../../panels/common/alert/lagChoice';
import { TextBlock } from '../../../panels/common/alert/TextBlock';
import { exploreUrl } from '../../../panels/common/exploreLink';
import { leadingLink, linkLagCurve } from '../../incident/compareViews';
import type { PreparedIncident } from '../../incident/incidentRequest';
import { incidentPanel } from '../../incident/panelJson';
import { toTimeRange } from '../../incident/windows';

/** Props of Grafana's exposed add-to-dashboard form (grafana/add-to-dashboard-form/v1). */
interface AddToDashboardFormProps {
  onClose: () => void;
  buildPanel: () => Panel;
  timeRange?: TimeRange;
  options?: { useAbsolutePath: boolean };
}

// The host's @grafana/data can predate the enum member; the id is stable.
const ADD_TO_DASHBOARD: string =
  PluginExtensionExposedComponents.AddToDashboardFormV1 ?? 'grafana/add-to-dashboard-form/v1';

function AddToDashboard({
  prepared,
  targetName,
  range,
}: {
  prepared: PreparedIncident;
  targetName?: string;
  range: TimeRange;
}) {
  const { component: Form } = usePluginComponent<AddToDashboardFormProps>(ADD_TO_DASHBOARD);
  const [open, setOpen] = useState(false);
  const panel = () => incidentPanel(prepared.set.query, prepared.set.ds.uid, targetName);
  const title = t('incident.actions.add-to-dashboard', 'Add to dashboard');
  return (
    <>
      <Button icon="apps" variant="secondary" size="sm" fill="outline" onClick={() => setOpen(true)}>
        {title}
      </Button>
      {open &&
        (Form ? (
          <Modal title={title} isOpen onDismiss={() => setOpen(false)}>
            <Form onClose={() => setOpen(false)} buildPanel={() => panel() as unknown as Panel} timeRange={range} />
          </Modal>
        ) : (
          // Without Grafana's form (older Grafana, the sandbox): the panel as JSON to paste into a dashboard.
          <Modal title={title} isOpen onDismiss={() => setOpen(false)}>
            <p>
              {t(
                'incident.actions.add-fallback',
                'This Grafana offers no add-to-dashboard form to plugins. Copy the panel JSON below and paste it into a dashboard (Add → Paste panel).'
              )}
            </p>
            <TextBlock
              title={t('incident.actions.panel-json', 'Panel JSON')}
              fileName="infradrift-panel.json"
              text={JSON.stringify(panel(), null, 2)}
              mime="application/json"
              testId="infradrift-incident-panel-json"
            />
          </Modal>
        ))}
    </>
  );
}

/** Create alert (the leading pair), Add to dashboard (the signal set as a matrix panel), Open in Explore (the target). */
export function IncidentActions({ prepared, compare }: { prepared: PreparedIncident; compare: CompareResult }) {
  const styles = useStyles2(getStyles);
  const infoOf = new Map<string, SignalInfo>(prepared.signals.map((s) => [s.name, s]));
  const nameOf = (id: string) => compare.signals.find((s) => s.id === id)?.name ?? id;
  const range = toTimeRange(prepared.windows.incident);
  const stepMs = prepared.request.grid?.stepMs ?? 60_000;
  const leading = leadingLink(compare);
  const firstTarget = compare.targets[0];
  const explore = firstTarget ? exploreUrl(infoOf.get(firstTarget), prepared.windows.incident) : undefined;
  const alertInput = () => {
    const { target, link } = leading!;
    const names = { target: nameOf(target), other: nameOf(link.other) };
    const curve = linkLagCurve(link, names, stepMs, compare.alpha, compare.incident.points);
    return {
      a: pairSide(names.other, infoOf.get(link.other)),
      b: pairSide(names.target, infoOf.get(target)),
      method: 'pearson' as const,
      windowMs: prepared.windows.incident.to - prepared.windows.incident.from,
      stepMs,
      lag: lagChoice(curve, names.other, names.target),
      controls: compare.controls.map(nameOf),
    };
  };
  return (
    <div className={styles.actions} data-testid="infradrift-incident-actions">
      {leading && <CreateAlertButton input={alertInput} range={range} />}
      <AddToDashboard prepared={prepared} targetName={firstTarget ? nameOf(firstTarget) : undefined} range={range} />
      {explore && (
        <LinkButton href={textUtil.sanitizeUrl(explore)} icon="compass" variant="secondary" size="sm" fill="outline">
          {t('incident.actions.explore', 'Open in Explore')}
        </LinkButton>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  actions: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1), marginBottom: theme.spacing(2) }),
});
