import type { GrafanaTheme2 } from '@grafana/data';

/**
 * Small text on one line, cut with an ellipsis when it does not fit (the full text goes in a title):
 * captions, notes and sentences in the panels. Spread into an Emotion `css({...})`.
 */
export function oneLineSmallText(theme: GrafanaTheme2, color: 'primary' | 'secondary') {
  return {
    minWidth: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text[color],
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  } as const;
}
