import React from 'react';
import { DataSourceInstanceSettings, DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { InlineField, Input, Stack } from '@grafana/ui';
import {
  DEFAULT_MAX_POINTS,
  DEFAULT_MAX_SERIES,
  DEFAULT_MIN_STEP_SECONDS,
  DEFAULT_QUERY_TIMEOUT_SECONDS,
  InfraDriftOptions,
} from './types';

type Props = DataSourcePluginOptionsEditorProps<InfraDriftOptions>;

/** Settings: which data source signals use by default, and the bounds that keep queries affordable. */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const json = options.jsonData;
  const set = (patch: Partial<InfraDriftOptions>) => onOptionsChange({ ...options, jsonData: { ...json, ...patch } });
  const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Math.max(1, Number(text)));
  return (
    <Stack direction="column" gap={1} data-testid="infradrift-config-editor">
      <InlineField
        label="Default source"
        labelWidth={22}
        tooltip="Signals without their own data source run on this one (usually Prometheus)"
      >
        <DataSourcePicker
          current={json.defaultSource?.uid ? json.defaultSource : undefined}
          metrics
          noDefault
          width={40}
          onChange={(ds: DataSourceInstanceSettings) => set({ defaultSource: { type: ds.type, uid: ds.uid } })}
        />
      </InlineField>
      <InlineField label="Minimum step (s)" labelWidth={22} tooltip="Finer steps mostly add noise and cost">
        <Input
          type="number"
          width={12}
          placeholder={String(DEFAULT_MIN_STEP_SECONDS)}
          value={json.minStepSeconds ?? ''}
          onChange={(e) => set({ minStepSeconds: numberOrUndefined(e.currentTarget.value) })}
        />
      </InlineField>
      <InlineField label="Maximum points" labelWidth={22} tooltip="Per signal; the step grows to stay under it">
        <Input
          type="number"
          width={12}
          placeholder={String(DEFAULT_MAX_POINTS)}
          value={json.maxPoints ?? ''}
          onChange={(e) => set({ maxPoints: numberOrUndefined(e.currentTarget.value) })}
        />
      </InlineField>
      <InlineField
        label="Series cap"
        labelWidth={22}
        tooltip="Most series in one analysis; extra series are left out with a notice naming them"
      >
        <Input
          type="number"
          width={12}
          placeholder={String(DEFAULT_MAX_SERIES)}
          value={json.maxSeries ?? ''}
          onChange={(e) => set({ maxSeries: numberOrUndefined(e.currentTarget.value) })}
        />
      </InlineField>
      <InlineField
        label="Query timeout (s)"
        labelWidth={22}
        tooltip="How long one signal's query may take on its data source; a signal that takes longer fails with a message naming it"
      >
        <Input
          type="number"
          width={12}
          placeholder={String(DEFAULT_QUERY_TIMEOUT_SECONDS)}
          value={json.queryTimeoutSeconds ?? ''}
          onChange={(e) => set({ queryTimeoutSeconds: numberOrUndefined(e.currentTarget.value) })}
          data-testid="infradrift-config-timeout"
        />
      </InlineField>
    </Stack>
  );
}
