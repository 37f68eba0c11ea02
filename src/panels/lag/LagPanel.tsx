import React from 'react';
import { PanelProps } from '@grafana/data';
import { PanelMessage } from '../../shared/PanelMessage';
import { LagOptions } from './types';

/** Lag correlation panel. Skeleton: shows the empty state until the correlogram renderer lands. */
export function LagPanel({ data, width, height }: PanelProps<LagOptions>) {
  const frames = data.series.length;
  return (
    <div style={{ width, height }} data-testid="infradrift-lag-panel">
      {frames === 0 ? (
        <PanelMessage
          title="No data"
          hint="Query the InfraDrift Correlation data source with the lags output, or any time series data source."
        />
      ) : (
        <PanelMessage title={`${frames} frame(s) received`} hint="The correlogram renderer is not built yet." />
      )}
    </div>
  );
}
