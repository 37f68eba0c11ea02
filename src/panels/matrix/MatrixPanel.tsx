import React from 'react';
import { PanelProps } from '@grafana/data';
import { PanelMessage } from '../../shared/PanelMessage';
import { MatrixOptions } from './types';

/** Correlation matrix panel. Skeleton: shows the empty state until the matrix renderer lands. */
export function MatrixPanel({ data, width, height }: PanelProps<MatrixOptions>) {
  const frames = data.series.length;
  return (
    <div style={{ width, height }} data-testid="infradrift-matrix-panel">
      {frames === 0 ? (
        <PanelMessage
          title="No data"
          hint="Query the InfraDrift Correlation data source with the matrix output, or any time series data source."
        />
      ) : (
        <PanelMessage title={`${frames} frame(s) received`} hint="The matrix renderer is not built yet." />
      )}
    </div>
  );
}
