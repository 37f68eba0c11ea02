import React from 'react';
import { DataSourceInstanceSettings } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { IconButton, InlineField, InlineFieldRow, Input, Select, TagsInput } from '@grafana/ui';
import type { DataSourceRef } from '@grafana/schema';
import type { SignalQuery } from '../types';
import { BASELINE_OPTIONS, DRIFT_METHOD_OPTIONS, KIND_OPTIONS, ROLE_OPTIONS, TRANSFORM_OPTIONS } from './options';

interface Props {
  signal: SignalQuery;
  /** The InfraDrift data source's default source, shown when the signal names none. */
  defaultSource?: DataSourceRef;
  onChange: (signal: SignalQuery) => void;
  onRemove: () => void;
  onRunQuery: () => void;
}

/** One signal: where it comes from, what it is, and how to read it. */
export function SignalRow({ signal, defaultSource, onChange, onRemove, onRunQuery }: Props) {
  const set = (patch: Partial<SignalQuery>) => onChange({ ...signal, ...patch });
  const isHistogram = signal.kind === 'histogram';
  return (
    <div data-testid={`infradrift-signal-${signal.key}`}>
      <InlineFieldRow>
        <InlineField
          label={signal.key}
          tooltip="Source data source; empty uses the InfraDrift data source's default source"
        >
          <DataSourcePicker
            current={signal.datasource?.uid ? signal.datasource : defaultSource}
            noDefault
            metrics
            width={24}
            placeholder="Default source"
            onChange={(ds: DataSourceInstanceSettings) => set({ datasource: { type: ds.type, uid: ds.uid } })}
          />
        </InlineField>
        <InlineField label={isHistogram ? 'Histogram' : 'Expression'} grow>
          <Input
            value={signal.expr}
            placeholder={
              isHistogram ? 'recsys_feature_value{model="ranker"}' : 'rate(container_cpu_usage_seconds_total[5m])'
            }
            onChange={(e) => set({ expr: e.currentTarget.value })}
            onBlur={onRunQuery}
            aria-label={`Expression of signal ${signal.key}`}
          />
        </InlineField>
        <IconButton name="trash-alt" tooltip={`Remove signal ${signal.key}`} onClick={onRemove} />
      </InlineFieldRow>
      <InlineFieldRow>
        <InlineField label="Role">
          <Select width={12} options={ROLE_OPTIONS} value={signal.role} onChange={(v) => set({ role: v.value! })} />
        </InlineField>
        <InlineField label="Kind">
          <Select width={16} options={KIND_OPTIONS} value={signal.kind} onChange={(v) => set({ kind: v.value! })} />
        </InlineField>
        <InlineField
          label="Legend"
          tooltip={
            isHistogram
              ? 'Names each distribution, e.g. {{feature}} drift; empty: the metric and the kept labels'
              : 'Names the series, e.g. {{pod}}'
          }
        >
          <Input
            width={20}
            value={signal.legendFormat ?? ''}
            onChange={(e) => set({ legendFormat: e.currentTarget.value })}
            onBlur={onRunQuery}
          />
        </InlineField>
        {isHistogram ? (
          <>
            <InlineField label="Keep apart" tooltip="Labels besides le that make separate distributions, e.g. feature">
              <TagsInput tags={signal.by ?? []} onChange={(by) => set({ by })} placeholder="label + enter" width={24} />
            </InlineField>
            <InlineField label="Drift">
              <Select
                width={22}
                options={DRIFT_METHOD_OPTIONS}
                value={signal.driftMethod ?? 'psi'}
                onChange={(v) => set({ driftMethod: v.value! })}
              />
            </InlineField>
            <InlineField label="Baseline">
              <Select
                width={22}
                options={BASELINE_OPTIONS}
                value={signal.baseline ?? 'preceding'}
                onChange={(v) => set({ baseline: v.value! })}
              />
            </InlineField>
            <InlineField label="Window" tooltip="Drift window in steps">
              <Input
                type="number"
                width={8}
                value={signal.windowSteps ?? 10}
                min={2}
                onChange={(e) => set({ windowSteps: Number(e.currentTarget.value) })}
                onBlur={onRunQuery}
              />
            </InlineField>
          </>
        ) : (
          <>
            <InlineField label="Transform">
              <Select
                width={18}
                options={TRANSFORM_OPTIONS}
                value={signal.transform}
                onChange={(v) => set({ transform: v.value! })}
              />
            </InlineField>
          </>
        )}
      </InlineFieldRow>
      {isHistogram && signal.baseline === 'static' && (
        <InlineFieldRow>
          <InlineField label="Reference" grow tooltip='e.g. {"edges":[0,0.5,1],"counts":[10,20]}'>
            <Input
              value={signal.baselineJson ?? ''}
              onChange={(e) => set({ baselineJson: e.currentTarget.value })}
              onBlur={onRunQuery}
            />
          </InlineField>
        </InlineFieldRow>
      )}
    </div>
  );
}
