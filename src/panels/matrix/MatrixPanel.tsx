import React, { useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { readVerdictFrame } from '../../shared/frames';
import { PanelMessage } from '../../shared/PanelMessage';
import { PanelState, tooFewPointsMessage } from '../common/PanelStates';
import { oneLineSmallText } from '../common/textStyles';
import { SeriesForRequest, useComputedFrames } from '../common/useComputedFrames';
import { DrillDown } from './DrillDown';
import { MatrixGrid } from './MatrixGrid';
import { buildMatrixModel, CellInfo, MatrixModel } from './model/matrixModel';
import { buildView } from './model/view';
import { matrixRequest, MAX_LAG_PAIRS_IN_PANEL } from './request';
import { MatrixOptions } from './types';
import { VerdictLine, verdictLineHeight } from './VerdictLine';

const EMPTY_HINT =
  'Query the InfraDrift Correlation data source with the matrix output, or any data source returning two or more time series.';

/** Correlation matrix panel: one render path for the data source's matrix frame and for plain time series. */
export function MatrixPanel({ id, data, width, height, options, fieldConfig, timeRange }: PanelProps<MatrixOptions>) {
  const styles = useStyles2(getStyles);
  const makeRequest = useCallback(
    (input: SeriesForRequest, stepMs: number | undefined) => matrixRequest(input, stepMs, options),
    [options]
  );
  const requestKey = `${options.method}|${options.maxLag}|${options.modelPattern}`;
  const computed = useComputedFrames(data, `matrix-panel-${id}`, requestKey, makeRequest);
  const [open, setOpen] = useState<CellInfo | null>(null);
  const close = useCallback(() => setOpen(null), []);

  const frames = computed.status === 'ready' ? computed.frames : undefined;
  const verdict = useMemo(
    () => (options.verdictLine && frames ? readVerdictFrame(frames) : undefined),
    [frames, options.verdictLine]
  );
  const built = useMemo(() => (frames ? buildMatrixModel(frames) : undefined), [frames]);
  const model = built?.ok ? built.model : undefined;
  const view = useMemo(
    () =>
      model
        ? buildView(model, { clusterOrder: options.clusterOrder, layout: options.layout, triangle: options.triangle })
        : undefined,
    [model, options.clusterOrder, options.layout, options.triangle]
  );

  const wrap = (node: React.ReactNode) => (
    <div style={{ width, height }} data-testid="infradrift-matrix-panel">
      {node}
    </div>
  );
  if (computed.status !== 'ready') {
    return wrap(<PanelState state={computed} emptyHint={EMPTY_HINT} minSeries={2} />);
  }
  if (!built || !built.ok || !model || !view) {
    const detail = built && !built.ok && built.problem === 'malformed' ? built.detail : undefined;
    return wrap(
      <PanelMessage
        kind={detail ? 'error' : 'info'}
        title={detail ? 'The matrix frame is malformed' : 'No correlation matrix in the query result'}
        hint={
          detail ??
          "Set the InfraDrift query's output to include the correlation matrix (the lag panel shows lag frames)."
        }
      />
    );
  }
  const fewPoints = noNumbers(model) ? tooFewPointsMessage(model.reason) : undefined;
  if (noNumbers(model)) {
    return wrap(
      <PanelMessage
        title="No correlations could be computed"
        hint={
          fewPoints ?? 'Every series is constant or missing in this time range: widen the range or check the queries.'
        }
      />
    );
  }
  const decimals = fieldConfig?.defaults?.decimals ?? model.decimals ?? 2;
  const notes = [view.note, lagNote(computed.computed, model, options.maxLag)].filter((n): n is string => Boolean(n));
  const noteHeight = notes.length ? 20 * notes.length : 0;
  const verdictHeight = verdictLineHeight(verdict);
  return wrap(
    <>
      {verdict && <VerdictLine data={verdict} dashboard={data.request?.dashboardUID} panel={id} />}
      <MatrixGrid
        model={model}
        view={view}
        options={options}
        width={width}
        height={height - noteHeight - verdictHeight}
        decimals={decimals}
        onOpen={setOpen}
        onEscape={close}
      />
      {notes.map((n) => (
        <div key={n} className={styles.note} data-testid="infradrift-matrix-note">
          {n}
        </div>
      ))}
      {open && (
        <DrillDown
          cell={open}
          signals={model.signals}
          frames={frames ?? []}
          timeRange={timeRange}
          stepMs={model.stepMs}
          method={model.method}
          controls={model.controls}
          maxLag={options.maxLag > 0 ? options.maxLag : 10}
          decimals={decimals}
          onClose={close}
        />
      )}
    </>
  );
}

function noNumbers(model: MatrixModel): boolean {
  for (let i = 0; i < model.size; i++) {
    for (let j = 0; j < model.size; j++) {
      if (i !== j && Number.isFinite(model.r[i * model.size + j])) {
        return false;
      }
    }
  }
  return true;
}

function lagNote(computedHere: boolean, model: MatrixModel, maxLag: number): string | undefined {
  const pairs = (model.size * (model.size - 1)) / 2;
  if (computedHere && maxLag > 0 && pairs > MAX_LAG_PAIRS_IN_PANEL) {
    return `Best lags skipped for ${model.size} signals (over ${MAX_LAG_PAIRS_IN_PANEL} pairs); open a cell to compute its lag curve.`;
  }
  return undefined;
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ height: 20, lineHeight: '20px', ...oneLineSmallText(theme, 'secondary') }),
});
