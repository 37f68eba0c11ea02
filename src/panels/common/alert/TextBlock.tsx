import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, ClipboardButton, useStyles2 } from '@grafana/ui';
import { downloadText } from './download';

interface Props {
  title: string;
  fileName: string;
  text: string;
  mime?: string;
  testId: string;
}

/** Generated text with copy and download. Rendered as a text node: labels in it can hold anything. */
export function TextBlock({ title, fileName, text, mime, testId }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <section className={styles.section}>
      <div className={styles.head}>
        <h5 className={styles.title}>{title}</h5>
        <ClipboardButton
          getText={() => text}
          icon="copy"
          variant="secondary"
          size="sm"
          fill="outline"
          aria-label={`Copy ${title}`}
        >
          Copy
        </ClipboardButton>
        <Button
          icon="download-alt"
          variant="secondary"
          size="sm"
          fill="outline"
          aria-label={`Download ${fileName}`}
          onClick={() => downloadText(fileName, text, mime)}
        >
          {fileName}
        </Button>
      </div>
      <pre className={styles.pre} data-testid={testId}>
        {text}
      </pre>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), marginTop: theme.spacing(1.5) }),
  head: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  title: css({ margin: 0, flex: 1, fontSize: theme.typography.h6.fontSize }),
  pre: css({
    margin: 0,
    maxHeight: 180,
    overflow: 'auto',
    padding: theme.spacing(1),
    background: theme.colors.background.canvas,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.primary,
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  }),
});
