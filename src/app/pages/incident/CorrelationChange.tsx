import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import type { CompareResult } from '../../../stats';
import type { SignalInfo } from '../../../shared/frameContract';
import { MatrixGrid } from '../../../panels/matrix/MatrixGrid';
import { buildView } from '../../../panels/matrix/model/view';
import { defaultMatrixOptions, type MatrixOptions } from '../../../panels/matrix/types';
import { useWidth } from '../../../panels/common/useWidth';
import { compareMatrixModel, type MatrixKind } from '../../incident/compareViews';

/** Input order, no dendrogram: the three grids must line up cell for cell. */
const WINDOW_OPTIONS: MatrixOptions = {
  ...defaultMatrixOptions,
  clusterOrder: false,
  showDendrogram: false,
  significance: 'none',
};
const DELTA_OPTIONS: MatrixOptions = { ...WINDOW_OPTIONS, significance: 'fade' };

const GAP = 16;
const MAX_SIZE = 460;

function title(kind: MatrixKind): string {
  switch (kind) {
    case 'baseline':
      return t('incident.matrix.baseline', 'Baseline r');
    case 'incident':
      return t('incident.matrix.incident', 'Incident r');
    case 'delta':
      return t('incident.matrix.delta', 'Δr (incident − baseline); faded: not significant');
  }
}

/** Baseline, incident and Δr matrices, drawn by the matrix panel's own grid. */
export function CorrelationChange({
  compare,
  signals,
  stepMs,
}: {
  compare: CompareResult;
  signals: SignalInfo[];
  stepMs: number;
}) {
  const styles = useStyles2(getStyles);
  const [ref, width] = useWidth(900);
  const kinds: MatrixKind[] = ['baseline', 'incident', 'delta'];
  const models = kinds.map((kind) => ({ kind, model: compareMatrixModel(compare, kind, signals, stepMs) }));
  if (models.every((m) => !m.model)) {
    return null;
  }
  // Side by side when three fit at a readable size, else one under the other.
  const across = (width - 2 * GAP) / 3 >= 260;
  const size = Math.floor(Math.min(MAX_SIZE, across ? (width - 2 * GAP) / 3 : width));
  return (
    <section aria-labelledby="infradrift-correlation-change" className={styles.section} ref={ref}>
      <h3 id="infradrift-correlation-change">{t('incident.matrix.title', 'Correlation change')}</h3>
      <div className={styles.grids}>
        {models.map(({ kind, model }) =>
          model ? (
            <figure key={kind} className={styles.figure} data-testid={`infradrift-incident-matrix-${kind}`}>
              <figcaption className={styles.caption}>{title(kind)}</figcaption>
              <MatrixGrid
                model={model}
                view={buildView(model, { clusterOrder: false, layout: 'all', triangle: 'full' })}
                options={kind === 'delta' ? DELTA_OPTIONS : WINDOW_OPTIONS}
                width={size}
                height={size}
                decimals={2}
                onOpen={() => undefined}
                onEscape={() => undefined}
              />
            </figure>
          ) : null
        )}
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginBottom: theme.spacing(3) }),
  grids: css({ display: 'flex', flexWrap: 'wrap', gap: GAP }),
  figure: css({ margin: 0 }),
  caption: css({ color: theme.colors.text.secondary, marginBottom: theme.spacing(0.5) }),
});
