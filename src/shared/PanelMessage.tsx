import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

interface Props {
  /** Short statement of the state, e.g. "No data". */
  title: string;
  /** What the user can do about it. Rendered as text, never as HTML. */
  hint?: string;
  kind?: 'info' | 'error';
}

/** The empty/error state shared by both panels, so they speak with one voice. */
export function PanelMessage({ title, hint, kind = 'info' }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrapper} role={kind === 'error' ? 'alert' : 'status'} data-testid="infradrift-panel-message">
      <Icon name={kind === 'error' ? 'exclamation-triangle' : 'info-circle'} size="xl" className={styles[kind]} />
      <div className={styles.title}>{title}</div>
      {hint && <div className={styles.hint}>{hint}</div>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(2),
    textAlign: 'center',
  }),
  title: css({ color: theme.colors.text.primary, fontSize: theme.typography.h5.fontSize }),
  hint: css({ color: theme.colors.text.secondary, maxWidth: 480 }),
  info: css({ color: theme.colors.text.secondary }),
  error: css({ color: theme.colors.error.text }),
});
